import type { MappingReview, Strength } from '../../../schemas/index.ts';
import { isIsoDate } from '../../dates.ts';
import type { Finding, Report, Rule } from '../types.ts';

/**
 * Review records are honest: real dates not in the future, one verdict per reviewer, a dissent says
 * why, and an edition's review record lists each characteristic once.
 */
export const reviewConsistency: Rule = {
  id: 'review-consistency',
  description:
    "review dates are real and not in the future; a reviewer reviews a mapping once; a dissent has a note or a suggested strength other than the mapping's; an edition review lists a characteristic once",
  run({ content, today }, report) {
    const badDate = (d: string) => !isIsoDate(d) || d > today;
    // Runs on every review of every mapping: reviewer names are normalised only where there are two or more.
    for (const s of content.standards) {
      const mappings = s.data.mappings;
      for (let i = 0; i < mappings.length; i++) {
        const m = mappings[i]!;
        const reviews = m.reviews;
        const names = reviews.length > 1 ? reviews.map((r) => r.reviewer.trim().toLowerCase()) : undefined;
        for (let j = 0; j < reviews.length; j++) {
          const r = reviews[j]!;
          const path = ['mappings', i, 'reviews', j] as const;
          if (badDate(r.date)) {
            report({
              file: s.file,
              path: [...path, 'date'],
              message: 'review date is not a real past date',
              found: JSON.stringify(r.date),
              expected: `a calendar date on or before ${today}`,
              fix: 'write the date the review was actually made',
            });
          }
          if (names && names.indexOf(names[j]!) < j) {
            report({
              file: s.file,
              path: [...path, 'reviewer'],
              message: `${r.reviewer} reviewed this mapping twice`,
              found: 'two reviews by one reviewer',
              expected: 'one review per reviewer',
              fix: 'keep the latest review and delete the older one',
            });
          }
          if (r.suggestedStrength !== undefined) suggestionProblems(r, m.strength, s.file, path, report);
          else if (r.verdict === 'dissent' && r.note === undefined) {
            report({
              file: s.file,
              path: [...path, 'note'],
              message: 'a dissent needs a note',
              found: 'no `note`',
              expected: 'why the reviewer disagrees',
              fix: 'add `note:` with the reason for dissent',
            });
          }
        }
      }
    }
    for (const e of content.editions) {
      e.data.reviews.forEach((r, i) => {
        if (badDate(r.date)) {
          report({
            file: e.file,
            path: ['reviews', i, 'date'],
            message: 'review date is not a real past date',
            found: JSON.stringify(r.date),
            expected: `a calendar date on or before ${today}`,
            fix: 'write the date the review was actually made',
          });
        }
        const seen = new Set<string>();
        r.characteristics.forEach((c, j) => {
          if (seen.has(c)) {
            report({
              file: e.file,
              path: ['reviews', i, 'characteristics', j],
              severity: 'warning',
              message: `characteristic \`${c}\` listed twice in one review record`,
              found: `\`${c}\` twice`,
              expected: 'each characteristic once',
              fix: 'delete the repeated line',
            });
          }
          seen.add(c);
        });
      });
    }
  },
};

/** A suggested strength is a dissent about the strength alone: it goes with `dissent` and differs from the mapping's. */
function suggestionProblems(
  r: MappingReview,
  mapped: Strength,
  file: Finding['file'],
  path: readonly (string | number)[],
  report: Report,
): void {
  if (r.verdict !== 'dissent')
    report({
      file,
      path: [...path, 'verdict'],
      message: 'a suggested strength goes with a dissent',
      found: `verdict \`${r.verdict}\` with suggestedStrength \`${r.suggestedStrength}\``,
      expected: 'verdict `dissent` (the reviewer would rate it differently)',
      fix: 'set `verdict: dissent`, or delete `suggestedStrength` if the reviewer agrees',
    });
  else if (r.suggestedStrength === mapped)
    report({
      file,
      path: [...path, 'suggestedStrength'],
      message: `the suggested strength is the mapping's own (${mapped})`,
      found: `suggestedStrength \`${r.suggestedStrength}\``,
      expected: `a strength other than ${mapped}`,
      fix: 'correct `suggestedStrength`, or make the review `verdict: agree` without it',
    });
}
