/**
 * `JSON.stringify(value, null, 2)` in pieces, so a 100 MB download (the all-bodies JSON report, the
 * data export) is written without ever holding the whole text, or its bytes, in memory. The pieces
 * joined are exactly the one string (tests/unit/json-chunks.test.ts): the outer `levels` of lists and
 * objects are written here, everything below them by JSON.stringify itself, indented to its depth.
 */
import { gather } from './text-pieces.ts';

/** A JSON file's text: the value indented by two spaces, and a final newline (the chunks' text, plus it). */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** What JSON.stringify leaves out of an object and writes as null in a list. */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Containers written here; anything with toJSON (a Date) or another prototype goes to JSON.stringify whole. */
function isContainer(v: unknown): v is unknown[] | Record<string, unknown> {
  if (Array.isArray(v)) return true;
  if (typeof v !== 'object' || v === null || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function* pieces(value: unknown, pad: string, levels: number): Generator<string> {
  if (levels === 0 || !isContainer(value)) {
    const text = JSON.stringify(value, null, 2);
    // A nested value starts at the margin: indent its lines to where it stands (strings hold no raw newline).
    yield pad === '' ? text : text.replaceAll('\n', `\n${pad}`);
    return;
  }
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      if (skipped(value[i])) yield 'null';
      else yield* pieces(value[i], inner, levels - 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    return yield `${pad}]`;
  }
  const keys = Object.keys(value).filter((k) => !skipped(value[k]));
  if (keys.length === 0) return yield '{}';
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    yield `${inner}${JSON.stringify(keys[i])}: `;
    yield* pieces(value[keys[i]!], inner, levels - 1);
    yield i < keys.length - 1 ? ',\n' : '\n';
  }
  yield `${pad}}`;
}

/**
 * The text of `JSON.stringify(value, null, 2)` as pieces of about `size` characters (a value whose
 * own text is longer comes as one piece). For a JSON value with a top-level list or object.
 */
export function jsonChunks(value: unknown, options: { levels?: number; size?: number } = {}): Generator<string> {
  return gather(pieces(value, '', options.levels ?? 3), options.size);
}
