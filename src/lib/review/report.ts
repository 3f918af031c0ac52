/**
 * The review figures a gap report carries: the agreement statistics over the mappings of the report's
 * editions in force and characteristics, read from the crosswalk data so the browser builds the same.
 */
import type { CrosswalkIndex } from '../crosswalk.ts';
import type { GapReport } from '../report/schema.ts';
import { agreement, type RatedMapping } from './agreement.ts';
import { mappingKey } from './records.ts';

export type ReportReviews = GapReport['reviewAgreement'];

/**
 * The mappings of `editions` to `characteristics` that have reviews, in the shape the statistics read,
 * and how many mappings there are in all (unreviewed ones change no statistic, so they are only counted).
 */
export function ratedMappings(
  ix: CrosswalkIndex,
  scope: { editions: readonly string[]; characteristics: readonly string[] },
): { rated: RatedMapping[]; total: number } {
  const chars = new Set(scope.characteristics);
  const rated: RatedMapping[] = [];
  let total = 0;
  for (const edition of scope.editions) {
    const accreditor = ix.editions.get(edition)?.accreditor ?? '';
    for (const s of ix.standardsByEdition.get(edition) ?? [])
      for (const m of s.mappings) {
        if (!chars.has(m.characteristic)) continue;
        total++;
        if (!m.reviews?.length) continue;
        rated.push({
          key: mappingKey(s.id, m.characteristic),
          standard: s.id,
          code: s.code,
          accreditor,
          characteristic: m.characteristic,
          strength: m.strength,
          reviews: m.reviews,
        });
      }
  }
  return { rated, total };
}

export function reportReviews(
  ix: CrosswalkIndex,
  scope: { editions: readonly string[]; characteristics: readonly string[] },
): ReportReviews {
  const { rated: reviewed, total } = ratedMappings(ix, scope);
  const a = agreement(reviewed);
  return {
    mappings: total,
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
