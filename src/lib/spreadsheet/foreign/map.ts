/**
 * The column map of a sheet that is not our export: which of its columns holds the body, the code, the
 * characteristic…, and what its free-text values mean. Written once (a starter from the sheet's own
 * headers), edited by the person importing, and saved next to the sheet for the next import.
 */
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { BINDINGNESS, STANDARD_LEVELS } from '../../../schemas/standard.ts';
import { STRENGTHS } from '../../../schemas/mapping.ts';
import { PROFESSIONS } from '../../../schemas/common.ts';
import { SHEETS } from '../columns.ts';
import { ABOUT_SHEET } from '../columns.ts';
import type { RawSheet, RawWorkbook } from '../read.ts';

/** Our fields a foreign column can feed, in the order the starter map lists them. */
export const FOREIGN_FIELDS = [
  'body',
  'profession',
  'document',
  'edition',
  'code',
  'title',
  'characteristic',
  'sourceLink',
  'notes',
  'strength',
] as const;
export type ForeignField = (typeof FOREIGN_FIELDS)[number];

/** What each field means, for the starter map's comments. */
const FIELD_HELP: Record<ForeignField, string> = {
  body: 'required: the accrediting body (full name, abbreviation or a declared alias)',
  profession: "the row's profession: an acronym is not trusted when it disagrees",
  document: 'the standards document (shown in messages)',
  edition: 'the edition label, e.g. 2016 or 2024-25 (may be left out when the body has one edition)',
  code: 'required: the code, e.g. "Standard 312, Outcome 312.5" (the last code is the standard, the one before its parent)',
  title: "the standard's title, or the sheet author's paraphrase (see titleIs)",
  characteristic: 'the IP-CLE characteristic: its ID, its name, or free text listed under characteristics:',
  sourceLink: "a link to the standard: the body's own page becomes sourceUrl, a mirror becomes readUrl",
  notes: "the sheet author's notes: they become the proposed mapping's rationale",
  strength: 'explicit, partial or implicit (else defaults.strength)',
};

/** Header words that suggest a field, for the starter map. */
const HINTS: Record<ForeignField, RegExp> = {
  body: /accredit|body|organi[sz]ation|agency|council/i,
  profession: /profession|discipline|program/i,
  document: /document|publication/i,
  edition: /edition|version|year/i,
  code: /code|standard|number|no\.|ref/i,
  title: /title|excerpt|paraphrase|text|summary|wording/i,
  characteristic: /characteristic|ip-?cle|domain|theme|competenc/i,
  sourceLink: /link|url|source/i,
  notes: /note|comment|rationale/i,
  strength: /strength/i,
};

const cellText = z.string().trim().min(1);
const nullableId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .nullable();

export const foreignMapSchema = z.strictObject({
  sheet: cellText.optional().describe('the sheet to read (XLSX); the first with data when absent'),
  headerRow: z.int().min(1).default(1).describe("the row holding the column headers (1 = the sheet's first)"),
  sheetUrl: z.url().optional().describe('where the sheet itself can be read; becomes readUrl of new standards'),
  titleIs: z.enum(['title', 'paraphrase']).default('paraphrase').describe('a paraphrase never becomes a title'),
  columns: z.strictObject(
    Object.fromEntries(FOREIGN_FIELDS.map((f) => [f, cellText.nullable().optional()])) as Record<
      ForeignField,
      z.ZodOptional<z.ZodNullable<typeof cellText>>
    >,
  ),
  defaults: z
    .strictObject({
      bindingness: z.enum(BINDINGNESS).nullable().optional(),
      level: z.enum(STANDARD_LEVELS).nullable().optional(),
      strength: z.enum(STRENGTHS).nullable().optional(),
    })
    .default({}),
  bodies: z.record(z.string(), nullableId).default({}).describe('body cell text -> accreditor ID (null: not ours)'),
  professions: z.record(z.string(), z.enum(PROFESSIONS).nullable()).default({}),
  characteristics: z
    .record(z.string(), nullableId)
    .default({})
    .describe('free-text characteristic -> characteristic ID (null: leave unmapped)'),
});
export type ForeignMap = z.output<typeof foreignMapSchema>;

export class MapError extends Error {}

/** Parse a map file's text; a located, fixable message when it is wrong. */
export function parseForeignMap(text: string, file: string): ForeignMap {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new MapError(`${file}: not valid YAML (${(e as Error).message}); fix the line it names`);
  }
  const parsed = foreignMapSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MapError(
      `${file}: \`${issue.path.join('.') || '(top level)'}\`: ${issue.message}; see the comments of a map written by --write-map`,
    );
  }
  if (!parsed.data.columns.body || !parsed.data.columns.code)
    throw new MapError(`${file}: \`columns.body\` and \`columns.code\` are required: name the sheet's header for each`);
  return parsed.data;
}

/** A sheet is foreign when none of its sheets is one our export writes. */
export function isForeignWorkbook(workbook: RawWorkbook): boolean {
  return !workbook.sheets.some(
    (s) =>
      s.name.toLowerCase() === ABOUT_SHEET.toLowerCase() ||
      SHEETS.some((spec) => spec.name.toLowerCase() === s.name.toLowerCase()),
  );
}

/** The sheet the map names, or the first that holds data. */
export function foreignSheet(workbook: RawWorkbook, map: Pick<ForeignMap, 'sheet'>): RawSheet | undefined {
  if (map.sheet) return workbook.sheets.find((s) => s.name === map.sheet);
  return workbook.sheets.find((s) => s.rows.some((r) => r.some((c) => c.kind !== 'empty')));
}

const q = (s: string) => JSON.stringify(s);

/** A starter map: the sheet's headers against our fields, best guesses filled in, every choice commented. */
export function starterMap(workbook: RawWorkbook): string {
  const sheet = foreignSheet(workbook, {});
  const headers = (sheet?.rows[0] ?? []).map((c) => c.text.trim()).filter((h) => h !== '');
  const taken = new Set<string>();
  const guess = (f: ForeignField) => {
    const h = headers.find((x) => !taken.has(x) && HINTS[f].test(x));
    if (h) taken.add(h);
    return h;
  };
  const lines = [
    `# Column map for ${workbook.file}: which of the sheet's columns holds each of our fields.`,
    '# Written by `npm run import -- FILE --write-map`; check every line, then run',
    '# `npm run import -- FILE --map THIS.yaml` (a dry run) and add --write when the plan is right.',
    `# The sheet's headers: ${headers.map(q).join(', ') || '(none found)'}`,
    // A CSV file is its one sheet: naming it would tie the map to the file's name.
    ...(sheet && workbook.format === 'xlsx' ? [`sheet: ${q(sheet.name)}`] : []),
    'headerRow: 1',
    '# sheetUrl: https://…   # where the sheet can be read, if online: becomes readUrl of new standards',
    "titleIs: paraphrase   # or title, when the column holds the body's own titles",
    'columns:',
  ];
  for (const f of ['code', 'body', 'characteristic', ...FOREIGN_FIELDS] as ForeignField[]) {
    if (lines.some((l) => l.startsWith(`  ${f}:`))) continue;
    const h = guess(f);
    lines.push(`  ${f}: ${h ? q(h) : 'null'}   # ${FIELD_HELP[f]}`);
  }
  // Keep the columns in our field order for the reader.
  const start = lines.indexOf('columns:') + 1;
  const cols = lines
    .splice(start)
    .sort(
      (a, b) =>
        FOREIGN_FIELDS.indexOf(a.trim().split(':')[0] as ForeignField) -
        FOREIGN_FIELDS.indexOf(b.trim().split(':')[0] as ForeignField),
    );
  lines.push(
    ...cols,
    'defaults:   # used when a row does not say; new standards need a bindingness and a level',
    `  bindingness: null   # ${BINDINGNESS.join(' | ')}`,
    `  level: null   # ${STANDARD_LEVELS.join(' | ')} (a word in the code, e.g. "Outcome 312.5", wins)`,
    `  strength: null   # ${STRENGTHS.join(' | ')}`,
    'bodies: {}   # body cell text -> accreditor ID, or null for a body that is not in the crosswalk',
    'professions: {}   # profession cell text -> profession from the controlled list, or null',
    'characteristics: {}   # characteristic cell text -> characteristic ID, or null to leave the row unmapped',
    '',
  );
  return lines.join('\n');
}
