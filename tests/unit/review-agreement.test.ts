/** Agreement statistics against worked examples with published kappa values, and on review records. */
import { describe, expect, it } from 'vitest';
import { agreement, cohenKappa, fleissKappa } from '../../src/lib/review/agreement.ts';
import type { ReviewedMapping } from '../../src/lib/review/records.ts';
import type { MappingReview } from '../../src/schemas/index.ts';

/** Expand a 2×2 table (both yes, A yes B no, A no B yes, both no) into rating pairs. */
const table = (yy: number, yn: number, ny: number, nn: number) => [
  ...Array.from({ length: yy }, () => ['yes', 'yes'] as const),
  ...Array.from({ length: yn }, () => ['yes', 'no'] as const),
  ...Array.from({ length: ny }, () => ['no', 'yes'] as const),
  ...Array.from({ length: nn }, () => ['no', 'no'] as const),
];

describe("Cohen's kappa", () => {
  it('reproduces the grant-proposal example (50 proposals, two readers): p_o = 0.7, p_e = 0.5, kappa = 0.4', () => {
    // Source: the worked example of Wikipedia's "Cohen's kappa" article (section "Simple example").
    expect(cohenKappa(table(20, 5, 10, 15))).toBeCloseTo(0.4, 10);
  });
  it('reproduces the "same agreement, different kappa" pair: 0.1304 and 0.2593', () => {
    // Source: Wikipedia's "Cohen's kappa", section "Same percentages but different numbers" (60 of 100 agree in both).
    expect(cohenKappa(table(45, 15, 25, 15))).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(table(25, 35, 5, 35))).toBeCloseTo(0.2593, 4);
  });
  it('is 1 for perfect agreement, 0 for agreement at chance, undefined when every rating is one category', () => {
    expect(cohenKappa(table(3, 0, 0, 2))).toBe(1);
    expect(cohenKappa(table(1, 1, 1, 1))).toBe(0);
    expect(cohenKappa(table(4, 0, 0, 0))).toBeUndefined();
    expect(cohenKappa([])).toBeUndefined();
  });
});

describe("Fleiss' kappa", () => {
  // Source: the worked example of Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters, 5 categories;
  // p_j = 0.143, 0.200, 0.279, 0.150, 0.229; P-bar = 0.378; P_e = 0.213; kappa = 0.210.
  const example = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  it('reproduces the worked example: kappa = 0.210', () => {
    expect(fleissKappa(example)).toBeCloseTo(0.21, 3);
  });
  it('equals Scott-style agreement for two raters, and ignores subjects rated once', () => {
    // Two raters, four subjects: agree, agree, disagree, disagree. P-bar = 0.5; p = (0.5, 0.5); kappa = 0.
    expect(
      fleissKappa([
        [2, 0],
        [0, 2],
        [1, 1],
        [1, 1],
      ]),
    ).toBeCloseTo(0, 10);
    expect(
      fleissKappa([
        [2, 0],
        [0, 2],
        [1, 1],
        [1, 1],
        [1, 0],
      ]),
    ).toBeCloseTo(0, 10);
  });
  it('is undefined when every rating falls in one category or no subject has two ratings', () => {
    expect(
      fleissKappa([
        [3, 0],
        [2, 0],
      ]),
    ).toBeUndefined();
    expect(
      fleissKappa([
        [1, 0],
        [0, 1],
      ]),
    ).toBeUndefined();
  });
});

const rev = (reviewer: string, profession: string, verdict: 'agree' | 'dissent', note?: string): MappingReview =>
  ({ reviewer, profession, date: '2026-01-01', verdict, ...(note && { note }) }) as MappingReview;
const mapping = (
  standard: string,
  accreditor: string,
  characteristic: string,
  reviews: MappingReview[],
): ReviewedMapping => ({
  key: `${standard}#${characteristic}`,
  standard,
  code: standard,
  edition: standard.split('/')[0]!,
  accreditor,
  characteristic,
  strength: 'partial',
  rationale: 'r',
  summary: 's',
  reviews,
});

describe('agreement over review records', () => {
  // Nurse and pharmacist rated three mappings: (agree, agree), (agree, dissent), (dissent, dissent).
  // Cohen: p_o = 2/3; nursing agrees 2/3, pharmacy 1/3; p_e = 2/3·1/3 + 1/3·2/3 = 4/9; kappa = (2/9)/(5/9) = 0.4.
  const data = [
    mapping('e1/a', 'body-a', 'c1', [rev('N', 'nursing', 'agree'), rev('P', 'pharmacy', 'agree')]),
    mapping('e1/b', 'body-a', 'c2', [
      rev('N', 'nursing', 'agree'),
      { ...rev('P', 'pharmacy', 'dissent', 'Staff only.'), suggestedStrength: 'implicit' },
    ]),
    mapping('e2/c', 'body-b', 'c2', [
      rev('N', 'nursing', 'dissent', 'Not learners.'),
      rev('P', 'pharmacy', 'dissent', 'Staff only.'),
    ]),
    mapping('e2/d', 'body-b', 'c1', [rev('N', 'nursing', 'agree')]),
    mapping('e2/e', 'body-b', 'c1', []),
  ];
  const a = agreement(data);
  it("gives Cohen's kappa per profession pair with the number of mappings it rests on", () => {
    expect(a.byProfessionPair).toHaveLength(1);
    const pair = a.byProfessionPair[0]!;
    expect(pair).toMatchObject({ key: 'nursing+pharmacy', mappings: 3, reviews: 6, agreeing: 3, method: 'cohen' });
    expect(pair.kappa).toBeCloseTo(0.4, 10);
  });
  it("gives the share of agreeing reviews and Fleiss' kappa per body and characteristic", () => {
    const bodyA = a.byBody.find((r) => r.key === 'body-a')!;
    // Subjects (2,0) and (1,1): P-bar = 0.5; p = (3/4, 1/4); P_e = 10/16; kappa = -1/3.
    expect(bodyA).toMatchObject({ reviews: 4, agreeing: 3, share: 0.75, mappings: 2 });
    expect(bodyA.kappa).toBeCloseTo(-1 / 3, 10);
    const bodyB = a.byBody.find((r) => r.key === 'body-b')!;
    // One subject rated twice, both dissent: the single-rating mapping does not count; P_e = 1 → no kappa.
    expect(bodyB).toMatchObject({ reviews: 3, agreeing: 1, mappings: 1 });
    expect(bodyB.kappa).toBeUndefined();
    expect(a.byCharacteristic.map((r) => r.key)).toEqual(['c1', 'c2']);
    expect(a.overall).toMatchObject({ reviews: 7, agreeing: 4, mappings: 3 });
  });
  it('gives no kappa for a group resting on a single mapping rated twice', () => {
    const one = agreement([
      mapping('e1/a', 'x', 'c', [rev('N', 'nursing', 'agree'), rev('P', 'pharmacy', 'dissent', 'No.')]),
    ]);
    // Computed over one subject, Fleiss would be -1 and Cohen undefined: neither says anything.
    expect(one.byBody[0]).toMatchObject({ mappings: 1, reviews: 2, agreeing: 1 });
    expect(one.byBody[0]!.kappa).toBeUndefined();
    expect(one.byProfessionPair[0]!.kappa).toBeUndefined();
  });
  it('lists every dissent with its reason and any suggested strength', () => {
    expect(a.dissents).toHaveLength(3);
    expect(a.dissents[0]).toMatchObject({
      standard: 'e1/b',
      profession: 'pharmacy',
      strength: 'partial',
      suggestedStrength: 'implicit',
      note: 'Staff only.',
    });
    expect(a.dissents.map((d) => d.note)).toContain('Not learners.');
  });
});

describe('review figures for a gap report', () => {
  it('restricts the agreement statistics to the editions in force and characteristics of the report', async () => {
    const { reportReviews } = await import('../../src/lib/review/report.ts');
    const { loadFixtures } = await import('../helpers.ts');
    const { index } = loadFixtures();
    // Beta 2024: B.1.1 agreed by both, B-2 (teamwork) agreed by nursing, dissent by pharmacy.
    const beta = reportReviews(index, {
      editions: ['beta-2024'],
      characteristics: ['interprofessional-learning-experiences', 'teams-and-teamwork'],
    });
    expect(beta).toMatchObject({ mappings: 3, withReviews: 2, ratedTwice: 2 });
    expect(beta.byBody.map((b) => b.key)).toEqual(['beta-board']);
    // Fleiss over [2,0] and [1,1]: P̄ = 1/2, p_e = (3/4)² + (1/4)² = 5/8, kappa = (1/2 - 5/8)/(3/8) = -1/3.
    expect(beta.overall.kappa).toBeCloseTo(-1 / 3, 10);
    expect(beta.dissents.map((d) => [d.standard, d.body, d.profession])).toEqual([
      ['beta-2024/b-2', 'beta-board', 'pharmacy'],
    ]);
    // Alpha's 2027 edition holds the fixture's suggested strength; the 2020 edition in force has no reviews.
    const alpha2020 = reportReviews(index, {
      editions: ['alpha-2020'],
      characteristics: ['shared-interprofessional-onboarding', 'interprofessional-learning-experiences'],
    });
    expect(alpha2020).toMatchObject({ withReviews: 0, ratedTwice: 0, dissents: [] });
    const alpha2027 = reportReviews(index, {
      editions: ['alpha-2027'],
      characteristics: ['interprofessional-learning-experiences'],
    });
    expect(alpha2027.dissents.map((d) => d.suggestedStrength)).toEqual(['partial', undefined]);
    // Two bodies in one pass: every reviewed row and dissent keeps its own mapping's standard, code, body,
    // characteristic and strength (one mapping view is reused across the pass).
    const scope = (editions: string[]) => ({
      editions,
      characteristics: ['interprofessional-learning-experiences', 'teams-and-teamwork'],
    });
    const both = reportReviews(index, scope(['beta-2024', 'alpha-2027']));
    const [b, a] = [reportReviews(index, scope(['beta-2024'])), reportReviews(index, scope(['alpha-2027']))];
    expect(both.reviewed).toEqual([...b.reviewed, ...a.reviewed]);
    expect(both.dissents).toEqual([...b.dissents, ...a.dissents]);
    expect(both.dissents.map((d) => `${d.body} ${d.standard} ${d.profession}`)).toEqual([
      'beta-board beta-2024/b-2 pharmacy',
      'alpha-council alpha-2027/a-1 pharmacy',
      'alpha-council alpha-2027/a-1 nursing',
    ]);
    expect(both.dissents.map((d) => d.body)).toEqual(['beta-board', 'alpha-council', 'alpha-council']);
    // A characteristic outside the report is left out.
    expect(reportReviews(index, { editions: ['beta-2024'], characteristics: ['teams-and-teamwork'] })).toMatchObject({
      mappings: 1,
      ratedTwice: 1,
    });
  });
});
