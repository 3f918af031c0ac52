/**
 * pdfmake's style lookups without their allocations. pdfmake asks for some twenty style properties of
 * every run of text (font, size, colour, decoration, …), and each ask pushes the run's styles onto the
 * style stack, builds a closure and a `Set` to walk it, and pops them again: about a sixth of a report
 * PDF's time in a sampling profile; reading in place saves about 5% of the render CPU (bench/README.md).
 * These two functions return exactly what pdfmake 0.3's `StyleContextStack.getProperty` and
 * `StyleContextStack.getStyleProperty` return, in the same order of precedence, without pushing,
 * closures or a `Set` unless a named style `extends` another
 * (tests/unit/pdf-styles.test.ts holds them to pdfmake's own over generated stacks). pdf.ts installs
 * them on pdfmake's class in Node; the browser build keeps its own.
 */

/** The parts of pdfmake's StyleContextStack the lookups read. */
export interface StyleStack {
  styleDictionary: Record<string, Record<string, unknown> | undefined>;
  defaultStyle?: Record<string, unknown> | null;
  styleOverrides: unknown[];
}

const isValue = (v: unknown) => v !== undefined && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string' || v instanceof String;

/** A named style's value of `property`, following `extends` (last parent first), each style at most once. */
function fromStyle(stack: StyleStack, name: string, property: string, visited: Set<string> | undefined): unknown {
  if (visited) {
    if (visited.has(name)) return undefined;
    visited.add(name);
  }
  const style = stack.styleDictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    // pdfmake's walk tracks the styles it has seen from the first one on; only a chain needs it.
    const seen = visited ?? new Set([name]);
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = fromStyle(stack, parents[i] as string, property, seen);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

/** One entry of the stack: a style name, or an object of overrides. */
function fromEntry(stack: StyleStack, entry: unknown, property: string): unknown {
  if (isString(entry)) return fromStyle(stack, entry as string, property, undefined);
  return (entry as Record<string, unknown>)[property];
}

/** The first value of `property` in `entries` read from the last (the top of a stack) down. */
function fromTop(stack: StyleStack, entries: readonly unknown[], property: string): unknown {
  for (let i = entries.length - 1; i >= 0; i--) {
    const value = fromEntry(stack, entries[i], property);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** `StyleContextStack.prototype.getProperty`: the stack from its top, then the default style. */
export function getProperty(stack: StyleStack, property: string): unknown {
  const value = stack.styleOverrides ? fromTop(stack, stack.styleOverrides, property) : undefined;
  return isValue(value) ? value : stack.defaultStyle && stack.defaultStyle[property];
}

/** Marks a stack class whose push and pop forget what its lookups found (rememberLookups). */
const TRACKED = Symbol('pdf-styles: lookups remembered');
/** What a stack's lookups found since its last push or pop, by property (UNSET for undefined). */
const MEMO = Symbol('pdf-styles: found');
const UNSET = Symbol('pdf-styles: undefined');

interface Tracked extends StyleStack {
  [TRACKED]?: true;
  [MEMO]?: Map<string, unknown> | undefined;
}

/** `getProperty`, remembered on a tracked stack until its next push or pop. */
function stackValue(stack: Tracked, property: string): unknown {
  if (!stack[TRACKED]) return getProperty(stack, property);
  let memo = stack[MEMO];
  if (!memo) stack[MEMO] = memo = new Map();
  const found = memo.get(property);
  if (found !== undefined) return found === UNSET ? undefined : found;
  const value = getProperty(stack, property);
  memo.set(property, value === undefined ? UNSET : value);
  return value;
}

/**
 * Makes a StyleContextStack class remember its lookups between changes. pdfmake asks the same stack
 * for the same twenty-odd properties once per word (the words of one text share one stack), so the
 * stack is walked once per property and text instead of once per word. The stack changes only through
 * `push` and `pop` (autopush, auto and clone use them), which now forget what was found. pdfmake does
 * write properties onto nodes that sit on the stack, but only the value the stack itself gives for that
 * property (`node.font = stack.getProperty('font')`), which leaves every lookup's answer unchanged.
 */
export function rememberLookups(proto: {
  push: (...args: unknown[]) => unknown;
  pop: (...args: unknown[]) => unknown;
  getProperty?: unknown;
}): void {
  const { push, pop } = proto;
  (proto as { [TRACKED]?: true })[TRACKED] = true;
  proto.push = function (this: Tracked, ...args: unknown[]) {
    this[MEMO] = undefined;
    return push.apply(this, args);
  };
  proto.pop = function (this: Tracked, ...args: unknown[]) {
    this[MEMO] = undefined;
    return pop.apply(this, args);
  };
  proto.getProperty = function (this: Tracked, property: string) {
    return stackValue(this, property);
  };
}

/**
 * `StyleContextStack.getStyleProperty`: the item's own value; else what the stack would say with the
 * item's styles and the item itself pushed on top (as pdfmake's `autopush` does), read in place.
 */
export function getStyleProperty(
  item: Record<string, unknown>,
  stack: StyleStack | null | undefined,
  property: string,
  defaultValue: unknown,
): unknown {
  if (isValue(item[property])) return item[property];
  if (!stack) return defaultValue;
  // autopush leaves a string item and a section node off the stack.
  if (!isString(item) && typeof item.section === 'undefined') {
    // The item itself sits on top, but its own value was read above and was not a value.
    const styles = item.style;
    if (styles) {
      const value = Array.isArray(styles) ? fromTop(stack, styles, property) : fromEntry(stack, styles, property);
      if (isValue(value)) return value;
    }
  }
  const value = stackValue(stack, property);
  return isValue(value) ? value : defaultValue;
}
