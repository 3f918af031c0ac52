/**
 * The review figures a gap report carries: the agreement statistics restricted to the report's bodies
 * and characteristics. Kept apart from report/build.ts so the report model gains them in one call
 * (`{ ...report, reviews: reportReviews(mappings, report.selection) }`) once the renderers show them.
 */
import { agreement, type Agreement } from './agreement.ts';
import type { ReviewedMapping } from './records.ts';

export interface ReportReviews extends Agreement {
  /** Mappings of the selected bodies and characteristics, and how many carry any review. */
  mappings: number;
  withReviews: number;
}

export function reportReviews(
  mappings: readonly ReviewedMapping[],
  selection: { accreditors: readonly string[]; characteristics?: readonly string[] },
): ReportReviews {
  const bodies = new Set(selection.accreditors);
  const chars = selection.characteristics?.length ? new Set(selection.characteristics) : undefined;
  const inScope = mappings.filter((m) => bodies.has(m.accreditor) && (!chars || chars.has(m.characteristic)));
  return {
    ...agreement(inScope),
    mappings: inScope.length,
    withReviews: inScope.filter((m) => m.reviews.length > 0).length,
  };
}
