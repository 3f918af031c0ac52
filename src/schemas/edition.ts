import { z } from 'astro/zod';
import { fullDate, id, partialDate, text, url } from './common.ts';
import { MAX_CODE_CHARS, MAX_SHORT_CHARS, MAX_TITLE_CHARS } from '../lib/limits.ts';
import { STANDARD_LEVELS } from './standard.ts';

/** A record that characteristics were checked against this edition: turns "no mapping" into a gap. */
const editionReviewSchema = z.strictObject({
  reviewer: text('who reviewed (person or team)', MAX_SHORT_CHARS),
  date: fullDate('when the review was done'),
  characteristics: z
    .array(id('a characteristic'))
    .min(1, { error: 'at least one characteristic ID' })
    .describe('characteristics checked against this edition'),
  scope: text('what text was read for the review'),
});

export const TEXT_READ = ['full', 'part', 'none'] as const;
export type TextRead = (typeof TEXT_READ)[number];

/** A mapping of the superseded edition that has no continuation here, with the reason. */
const droppedSchema = z.strictObject({
  code: text('code in the superseded edition', MAX_CODE_CHARS),
  reason: text('why its mappings do not continue in this edition'),
});

/** One edition of one body's standards document. */
export const editionSchema = z.strictObject({
  accreditor: id('the accreditor that publishes this edition'),
  title: text('document title exactly as published', MAX_TITLE_CHARS),
  edition: text('edition label as the body labels it, e.g. "2025-26"', MAX_SHORT_CHARS),
  effectiveFrom: partialDate(
    'date the edition takes effect; omit only when no source gives it (the edition is then treated as in force until a successor starts)',
  ).optional(),
  effectiveTo: partialDate('last date the edition is in force').optional(),
  supersedes: id('the edition this one replaces').optional(),
  sourceUrl: url("the body's page or PDF for this edition"),
  datesSource: url('where the effective dates were seen, if not at sourceUrl').optional(),
  copyright: text('copyright note: whose text the standards are'),
  textRead: z
    .enum(TEXT_READ)
    .describe(
      "how much of this edition's text was read: full = the whole document; part = some sections; none = title and dates only",
    ),
  dropped: z
    .array(droppedSchema)
    .optional()
    .describe('codes of the superseded edition whose mappings were checked and do not continue, with why'),
  untitledLevels: z
    .array(z.enum(STANDARD_LEVELS))
    .optional()
    .describe(
      'levels at which the body publishes no heading, so their standards carry a code but no title by design (checked: none of them may have a title)',
    ),
  transitionNote: text('a newer edition is in transition, and what changes for interprofessional learning').optional(),
  reviews: z
    .array(editionReviewSchema)
    .default([])
    .describe('review records: which characteristics were checked against this edition'),
});

export type Edition = z.output<typeof editionSchema>;
