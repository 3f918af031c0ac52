import { z } from 'astro/zod';
import { fullDate, id, text, url } from './common.ts';
import { MAX_ID_CHARS, MAX_SHORT_CHARS, MAX_TITLE_CHARS } from '../lib/limits.ts';

/** Where a recommendation stands; the last entry of its history is its status. */
export const RECOMMENDATION_STATUSES = [
  'draft',
  'endorsed',
  'submitted',
  'under-consideration',
  'adopted',
  'partly-adopted',
  'declined',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** Statuses that name the standard of a later edition that took the recommendation up. */
export const ADOPTED_STATUSES = ['adopted', 'partly-adopted'] as const satisfies readonly RecommendationStatus[];

/**
 * Which status may follow which. A body decides only once it has the recommendation (submitted or
 * under consideration); a declined or partly adopted one may be revised or sent again.
 */
export const STATUS_TRANSITIONS: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  draft: ['endorsed', 'submitted'],
  endorsed: ['submitted'],
  submitted: ['under-consideration', 'adopted', 'partly-adopted', 'declined'],
  'under-consideration': ['adopted', 'partly-adopted', 'declined'],
  'partly-adopted': ['submitted'],
  declined: ['draft', 'submitted'],
  adopted: [],
};

/** The kinds of cell a recommendation can address (the coverage statuses it would change). */
export const ADDRESSED_CELLS = ['gap', 'opportunity'] as const;
export type AddressedCell = (typeof ADDRESSED_CELLS)[number];

/** A standard's ID: `<edition-id>/<code-slug>`, as in its page address. */
export const standardId = (what: string) =>
  z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'a standard ID: <edition-id>/<code-slug>, e.g. "lcme-2025-26/7-9"',
    })
    .max(2 * MAX_ID_CHARS + 1, { error: `at most ${2 * MAX_ID_CHARS + 1} characters` })
    .describe(`ID of ${what}: <edition-id>/<file name without .md>`);

/** One dated step of a recommendation's life. */
const statusEntrySchema = z.strictObject({
  status: z
    .enum(RECOMMENDATION_STATUSES)
    .describe(
      'draft, endorsed (by a group that backs it), submitted (to the body), under-consideration, adopted, partly-adopted or declined',
    ),
  date: fullDate('when the status was reached'),
  note: text('what happened, in our own words (who endorsed it, how it was submitted, what the body said)').optional(),
  standard: standardId('the standard of a later edition that adopted it; only for adopted and partly-adopted')
    .optional()
    .describe(
      'ID of the standard of a later edition of the same body that adopted it (<edition-id>/<code-slug>); required for adopted and partly-adopted, not allowed otherwise',
    ),
});

/** A formal recommendation to one body: the advocacy phase of the roundtable's plan. */
export const recommendationSchema = z.strictObject({
  title: text('what we ask the body to do, in one short sentence', MAX_TITLE_CHARS),
  accreditor: id('the body the recommendation is addressed to'),
  edition: id('the edition it would change (usually the one in force when it was drafted)'),
  proposedBy: text('who proposes it, e.g. "IP-CLE Crosswalk project (draft)"', MAX_SHORT_CHARS),
  addresses: z
    .array(
      z.strictObject({
        characteristic: id('a characteristic the recommendation would bring into the standards'),
        cell: z
          .enum(ADDRESSED_CELLS)
          .describe(
            "gap = the edition was reviewed for it and is silent; opportunity = only implicit mappings (the body does not ask for it); must be the cell's status in that edition",
          ),
      }),
    )
    .min(1, { error: 'at least one characteristic and whether it is a gap or an opportunity' })
    .describe('the characteristics it addresses, each with the kind of cell it addresses in that edition'),
  proposal: text(
    'the wording we propose, in our own words (never copied from any body); what a standard would require',
  ),
  modelLanguage: z
    .array(
      z.strictObject({
        standard: standardId("another body's standard that already asks for the characteristic"),
        note: text('what that standard asks, in our own words').optional(),
      }),
    )
    .min(1, { error: "at least one other body's standard that already asks for it" })
    .describe("model language: other bodies' existing standards that already require the characteristic"),
  evidence: z
    .array(
      z.strictObject({
        characteristic: id('the characteristic the evidence is for'),
        url: url("one of that characteristic's sources (its `sources[].url`)"),
        note: text('what the evidence shows, in our own words').optional(),
      }),
    )
    .min(1, { error: "at least one citation of the characteristic's evidence" })
    .describe("the characteristic's evidence: at least one of its sources for each addressed characteristic"),
  history: z
    .array(statusEntrySchema)
    .min(1, { error: 'at least the first status: draft, with its date' })
    .describe('dated status history, oldest first; starts with draft; the last entry is the current status'),
});

export type Recommendation = z.output<typeof recommendationSchema>;
