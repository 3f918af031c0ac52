import { z } from 'astro/zod';
import { fullDate, id, profession, text } from './common.ts';
import { MAX_RATIONALE_CHARS, MAX_SHORT_CHARS } from '../lib/limits.ts';

export const STRENGTHS = ['explicit', 'partial', 'implicit'] as const;
export type Strength = (typeof STRENGTHS)[number];
const VERDICTS = ['agree', 'dissent'] as const;

/** One reviewer's judgment of a mapping. A mapping is reviewed once two professions agree. */
export const mappingReviewSchema = z.strictObject({
  reviewer: text('reviewer name as they wish to be credited', MAX_SHORT_CHARS),
  profession: profession.describe("the reviewer's profession (controlled list)"),
  date: fullDate('date of the review'),
  verdict: z.enum(VERDICTS).describe('agree or dissent'),
  suggestedStrength: z
    .enum(STRENGTHS)
    .optional()
    .describe(
      'optional, with verdict dissent only: the strength the reviewer would give instead (explicit, partial or implicit); then a note is optional',
    ),
  note: text('why, especially for a dissent').optional(),
});

/** Maximum words in a quote: standards are copyrighted, we quote a short phrase at most. */
export const MAX_QUOTE_WORDS = 25;

/** A judgment that a standard bears on a characteristic. */
export const mappingSchema = z.strictObject({
  characteristic: id('the characteristic this standard bears on'),
  strength: z
    .enum(STRENGTHS)
    .describe(
      'explicit = required in so many words; partial = part of it or one setting only; implicit = the characteristic can serve as evidence for meeting the standard',
    ),
  rationale: text('one or two sentences, own words, checkable against the standard in a minute', MAX_RATIONALE_CHARS),
  quote: text(
    `optional short verbatim phrase from the standard, at most ${MAX_QUOTE_WORDS} words`,
    MAX_RATIONALE_CHARS,
  ).optional(),
  reviews: z.array(mappingReviewSchema).default([]).describe('reviews of this mapping; never invented'),
});

export type Mapping = z.output<typeof mappingSchema>;
export type MappingReview = z.output<typeof mappingReviewSchema>;
