import { MAX_QUOTE_WORDS } from '../../../schemas/index.ts';
import type { Rule } from '../types.ts';

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
/** Word count without allocating an array (runs on every mapping). */
function words(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
/** Same text up to case and punctuation; cheap length test first, since nearly all rationales differ. */
function same(a: string, b: string | undefined): boolean {
  if (b === undefined || Math.abs(a.length - b.length) > Math.max(8, b.length / 3)) return false;
  return norm(a) === norm(b);
}

/** Minimum words for a rationale a committee member could check in a minute. */
export const MIN_RATIONALE_WORDS = 6;

/** One mapping per characteristic per standard. */
export const oneMappingPerCharacteristic: Rule = {
  id: 'one-mapping-per-characteristic',
  description: 'a standard maps each characteristic at most once',
  run({ content }, report) {
    for (const s of content.standards) {
      const list = s.data.mappings;
      list.forEach((m, i) => {
        const j = list.findIndex((x) => x.characteristic === m.characteristic);
        if (j === i) return;
        report({
          file: s.file,
          path: ['mappings', i, 'characteristic'],
          message: `characteristic \`${m.characteristic}\` is mapped twice`,
          found: `mappings[${j}] and mappings[${i}]`,
          expected: 'one mapping per characteristic',
          fix: 'merge the two mappings into one (keep the stronger supported strength and both reasons)',
        });
      });
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
        const path = ['mappings', i, 'rationale'];
        if (same(m.rationale, s.data.title) || same(m.rationale, s.data.code) || same(m.rationale, m.quote)) {
          report({
            file: s.file,
            path,
            message: 'rationale repeats the standard instead of explaining the mapping',
            found: JSON.stringify(m.rationale),
            expected: 'why this standard bears on the characteristic, in our own words',
            fix: `say what in the standard supports \`${m.characteristic}\` and how strongly`,
          });
        } else if (words(m.rationale) < MIN_RATIONALE_WORDS) {
          report({
            file: s.file,
            path,
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
        if (m.quote !== undefined && words(m.quote) > MAX_QUOTE_WORDS) {
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
