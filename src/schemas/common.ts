/**
 * Shared field types for every entity schema. Each `.describe()` text is the field reference shown to
 * content authors (CONTRIBUTING.md's table and the JSON Schema are generated from it).
 */
import { z } from 'astro/zod';
import { ISO_DATE, isRealDate, PARTIAL_DATE } from '../lib/dates.ts';
import { MAX_ID_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS } from '../lib/limits.ts';

/** A length limit with the message the check shows. */
const atMost = (max: number) => ({ error: `at most ${max.toLocaleString('en')} characters` });

/** IDs are file names: lowercase kebab-case, stable forever. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const id = (what: string) =>
  z
    .string()
    .regex(ID_PATTERN, { error: 'an ID in lowercase kebab-case (a-z, 0-9, single hyphens)' })
    .max(MAX_ID_CHARS, atMost(MAX_ID_CHARS))
    .describe(`ID of ${what} (its file name without .md)`);

/** Dates at the precision the source gives: "2025", "2025-07" or "2025-07-01". Quote them in YAML. */
export const partialDate = (meaning: string) =>
  z
    .string({ error: 'a date in quotes, e.g. "2025-07-01", "2025-07" or "2025"' })
    .regex(PARTIAL_DATE, { error: 'a date written YYYY, YYYY-MM or YYYY-MM-DD' })
    .refine(isRealDate, { error: 'a day that exists in the calendar (e.g. not 30 February)' })
    .describe(`${meaning}; quoted, at the precision the source gives: "YYYY", "YYYY-MM" or "YYYY-MM-DD"`);

export const fullDate = (meaning: string) =>
  z
    .string({ error: 'a date in quotes, e.g. "2026-11-25"' })
    .regex(ISO_DATE, { error: 'a date written YYYY-MM-DD' })
    .refine(isRealDate, { error: 'a day that exists in the calendar (e.g. not 30 February)' })
    .describe(`${meaning}; quoted, YYYY-MM-DD`);

export const url = (meaning: string) =>
  z
    .url({ error: 'a full URL starting with https://' })
    .max(MAX_URL_CHARS, atMost(MAX_URL_CHARS))
    .describe(`${meaning}; https only`);

/** Non-empty text of at most `max` characters (limits in src/lib/limits.ts). */
export const text = (meaning: string, max: number = MAX_TEXT_CHARS) =>
  z.string().trim().min(1, { error: 'non-empty text' }).max(max, atMost(max)).describe(meaning);

/** Professions, used by accreditors (who they accredit) and reviewers (who they are). */
export const PROFESSIONS = [
  'medicine',
  'osteopathic-medicine',
  'graduate-medical-education',
  'nursing',
  'midwifery',
  'pharmacy',
  'dentistry',
  'dental-hygiene',
  'occupational-therapy',
  'physical-therapy',
  'physician-assistant',
  'social-work',
  'public-health',
  'dietetics',
  'audiology',
  'speech-language-pathology',
  'allied-health',
  'respiratory-care',
  'medical-imaging',
  'laboratory-science',
  'health-information',
  'psychology',
  'counseling',
  'nurse-anesthesia',
  'health-administration',
  'patient-partner',
  'all-health-professions',
] as const;
export const profession = z.enum(PROFESSIONS).describe('a profession from the controlled list');
export type Profession = (typeof PROFESSIONS)[number];

/** A cited source for a characteristic or initiative. */
export const sourceSchema = z
  .strictObject({
    title: text('title of the source, as published', MAX_TITLE_CHARS),
    year: z.int().min(1900).max(2100).describe('year of publication'),
    url: url('where the source can be read'),
    says: text('what the source says about this, in our own words'),
  })
  .describe('a source');

/**
 * A renamed or merged entity keeps a stub so links and IDs never break.
 * A stub has only these fields.
 */
export const stubSchema = z.strictObject({
  replacedBy: id('the entity that replaces this one').describe(
    'ID of the entity that replaced this one (same kind); makes this file a redirect stub',
  ),
  reason: text('why it was replaced').optional(),
});
export type Stub = z.output<typeof stubSchema>;
