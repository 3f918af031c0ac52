/**
 * The fast path for valid content gives zod's output exactly, and says "ask zod" for everything else:
 * held to zod on the real content, the fixtures, the bench corpus and generated mutations of them.
 */
import { z } from 'astro/zod';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { loadFiles, type SourceFile } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { compileFastParse, NOT_FAST } from '../../src/lib/zod-fast.ts';
import { SCHEMAS, stubSchema, type EntityKind } from '../../src/schemas/index.ts';
import { FIXTURES } from '../helpers.ts';

const enc = new TextEncoder();
const FAST = Object.fromEntries(
  Object.entries(SCHEMAS).map(([k, s]) => [k, compileFastParse(s as z.ZodType)]),
) as Record<EntityKind, (v: unknown) => unknown>;

/** Every file's raw frontmatter data, with its kind, as the loader sees it before validation. */
function rawData(sources: readonly SourceFile[]): { kind: EntityKind; path: string; data: unknown }[] {
  const content = loadFiles(sources);
  return content.files
    .filter((f) => f.kind !== undefined && !('replacedBy' in f.data))
    .map((f) => ({ kind: f.kind!, path: f.path, data: f.data }));
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** The property: fast says NOT_FAST or exactly zod's output (values and key order); valid input stays fast. */
function agrees(schema: z.ZodType, fast: (v: unknown) => unknown, input: unknown): void {
  const zod = schema.safeParse(input);
  const got = fast(deepFreeze(input)); // frozen: the fast path must not change its input
  if (zod.success) {
    expect(got, 'valid input left the fast path').not.toBe(NOT_FAST);
    expect(JSON.stringify(got)).toBe(JSON.stringify(zod.data));
    expect(got).toStrictEqual(zod.data);
  } else {
    expect(got, `zod refused it: ${zod.error.issues[0]?.message}`).toBe(NOT_FAST);
  }
}

const corpus = generateCorpus({ bodies: 4, standardsPerBody: 25, characteristics: 12, initiatives: 3 }).files.map(
  (f): SourceFile => ({ path: `content/${f.path}`, segments: f.path.split('/'), bytes: enc.encode(f.text) }),
);
const samples = [...rawData(readContentDir('content')), ...rawData(readContentDir(FIXTURES)), ...rawData(corpus)];

describe('zod fast path', () => {
  it('gives zod’s output for every real, fixture and bench content file', () => {
    const kinds = new Set(samples.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(Object.keys(SCHEMAS).sort());
    expect(samples.length).toBeGreaterThan(400);
    for (const s of samples) agrees(SCHEMAS[s.kind] as z.ZodType, FAST[s.kind], structuredClone(s.data));
  });

  it('trims, fills defaults and orders keys as zod does, on a copy', () => {
    const standard = samples.find(
      (s) => s.kind === 'standard' && Array.isArray((s.data as { mappings?: unknown }).mappings),
    )!;
    const canonical = SCHEMAS.standard.parse(structuredClone(standard.data));
    const same = FAST.standard(canonical);
    expect(same).not.toBe(canonical);
    expect(same).toStrictEqual(canonical);
    const padded = { ...canonical, code: ` ${canonical.code} ` };
    expect((FAST.standard(padded) as typeof canonical).code).toBe(canonical.code);
    expect(padded.code).toBe(` ${canonical.code} `);
    const { mappings: _omitted, ...noMappings } = canonical;
    expect(FAST.standard(noMappings)).toStrictEqual({ ...noMappings, mappings: [] });
    const reordered = Object.fromEntries(Object.entries(canonical).reverse());
    expect(Object.keys(FAST.standard(reordered) as object)).toEqual(Object.keys(canonical));
  });

  /** Values a mutation puts in place of a field: wrong types, edge strings, near-miss formats. */
  const junk = fc.oneof(
    fc.constantFrom(
      '',
      '   ',
      ' padded ',
      'x'.repeat(5000),
      '2025-02-30',
      '2025-13-01',
      '2024-02-29',
      '2025',
      'http://example.org/x',
      'https://example.org/x',
      'not a url',
      'explicit',
      'implicit',
      'verified',
      'guidance',
      'Upper-Case',
      'lower-kebab',
      'a--b',
      null,
      true,
      0,
      1899,
      1950,
      2.5,
      [],
      ['a'],
      {},
      { extra: 1 },
    ),
    fc.string({ maxLength: 12 }),
  );
  const keysOf = (v: unknown): string[] => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);

  /** One mutation somewhere in the tree: set, delete or add a key, or swap a list item. */
  function mutate(data: unknown, path: number[], op: number, value: unknown, name: string): unknown {
    const copy = structuredClone(data) as Record<string, unknown>;
    let node: unknown = copy;
    for (const step of path) {
      const keys = Array.isArray(node) ? [...node.keys()].map(String) : keysOf(node);
      if (keys.length === 0) break;
      const next = (node as Record<string, unknown>)[keys[step % keys.length]!];
      if (!next || typeof next !== 'object') break;
      node = next;
    }
    const target = node as Record<string, unknown>;
    const keys = Array.isArray(target) ? [...target.keys()].map(String) : Object.keys(target);
    const key = keys.length ? keys[op % keys.length]! : name;
    if (op % 4 === 0 && !Array.isArray(target)) delete target[key];
    else if (op % 4 === 1 && !Array.isArray(target)) target[name] = value;
    else target[key] = value;
    return copy;
  }

  it('agrees with zod on generated mutations of real content (valid or not)', () => {
    const bodies = samples.filter((_, i) => i % 3 === 0);
    fc.assert(
      fc.property(
        fc.nat(bodies.length - 1),
        fc.array(fc.nat(20), { maxLength: 4 }),
        fc.nat(40),
        junk,
        fc.constantFrom('code', 'title', 'mappings', 'reviews', 'note', 'extra', 'quote', 'unknownField'),
        (i, path, op, value, name) => {
          const s = bodies[i]!;
          agrees(SCHEMAS[s.kind] as z.ZodType, FAST[s.kind], mutate(s.data, path, op, value, name));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves constructs it does not know to zod', () => {
    const schema = z.strictObject({
      a: z.union([z.string(), z.number()]),
      b: z.string().email().optional(),
      c: z.array(z.string()).max(2).optional(),
      d: z.string().trim().toLowerCase(),
    });
    const fast = compileFastParse(schema);
    for (const input of [
      { a: 'x', d: ' Q ' },
      { a: 1, b: 'a@example.org', c: ['x'], d: 'q' },
      { a: 1, b: 'nope', d: 'q' },
      { a: 1, c: ['x', 'y', 'z'], d: 'q' },
      { a: true, d: 'q' },
      { a: 1, d: 'q', e: 1 },
    ])
      agrees(schema, fast, input);
    // Stubs and a plain (stripping) object as well.
    agrees(stubSchema, compileFastParse(stubSchema), { replacedBy: 'new-id', reason: ' moved ' });
    const loose = z.object({ a: z.string() });
    agrees(loose, compileFastParse(loose), { a: 'x', b: 1 });
  });
});
