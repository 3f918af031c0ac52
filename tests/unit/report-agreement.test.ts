/** The report's review agreement in every format, on the fixture's reviewed mappings (issue 14, item 3). */
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { Selection } from '../../src/lib/coverage.ts';
import { agreementLine } from '../../src/lib/report/agreement.ts';
import { buildReport } from '../../src/lib/report/build.ts';
import { renderCsv } from '../../src/lib/report/csv.ts';
import { renderReportHtml } from '../../src/lib/report/html.ts';
import { renderReportAs } from '../../src/lib/report/index.ts';
import { renderMarkdown } from '../../src/lib/report/markdown.ts';
import { renderPdf } from '../../src/lib/report/pdf.ts';
import { gapReportSchema, type GapReport } from '../../src/lib/report/schema.ts';
import { loadFixtures, TODAY } from '../helpers.ts';

const { index } = loadFixtures();
const all: Selection = { accreditors: [], professions: [], kinds: [], countries: [], characteristics: [], on: TODAY };
const report = buildReport(index, all, TODAY);
const links = {
  standard: (id: string) => `/standards/${id}/`,
  characteristic: (id: string) => `/characteristics/${id}/`,
  accreditor: (id: string) => `/accreditors/${id}/`,
  edition: (id: string) => `/editions/${id}/`,
};
/** RFC 4180 fields (quoted commas, doubled quotes, CRLF rows), enough to read our own CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  const re = /("((?:[^"]|"")*)"|[^,\r\n]*)(,|\r\n|$)/gy;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    rows.at(-1)!.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]!);
    if (m[3] === '\r\n') rows.push([]);
  }
  return rows.filter((r) => r.length > 1);
}
const section = (md: string) => md.slice(md.indexOf('## Review agreement'), md.indexOf('## Appendix'));

/** The fixture report with only Alpha (2020 in force, no reviews), or with one hostile single review. */
const alphaOnly = buildReport(index, { ...all, accreditors: ['alpha-council'] }, TODAY);
const oneReview: GapReport = {
  ...alphaOnly,
  reviewAgreement: {
    ...alphaOnly.reviewAgreement,
    withReviews: 1,
    overall: { ...alphaOnly.reviewAgreement.overall, reviews: 1, agreeing: 0, share: 0 },
    byBody: [{ key: 'alpha-council', reviews: 1, agreeing: 0, share: 0, mappings: 0, method: 'fleiss' }],
    dissents: [
      {
        standard: 'alpha-2020/a-1',
        code: 'A-1',
        body: 'alpha-council',
        characteristic: 'interprofessional-learning-experiences',
        reviewer: 'Eve <script>alert(1)</script>',
        profession: 'nursing',
        date: '2026-01-01',
        strength: 'explicit',
        suggestedStrength: 'partial',
        note: 'See [here](https://evil.example) <img src=x onerror=alert(1)>',
      },
    ],
  },
};

describe('review agreement in the report model', () => {
  it('covers the editions in force: Beta 2024’s two mappings rated twice, Fleiss kappa -1/3, one dissent', () => {
    expect(gapReportSchema.safeParse(report).success).toBe(true);
    const a = report.reviewAgreement;
    expect(a).toMatchObject({ mappings: 6, withReviews: 2, ratedTwice: 2 });
    expect(a.overall).toMatchObject({ reviews: 4, agreeing: 3, share: 0.75, mappings: 2, method: 'fleiss' });
    expect(a.overall.kappa).toBeCloseTo(-1 / 3, 10);
    // Nursing agreed with both, pharmacy with one: p_o = 1/2, p_e = 1·1/2 = 1/2, Cohen's kappa 0.
    expect(a.byProfessionPair).toEqual([
      { key: 'nursing+pharmacy', reviews: 4, agreeing: 3, share: 0.75, mappings: 2, kappa: 0, method: 'cohen' },
    ]);
    expect(a.dissents).toEqual([
      {
        standard: 'beta-2024/b-2',
        code: 'B-2',
        body: 'beta-board',
        characteristic: 'teams-and-teamwork',
        reviewer: 'Reviewer One (fixture)',
        profession: 'pharmacy',
        date: '2025-02-01',
        strength: 'implicit',
        note: 'Fixture dissent: the standard concerns individual practice.',
      },
    ]);
  });

  it('on 2027-06-01 Alpha 2027 is in force and its suggested strength reaches the dissent list', () => {
    const later = buildReport(index, { ...all, on: '2027-06-01' }, TODAY);
    const d = later.reviewAgreement.dissents.find(
      (x) => x.standard === 'alpha-2027/a-1' && x.profession === 'pharmacy',
    );
    expect(d).toMatchObject({ strength: 'explicit', suggestedStrength: 'partial' });
    expect(renderMarkdown(later)).toContain(
      '**ANC A-1 → Interprofessional learning experiences**: Reviewer One (fixture) (Pharmacy), 2025-03-01, suggests partial (mapped as explicit): Fixture dissent: the planned learning is optional.',
    );
  });
});

describe('review agreement in every format', () => {
  it('Markdown and HTML: tables by body, characteristic and pair, then the dissents', () => {
    const md = section(renderMarkdown(report));
    expect(md).toContain("Overall 75% of 4 reviews agree; Fleiss' kappa -0.33 on 2 mappings.");
    expect(md).toContain('| BPB | 4 | 75% (3) | -0.33 | 2 |');
    expect(md).toContain('| Nursing and Pharmacy | 4 | 75% (3) | 0.00 | 2 |');
    expect(md).toContain('### Dissents and their reasons');
    const html = renderReportHtml(report, links);
    expect(html).toContain('<h2 id="review-agreement">Review agreement</h2>');
    expect(html).toContain('<th scope="row">BPB</th><td>4</td><td>75% (3)</td><td>-0.33</td><td>2</td>');
    expect(html).toContain('<a href="/standards/beta-2024/b-2/#m-teams-and-teamwork">BPB B-2 → Teams and teamwork</a>');
  });

  it('CSV: each row carries its mapping’s reviews and its body’s and characteristic’s figures', () => {
    const [header, ...rows] = parseCsv(renderCsv(report).slice(1));
    const b2 = rows.find(
      (r) => r[header!.indexOf('standard_id')] === 'beta-2024/b-2' && r[0] === 'teams-and-teamwork',
    )!;
    const cell = (name: string) => b2[header!.indexOf(name)];
    expect([
      cell('mapping_reviews'),
      cell('mapping_agreeing'),
      cell('body_kappa'),
      cell('body_kappa_mappings'),
    ]).toEqual(['2', '1', '-0.3333', '2']);
    expect(cell('mapping_dissents')).toBe(
      'Reviewer One (fixture) (Pharmacy), 2025-02-01: Fixture dissent: the standard concerns individual practice.',
    );
  });

  it('XLSX sheet and PDF section', async () => {
    const bytes = (await renderReportAs(report, 'xlsx', ExcelJS)) as Uint8Array;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.getWorksheet('Review agreement')!;
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    expect(rows[0]!.slice(1, 3)).toEqual(['Summary', agreementLine(report.reviewAgreement)]);
    expect(rows.find((r) => r[2] === 'BPB')!.slice(1, 7)).toEqual(['By body', 'BPB', 4, '75% (3)', '-0.33', 2]);
    expect(rows.find((r) => r[1] === 'Dissent')![2]).toBe('BPB B-2 → Teams and teamwork');
    const { text } = await extractText(await getDocumentProxy(await renderPdf(report)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Review agreement');
    expect(flat).toContain("By pair of professions (Cohen's kappa)");
    expect(flat).toContain('Fixture dissent: the standard concerns individual practice.');
  });
});

describe('when no mapping has two reviews', () => {
  it('every format says so in one line, with no empty tables', async () => {
    expect(alphaOnly.reviewAgreement).toMatchObject({ withReviews: 0, ratedTwice: 0, dissents: [] });
    const md = section(renderMarkdown(alphaOnly));
    expect(md.trim().split('\n')).toEqual([
      '## Review agreement',
      '',
      'No mapping in this selection has been reviewed yet (2 mappings).',
    ]);
    const html = renderReportHtml(alphaOnly, links);
    expect(html).toContain('<p id="review-agreement-line">No mapping in this selection has been reviewed yet');
    expect(html).not.toMatch(/id="review-agreement-by-/);
    const { text } = await extractText(await getDocumentProxy(await renderPdf(alphaOnly)), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain('No mapping in this selection has been reviewed yet');
    expect(text).not.toContain('By pair of professions');
  });

  it('a single review: the one line, then its dissent, escaped in Markdown and HTML', () => {
    const md = section(renderMarkdown(oneReview));
    expect(md).toContain(
      'No mapping in this selection has two reviews yet, so there is no agreement to report (1 of 2 mappings have one).',
    );
    expect(md).not.toContain('| Body |');
    expect(md).toContain('suggests partial (mapped as explicit)');
    expect(md).not.toMatch(/<script|<img|[^\\]\]\(/);
    expect(md).toContain('\\[here\\](https:\u200b//evil.example)');
    const html = renderReportHtml(oneReview, links);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('Eve &lt;script&gt;');
  });
});
