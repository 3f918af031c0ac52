/**
 * The spreadsheet model: which sheets the export has and which columns each holds. Columns are derived
 * from the schemas, so a field added to a schema is exported and imported without a change here, and
 * no field can be left out of the round trip.
 */
import type { z } from 'astro/zod';
import { FOLDERS, SCHEMAS, mappingSchema, type EntityKind } from '../../schemas/index.ts';
import { mappingReviewSchema } from '../../schemas/mapping.ts';
import type { Codec } from './cells.ts';
import { unwrap, zodDef as def } from '../zod-walk.ts';

export const SHEET_NAMES = [
  'Mappings',
  'Reviews',
  'Standards',
  'Characteristics',
  'Accreditors',
  'Editions',
  'Initiatives',
] as const;
export type SheetName = (typeof SHEET_NAMES)[number];
/** The instructions sheet: exported for readers, ignored by the import. */
export const ABOUT_SHEET = 'About';
/** A hidden sheet of the controlled lists too long for an inline dropdown; ignored by the import. */
export const LISTS_SHEET = 'Lists';

/**
 * - `id`: the row's identity (an entity ID; on the Mappings sheet, the standard's ID).
 * - `field`: a frontmatter field, editable.
 * - `body`: the Markdown body (the own-words summary), editable.
 * - `context`: shown for reading only (e.g. the standard's title next to each mapping); edit it on its own sheet.
 * - `key`, `hash`: hidden bookkeeping: what the row was exported from, and a hash of its values then.
 */
export type Role = 'id' | 'field' | 'body' | 'context' | 'key' | 'hash';

export interface Column {
  header: string;
  role: Role;
  codec: Codec;
  /** Field path: in the entity's frontmatter, or for the Mappings sheet in the mapping entry; for
   * context columns, in the standard (`@edition` is the standard's edition folder). */
  path: string[];
  choices?: readonly string[];
  description: string;
  required: boolean;
  width: number;
  /** Entries written on another sheet, one row each, instead of in a cell here (a mapping's reviews). */
  onSheet?: SheetName;
}

/** Kinds with a sheet; recommendations stay out of the round trip (their dated history is edited in files). */
export type SheetKind = Exclude<EntityKind, 'recommendation'>;

export interface SheetSpec {
  name: SheetName;
  /** What one row is. */
  row: SheetKind | 'mapping' | 'review';
  /** File name when written as CSV. */
  csv: string;
  columns: Column[];
}

export const KEY_HEADER = '_key';
export const HASH_HEADER = '_hash';

const WIDTH: Record<Codec, number> = { text: 36, lines: 48, ids: 28, yaml: 56, number: 10 };

/** Columns for every field of a schema; nested objects become `parent.child` columns. */
function fieldColumns(schema: z.ZodType, prefix: string[] = [], parentOptional = false): Column[] {
  const out: Column[] = [];
  for (const [name, field] of Object.entries(def(unwrap(schema).schema).shape ?? {})) {
    const { schema: inner, optional } = unwrap(field);
    const path = [...prefix, name];
    const d = def(inner);
    const description = field.description ?? inner.description ?? '';
    const base = {
      header: path.join('.'),
      role: 'field' as const,
      path,
      description,
      required: !optional && !parentOptional,
    };
    if (d.type === 'object') {
      out.push(...fieldColumns(inner, path, optional || parentOptional));
      continue;
    }
    let codec: Codec = 'yaml';
    let choices: readonly string[] | undefined;
    if (d.type === 'string') codec = 'text';
    else if (d.type === 'enum') {
      codec = 'text';
      choices = Object.values(d.entries ?? {});
    } else if (d.type === 'number' || d.type === 'int') codec = 'number';
    else if (d.type === 'array') {
      const el = unwrap(d.element!).schema;
      const ed = def(el);
      if (ed.type === 'enum') {
        codec = 'ids';
        choices = Object.values(ed.entries ?? {});
      } else if (ed.type === 'string') {
        // A list whose items cannot contain spaces (IDs) may also be separated by commas.
        codec = el.safeParse('a b').success ? 'lines' : 'ids';
      }
    }
    out.push({ ...base, codec, ...(choices && { choices }), width: WIDTH[codec] });
  }
  return out;
}

const hidden = (): Column[] => [
  {
    header: KEY_HEADER,
    role: 'key',
    codec: 'text',
    path: [],
    description: 'what this row was exported from; leave it as it is (empty on rows you add)',
    required: false,
    width: 12,
  },
  {
    header: HASH_HEADER,
    role: 'hash',
    codec: 'text',
    path: [],
    description: "a fingerprint of the row's values at export, to detect conflicting edits; leave it as it is",
    required: false,
    width: 12,
  },
];

const idColumn = (kind: EntityKind): Column => ({
  header: 'id',
  role: 'id',
  codec: 'text',
  path: [],
  description:
    kind === 'standard'
      ? 'ID of the standard: <edition-id>/<file name without .md>; cannot be changed here'
      : `ID of the ${kind} (its file name without .md); cannot be changed here`,
  required: true,
  width: kind === 'standard' ? 34 : 30,
});

const bodyColumn = (): Column => ({
  header: 'body',
  role: 'body',
  codec: 'text',
  path: [],
  description: 'the Markdown body: the summary in our own words',
  required: false,
  width: 60,
});

function entitySheet(name: SheetName, kind: SheetKind): SheetSpec {
  let fields = fieldColumns(SCHEMAS[kind]);
  const columns: Column[] = [idColumn(kind)];
  if (kind === 'standard') {
    // Mappings have their own sheet, one row each.
    fields = fields.filter((c) => c.path[0] !== 'mappings');
    columns.push({
      header: 'edition',
      role: 'context',
      codec: 'text',
      path: ['@edition'],
      description: 'the edition the standard belongs to (part of its ID); for reading only',
      required: false,
      width: 24,
    });
  }
  columns.push(...fields, bodyColumn(), ...hidden());
  return { name, row: kind, csv: `${FOLDERS[kind]}.csv`, columns };
}

/** Standard fields repeated next to each mapping, so a committee can read a row on its own. */
const MAPPING_CONTEXT = ['code', 'title', 'bindingness', 'verification', 'sourceUrl'] as const;

function mappingsSheet(): SheetSpec {
  const standardFields = fieldColumns(SCHEMAS.standard);
  const context: Column[] = [
    {
      header: 'edition',
      role: 'context',
      codec: 'text',
      path: ['@edition'],
      description: 'the edition of the standard; for reading only',
      required: false,
      width: 24,
    },
    ...MAPPING_CONTEXT.map((f) => {
      const c = standardFields.find((x) => x.header === f)!;
      return {
        ...c,
        role: 'context' as const,
        required: false,
        description: `the standard's ${f}; for reading only (edit it on the Standards sheet)`,
      };
    }),
  ];
  return {
    name: 'Mappings',
    row: 'mapping',
    csv: 'mappings.csv',
    columns: [
      {
        header: 'standard',
        role: 'id',
        codec: 'text',
        path: [],
        description: 'ID of the standard that bears on the characteristic: <edition-id>/<file name without .md>',
        required: true,
        width: 34,
      },
      ...context,
      // The review records go on the Reviews sheet, one row per review; the column stays in the spec so
      // the row's _hash covers them and a changed claim still drops the reviews of the old one.
      ...fieldColumns(mappingSchema).map((c) => (c.header === 'reviews' ? { ...c, onSheet: REVIEWS_SHEET } : c)),
      ...hidden(),
    ],
  };
}

/** The sheet of mapping reviews: one row per review record, naming its mapping by standard and characteristic. */
export const REVIEWS_SHEET: SheetName = 'Reviews';

function reviewsSheet(): SheetSpec {
  return {
    name: REVIEWS_SHEET,
    row: 'review',
    csv: 'mapping-reviews.csv',
    columns: [
      {
        header: 'standard',
        role: 'id',
        codec: 'text',
        path: [],
        description: 'ID of the standard whose mapping was reviewed: <edition-id>/<file name without .md>',
        required: true,
        width: 34,
      },
      {
        header: 'characteristic',
        role: 'id',
        codec: 'text',
        path: ['characteristic'],
        description: 'the characteristic of the mapping reviewed (with the standard, names the Mappings row)',
        required: true,
        width: 28,
      },
      ...fieldColumns(mappingReviewSchema),
    ],
  };
}

/** The columns a sheet shows: those of its spec not written on another sheet. */
export const sheetColumns = (spec: SheetSpec): Column[] => spec.columns.filter((c) => c.onSheet === undefined);

export const SHEETS: readonly SheetSpec[] = [
  mappingsSheet(),
  reviewsSheet(),
  entitySheet('Standards', 'standard'),
  entitySheet('Characteristics', 'characteristic'),
  entitySheet('Accreditors', 'accreditor'),
  entitySheet('Editions', 'edition'),
  entitySheet('Initiatives', 'initiative'),
];

export function sheetSpec(name: SheetName): SheetSpec {
  return SHEETS.find((s) => s.name === name)!;
}

/** The sheet a CSV file holds, from its file name ("mappings.csv", "Mappings.csv", "mappings (2).csv"). */
export function sheetForCsvName(fileName: string): SheetSpec | undefined {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.csv$/i, '')
    .replace(/\s*\(\d+\)$/, '')
    .trim()
    .toLowerCase();
  return SHEETS.find((s) => s.csv.replace(/\.csv$/, '') === base || s.name.toLowerCase() === base);
}

/** The sheet whose visible columns a header row holds exactly, whatever their order. */
export function sheetForHeader(header: readonly string[]): SheetSpec | undefined {
  const have = new Set(header.filter((h) => h !== '' && h !== KEY_HEADER && h !== HASH_HEADER));
  return SHEETS.find((s) => {
    const want = sheetColumns(s)
      .filter((c) => c.role !== 'key' && c.role !== 'hash')
      .map((c) => c.header);
    return want.length === have.size && want.every((h) => have.has(h));
  });
}
