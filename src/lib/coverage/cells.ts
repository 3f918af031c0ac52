/** One cell: the status of an (edition, characteristic) pair, its evidence and what is carried forward. */
import type { Bindingness, Strength, Verification } from '../../schemas/index.ts';
import type { CrosswalkIndex, MappingData, ReviewStatus, StandardData } from '../crosswalk.ts';
import { BINDING_WEIGHT, STRENGTH_WEIGHT, type Qualifier, type Status } from './status.ts';

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

export const STRENGTH_ORDER: Record<Strength, number> = { explicit: 0, partial: 1, implicit: 2 };

/** Codes sort as people read them ("2.10" after "2.9"); one collator, since building one per call is slow. */
export const compareCodes = new Intl.Collator('en', { numeric: true }).compare;

/** Cells are pure functions of the index; reports ask for the same cell many times (opportunities, transitions). */
const cellCache = new WeakMap<CrosswalkIndex, Map<string, Map<string, Cell>>>();

export function cellFor(crosswalk: CrosswalkIndex, editionId: string, characteristicId: string): Cell {
  let byEdition = cellCache.get(crosswalk);
  if (!byEdition) cellCache.set(crosswalk, (byEdition = new Map()));
  // Two levels of maps, not one joined key: building and hashing the key string cost more than the cell.
  let cells = byEdition.get(editionId);
  if (!cells) byEdition.set(editionId, (cells = new Map()));
  let cell = cells.get(characteristicId);
  if (!cell) {
    cell = computeCell(crosswalk, editionId, characteristicId);
    if (cell.status === 'not-reviewed') {
      const carried = carriedForward(crosswalk, editionId, characteristicId);
      if (carried) cell.carried = carried;
    }
    cells.set(characteristicId, cell);
  }
  return cell;
}

/** Walks back the supersedes chain to the newest edition that was read for the characteristic. */
function carriedForward(
  crosswalk: CrosswalkIndex,
  editionId: string,
  characteristicId: string,
): CarriedForward | undefined {
  const seen = new Set([editionId]);
  for (let id = crosswalk.editions.get(editionId)?.supersedes; id !== undefined && !seen.has(id);) {
    seen.add(id);
    const older = cellFor(crosswalk, id, characteristicId); // cached: transitions ask for the same older cells
    if (older.status !== 'not-reviewed') return { from: id, status: older.status, standards: older.standards };
    id = crosswalk.editions.get(id)?.supersedes;
  }
  return undefined;
}

/** The status a set of mappings gives a cell: the strongest strength decides. */
export function statusOf(strengths: readonly Strength[], reviewed: boolean): Status {
  return statusByRank(Math.min(NO_MAPPING, ...strengths.map((s) => STRENGTH_ORDER[s])), reviewed);
}

const NO_MAPPING = 3;
const STATUS_BY_RANK: readonly Status[] = ['covered', 'partial', 'opportunity'];

/** The status from the strongest mapping's STRENGTH_ORDER rank (NO_MAPPING when there is none). */
function statusByRank(rank: number, reviewed: boolean): Status {
  return STATUS_BY_RANK[rank] ?? (reviewed ? 'gap' : 'not-reviewed');
}

/** Qualifiers of a cell's evidence: which weaker kinds of evidence all of its standards share. */
export function qualifiersOf(standards: readonly CellStandard[]): Qualifier[] {
  if (standards.length === 0) return [];
  let verified = false;
  let binding = false;
  let reviewed = false;
  for (const s of standards) {
    verified ||= s.verification === 'verified';
    binding ||= s.bindingness !== 'guidance';
    reviewed ||= s.review === 'reviewed';
  }
  const out: Qualifier[] = [];
  if (!verified) out.push('secondary-only');
  if (!binding) out.push('guidance-only');
  if (!reviewed) out.push('proposed-only');
  return out;
}

function computeCell(crosswalk: CrosswalkIndex, editionId: string, characteristicId: string): Cell {
  const hits = crosswalk.mappingsByCell.get(editionId)?.get(characteristicId) ?? [];
  let support = 0;
  let best = NO_MAPPING; // the strongest strength seen, as its STRENGTH_ORDER rank
  const standards: CellStandard[] = new Array<CellStandard>(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const { standard: s, mapping: m } = hits[i]!;
    support = Math.max(support, STRENGTH_WEIGHT[m.strength] * BINDING_WEIGHT[s.bindingness]);
    best = Math.min(best, STRENGTH_ORDER[m.strength]);
    standards[i] = cellStandard(s, m);
  }
  if (standards.length > 1)
    standards.sort((a, b) => STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] || compareCodes(a.code, b.code));
  const reviewed = crosswalk.reviewedByEdition.get(editionId)?.has(characteristicId) ?? false;
  return {
    status: statusByRank(best, reviewed),
    support: Math.round(support * 100) / 100,
    standards,
    qualifiers: qualifiersOf(standards),
  };
}

/** Optional keys are assigned in place rather than spread: the spread form dominated this loop's cost. */
function cellStandard(s: StandardData, m: MappingData): CellStandard {
  const out = { id: s.id, code: s.code } as CellStandard;
  if (s.title !== undefined) out.title = s.title;
  out.strength = m.strength;
  out.bindingness = s.bindingness;
  out.verification = s.verification;
  out.review = m.review;
  out.rationale = m.rationale;
  if (s.sourceUrl !== undefined) out.sourceUrl = s.sourceUrl;
  return out;
}
