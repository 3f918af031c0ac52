/**
 * The PDF renderer's style lookups (src/lib/report/pdf-styles.ts) answer exactly as pdfmake's own
 * StyleContextStack does, on generated style dictionaries, stacks and items: named styles that extend
 * others (in cycles too), style lists, override objects, section nodes, string items, missing and
 * falsy values, no default style.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getProperty, getStyleProperty, rememberLookups, type StyleStack } from '../../src/lib/report/pdf-styles.ts';

interface PdfmakeStack extends StyleStack {
  getProperty(property: string): unknown;
  push(entry: unknown): void;
  pop(howMany?: number): void;
  auto(item: unknown, callback: () => unknown): unknown;
  clone(): PdfmakeStack;
}
interface PdfmakeStackClass {
  new (dictionary: object, defaultStyle?: object | null): PdfmakeStack;
  getStyleProperty(item: unknown, stack: unknown, property: string, defaultValue: unknown): unknown;
}

/** pdfmake's class as shipped, loaded afresh: the renderer may have replaced the methods of the cached one. */
function pristineStack(): PdfmakeStackClass {
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake/package.json'));
  const path = fromPdfmake.resolve('./js/StyleContextStack.js');
  delete fromPdfmake.cache[path];
  const Stack = (fromPdfmake(path) as { default: PdfmakeStackClass }).default;
  delete fromPdfmake.cache[path];
  return Stack;
}
const Stack = pristineStack();

const NAMES = ['title', 'small', 'muted', 'cell', 'constructor'];
const PROPS = ['font', 'bold', 'fontSize', 'color', 'margin'];
const value = fc.constantFrom(undefined, null, 0, false, '', 'x', 12, true);
const props = fc.dictionary(fc.constantFrom(...PROPS), value, { maxKeys: 3 });
const style = fc.record(
  {
    props,
    extends: fc.oneof(fc.constantFrom(...NAMES), fc.array(fc.constantFrom(...NAMES, 'absent'), { maxLength: 3 })),
  },
  { requiredKeys: ['props'] },
);
const dictionary = fc
  .dictionary(fc.constantFrom(...NAMES.slice(0, 4)), style, { maxKeys: 4 })
  .map((d) =>
    Object.fromEntries(
      Object.entries(d).map(([k, s]) => [k, { ...s.props, ...(s.extends !== undefined && { extends: s.extends }) }]),
    ),
  );
const entry = fc.oneof(fc.constantFrom(...NAMES, 'absent'), props);
const item = fc.oneof(
  fc.constantFrom('plain text'),
  fc.record(
    {
      props,
      style: fc.oneof(fc.constantFrom(...NAMES, 'absent'), fc.array(entry, { maxLength: 3 }), props),
      section: fc.constant({}),
    },
    { requiredKeys: ['props'] },
  ),
);
const stackCase = fc.record({
  dictionary,
  defaultStyle: fc.oneof(fc.constant(undefined), fc.constant(null), props),
  overrides: fc.array(entry, { maxLength: 5 }),
  item,
});

type Case = typeof stackCase extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): PdfmakeStack {
  const stack = c.defaultStyle === undefined ? new Stack(c.dictionary) : new Stack(c.dictionary, c.defaultStyle);
  for (const e of c.overrides) stack.styleOverrides.push(e);
  return stack;
}
function itemOf(c: Case): Record<string, unknown> {
  if (typeof c.item === 'string') return c.item as unknown as Record<string, unknown>;
  const { props: own, style, section } = c.item;
  return { ...own, ...(style !== undefined && { style }), ...(section !== undefined && { section }), text: 'x' };
}

describe('PDF style lookups', () => {
  it('give what pdfmake gives, for every property, on generated stacks', () => {
    fc.assert(
      fc.property(stackCase, (c) => {
        const stack = build(c);
        const it = itemOf(c);
        const before = [...stack.styleOverrides];
        for (const p of [...PROPS, 'extends', 'absent']) {
          expect(getProperty(stack, p)).toStrictEqual(stack.getProperty(p));
          expect(getStyleProperty(it, stack, p, 'default')).toStrictEqual(
            Stack.getStyleProperty(it, stack, p, 'default'),
          );
          expect(getStyleProperty(it, undefined, p, 'default')).toStrictEqual(
            Stack.getStyleProperty(it, undefined, p, 'default'),
          );
        }
        // Neither leaves anything on the stack.
        expect(stack.styleOverrides).toEqual(before);
      }),
      { numRuns: 3000, seed: 20261205 },
    );
  });

  it('follow extends in cycles without looping, as pdfmake does', () => {
    const stack = new Stack({ a: { extends: 'b' }, b: { extends: ['a', 'c'] }, c: { color: 'red' } });
    stack.styleOverrides.push('a');
    expect(getProperty(stack, 'color')).toBe('red');
    expect(getProperty(stack, 'bold')).toBeUndefined();
    expect(stack.getProperty('bold')).toBeUndefined();
    // The style the walk started from counts as seen: coming back to it does not reach its other parents first.
    const loop = new Stack({
      a: { extends: ['c', 'b'] },
      b: { extends: ['d', 'a'] },
      c: { color: 'c' },
      d: { color: 'd' },
    });
    loop.styleOverrides.push('a');
    expect(loop.getProperty('color')).toBe('d');
    expect(getProperty(loop, 'color')).toBe('d');
  });

  it('read a later style in an item’s list before an earlier one, and the item’s own value first', () => {
    const stack = new Stack({ big: { fontSize: 20 }, small: { fontSize: 8 } }, { fontSize: 10 });
    expect(getStyleProperty({ style: ['big', 'small'] }, stack, 'fontSize', 12)).toBe(8);
    expect(getStyleProperty({ style: ['small', 'big'] }, stack, 'fontSize', 12)).toBe(20);
    expect(getStyleProperty({ style: 'big', fontSize: 9 }, stack, 'fontSize', 12)).toBe(9);
    expect(getStyleProperty({}, stack, 'fontSize', 12)).toBe(10);
    // A section node's styles are not pushed by pdfmake, so they are not read.
    expect(getStyleProperty({ section: {}, style: 'big' }, stack, 'fontSize', 12)).toBe(10);
  });
});

/** pdfmake's class with its lookups remembered between pushes and pops, as the renderer installs it. */
function trackedStack(): PdfmakeStackClass {
  const Tracked = pristineStack();
  rememberLookups(Tracked.prototype as unknown as Parameters<typeof rememberLookups>[0]);
  return Tracked;
}

/** What pdfmake's modules do to a stack: push and pop, auto around a node, clone, and ask. */
const op = fc.oneof(
  fc.record({ push: entry }),
  fc.record({ pop: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }),
  fc.record({ auto: item, ask: fc.constantFrom(...PROPS, 'absent') }),
  fc.record({ clone: fc.constant(true) }),
  fc.record({ get: fc.constantFrom(...PROPS, 'absent') }),
  fc.record({ getStyle: fc.constantFrom(...PROPS, 'absent'), of: item }),
);
const sequence = fc.record({
  dictionary,
  defaultStyle: fc.oneof(fc.constant(undefined), props),
  ops: fc.array(op, { maxLength: 40 }),
});

describe('PDF style lookups, remembered between changes of the stack', () => {
  it('answer as pdfmake does after every push, pop, auto and clone of a generated sequence', () => {
    const Tracked = trackedStack();
    const itemFor = (i: Case['item']) => itemOf({ item: i } as Case);
    fc.assert(
      fc.property(sequence, (s) => {
        const make = (C: PdfmakeStackClass) =>
          s.defaultStyle === undefined ? new C(s.dictionary) : new C(s.dictionary, s.defaultStyle);
        let plain = make(Stack);
        let tracked = make(Tracked);
        for (const o of s.ops) {
          if ('push' in o) {
            plain.push(o.push);
            tracked.push(o.push);
          } else if ('pop' in o) {
            plain.pop(o.pop);
            tracked.pop(o.pop);
          } else if ('auto' in o) {
            const node = itemFor(o.auto);
            const a = plain.auto(node, () => plain.getProperty(o.ask));
            const b = tracked.auto(node, () => tracked.getProperty(o.ask));
            expect(b).toStrictEqual(a);
          } else if ('clone' in o) {
            plain = plain.clone();
            tracked = tracked.clone();
          } else if ('get' in o) {
            expect(tracked.getProperty(o.get)).toStrictEqual(plain.getProperty(o.get));
          } else {
            const node = itemFor(o.of);
            expect(getStyleProperty(node, tracked, o.getStyle, 'default')).toStrictEqual(
              Stack.getStyleProperty(node, plain, o.getStyle, 'default'),
            );
          }
          expect(tracked.styleOverrides).toEqual(plain.styleOverrides);
        }
        for (const p of [...PROPS, 'absent']) expect(tracked.getProperty(p)).toStrictEqual(plain.getProperty(p));
      }),
      { numRuns: 2000, seed: 20261205 },
    );
  });

  it('forget what was found when the stack changes', () => {
    const Tracked = trackedStack();
    const stack = new Tracked({ big: { fontSize: 20 } }, { fontSize: 10 });
    expect(stack.getProperty('fontSize')).toBe(10);
    stack.push('big');
    expect(stack.getProperty('fontSize')).toBe(20);
    expect(getStyleProperty({}, stack, 'fontSize', 12)).toBe(20);
    stack.push({ fontSize: 7 });
    expect(getStyleProperty({}, stack, 'fontSize', 12)).toBe(7);
    stack.pop(2);
    expect(stack.getProperty('fontSize')).toBe(10);
    expect(stack.getProperty('color')).toBeUndefined();
    stack.push({ color: 'red' });
    expect(stack.getProperty('color')).toBe('red');
  });
});
