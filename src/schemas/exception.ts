import { z } from 'astro/zod';
import { text } from './common.ts';

/**
 * An accepted check finding (content/exceptions.yaml). Exceptions are data with a reason, and one
 * that no longer matches any finding fails the check.
 */
const exceptionSchema = z.strictObject({
  rule: text('the rule id the finding comes from, e.g. `editions`'),
  file: text('the file, relative to the content folder, e.g. `editions/acpe-standards-2016.md`'),
  path: text('the field path of the finding, when the rule names one').optional(),
  reason: text('why this finding is accepted, and what would end the exception'),
});
export const exceptionsFileSchema = z.array(exceptionSchema).describe('accepted check findings');
export type CheckException = z.output<typeof exceptionSchema>;
