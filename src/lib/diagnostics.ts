/**
 * A diagnostic answers: where (file:line:column), which field (dotted path), what was found vs
 * expected, and how to fix it. Every producer of messages uses this one shape.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  rule: string;
  severity: Severity;
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** Dotted field path such as `mappings[0].characteristic`; empty for whole-file problems. */
  path: string;
  message: string;
  found?: string;
  expected?: string;
  fix?: string;
}

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** Show a found value briefly: strings quoted, long values cut. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

export function countBySeverity(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of list) if (d.severity === 'error') errors++;
  return { errors, warnings: list.length - errors };
}

export function formatHuman(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const field = d.path ? `${d.path}: ` : '';
  const lines = [`${where}  ${d.severity}  ${field}${d.message}  [${d.rule}]`];
  if (d.found !== undefined) lines.push(`    found:    ${d.found}`);
  if (d.expected !== undefined) lines.push(`    expected: ${d.expected}`);
  if (d.fix !== undefined) lines.push(`    fix:      ${d.fix}`);
  return lines.join('\n');
}

/** GitHub Actions workflow command; data is escaped as the runner requires. */
export function formatGithub(d: Diagnostic): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const body = [
    `${d.path ? `${d.path}: ` : ''}${d.message}`,
    d.found !== undefined ? `found: ${d.found}` : '',
    d.expected !== undefined ? `expected: ${d.expected}` : '',
    d.fix !== undefined ? `fix: ${d.fix}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const level = d.severity === 'error' ? 'error' : 'warning';
  return `::${level} file=${escProp(d.file)},line=${d.line},col=${d.column},title=${escProp(d.rule)}::${esc(body)}`;
}

/** Thrown by the site build and scripts when content is invalid; the message is the full report. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `Invalid content: ${errors.length} error(s). Nothing was published.\n\n${errors.map(formatHuman).join('\n\n')}\n\nRun \`npm run check\` for the full report.`,
    );
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}
