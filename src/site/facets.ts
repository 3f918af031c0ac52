/**
 * Matrix facets: body facets (profession, country, kind) and characteristic facets (level, domain),
 * the values present in the data, which items match, and the coverage score rows are sorted by.
 * The build (pre-filtered pages) and the browser filter call the same functions.
 */
import { STRENGTH_WEIGHT, type Status } from '../lib/coverage/status.ts';
import type { AccreditorData, CharacteristicData } from '../lib/crosswalk.ts';

export const FACETS = ['profession', 'country', 'kind'] as const;
export type Facet = (typeof FACETS)[number];
export const ROW_FACETS = ['level', 'domain'] as const;
export type RowFacet = (typeof ROW_FACETS)[number];
export type AnyFacet = Facet | RowFacet;
export const ALL_FACETS: readonly AnyFacet[] = [...FACETS, ...ROW_FACETS];

export const FACET_NAME: Record<AnyFacet, string> = {
  profession: 'Profession',
  country: 'Country',
  kind: 'Kind of body',
  level: 'Level',
  domain: 'Domain',
};

export const LEVEL_LABEL: Record<string, string> = {
  macro: 'Macro (system, policy)',
  meso: 'Meso (organisation, unit)',
  micro: 'Micro (team, individual)',
};

/** "psychological-safety" → "Psychological safety" */
export function domainLabel(d: string): string {
  return d.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export function isRowFacet(f: string): f is RowFacet {
  return (ROW_FACETS as readonly string[]).includes(f);
}

export function facetValues(accreditors: readonly AccreditorData[], facet: Facet): string[] {
  const values = accreditors.flatMap((a) =>
    facet === 'profession' ? a.professions : facet === 'country' ? [a.country] : [a.kind],
  );
  return [...new Set<string>(values)].sort();
}

/** Levels in their natural order (macro, meso, micro); domains alphabetically. */
export function rowFacetValues(characteristics: readonly CharacteristicData[], facet: RowFacet): string[] {
  const values = [...new Set(characteristics.map((c) => c[facet]))];
  return facet === 'level' ? Object.keys(LEVEL_LABEL).filter((l) => values.includes(l as never)) : values.sort();
}

/** A body's facet values, as the matrix stores them on its headers. */
export type FacetBody = Pick<AccreditorData, 'country' | 'kind'> & { professions: readonly string[] };
/** A characteristic's facet values, as the matrix stores them on its headers. */
export type FacetRow = Pick<CharacteristicData, 'level' | 'domain'>;

/** Whether a body passes every chosen facet (an empty value passes). The browser filter calls this. */
export function matchesFacets(a: FacetBody, chosen: Partial<Record<Facet, string>>): boolean {
  return (
    (!chosen.profession || a.professions.includes(chosen.profession)) &&
    (!chosen.country || a.country === chosen.country) &&
    (!chosen.kind || a.kind === chosen.kind)
  );
}

/** Whether a characteristic passes the chosen level and domain (an empty value passes). */
export function matchesRowFacets(c: FacetRow, chosen: Partial<Record<RowFacet, string>>): boolean {
  return (!chosen.level || c.level === chosen.level) && (!chosen.domain || c.domain === chosen.domain);
}

/** How much a status counts when rows are sorted by coverage: the weight of the strength behind it. */
const STATUS_SCORE: Record<Status, number> = {
  covered: STRENGTH_WEIGHT.explicit,
  partial: STRENGTH_WEIGHT.partial,
  opportunity: STRENGTH_WEIGHT.implicit,
  gap: 0,
  'not-reviewed': 0,
};

/** A row's coverage score over its visible cells: sum of the status weights (more is better covered). */
export function coverageScore(statuses: readonly Status[]): number {
  return statuses.reduce((n, s) => n + STATUS_SCORE[s], 0);
}

export const SORTS = ['listed', 'most', 'least'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABEL: Record<Sort, string> = {
  listed: 'As listed',
  most: 'Most covered first',
  least: 'Least covered first',
};

/** Indices of items in display order: by score (most or least first), ties in listed order. */
export function sortOrder(scores: readonly number[], sort: Sort): number[] {
  const idx = scores.map((_, i) => i);
  if (sort === 'listed') return idx;
  const sign = sort === 'most' ? -1 : 1;
  return idx.sort((a, b) => sign * (scores[a]! - scores[b]!) || a - b);
}
