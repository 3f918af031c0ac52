/**
 * Codes as third-party sheets write them: "Standard 312, Outcome 312.5" is the outcome 312.5 whose
 * parent is 312; "Key Element 11.3" is element 11.3. Near misses are looked for only among the codes of
 * the same edition, so one body's numbering is never offered for another's.
 */
import { STANDARD_LEVELS, type Standard } from '../../../schemas/standard.ts';
import { editDistance } from '../../suggest.ts';

type Level = Standard['level'];

/** Level words a sheet may use, longest first so "key element" wins over "element". */
const LEVEL_WORDS: readonly [RegExp, Level][] = [
  [/^key\s+elements?\b/i, 'element'],
  [/^sub-?competenc(?:y|ies)\b/i, 'sub-competency'],
  [/^focus\s+areas?\b/i, 'focus-area'],
  ...STANDARD_LEVELS.filter((l) => !l.includes('-')).map((l): [RegExp, Level] => [new RegExp(`^${l}s?\\b`, 'i'), l]),
];

export interface ParsedCode {
  code: string;
  parent?: string;
  /** The level the sheet's words give, if any. */
  level?: Level;
}

function segment(text: string): { code: string; level?: Level } | undefined {
  let rest = text.trim();
  let level: Level | undefined;
  for (const [re, l] of LEVEL_WORDS)
    if (re.test(rest)) {
      level = l;
      rest = rest.replace(re, '').trim();
      break;
    }
  rest = rest.replace(/^[:#.\s-]+/, '').trim();
  // Words before the code that name no level we know ("Quality Indicator V-C") are dropped with it.
  const words = rest.split(/\s+/);
  if (words.length > 1 && words.slice(0, -1).every((w) => /^[A-Za-z]{3,}$/.test(w) && !/^[IVXLC]+$/.test(w))) {
    level = undefined;
    rest = words.at(-1)!;
  }
  return rest === '' ? undefined : { code: rest, ...(level && { level }) };
}

/** The most specific code in a cell, its parent and level; undefined for a cell with no code. */
export function parseCode(cell: string): ParsedCode | undefined {
  const parts = cell
    .split(/[,;/>|]|\s+[–—]\s+/)
    .map(segment)
    .filter((p) => p !== undefined);
  const last = parts.at(-1);
  if (!last) return undefined;
  const parent = parts.at(-2)?.code;
  return { code: last.code, ...(parent && { parent }), ...(last.level && { level: last.level }) };
}

/** Codes that are the same when written differently: case, spaces, "." vs "-", leading zeros. */
export const canonicalCode = (code: string) =>
  code
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[-–_]/g, '.')
    .replace(/(^|\.)0+(?=\d)/g, '$1');

/** An existing code of the same edition written differently, or one edit away (a likely typo). */
export function nearCode(code: string, sameEdition: readonly string[]): { code: string; same: boolean } | undefined {
  const c = canonicalCode(code);
  const same = sameEdition.find((x) => canonicalCode(x) === c);
  if (same !== undefined) return { code: same, same: true };
  const near = sameEdition.find((x) => {
    const k = canonicalCode(x);
    // Sibling codes differ in their last number ("11.2" vs "11.3"): those are not typos.
    const stem = (s: string) => s.replace(/\d+$/, '');
    return editDistance(k, c) === 1 && stem(k) !== stem(c);
  });
  return near === undefined ? undefined : { code: near, same: false };
}
