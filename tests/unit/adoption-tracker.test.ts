/** The adoption tracker, the index filter and the gap report's recommendations, on the fixture content. */
import { describe, expect, it } from 'vitest';
import { everything } from '../../src/lib/coverage.ts';
import { daysBetween, median, trackRecommendations } from '../../src/lib/recommendations.ts';
import { buildReport } from '../../src/lib/report/build.ts';
import { gapReportSchema } from '../../src/lib/report/schema.ts';
import { matchesRecommendation } from '../../src/scripts/recommendation-filter.ts';
import { loadFixtures, TODAY } from '../helpers.ts';

describe('adoption tracker', () => {
  it('counts the fixture recommendations by status, adoption rate, time to adoption and cell movement', () => {
    const { index } = loadFixtures();
    const t = trackRecommendations(index);
    expect(Object.fromEntries(Object.entries(t.byStatus).map(([s, l]) => [s, l.length]))).toEqual({
      draft: 1,
      endorsed: 1,
      submitted: 1,
      'under-consideration': 1,
      adopted: 1,
      'partly-adopted': 1,
      declined: 1,
    });
    expect([t.total, t.submitted, t.decided, t.adopted, t.adoptionRate]).toEqual([7, 5, 3, 2, 0.4]);
    expect(t.adoptions.map((a) => [a.recommendation, a.submitted, a.decided, a.days])).toEqual([
      ['alpha-team-debriefs', '2024-04-01', '2025-01-20', 294],
      ['alpha-team-training', '2024-03-01', '2025-01-20', 325],
    ]);
    expect(t.medianDays).toBe(309.5);
    expect(t.movements.find((m) => m.recommendation === 'alpha-team-training')).toEqual({
      recommendation: 'alpha-team-training',
      characteristic: 'teams-and-teamwork',
      before: { edition: 'alpha-2020', status: 'gap' },
      after: { edition: 'alpha-2027', status: 'not-reviewed' },
    });
    expect(t.movements.find((m) => m.recommendation === 'gamma-speak-up')?.after).toBeUndefined();
  });

  it('with nothing submitted there is no rate and no median, rather than 0', () => {
    const { index } = loadFixtures();
    const t = trackRecommendations(
      index,
      index.data.recommendations.filter((r) => r.status === 'draft'),
    );
    expect(t.adoptionRate).toBeUndefined();
    expect(t.medianDays).toBeUndefined();
    expect(t.submitted).toBe(0);
  });

  it('the time is counted from the submission the adoption answers (a resubmission after a decline)', () => {
    const { index } = loadFixtures();
    const r = index.recommendations.get('alpha-team-training')!;
    const resubmitted = {
      ...r,
      history: [
        { status: 'draft' as const, date: '2024-01-01' },
        { status: 'submitted' as const, date: '2024-02-01' },
        { status: 'declined' as const, date: '2024-03-01' },
        { status: 'submitted' as const, date: '2024-12-31' },
        { status: 'adopted' as const, date: '2025-01-20', standard: 'alpha-2027/a-1' },
      ],
    };
    expect(trackRecommendations(index, [resubmitted]).adoptions[0]!.days).toBe(20);
  });

  it('helpers: whole days across a leap day, median of odd and even lists', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('the index filter matches body, status and any of the characteristics; an empty choice passes', () => {
    const row = { body: 'alpha', status: 'adopted', characteristics: ['teamwork', 'psychological-safety'] };
    expect(matchesRecommendation(row, {})).toBe(true);
    expect(matchesRecommendation(row, { body: 'alpha', characteristic: 'psychological-safety' })).toBe(true);
    expect(matchesRecommendation(row, { body: 'beta' })).toBe(false);
    expect(matchesRecommendation(row, { status: 'declined' })).toBe(false);
    expect(matchesRecommendation(row, { characteristic: 'team' })).toBe(false);
  });
});

describe('gap report', () => {
  it('lists, per report, the recommendations that target its gap and opportunity cells, and validates', () => {
    const { index } = loadFixtures();
    const report = buildReport(index, everything(TODAY), TODAY);
    expect(gapReportSchema.parse(report).recommendations).toEqual(report.recommendations);
    // Alpha's recommendations target its 2020 gap; in force on the date, so both are listed.
    expect(
      report.recommendations!.map((r) => [r.id, r.status, r.cells.map((c) => `${c.characteristic}:${c.cell}`)]),
    ).toEqual([
      ['alpha-team-debriefs', 'partly-adopted', ['teams-and-teamwork:gap']],
      ['alpha-team-training', 'adopted', ['teams-and-teamwork:gap']],
      ['beta-team-placements', 'under-consideration', ['teams-and-teamwork:opportunity']],
      ['gamma-joint-orientation', 'submitted', ['shared-interprofessional-onboarding:gap']],
      ['gamma-learning-together', 'endorsed', ['interprofessional-learning-experiences:gap']],
      ['gamma-shared-placements', 'declined', ['interprofessional-learning-experiences:gap']],
      ['gamma-speak-up', 'draft', ['psychological-safety:gap']],
    ]);
    // Once the 2027 edition is in force, the 2020 cells are no longer in the report, nor their recommendations.
    const later = buildReport(index, everything('2027-06-01'), '2027-06-01');
    expect(later.recommendations!.map((r) => r.id)).not.toContain('alpha-team-training');
  });
});
