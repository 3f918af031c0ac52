/** Lookalike and invisible characters: refused where they deceive, folded where labels are compared. */
import { describe, expect, it } from 'vitest';
import { identifierProblem, mixedScriptWord, skeleton } from '../../src/lib/unicode.ts';
import { baseSet, check } from '../helpers.ts';

const STD = 'standards/alpha-2020/a-1.md';
const ACC = 'accreditors/alpha.md';
const rule = (r: ReturnType<typeof check>, id: string) =>
  r.diagnostics.filter((d) => d.rule === id).map((d) => `${d.line}:${d.column} ${d.path} | ${d.message} | ${d.found}`);
const patched = (file: string, from: string, to: string) => ({
  ...baseSet(),
  [file]: baseSet()[file]!.replace(from, to),
});

describe('invisible characters', () => {
  it('a right-to-left override in a title is an error, located', () => {
    const r = patched(STD, 'title: Safe Climate', 'title: "Safe \u202eetamilC"');
    expect(rule(check(r), 'invisible-characters')).toEqual([
      `3:8 title | U+202E RIGHT-TO-LEFT OVERRIDE (a bidi control) in the text | "Safe <U+202E>etamilC" (character 6)`,
    ]);
  });

  it('a YAML escape that makes a zero-width space is found too', () => {
    const r = check(patched(STD, 'title: Safe Climate', 'title: "Safe\\u200bClimate"'));
    expect(rule(r, 'invisible-characters')).toEqual([
      '3:8 title | U+200B ZERO WIDTH SPACE (an invisible character) in the text | "Safe<U+200B>Climate" (character 5)',
    ]);
    expect(r.errors).toBe(1);
  });

  it('a BOM inside the body and a control character in a nested value are errors', () => {
    const set = patched(STD, 'rationale: ', 'rationale: "\\u0007');
    set[STD] = set[STD]!.replace(/(rationale: .*)$/m, '$1"').replace('---\nSummary', '---\nSum\ufeffmary');
    const found = rule(check(set), 'invisible-characters');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^\d+:\d+ mappings\[0\]\.rationale \| U\+0007 \(a control character\)/);
    expect(found[1]).toMatch(/^\d+:4 {2}\| U\+FEFF ZERO WIDTH NO-BREAK SPACE \(byte-order mark\)/);
  });

  it('ordinary accented and non-Latin text passes', () => {
    const r = check(patched(STD, 'title: Safe Climate', 'title: "Māori and Ελληνικά: café — 30 %"'));
    expect(r.diagnostics).toEqual([]);
  });
});

describe('mixed scripts', () => {
  it('a Cyrillic "С" in a Latin code is refused', () => {
    const set = patched(STD, 'code: A-1', 'code: "A-\u0421"');
    expect(rule(check(set), 'mixed-script')).toEqual([
      '2:7 code | lookalike characters in `code`: letters from Latin and Cyrillic mixed in one value | "A-С"',
    ]);
  });

  it('full-width digits in a code are refused, naming the plain form', () => {
    expect(identifierProblem('A-\uff11')).toBe('U+FF11 "１" is a full-width or compatibility form of "1"');
    expect(identifierProblem('A-\u0661')).toBe('"١" is not an ASCII digit');
    expect(identifierProblem('IV.A.1.a')).toBeUndefined();
    expect(identifierProblem('ЛКМЕ')).toBeUndefined();
  });

  it('a title word mixing Latin and Greek is refused; words in one script each pass', () => {
    expect(mixedScriptWord('Safe Cl\u03b9mate')).toEqual({ word: 'Clιmate', scripts: ['Latin', 'Greek'] });
    expect(mixedScriptWord('β-blockers and Ελληνικά')).toBeUndefined();
    const r = check(patched(STD, 'title: Safe Climate', 'title: "Safe Cl\u03b9mate"'));
    expect(rule(r, 'mixed-script')).toEqual([
      '3:8 title | the word "Clιmate" mixes Latin and Greek letters | "Safe Clιmate"',
    ]);
  });

  it('list items are checked at their own paths: an alias and a source title', () => {
    const CHR = 'characteristics/psychological-safety.md';
    const base = baseSet();
    const set = {
      ...base,
      [ACC]: base[ACC]!.replace('abbreviation: AC', 'abbreviation: AC\naliases: [Alpha, "\u0391lpha"]'),
      [CHR]: base[CHR]!.replace(
        '  - title: Source',
        '  - title: Source\n    year: 2021\n    url: https://example.org/t\n    says: Also.\n  - title: "S\u043eurce two"',
      ),
    };
    expect(rule(check(set), 'mixed-script').map((l) => l.split(' | ')[0])).toEqual([
      '4:18 aliases[1]',
      '12:12 sources[1].title',
    ]);
  });
});

describe('labels compared after confusable folding', () => {
  it('skeletons fold Cyrillic, Greek and full-width lookalikes onto Latin', () => {
    expect(skeleton('L\u0421\u041c\u0415')).toBe(skeleton('LCME'));
    expect(skeleton('\uff2c\uff23\uff2d\uff25')).toBe(skeleton('LCME'));
    expect(skeleton('\u0391CGME')).toBe(skeleton('ACGME'));
    expect(skeleton('ICME')).not.toBe(skeleton('LCME'));
  });

  it('a Cyrillic "LСМЕ" collides with "LCME"', () => {
    const cyr = 'L\u0421\u041c\u0415';
    const set = {
      ...patched(ACC, 'abbreviation: AC', 'abbreviation: LCME'),
      'accreditors/lcme-copy.md': baseSet()[ACC]!.replace('abbreviation: AC', `abbreviation: "${cyr}"`),
    };
    const r = check(set);
    expect(rule(r, 'unique-labels')).toEqual([
      `3:15 abbreviation | display label "${cyr}" looks like "LCME" of \`alpha\` | "${cyr}" for \`lcme-copy\` and \`alpha\``,
    ]);
    expect(rule(r, 'mixed-script')).toHaveLength(1);
  });
});
