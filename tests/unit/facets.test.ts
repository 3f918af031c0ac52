import { describe, expect, it } from 'vitest';
import { percent } from '../../src/lib/percent.ts';
import { facetValues, matchesFacets } from '../../src/site/facets.ts';
import { loadFixtures } from '../helpers.ts';

describe('matrix facets (the browser filter calls the same function)', () => {
  const { data } = loadFixtures();
  it('lists the values present in the data', () => {
    expect(facetValues(data.accreditors, 'country')).toEqual(['GB', 'US']);
    expect(facetValues(data.accreditors, 'profession')).toEqual(['all-health-professions', 'nursing', 'pharmacy']);
  });
  it('keeps a body only when it passes every chosen facet; an empty choice passes', () => {
    const pass = (chosen: Parameters<typeof matchesFacets>[1]) =>
      data.accreditors.filter((a) => matchesFacets(a, chosen)).map((a) => a.id);
    expect(pass({})).toEqual(['alpha-council', 'beta-board', 'gamma-commission']);
    expect(pass({ country: 'US' })).toEqual(['alpha-council', 'beta-board']);
    expect(pass({ country: 'US', profession: 'pharmacy' })).toEqual(['beta-board']);
    expect(pass({ kind: 'practice-accreditor', country: 'US' })).toEqual([]);
  });
  it('one percentage format everywhere', () => {
    expect(percent(1, 3)).toBe('33%');
    expect(percent(0, 0)).toBe('–');
  });
});
