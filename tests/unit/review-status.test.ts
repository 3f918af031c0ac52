/**
 * The review-status page's counts (src/lib/review/status.ts): what each profession still has to review,
 * of its own bodies and of all, and what it has reviewed, held to the counts' definitions written out
 * as filters on generated mappings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewStatus } from '../../src/lib/crosswalk.ts';
import type { ReviewedMapping } from '../../src/lib/review/records.ts';
import { reviewSummary } from '../../src/lib/review/status.ts';
import { PROFESSIONS, type Profession } from '../../src/schemas/index.ts';

/** The definitions of ProfessionNeed, one filter each. */
function needsByDefinition(
  mappings: readonly ReviewedMapping[],
  bodyProfessions: ReadonlyMap<string, readonly string[]>,
) {
  const open = mappings.filter((m) => reviewStatus(m.reviews).status !== 'reviewed');
  return PROFESSIONS.map((p) => {
    const lacking = open.filter((m) => !m.reviews.some((r) => r.profession === p));
    return {
      profession: p,
      awaiting: lacking.length,
      ownBodies: lacking.filter((m) => bodyProfessions.get(m.accreditor)?.includes(p)).length,
      reviewed: mappings.filter((m) => m.reviews.some((r) => r.profession === p)).length,
    };
  });
}

const FEW: Profession[] = PROFESSIONS.slice(0, 4);
const BODIES = ['a', 'b', 'c', 'none'];
const review = fc.record({
  reviewer: fc.constantFrom('Ann', 'Bo', 'ann '),
  profession: fc.constantFrom(...FEW),
  date: fc.constantFrom('2026-01-02', '2026-03-04'),
  verdict: fc.constantFrom('agree' as const, 'dissent' as const),
});
const mapping = fc.record({ accreditor: fc.constantFrom(...BODIES), reviews: fc.array(review, { maxLength: 4 }) });
const bodies = fc.record({
  a: fc.array(fc.constantFrom(...FEW), { maxLength: 3 }),
  b: fc.array(fc.constantFrom(...FEW), { maxLength: 3 }),
  c: fc.constant([]),
});

const asMapping = (m: { accreditor: string; reviews: ReviewedMapping['reviews'] }, i: number) =>
  ({ ...m, key: `k${i}` }) as unknown as ReviewedMapping;

describe('review summary', () => {
  it('counts, for every profession, the open mappings it has not judged (of all bodies and of its own) and those it has', () => {
    fc.assert(
      fc.property(fc.array(mapping, { maxLength: 30 }), bodies, (ms, b) => {
        const mappings = ms.map(asMapping);
        const bodyProfessions = new Map(Object.entries(b));
        const s = reviewSummary(mappings, bodyProfessions);
        expect(s.needs).toEqual(needsByDefinition(mappings, bodyProfessions));
        expect(s.counts.reviewed + s.counts.proposed + s.counts.disputed).toBe(mappings.length);
      }),
      { numRuns: 1500, seed: 20261205 },
    );
  });

  it('counts a body that lists a profession twice once', () => {
    const m = asMapping({ accreditor: 'a', reviews: [] }, 0);
    const s = reviewSummary([m], new Map([['a', [FEW[0]!, FEW[0]!]]]));
    expect(s.needs.find((n) => n.profession === FEW[0])).toMatchObject({ awaiting: 1, ownBodies: 1, reviewed: 0 });
  });

  it('leaves a mapping two professions agree on out of what anyone still has to review', () => {
    const agree = (p: Profession) => ({ reviewer: p, profession: p, date: '2026-01-02', verdict: 'agree' as const });
    const done = asMapping({ accreditor: 'a', reviews: [agree(FEW[0]!), agree(FEW[1]!)] }, 0);
    const s = reviewSummary([done], new Map([['a', [FEW[2]!]]]));
    expect(s.counts).toEqual({ reviewed: 1, proposed: 0, disputed: 0 });
    expect(s.needs.every((n) => n.awaiting === 0 && n.ownBodies === 0)).toBe(true);
    expect(s.needs.filter((n) => n.reviewed === 1).map((n) => n.profession)).toEqual([FEW[0], FEW[1]]);
  });
});
