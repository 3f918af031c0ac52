import { describe, expect, it } from 'vitest';
import { percent } from '../../src/lib/percent.ts';
import { columnChunks } from '../../src/scripts/matrix-print.ts';
import {
  coverageScore,
  facetValues,
  matchesFacets,
  matchesRowFacets,
  rowFacetValues,
  sortOrder,
} from '../../src/site/facets.ts';
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
  it('lists levels in their natural order and domains alphabetically, and filters characteristics by them', () => {
    expect(rowFacetValues(data.characteristics, 'level')).toEqual(['meso', 'micro']);
    expect(rowFacetValues(data.characteristics, 'domain')).toEqual([
      'curriculum',
      'onboarding',
      'psychological-safety',
      'teaming',
    ]);
    const pass = (chosen: Parameters<typeof matchesRowFacets>[1]) =>
      data.characteristics.filter((c) => matchesRowFacets(c, chosen)).map((c) => c.id);
    expect(pass({ level: 'micro' })).toEqual(['psychological-safety', 'teams-and-teamwork']);
    expect(pass({ level: 'micro', domain: 'teaming' })).toEqual(['teams-and-teamwork']);
    expect(pass({})).toHaveLength(4);
  });
  it('scores a row by the strength behind each status, and sorts stably', () => {
    expect(coverageScore(['covered', 'partial', 'opportunity', 'gap', 'not-reviewed'])).toBeCloseTo(1.9);
    expect(sortOrder([1, 1, 0.6, 0.9], 'most')).toEqual([0, 1, 3, 2]);
    expect(sortOrder([1, 1, 0.6, 0.9], 'least')).toEqual([2, 3, 0, 1]);
    expect(sortOrder([1, 0, 2], 'listed')).toEqual([0, 1, 2]);
  });
  it('splits columns for print only when they do not fit one page, in even parts', () => {
    const cols = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(columnChunks(cols(55))).toEqual([]);
    expect(columnChunks(cols(120)).map((c) => c.length)).toEqual([40, 40, 40]);
    expect(columnChunks(cols(56)).flat()).toEqual(cols(56));
  });
});
