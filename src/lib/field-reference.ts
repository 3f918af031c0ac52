/**
 * The field reference generated from the schemas: CONTRIBUTING.md and
 * docs/data-model.md embed it, and `npm run generate -- --check` fails when they are stale.
 */
import { z } from 'astro/zod';
import { FOLDERS, SCHEMAS, stubSchema, type EntityKind } from '../schemas/index.ts';
import { LOAD_STAGES, RULES } from './check/rules/index.ts';
import { unwrap, zodDef as def } from './zod-walk.ts';

function typeOf(s: z.ZodType): string {
  const d = def(s);
  switch (d.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'int':
      return 'whole number';
    case 'enum':
      return `one of: ${Object.values(d.entries ?? {})
        .map((v) => `\`${v}\``)
        .join(', ')}`;
    case 'array': {
      const el = unwrap(d.element!).schema;
      return def(el).type === 'object' ? 'list of entries (below)' : `list of ${typeOf(el)}`;
    }
    case 'object':
      return 'fields (below)';
    default:
      return d.type;
  }
}

export interface FieldRow {
  field: string;
  required: boolean;
  type: string;
  description: string;
}

export function fieldRows(schema: z.ZodType, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  const shape = def(unwrap(schema).schema).shape ?? {};
  for (const [name, field] of Object.entries(shape)) {
    const { schema: inner, optional } = unwrap(field);
    const path = `${prefix}${name}`;
    rows.push({
      field: path,
      required: !optional,
      type: typeOf(inner),
      description: field.description ?? inner.description ?? '',
    });
    const d = def(inner);
    if (d.type === 'object') rows.push(...fieldRows(inner, `${path}.`));
    if (d.type === 'array' && def(unwrap(d.element!).schema).type === 'object')
      rows.push(...fieldRows(unwrap(d.element!).schema, `${path}[].`));
  }
  return rows;
}

const TITLES: Record<EntityKind, string> = {
  characteristic: 'Characteristic',
  accreditor: 'Accreditor',
  edition: 'Edition',
  standard: 'Standard (with its mappings)',
  initiative: 'Initiative',
  recommendation: 'Recommendation',
};

export function fieldReferenceMarkdown(): string {
  const out: string[] = [];
  for (const kind of Object.keys(SCHEMAS) as EntityKind[]) {
    const path =
      kind === 'standard' ? 'content/standards/<edition-id>/<code-slug>.md' : `content/${FOLDERS[kind]}/<id>.md`;
    out.push(
      `### ${TITLES[kind]} — \`${path}\``,
      '',
      '| Field | Required | Type | Meaning |',
      '| --- | --- | --- | --- |',
    );
    for (const r of fieldRows(SCHEMAS[kind]))
      out.push(
        `| \`${r.field}\` | ${r.required ? 'yes' : 'no'} | ${r.type.replace(/\|/g, '\\|')} | ${r.description.replace(/\|/g, '\\|')} |`,
      );
    out.push('');
  }
  out.push('### Redirect stub (any kind)', '', '| Field | Required | Type | Meaning |', '| --- | --- | --- | --- |');
  for (const r of fieldRows(stubSchema))
    out.push(`| \`${r.field}\` | ${r.required ? 'yes' : 'no'} | ${r.type} | ${r.description} |`);
  out.push('');
  return out.join('\n');
}

export function rulesMarkdown(): string {
  return [
    '| Rule | What it checks |',
    '| --- | --- |',
    ...LOAD_STAGES.map((s) => `| \`${s.id}\` | ${s.description} |`),
    ...RULES.map((r) => `| \`${r.id}\` | ${r.description} |`),
    '',
  ].join('\n');
}

const GENERATED_NOTE =
  '<!-- generated from src/schemas and src/lib/check/rules by `npm run generate`; do not edit by hand -->';

/** Replace the text between two markers; throws if the markers are missing. */
export function replaceBetween(doc: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`markers ${start} … ${end} not found`);
  return `${doc.slice(0, i + start.length)}\n${GENERATED_NOTE}\n\n${body}\n${doc.slice(j)}`;
}
