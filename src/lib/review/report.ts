/**
 * The review figures a gap report carries: the agreement statistics over the mappings of the report's
 * editions in force and characteristics, read from the crosswalk data so the browser builds the same.
 */
import type { CrosswalkIndex } from '../crosswalk.ts';
import type { GapReport } from '../report/schema.ts';
import { agreement, type RatedMapping } from './agreement.ts';
import { mappingKey } from './records.ts';

export type ReportReviews = GapReport['reviewAgreement'];

/** The mappings of `editions` to `characteristics`, in the shape the statistics read. */
export function ratedMappings(
  ix: CrosswalkIndex,
  scope: { editions: readonly string[]; characteristics: readonly string[] },
): RatedMapping[] {
  const chars = new Set(scope.characteristics);
  return scope.editions.flatMap((edition) => {
    const accreditor = ix.editions.get(edition)?.accreditor ?? '';
    return (ix.standardsByEdition.get(edition) ?? []).flatMap((s) =>
      s.mappings
        .filter((m) => chars.has(m.characteristic))
        .map((m) => ({
          key: mappingKey(s.id, m.characteristic),
          standard: s.id,
          code: s.code,
          accreditor,
          characteristic: m.characteristic,
          strength: m.strength,
          reviews: m.reviews ?? [],
        })),
    );
  });
}

export function reportReviews(
  ix: CrosswalkIndex,
  scope: { editions: readonly string[]; characteristics: readonly string[] },
): ReportReviews {
  const mappings = ratedMappings(ix, scope);
  const a = agreement(mappings);
  const reviewed = mappings.filter((m) => m.reviews.length > 0);
  return {
    mappings: mappings.length,
    withReviews: reviewed.length,
    ratedTwice: reviewed.filter((m) => m.reviews.length >= 2).length,
    overall: a.overall,
    byBody: a.byBody,
    byCharacteristic: a.byCharacteristic,
    byProfessionPair: a.byProfessionPair,
    reviewed: reviewed.map((m) => ({
      standard: m.standard,
      characteristic: m.characteristic,
      reviews: m.reviews.length,
      agreeing: m.reviews.filter((r) => r.verdict === 'agree').length,
      professions: [...new Set(m.reviews.map((r) => r.profession))].sort(),
    })),
    dissents: a.dissents.map((d) => ({
      standard: d.standard,
      code: d.code,
      body: d.accreditor,
      characteristic: d.characteristic,
      reviewer: d.reviewer,
      profession: d.profession,
      date: d.date,
      strength: d.strength,
      ...(d.suggestedStrength !== undefined && { suggestedStrength: d.suggestedStrength }),
      ...(d.note !== undefined && { note: d.note }),
    })),
  };
}
