/**
 * Applies content/exceptions.yaml: findings it names are set aside (and counted), and an exception
 * that matches nothing is itself an error, so stale exceptions cannot pile up.
 */
import { parseDocument } from 'yaml';
import { exceptionsFileSchema, type CheckException } from '../../schemas/exception.ts';
import { formatPath, type Diagnostic } from '../diagnostics.ts';

export const EXCEPTIONS_FILE = 'exceptions.yaml';

export interface ExceptionsSource {
  /** Path shown in messages. */
  path: string;
  text: string;
  /** Prefix that turns an exception's `file` into a diagnostic's `file` (the content folder as shown). */
  contentPrefix: string;
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export function applyExceptions(
  diagnostics: Diagnostic[],
  src: ExceptionsSource,
): { kept: Diagnostic[]; excepted: number } {
  const doc = parseDocument(src.text, { uniqueKeys: true });
  const at = (offset: number, message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
    rule: 'exceptions',
    severity: 'error',
    file: src.path,
    line: lineOf(src.text, offset),
    column: 1,
    path: '',
    message,
    ...extra,
  });
  if (doc.errors.length)
    return {
      kept: [...diagnostics, at(doc.errors[0]!.pos[0], `YAML syntax error: ${doc.errors[0]!.message.split('\n')[0]}`)],
      excepted: 0,
    };
  const parsed = exceptionsFileSchema.safeParse(doc.toJS() ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      kept: [
        ...diagnostics,
        at(0, `invalid exception: ${issue.message}`, {
          path: formatPath(issue.path as (string | number)[]),
          expected: 'a list of entries with rule, file, optional path, and reason',
        }),
      ],
      excepted: 0,
    };
  }
  const items = (doc.contents as { items?: { range?: [number, number, number] }[] } | null)?.items ?? [];
  const used = new Set<number>();
  const matches = (e: CheckException, d: Diagnostic) =>
    d.rule === e.rule && d.file === `${src.contentPrefix}${e.file}` && (e.path === undefined || e.path === d.path);
  const kept = diagnostics.filter((d) => {
    const i = parsed.data.findIndex((e) => matches(e, d));
    if (i < 0) return true;
    used.add(i);
    return false;
  });
  parsed.data.forEach((e, i) => {
    if (used.has(i)) return;
    kept.push(
      at(items[i]?.range?.[0] ?? 0, `exception is no longer needed: nothing matches rule \`${e.rule}\` in ${e.file}`, {
        path: `[${i}]`,
        found: `an exception for ${e.rule} in ${e.file}${e.path ? ` at ${e.path}` : ''}`,
        expected: 'each exception to match a current finding',
        fix: 'delete this exception (the finding it excused is gone)',
      }),
    );
  });
  return { kept, excepted: diagnostics.length - (kept.length - (parsed.data.length - used.size)) };
}
