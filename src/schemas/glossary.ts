import { z } from 'astro/zod';
import { MAX_LABEL_CHARS, MAX_TITLE_CHARS } from '../lib/limits.ts';
import { text } from './common.ts';

/**
 * One glossary term (content/glossary.yaml): shown on the glossary page, and its abbreviation and
 * synonyms are searched as the same thing, since Pagefind has no synonyms of its own.
 */
const glossaryEntrySchema = z.strictObject({
  term: text('the term as the glossary shows it, sentence case', MAX_TITLE_CHARS),
  abbreviation: text('its usual abbreviation, e.g. IPE; optional', MAX_LABEL_CHARS).optional(),
  synonyms: z
    .array(text('another word or spelling for the same thing', MAX_TITLE_CHARS))
    .default([])
    .describe('other words and spellings that search treats as the same term; optional'),
  definition: text('one or two sentences in our own words'),
});
export const glossaryFileSchema = z.array(glossaryEntrySchema).describe('glossary terms');
export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;
