/** Text that reads differently from how it is stored: invisible characters, bidi controls, lookalike letters. */
import type { PathSegment } from '../../diagnostics.ts';
import type { ParsedFile } from '../../frontmatter.ts';
import {
  describeChar,
  findInvisible,
  identifierProblem,
  MAYBE_INVISIBLE,
  mixedScriptWord,
  visible,
} from '../../unicode.ts';
import type { Finding, Report, Rule } from '../types.ts';

/** Line and column in the file of `index` in the body. */
function bodyAt(file: ParsedFile, index: number): { line: number; column: number } {
  const before = file.body.slice(0, index);
  const nl = before.lastIndexOf('\n');
  return { line: file.bodyLine + (before.match(/\n/g)?.length ?? 0), column: index - nl };
}

function reportInvisible(
  report: Report,
  file: ParsedFile,
  where: Pick<Finding, 'path' | 'key' | 'line' | 'column'>,
  value: string,
  index: number,
  char: string,
) {
  const bidi = describeChar(char).includes('bidi');
  report({
    file,
    ...where,
    message: `${describeChar(char)} in the text`,
    found: `"${visible(value.slice(Math.max(0, index - 20), index + 20))}" (character ${index + 1})`,
    expected: 'visible characters only: no bidi controls, zero-width or control characters',
    fix: bidi
      ? 'delete the direction control (it can make text read differently from how it is stored); the site sets direction itself'
      : 'delete the invisible character (retype the word around it if your editor does not show it)',
  });
}

/** Bidi controls and invisible characters, in every frontmatter key and value and in every body. */
export const invisibleCharacters: Rule = {
  id: 'invisible-characters',
  description:
    'no bidi controls, zero-width, control or other invisible characters (a BOM inside text included) in any field, body or file name',
  run({ content }, report) {
    for (const file of content.files) {
      const name = findInvisible(file.path);
      if (name) reportInvisible(report, file, { line: 1 }, file.path, name.index, name.char);
      // YAML escapes ("\u202E") can produce what the raw text does not show: walk the values then too.
      if (MAYBE_INVISIBLE.test(file.frontmatter) || file.frontmatter.includes('\\')) {
        const path: PathSegment[] = [];
        const walk = (v: unknown) => {
          if (typeof v === 'string') {
            const hit = findInvisible(v);
            if (hit) reportInvisible(report, file, { path: [...path] }, v, hit.index, hit.char);
          } else if (Array.isArray(v)) {
            v.forEach((x, i) => {
              path.push(i);
              walk(x);
              path.pop();
            });
          } else if (v && typeof v === 'object') {
            for (const k of Object.keys(v)) {
              const hit = findInvisible(k);
              if (hit) reportInvisible(report, file, { path: [...path, k], key: true }, k, hit.index, hit.char);
              path.push(k);
              walk((v as Record<string, unknown>)[k]);
              path.pop();
            }
          }
        };
        walk(file.data);
      }
      const hit = MAYBE_INVISIBLE.test(file.body) ? findInvisible(file.body) : undefined;
      if (hit) reportInvisible(report, file, bodyAt(file, hit.index), file.body, hit.index, hit.char);
    }
  },
};

/** Codes and labels: one script, no compatibility forms; titles and names: no word mixing scripts. */
const IDENTIFIER_FIELDS = {
  standard: [['code'], ['parent'], ['continues', '*']],
  edition: [['dropped', '*', 'code'], ['edition']],
  accreditor: [['abbreviation'], ['label'], ['aliases', '*'], ['country']],
} as const;
const TITLE_FIELDS = {
  standard: [['title'], ['section']],
  edition: [['title']],
  accreditor: [['name'], ['program']],
  characteristic: [['name'], ['sources', '*', 'title']],
  initiative: [['name'], ['sources', '*', 'title']],
} as const;

/**
 * Calls `visit` with every string at `pattern` ("*" = each list item) and its path. The path is one
 * mutable list: copy it to keep it. This runs on every entry, so it allocates nothing per value.
 */
function eachValueAt(
  data: unknown,
  pattern: readonly string[],
  visit: (value: string, path: PathSegment[]) => void,
  at = 0,
  path: PathSegment[] = [],
): void {
  if (at === pattern.length) {
    if (typeof data === 'string') visit(data, path);
    return;
  }
  const head = pattern[at]!;
  if (head === '*') {
    if (!Array.isArray(data)) return;
    for (let i = 0; i < data.length; i++) {
      path.push(i);
      eachValueAt(data[i], pattern, visit, at + 1, path);
      path.pop();
    }
    return;
  }
  if (!data || typeof data !== 'object') return;
  path.push(head);
  eachValueAt((data as Record<string, unknown>)[head], pattern, visit, at + 1, path);
  path.pop();
}

export const mixedScript: Rule = {
  id: 'mixed-script',
  description:
    'codes, abbreviations and labels use one script and no full-width or other compatibility forms (a Cyrillic "С" in "LCME" is refused); no word in a title or name mixes scripts',
  run({ content }, report) {
    const kinds = [
      content.standards,
      content.editions,
      content.accreditors,
      content.characteristics,
      content.initiatives,
    ];
    for (const e of kinds.flat()) {
      for (const pattern of (IDENTIFIER_FIELDS as Record<string, readonly (readonly string[])[]>)[e.kind] ?? []) {
        eachValueAt(e.file.data, pattern, (value, path) => {
          const problem = identifierProblem(value);
          if (!problem) return;
          report({
            file: e.file,
            path: [...path],
            message: `lookalike characters in \`${pattern.filter((p) => p !== '*').join('.')}\`: ${problem}`,
            found: JSON.stringify(value),
            expected: 'the code or name in one script, with ASCII letters and digits for Latin ones',
            fix: `retype it on an ordinary keyboard layout, e.g. ${JSON.stringify(value.normalize('NFKC'))} with Latin letters`,
          });
        });
      }
      for (const pattern of (TITLE_FIELDS as Record<string, readonly (readonly string[])[]>)[e.kind] ?? []) {
        eachValueAt(e.file.data, pattern, (value, path) => {
          const mixed = mixedScriptWord(value);
          if (!mixed) return;
          report({
            file: e.file,
            path: [...path],
            message: `the word "${mixed.word}" mixes ${mixed.scripts.join(' and ')} letters`,
            found: JSON.stringify(value),
            expected:
              'each word in one script (lookalike letters from another script read the same but search and sort differently)',
            fix: `retype "${mixed.word}" in one script`,
          });
        });
      }
    }
  },
};
