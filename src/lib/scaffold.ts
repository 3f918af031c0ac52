/**
 * `npm run new`: scaffold one content file from answers (flags or prompts). Every answer is checked
 * against the schema field it fills as soon as it is given, references must name existing files, and
 * the finished file is run through the whole check together with the existing content before it is
 * written. An existing file is never overwritten.
 */
import type { z } from 'astro/zod';
import { FOLDERS, SCHEMAS, ID_PATTERN, type EntityKind } from '../schemas/index.ts';
import { checkSources } from './check/index.ts';
import { entriesOf, loadFiles, type Content, type SourceFile } from './content.ts';
import type { Diagnostic } from './diagnostics.ts';
import { slugifyCode, suggestId } from './ids.ts';
import { one, PROMPTS, type Answers, type Prompt } from './scaffold-prompts.ts';
import { houseStyleYaml } from './frontmatter-edit.ts';
import { didYouMean } from './suggest.ts';

export { PROMPTS, type Answers, type Prompt } from './scaffold-prompts.ts';
import { schemaAt, unwrap as unwrapZod, zodDef } from './zod-walk.ts';

export interface ScaffoldContext {
  content: Content;
  sources: readonly SourceFile[];
  /** The content folder as shown in paths (e.g. `content`). */
  root: string;
}

export function scaffoldContext(sources: readonly SourceFile[], root: string): ScaffoldContext {
  return { content: loadFiles(sources), sources, root: root.replace(/\/+$/, '') };
}

export interface AnswerError {
  flag: string;
  message: string;
  found: string;
  expected: string;
  fix?: string;
}

const def = zodDef;
const unwrap = (s: z.ZodType): z.ZodType => unwrapZod(s).schema;

/** The schema a single answer is checked against (for a list prompt, one item's schema). */
function schemaFor(kind: EntityKind, p: Prompt): z.ZodType | undefined {
  if (p.role !== 'field') return undefined;
  let s = schemaAt(SCHEMAS[kind], p.path);
  if (!s) return undefined;
  s = unwrap(s);
  if (p.multiple && def(s).type === 'array') s = unwrap(def(s).element!);
  return s;
}

/** Allowed values of a prompt, if it is a choice. */
export function choicesOf(kind: EntityKind, p: Prompt): string[] | undefined {
  const s = schemaFor(kind, p);
  return s && def(s).type === 'enum' ? Object.values(def(s).entries ?? {}) : undefined;
}

/** The meaning of a prompt's field, from the schema (the field reference). */
function meaningOf(kind: EntityKind, p: Prompt): string {
  const s = p.role === 'field' ? schemaAt(SCHEMAS[kind], p.path) : undefined;
  return s?.description ?? (s ? unwrap(s).description : undefined) ?? '';
}

function existingPath(ctx: ScaffoldContext, segments: readonly string[]): SourceFile | undefined {
  const want = segments.join('/').toLowerCase();
  return ctx.sources.find((s) => s.segments.join('/').toLowerCase() === want);
}

/**
 * Check one answer (a single value; list prompts call it per item). Returns the value to store, or an
 * error that says what was found, what was expected and how to fix it.
 */
function checkAnswer(
  kind: EntityKind,
  p: Prompt,
  raw: string,
  ctx: ScaffoldContext,
  answers: Answers = {},
): { value: unknown } | { error: AnswerError } {
  const text = raw.trim();
  const fail = (message: string, expected: string, fix?: string) => ({
    error: { flag: p.flag, message, found: JSON.stringify(raw), expected, ...(fix && { fix }) },
  });
  if (p.role === 'summary') return { value: text };
  if (p.role === 'id' && kind !== 'standard') {
    if (!ID_PATTERN.test(text))
      return fail(
        'not a valid ID',
        'lowercase letters, digits and single hyphens',
        `try \`${suggestId(text) || 'an-id'}\``,
      );
    const segs = [FOLDERS[kind], `${text}.md`];
    if (existingPath(ctx, segs))
      return fail(
        `${ctx.root}/${segs.join('/')} already exists`,
        `an ID no other ${kind} has`,
        'edit the existing file instead, or choose another ID (new never overwrites a file)',
      );
    const stub = ctx.content.stubs.find((s) => s.kind === kind && s.id.toLowerCase() === text.toLowerCase());
    if (stub) return fail(`\`${text}\` was used before and now redirects`, 'an unused ID', 'choose another ID');
    return { value: text };
  }
  if (p.ref) {
    const ids = entriesOf(ctx.content, p.ref).map((e) => e.id);
    if (!ids.includes(text)) {
      const stub = ctx.content.stubs.find((s) => s.kind === p.ref && s.id === text);
      return fail(
        stub ? `\`${text}\` was replaced by \`${stub.data.replacedBy}\`` : `no ${p.ref} has the ID \`${text}\``,
        `the ID of a file in ${ctx.root}/${FOLDERS[p.ref]}/`,
        stub
          ? `use \`${stub.data.replacedBy}\``
          : (didYouMean(text, ids) ?? `create it first: npm run new -- ${p.ref}`),
      );
    }
    if (p.role === 'id') return { value: text };
  }
  const schema = schemaFor(kind, p);
  if (!schema) return { value: text };
  const value: unknown = def(schema).type === 'int' || def(schema).type === 'number' ? Number(text) : text;
  const r = schema.safeParse(value);
  if (r.success) {
    if (kind === 'standard' && p.flag === 'code') {
      const edition = one(answers, 'edition');
      const slug = slugifyCode(text);
      if (!slug) return fail('the code has no letters or digits', 'a code such as "7.9" or "II.A.1"');
      if (edition && existingPath(ctx, ['standards', edition, `${slug}.md`]))
        return fail(
          `${ctx.root}/standards/${edition}/${slug}.md already exists`,
          'a code the edition does not have yet',
          'edit the existing file instead (new never overwrites a file)',
        );
    }
    return { value: r.data };
  }
  const choices = choicesOf(kind, p);
  const meaning = meaningOf(kind, p);
  if (choices)
    return fail(
      'not one of the allowed values',
      `one of: ${choices.join(', ')}`,
      didYouMean(text, choices) ?? `use one of: ${choices.join(', ')}`,
    );
  return fail(r.error.issues[0]?.message ?? 'not valid', meaning || 'a valid value');
}

/** A list of IDs or allowed values may come as one comma-separated answer; a list of text may not. */
function splittable(kind: EntityKind, p: Prompt): boolean {
  return Boolean(p.multiple && (p.ref || choicesOf(kind, p)));
}

export interface Resolved {
  answers: Record<string, unknown>;
  errors: AnswerError[];
  /** Prompts still to answer (required ones that are missing, in order). */
  missing: Prompt[];
}

export function applies(p: Prompt, a: Answers): boolean {
  return p.when ? p.when(a) : true;
}

/** Check all answers given so far (e.g. from flags). */
export function resolveAnswers(kind: EntityKind, given: Answers, ctx: ScaffoldContext): Resolved {
  const answers: Record<string, unknown> = {};
  const errors: AnswerError[] = [];
  const missing: Prompt[] = [];
  for (const p of PROMPTS[kind]) {
    if (!applies(p, given)) continue;
    const raw = given[p.flag] ?? p.suggest?.(given);
    const list = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).filter((x) => x.trim() !== '');
    if (list.length === 0) {
      if (p.required) missing.push(p);
      continue;
    }
    // An ID list may also come as one comma-separated value.
    const items = splittable(kind, p) ? list.flatMap((x) => x.split(/[,;]/)).filter((x) => x.trim()) : list;
    if (!p.multiple && items.length > 1) {
      errors.push({
        flag: p.flag,
        message: `--${p.flag} was given ${items.length} times`,
        found: items.map((x) => JSON.stringify(x)).join(', '),
        expected: 'one value',
        fix: `give --${p.flag} once`,
      });
      continue;
    }
    const values: unknown[] = [];
    for (const item of items) {
      const r = checkAnswer(kind, p, item, ctx, given);
      if ('error' in r) errors.push(r.error);
      else values.push(r.value);
    }
    answers[p.flag] = p.multiple ? values : values[0];
  }
  return { answers, errors, missing };
}

/** Where the new file goes, below the content folder. */
function segmentsFor(kind: EntityKind, answers: Record<string, unknown>): string[] {
  if (kind === 'standard') return ['standards', String(answers.edition), `${slugifyCode(String(answers.code))}.md`];
  return [FOLDERS[kind], `${String(answers.id)}.md`];
}

/** The frontmatter object, fields in schema order. */
function dataFor(kind: EntityKind, answers: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const p of PROMPTS[kind]) {
    if (p.role !== 'field' || answers[p.flag] === undefined || answers[p.flag] === '') continue;
    let cur: Record<string | number, unknown> = data;
    p.path.forEach((seg, i) => {
      if (i === p.path.length - 1) cur[seg] = answers[p.flag];
      else {
        const nextIsIndex = typeof p.path[i + 1] === 'number';
        cur[seg] ??= nextIsIndex ? [] : {};
        cur = cur[seg] as Record<string | number, unknown>;
      }
    });
  }
  // Keys in the schema's order, so the file reads like every other file of its kind.
  const order = Object.keys(def(SCHEMAS[kind]).shape ?? {});
  return Object.fromEntries(order.filter((k) => k in data).map((k) => [k, data[k]]));
}

export interface Scaffold {
  /** Path below the content folder, e.g. `standards/lcme-2024-25/3-7.md`. */
  segments: string[];
  /** Path as shown in messages, e.g. `content/standards/lcme-2024-25/3-7.md`. */
  path: string;
  text: string;
  /** What the whole check says about the new file, with the existing content around it. */
  diagnostics: Diagnostic[];
  errors: number;
}

/** Build the file and check it with everything else. */
export function buildScaffold(
  kind: EntityKind,
  answers: Record<string, unknown>,
  ctx: ScaffoldContext,
  today?: string,
): Scaffold {
  const segments = segmentsFor(kind, answers);
  const path = `${ctx.root}/${segments.join('/')}`;
  const body = typeof answers.summary === 'string' && answers.summary.trim() ? `${answers.summary.trim()}\n` : '';
  const text = `---\n${houseStyleYaml(dataFor(kind, answers))}---\n${body}`;
  const source: SourceFile = { path, segments, bytes: new TextEncoder().encode(text) };
  const result = checkSources([...ctx.sources, source], today ? { today } : {});
  const diagnostics = result.diagnostics.filter((d) => d.file === path);
  if (existingPath(ctx, segments))
    diagnostics.unshift({
      rule: 'new',
      severity: 'error',
      file: path,
      line: 1,
      column: 1,
      path: '',
      message: 'the file already exists',
      found: path,
      expected: 'a new file',
      fix: 'edit the existing file instead, or choose another ID (new never overwrites a file)',
    });
  return { segments, path, text, diagnostics, errors: diagnostics.filter((d) => d.severity === 'error').length };
}

/** Ask for every prompt still open, re-asking until the answer is valid (at most `tries` times). */
export async function askMissing(
  kind: EntityKind,
  given: Answers,
  ctx: ScaffoldContext,
  ask: (question: string) => Promise<string | undefined>,
  say: (line: string) => void,
  options: { optional?: boolean; tries?: number } = {},
): Promise<Answers> {
  const answers: Answers = { ...given };
  const tries = options.tries ?? 5;
  for (const p of PROMPTS[kind]) {
    if (!applies(p, answers)) continue;
    if (answers[p.flag] !== undefined && (!Array.isArray(answers[p.flag]) || answers[p.flag]!.length)) continue;
    if (!p.required && !options.optional) continue;
    const choices = choicesOf(kind, p);
    const hint = [
      choices ? `one of: ${choices.join(', ')}` : '',
      p.required ? '' : 'optional: press Enter to skip',
      p.multiple ? 'one per line; empty line to finish' : '',
    ]
      .filter(Boolean)
      .join('; ');
    const suggestion = p.suggest?.(answers);
    const question = `${p.question}${hint ? ` (${hint})` : ''}${suggestion ? ` [${suggestion}]` : ''}: `;
    const collected: string[] = [];
    for (let attempt = 0; ;) {
      const raw = await ask(p.multiple ? question.replace(/: $/, ` #${collected.length + 1}: `) : question);
      if (raw === undefined) throw new Error('input ended before every question was answered');
      const value = raw.trim() === '' && suggestion && !p.multiple ? suggestion : raw.trim();
      if (value === '') {
        if (p.multiple && collected.length) break;
        if (!p.required) break;
        say(`  ${p.flag} is required${meaningOf(kind, p) ? `: ${meaningOf(kind, p)}` : ''}`);
        if (++attempt >= tries) throw new Error(`no valid answer for ${p.flag}`);
        continue;
      }
      const items = splittable(kind, p) ? value.split(/[,;]/).map((x) => x.trim()) : [value];
      const bad = items
        .map((item) => checkAnswer(kind, p, item, ctx, answers))
        .find((r): r is { error: AnswerError } => 'error' in r);
      if (bad) {
        say(
          `  ${bad.error.message}: found ${bad.error.found}; expected ${bad.error.expected}${bad.error.fix ? `; ${bad.error.fix}` : ''}`,
        );
        if (++attempt >= tries) throw new Error(`no valid answer for ${p.flag}`);
        continue;
      }
      if (!p.multiple) {
        answers[p.flag] = value;
        break;
      }
      collected.push(...items);
      answers[p.flag] = [...collected];
    }
  }
  return answers;
}
