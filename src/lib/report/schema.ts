/**
 * The versioned shape of a gap report (JSON format). Bump REPORT_SCHEMA_VERSION: the major on a breaking
 * change, the minor when fields are added; the JSON Schema in the data downloads is generated from this module.
 */
import { z } from 'astro/zod';

import {
  ADDRESSED_CELLS,
  BINDINGNESS,
  RECOMMENDATION_STATUSES,
  STRENGTHS,
  TEXT_READ,
  VERIFICATIONS,
} from '../../schemas/index.ts';
import { QUALIFIERS, SEVERITIES, STATUSES } from '../coverage.ts';
import { REVIEW_STATUSES } from '../crosswalk.ts';
import { MIN_KAPPA_MAPPINGS } from '../review/agreement.ts';
import { REPORT_SCHEMA_VERSION } from './version.ts';

export { REPORT_SCHEMA_VERSION };

const status = z.enum(STATUSES);
const counts = z.strictObject(
  Object.fromEntries(STATUSES.map((s) => [s, z.int()])) as Record<(typeof STATUSES)[number], z.ZodInt>,
);
const cellStandard = z.strictObject({
  id: z.string().describe('standard ID: <edition-id>/<code-slug>'),
  code: z.string(),
  title: z.string().optional(),
  strength: z.enum(STRENGTHS),
  bindingness: z.enum(BINDINGNESS),
  verification: z.enum(VERIFICATIONS),
  review: z.enum(REVIEW_STATUSES),
  rationale: z.string(),
  sourceUrl: z.string().optional(),
});
const severity = z.enum(SEVERITIES);
const agreementRow = z.strictObject({
  key: z.string().describe('body ID, characteristic ID, or two professions joined by `+`'),
  reviews: z.int(),
  agreeing: z.int(),
  share: z.number().optional().describe('share of agreeing reviews, 0–1; absent without reviews'),
  mappings: z
    .int()
    .describe('mappings the kappa rests on: rated by two or more reviewers (by both professions, for a pair)'),
  kappa: z
    .number()
    .optional()
    .describe(
      `chance-corrected agreement; absent on fewer than ${MIN_KAPPA_MAPPINGS} such mappings or when every rating is the same`,
    ),
  method: z.enum(['fleiss', 'cohen']).describe('Fleiss’ kappa (body, characteristic, overall) or Cohen’s (a pair)'),
});
const reviewAgreement = z
  .strictObject({
    mappings: z.int().describe('mappings of the report’s editions in force to its characteristics'),
    withReviews: z.int().describe('of those, mappings with any review'),
    ratedTwice: z.int().describe('mappings with two or more reviews: what every kappa rests on'),
    overall: agreementRow,
    byBody: z.array(agreementRow),
    byCharacteristic: z.array(agreementRow),
    byProfessionPair: z.array(agreementRow),
    reviewed: z
      .array(
        z.strictObject({
          standard: z.string(),
          characteristic: z.string(),
          reviews: z.int(),
          agreeing: z.int(),
          professions: z.array(z.string()),
        }),
      )
      .describe('every mapping with a review: how many, how many agree, and the reviewers’ professions'),
    dissents: z
      .array(
        z.strictObject({
          standard: z.string(),
          code: z.string(),
          body: z.string(),
          characteristic: z.string(),
          reviewer: z.string().describe('as the reviewer asked to be credited'),
          profession: z.string(),
          date: z.string(),
          strength: z.enum(STRENGTHS).describe('the strength as mapped'),
          suggestedStrength: z.enum(STRENGTHS).optional().describe('the strength the reviewer would give instead'),
          note: z.string().optional().describe('the reviewer’s reason'),
        }),
      )
      .describe('every dissent, with its reason and any suggested strength'),
  })
  .describe('review agreement over the report’s mappings (since 2.2)');
const qualifiers = z.array(z.enum(QUALIFIERS)).describe('evidence qualifiers: what all of the cell’s standards share');

export const gapReportSchema = z
  .strictObject({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    title: z.string(),
    institution: z.string().optional().describe('institution named on the cover (since 2.1)'),
    dataVersion: z.string().describe('version of the crosswalk data the report was computed from'),
    generatedOn: z.string().describe('date the report was generated, YYYY-MM-DD'),
    selection: z.strictObject({
      accreditors: z.array(z.string()),
      professions: z.array(z.string()),
      kinds: z.array(z.string()),
      countries: z.array(z.string()),
      characteristics: z.array(z.string()),
      on: z.string().describe('editions in force on this date were used'),
    }),
    summary: z.strictObject({
      bodies: z.int(),
      characteristics: z.int(),
      cells: z.int(),
      counts,
      standards: z.int(),
      verifiedStandards: z.int(),
      mappings: z.int(),
      reviewedMappings: z.int(),
      organisations: z
        .int()
        .describe('distinct organisations among the bodies (one organisation may have several lines)'),
      qualified: z
        .strictObject(
          Object.fromEntries(QUALIFIERS.map((q) => [q, z.int()])) as Record<(typeof QUALIFIERS)[number], z.ZodInt>,
        )
        .describe('cells carrying each evidence qualifier'),
      carried: z.int().describe('not-reviewed cells showing evidence carried forward from an older edition'),
      solidCells: z
        .int()
        .describe('cells resting on reviewed, current, verified evidence (read edition within its reissue cycle)'),
    }),
    bodies: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        abbreviation: z.string(),
        label: z.string().describe('unique short display name of the body'),
        kind: z.string(),
        professions: z.array(z.string()),
        country: z.string(),
        edition: z.strictObject({
          id: z.string(),
          title: z.string(),
          edition: z.string(),
          effectiveFrom: z.string().optional(),
          effectiveTo: z.string().optional(),
          sourceUrl: z.string(),
          textRead: z.enum(TEXT_READ),
        }),
        newerMayExistSince: z
          .string()
          .optional()
          .describe(
            'the body reissues on a cycle that has passed with no successor recorded: a newer edition may exist',
          ),
        editorialStatus: z.string().optional(),
        carried: z.int(),
        counts,
        standards: z.int(),
        verifiedStandards: z.int(),
        mappings: z.int(),
        reviewedMappings: z.int(),
        transition: z
          .strictObject({
            from: z.string(),
            to: z.string(),
            toTitle: z.string(),
            startsOn: z.string().optional(),
            note: z.string().optional(),
            changes: z.array(z.strictObject({ characteristic: z.string(), from: status, to: status })),
          })
          .optional(),
      }),
    ),
    noEdition: z
      .array(z.strictObject({ id: z.string(), name: z.string() }))
      .describe('selected bodies with no edition in force on the date'),
    characteristics: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        level: z.string(),
        domain: z.string(),
        severity,
        counts,
        carried: z.int(),
        summary: z.string(),
        cells: z.array(
          z.strictObject({
            body: z.string(),
            status,
            support: z.number(),
            qualifiers,
            standards: z.array(cellStandard),
            carried: z
              .strictObject({
                from: z.string().describe('ID of the older edition the evidence comes from'),
                fromLabel: z.string().describe('that edition as people name it'),
                status: status.exclude(['not-reviewed']),
                standards: z.array(cellStandard),
              })
              .optional()
              .describe('only on not-reviewed cells: the last read edition’s evidence; never counted'),
          }),
        ),
      }),
    ),
    gaps: z.array(z.strictObject({ characteristic: z.string(), body: z.string(), edition: z.string() })),
    opportunityCells: z
      .array(
        z.strictObject({
          characteristic: z.string(),
          body: z.string(),
          edition: z.string(),
          standards: z.array(z.string()),
        }),
      )
      .describe('cells whose only mappings are implicit: the body does not ask for it, but it could serve as evidence'),
    actFirst: z
      .array(
        z.strictObject({
          characteristic: z.string(),
          severity,
          support: z.number().describe('strongest support any selected body gives it, 0–1'),
          gaps: z.array(z.string()).describe('bodies whose reviewed edition is silent on it'),
          opportunities: z.array(z.strictObject({ body: z.string(), standards: z.array(z.string()) })),
        }),
      )
      .describe('characteristics with gaps or opportunities, ranked: severity, then weakest support first (since 2.1)'),
    modelWording: z
      .array(
        z.strictObject({
          characteristic: z.string(),
          standards: z.array(
            cellStandard.extend({
              body: z.string(),
              bodyLabel: z.string(),
              bodyName: z.string(),
              edition: z.string(),
              editionLabel: z.string(),
              textRead: z.enum(TEXT_READ),
              support: z.number(),
              selected: z.boolean().describe('the body is one of the selected bodies'),
            }),
          ),
        }),
      )
      .describe(
        'for each characteristic with a gap: the strongest language any body’s edition in force uses for it (since 2.1)',
      ),
    recommendations: z
      .array(
        z.strictObject({
          id: z.string(),
          title: z.string(),
          status: z.enum(RECOMMENDATION_STATUSES),
          body: z.string(),
          edition: z.string(),
          cells: z.array(z.strictObject({ characteristic: z.string(), cell: z.enum(ADDRESSED_CELLS) })),
        }),
      )
      .optional()
      .describe('recommendations that target a gap or opportunity cell of this report, with those cells (since 2.1)'),
    professions: z
      .array(
        z.strictObject({ profession: z.string(), bodies: z.array(z.string()), statuses: z.record(z.string(), status) }),
      )
      .describe('per profession: the best status per characteristic among the selected bodies of that profession'),
    opportunities: z.strictObject({
      initiatives: z.array(
        z.strictObject({
          id: z.string(),
          name: z.string(),
          characteristics: z.array(z.string()),
          bodies: z.int(),
          standards: z.array(cellStandard.extend({ body: z.string(), characteristics: z.array(z.string()) })),
        }),
      ),
      reciprocity: z.array(
        z.strictObject({
          a: z.strictObject({ body: z.string(), standards: z.array(z.string()) }),
          b: z.strictObject({ body: z.string(), standards: z.array(z.string()) }),
        }),
      ),
    }),
    reviewAgreement,
  })
  .describe('IP-CLE Crosswalk gap report');

export type GapReport = z.output<typeof gapReportSchema>;
