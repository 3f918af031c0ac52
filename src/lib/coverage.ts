/**
 * The coverage engine: status of every (edition, characteristic) cell, roll-ups, editions in force on
 * a date, transitions, and integration opportunities. Pure functions over CrosswalkIndex; the CLI,
 * the site pages and the browser report builder all call these.
 */
import type { AccreditorKind, Bindingness, Strength, Verification } from '../schemas/index.ts';
import {
  startKey,
  type AccreditorRec,
  type CharacteristicRec,
  type CrosswalkIndex,
  type EditionRec,
  type ReviewStatus,
  type StandardRec,
} from './crosswalk.ts';
import { endOf } from './dates.ts';

export const STATUSES = ['covered', 'partial', 'opportunity', 'gap', 'not-reviewed'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<Status, string> = {
  covered: 'Covered',
  partial: 'Partial',
  opportunity: 'Opportunity',
  gap: 'Gap',
  'not-reviewed': 'Not reviewed',
};
/** Symbols used wherever status is shown, so it is never conveyed by colour alone. */
export const STATUS_SYMBOL: Record<Status, string> = {
  covered: '●',
  partial: '◐',
  opportunity: '◇',
  gap: '○',
  'not-reviewed': '–',
};
/** What each status means, in one clause: the legend and method text of every output are built from it. */
export const STATUS_MEANING: Record<Status, string> = {
  covered: 'at least one standard requires it in so many words (an explicit mapping)',
  partial: 'a standard requires part of it, or requires it in one setting only; none requires it in full',
  opportunity:
    'the body does not ask for it, but it could serve as evidence for meeting a standard (implicit mappings only): an integration opportunity, not coverage',
  gap: 'the edition was reviewed for it and no standard bears on it',
  'not-reviewed': 'no one has yet checked this edition for it; this is not a gap',
};

/**
 * Evidence qualifiers: a cell whose support rests only on weaker evidence carries a numbered note,
 * like caniuse's. Each is computed over the standards that give the cell its status.
 */
export const QUALIFIERS = ['secondary-only', 'guidance-only', 'proposed-only'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export const QUALIFIER_NOTE: Record<Qualifier, { mark: string; text: string }> = {
  'secondary-only': {
    mark: '1',
    text: "rests only on standards not verified in the body's own text of this edition (secondary or unverified)",
  },
  'guidance-only': { mark: '2', text: 'rests only on non-binding guidance' },
  'proposed-only': {
    mark: '3',
    text: 'rests only on proposed mappings that reviewers of two professions have not yet agreed',
  },
};

/**
 * Support weights: how much a mapping counts, by its strength and the standard's bindingness.
 * A characteristic found only in guidance is weaker coverage than one in a required standard.
 */
export const STRENGTH_WEIGHT: Record<Strength, number> = { explicit: 1, partial: 0.6, implicit: 0.3 };
export const BINDING_WEIGHT: Record<Bindingness, number> = { required: 1, expected: 0.75, guidance: 0.4 };

export interface CellStandard {
  id: string;
  code: string;
  title?: string;
  strength: Strength;
  bindingness: Bindingness;
  verification: Verification;
  review: ReviewStatus;
  rationale: string;
  sourceUrl?: string;
}

/** The last read edition's evidence, shown where the edition in force has not been read for a characteristic. */
export interface CarriedForward {
  /** The edition the evidence comes from. */
  from: string;
  /** Its status there. */
  status: Exclude<Status, 'not-reviewed'>;
  standards: CellStandard[];
}

export interface Cell {
  status: Status;
  /** 0..1: the strongest mapping's strength weight times its standard's bindingness weight. */
  support: number;
  standards: CellStandard[];
  qualifiers: Qualifier[];
  /** Only on not-reviewed cells: evidence from an older edition; it never counts towards the status. */
  carried?: CarriedForward;
}

const STRENGTH_ORDER: Record<Strength, number> = { explicit: 0, partial: 1, implicit: 2 };

/** Codes sort as people read them ("2.10" after "2.9"); one collator, since building one per call is slow. */
export const compareCodes = new Intl.Collator('en', { numeric: true }).compare;

/** Cells are pure functions of the index; reports ask for the same cell many times (opportunities, transitions). */
const cellCache = new WeakMap<CrosswalkIndex, Map<string, Cell>>();

export function cellFor(ix: CrosswalkIndex, editionId: string, characteristicId: string): Cell {
  let cache = cellCache.get(ix);
  if (!cache) cellCache.set(ix, (cache = new Map()));
  const key = `${editionId}\u0000${characteristicId}`;
  let cell = cache.get(key);
  if (!cell) {
    cell = computeCell(ix, editionId, characteristicId);
    if (cell.status === 'not-reviewed') {
      const carried = carriedForward(ix, editionId, characteristicId);
      if (carried) cell.carried = carried;
    }
    cache.set(key, cell);
  }
  return cell;
}

/** Walks back the supersedes chain to the newest edition that was read for the characteristic. */
function carriedForward(ix: CrosswalkIndex, editionId: string, characteristicId: string): CarriedForward | undefined {
  const seen = new Set([editionId]);
  for (let id = ix.editions.get(editionId)?.supersedes; id !== undefined && !seen.has(id);) {
    seen.add(id);
    const older = computeCell(ix, id, characteristicId);
    if (older.status !== 'not-reviewed') return { from: id, status: older.status, standards: older.standards };
    id = ix.editions.get(id)?.supersedes;
  }
  return undefined;
}

/** The status a set of mappings gives a cell: the strongest strength decides. */
export function statusOf(strengths: readonly Strength[], reviewed: boolean): Status {
  if (strengths.includes('explicit')) return 'covered';
  if (strengths.includes('partial')) return 'partial';
  if (strengths.length > 0) return 'opportunity';
  return reviewed ? 'gap' : 'not-reviewed';
}

/** Qualifiers of a cell's evidence: which weaker kinds of evidence all of its standards share. */
export function qualifiersOf(standards: readonly CellStandard[]): Qualifier[] {
  if (standards.length === 0) return [];
  const out: Qualifier[] = [];
  if (standards.every((s) => s.verification !== 'verified')) out.push('secondary-only');
  if (standards.every((s) => s.bindingness === 'guidance')) out.push('guidance-only');
  if (standards.every((s) => s.review !== 'reviewed')) out.push('proposed-only');
  return out;
}

function computeCell(ix: CrosswalkIndex, editionId: string, characteristicId: string): Cell {
  const hits = ix.mappingsByCell.get(editionId)?.get(characteristicId) ?? [];
  let support = 0;
  const standards: CellStandard[] = hits.map(({ standard: s, mapping: m }) => {
    support = Math.max(support, STRENGTH_WEIGHT[m.strength] * BINDING_WEIGHT[s.bindingness]);
    return {
      id: s.id,
      code: s.code,
      ...(s.title !== undefined && { title: s.title }),
      strength: m.strength,
      bindingness: s.bindingness,
      verification: s.verification,
      review: m.review,
      rationale: m.rationale,
      ...(s.sourceUrl !== undefined && { sourceUrl: s.sourceUrl }),
    };
  });
  standards.sort((a, b) => STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] || compareCodes(a.code, b.code));
  const reviewed = ix.reviewedByEdition.get(editionId)?.has(characteristicId) ?? false;
  const status = statusOf(
    standards.map((s) => s.strength),
    reviewed,
  );
  return { status, support: Math.round(support * 100) / 100, standards, qualifiers: qualifiersOf(standards) };
}

/** Whether an edition is in force on a date; a successor's start ends an edition with no end date. */
export function inForce(ix: CrosswalkIndex, e: EditionRec, on: string): boolean {
  if (startKey(e) > on) return false;
  if (e.effectiveTo !== undefined) return endOf(e.effectiveTo) >= on;
  const successors = ix.data.editions.filter((x) => x.supersedes === e.id);
  return !successors.some((s) => s.effectiveFrom !== undefined && startKey(s) <= on);
}

/**
 * When a body reissues on a known cycle and no successor is recorded, the date from which a newer
 * edition may exist (the edition's start plus the cycle), if that date has come; else undefined.
 */
export function newerMayExistSince(ix: CrosswalkIndex, e: EditionRec, on: string): string | undefined {
  const years = ix.accreditors.get(e.accreditor)?.reissueEveryYears;
  if (years === undefined || e.effectiveFrom === undefined) return undefined;
  if (ix.data.editions.some((x) => x.supersedes === e.id)) return undefined;
  const start = startKey(e);
  const since = `${String(Number(start.slice(0, 4)) + years).padStart(4, '0')}${start.slice(4)}`;
  return since <= on ? since : undefined;
}

/** The edition of a body in force on a date: the latest-starting one in force, if any. */
export function editionOn(ix: CrosswalkIndex, accreditorId: string, on: string): EditionRec | undefined {
  const list = ix.editionsByAccreditor.get(accreditorId) ?? [];
  let best: EditionRec | undefined;
  for (const e of list) if (inForce(ix, e, on) && (!best || startKey(e) >= startKey(best))) best = e;
  return best;
}

export interface Transition {
  from: EditionRec;
  to: EditionRec;
  /** When the newer edition takes (or took) effect; undefined if no source gives it. */
  startsOn?: string;
  note?: string;
  /** Characteristics whose status differs between the two editions. */
  changes: { characteristic: string; from: Status; to: Status }[];
}

/**
 * A body is in transition on a date when a newer edition that supersedes the one in force has been
 * published but is not yet the only one in force: it starts later, or both are in force at once.
 */
export function transitionOn(
  ix: CrosswalkIndex,
  accreditorId: string,
  on: string,
  characteristics: readonly string[],
): Transition | undefined {
  const current = editionOn(ix, accreditorId, on);
  if (!current) return undefined;
  const list = ix.editionsByAccreditor.get(accreditorId) ?? [];
  let from: EditionRec | undefined;
  let to: EditionRec | undefined;
  const next = list.find((e) => e.supersedes === current.id && startKey(e) > on);
  if (next) {
    from = current;
    to = next;
  } else if (current.supersedes) {
    const prev = ix.editions.get(current.supersedes);
    if (prev && inForce(ix, prev, on)) {
      from = prev;
      to = current;
    }
  }
  if (!from || !to) return undefined;
  const changes = characteristics.flatMap((c) => {
    const a = cellFor(ix, from.id, c).status;
    const b = cellFor(ix, to.id, c).status;
    return a === b ? [] : [{ characteristic: c, from: a, to: b }];
  });
  return {
    from,
    to,
    ...(to.effectiveFrom !== undefined && { startsOn: to.effectiveFrom }),
    ...(to.transitionNote !== undefined && { note: to.transitionNote }),
    changes,
  };
}

export interface Selection {
  /** Accreditor IDs; empty means all that match the other filters. */
  accreditors: string[];
  professions: string[];
  kinds: AccreditorKind[];
  countries: string[];
  /** Characteristic IDs; empty means all. */
  characteristics: string[];
  /** YYYY-MM-DD */
  on: string;
}

/** Every body, every characteristic, editions in force on a date. */
export function everything(on: string): Selection {
  return { accreditors: [], professions: [], kinds: [], countries: [], characteristics: [], on };
}

export function selectAccreditors(ix: CrosswalkIndex, sel: Selection): AccreditorRec[] {
  const chosen = new Set(sel.accreditors);
  return ix.data.accreditors.filter(
    (a) =>
      (chosen.size === 0 || chosen.has(a.id)) &&
      (sel.professions.length === 0 || a.professions.some((p) => sel.professions.includes(p))) &&
      (sel.kinds.length === 0 || sel.kinds.includes(a.kind)) &&
      (sel.countries.length === 0 || sel.countries.includes(a.country)),
  );
}

export type StatusCounts = Record<Status, number>;
export const zeroCounts = (): StatusCounts => ({ covered: 0, partial: 0, opportunity: 0, gap: 0, 'not-reviewed': 0 });

export const SEVERITIES = ['high', 'medium', 'low', 'none', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_TEXT: Record<Severity, string> = {
  high: 'High: reviewed gaps, and no required standard demands it even in part (opportunities do not count)',
  medium: 'Medium: coverage is only partial, an opportunity, or in non-binding guidance',
  low: 'Low: required explicitly by some bodies, a gap, partial or an opportunity at others',
  none: 'None: covered explicitly at every selected body, each of them reviewed',
  unknown: 'Unknown: too few of the selected bodies were reviewed to tell; a gap may be hidden',
};

/**
 * Gap severity for a characteristic across the selected bodies, weighing bindingness: strong support
 * (explicit in a required or expected standard) somewhere lowers it; guidance-only coverage and
 * opportunities do not. It is never "none" while a not-reviewed cell could hide a gap.
 */
export function severityOf(cells: readonly Cell[]): Severity {
  const reviewed = cells.filter((c) => c.status !== 'not-reviewed');
  if (reviewed.length === 0) return 'unknown';
  const strong = reviewed.some((c) => c.status === 'covered' && c.support >= BINDING_WEIGHT.expected);
  const allCovered = reviewed.every((c) => c.status === 'covered');
  if (allCovered && strong) return reviewed.length === cells.length ? 'none' : 'unknown';
  if (strong) return 'low';
  if (
    reviewed.some((c) => c.status === 'gap') &&
    !reviewed.some((c) => (c.status === 'covered' || c.status === 'partial') && c.support >= 0.5)
  )
    return 'high';
  return 'medium';
}

export interface BodyRow {
  accreditor: AccreditorRec;
  edition?: EditionRec;
  transition?: Transition;
  /** Set when the body reissues on a cycle that has passed with no successor recorded. */
  newerMayExistSince?: string;
  /** Cells of this body showing evidence carried forward from an older edition. */
  carried: number;
  counts: StatusCounts;
  standards: number;
  verified: number;
  mappings: number;
  reviewedMappings: number;
}

export interface CharacteristicRow {
  characteristic: CharacteristicRec;
  /** One cell per body, in the order of `bodies`. */
  cells: Cell[];
  counts: StatusCounts;
  severity: Severity;
  /** Cells carried forward from an older edition (all of them not reviewed in the edition in force). */
  carried: number;
}

export interface Coverage {
  selection: Selection;
  bodies: BodyRow[];
  rows: CharacteristicRow[];
  /** Bodies selected but with no edition in force on the date. */
  noEdition: AccreditorRec[];
}

/** Coverage for a selection: one row per characteristic, one cell per body with an edition in force. */
export function computeCoverage(ix: CrosswalkIndex, sel: Selection): Coverage {
  const chars = sel.characteristics.length
    ? sel.characteristics.map((id) => ix.characteristics.get(id)).filter((c): c is CharacteristicRec => c !== undefined)
    : ix.data.characteristics;
  const charIds = chars.map((c) => c.id);
  const bodies: BodyRow[] = [];
  const noEdition: AccreditorRec[] = [];
  for (const a of selectAccreditors(ix, sel)) {
    const edition = editionOn(ix, a.id, sel.on);
    if (!edition) {
      noEdition.push(a);
      continue;
    }
    const standards = ix.standardsByEdition.get(edition.id) ?? [];
    let mappings = 0;
    let reviewedMappings = 0;
    let verified = 0;
    for (const s of standards) {
      if (s.verification === 'verified') verified++;
      mappings += s.mappings.length;
      for (const m of s.mappings) if (m.review === 'reviewed') reviewedMappings++;
    }
    const transition = transitionOn(ix, a.id, sel.on, charIds);
    const since = newerMayExistSince(ix, edition, sel.on);
    bodies.push({
      accreditor: a,
      edition,
      ...(transition && { transition }),
      ...(since !== undefined && { newerMayExistSince: since }),
      carried: 0,
      counts: zeroCounts(),
      standards: standards.length,
      verified,
      mappings,
      reviewedMappings,
    });
  }
  const rows = chars.map((c) => {
    const counts = zeroCounts();
    let carried = 0;
    const cells = bodies.map((b) => {
      const cell = cellFor(ix, b.edition!.id, c.id);
      counts[cell.status]++;
      b.counts[cell.status]++;
      if (cell.carried) {
        carried++;
        b.carried++;
      }
      return cell;
    });
    return { characteristic: c, cells, counts, severity: severityOf(cells), carried };
  });
  return { selection: sel, bodies, rows, noEdition };
}

/** "Covered by 7 of 9 bodies, partial at 1, gap at 1" */
export function describeCounts(counts: StatusCounts, total: number): string {
  const parts = [`covered by ${counts.covered} of ${total} bodies`];
  if (counts.partial) parts.push(`partial at ${counts.partial}`);
  if (counts.opportunity) parts.push(`an opportunity at ${counts.opportunity}`);
  if (counts.gap) parts.push(`gap at ${counts.gap}`);
  if (counts['not-reviewed']) parts.push(`not reviewed at ${counts['not-reviewed']}`);
  return parts.join(', ');
}

export interface ProfessionRow {
  profession: string;
  bodies: string[];
  /** Best status per characteristic among the profession's bodies (covered > partial > opportunity > gap > not reviewed). */
  statuses: Record<string, Status>;
}

export function byProfession(cov: Coverage): ProfessionRow[] {
  const rank: Record<Status, number> = { covered: 4, partial: 3, opportunity: 2, gap: 1, 'not-reviewed': 0 };
  const profs = [...new Set(cov.bodies.flatMap((b) => b.accreditor.professions))].sort();
  return profs.map((p) => {
    const idx = cov.bodies.flatMap((b, i) => (b.accreditor.professions.includes(p as never) ? [i] : []));
    const statuses: Record<string, Status> = {};
    for (const row of cov.rows) {
      let best: Status = 'not-reviewed';
      for (const i of idx) if (rank[row.cells[i]!.status] > rank[best]) best = row.cells[i]!.status;
      statuses[row.characteristic.id] = best;
    }
    return { profession: p, bodies: idx.map((i) => cov.bodies[i]!.accreditor.id), statuses };
  });
}

export interface InitiativeOpportunity {
  initiative: { id: string; name: string; characteristics: string[] };
  /** Every standard in the selected in-force editions that maps a characteristic the practice builds. */
  standards: (CellStandard & { accreditor: string; characteristics: string[] })[];
  bodies: number;
}

/** "One practice, many standards": for each initiative, the standards it can help satisfy. */
export function initiativeOpportunities(ix: CrosswalkIndex, cov: Coverage): InitiativeOpportunity[] {
  return ix.data.initiatives.map((it) => {
    const byStandard = new Map<string, CellStandard & { accreditor: string; characteristics: string[] }>();
    for (const b of cov.bodies) {
      for (const c of it.characteristics) {
        for (const s of cellFor(ix, b.edition!.id, c).standards) {
          const have = byStandard.get(s.id);
          if (have) {
            have.characteristics.push(c);
            if (STRENGTH_ORDER[s.strength] < STRENGTH_ORDER[have.strength]) have.strength = s.strength;
          } else byStandard.set(s.id, { ...s, accreditor: b.accreditor.id, characteristics: [c] });
        }
      }
    }
    const standards = [...byStandard.values()];
    return { initiative: it, standards, bodies: new Set(standards.map((s) => s.accreditor)).size };
  });
}

export interface EvidenceShare {
  cells: number;
  /** Cells whose status rests on reviewed, current, verified evidence. */
  solid: number;
}

/**
 * How much of a coverage table a committee can lean on: a cell counts when its edition's text was read
 * and is not past its reissue cycle, and it is either a reviewed gap or backed by a verified standard
 * whose mapping two professions have reviewed.
 */
export function evidenceShare(cov: Coverage): EvidenceShare {
  let solid = 0;
  const current = cov.bodies.map((b) => b.edition!.textRead !== 'none' && b.newerMayExistSince === undefined);
  for (const row of cov.rows)
    row.cells.forEach((c, i) => {
      if (!current[i] || c.status === 'not-reviewed') return;
      if (c.status === 'gap' || c.standards.some((s) => s.verification === 'verified' && s.review === 'reviewed'))
        solid++;
    });
  return { cells: cov.rows.length * cov.bodies.length, solid };
}

/** The characteristic that means "learners learn with, from and about other professions". */
export const RECIPROCITY_CHARACTERISTIC = 'interprofessional-learning-experiences';

export interface ReciprocityPair {
  a: { accreditor: string; standards: CellStandard[] };
  b: { accreditor: string; standards: CellStandard[] };
}

/**
 * Pairs of bodies of different professions whose in-force standards each require (explicitly or in
 * part, in a required or expected standard) learning with other professions: one joint activity
 * could serve both.
 */
export function reciprocity(ix: CrosswalkIndex, cov: Coverage): ReciprocityPair[] {
  const sides = cov.bodies.flatMap((b) => {
    const standards = cellFor(ix, b.edition!.id, RECIPROCITY_CHARACTERISTIC).standards.filter(
      (s) => s.strength !== 'implicit' && s.bindingness !== 'guidance',
    );
    return standards.length && b.accreditor.kind !== 'reference-framework' ? [{ body: b.accreditor, standards }] : [];
  });
  const pairs: ReciprocityPair[] = [];
  for (let i = 0; i < sides.length; i++)
    for (let j = i + 1; j < sides.length; j++) {
      const x = sides[i]!;
      const y = sides[j]!;
      if (x.body.professions.some((p) => y.body.professions.includes(p))) continue;
      pairs.push({
        a: { accreditor: x.body.id, standards: x.standards },
        b: { accreditor: y.body.id, standards: y.standards },
      });
    }
  return pairs;
}

export type { StandardRec };
