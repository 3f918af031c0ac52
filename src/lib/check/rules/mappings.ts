import { MAX_QUOTE_WORDS } from '../../../schemas/index.ts';
import type { Rule } from '../types.ts';

/** Lower-cased ASCII letter or digit code of `c`, or -1 for anything else (treated as a separator). */
function alnum(c: number): number {
  if (c >= 48 && c <= 57) return c;
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  return -1;
}

/**
 * Same text up to case and punctuation (runs of anything but ASCII letters and digits count as one
 * space). Compares in place, without building normalised copies: it runs on every mapping.
 */
export function sameText(a: string, b: string | undefined): boolean {
  if (b === undefined || Math.abs(a.length - b.length) > Math.max(8, b.length / 3)) return false;
  let i = 0;
  let j = 0;
  const skip = (s: string, k: number) => {
    while (k < s.length && alnum(s.charCodeAt(k)) === -1) k++;
    return k;
  };
  i = skip(a, i);
  j = skip(b, j);
  while (i < a.length && j < b.length) {
    const x = alnum(a.charCodeAt(i));
    const y = alnum(b.charCodeAt(j));
    if (x === -1 || y === -1) {
      if (x !== y) return false;
      i = skip(a, i);
      j = skip(b, j);
      continue;
    }
    if (x !== y) return false;
    i++;
    j++;
  }
  return skip(a, i) === a.length && skip(b, j) === b.length;
}

/**
 * Word count without allocating an array (runs on every mapping); stops counting at `atMost`, since
 * the rules only need to know whether a text reaches a limit.
 */
function words(s: string, atMost = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n < atMost; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Minimum words for a rationale a committee member could check in a minute. */
const MIN_RATIONALE_WORDS = 6;

/** One mapping per characteristic per standard. */
export const oneMappingPerCharacteristic: Rule = {
  id: 'one-mapping-per-characteristic',
  description: 'a standard maps each characteristic at most once',
  run({ content }, report) {
    for (const s of content.standards) {
      const list = s.data.mappings;
      for (let i = 1; i < list.length; i++) {
        const m = list[i]!;
        let j = 0;
        while (list[j]!.characteristic !== m.characteristic) j++;
        if (j === i) continue;
        report({
          file: s.file,
          path: ['mappings', i, 'characteristic'],
          message: `characteristic \`${m.characteristic}\` is mapped twice`,
          found: `mappings[${j}] and mappings[${i}]`,
          expected: 'one mapping per characteristic',
          fix: 'merge the two mappings into one (keep the stronger supported strength and both reasons)',
        });
      }
    }
  },
};

/** Rationales say why, in own words: not empty, not the title again, long enough to check. */
export const rationale: Rule = {
  id: 'rationale',
  description: `each mapping has a rationale of at least ${MIN_RATIONALE_WORDS} words that is not a copy of the standard's title or the quote`,
  run({ content }, report) {
    for (const s of content.standards) {
      s.data.mappings.forEach((m, i) => {
        const path = () => ['mappings', i, 'rationale'];
        if (
          sameText(m.rationale, s.data.title) ||
          sameText(m.rationale, s.data.code) ||
          sameText(m.rationale, m.quote)
        ) {
          report({
            file: s.file,
            path: path(),
            message: 'rationale repeats the standard instead of explaining the mapping',
            found: JSON.stringify(m.rationale),
            expected: 'why this standard bears on the characteristic, in our own words',
            fix: `say what in the standard supports \`${m.characteristic}\` and how strongly`,
          });
        } else if (words(m.rationale, MIN_RATIONALE_WORDS) < MIN_RATIONALE_WORDS) {
          report({
            file: s.file,
            path: path(),
            message: 'rationale is too short to be checked',
            found: `${words(m.rationale)} word(s): ${JSON.stringify(m.rationale)}`,
            expected: `one or two sentences (at least ${MIN_RATIONALE_WORDS} words)`,
            fix: 'name the part of the standard that supports the mapping and why',
          });
        }
      });
    }
  },
};

/** Standards are copyrighted: a quote is a short phrase at most. */
export const quoteLength: Rule = {
  id: 'quote-length',
  description: `quotes have at most ${MAX_QUOTE_WORDS} words`,
  run({ content }, report) {
    for (const s of content.standards) {
      s.data.mappings.forEach((m, i) => {
        if (m.quote !== undefined && words(m.quote, MAX_QUOTE_WORDS + 1) > MAX_QUOTE_WORDS) {
          report({
            file: s.file,
            path: ['mappings', i, 'quote'],
            message: 'quote is too long',
            found: `${words(m.quote)} words`,
            expected: `at most ${MAX_QUOTE_WORDS} words`,
            fix: 'quote only the decisive phrase and say the rest in the rationale, in our own words',
          });
        }
      });
    }
  },
};
