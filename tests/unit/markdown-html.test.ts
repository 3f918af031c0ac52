/**
 * Bodies rendered as HTML (src/lib/markdown-html.ts): the direct path for plain prose gives micromark's
 * HTML exactly, on every real, fixture and bench-corpus body and on generated text built from the
 * characters and line shapes where CommonMark has rules (edges of lines, list markers, quotes, Unicode
 * spaces and separators), and it is the path most summaries take.
 */
import fc from 'fast-check';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { parseContentFile } from '../../src/lib/frontmatter.ts';
import { isPlainProse, renderMarkdown } from '../../src/lib/markdown-html.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { splitProse } from '../../src/lib/prose.ts';
import { FIXTURES } from '../helpers.ts';

/** Each file's whole body, and the main text and sourcing notes the site renders of it. */
function bodiesOf(files: { path: string; text: string }[]): { all: string[]; mains: string[] } {
  const all: string[] = [];
  const mains: string[] = [];
  for (const f of files) {
    const body = parseContentFile(f.path, f.text).file?.body;
    if (body === undefined) continue;
    const { main, notes } = splitProse(body);
    all.push(body, main, ...(notes === undefined ? [] : [notes]));
    mains.push(main);
  }
  return { all, mains };
}
const read = (dir: string) =>
  readContentDir(dir)
    .filter((s) => !s.unread)
    .map((s) => ({ path: s.path, text: new TextDecoder().decode(s.bytes) }));

const real = bodiesOf(read('content'));
const fixtures = bodiesOf(read(FIXTURES));
const bench = bodiesOf(
  generateCorpus({ bodies: 4, standardsPerBody: 25, characteristics: 12, initiatives: 3 }).files.map((f) => ({
    path: `content/${f.path}`,
    text: f.text,
  })),
);

/** Pieces of text where CommonMark has rules: what the direct path must accept or pass to micromark. */
const piece = fc.constantFrom(
  'word',
  'Interprofessional',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\n\n\n',
  '-',
  '- ',
  '\n- ',
  '\n\n- ',
  '\n- item',
  '1.',
  '2019) ',
  '10. ',
  '"',
  "'",
  '(a)',
  ',',
  '.',
  ';',
  ':',
  '?',
  '/',
  '%',
  '@',
  '$',
  '^',
  '{}',
  '#',
  '*',
  '_',
  '&amp;',
  '<b>',
  '[x]',
  '`',
  '\\',
  '=',
  '+',
  '~',
  '|',
  '!',
  '\t',
  '\r',
  'é',
  'ā',
  '—',
  '…',
  '\u00a0',
  '\u00ad',
  '\u2003',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u0000',
  '😀',
  '中文',
);
const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));

describe('Markdown bodies as HTML', () => {
  it('gives micromark’s HTML for every real, fixture and bench body', () => {
    for (const md of [...real.all, ...fixtures.all, ...bench.all]) expect(renderMarkdown(md)).toBe(micromark(md));
  });

  it('renders most summaries without micromark', () => {
    const plain = (xs: string[]) => xs.filter(isPlainProse).length / xs.length;
    // Real summaries are prose; a quarter of the bench corpus's carry a bullet list.
    expect(plain(real.mains)).toBeGreaterThan(0.9);
    expect(plain(bench.mains)).toBeGreaterThan(0.95);
  });

  it('gives micromark’s HTML for generated text, plain or not', () => {
    let plainSeen = 0;
    let listSeen = 0;
    fc.assert(
      fc.property(text, (md) => {
        if (isPlainProse(md)) {
          plainSeen++;
          if (/(?:^|\n)- /.test(md)) listSeen++;
        }
        expect(renderMarkdown(md)).toBe(micromark(md));
      }),
      { numRuns: 5000, seed: 20261205 },
    );
    // The property is only worth something if the direct path was taken often.
    expect(plainSeen).toBeGreaterThan(300);
    expect(listSeen).toBeGreaterThan(20);
  });

  it('gives micromark’s HTML for generated paragraphs and bullet lists in any order and spacing', () => {
    // Mostly clean lines, so that most documents take the direct path; now and then a start or a
    // piece that CommonMark reads as markup, so that the rest must go to micromark.
    const rare = <T>(common: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: common, weight: 30 }, { arbitrary: odd, weight: 1 });
    const start = rare(fc.constant(''), fc.constantFrom('-', '- ', '1. ', '2) ', ' ', '* ', '2019 '));
    const rest = rare(
      fc.constantFrom(' word', ' "q"', ',', '.', ' é', ' 10.', ' - x', ' (a)'),
      fc.constantFrom(' *', ' '),
    );
    const line = fc.tuple(start, fc.array(rest, { maxLength: 5 })).map(([s, p]) => s + 'Word' + p.join(''));
    const marker = rare(fc.constant('- '), fc.constantFrom('-  ', '-', '+ ', '1. '));
    const item = fc.tuple(marker, line).map(([m, l]) => m + l);
    const block = fc.oneof(
      fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n')),
      fc.array(item, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n')),
    );
    const doc = fc
      .array(fc.tuple(block, rare(fc.constantFrom('\n\n', '\n\n\n'), fc.constant('\n'))), { maxLength: 5 })
      .chain((bs) => fc.constantFrom('', '\n').map((end) => bs.map(([b, sep]) => b + sep).join('') + end));
    let lists = 0;
    fc.assert(
      fc.property(doc, (md) => {
        if (isPlainProse(md) && /(?:^|\n)- /.test(md)) lists++;
        expect(renderMarkdown(md)).toBe(micromark(md));
      }),
      { numRuns: 4000, seed: 20261205 },
    );
    expect(lists).toBeGreaterThan(300);
  });

  it('passes text with markup, line-edge spaces or list markers to micromark', () => {
    for (const md of ['a *b*', 'a  \nb', ' a', 'a ', '1. a', 'a\n2) b', 'a\tb', 'a\u2028b', 'a & b'])
      expect(isPlainProse(md), JSON.stringify(md)).toBe(false);
    // Lists micromark reads otherwise than as one tight list of one-line items: loose, interrupting a
    // paragraph, continued lazily, nested, empty, a thematic break.
    for (const md of ['- a\n\n- b', 'a\n- b', '- a\nb', '- - a', '- 1. a', '-  a', '- a\n-', '- - -', '-a'])
      expect(isPlainProse(md), JSON.stringify(md)).toBe(false);
    expect(isPlainProse('Teams meet weekly; "huddles" (daily) at 8.30.\n\nSecond paragraph.\n')).toBe(true);
    expect(renderMarkdown('a "b"\nc\n\n\nd\n')).toBe('<p>a &quot;b&quot;\nc</p>\n<p>d</p>\n');
    expect(isPlainProse('Teams meet.\n\n- Daily "huddles".\n- Weekly rounds.\n\nMore.')).toBe(true);
    expect(renderMarkdown('Teams meet.\n\n- Daily "huddles".\n- Weekly rounds.\n')).toBe(
      '<p>Teams meet.</p>\n<ul>\n<li>Daily &quot;huddles&quot;.</li>\n<li>Weekly rounds.</li>\n</ul>\n',
    );
  });
});
