/**
 * How one frontmatter value becomes one spreadsheet cell and back. Every codec round-trips: decoding
 * the encoded text gives back a value equal (after `normalize`) to the one encoded, so an export that
 * nobody edited imports as "no change".
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

/**
 * - `text`: a single value, as is (empty cell = field absent).
 * - `lines`: a list of text, one item per line in the cell.
 * - `ids`: a list of IDs or allowed values, one per line; commas and semicolons also separate items.
 * - `yaml`: a list of entries (sources, review records) written as YAML in the cell.
 * - `number`: a number.
 */
export type Codec = 'text' | 'lines' | 'ids' | 'yaml' | 'number';

/** Excel refuses cells longer than this; export stops rather than cut a value. */
export const MAX_CELL_CHARS = 32_767;

export function encodeCell(codec: Codec, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (codec) {
    case 'text':
    case 'number':
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
    case 'lines':
    case 'ids': {
      if (!Array.isArray(value)) return JSON.stringify(value);
      if (value.length === 0) return '[]';
      const items = value.map(String);
      // An item that would not survive the line split (a newline in it, a leading "[") falls back to JSON.
      if (items.some((s) => s.includes('\n') || s !== s.trim() || s === '' || (codec === 'ids' && /[,;]/.test(s))))
        return JSON.stringify(value);
      if (items[0]!.startsWith('[')) return JSON.stringify(value);
      return items.join('\n');
    }
    case 'yaml':
      if (Array.isArray(value) && value.length === 0) return '[]';
      return stringifyYaml(value, { lineWidth: 0 }).replace(/\n$/, '');
    default:
      return codec satisfies never;
  }
}

export class CellError extends Error {
  readonly expected: string;
  readonly fix: string;
  constructor(message: string, expected: string, fix: string) {
    super(message);
    this.name = 'CellError';
    this.expected = expected;
    this.fix = fix;
  }
}

/** Cell text to a frontmatter value; undefined for an empty cell. Throws CellError on unreadable text. */
export function decodeCell(codec: Codec, raw: string): unknown {
  const text = raw.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return undefined;
  switch (codec) {
    case 'text':
      return text.trim();
    case 'number': {
      const n = Number(text.trim());
      if (!Number.isFinite(n))
        throw new CellError('not a number', 'a number such as 2021', 'type the number without other text');
      return n;
    }
    case 'lines':
    case 'ids': {
      const t = text.trim();
      if (t.startsWith('[')) {
        try {
          const v: unknown = JSON.parse(t);
          if (Array.isArray(v)) return v;
        } catch {
          // fall through to the error below
        }
        throw new CellError(
          'the cell starts with "[" but is not a list in JSON form',
          'one item per line (or a JSON list such as ["a", "b"])',
          'write one item per line, without brackets',
        );
      }
      const parts = codec === 'ids' ? t.split(/[\n,;]+/) : t.split('\n');
      return parts.map((s) => s.trim()).filter((s) => s !== '');
    }
    case 'yaml': {
      try {
        const v: unknown = parseYaml(text, { uniqueKeys: true });
        return v === null ? undefined : v;
      } catch (e) {
        throw new CellError(
          `the entries are not readable YAML: ${(e as Error).message.split('\n')[0]}`,
          'entries written as in the export: "- field: value" lines, indented by two spaces',
          'compare with a fresh export; put text containing ": " in double quotes',
        );
      }
    }
    default:
      return codec satisfies never;
  }
}

/**
 * The form values are compared in: text trimmed with LF line endings, missing and null alike, object
 * keys sorted. Two values that normalize alike are "unchanged".
 */
export function normalize(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').trim();
  if (Array.isArray(value)) return value.map(normalize);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = normalize((value as Record<string, unknown>)[k]);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

/**
 * A short content hash (cyrb53, 53 bits, as hex) of a row's values. Pure JS so the browser can use it
 * too; it only has to tell "this row changed" apart, not resist tampering.
 */
export function rowHash(values: readonly unknown[]): string {
  const s = JSON.stringify(values.map(normalize));
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Spreadsheet column letters: 1 -> A, 27 -> AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Show a value briefly in a message. */
export function brief(value: unknown): string {
  if (value === undefined || value === null) return '(empty)';
  const s = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return s.length > 100 ? `${s.slice(0, 97)}...` : s;
}
