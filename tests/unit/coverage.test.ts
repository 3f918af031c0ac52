import { describe, expect, it } from 'vitest';
import {
  byProfession,
  cellFor,
  computeCoverage,
  describeCounts,
  editionOn,
  initiativeOpportunities,
  reciprocity,
  severityOf,
  transitionOn,
  type Selection,
} from '../../src/lib/coverage.ts';
import { reviewStatus } from '../../src/lib/crosswalk.ts';
import { loadFixtures } from '../helpers.ts';

const { index: ix } = loadFixtures();
const sel = (patch: Partial<Selection> = {}): Selection => ({
  accreditors: [],
  professions: [],
  kinds: [],
  countries: [],
  characteristics: [],
  on: '2026-11-25',
  ...patch,
});

describe('cell status', () => {
  it('covered needs an explicit mapping; partial/implicit only is partial', () => {
    expect(cellFor(ix, 'alpha-2020', 'psychological-safety')).toMatchObject({ status: 'covered', support: 1 });
    // partial mapping in a guidance standard: 0.6 × 0.4
    expect(cellFor(ix, 'alpha-2020', 'shared-interprofessional-onboarding')).toMatchObject({
      status: 'partial',
      support: 0.24,
    });
  });
  it('a reviewed characteristic with no mapping is a gap; unreviewed is not reviewed, never a gap', () => {
    expect(cellFor(ix, 'alpha-2020', 'teams-and-teamwork').status).toBe('gap');
    expect(cellFor(ix, 'alpha-2020', 'interprofessional-learning-experiences').status).toBe('not-reviewed');
    expect(cellFor(ix, 'beta-2024', 'psychological-safety').status).toBe('not-reviewed');
  });
  it('lists the standards behind a cell, strongest first, with review status', () => {
    const c = cellFor(ix, 'beta-2024', 'interprofessional-learning-experiences');
    expect(c.standards.map((s) => [s.code, s.strength, s.review])).toEqual([
      ['B.1.1', 'explicit', 'reviewed'],
      ['B-2', 'partial', 'proposed'],
    ]);
  });
});

describe('mapping review status', () => {
  it('reviewed only when two professions agree; a dissent makes it disputed', () => {
    expect(reviewStatus([]).status).toBe('proposed');
    expect(
      reviewStatus([
        { profession: 'nursing', verdict: 'agree' },
        { profession: 'nursing', verdict: 'agree' },
      ]).status,
    ).toBe('proposed');
    expect(
      reviewStatus([
        { profession: 'nursing', verdict: 'agree' },
        { profession: 'pharmacy', verdict: 'agree' },
      ]).status,
    ).toBe('reviewed');
    expect(
      reviewStatus([
        { profession: 'nursing', verdict: 'agree' },
        { profession: 'pharmacy', verdict: 'agree' },
        { profession: 'medicine', verdict: 'dissent' },
      ]).status,
    ).toBe('disputed');
  });
});

describe('edition in force on a date', () => {
  it('picks the edition effective that day; a successor ends an open-ended edition', () => {
    expect(editionOn(ix, 'alpha-council', '2026-12-31')?.id).toBe('alpha-2020');
    expect(editionOn(ix, 'alpha-council', '2027-01-01')?.id).toBe('alpha-2027');
    expect(editionOn(ix, 'alpha-council', '2020-06-30')).toBeUndefined();
  });
  it('a year-only start counts from January 1 and a month from its first day', () => {
    expect(editionOn(ix, 'beta-board', '2024-01-01')?.id).toBe('beta-2024');
    expect(editionOn(ix, 'beta-board', '2023-12-31')).toBeUndefined();
    expect(editionOn(ix, 'gamma-commission', '2025-01-01')?.id).toBe('gamma-2025');
  });
  it('lists a body in transition with what changes for the chosen characteristics', () => {
    const t = transitionOn(ix, 'alpha-council', '2026-11-25', [
      'psychological-safety',
      'interprofessional-learning-experiences',
      'teams-and-teamwork',
    ]);
    expect(t).toMatchObject({
      from: { id: 'alpha-2020' },
      to: { id: 'alpha-2027' },
      startsOn: '2027-01-01',
      note: 'Adds a required interprofessional learning standard.',
    });
    expect(t!.changes).toEqual([
      { characteristic: 'psychological-safety', from: 'covered', to: 'gap' },
      { characteristic: 'interprofessional-learning-experiences', from: 'not-reviewed', to: 'covered' },
      { characteristic: 'teams-and-teamwork', from: 'gap', to: 'not-reviewed' },
    ]);
    expect(transitionOn(ix, 'alpha-council', '2027-02-01', ['psychological-safety'])).toBeUndefined();
  });
});

describe('coverage roll-ups', () => {
  const cov = computeCoverage(ix, sel());
  it('one row per characteristic, one cell per body in force', () => {
    expect(cov.bodies.map((b) => `${b.accreditor.id}@${b.edition!.id}`)).toEqual([
      'alpha-council@alpha-2020',
      'beta-board@beta-2024',
      'gamma-commission@gamma-2025',
    ]);
    const ile = cov.rows.find((r) => r.characteristic.id === 'interprofessional-learning-experiences')!;
    expect(ile.cells.map((c) => c.status)).toEqual(['not-reviewed', 'covered', 'gap']);
    expect(describeCounts(ile.counts, 3)).toBe('covered by 1 of 3 bodies, gap at 1, not reviewed at 1');
  });
  it('per body counts and verification figures', () => {
    expect(cov.bodies[0]).toMatchObject({
      counts: { covered: 1, partial: 1, gap: 1, 'not-reviewed': 1 },
      standards: 2,
      verified: 1,
      mappings: 2,
      reviewedMappings: 0,
    });
    expect(cov.bodies[1]).toMatchObject({ verified: 1, reviewedMappings: 1 });
  });
  it('filters by profession, kind and country', () => {
    expect(computeCoverage(ix, sel({ professions: ['pharmacy'] })).bodies.map((b) => b.accreditor.id)).toEqual([
      'beta-board',
    ]);
    expect(computeCoverage(ix, sel({ kinds: ['practice-accreditor'] })).bodies.map((b) => b.accreditor.id)).toEqual([
      'gamma-commission',
    ]);
    expect(computeCoverage(ix, sel({ countries: ['US'] })).bodies).toHaveLength(2);
  });
  it('a body with no edition in force is reported, not silently dropped', () => {
    const early = computeCoverage(ix, sel({ on: '2021-01-01' }));
    expect(early.noEdition.map((a) => a.id)).toEqual(['beta-board', 'gamma-commission']);
  });
  it('per profession: best status among the profession’s bodies', () => {
    const rows = byProfession(cov);
    expect(rows.find((r) => r.profession === 'pharmacy')!.statuses['interprofessional-learning-experiences']).toBe(
      'covered',
    );
    expect(rows.find((r) => r.profession === 'nursing')!.statuses['teams-and-teamwork']).toBe('gap');
  });
});

describe('severity weighs bindingness', () => {
  const cell = (status: 'covered' | 'partial' | 'gap' | 'not-reviewed', support: number) => ({
    status,
    support,
    standards: [],
  });
  it('covers every case', () => {
    expect(severityOf([cell('not-reviewed', 0)])).toBe('unknown');
    expect(severityOf([cell('covered', 1), cell('covered', 0.75)])).toBe('none');
    expect(severityOf([cell('covered', 1), cell('gap', 0)])).toBe('low');
    // explicit but only in guidance (1 × 0.4) does not count as strong coverage
    expect(severityOf([cell('covered', 0.4), cell('gap', 0)])).toBe('high');
    expect(severityOf([cell('partial', 0.6), cell('gap', 0)])).toBe('medium');
  });
});

describe('integration opportunities', () => {
  const cov = computeCoverage(ix, sel());
  it('one practice, many standards: every standard an initiative can help satisfy', () => {
    const [o] = initiativeOpportunities(ix, cov);
    expect(o!.standards.map((s) => `${s.accreditor} ${s.code} via ${s.characteristics.join('+')}`).sort()).toEqual([
      'alpha-council A-1 via psychological-safety',
      'alpha-council A-2 via shared-interprofessional-onboarding',
      'beta-board B-2 via interprofessional-learning-experiences',
      'beta-board B.1.1 via interprofessional-learning-experiences',
    ]);
    expect(o!.bodies).toBe(2);
  });
  it('reciprocity pairs bodies of different professions that both require learning together', () => {
    const later = computeCoverage(ix, sel({ on: '2027-06-01' }));
    expect(reciprocity(ix, later).map((p) => [p.a.accreditor, p.b.accreditor])).toEqual([
      ['alpha-council', 'beta-board'],
    ]);
    expect(reciprocity(ix, cov)).toEqual([]);
  });
});
