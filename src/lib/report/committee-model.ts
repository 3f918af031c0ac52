/** The committee report's computed sections: what to act on first, and model wording for each gap. */
import {
  BINDING_WEIGHT,
  cellFor,
  compareCodes,
  editionOn,
  STRENGTH_ORDER,
  STRENGTH_WEIGHT,
  type CellStandard,
  type Coverage,
  type Severity,
} from '../coverage.ts';
import type { AccreditorData, CrosswalkIndex, EditionData } from '../crosswalk.ts';
import type { GapReport } from './schema.ts';

/** Most urgent first; "unknown" (too little reviewed to tell) ranks above "none". */
const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, unknown: 3, none: 4 };

/** How many standards of model wording each gap gets: enough to compare, short enough to read. */
export const MODEL_WORDING_LIMIT = 3;

/**
 * Characteristics with a gap or an opportunity, ranked by severity, then by the strongest support any
 * selected body gives them (weakest first: least already in place), then by the number of gaps.
 */
export function actFirst(cov: Coverage): GapReport['actFirst'] {
  const items = cov.rows.flatMap((r) => {
    const gaps: string[] = [];
    const opportunities: { body: string; standards: string[] }[] = [];
    r.cells.forEach((c, i) => {
      const body = cov.bodies[i]!.accreditor.id;
      if (c.status === 'gap') gaps.push(body);
      if (c.status === 'opportunity') opportunities.push({ body, standards: c.standards.map((s) => s.id) });
    });
    if (gaps.length === 0 && opportunities.length === 0) return [];
    const support = Math.max(0, ...r.cells.map((c) => c.support));
    return [
      {
        characteristic: r.characteristic.id,
        name: r.characteristic.name,
        severity: r.severity,
        support,
        gaps,
        opportunities,
      },
    ];
  });
  items.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.support - b.support ||
      b.gaps.length - a.gaps.length ||
      a.name.localeCompare(b.name),
  );
  return items.map(({ name: _name, ...rest }) => rest);
}

export type Wording = GapReport['modelWording'][number]['standards'][number];

/** An edition whose language may serve as model wording, and whether its body is one of the selection. */
export interface WordingSource {
  a: AccreditorData;
  e: EditionData;
  selected: boolean;
}

/** A model wording candidate before it is written out: enough to rank it. */
interface Candidate extends WordingSource {
  s: CellStandard;
  support: number;
}

/** The characteristics with a gap at one selected body or more: those the report gives model wording for. */
export const gapCharacteristics = (cov: Coverage): string[] =>
  cov.rows.filter((r) => r.cells.some((c) => c.status === 'gap')).map((r) => r.characteristic.id);

/**
 * For each characteristic with a gap in the selection: the strongest explicit or partial language in
 * any body's edition in force on the date (selected or not), strongest and best evidenced first.
 */
export function modelWording(crosswalk: CrosswalkIndex, cov: Coverage, on: string): GapReport['modelWording'] {
  const gapChars = gapCharacteristics(cov);
  if (gapChars.length === 0) return [];
  const selected = new Set(cov.bodies.map((b) => b.accreditor.id));
  const inForce = crosswalk.data.accreditors.flatMap((a) => {
    const e = editionOn(crosswalk, a.id, on);
    return e ? [{ a, e, selected: selected.has(a.id) }] : [];
  });
  return gapChars.map((characteristic) => ({
    characteristic,
    standards: bestWording(crosswalk, inForce, characteristic),
  }));
}

/**
 * The MODEL_WORDING_LIMIT strongest explicit or partial standards for a characteristic in the given
 * editions, in `compareCandidates` order (ties keep the editions' order). Only those few are written
 * out: a report ranks every in-force edition's language for every gap.
 */
export function bestWording(
  crosswalk: CrosswalkIndex,
  sources: readonly WordingSource[],
  characteristic: string,
): Wording[] {
  const best: Candidate[] = [];
  for (const { a, e, selected } of sources)
    for (const s of cellFor(crosswalk, e.id, characteristic).standards) {
      if (s.strength === 'implicit') continue;
      const c = { a, e, selected, s, support: supportOf(s) };
      let at = best.length;
      while (at > 0 && compareCandidates(c, best[at - 1]!) < 0) at--;
      if (at < MODEL_WORDING_LIMIT) {
        best.splice(at, 0, c);
        if (best.length > MODEL_WORDING_LIMIT) best.pop();
      }
    }
  return best.map(({ a, e, selected, s, support }) => ({
    ...s,
    body: a.id,
    bodyLabel: a.label,
    bodyName: a.name,
    edition: e.id,
    editionLabel: `${e.title} (${e.edition})`,
    textRead: e.textRead,
    support,
    selected,
  }));
}

const supportOf = (s: CellStandard) =>
  Math.round(STRENGTH_WEIGHT[s.strength] * BINDING_WEIGHT[s.bindingness] * 100) / 100;

/** Model wording order: strongest, best supported, verified and reviewed first; then by body and code. */
function compareCandidates(x: Candidate, y: Candidate): number {
  return (
    STRENGTH_ORDER[x.s.strength] - STRENGTH_ORDER[y.s.strength] ||
    y.support - x.support ||
    Number(y.s.verification === 'verified') - Number(x.s.verification === 'verified') ||
    Number(y.s.review === 'reviewed') - Number(x.s.review === 'reviewed') ||
    x.a.label.localeCompare(y.a.label) ||
    compareCodes(x.s.code, y.s.code)
  );
}
