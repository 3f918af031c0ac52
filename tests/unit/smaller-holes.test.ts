/** Impossible dates, looping redirect stubs, script links and page-stretching words are refused. */
import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../src/lib/dates.ts';
import { baseSet, check } from '../helpers.ts';

const STD = 'standards/alpha-2020/a-1.md';
const ED = 'editions/alpha-2020.md';
const show = (r: ReturnType<typeof check>, rule: string) =>
  r.diagnostics
    .filter((d) => d.rule === rule)
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.path} | ${d.message} | ${d.found}`);
const patched = (file: string, from: string, to: string) => ({
  ...baseSet(),
  [file]: baseSet()[file]!.replace(from, to),
});
const withBody = (body: string) => {
  const text = baseSet()[STD]!;
  return { ...baseSet(), [STD]: `${text.slice(0, text.lastIndexOf('\n---\n'))}\n---\n${body}\n` };
};

describe('impossible dates', () => {
  it('isRealDate knows the calendar', () => {
    expect(['2025', '2025-02', '2024-02-29', '2025-12-31'].every(isRealDate)).toBe(true);
    expect(['2025-02-30', '2025-02-29', '2025-04-31', '1900-02-29'].some(isRealDate)).toBe(false);
  });

  it('2025-02-30 is refused in an edition date and in a read date', () => {
    const r = check({
      ...patched(ED, '"2020-07-01"', '"2025-02-30"'),
      [STD]: baseSet()[STD]!.replace('verification: verified', 'verification: verified\nreadDate: "2025-02-29"'),
    });
    expect(r.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.file} ${d.path} | ${d.expected}`)).toEqual([
      'content/editions/alpha-2020.md effectiveFrom | a day that exists in the calendar (e.g. not 30 February) (date the edition takes effect; omit only when no source gives it (the edition is then treated as in force until a successor starts); quoted, at the precision the source gives: "YYYY", "YYYY-MM" or "YYYY-MM-DD")',
      'content/standards/alpha-2020/a-1.md readDate | a day that exists in the calendar (e.g. not 30 February) (when the text was seen (at readUrl, or at sourceUrl when there is no readUrl); quoted, YYYY-MM-DD)',
    ]);
  });
});

describe('redirect stubs', () => {
  it('two stubs pointing at each other are refused once, on the first', () => {
    const r = check({
      ...baseSet(),
      'characteristics/old-a.md': '---\nreplacedBy: old-b\n---\n',
      'characteristics/old-b.md': '---\nreplacedBy: old-a\n---\n',
      'standards/alpha-2020/x-1.md': '---\nreplacedBy: x-2\n---\n',
      'standards/alpha-2020/x-2.md': '---\nreplacedBy: x-3\n---\n',
      'standards/alpha-2020/x-3.md': '---\nreplacedBy: x-1\n---\n',
    });
    expect(show(r, 'references')).toEqual([
      'content/characteristics/old-a.md:2:13 replacedBy | redirect stubs point at each other in a loop: no characteristic is reached | old-a → old-b → old-a',
      'content/standards/alpha-2020/x-1.md:2:13 replacedBy | redirect stubs point at each other in a loop: no standard is reached | alpha-2020/x-1 → alpha-2020/x-2 → alpha-2020/x-3 → alpha-2020/x-1',
    ]);
  });

  it('a chain of stubs that ends at an entity passes', () => {
    const r = check({
      ...baseSet(),
      'characteristics/old-a.md': '---\nreplacedBy: old-b\n---\n',
      'characteristics/old-b.md': '---\nreplacedBy: psychological-safety\n---\n',
    });
    expect(r.errors).toBe(0);
  });
});

describe('links in Markdown bodies', () => {
  const cases = [
    ['[click](javascript:alert(1))', 'link with a javascript: URL'],
    ['[x](JaVaScRiPt:alert(1))', 'link with a javascript: URL'],
    ['[x](java&#x09;script:alert(1))', 'link with a javascript: URL'],
    ['[x](&#106;avascript:alert(1))', 'link with a javascript: URL'],
    ['[x](java%73cript:alert(1))', 'link with a javascript: URL'],
    ['<vbscript:msgbox(1)>', 'link with a vbscript: URL'],
    ['[x](<java script :alert(1)>)', 'link with a javascript: URL'],
    ['[x](<DATA\t:text/html,x>)', 'link with a data: URL'],
    ['![img](data:image/svg+xml;base64,PHN2Zz4=)', 'image with a data: URL'],
    ['[x][ref]\n\n[ref]: javascript:alert(1)', undefined],
  ] as const;
  for (const [body, message] of cases) {
    it(`refuses ${JSON.stringify(body)}`, () => {
      const found = show(check(withBody(`Summary.\n\n${body}`)), 'markdown-links');
      expect(found).toHaveLength(1);
      if (message) expect(found[0]).toContain(message);
      expect(found[0]).toMatch(/^content\/standards\/alpha-2020\/a-1\.md:1[4-7]:/);
    });
  }

  it('https links and prose that mentions data: pass', () => {
    const r = check(withBody('See [the standard](https://example.org/a?x=1&y=2). The data: were thin.'));
    expect(show(r, 'markdown-links')).toEqual([]);
  });
});

describe('page-stretching words', () => {
  it('a 20,000-character word in a body is refused, located', () => {
    const r = check(withBody(`Summary with ${'x'.repeat(20_000)} in it.`));
    expect(show(r, 'long-words')).toEqual([
      `content/standards/alpha-2020/a-1.md:13:14  | an unbroken run of 20,000 characters: it cannot wrap and stretches the page | "${'x'.repeat(40)}..."`,
    ]);
  });

  it('a long word in a title is refused; a long link target is not', () => {
    const r = check({
      ...patched(STD, 'title: Safe Climate', `title: Safe ${'y'.repeat(201)}`),
      [ED]:
        baseSet()[ED]!.replace('---\n', '---\n') +
        `A [link](https://example.org/${'z'.repeat(400)}) and (https://example.org/${'q'.repeat(170)}).\n`,
    });
    expect(show(r, 'long-words').map((s) => s.split(' | ')[0])).toEqual([
      'content/standards/alpha-2020/a-1.md:3:8 title',
    ]);
  });
});
