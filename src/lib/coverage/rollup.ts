/** Coverage of a selection: one row per characteristic, one cell per body, with counts and severity. */
import type { AccreditorKind } from '../../schemas/index.ts';
import type { AccreditorData, CharacteristicData, CrosswalkIndex, EditionData } from '../crosswalk.ts';
import { cellFor, type Cell } from './cells.ts';
import { editionOn, newerMayExistSince, transitionOn, type Transition } from './editions.ts';
import { BINDING_WEIGHT, zeroCounts, type Severity, type Status, type StatusCounts } from './status.ts';

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

export function selectAccreditors(crosswalk: CrosswalkIndex, sel: Selection): AccreditorData[] {
  const chosen = new Set(sel.accreditors);
  return crosswalk.data.accreditors.filter(
    (a) =>
      (chosen.size === 0 || chosen.has(a.id)) &&
      (sel.professions.length === 0 || a.professions.some((p) => sel.professions.includes(p))) &&
      (sel.kinds.length === 0 || sel.kinds.includes(a.kind)) &&
      (sel.countries.length === 0 || sel.countries.includes(a.country)),
  );
}

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
  accreditor: AccreditorData;
  edition?: EditionData;
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
  characteristic: CharacteristicData;
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
  noEdition: AccreditorData[];
}

/** Coverage for a selection: one row per characteristic, one cell per body with an edition in force. */
export function computeCoverage(crosswalk: CrosswalkIndex, sel: Selection): Coverage {
  const chars = sel.characteristics.length
    ? sel.characteristics
        .map((id) => crosswalk.characteristics.get(id))
        .filter((c): c is CharacteristicData => c !== undefined)
    : crosswalk.data.characteristics;
  const charIds = chars.map((c) => c.id);
  const bodies: BodyRow[] = [];
  const noEdition: AccreditorData[] = [];
  for (const a of selectAccreditors(crosswalk, sel)) {
    const edition = editionOn(crosswalk, a.id, sel.on);
    if (!edition) {
      noEdition.push(a);
      continue;
    }
    const standards = crosswalk.standardsByEdition.get(edition.id) ?? [];
    let mappings = 0;
    let reviewedMappings = 0;
    let verified = 0;
    for (const s of standards) {
      if (s.verification === 'verified') verified++;
      mappings += s.mappings.length;
      for (const m of s.mappings) if (m.review === 'reviewed') reviewedMappings++;
    }
    const transition = transitionOn(crosswalk, a.id, sel.on, charIds);
    const since = newerMayExistSince(crosswalk, edition, sel.on);
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
      const cell = cellFor(crosswalk, b.edition!.id, c.id);
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
