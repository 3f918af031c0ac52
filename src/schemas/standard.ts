import { z } from 'astro/zod';
import { fullDate, id, text, url } from './common.ts';
import { mappingSchema } from './mapping.ts';
import { MAX_CODE_CHARS, MAX_SHORT_CHARS, MAX_TITLE_CHARS } from '../lib/limits.ts';

export const STANDARD_LEVELS = [
  'domain',
  'standard',
  'element',
  'criterion',
  'competency',
  'sub-competency',
  'requirement',
  'outcome',
  'focus-area',
  'pathway',
  'guideline',
  'principle',
] as const;
export const BINDINGNESS = ['required', 'expected', 'guidance'] as const;
export type Bindingness = (typeof BINDINGNESS)[number];
export const VERIFICATIONS = ['verified', 'secondary', 'unverified'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** One standard, element or criterion of one edition, with its mappings. */
export const standardSchema = z.strictObject({
  code: text('the code exactly as the body numbers it, e.g. "7.9"', MAX_CODE_CHARS),
  title: text('the title exactly as the body gives it; omit when the body gives none', MAX_TITLE_CHARS).optional(),
  level: z.enum(STANDARD_LEVELS).describe("the standard's level in the body's hierarchy"),
  parent: text("the parent's code as the body numbers it", MAX_CODE_CHARS).optional(),
  section: text("the body's grouping heading, verbatim", MAX_TITLE_CHARS).optional(),
  bindingness: z
    .enum(BINDINGNESS)
    .describe('required = must comply; expected = should, assessed flexibly; guidance = recommendation'),
  sourceUrl: url(
    "the official source: the body's own page or PDF for this standard, never a mirror or transcription",
  ).optional(),
  sourcePage: text('page or section in the official source', MAX_SHORT_CHARS).optional(),
  readUrl: url(
    'where the text was actually read, when not at sourceUrl (a mirror, transcription or secondary page)',
  ).optional(),
  readDate: fullDate('when the text was seen (at readUrl, or at sourceUrl when there is no readUrl)').optional(),
  readEdition: id('the older edition whose text was read').optional(),
  continues: z
    .array(text('a code', MAX_CODE_CHARS))
    .optional()
    .describe('codes in the edition this one supersedes that this standard continues (its lineage)'),
  verification: z
    .enum(VERIFICATIONS)
    .describe("verified = seen in the body's own text; secondary = seen in a secondary source; unverified = not seen"),
  verificationNote: text('how and where it was checked').optional(),
  mappings: z.array(mappingSchema).default([]).describe('characteristics this standard bears on'),
});

export type Standard = z.output<typeof standardSchema>;
