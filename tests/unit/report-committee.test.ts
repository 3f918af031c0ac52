/** The committee report: cover, "act on first", codes in the table, model wording, initiatives, evidence appendix. */
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Selection } from '../../src/lib/coverage.ts';
import { buildReport, institutionName, MAX_INSTITUTION_CHARS } from '../../src/lib/report/build.ts';
import { bodyGroups, evidenceRows, moreActFirst } from '../../src/lib/report/committee.ts';
import { renderReportHtml } from '../../src/lib/report/html.ts';
import { renderReportAs } from '../../src/lib/report/index.ts';
import { renderMarkdown } from '../../src/lib/report/markdown.ts';
import { renderPdf } from '../../src/lib/report/pdf.ts';
import { availablePresets, PRESETS, presetParams } from '../../src/lib/report/presets.ts';
import { gapReportSchema } from '../../src/lib/report/schema.ts';
import { loadFixtures, TODAY } from '../helpers.ts';

const { index } = loadFixtures();
const all: Selection = {
  accreditors: [],
  professions: [],
  kinds: [],
  countries: [],
  characteristics: [],
  on: '2026-11-25',
};
const report = buildReport(index, all, TODAY, { institution: 'Riverside Health Sciences' });
/** Gamma alone: its gaps get model wording from bodies outside the selection. */
const gammaOnly = buildReport(index, { ...all, accreditors: ['gamma-commission'] }, TODAY);

async function pdfPages(bytes: Uint8Array) {
  const doc = await getDocumentProxy(bytes);
  const { text } = await extractText(doc, { mergePages: false });
  const sizes = [];
  for (let i = 1; i <= doc.numPages; i++) sizes.push((await doc.getPage(i)).view.slice(2).map(Math.round));
  return { pages: (text as string[]).map((t) => t.replace(/\s+/g, ' ')), sizes };
}

describe('committee report model (schema 2.1)', () => {
  it('validates, and ranks "act on first" by severity, then weakest support', () => {
    expect(gapReportSchema.safeParse(report).success).toBe(true);
    expect(gapReportSchema.safeParse(gammaOnly).success).toBe(true);
    expect(report.actFirst.map((a) => [a.characteristic, a.severity, a.support])).toEqual([
      ['shared-interprofessional-onboarding', 'high', 0.24],
      ['teams-and-teamwork', 'medium', 0.6],
      ['interprofessional-learning-experiences', 'low', 0.75],
      ['psychological-safety', 'low', 1],
    ]);
    expect(report.actFirst[1]).toMatchObject({
      gaps: ['alpha-council'],
      opportunities: [{ body: 'beta-board', standards: ['beta-2024/b-2'] }],
    });
  });
  it('model wording comes from other bodies, strongest first, and never from implicit mappings', () => {
    const ile = gammaOnly.modelWording.find((w) => w.characteristic === 'interprofessional-learning-experiences')!;
    expect(ile.standards.map((s) => [s.bodyLabel, s.code, s.strength, s.selected])).toEqual([
      ['BPB', 'B.1.1', 'explicit', false],
      ['BPB', 'B-2', 'partial', false],
    ]);
    const teams = report.modelWording.find((w) => w.characteristic === 'teams-and-teamwork')!;
    // BPB's B-2 maps teamwork only implicitly: it is an opportunity, not language to copy.
    expect(teams.standards.map((s) => `${s.bodyLabel} ${s.code}`)).toEqual(['GPC G 3']);
  });
  it('the institution name is optional, trimmed, and refused when too long with a clear message', () => {
    expect(buildReport(index, all, TODAY).institution).toBeUndefined();
    expect(institutionName('  ')).toBeUndefined();
    expect(() => institutionName('x'.repeat(MAX_INSTITUTION_CHARS + 1))).toThrow(/at most 200\. Shorten it/);
  });
  it('the evidence appendix lists every cited standard once, with its edition status', () => {
    const rows = evidenceRows(gammaOnly);
    expect(rows.map((r) => `${r.body} ${r.code}`)).toEqual(['ANC A-1', 'ANC A-2', 'BPB B-2', 'BPB B.1.1', 'GPC G 3']);
    expect(rows.find((r) => r.code === 'B.1.1')).toMatchObject({
      verification: 'verified',
      review: 'reviewed',
      editionStatus: 'in force; text read: part; not selected',
    });
  });
  it('the act-on-first page says how many more there are, in the singular or plural', () => {
    expect(moreActFirst(report, 4)).toBe('');
    expect(moreActFirst(report, 3)).toBe(
      '1 more characteristic has gaps or opportunities: see the table, Gaps and Integration opportunities.',
    );
    expect(moreActFirst(report, 2)).toMatch(/^2 more characteristics have gaps/);
  });
  it('wide selections split into groups of bodies', () => {
    expect(bodyGroups([1, 2, 3, 4, 5, 6, 7], 6)).toEqual([[1, 2, 3, 4, 5, 6], [7]]);
    expect(bodyGroups([], 6)).toEqual([[]]);
  });
});

describe('committee PDF, read back', () => {
  it('cover, act-on-first page, codes in the table, bodies and standards in the gaps, model wording, appendix', async () => {
    const bytes = await renderPdf(report, { paper: 'letter' });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const { pages, sizes } = await pdfPages(bytes);
    const [coverPage, first] = pages;
    expect(coverPage).toContain('IP-CLE Crosswalk gap report Prepared for Riverside Health Sciences Date: 2026-11-25');
    expect(coverPage).toContain('Selection: bodies: all; editions in force on 2026-11-25');
    expect(coverPage).toContain('Crosswalk data version: fixture');
    expect(coverPage).toMatch(
      /BPB Beta Pharmacy Board \(fixture\) Beta Accreditation Standards \(2024\) text read: part/,
    );
    expect(first).toMatch(/^Act on first /);
    expect(first).toMatch(
      /1 Shared interprofessional onboarding high 0\.24 Gap at GPC\. 2 Teams and teamwork medium 0\.60 Gap at ANC\. Opportunity at BPB \(B-2\)\./,
    );
    const table = pages.find((p) => p.startsWith('Bodies × characteristics'))!;
    expect(table).toContain('Characteristic Severity ANC BPB GPC');
    expect(table).toContain('Interprofessional learning experiences low Not reviewed Covered: B.1.1, B-2 Gap');
    expect(table).toContain('Teams and teamwork medium Gap Opportunity [1,3]: B-2 Partial [1,3]: G 3');
    const gaps = pages.find((p) => p.startsWith('Gaps, and the language other bodies use'))!;
    expect(gaps).toContain(
      'Shared interprofessional onboarding (severity high) Gap at GPC (Gamma Practice Manual (2025))',
    );
    expect(gaps).toContain('Teams and teamwork (severity medium) Gap at ANC (Alpha Standards (2020))');
    expect(gaps).toMatch(
      /Model wording \(strongest language in force at any body\): BPB B\.1\.1 Interprofessional Education — Beta Accreditation Standards \(2024\); explicit, expected, verified, reviewed\. The fixture element expects pharmacy students/,
    );
    const all = pages.join(' ');
    expect(all).toContain('Shared onboarding (fixture): 4 standards at 2 bodies');
    expect(all).toMatch(
      /Appendix: quality of the evidence cited .* BPB Beta Accreditation Standards \(2024\): in force; text read: part; effective 2024 Standard Verification Review Cited for .*B\.1\.1 Interprofessional Education verified reviewed/,
    );
    expect(all).toContain('Riverside Health Sciences · IP-CLE Crosswalk gap report');
    // US Letter portrait, with the matrix on a landscape page
    expect(sizes[0]).toEqual([612, 792]);
    expect(sizes[pages.indexOf(table)]).toEqual([792, 612]);
    expect(sizes[pages.indexOf(gaps)]).toEqual([612, 792]);
  });
  it('A4 by default; a body outside the selection is marked as such in the model wording', async () => {
    const { pages, sizes } = await pdfPages(await renderPdf(gammaOnly));
    expect(sizes[0]).toEqual([595, 842]);
    expect(pages.join(' ')).toMatch(
      /BPB B\.1\.1 Interprofessional Education — Beta Accreditation Standards \(2024\); explicit, expected, verified, reviewed; not in this selection/,
    );
  });
});

describe('committee sections in Markdown, HTML and XLSX', () => {
  it('Markdown and HTML carry the cover, act on first, model wording and appendix', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('Prepared for **Riverside Health Sciences**.');
    expect(md).toContain('1. **Shared interprofessional onboarding** (severity high, support 0.24): Gap at GPC.');
    expect(md).toContain(
      '- [BPB B.1.1 Interprofessional Education](https://example.org/beta-board/2024#b-1-1), Beta Accreditation Standards (2024): explicit',
    );
    expect(md).toContain('## Appendix: quality of the evidence cited');
    const links = {
      standard: (id: string) => `/s/${id}`,
      characteristic: (id: string) => `/c/${id}`,
      accreditor: (id: string) => `/a/${id}`,
      edition: (id: string) => `/e/${id}`,
    };
    const html = renderReportHtml(report, links);
    expect(html).toContain(
      '<p id="report-institution" class="report-institution">Prepared for Riverside Health Sciences</p>',
    );
    expect(html).toMatch(/<ol id="report-act-first"><li><a href="\/c\/shared-interprofessional-onboarding">/);
    expect(html).toContain('<a href="/s/beta-2024/b-1-1">BPB B.1.1 Interprofessional Education</a>');
    expect(html).toContain('<details id="report-evidence"');
    expect(renderReportHtml({ ...report, institution: '<b>x</b>' }, links)).toContain(
      'Prepared for &lt;b&gt;x&lt;/b&gt;',
    );
  });
  it('XLSX reads back with the act-first, model wording and evidence sheets', async () => {
    const bytes = (await renderReportAs(gammaOnly, 'xlsx', ExcelJS)) as Uint8Array;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const values = (name: string) =>
      wb
        .getWorksheet(name)!
        .getRows(1, wb.getWorksheet(name)!.rowCount)!
        .map((r) => (r.values as unknown[]).slice(1));
    expect(values('Act first')[1]).toEqual([1, 'Interprofessional learning experiences', 'high', 0, 'Gap at GPC.']);
    const wording = values('Model wording');
    expect(wording[0]).toEqual(expect.arrayContaining(['Gap characteristic', 'Body', 'Standard', 'Selected']));
    expect(wording[1]!.slice(0, 3)).toEqual([
      'Interprofessional learning experiences',
      'BPB',
      { text: 'B.1.1', hyperlink: 'https://example.org/beta-board/2024#b-1-1' },
    ]);
    expect(values('Evidence').length - 1).toBe(evidenceRows(gammaOnly).length);
  });
});

describe('report builder presets', () => {
  it('every preset names bodies that exist in content/accreditors, and presets with an unknown body are hidden', () => {
    const known = new Set(readdirSync('content/accreditors').map((f) => f.replace(/\.md$/, '')));
    expect(availablePresets(known)).toEqual(PRESETS);
    expect(PRESETS.find((p) => p.id === 'us-academic-health-centre')!.bodies).toEqual([
      'lcme',
      'ccne',
      'acpe',
      'acgme-cpr',
      'tjc-hospital',
    ]);
    expect(availablePresets(new Set(['lcme', 'ccne'])).map((p) => p.id)).toEqual([]);
    expect(presetParams(PRESETS[0]!).toString()).toBe(
      'body=lcme&body=ccne&body=acpe&body=acgme-cpr&body=tjc-hospital&preset=US+academic+health+centre',
    );
  });
});
