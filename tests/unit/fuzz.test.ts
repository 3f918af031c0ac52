/**
 * Property-based robustness test of the check: at least 10,000 generated and mutated content files of
 * every kind (under CI; 2,000 locally) go through `checkSources`, which must never throw, and every
 * diagnostic it returns must be located (a file it was given, a line inside that file, a column, a
 * message and a rule). The full sample must also reach every stage and the rarer rules.
 *
 * Templates are valid files from the benchmark generator; each case applies 1–4 mutations at three
 * levels: the parsed fields (delete, wrong type, unknown field, capitals in IDs, huge strings, a
 * repeated review), the text (duplicate keys, tabs, CRLF, BOM, truncation, unclosed frontmatter,
 * anchors and aliases, deep nesting, YAML oddities, HTML in the body) and the bytes (random and
 * invalid UTF-8 bytes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateCorpus } from '../../bench/generate.ts';
import { checkSources } from '../../src/lib/check/index.ts';
import type { SourceFile } from '../../src/lib/content.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';

const TODAY = '2026-11-25';
/** Large batches: every batch re-checks the templates too, so fewer batches make each input cheaper. */
const FILES_PER_BATCH = 250;
/** 42 batches = 10,500 mutated files under CI, 8 (2,000) locally; FUZZ_BATCHES and FUZZ_SEED explore further. */
const BATCHES = Number(process.env.FUZZ_BATCHES ?? (process.env.CI ? 42 : 8));
const enc = new TextEncoder();

/** A small valid corpus: the templates, and the context the mutated files are checked in. */
const base = generateCorpus({ bodies: 3, standardsPerBody: 5, characteristics: 6, initiatives: 2, seed: 7 }).files;
const baseSources: SourceFile[] = base.map((f) => ({
  path: `content/${f.path}`,
  segments: f.path.split('/'),
  bytes: enc.encode(f.text),
}));

// ---------------------------------------------------------------------------------------------------
// Mutations

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ID_KEYS = new Set(['characteristic', 'accreditor', 'supersedes', 'replacedBy', 'characteristics']);

type Mutation =
  // field level (on the parsed frontmatter, then serialised again)
  | { op: 'delete'; at: number }
  | { op: 'repeatReview' }
  | { op: 'wrongType'; at: number; value: unknown }
  | { op: 'unknownField'; at: number; key: string; value: Json }
  | { op: 'capitalIds'; at: number }
  | { op: 'hugeString'; at: number; length: number; char: string }
  | { op: 'emptyValue'; at: number; value: unknown }
  // text level
  | { op: 'duplicateLine'; at: number }
  | { op: 'deleteLine'; at: number }
  | { op: 'tab'; at: number; indent: boolean }
  | { op: 'crlf'; lone: boolean; all: boolean; at: number }
  | { op: 'bom' }
  | { op: 'truncate'; at: number }
  | { op: 'unclose' }
  | { op: 'unopen' }
  | { op: 'aliases'; variant: number; at: number }
  | { op: 'deepNesting'; depth: number; flow: boolean; map: boolean }
  | { op: 'yamlOddity'; variant: number; at: number }
  | { op: 'body'; variant: number }
  | { op: 'insertText'; at: number; text: string }
  | { op: 'empty'; whitespace: string }
  // byte level
  | { op: 'bytes'; at: number; bytes: readonly number[]; overwrite: boolean };

interface Case {
  template: number;
  mutations: Mutation[];
  /** Rename the file: capitals, spaces, wrong folder, wrong extension, deeper nesting. */
  rename: number | null;
}

const at = fc.nat();
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at }),
  fc.record({
    op: fc.constant('wrongType' as const),
    at,
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e21, 2 ** 53 + 1, '', ' ', '\u0000', 'null', 'true', '2025-13-45'),
      fc.date({ noInvalidDate: true }),
      fc.string({ unit: 'binary', maxLength: 30 }),
    ),
  }),
  fc.record({
    op: fc.constant('unknownField' as const),
    at,
    key: fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom('Name', 'title ', '__proto__', 'constructor', 'toString', '<<', 'mappings', '0'),
    ),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  fc.record({ op: fc.constant('capitalIds' as const), at }),
  fc.record({ op: fc.constant('repeatReview' as const) }),
  fc.record({
    op: fc.constant('hugeString' as const),
    at,
    length: fc.oneof(
      { arbitrary: fc.integer({ min: 1_000, max: 50_000 }), weight: 20 },
      { arbitrary: fc.constantFrom(999_000, 1_000_001), weight: 1 },
    ),
    char: fc.constantFrom('a', 'é', '😀', ' ', 'word '),
  }),
  fc.record({ op: fc.constant('emptyValue' as const), at, value: fc.constantFrom(null, '', [], {}, '   ') }),
  fc.record({ op: fc.constant('duplicateLine' as const), at }),
  fc.record({ op: fc.constant('deleteLine' as const), at }),
  fc.record({ op: fc.constant('tab' as const), at, indent: fc.boolean() }),
  fc.record({ op: fc.constant('crlf' as const), lone: fc.boolean(), all: fc.boolean(), at }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('truncate' as const), at }),
  fc.record({ op: fc.constant('unclose' as const) }),
  fc.record({ op: fc.constant('unopen' as const) }),
  fc.record({ op: fc.constant('aliases' as const), variant: fc.nat({ max: 7 }), at }),
  fc.record({
    op: fc.constant('deepNesting' as const),
    // Past ~700 levels the YAML parser runs out of stack (reported as a syntax error); deeper costs time.
    depth: fc.oneof(
      { arbitrary: fc.integer({ min: 2, max: 300 }), weight: 10 },
      { arbitrary: fc.integer({ min: 500, max: 3_000 }), weight: 1 },
    ),
    flow: fc.boolean(),
    map: fc.boolean(),
  }),
  fc.record({ op: fc.constant('yamlOddity' as const), variant: fc.nat({ max: 15 }), at }),
  fc.record({ op: fc.constant('body' as const), variant: fc.nat({ max: 7 }) }),
  fc.record({
    op: fc.constant('insertText' as const),
    at,
    text: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
      fc.constantFrom(
        ':',
        ': ',
        ' #',
        '"',
        "'",
        '[',
        '{',
        '- ',
        '---\n',
        '\n---\n',
        '\u00a0',
        '\u200b',
        '\u202e',
        '\ud800',
      ),
    ),
  }),
  fc.record({ op: fc.constant('empty' as const), whitespace: fc.constantFrom('', ' ', '\n', '\n\n', '\t', '\r\n') }),
  fc.record({
    op: fc.constant('bytes' as const),
    at,
    bytes: fc.oneof(
      fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 8 }),
      fc.constantFrom(
        [0xff],
        [0xc3],
        [0xed, 0xa0, 0x80],
        [0xf4, 0x90, 0x80, 0x80],
        [0xc0, 0xaf],
        [0x00],
        [0xef, 0xbb, 0xbf],
      ),
    ),
    overwrite: fc.boolean(),
  }),
);

const caseArb: fc.Arbitrary<Case> = fc.record({
  template: fc.nat({ max: base.length - 1 }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
  rename: fc.option(fc.nat({ max: 9 }), { nil: null }),
});

/** Every path to a value inside the frontmatter, parents before children. */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  const entries: [string | number, unknown][] = Array.isArray(v)
    ? v.map((x, i) => [i, x])
    : v && typeof v === 'object'
      ? Object.entries(v)
      : [];
  for (const [k, x] of entries) {
    out.push([...prefix, k]);
    paths(x, [...prefix, k], out);
  }
  return out;
}
function parentOf(root: unknown, path: (string | number)[]): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  return node;
}
const pickPath = (obj: unknown, n: number) => {
  const ps = paths(obj);
  return ps.length ? ps[n % ps.length]! : undefined;
};

const ALIAS_SNIPPETS = [
  'anchored: &a "text"\nalias: *a',
  'name: &n "Shared"\ndescription: *n',
  'missing: *nowhere',
  'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'base: &base {strength: explicit}\nmerged:\n  <<: *base\n  rationale: "x"',
  '*a : value',
  'self: &s [*s]',
  'x: &a\n  - &b [1, 2]\n  - *b\ny: *a',
];
const ODDITIES = [
  '%YAML 1.1',
  '? complex key\n: value',
  'binary: !!binary aGVsbG8=',
  'fn: !!js/function "function () {}"',
  'tagged: !custom thing',
  'set: !!set {a, b}',
  'date: 2025-01-01',
  'unbalanced: [a, b',
  'unbalanced: {a: b',
  'quote: "never closed',
  "quote: 'never closed",
  'multi: |\n  block\n text',
  'octal: 0o17\nhex: 0x1F\nsexagesimal: 1:30',
  '...',
  'key with no value:',
  ': no key',
];
const BODIES = [
  '<script>alert(1)</script>',
  '<div onclick="x()">raw</div>',
  '<!-- comment -->',
  '```\n<script>\n```',
  '# Heading\n\n' + 'x'.repeat(5000),
  '\u0000\u0001\u0002',
  '---\nnot: frontmatter\n---',
  '<iframe src="https://example.org"></iframe>\n'.repeat(50),
];

function nest(depth: number, flow: boolean, map: boolean): string {
  if (flow) return map ? `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  // Block nesting grows quadratically with indentation: keep it within the file-size limit.
  const d = Math.min(depth, 400);
  return Array.from({ length: d }, (_, i) => `${'  '.repeat(i)}${map ? 'a:' : '-'}`).join('\n') + ` 1`;
}

function splitFile(text: string): { fm: string; body: string } | undefined {
  const m = /^---\n([\s\S]*?)\n?---\n?([\s\S]*)$/.exec(text);
  return m ? { fm: m[1]!, body: m[2]! } : undefined;
}

const RENAMES: ((segs: string[]) => string[])[] = [
  (s) => s.map((x, i) => (i === s.length - 1 ? x.charAt(0).toUpperCase() + x.slice(1) : x)),
  (s) => [...s.slice(0, -1), s[s.length - 1]!.replace('.md', ' copy.md')],
  (s) => [...s.slice(0, -1), s[s.length - 1]!.replace('.md', '.txt')],
  (s) => ['elsewhere', ...s.slice(1)],
  (s) => [s[0]!, 'extra', ...s.slice(1)],
  (s) => [s[0]!, s[s.length - 1]!],
  (s) => [...s.slice(0, -1), '.md'],
  (s) => (s[0] === 'standards' ? ['standards', s[1]!.toUpperCase(), s[2]!] : ['standards', s[s.length - 1]!]),
  (s) => [...s.slice(0, -1), `${s[s.length - 1]!.slice(0, -3)}--x_y.md`],
  (s) => [...s.slice(0, -1), 'ÄÖ ü.md'],
];

/** Each template's frontmatter parsed once; a case mutates a clone. */
const templateFields: unknown[] = base.map((f) => parse(splitFile(f.text)!.fm));

/** Apply a case to its template: the bytes and path segments of the mutated file. */
function render(c: Case, serial: number): SourceFile {
  const t = base[c.template]!;
  let segments = t.path.split('/');
  // Distinct file names in the batch, so most mutated files do not just duplicate a template's ID.
  const last = segments[segments.length - 1]!;
  segments = [...segments.slice(0, -1), last.replace(/\.md$/, `-fz${serial}.md`)];
  if (c.rename !== null) segments = RENAMES[c.rename]!(segments);

  const order = (m: Mutation) =>
    ['delete', 'wrongType', 'unknownField', 'capitalIds', 'hugeString', 'emptyValue', 'repeatReview'].includes(m.op)
      ? 0
      : m.op === 'bytes'
        ? 2
        : 1;
  const muts = [...c.mutations].sort((a, b) => order(a) - order(b));

  let text = t.text;
  const fieldMuts = muts.filter((m) => order(m) === 0);
  if (fieldMuts.length) {
    const parts = splitFile(text)!;
    const obj = structuredClone(templateFields[c.template]) as Record<string, unknown>;
    for (const m of fieldMuts) {
      const p = pickPath(obj, 'at' in m ? m.at : 0);
      switch (m.op) {
        case 'delete':
          if (p) {
            const parent = parentOf(obj, p);
            if (Array.isArray(parent)) parent.splice(p[p.length - 1] as number, 1);
            else delete parent[p[p.length - 1]!];
          }
          break;
        case 'repeatReview':
          // Every review list gains a copy of its first record: reaches review-consistency, which
          // other mutations reach about once in 9,000 files.
          for (const q of paths(obj))
            if (q[q.length - 1] === 'reviews') {
              const list = parentOf(obj, q)[q[q.length - 1]!];
              if (Array.isArray(list) && list.length) list.push(structuredClone(list[0]));
            }
          break;
        case 'wrongType':
        case 'emptyValue':
          // Cloned: fast-check may hand one value object to several cases, and the file is mutated.
          if (p) parentOf(obj, p)[p[p.length - 1]!] = structuredClone(m.value);
          break;
        case 'unknownField': {
          const maps = [[], ...paths(obj)].filter((q) => {
            const v = q.length ? parentOf(obj, q)[q[q.length - 1]!] : obj;
            return v !== null && typeof v === 'object' && !Array.isArray(v);
          });
          const q = maps[m.at % maps.length]!;
          const target = (q.length ? parentOf(obj, q)[q[q.length - 1]!] : obj) as Record<string, unknown>;
          Object.defineProperty(target, m.key, {
            value: structuredClone(m.value),
            enumerable: true,
            configurable: true,
            writable: true,
          });
          break;
        }
        case 'capitalIds': {
          const up = (s: unknown) =>
            typeof s === 'string'
              ? s.replace(/^./, (ch) => ch.toUpperCase()).replace(/-(.)/, (_x, ch: string) => `_${ch.toUpperCase()}`)
              : s;
          for (const q of paths(obj)) {
            const key = [...q].reverse().find((s) => typeof s === 'string');
            if (typeof key === 'string' && ID_KEYS.has(key)) {
              const parent = parentOf(obj, q);
              parent[q[q.length - 1]!] = up(parent[q[q.length - 1]!]);
            }
          }
          segments = [...segments.slice(0, -1), up(segments[segments.length - 1]!) as string];
          break;
        }
        case 'hugeString': {
          const strings = paths(obj).filter((q) => typeof parentOf(obj, q)[q[q.length - 1]!] === 'string');
          const q = strings.length ? strings[m.at % strings.length]! : ['huge'];
          parentOf(obj, q)[q[q.length - 1]!] = m.char.repeat(Math.ceil(m.length / m.char.length)).slice(0, m.length);
          break;
        }
      }
    }
    text = `---\n${stringify(obj, { lineWidth: 0 })}---\n${parts.body}`;
  }

  for (const m of muts.filter((x) => order(x) === 1)) {
    const lines = text.split('\n');
    const close = lines.indexOf('---', 1);
    const fmLine = () =>
      1 + ((('at' in m ? m.at : 0) as number) % Math.max(1, close > 1 ? close - 1 : lines.length - 1));
    switch (m.op) {
      case 'duplicateLine': {
        const i = fmLine();
        lines.splice(i, 0, lines[i] ?? '');
        text = lines.join('\n');
        break;
      }
      case 'deleteLine':
        lines.splice(fmLine(), 1);
        text = lines.join('\n');
        break;
      case 'tab': {
        const i = fmLine();
        lines[i] = m.indent ? (lines[i] ?? '').replace(/^ */, '\t') : `${lines[i] ?? ''}\t# trailing tab`;
        text = lines.join('\n');
        break;
      }
      case 'crlf': {
        const eol = m.lone ? '\r' : '\r\n';
        if (m.all) text = text.replace(/\n/g, eol);
        else {
          const i = fmLine();
          text = lines.map((l, j) => (j === lines.length - 1 ? l : `${l}${j === i ? eol : '\n'}`)).join('');
        }
        break;
      }
      case 'bom':
        text = `\ufeff${text}`;
        break;
      case 'truncate':
        text = text.slice(0, m.at % (text.length + 1));
        break;
      case 'unclose':
        text = lines.filter((l, i) => !(i > 0 && l === '---')).join('\n');
        break;
      case 'unopen':
        text = lines.slice(1).join('\n');
        break;
      case 'aliases':
        lines.splice(fmLine(), 0, ALIAS_SNIPPETS[m.variant % ALIAS_SNIPPETS.length]!);
        text = lines.join('\n');
        break;
      case 'deepNesting':
        lines.splice(
          1,
          0,
          `deep:${m.flow ? ' ' : '\n'}${m.flow ? '' : '  '}${nest(m.depth, m.flow, m.map).replace(/\n/g, '\n  ')}`,
        );
        text = lines.join('\n');
        break;
      case 'yamlOddity': {
        const snippet = ODDITIES[m.variant % ODDITIES.length]!;
        if (snippet.startsWith('%')) text = `${snippet}\n${text}`;
        else {
          lines.splice(fmLine(), 0, snippet);
          text = lines.join('\n');
        }
        break;
      }
      case 'body':
        text = `${text}\n${BODIES[m.variant % BODIES.length]}\n`;
        break;
      case 'insertText': {
        const i = m.at % (text.length + 1);
        text = text.slice(0, i) + m.text + text.slice(i);
        break;
      }
      case 'empty':
        text = m.whitespace;
        break;
    }
  }

  let bytes = enc.encode(text);
  for (const m of muts.filter((x) => x.op === 'bytes')) {
    if (m.op !== 'bytes') continue;
    const i = m.at % (bytes.length + 1);
    const ins = Uint8Array.from(m.bytes);
    const next = new Uint8Array(m.overwrite ? Math.max(bytes.length, i + ins.length) : bytes.length + ins.length);
    next.set(bytes.subarray(0, i));
    next.set(ins, i);
    next.set(bytes.subarray(m.overwrite ? i + ins.length : i), i + ins.length);
    bytes = next;
  }
  return { path: `content/${segments.join('/')}`, segments, bytes };
}

// ---------------------------------------------------------------------------------------------------
// The property

/** Lines in the file as the check counts them (CRLF and lone CR are line ends too). */
function lineCount(bytes: Uint8Array): number {
  const s = new TextDecoder().decode(bytes);
  return (s.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/** What is wrong with a diagnostic, or undefined when it is located and complete. */
function problem(d: Diagnostic, files: Map<string, number>): string | undefined {
  if (typeof d.file !== 'string' || d.file === '') return 'no file';
  const lines = files.get(d.file);
  if (lines === undefined) return `file ${JSON.stringify(d.file)} is not one of the inputs`;
  if (!Number.isInteger(d.line) || d.line < 1) return `line ${d.line}`;
  if (d.line > lines + 1) return `line ${d.line} is past the end of the file (${lines} lines)`;
  if (!Number.isInteger(d.column) || d.column < 1) return `column ${d.column}`;
  if (typeof d.message !== 'string' || d.message.trim() === '') return 'no message';
  if (typeof d.rule !== 'string' || d.rule === '') return 'no rule';
  if (d.severity !== 'error' && d.severity !== 'warning') return `severity ${String(d.severity)}`;
  return undefined;
}

function show(src: SourceFile): string {
  const text = new TextDecoder().decode(src.bytes);
  return `${src.segments.join('/')} (${src.bytes.length} bytes):\n${text.length > 600 ? `${text.slice(0, 600)}…` : text}`;
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

interface Failure {
  signature: string;
  message: string;
  input: SourceFile;
}

/** Rules that reported something: shows the mutations reach every stage, not only the YAML parser. */
const rulesSeen = new Set<string>();

/** Check one batch; on a failure, narrow it to the single file that causes it. */
function verify(batch: SourceFile[]): Failure | undefined {
  const run = (files: SourceFile[]) => {
    const all = [...baseSources, ...files];
    // Lines per path; renamed files can share a path (then the longest counts).
    const byPath = new Map<string, number>();
    for (const f of all) byPath.set(f.path, Math.max(byPath.get(f.path) ?? 0, lineCount(f.bytes)));
    let result;
    try {
      result = checkSources(all, { today: TODAY });
    } catch (e) {
      const err = e as Error;
      return {
        signature: `throws ${err.name}: ${err.message.split('\n')[0]!.replace(/: .*$/, '')}`,
        message: `check threw ${err.name}: ${err.message}`,
      };
    }
    for (const d of result.diagnostics) {
      rulesSeen.add(d.rule);
      const p = problem(d, byPath);
      if (p)
        return {
          signature: `${d.rule}: ${p.replace(/\d+/g, 'N')}`,
          message: `diagnostic without a proper location (${p}): ${JSON.stringify(d)}`,
        };
    }
    return undefined;
  };
  const failed = run(batch);
  if (!failed) return undefined;
  for (const f of batch) {
    const single = run([f]);
    if (single) return { ...single, input: f };
  }
  // Only in combination with other files: report the batch's first file and say so.
  return { ...failed, message: `${failed.message}\n(only with other files of the batch)`, input: batch[0]! };
}

describe('check never throws and always locates its diagnostics', () => {
  it('the templates are valid', () => {
    const r = checkSources(baseSources, { today: TODAY });
    expect(r.errors).toBe(0);
    expect(new Set(base.map((f) => f.path.split('/')[0]))).toEqual(
      new Set(['characteristics', 'accreditors', 'editions', 'standards', 'initiatives']),
    );
  });

  it(`${FILES_PER_BATCH * BATCHES} mutated files`, { timeout: 300_000 }, () => {
    let files = 0;
    // One example per kind of failure, the smallest seen, so a run reports every distinct problem.
    const failures = new Map<string, Failure>();
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: FILES_PER_BATCH, maxLength: FILES_PER_BATCH }), (cases) => {
        const batch = cases.map((c, i) => render(c, i));
        files += batch.length;
        const f = verify(batch);
        if (f) {
          const have = failures.get(f.signature);
          if (!have || f.input.bytes.length < have.input.bytes.length) failures.set(f.signature, f);
        }
      }),
      { numRuns: BATCHES, seed: SEED },
    );
    if (process.env.CI) expect(files).toBeGreaterThanOrEqual(10_000);
    // Some rules fire about once in thousands of files: only the full sample is held to reach them.
    if (files >= 10_000)
      for (const stage of ['layout', 'file-size', 'encoding', 'syntax', 'schema', 'file-name', 'references'])
        expect(rulesSeen, `no mutated file reached the ${stage} stage`).toContain(stage);
    if (files >= 10_000)
      for (const rule of ['https-urls', 'markdown-html', 'rationale', 'review-consistency', 'unique-ids'])
        expect(rulesSeen, `no mutated file triggered ${rule}`).toContain(rule);
    const report = [...failures.values()].map((f) => `${f.message}\n\ninput ${show(f.input)}`);
    expect(report, `seed ${SEED}: ${failures.size} kind(s) of failure`).toEqual([]);
  });
});
