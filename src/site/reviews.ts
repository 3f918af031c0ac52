/** The review-status page's data: computed once per content state from the content by src/lib/review. */
import { agreement, type Agreement } from '../lib/review/agreement.ts';
import { reviewedMappings, type ReviewedMapping } from '../lib/review/records.ts';
import { reviewSummary, type ReviewStatusSummary } from '../lib/review/status.ts';
import { oncePerContent } from '../lib/node/crosswalk.ts';
import { getSite } from './data.ts';

export interface ReviewsView {
  mappings: ReviewedMapping[];
  summary: ReviewStatusSummary;
  agreement: Agreement;
}

export const getReviews = oncePerContent((): ReviewsView => {
  const content = getSite().loaded.check.content;
  const mappings = reviewedMappings(content);
  const bodyProfessions = new Map(content.accreditors.map((a) => [a.id, a.data.professions]));
  return { mappings, summary: reviewSummary(mappings, bodyProfessions), agreement: agreement(mappings) };
});

/** Kappa to two decimals, or why there is none: the same words as the reports. */
export { kappaText } from '../lib/review/agreement.ts';
