/**
 * Property test of the attack classes of issue 12: lookalike and invisible characters, long cells and
 * words, formula prefixes, and entries the reader does not read (symlinks, dotfiles, FIFOs). The check
 * must never throw, never drop a file in silence, always flag invisible characters, and refuse first
 * whatever the spreadsheet export refuses. 100 batches of 100 files under CI; FUZZ_ATTACK_BATCHES locally.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateCorpus } from '../../bench/generate.ts';
import { checkDir, checkSources } from '../../src/lib/check/index.ts';
import type { SourceFile } from '../../src/lib/content.ts';
import { ExportError, exportTables } from '../../src/lib/spreadsheet/export.ts';
import { INVISIBLE } from '../../src/lib/unicode.ts';

const TODAY = '2026-11-25';
const PER_BATCH = 100;
const BATCHES = Number(process.env.FUZZ_ATTACK_BATCHES ?? (process.env.CI ? 100 : 20));
const DISK_RUNS = Number(process.env.FUZZ_ATTACK_DISK_RUNS ?? (process.env.CI ? 40 : 10));
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const enc = new TextEncoder();

const base = generateCorpus({ bodies: 3, standardsPerBody: 5, characteristics: 6, initiatives: 2, seed: 7 }).files;
const baseSources: SourceFile[] = base.map((f) => ({
  path: `content/${f.path}`,
  segments: f.path.split('/'),
  bytes: enc.encode(f.text),
}));

const LOOKALIKES: Record<string, string[]> = {
  A: ['\u0410', '\u0391', '\uff21'],
  C: ['\u0421', '\uff23'],
  E: ['\u0415', '\u0395'],
  M: ['\u041c', '\u039c'],
  O: ['\u041e', '\u039f', '0'],
  a: ['\u0430', '\u03b1'],
  e: ['\u0435'],
  o: ['\u043e', '\u03bf'],
  '1': ['\uff11', 'l'],
};
const INVISIBLES = [
  '\u202e',
  '\u202d',
  '\u2066',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u0007',
  '\u{e0041}',
];
const FORMULA = ['=', '+', '-', '@', '\t', '\r', '=HYPERLINK("https://x")&', '@SUM(1)', '=1+1'];

type Attack =
  | { op: 'lookalike'; at: number; pick: number }
  | { op: 'invisible'; at: number; char: number; offset: number }
  | { op: 'formula'; at: number; prefix: number }
  | { op: 'longCell'; at: number; items: number; word: boolean }
  | { op: 'longBody'; length: number; word: boolean };

const attackArb: fc.Arbitrary<Attack> = fc.oneof(
  fc.record({ op: fc.constant('lookalike' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ op: fc.constant('invisible' as const), at: fc.nat(), char: fc.nat(), offset: fc.nat() }),
  fc.record({ op: fc.constant('formula' as const), at: fc.nat(), prefix: fc.nat() }),
  fc.record({
    op: fc.constant('longCell' as const),
    at: fc.nat(),
    items: fc.integer({ min: 1, max: 12 }),
    word: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('longBody' as const),
    length: fc.integer({ min: 150, max: 40_000 }),
    word: fc.boolean(),
  }),
);
const unreadArb = fc.constantFrom<SourceFile['unread']>(
  { reason: 'symlink', target: '../elsewhere' },
  { reason: 'hidden', folder: true },
  { reason: 'hidden', folder: false },
  { reason: 'special', type: 'a named pipe (FIFO)' },
  { reason: 'readme' },
);
const caseArb = fc.record({
  template: fc.nat({ max: base.length - 1 }),
  attacks: fc.array(attackArb, { minLength: 1, maxLength: 3 }),
  unread: fc.option(unreadArb, { nil: undefined, freq: 10 }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** Paths to every string in the frontmatter. */
function stringPaths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (typeof v === 'string') out.push(prefix);
  else if (Array.isArray(v)) v.forEach((x, i) => stringPaths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stringPaths(x, [...prefix, k], out);
  return out;
}
function setAt(obj: unknown, path: (string | number)[], f: (s: string) => unknown) {
  let node = obj as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  node[last] = f(node[last] as string);
}
const words = (n: number, word: boolean) =>
  word
    ? 'w'.repeat(n)
    : 'word '
        .repeat(Math.ceil(n / 5))
        .slice(0, n)
        .trim() || 'w';

function render(c: Case, serial: number): SourceFile {
  const t = base[c.template]!;
  const segments = t.path.replace(/\.md$/, `-at${serial}.md`).split('/');
  const [, fm, body0] = /^---\n([\s\S]*?)\n?---\n?([\s\S]*)$/.exec(t.text)!;
  const obj = parse(fm!) as Record<string, unknown>;
  let body = body0!;
  for (const a of c.attacks) {
    const paths = stringPaths(obj);
    const p = paths.length ? paths[('at' in a ? a.at : 0) % paths.length]! : undefined;
    switch (a.op) {
      case 'lookalike':
        if (p)
          setAt(obj, p, (s) => {
            const keys = [...s].map((ch, i) => [ch, i] as const).filter(([ch]) => LOOKALIKES[ch]);
            if (!keys.length) return s;
            const [ch, i] = keys[a.pick % keys.length]!;
            const alts = LOOKALIKES[ch]!;
            return [...s].map((x, j) => (j === i ? alts[a.pick % alts.length]! : x)).join('');
          });
        break;
      case 'invisible': {
        const ch = INVISIBLES[a.char % INVISIBLES.length]!;
        if (p && a.offset % 3)
          setAt(obj, p, (s) => s.slice(0, a.offset % (s.length + 1)) + ch + s.slice(a.offset % (s.length + 1)));
        else body = body.slice(0, a.offset % (body.length + 1)) + ch + body.slice(a.offset % (body.length + 1));
        break;
      }
      case 'formula':
        if (p) setAt(obj, p, (s) => FORMULA[a.prefix % FORMULA.length]! + s);
        break;
      case 'longCell':
        if (p) setAt(obj, p, () => Array.from({ length: a.items }, () => words(4_000, a.word)));
        break;
      case 'longBody':
        body = `${body}\n${words(a.length, a.word)}\n`;
        break;
    }
  }
  const text = `---\n${stringify(obj, { lineWidth: 0 })}---\n${body}`;
  return {
    path: `content/${segments.join('/')}`,
    segments,
    bytes: enc.encode(text),
    ...(c.unread && { unread: c.unread }),
  };
}

/** Whether any key or string value holds an invisible character. */
function hasInvisible(v: unknown): boolean {
  if (typeof v === 'string') return INVISIBLE.test(v);
  if (Array.isArray(v)) return v.some(hasInvisible);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => INVISIBLE.test(k) || hasInvisible(x));
  return false;
}

function verify(batch: SourceFile[]): string | undefined {
  let r;
  try {
    r = checkSources([...baseSources, ...batch], { today: TODAY });
  } catch (e) {
    return `check threw ${(e as Error).stack}`;
  }
  const parsed = new Set(r.content.files.map((f) => f.path));
  const named = new Map<string, Set<string>>();
  for (const d of r.diagnostics) {
    if (!Number.isInteger(d.line) || d.line < 1 || !d.message) return `unlocated diagnostic ${JSON.stringify(d)}`;
    named.set(d.file, (named.get(d.file) ?? new Set()).add(d.rule));
  }
  for (const s of batch) {
    if (!parsed.has(s.path) && !named.has(s.path)) return `${s.path} dropped in silence`;
    const file = r.content.files.find((f) => f.path === s.path);
    const hidden = file && (INVISIBLE.test(file.body) || hasInvisible(file.data));
    if (hidden && !named.get(s.path)?.has('invisible-characters')) return `${s.path}: invisible character not flagged`;
  }
  try {
    exportTables(r.content);
  } catch (e) {
    if (!(e instanceof ExportError)) return `export threw ${(e as Error).stack}`;
    const path = e.message.split(': ')[0]!;
    if (!r.diagnostics.some((d) => d.file === path && d.severity === 'error'))
      return `export refused ${path}, which the check passed: ${e.message}`;
  }
  return undefined;
}

describe('attack classes', () => {
  it(
    `${PER_BATCH * BATCHES} attacked files: no crash, no silent drop, invisible characters flagged, export refusals caught first`,
    { timeout: 600_000 },
    () => {
      let files = 0;
      const failures: string[] = [];
      fc.assert(
        fc.property(fc.array(caseArb, { minLength: PER_BATCH, maxLength: PER_BATCH }), (cases) => {
          const batch = cases.map((c, i) => render(c, i));
          files += batch.length;
          const f = verify(batch);
          if (f && failures.length < 5) failures.push(f);
        }),
        { numRuns: BATCHES, seed: SEED },
      );
      if (process.env.CI) expect(files).toBeGreaterThanOrEqual(10_000);
      expect(failures, `seed ${SEED}`).toEqual([]);
    },
  );

  it(
    `${DISK_RUNS} content folders with symlinks, dotfiles, FIFOs and READMEs: every entry is read or reported`,
    { timeout: 300_000 },
    () => {
      const kinds = ['file', 'linkFile', 'linkFolder', 'dangling', 'dotFile', 'dotFolder', 'fifo', 'readme'] as const;
      fc.assert(
        fc.property(
          fc.array(fc.record({ kind: fc.constantFrom(...kinds), template: fc.nat({ max: base.length - 1 }) }), {
            minLength: 1,
            maxLength: 12,
          }),
          (entries) => {
            const root = mkdtempSync(join(tmpdir(), 'fuzz-disk-'));
            try {
              const content = join(root, 'content');
              for (const f of base) {
                mkdirSync(join(content, f.path, '..'), { recursive: true });
                writeFileSync(join(content, f.path), f.text);
              }
              entries.forEach((e, i) => {
                const t = base[e.template]!;
                const dir = join(content, t.path, '..');
                const at = (name: string) => join(dir, name);
                if (e.kind === 'file') writeFileSync(at(`x${i}.md`), t.text);
                else if (e.kind === 'linkFile') symlinkSync(join(content, t.path), at(`l${i}.md`));
                else if (e.kind === 'linkFolder') symlinkSync(dir, join(content, 'standards', `lf${i}`));
                else if (e.kind === 'dangling') symlinkSync(at('nowhere'), at(`d${i}.md`));
                else if (e.kind === 'dotFile') writeFileSync(at(`.h${i}.md`), t.text);
                else if (e.kind === 'dotFolder') mkdirSync(at(`.hf${i}`));
                else if (e.kind === 'fifo') execFileSync('mkfifo', [at(`p${i}.md`)]);
                else writeFileSync(at('README.md'), 'notes');
              });
              const r = checkDir(content, { today: TODAY });
              const seen = new Set([...r.content.files.map((f) => f.path), ...r.diagnostics.map((d) => d.file)]);
              const walk = (dir: string) => {
                for (const name of readdirSync(dir)) {
                  const abs = join(dir, name);
                  const st = lstatSync(abs);
                  const shown = relative(process.cwd(), abs) + (st.isDirectory() && name.startsWith('.') ? '/' : '');
                  if (dir === content && (name === 'README.md' || name === 'exceptions.yaml')) continue;
                  if (st.isDirectory() && !name.startsWith('.')) walk(abs);
                  else expect(seen, `${shown} was dropped in silence`).toContain(shown);
                }
              };
              walk(content);
            } finally {
              rmSync(root, { recursive: true, force: true });
            }
          },
        ),
        { numRuns: DISK_RUNS, seed: SEED },
      );
    },
  );
});
