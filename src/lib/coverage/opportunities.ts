/** Integration opportunities: one practice serving many standards, and reciprocal learning between professions. */
import type { CrosswalkIndex } from '../crosswalk.ts';
import { cellFor, STRENGTH_ORDER, type CellStandard } from './cells.ts';
import type { Coverage } from './rollup.ts';

/** A standard an initiative can help satisfy: the cell's standard, its body, and the initiative's characteristics it maps. */
export type InitiativeStandard = CellStandard & { characteristics: string[]; body: string };

export interface InitiativeOpportunity {
  initiative: { id: string; name: string; characteristics: string[] };
  /** Every standard in the selected in-force editions that maps a characteristic the practice builds. */
  standards: InitiativeStandard[];
  bodies: number;
}

/** "One practice, many standards": for each initiative, the standards it can help satisfy. */
export function initiativeOpportunities(crosswalk: CrosswalkIndex, cov: Coverage): InitiativeOpportunity[] {
  return crosswalk.data.initiatives.map((initiative) => {
    const byStandard = new Map<string, InitiativeStandard>();
    let bodies = 0;
    for (const b of cov.bodies) {
      const before = byStandard.size;
      for (const c of initiative.characteristics) {
        for (const s of cellFor(crosswalk, b.edition!.id, c).standards) {
          const have = byStandard.get(s.id);
          if (have) {
            have.characteristics.push(c);
            if (STRENGTH_ORDER[s.strength] < STRENGTH_ORDER[have.strength]) have.strength = s.strength;
          } else byStandard.set(s.id, { ...s, characteristics: [c], body: b.accreditor.id });
        }
      }
      if (byStandard.size > before) bodies++; // a standard belongs to one body: new ones are this body's
    }
    return { initiative, standards: [...byStandard.values()], bodies };
  });
}

/** The characteristic that means "learners learn with, from and about other professions". */
export const RECIPROCITY_CHARACTERISTIC = 'interprofessional-learning-experiences';

export interface ReciprocityPair {
  a: { accreditor: string; standards: CellStandard[] };
  b: { accreditor: string; standards: CellStandard[] };
}

/**
 * Pairs of bodies of different professions whose in-force standards each require (explicitly or in
 * part, in a required or expected standard) learning with other professions: one joint activity
 * could serve both.
 */
export function reciprocity(crosswalk: CrosswalkIndex, cov: Coverage): ReciprocityPair[] {
  const sides = cov.bodies.flatMap((b) => {
    const standards = cellFor(crosswalk, b.edition!.id, RECIPROCITY_CHARACTERISTIC).standards.filter(
      (s) => s.strength !== 'implicit' && s.bindingness !== 'guidance',
    );
    return standards.length && b.accreditor.kind !== 'reference-framework' ? [{ body: b.accreditor, standards }] : [];
  });
  const pairs: ReciprocityPair[] = [];
  for (let i = 0; i < sides.length; i++)
    for (let j = i + 1; j < sides.length; j++) {
      const x = sides[i]!;
      const y = sides[j]!;
      if (x.body.professions.some((p) => y.body.professions.includes(p))) continue;
      pairs.push({
        a: { accreditor: x.body.id, standards: x.standards },
        b: { accreditor: y.body.id, standards: y.standards },
      });
    }
  return pairs;
}
