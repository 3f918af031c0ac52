/**
 * The PDF renderer's style lookups (src/lib/report/pdf-styles.ts) answer exactly as pdfmake's own
 * StyleContextStack does, on generated style dictionaries, stacks and items: named styles that extend
 * others (in cycles too), style lists, override objects, section nodes, string items, missing and
 * falsy values, no default style.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getProperty, getStyleProperty, type StyleStack } from '../../src/lib/report/pdf-styles.ts';

interface PdfmakeStack extends StyleStack {
  getProperty(property: string): unknown;
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
