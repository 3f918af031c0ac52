/**
 * Turns zod issues into located diagnostics: the one helper used by the check
 * command, the site build and the importer.
 */
import type { z } from 'astro/zod';
import { formatPath, show, type Diagnostic, type PathSegment } from './diagnostics.ts';
import { locate, type ParsedFile } from './frontmatter.ts';
import { didYouMean } from './suggest.ts';
import { fieldsOf, schemaAt, unwrap } from './zod-walk.ts';

export { fieldsOf, schemaAt };

type AnySchema = z.ZodType;

function describeField(schema: AnySchema | undefined): string | undefined {
  if (!schema) return undefined;
  return schema.description ?? unwrap(schema).schema.description;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function typeName(v: unknown): string {
  if (v === null) return 'an empty value (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a set of fields';
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the value ${v}`;
  return typeof v;
}

const EXPECTED_TYPE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list (lines starting with "- ")',
  object: 'a set of `field: value` lines',
  boolean: 'true or false',
};

export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  file: ParsedFile,
  schema: AnySchema,
  rule = 'schema',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path as PathSegment[];
    const base = (p: PathSegment[], key = false) => {
      const at = locate(file, p, key);
      return {
        rule,
        severity: 'error' as const,
        file: file.path,
        line: at.line,
        column: at.column,
        path: formatPath(p),
      };
    };
    const value = valueAt(file.data, path);
    const meaning = describeField(schemaAt(schema, path));
    if (value === undefined && issue.code !== 'unrecognized_keys' && path.length > 0) {
      const field = String(path[path.length - 1]);
      const allowed = issue.code === 'invalid_value' ? `one of: ${issue.values.map(String).join(', ')}` : undefined;
      out.push({
        ...base(path),
        message: `required field \`${field}\` is missing`,
        found: 'nothing',
        expected:
          allowed ??
          (issue.code === 'invalid_type'
            ? `${EXPECTED_TYPE[issue.expected] ?? issue.expected}${meaning ? `: ${meaning}` : ''}`
            : (meaning ?? issue.message)),
        fix: `add \`${field}:\` with a value${meaning && allowed ? ` (${meaning})` : ''}`,
      });
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = fieldsOf(schemaAt(schema, path));
        for (const k of issue.keys) {
          out.push({
            ...base([...path, k], true),
            message: `unknown field \`${k}\``,
            found: `\`${k}\``,
            expected: `one of: ${known.join(', ')}`,
            fix: didYouMean(k, known) ?? `remove \`${k}\` or move its content into the Markdown body`,
          });
        }
        break;
      }
      case 'invalid_type': {
        {
          out.push({
            ...base(path),
            message: `wrong type`,
            found: `${typeName(value)} (${show(value)})`,
            expected: `${EXPECTED_TYPE[issue.expected] ?? issue.expected}${meaning ? `: ${meaning}` : ''}`,
            fix:
              issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
                ? `put the value in quotes: "${String(value)}"`
                : issue.expected === 'array' && typeof value === 'string'
                  ? `write it as a list: \`- ${value}\` on the next line`
                  : `change the value to ${EXPECTED_TYPE[issue.expected] ?? issue.expected}`,
          });
        }
        break;
      }
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        out.push({
          ...base(path),
          message: 'value is not one of the allowed values',
          found: show(value),
          expected: `one of: ${allowed.join(', ')}`,
          fix: (typeof value === 'string' && didYouMean(value, allowed)) || `use one of: ${allowed.join(', ')}`,
        });
        break;
      }
      case 'too_small': {
        const empty = Array.isArray(value) ? value.length === 0 : typeof value === 'string';
        out.push({
          ...base(path),
          message: empty ? 'value is empty' : issue.message,
          found: show(value),
          expected: `${issue.message}${meaning ? ` (${meaning})` : ''}`,
          fix: Array.isArray(value)
            ? 'add at least one item'
            : 'fill in the value or remove the field if it is optional',
        });
        break;
      }
      case 'too_big': {
        out.push({
          ...base(path),
          message: typeof value === 'string' ? 'text is too long' : 'too many items',
          found: typeof value === 'string' ? `${value.length.toLocaleString('en')} characters` : show(value),
          expected: `${issue.message}${meaning ? ` (${meaning})` : ''}`,
          fix: 'shorten it: say it in fewer words, and link to long documents instead of copying them',
        });
        break;
      }
      default: {
        out.push({
          ...base(path),
          message: 'value has the wrong form',
          found: show(value),
          expected: `${issue.message}${meaning ? ` (${meaning})` : ''}`,
          fix: `correct the value of \`${formatPath(path) || 'the field'}\``,
        });
      }
    }
  }
  return out;
}
