/** Content in the Markdown gap report and drift worklist renders as text, never HTML or links (issue 12, item 9). */
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import type { Selection } from '../../src/lib/coverage.ts';
import type { EditionData } from '../../src/lib/crosswalk.ts';
import { driftMarkdown } from '../../src/lib/drift.ts';
import { mdLink, mdText, mdUrl } from '../../src/lib/markdown-text.ts';
import { buildReport } from '../../src/lib/report/build.ts';
import { renderMarkdown } from '../../src/lib/report/markdown.ts';
import { loadFixtures, TODAY } from '../helpers.ts';

const ATTACK = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<javascript:alert(3)>',
  '[click](javascript:alert(4))',
  '![pixel](https://evil.example/p.png)',
  'see https://evil.example and www.evil.example',
  '<!-- hidden -->',
  '**loud** | broken | table',
  '\n# heading\n[ref]: javascript:alert(5)',
].join(' ');

/** How GitHub renders it, raw HTML passed through: the strictest reading of what our text could become. */
const render = (md: string) => micromark(md, { allowDangerousHtml: true });

/** Display strings from content (never IDs or enums, which the renderers use as keys). */
const CONTENT_KEYS = new Set([
  'institution',
  'name',
  'label',
  'abbreviation',
  'title',
  'code',
  'rationale',
  'editorialStatus',
  'toTitle',
  'note',
  'fromLabel',
  'bodyLabel',
  'bodyName',
  'editionLabel',
]);

function poison(value: unknown, url: string): unknown {
  if (Array.isArray(value)) return value.map((v) => poison(v, url));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      typeof v === 'string' && CONTENT_KEYS.has(k)
        ? `${v} ${ATTACK}`
        : typeof v === 'string' && /url$/i.test(k)
          ? url
          : poison(v, url),
    ]),
  );
}

const { index } = loadFixtures();
const selection: Selection = {
  accreditors: [],
  professions: [],
  kinds: [],
  countries: [],
  characteristics: [],
  on: TODAY,
};
const clean = buildReport(index, selection, TODAY, { institution: 'Fixture University' });

/** Every table line has as many cell separators as its header: a `|` in content does not add a column. */
function tableWidths(md: string): string[] {
  const bad: string[] = [];
  let width = -1;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      width = -1;
      continue;
    }
    const pipes = line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
    if (width === -1) width = pipes;
    else if (pipes !== width) bad.push(line);
  }
  return bad;
}

function expectInert(md: string): void {
  const html = render(md);
  expect(html).not.toMatch(/<(script|img|iframe)\b|<!--|<[^>]*onerror=/i);
  expect(html).not.toMatch(/href="(?!https:\/\/example\.org\/)/);
  expect(html).not.toMatch(/<h1>heading/);
  // GitHub's extra autolinks need these literally in text (a link's own destination is checked above)
  expect(md.replace(/\]\((?:\\.|[^)\\])*\)/g, '](…)')).not.toMatch(/https:\/\/evil|www\.evil/);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;'); // the words are kept, as text
  expect(tableWidths(md)).toEqual([]);
}

describe('Markdown gap report with hostile content', () => {
  it('renders HTML, links, images, autolinks and table pipes from every content field as text', () => {
    const md = renderMarkdown(poison(clean, 'javascript:alert(6)') as typeof clean);
    expect(md).not.toBe(renderMarkdown(clean));
    expectInert(md);
    expect(render(md)).not.toContain('<a '); // no URL was safe, so no link at all
  });

  it('keeps a link whose https URL tries to break out of its parentheses, pointing where it says', () => {
    const md = renderMarkdown(
      poison(clean, 'https://example.org/x) ![i](https://evil.example/p.png) <b>') as typeof clean,
    );
    expectInert(md);
    const hrefs = [...render(md).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toBe('https://example.org/x)%20!%5Bi%5D(https://evil.example/p.png)%20%3Cb%3E');
  });

  it('escapes the institution typed in the browser builder', () => {
    const r = buildReport(index, selection, TODAY, { institution: '<img src=x onerror=alert(1)> Uni' });
    const md = renderMarkdown(r);
    expect(md).toContain('Prepared for **&lt;img src=x onerror=alert(1)&gt; Uni**.');
    expect(render(md)).not.toContain('<img');
  });
});

describe('drift worklist with hostile content', () => {
  it('renders titles, codes, reasons and edition names as text', () => {
    const [edition, previous] = [...index.editions.values()] as EditionData[];
    const md = driftMarkdown(index, [
      {
        edition: { ...edition!, edition: `2027 ${ATTACK}` },
        previous: { ...previous!, edition: `2020 ${ATTACK}` },
        items: [
          {
            standard: 'x',
            code: `A-1 ${ATTACK}`,
            title: ATTACK,
            mappings: [],
            decision: 'dropped',
            continuedBy: [],
            reason: ATTACK,
          },
        ],
        pending: 0,
      },
    ]);
    expectInert(md);
  });
});

describe('mdText, mdUrl, mdLink', () => {
  it('neutralises the markers that start a block where the text opens a line', () => {
    for (const s of ['# h', '- item', '+ item', '1. item', '2) item', '> quote', '=== setext'])
      expect(render(mdText(s))).toMatch(/^<p>/);
  });

  it('links only http(s) URLs, and keeps the text when the URL is refused', () => {
    expect(mdUrl('javascript:alert(1)')).toBeUndefined();
    expect(mdUrl(' https://example.org')).toBeUndefined();
    expect(mdUrl('data:text/html,<b>')).toBeUndefined();
    expect(mdLink('A-1 <b>', 'JaVaScRiPt:alert(1)')).toBe('A-1 &lt;b&gt;');
    expect(mdLink('A-1', 'https://example.org/a b(c)')).toBe('[A-1](https://example.org/a%20b\\(c\\))');
    expect(render(mdLink('A-1', 'https://example.org/a b(c)'))).toBe(
      '<p><a href="https://example.org/a%20b(c)">A-1</a></p>',
    );
  });

  it('leaves ordinary content readable and unchanged when rendered', () => {
    const s = 'Requires (in part) shared learning: 3.1, B-2 & "team" work — 100%';
    expect(render(mdText(s))).toBe(`<p>${s.replace('&', '&amp;').replace(/"/g, '&quot;')}</p>`);
  });
});
