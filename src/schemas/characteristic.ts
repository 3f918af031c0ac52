import { z } from 'astro/zod';
import { sourceSchema, text } from './common.ts';
import { MAX_TITLE_CHARS } from '../lib/limits.ts';

export const LEVELS = ['macro', 'meso', 'micro'] as const;
export const DOMAINS = [
  'governance',
  'leadership',
  'culture',
  'psychological-safety',
  'onboarding',
  'patient-partnership',
  'learners-as-sensors',
  'quality-and-safety',
  'teaming',
  'communication',
  'professional-development',
  'curriculum',
  'measurement',
  'integration',
  'well-being',
  'equity',
  'learning-space',
] as const;
export const EVIDENCE_STRENGTHS = ['established', 'moderate', 'emerging', 'contested'] as const;

/** One characteristic of an optimal interprofessional clinical learning environment. */
export const characteristicSchema = z.strictObject({
  name: text('short name, sentence case', MAX_TITLE_CHARS),
  level: z.enum(LEVELS).describe('macro = system/policy, meso = organisation/unit, micro = team/individual'),
  domain: z.enum(DOMAINS).describe('thematic domain, used for grouping and filters'),
  description: text('one or two sentences in our own words'),
  indicators: z
    .array(text('an observable sign that the characteristic is present'))
    .min(1, { error: 'at least one indicator' })
    .describe('observable indicators, in our own words'),
  sources: z
    .array(sourceSchema)
    .min(1, { error: 'at least one source' })
    .describe('where the characteristic comes from'),
  evidence: z
    .strictObject({
      strength: z
        .enum(EVIDENCE_STRENGTHS)
        .describe('how strong the evidence is that this characteristic improves outcomes'),
      note: text('where the evidence is strong or thin, in our own words'),
    })
    .describe('evidence strength and a note'),
});

export type Characteristic = z.output<typeof characteristicSchema>;
export type Level = (typeof LEVELS)[number];
