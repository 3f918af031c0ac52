/**
 * The crosswalk as plain, serializable data: what the coverage engine, the reports, the site and the
 * browser report builder all read. Built from validated content; carries no Markdown bodies.
 */
import type {
  AccreditorKind,
  Bindingness,
  Level,
  AddressedCell,
  MappingReview,
  Profession,
  Recommendation,
  RecommendationStatus,
  Strength,
  TextRead,
  Verification,
} from '../schemas/index.ts';
import { STRENGTHS } from '../schemas/mapping.ts';
import { BINDINGNESS, VERIFICATIONS, type STANDARD_LEVELS } from '../schemas/standard.ts';
import type { Content } from './content.ts';
import { startOf } from './dates.ts';

export const REVIEW_STATUSES = ['reviewed', 'proposed', 'disputed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface CharacteristicData {
  id: string;
  name: string;
  level: Level;
  domain: string;
}
export interface AccreditorData {
  id: string;
  name: string;
  abbreviation: string;
  /** Unique short display name (authored `label`, else the abbreviation). */
  label: string;
  program?: string;
  kind: AccreditorKind;
  professions: Profession[];
  country: string;
  url: string;
  /** The body reissues its standards every N years; past that a newer edition may exist. */
  reissueEveryYears?: number;
  editorialStatus?: string;
}
export interface EditionData {
  id: string;
  accreditor: string;
  title: string;
  edition: string;
  /** Undefined when no source gave the date. */
  effectiveFrom?: string;
  effectiveTo?: string;
  supersedes?: string;
  sourceUrl: string;
  /** How much of the edition's text was read: full, part, or none (title and dates only). */
  textRead: TextRead;
  transitionNote?: string;
  /** Levels at which the body publishes no heading (their standards are untitled by design). */
  untitledLevels: (typeof STANDARD_LEVELS)[number][];
  /** Characteristics some review record says were checked against this edition. */
  reviewed: string[];
  /** Codes of the superseded edition whose mappings were checked and do not continue here. */
  dropped: { code: string; reason: string }[];
}
export interface MappingData {
  characteristic: string;
  strength: Strength;
  rationale: string;
  quote?: string;
  review: ReviewStatus;
  /** Professions of agreeing reviewers (distinct), for "reviewed by" displays. */
  agreedBy: string[];
  /** The review records, only when there are any: the report's agreement figures read them. */
  reviews?: MappingReview[];
}
export interface StandardData {
  id: string;
  edition: string;
  code: string;
  title?: string;
  bindingness: Bindingness;
  verification: Verification;
  sourceUrl?: string;
  /** The older edition whose text was read, when this edition's own text was not. */
  readEdition?: string;
  section?: string;
  /** Codes in the superseded edition that this standard continues. */
  continues: string[];
  mappings: MappingData[];
}
export interface InitiativeData {
  id: string;
  name: string;
  characteristics: string[];
}
/** A recommendation to one body, without its prose: what the pages, tracker and reports count. */
export interface RecommendationData {
  id: string;
  title: string;
  accreditor: string;
  /** The edition it would change. */
  edition: string;
  proposedBy: string;
  addresses: { characteristic: string; cell: AddressedCell }[];
  /** IDs of other bodies' standards cited as model language. */
  modelLanguage: string[];
  /** The last step of the history. */
  status: RecommendationStatus;
  history: { status: RecommendationStatus; date: string; standard?: string }[];
}
export interface CrosswalkData {
  /** Identifies the data state, e.g. the date of the newest content change or a git commit. */
  version: string;
  characteristics: CharacteristicData[];
  accreditors: AccreditorData[];
  editions: EditionData[];
  standards: StandardData[];
  initiatives: InitiativeData[];
  recommendations: RecommendationData[];
}

/**
 * A mapping counts as reviewed only when reviewers of at least two professions agree;
 * any dissent makes it disputed until resolved.
 */
export function reviewStatus(reviews: readonly { profession: string; verdict: 'agree' | 'dissent' }[]): {
  status: ReviewStatus;
  agreedBy: string[];
} {
  if (reviews.length === 0) return { status: 'proposed', agreedBy: [] }; // most mappings
  // One loop into a small array: this runs for every reviewed mapping of the crosswalk.
  const agreedBy: string[] = [];
  let dissent = false;
  for (const r of reviews)
    if (r.verdict === 'dissent') dissent = true;
    else if (!agreedBy.includes(r.profession)) agreedBy.push(r.profession);
  if (agreedBy.length > 1) agreedBy.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (dissent) return { status: 'disputed', agreedBy };
  return { status: agreedBy.length >= 2 ? 'reviewed' : 'proposed', agreedBy };
}

/** Validated content to plain, serializable data (no Markdown bodies): what every consumer computes from. */
export function toCrosswalkData(content: Content, version: string): CrosswalkData {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    version,
    characteristics: content.characteristics
      .map((e) => ({ id: e.id, name: e.data.name, level: e.data.level, domain: e.data.domain }))
      .sort(byId),
    accreditors: content.accreditors
      .map((e) => ({
        id: e.id,
        name: e.data.name,
        abbreviation: e.data.abbreviation,
        label: e.data.label ?? e.data.abbreviation,
        ...(e.data.program !== undefined && { program: e.data.program }),
        kind: e.data.kind,
        professions: e.data.professions,
        country: e.data.country,
        url: e.data.url,
        ...(e.data.reissueEveryYears !== undefined && { reissueEveryYears: e.data.reissueEveryYears }),
        ...(e.data.editorialStatus !== undefined && { editorialStatus: e.data.editorialStatus }),
      }))
      .sort(byId),
    editions: content.editions
      .map((e) => ({
        id: e.id,
        accreditor: e.data.accreditor,
        title: e.data.title,
        edition: e.data.edition,
        ...(e.data.effectiveFrom !== undefined && { effectiveFrom: e.data.effectiveFrom }),
        ...(e.data.effectiveTo !== undefined && { effectiveTo: e.data.effectiveTo }),
        ...(e.data.supersedes !== undefined && { supersedes: e.data.supersedes }),
        sourceUrl: e.data.sourceUrl,
        textRead: e.data.textRead,
        ...(e.data.transitionNote !== undefined && { transitionNote: e.data.transitionNote }),
        untitledLevels: e.data.untitledLevels ?? [],
        reviewed: [...new Set(e.data.reviews.flatMap((r) => r.characteristics))].sort(),
        dropped: (e.data.dropped ?? []).map((d) => ({ code: d.code, reason: d.reason })),
      }))
      .sort(byId),
    standards: content.standards.map(standardData).sort(byId),
    initiatives: content.initiatives
      .map((e) => ({ id: e.id, name: e.data.name, characteristics: e.data.characteristics }))
      .sort(byId),
    recommendations: content.recommendations.map((e) => recommendationData(e.id, e.data)).sort(byId),
  };
}

/**
 * One standard as plain data. Optional fields are assigned, not spread: the spread form cost a third of
 * the coverage model's time at 10,000 standards.
 */
function standardData(s: Content['standards'][number]): StandardData {
  const d = s.data;
  // Same key order as the JSON download has always had: optional keys go in their place.
  const rec = { id: s.id, edition: s.edition, code: d.code } as StandardData;
  if (d.title !== undefined) rec.title = d.title;
  rec.bindingness = canonical(BINDINGNESS, d.bindingness);
  rec.verification = canonical(VERIFICATIONS, d.verification);
  if (d.sourceUrl !== undefined) rec.sourceUrl = d.sourceUrl;
  if (d.readEdition !== undefined) rec.readEdition = d.readEdition;
  if (d.section !== undefined) rec.section = d.section;
  rec.continues = d.continues ?? [];
  rec.mappings = d.mappings.map(mappingData);
  return rec;
}

function mappingData(m: Content['standards'][number]['data']['mappings'][number]): MappingData {
  const r = reviewStatus(m.reviews);
  const out = {
    characteristic: m.characteristic,
    strength: canonical(STRENGTHS, m.strength),
    rationale: m.rationale,
  } as MappingData;
  if (m.quote !== undefined) out.quote = m.quote;
  out.review = r.status;
  out.agreedBy = r.agreedBy;
  if (m.reviews.length) out.reviews = m.reviews;
  return out;
}

/**
 * The schema's own string for an enum value read from YAML. The parsed string is a copy per file; the
 * constant is one shared string, which V8 looks up as a property key without searching its string table,
 * and the coverage engine looks strengths and bindingness up as keys for every mapping of every cell.
 */
function canonical<T extends string>(values: readonly T[], v: T): T {
  for (const x of values) if (x === v) return x;
  return v;
}

function recommendationData(id: string, r: Recommendation): RecommendationData {
  return {
    id,
    title: r.title,
    accreditor: r.accreditor,
    edition: r.edition,
    proposedBy: r.proposedBy,
    addresses: r.addresses.map((a) => ({ characteristic: a.characteristic, cell: a.cell })),
    modelLanguage: r.modelLanguage.map((m) => m.standard),
    status: r.history[r.history.length - 1]!.status,
    history: r.history.map((h) => ({
      status: h.status,
      date: h.date,
      ...(h.standard !== undefined && { standard: h.standard }),
    })),
  };
}

/** Lookup tables over CrosswalkData, built once per use. */
export interface CrosswalkIndex {
  data: CrosswalkData;
  characteristics: Map<string, CharacteristicData>;
  accreditors: Map<string, AccreditorData>;
  editions: Map<string, EditionData>;
  standards: Map<string, StandardData>;
  /** Editions of each accreditor, oldest first. */
  editionsByAccreditor: Map<string, EditionData[]>;
  standardsByEdition: Map<string, StandardData[]>;
  /** edition -> characteristic -> the standards (with the mapping) that map it. */
  mappingsByCell: Map<string, Map<string, { standard: StandardData; mapping: MappingData }[]>>;
  /** edition -> reviewed characteristics. */
  reviewedByEdition: Map<string, Set<string>>;
  recommendations: Map<string, RecommendationData>;
  /** edition -> characteristic -> the recommendations that address that cell. */
  recommendationsByCell: Map<string, Map<string, RecommendationData[]>>;
}

/** Sort key for an edition's start; an undated edition sorts first. */
export function startKey(e: { effectiveFrom?: string | undefined }): string {
  return e.effectiveFrom === undefined ? '0000-00-00' : startOf(e.effectiveFrom);
}

/** Lookup tables over the data (by ID, editions per body, standards per edition, mappings per cell), built once per use. */
export function indexCrosswalk(data: CrosswalkData): CrosswalkIndex {
  const editionsByAccreditor = new Map<string, EditionData[]>();
  for (const e of data.editions) {
    const list = editionsByAccreditor.get(e.accreditor);
    if (list) list.push(e);
    else editionsByAccreditor.set(e.accreditor, [e]);
  }
  for (const list of editionsByAccreditor.values()) list.sort((a, b) => startKey(a).localeCompare(startKey(b)));
  const standardsByEdition = new Map<string, StandardData[]>();
  const mappingsByCell = new Map<string, Map<string, { standard: StandardData; mapping: MappingData }[]>>();
  for (const s of data.standards) {
    const list = standardsByEdition.get(s.edition);
    if (list) list.push(s);
    else standardsByEdition.set(s.edition, [s]);
    let cells = mappingsByCell.get(s.edition);
    if (!cells) mappingsByCell.set(s.edition, (cells = new Map()));
    for (const m of s.mappings) {
      const c = cells.get(m.characteristic);
      if (c) c.push({ standard: s, mapping: m });
      else cells.set(m.characteristic, [{ standard: s, mapping: m }]);
    }
  }
  const recommendations = data.recommendations ?? []; // crosswalk JSON written before recommendations existed
  const recommendationsByCell = new Map<string, Map<string, RecommendationData[]>>();
  for (const r of recommendations) {
    let cells = recommendationsByCell.get(r.edition);
    if (!cells) recommendationsByCell.set(r.edition, (cells = new Map()));
    for (const a of r.addresses) cells.set(a.characteristic, [...(cells.get(a.characteristic) ?? []), r]);
  }
  return {
    data,
    characteristics: new Map(data.characteristics.map((c) => [c.id, c])),
    accreditors: new Map(data.accreditors.map((a) => [a.id, a])),
    editions: new Map(data.editions.map((e) => [e.id, e])),
    standards: new Map(data.standards.map((s) => [s.id, s])),
    editionsByAccreditor,
    standardsByEdition,
    mappingsByCell,
    reviewedByEdition: new Map(data.editions.map((e) => [e.id, new Set(e.reviewed)])),
    recommendations: new Map(recommendations.map((r) => [r.id, r])),
    recommendationsByCell,
  };
}
