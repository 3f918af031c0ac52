import type { PathSegment } from '../../diagnostics.ts';
import type { ParsedFile } from '../../frontmatter.ts';
import { MAX_WORD_CHARS } from '../../limits.ts';
import type { Report, Rule } from '../types.ts';

const URL_KEYS = new Set(['url', 'sourceUrl', 'readUrl', 'datesSource']);

const isSpace = (c: number) => c <= 32 || c === 0xa0;

/**
 * Start and length of the first run of non-space characters longer than the limit, or undefined.
 * It tests windows of limit + 1 characters from their end backwards: the last space in a window moves
 * the next window past it, so ordinary text is read about one character in thirty (8x faster than
 * reading every character on the benchmark's 23 MB of content).
 */
export function longRun(s: string): { start: number; length: number } | undefined {
  const need = MAX_WORD_CHARS + 1;
  for (let end = need - 1; end < s.length;) {
    const lo = end - need + 1;
    let q = end;
    while (q >= lo && !isSpace(s.charCodeAt(q))) q--;
    if (q >= lo) {
      end = q + need; // the next window starts after that space
      continue;
    }
    // s[lo..end] has no space: take the whole run.
    let start = lo;
    while (start > 0 && !isSpace(s.charCodeAt(start - 1))) start--;
    let stop = end + 1;
    while (stop < s.length && !isSpace(s.charCodeAt(stop))) stop++;
    // The word itself, without the brackets and punctuation around it: "(https://…)." is a 2-character-longer URL.
    const word = s.slice(start, stop).replace(/^[([{<"'“‘]+|[)\]}>"'”’.,;:!?]+$/g, '');
    if (word.length > MAX_WORD_CHARS) return { start, length: word.length };
    end = stop + need;
  }
  return undefined;
}

/** Markdown link targets are not shown on the page: blank them out (keeping offsets) before measuring. */
const withoutLinkTargets = (body: string) =>
  body
    .replace(/\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)/g, (_m, url: string) => `](${' '.repeat(url.length)}`)
    .replace(/^(\s*\[[^\]]+\]:\s*)(\S+)/gm, (_m, head: string, url: string) => head + ' '.repeat(url.length));

function finding(file: ParsedFile, s: string, run: { start: number; length: number }) {
  return {
    file,
    message: `an unbroken run of ${run.length.toLocaleString('en')} characters: it cannot wrap and stretches the page`,
    found: JSON.stringify(`${s.slice(run.start, run.start + 40)}...`),
    expected: `words of at most ${MAX_WORD_CHARS} characters`,
    fix: 'add spaces, or put a long address in a Markdown link: [the source](https://...)',
  };
}

function checkValues(file: ParsedFile, report: Report) {
  const path: PathSegment[] = [];
  const walk = (v: unknown, key: PathSegment | undefined) => {
    if (typeof v === 'string') {
      if (v.length <= MAX_WORD_CHARS || (typeof key === 'string' && URL_KEYS.has(key))) return;
      const run = longRun(v);
      if (run) report({ ...finding(file, v, run), path: [...path] });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => {
        path.push(i);
        walk(x, i);
        path.pop();
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        path.push(k);
        walk(x, k);
        path.pop();
      }
    }
  };
  walk(file.data, undefined);
}

/** Pages wrap at spaces: a 20,000-character "word" made a page 316,000 px wide. */
export const longWords: Rule = {
  id: 'long-words',
  description: `no word in a field or a Markdown body is longer than ${MAX_WORD_CHARS} characters (link targets excepted): it would stretch the page`,
  run({ content }, report) {
    for (const file of content.files) {
      // Escapes and line continuations can join text only where the raw frontmatter has a backslash.
      if (file.frontmatter.includes('\\') || longRun(file.frontmatter)) checkValues(file, report);
      // Blanking link targets only shortens runs: a body with no long run as written has none without them.
      if (file.body.length <= MAX_WORD_CHARS || !longRun(file.body)) continue;
      const body = withoutLinkTargets(file.body);
      const run = longRun(body);
      if (!run) continue;
      const before = body.slice(0, run.start);
      report({
        ...finding(file, file.body, run),
        line: file.bodyLine + (before.match(/\n/g)?.length ?? 0),
        column: run.start - before.lastIndexOf('\n'),
      });
    }
  },
};
