/** Matrix facets (profession, country, kind): the values present in the data, and which bodies match. */
import type { AccreditorRec } from '../lib/crosswalk.ts';

export const FACETS = ['profession', 'country', 'kind'] as const;
export type Facet = (typeof FACETS)[number];

export function facetValues(accreditors: readonly AccreditorRec[], facet: Facet): string[] {
  const values = accreditors.flatMap((a) =>
    facet === 'profession' ? a.professions : facet === 'country' ? [a.country] : [a.kind],
  );
  return [...new Set<string>(values)].sort();
}

/** A body's facet values, as the matrix stores them on its column headers. */
export type FacetBody = Pick<AccreditorRec, 'country' | 'kind'> & { professions: readonly string[] };

/** Whether a body passes every chosen facet (an empty value passes). The browser filter calls this. */
export function matchesFacets(a: FacetBody, chosen: Partial<Record<Facet, string>>): boolean {
  return (
    (!chosen.profession || a.professions.includes(chosen.profession)) &&
    (!chosen.country || a.country === chosen.country) &&
    (!chosen.kind || a.kind === chosen.kind)
  );
}
