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

export function matchesFacet(a: AccreditorRec, facet: Facet, value: string): boolean {
  if (facet === 'profession') return (a.professions as string[]).includes(value);
  if (facet === 'country') return a.country === value;
  return a.kind === value;
}
