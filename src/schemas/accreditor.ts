import { z } from 'astro/zod';
import { PROFESSIONS, text, url } from './common.ts';
import { MAX_LABEL_CHARS, MAX_TITLE_CHARS } from '../lib/limits.ts';

import { ACCREDITOR_KINDS } from './enums.ts';

export { ACCREDITOR_KINDS, type AccreditorKind } from './enums.ts';

/** One body's line of standards documents (a body with two separate documents gets two files). */
export const accreditorSchema = z.strictObject({
  name: text("the organisation's full name", MAX_TITLE_CHARS),
  abbreviation: text('the abbreviation the body uses, e.g. LCME', MAX_LABEL_CHARS),
  label: text(
    'short display name for tables, unique across bodies; needed when one body has several lines (e.g. "ACGME CLER"); defaults to the abbreviation',
    MAX_LABEL_CHARS,
  ).optional(),
  program: text('which line of documents or programs, when the body has several', MAX_TITLE_CHARS).optional(),
  kind: z.enum(ACCREDITOR_KINDS).describe('what kind of body this is'),
  professions: z
    .array(z.enum(PROFESSIONS))
    .min(1, { error: 'at least one profession' })
    .describe('professions whose programs or practice it covers (controlled list)'),
  country: z
    .string()
    .regex(/^(?:[A-Z]{2}|INT)$/, { error: 'an ISO 3166-1 alpha-2 code such as US or GB, or INT' })
    .describe('ISO 3166-1 alpha-2 country code (UK is GB), or INT for international'),
  url: url("the body's home page"),
  aliases: z
    .array(text('a name', MAX_TITLE_CHARS))
    .optional()
    .describe('other names and acronyms the body is known by (used to match imported rows)'),
  reissueEveryYears: z
    .int()
    .min(1)
    .max(20)
    .optional()
    .describe('the body reissues its standards every N years (LCME: 1); past that, a newer edition may exist'),
  editorialStatus: text(
    'one or two sentences: which text was read and what is awaited (e.g. "awaiting the 2026-27 standards PDF")',
  ),
});

export type Accreditor = z.output<typeof accreditorSchema>;
