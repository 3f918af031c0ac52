/**
 * The review figures a gap report carries: the agreement statistics over the mappings of the report's
 * editions in force and characteristics, read from the crosswalk data so the browser builds the same.
 */
import type { CrosswalkIndex } from '../crosswalk.ts';
import type { GapReport } from '../report/schema.ts';
import { AgreementSums, type RatedMapping } from './agreement.ts';

export type ReportReviews = GapReport['reviewAgreement'];

/**
 * The agreement figures over the mappings of `editions` to `characteristics`, one pass: unreviewed
 * mappings change no statistic, so they are only counted; each reviewed one is added to the running sums
 * (through one reused object: this runs over every mapping of every report) and gets its line.
 */
export function reportReviews(
  crosswalk: CrosswalkIndex,
  scope: { editions: readonly string[]; characteristics: readonly string[] },
): ReportReviews {
  const chars = new Set(scope.characteristics);
  const sums = new AgreementSums();
  const reviewed: ReportReviews['reviewed'] = [];
  let total = 0;
  let ratedTwice = 0;
  const m: RatedMapping = {
    standard: '',
    code: '',
    accreditor: '',
    characteristic: '',
    strength: 'explicit',
    reviews: [],
  };
  for (const edition of scope.editions) {
    m.accreditor = crosswalk.editions.get(edition)?.accreditor ?? '';
    for (const s of crosswalk.standardsByEdition.get(edition) ?? [])
      for (const mapping of s.mappings) {
        if (!chars.has(mapping.characteristic)) continue;
        total++;
        if (!mapping.reviews?.length) continue;
        m.standard = s.id;
        m.code = s.code;
        m.characteristic = mapping.characteristic;
        m.strength = mapping.strength;
        m.reviews = mapping.reviews;
        sums.add(m);
        if (m.reviews.length >= 2) ratedTwice++;
        reviewed.push(reviewedRow(m));
      }
  }
  const a = sums.result();
  return {
    mappings: total,
    withReviews: reviewed.length,
    ratedTwice,
    overall: a.overall,
    byBody: a.byBody,
    byCharacteristic: a.byCharacteristic,
    byProfessionPair: a.byProfessionPair,
    reviewed,
    dissents: a.dissents,
  };
}

/** A mapping's line in the report: how many reviews, how many agree, which professions (in order). */
function reviewedRow(m: RatedMapping): ReportReviews['reviewed'][number] {
  let agreeing = 0;
  const professions: string[] = [];
  for (const r of m.reviews) {
    if (r.verdict === 'agree') agreeing++;
    if (!professions.includes(r.profession)) professions.push(r.profession);
  }
  return {
    standard: m.standard,
    characteristic: m.characteristic,
    reviews: m.reviews.length,
    agreeing,
    professions: professions.length > 1 ? professions.sort(byKey) : professions,
  };
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
