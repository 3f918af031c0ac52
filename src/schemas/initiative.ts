import { z } from 'astro/zod';
import { id, sourceSchema, text } from './common.ts';
import { MAX_TITLE_CHARS } from '../lib/limits.ts';

/** A local practice and the characteristics it builds ("one practice, many standards"). */
export const initiativeSchema = z.strictObject({
  name: text('short name of the practice', MAX_TITLE_CHARS),
  characteristics: z
    .array(id('a characteristic'))
    .min(1, { error: 'at least one characteristic ID' })
    .describe('characteristics the practice builds'),
  sources: z.array(sourceSchema).min(1, { error: 'at least one source' }).describe('where the practice is described'),
});

export type Initiative = z.output<typeof initiativeSchema>;
