/**
 * The versioned shape of a gap report (JSON format). Bump REPORT_SCHEMA_VERSION on any breaking
 * change; the JSON Schema in the data downloads is generated from this module.
 */
import { z } from 'astro/zod';

import { REPORT_SCHEMA_VERSION } from './version.ts';

export { REPORT_SCHEMA_VERSION };

const status = z.enum(['covered', 'partial', 'gap', 'not-reviewed']);
const counts = z.strictObject({ covered: z.int(), partial: z.int(), gap: z.int(), 'not-reviewed': z.int() });
const cellStandard = z.strictObject({
  id: z.string().describe('standard ID: <edition-id>/<code-slug>'),
  code: z.string(),
  title: z.string().optional(),
  strength: z.enum(['explicit', 'partial', 'implicit']),
  bindingness: z.enum(['required', 'expected', 'guidance']),
  verification: z.enum(['verified', 'secondary', 'unverified']),
  review: z.enum(['reviewed', 'proposed', 'disputed']),
  rationale: z.string(),
  sourceUrl: z.string().optional(),
});

export const gapReportSchema = z
  .strictObject({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    title: z.string(),
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
        }),
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
        severity: z.enum(['high', 'medium', 'low', 'none', 'unknown']),
        counts,
        summary: z.string(),
        cells: z.array(
          z.strictObject({ body: z.string(), status, support: z.number(), standards: z.array(cellStandard) }),
        ),
      }),
    ),
    gaps: z.array(z.strictObject({ characteristic: z.string(), body: z.string(), edition: z.string() })),
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
  })
  .describe('IP-CLE Crosswalk gap report');

export type GapReport = z.output<typeof gapReportSchema>;
