/**
 * Characters that deceive: invisible ones and bidi controls (text that reads differently from how it
 * is stored), letters of one script posing as another's, and a confusable skeleton for comparing labels.
 */

/**
 * Bidi controls, zero-width and other invisible characters, C0/C1 controls other than tab and line
 * feed, BOMs, variation selectors and tag characters (which can hide ASCII text).
 */
/* eslint-disable no-control-regex, no-misleading-character-class -- matching these characters is the point */
export const INVISIBLE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/u;

/**
 * The same set without the `u` flag (astral tag and selector characters by their high surrogate):
 * several times faster, so it screens whole files before any exact search.
 */
export const MAYBE_INVISIBLE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB\uDB40]/;

/** Every match, for replacing. */
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/* eslint-enable no-control-regex, no-misleading-character-class */

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
};

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** "U+202E RIGHT-TO-LEFT OVERRIDE (a bidi control)" for a message. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind = BIDI.test(ch)
    ? 'a bidi control'
    : cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)
      ? 'a control character'
      : 'an invisible character';
  return `${hex}${NAMES[cp] ? ` ${NAMES[cp]}` : ''} (${kind})`;
}

/** `s` with every invisible character shown as `<U+XXXX>`, for messages. */
export function visible(s: string): string {
  return s.replace(INVISIBLE_ALL, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** The first invisible character in `s` and its index, or undefined. */
export function findInvisible(s: string): { index: number; char: string } | undefined {
  const m = INVISIBLE.exec(s);
  return m ? { index: m.index, char: m[0] } : undefined;
}

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];
const LETTER = /\p{L}/u;
const ASCII_PRINTABLE = /^[ -~]*$/;

/** Scripts of the letters in `s` (Latin, Cyrillic, Greek, …; "Other" for any further script). */
function scriptsOf(s: string): Set<string> {
  const out = new Set<string>();
  if (ASCII_PRINTABLE.test(s)) {
    if (/[A-Za-z]/.test(s)) out.add('Latin');
    return out;
  }
  for (const ch of s) {
    if (!LETTER.test(ch)) continue;
    out.add(SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'Other');
  }
  return out;
}

/** The first word (run of letters and marks) whose letters come from more than one script. */
export function mixedScriptWord(s: string): { word: string; scripts: string[] } | undefined {
  if (ASCII_PRINTABLE.test(s)) return undefined;
  for (const word of s.match(/[\p{L}\p{M}]+/gu) ?? []) {
    const scripts = scriptsOf(word);
    if (scripts.size > 1) return { word, scripts: [...scripts] };
  }
  return undefined;
}

/**
 * Why an identifier-like value (a code, an abbreviation, a label) is not plain, or undefined: letters
 * from two scripts, full-width or other compatibility forms (NFKC changes them), or non-ASCII digits.
 */
export function identifierProblem(s: string): string | undefined {
  if (ASCII_PRINTABLE.test(s)) return undefined;
  const scripts = scriptsOf(s);
  if (scripts.size > 1) return `letters from ${[...scripts].join(' and ')} mixed in one value`;
  const nfkc = s.normalize('NFKC');
  if (nfkc !== s) {
    const ch = [...s].find((c) => c.normalize('NFKC') !== c)!;
    return `${describeChar(ch).replace(/ \(.*\)$/, '')} "${ch}" is a full-width or compatibility form of "${ch.normalize('NFKC')}"`;
  }
  const digit = /(?![0-9])\p{Nd}/u.exec(s);
  if (digit) return `"${digit[0]}" is not an ASCII digit`;
  return undefined;
}

/**
 * A small TR39-style confusable table (Unicode Technical Standard #39, confusables.txt), covering only
 * the Cyrillic and Greek lookalikes of Latin letters and the digit/letter lookalikes 0/O and 1/l/I;
 * full-width forms are folded by NFKC first. Enough for the short Latin labels of this crosswalk.
 */
// prettier-ignore
const CONFUSABLE: Record<string, string> = {
  // Cyrillic
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  Ѕ: 'S', І: 'l', Ј: 'J', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'l', Һ: 'h',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', һ: 'h', ԁ: 'd',
  ԛ: 'q', ԝ: 'w', ӏ: 'l',
  // Greek
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'l', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T',
  Υ: 'Y', Χ: 'X', ο: 'o', ν: 'v', ρ: 'p', α: 'a', ι: 'i', κ: 'k', υ: 'u',
  // Latin lookalikes, digits and letters
  ɡ: 'g', '0': 'O', '1': 'l', I: 'l', '|': 'l',
};

/** The confusable skeleton of `s`: equal skeletons look alike (case is kept, as in TR39). */
export function skeleton(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC').replace(INVISIBLE_ALL, '')) out += CONFUSABLE[ch] ?? ch;
  return out.normalize('NFC');
}
