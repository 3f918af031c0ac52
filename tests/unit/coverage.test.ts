import { describe, expect, it } from 'vitest';
import {
  byProfession,
  cellFor,
  computeCoverage,
  describeCounts,
  editionOn,
  evidenceShare,
  initiativeOpportunities,
  newerMayExistSince,
  qualifiersOf,
  reciprocity,
  severityOf,
  statusOf,
  STATUSES,
  transitionOn,
  type Cell,
  type CellStandard,
  type Selection,
  type Status,
} from '../../src/lib/coverage.ts';
import { indexCrosswalk, reviewStatus } from '../../src/lib/crosswalk.ts';
import { loadFixtures } from '../helpers.ts';

const { index: crosswalk } = loadFixtures();
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
  it('covered needs an explicit mapping; partial mappings without one are partial', () => {
    expect(cellFor(crosswalk, 'alpha-2020', 'psychological-safety')).toMatchObject({ status: 'covered', support: 1 });
    // partial mapping in a guidance standard: 0.6 × 0.4
    expect(cellFor(crosswalk, 'alpha-2020', 'shared-interprofessional-onboarding')).toMatchObject({
      status: 'partial',
      support: 0.24,
    });
  });
  it('a reviewed characteristic with no mapping is a gap; unreviewed is not reviewed, never a gap', () => {
    expect(cellFor(crosswalk, 'alpha-2020', 'teams-and-teamwork').status).toBe('gap');
    expect(cellFor(crosswalk, 'alpha-2020', 'interprofessional-learning-experiences').status).toBe('not-reviewed');
    expect(cellFor(crosswalk, 'beta-2024', 'psychological-safety').status).toBe('not-reviewed');
  });
  it('lists the standards behind a cell, strongest first, with review status', () => {
    const c = cellFor(crosswalk, 'beta-2024', 'interprofessional-learning-experiences');
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
    expect(editionOn(crosswalk, 'alpha-council', '2026-12-31')?.id).toBe('alpha-2020');
    expect(editionOn(crosswalk, 'alpha-council', '2027-01-01')?.id).toBe('alpha-2027');
    expect(editionOn(crosswalk, 'alpha-council', '2020-06-30')).toBeUndefined();
  });
  it('a year-only start counts from January 1 and a month from its first day', () => {
    expect(editionOn(crosswalk, 'beta-board', '2024-01-01')?.id).toBe('beta-2024');
    expect(editionOn(crosswalk, 'beta-board', '2023-12-31')).toBeUndefined();
    expect(editionOn(crosswalk, 'gamma-commission', '2025-01-01')?.id).toBe('gamma-2025');
  });
  it('lists a body in transition with what changes for the chosen characteristics', () => {
    const t = transitionOn(crosswalk, 'alpha-council', '2026-11-25', [
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
    expect(transitionOn(crosswalk, 'alpha-council', '2027-02-01', ['psychological-safety'])).toBeUndefined();
  });
});

describe('coverage roll-ups', () => {
  const cov = computeCoverage(crosswalk, sel());
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
    expect(computeCoverage(crosswalk, sel({ professions: ['pharmacy'] })).bodies.map((b) => b.accreditor.id)).toEqual([
      'beta-board',
    ]);
    expect(
      computeCoverage(crosswalk, sel({ kinds: ['practice-accreditor'] })).bodies.map((b) => b.accreditor.id),
    ).toEqual(['gamma-commission']);
    expect(computeCoverage(crosswalk, sel({ countries: ['US'] })).bodies).toHaveLength(2);
  });
  it('a body with no edition in force is reported, not silently dropped', () => {
    const early = computeCoverage(crosswalk, sel({ on: '2021-01-01' }));
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

describe('severity weighs bindingness and never hides unreviewed bodies', () => {
  const cell = (status: Status, support: number): Cell => ({ status, support, standards: [], qualifiers: [] });
  it('covers every case', () => {
    expect(severityOf([cell('not-reviewed', 0)])).toBe('unknown');
    expect(severityOf([cell('covered', 1), cell('covered', 0.75)])).toBe('none');
    expect(severityOf([cell('covered', 1), cell('gap', 0)])).toBe('low');
    // explicit but only in guidance (1 × 0.4) does not count as strong coverage
    expect(severityOf([cell('covered', 0.4), cell('gap', 0)])).toBe('high');
    expect(severityOf([cell('partial', 0.6), cell('gap', 0)])).toBe('medium');
  });
  it('is unknown, never none, when a not-reviewed body could hide a gap', () => {
    expect(severityOf([cell('covered', 1), cell('not-reviewed', 0), cell('not-reviewed', 0)])).toBe('unknown');
    expect(severityOf([cell('covered', 1), cell('covered', 1)])).toBe('none');
  });
  it('an opportunity (implicit only) never lowers severity below high next to a gap', () => {
    expect(severityOf([cell('opportunity', 0.3), cell('gap', 0)])).toBe('high');
    expect(severityOf([cell('opportunity', 0.3), cell('opportunity', 0.3)])).toBe('medium');
  });
});

describe('five statuses', () => {
  it('implicit mappings alone make an opportunity, not partial', () => {
    // beta-2024 B-2 maps teams-and-teamwork implicitly, and nothing else maps it there
    expect(cellFor(crosswalk, 'beta-2024', 'teams-and-teamwork')).toMatchObject({
      status: 'opportunity',
      support: 0.3,
    });
  });
  it('statusOf: the strongest strength decides; no mapping is a gap only when reviewed', () => {
    expect(statusOf(['implicit', 'partial'], false)).toBe('partial');
    expect(statusOf(['implicit', 'explicit'], false)).toBe('covered');
    expect(statusOf(['implicit'], true)).toBe('opportunity');
    expect(statusOf([], true)).toBe('gap');
    expect(statusOf([], false)).toBe('not-reviewed');
  });
  it('counts every status in every roll-up', () => {
    const cov = computeCoverage(crosswalk, sel());
    const total = STATUSES.reduce((n, s) => n + cov.bodies.reduce((m, b) => m + b.counts[s], 0), 0);
    expect(total).toBe(cov.bodies.length * cov.rows.length);
    expect(cov.bodies.find((b) => b.accreditor.id === 'beta-board')!.counts.opportunity).toBe(1);
    expect(describeCounts({ covered: 1, partial: 0, opportunity: 2, gap: 0, 'not-reviewed': 0 }, 3)).toBe(
      'covered by 1 of 3 bodies, an opportunity at 2',
    );
  });
});

describe('evidence qualifiers', () => {
  const std = (patch: Partial<CellStandard>): CellStandard => ({
    id: 'x/1',
    code: '1',
    strength: 'explicit',
    bindingness: 'required',
    verification: 'verified',
    review: 'reviewed',
    rationale: 'r',
    ...patch,
  });
  it('marks a cell only when every standard behind it shares the weakness', () => {
    expect(qualifiersOf([std({})])).toEqual([]);
    expect(qualifiersOf([std({ verification: 'secondary' }), std({ verification: 'unverified' })])).toEqual([
      'secondary-only',
    ]);
    expect(qualifiersOf([std({ verification: 'secondary' }), std({})])).toEqual([]);
    expect(qualifiersOf([std({ bindingness: 'guidance', review: 'proposed' })])).toEqual([
      'guidance-only',
      'proposed-only',
    ]);
    expect(qualifiersOf([])).toEqual([]);
  });
  it('are computed for real cells', () => {
    // alpha-2020 A-2: guidance, secondary, proposed
    expect(cellFor(crosswalk, 'alpha-2020', 'shared-interprofessional-onboarding').qualifiers).toEqual([
      'secondary-only',
      'guidance-only',
      'proposed-only',
    ]);
    // beta B.1.1 is verified and reviewed, so B-2's weaknesses do not qualify the cell
    expect(cellFor(crosswalk, 'beta-2024', 'interprofessional-learning-experiences').qualifiers).toEqual([]);
  });
});

describe('carried forward', () => {
  it('a not-reviewed cell of the edition in force shows the last read edition, without counting it', () => {
    const c = cellFor(crosswalk, 'alpha-2027', 'shared-interprofessional-onboarding');
    expect(c.status).toBe('not-reviewed');
    expect(c.carried).toMatchObject({ from: 'alpha-2020', status: 'partial' });
    expect(c.carried!.standards.map((s) => s.code)).toEqual(['A-2']);
    const cov = computeCoverage(crosswalk, sel({ on: '2027-06-01', accreditors: ['alpha-council'] }));
    const body = cov.bodies[0]!;
    expect(body.edition!.id).toBe('alpha-2027');
    expect(body.carried).toBeGreaterThan(0);
    // carried evidence never lowers the not-reviewed count
    const row = cov.rows.find((r) => r.characteristic.id === 'shared-interprofessional-onboarding')!;
    expect(row.counts['not-reviewed']).toBe(1);
    expect(row.counts.partial).toBe(0);
  });
  it('carries a reviewed gap forward too, and nothing when no older edition was read', () => {
    expect(cellFor(crosswalk, 'alpha-2027', 'teams-and-teamwork').carried).toMatchObject({
      from: 'alpha-2020',
      status: 'gap',
      standards: [],
    });
    expect(cellFor(crosswalk, 'beta-2024', 'psychological-safety').carried).toBeUndefined();
    // reviewed cells never carry
    expect(cellFor(crosswalk, 'alpha-2027', 'psychological-safety').carried).toBeUndefined();
  });
});

describe('editions read vs in force', () => {
  it('flags "a newer edition may exist" once a known reissue cycle has passed with no successor', () => {
    const data = structuredClone(crosswalk.data);
    data.accreditors.find((a) => a.id === 'beta-board')!.reissueEveryYears = 1;
    const ix2 = indexCrosswalk(data);
    const beta = ix2.editions.get('beta-2024')!;
    expect(newerMayExistSince(ix2, beta, '2024-12-31')).toBeUndefined();
    expect(newerMayExistSince(ix2, beta, '2025-01-01')).toBe('2025-01-01');
    // a body without a cycle is never flagged; a superseded edition is not either
    expect(newerMayExistSince(crosswalk, beta, '2030-01-01')).toBeUndefined();
    data.accreditors.find((a) => a.id === 'alpha-council')!.reissueEveryYears = 1;
    const ix3 = indexCrosswalk(data);
    expect(newerMayExistSince(ix3, ix3.editions.get('alpha-2020')!, '2030-01-01')).toBeUndefined();
    const cov = computeCoverage(ix2, sel({ on: '2026-11-25', accreditors: ['beta-board'] }));
    expect(cov.bodies[0]!.newerMayExistSince).toBe('2025-01-01');
  });
  it('the evidence share counts only reviewed, current, verified cells', () => {
    const cov = computeCoverage(crosswalk, sel());
    const share = evidenceShare(cov);
    expect(share.cells).toBe(cov.bodies.length * cov.rows.length);
    // beta-2024 was only partly read and its best cell rests on a reviewed, verified mapping;
    // alpha-2020 and gamma-2025 reviewed gaps count; not-reviewed cells never do
    expect(share.solid).toBeGreaterThan(0);
    expect(share.solid).toBeLessThan(share.cells);
    const none = structuredClone(crosswalk.data);
    for (const e of none.editions) e.textRead = 'none';
    expect(evidenceShare(computeCoverage(indexCrosswalk(none), sel())).solid).toBe(0);
  });
});

describe('integration opportunities', () => {
  const cov = computeCoverage(crosswalk, sel());
  it('one practice, many standards: every standard an initiative can help satisfy', () => {
    const [o] = initiativeOpportunities(crosswalk, cov);
    expect(o!.standards.map((s) => `${s.body} ${s.code} via ${s.characteristics.join('+')}`).sort()).toEqual([
      'alpha-council A-1 via psychological-safety',
      'alpha-council A-2 via shared-interprofessional-onboarding',
      'beta-board B-2 via interprofessional-learning-experiences',
      'beta-board B.1.1 via interprofessional-learning-experiences',
    ]);
    expect(o!.bodies).toBe(2);
  });
  it('reciprocity pairs bodies of different professions that both require learning together', () => {
    const later = computeCoverage(crosswalk, sel({ on: '2027-06-01' }));
    expect(reciprocity(crosswalk, later).map((p) => [p.a.accreditor, p.b.accreditor])).toEqual([
      ['alpha-council', 'beta-board'],
    ]);
    expect(reciprocity(crosswalk, cov)).toEqual([]);
  });
});
