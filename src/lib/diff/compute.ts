/**
 * What changed in the crosswalk between two states of the data: entities, mappings (added, removed,
 * strength or rationale changed), review records, and how coverage moved. Pure: the CLI loads the two
 * states from git refs.
 */
import {
  computeCoverage,
  everything,
  cellFor,
  STATUSES,
  type Status,
  type StatusCounts,
  zeroCounts,
} from '../coverage.ts';
import {
  indexCrosswalk,
  type CrosswalkData,
  type CrosswalkIndex,
  type MappingData,
  type ReviewStatus,
  type StandardData,
} from '../crosswalk.ts';

export type EntityKindName = 'characteristic' | 'accreditor' | 'edition' | 'standard' | 'initiative';
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldDiff {
  field: string;
  from?: unknown;
  to?: unknown;
}

export interface EntityChange {
  kind: EntityKindName;
  id: string;
  /** Human label, e.g. "LCME 3.5 Learning Environment/Professionalism". */
  label: string;
  change: ChangeKind;
  fields: FieldDiff[];
}

export interface MappingChange {
  standard: string;
  /** e.g. "LCME 3.5" */
  label: string;
  characteristic: string;
  change: ChangeKind;
  strength: { from?: MappingData['strength']; to?: MappingData['strength'] };
  rationale?: { from?: string; to?: string };
  quote?: { from?: string; to?: string };
  review?: { from?: ReviewStatus; to?: ReviewStatus };
  agreedBy?: { from: string[]; to: string[] };
}

export interface ReviewRecordChange {
  edition: string;
  label: string;
  /** Characteristics a review record now says were checked against the edition (and no longer). */
  added: string[];
  removed: string[];
}

export interface CoverageMove {
  edition: string;
  label: string;
  characteristic: string;
  from: Status;
  to: Status;
}

export interface CoverageTotals {
  /** Coverage of every body's edition in force on this date (YYYY-MM-DD). */
  on: string;
  before: StatusCounts;
  after: StatusCounts;
}

export interface CrosswalkDiff {
  base: { label: string; version: string };
  head: { label: string; version: string };
  entities: EntityChange[];
  mappings: MappingChange[];
  reviews: ReviewRecordChange[];
  coverage: { moves: CoverageMove[]; totals: CoverageTotals };
  /** True when nothing in the data changed. */
  empty: boolean;
}

export const EMPTY_CROSSWALK: CrosswalkData = {
  version: 'none',
  characteristics: [],
  accreditors: [],
  editions: [],
  standards: [],
  initiatives: [],
  recommendations: [],
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldDiffs(a: object, b: object, skip: readonly string[]): FieldDiff[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k)).sort();
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return keys.flatMap((k) =>
    same(ra[k], rb[k])
      ? []
      : [{ field: k, ...(ra[k] !== undefined && { from: ra[k] }), ...(rb[k] !== undefined && { to: rb[k] }) }],
  );
}

function entityDiffs<T extends { id: string }>(
  kind: EntityKindName,
  before: readonly T[],
  after: readonly T[],
  label: (x: T) => string,
  skip: readonly string[] = [],
): EntityChange[] {
  const a = new Map(before.map((x) => [x.id, x]));
  const b = new Map(after.map((x) => [x.id, x]));
  const out: EntityChange[] = [];
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(id);
    const y = b.get(id);
    if (x && !y) out.push({ kind, id, label: label(x), change: 'removed', fields: [] });
    else if (!x && y) out.push({ kind, id, label: label(y), change: 'added', fields: [] });
    else if (x && y) {
      const fields = fieldDiffs(x, y, ['id', ...skip]);
      if (fields.length) out.push({ kind, id, label: label(y), change: 'changed', fields });
    }
  }
  return out;
}

/** A body's short display name: its unique `label` where the data has one, else its abbreviation. */
const bodyLabel = (a: { abbreviation: string }) => (a as { label?: string }).label ?? a.abbreviation;

/** "LCME 3.5" from whichever state knows the standard's body. */
function standardLabeller(crosswalks: readonly CrosswalkIndex[]) {
  return (s: Pick<StandardData, 'edition' | 'code'>) => {
    for (const crosswalk of crosswalks) {
      const e = crosswalk.editions.get(s.edition);
      const a = e && crosswalk.accreditors.get(e.accreditor);
      if (a) return `${bodyLabel(a)} ${s.code}`;
    }
    return `${s.edition} ${s.code}`;
  };
}
function editionLabeller(crosswalks: readonly CrosswalkIndex[]) {
  return (id: string) => {
    for (const crosswalk of crosswalks) {
      const e = crosswalk.editions.get(id);
      const a = e && crosswalk.accreditors.get(e.accreditor);
      if (e && a) return `${bodyLabel(a)} ${e.edition}`;
    }
    return id;
  };
}

function totals(crosswalk: CrosswalkIndex, on: string): StatusCounts {
  const counts = zeroCounts();
  const cov = computeCoverage(crosswalk, everything(on));
  for (const row of cov.rows) for (const s of STATUSES) counts[s] += row.counts[s];
  return counts;
}

export interface DiffOptions {
  /** Date for the in-force coverage totals (YYYY-MM-DD). */
  on: string;
  baseLabel?: string;
  headLabel?: string;
}

/** Entities, mappings, review records and coverage moves between two states of the data (base → head). */
export function diffCrosswalks(base: CrosswalkData, head: CrosswalkData, options: DiffOptions): CrosswalkDiff {
  const bx = indexCrosswalk(base);
  const hx = indexCrosswalk(head);
  const stdLabel = standardLabeller([hx, bx]);
  const edLabel = editionLabeller([hx, bx]);

  const entities = [
    ...entityDiffs('accreditor', base.accreditors, head.accreditors, (a) => `${bodyLabel(a)} (${a.name})`),
    ...entityDiffs('edition', base.editions, head.editions, (e) => `${edLabel(e.id)}: ${e.title}`, ['reviewed']),
    ...entityDiffs('characteristic', base.characteristics, head.characteristics, (c) => c.name),
    ...entityDiffs('standard', base.standards, head.standards, (s) => `${stdLabel(s)}${s.title ? ` ${s.title}` : ''}`, [
      'mappings',
    ]),
    ...entityDiffs('initiative', base.initiatives, head.initiatives, (i) => i.name),
  ];

  const mappings: MappingChange[] = [];
  const byStandard = (d: CrosswalkData) => new Map(d.standards.map((s) => [s.id, s]));
  const bs = byStandard(base);
  const hs = byStandard(head);
  for (const id of [...new Set([...bs.keys(), ...hs.keys()])].sort()) {
    const s = (hs.get(id) ?? bs.get(id))!;
    const label = stdLabel(s);
    const bm = new Map((bs.get(id)?.mappings ?? []).map((m) => [m.characteristic, m]));
    const hm = new Map((hs.get(id)?.mappings ?? []).map((m) => [m.characteristic, m]));
    for (const c of [...new Set([...bm.keys(), ...hm.keys()])].sort()) {
      const x = bm.get(c);
      const y = hm.get(c);
      const common = { standard: id, label, characteristic: c };
      if (x && !y)
        mappings.push({
          ...common,
          change: 'removed',
          strength: { from: x.strength },
          rationale: { from: x.rationale },
          review: { from: x.review },
        });
      else if (!x && y)
        mappings.push({
          ...common,
          change: 'added',
          strength: { to: y.strength },
          rationale: { to: y.rationale },
          ...(y.quote !== undefined && { quote: { to: y.quote } }),
          review: { to: y.review },
        });
      else if (x && y) {
        const m: MappingChange = { ...common, change: 'changed', strength: {} };
        let changed = false;
        if (x.strength !== y.strength) {
          m.strength = { from: x.strength, to: y.strength };
          changed = true;
        } else m.strength = { from: x.strength, to: y.strength };
        if (x.rationale !== y.rationale) {
          m.rationale = { from: x.rationale, to: y.rationale };
          changed = true;
        }
        if (x.quote !== y.quote) {
          m.quote = { ...(x.quote !== undefined && { from: x.quote }), ...(y.quote !== undefined && { to: y.quote }) };
          changed = true;
        }
        if (x.review !== y.review) {
          m.review = { from: x.review, to: y.review };
          changed = true;
        }
        if (!same(x.agreedBy, y.agreedBy)) {
          m.agreedBy = { from: x.agreedBy, to: y.agreedBy };
          changed = true;
        }
        if (changed) mappings.push(m);
      }
    }
  }

  const reviews: ReviewRecordChange[] = [];
  const be = new Map(base.editions.map((e) => [e.id, new Set(e.reviewed)]));
  for (const e of head.editions) {
    const before = be.get(e.id) ?? new Set<string>();
    const after = new Set(e.reviewed);
    const added = [...after].filter((c) => !before.has(c)).sort();
    const removed = [...before].filter((c) => !after.has(c)).sort();
    if (added.length || removed.length) reviews.push({ edition: e.id, label: edLabel(e.id), added, removed });
  }
  for (const e of base.editions)
    if (!hx.editions.has(e.id) && e.reviewed.length)
      reviews.push({ edition: e.id, label: edLabel(e.id), added: [], removed: [...e.reviewed].sort() });
  reviews.sort((a, b) => a.edition.localeCompare(b.edition));

  // Coverage moves: cells whose edition and characteristic exist in both states.
  const moves: CoverageMove[] = [];
  const chars = head.characteristics.filter((c) => bx.characteristics.has(c.id)).map((c) => c.id);
  for (const e of head.editions) {
    if (!bx.editions.has(e.id)) continue;
    for (const c of chars) {
      const from = cellFor(bx, e.id, c).status;
      const to = cellFor(hx, e.id, c).status;
      if (from !== to) moves.push({ edition: e.id, label: edLabel(e.id), characteristic: c, from, to });
    }
  }

  const coverage = { moves, totals: { on: options.on, before: totals(bx, options.on), after: totals(hx, options.on) } };
  return {
    base: { label: options.baseLabel ?? base.version, version: base.version },
    head: { label: options.headLabel ?? head.version, version: head.version },
    entities,
    mappings,
    reviews,
    coverage,
    empty: entities.length === 0 && mappings.length === 0 && reviews.length === 0 && moves.length === 0,
  };
}

export interface DiffCounts {
  entities: Record<EntityKindName, Record<ChangeKind, number>>;
  mappings: Record<ChangeKind, number>;
  strengthChanges: number;
  rationaleChanges: number;
  reviewChanges: number;
  coverageMoves: number;
}

export function countDiff(d: CrosswalkDiff): DiffCounts {
  const zero = () => ({ added: 0, removed: 0, changed: 0 });
  const entities = {
    characteristic: zero(),
    accreditor: zero(),
    edition: zero(),
    standard: zero(),
    initiative: zero(),
  };
  for (const e of d.entities) entities[e.kind][e.change]++;
  const mappings = zero();
  for (const m of d.mappings) mappings[m.change]++;
  const changed = d.mappings.filter((m) => m.change === 'changed');
  return {
    entities,
    mappings,
    strengthChanges: changed.filter((m) => m.strength.from !== m.strength.to).length,
    rationaleChanges: changed.filter((m) => m.rationale).length,
    reviewChanges: d.reviews.length + changed.filter((m) => m.review || m.agreedBy).length,
    coverageMoves: d.coverage.moves.length,
  };
}

/** Text from the data in Markdown: no HTML, no table breaks, no accidental @-mentions. */
