import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { STATUSES, type Selection } from '../../src/lib/coverage.ts';
import { buildReport } from '../../src/lib/report/build.ts';
import { csvField, renderCsv } from '../../src/lib/report/csv.ts';
import { renderJson, renderReportAs } from '../../src/lib/report/index.ts';
import { renderMarkdown } from '../../src/lib/report/markdown.ts';
import { renderPdf } from '../../src/lib/report/pdf.ts';
import { gapReportSchema } from '../../src/lib/report/schema.ts';
import { SHEETS } from '../../src/lib/report/xlsx.ts';
import { loadFixtures, TODAY } from '../helpers.ts';

const { index } = loadFixtures();
const selection: Selection = {
  accreditors: [],
  professions: [],
  kinds: [],
  countries: [],
  characteristics: [],
  on: '2026-11-25',
};
const report = buildReport(index, selection, TODAY, { institution: 'Fixture  University ' });

/** Minimal RFC 4180 parser for reading our CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('report model', () => {
  it('matches its published JSON Schema shape and version', () => {
    expect(gapReportSchema.safeParse(report).success).toBe(true);
    expect(report.schemaVersion).toBe('2.2');
    expect(report.institution).toBe('Fixture University');
    expect(report.summary).toEqual({
      bodies: 3,
      characteristics: 4,
      cells: 12,
      counts: { covered: 2, partial: 2, opportunity: 1, gap: 4, 'not-reviewed': 3 },
      standards: 5,
      verifiedStandards: 2,
      mappings: 6,
      reviewedMappings: 1,
      organisations: 3,
      // alpha onboarding, beta teamwork (B-2), gamma teamwork (G 3) rest on unverified wording only
      qualified: { 'secondary-only': 3, 'guidance-only': 1, 'proposed-only': 4 },
      carried: 0,
      // four reviewed gaps in read editions, and beta's B.1.1 (verified, reviewed by two professions)
      solidCells: 5,
    });
    expect(report.opportunityCells).toEqual([
      { characteristic: 'teams-and-teamwork', body: 'beta-board', edition: 'beta-2024', standards: ['beta-2024/b-2'] },
    ]);
    expect(report.gaps).toHaveLength(4);
    expect(report.professions.map((p) => [p.profession, p.statuses['interprofessional-learning-experiences']])).toEqual(
      [
        ['all-health-professions', 'gap'],
        ['nursing', 'not-reviewed'],
        ['pharmacy', 'covered'],
      ],
    );
    expect(report.bodies[0]!.transition).toMatchObject({ to: 'alpha-2027', startsOn: '2027-01-01' });
  });
});

describe('carried-forward evidence in every format', () => {
  // On 2027-06-01 Alpha's 2027 edition is in force; it was not reviewed for onboarding or teamwork.
  const later = buildReport(index, { ...selection, on: '2027-06-01' }, TODAY);
  it('the model carries the last read edition without counting it', () => {
    expect(gapReportSchema.safeParse(later).success).toBe(true);
    expect(later.summary.carried).toBe(2);
    const onboarding = later.characteristics.find((c) => c.id === 'shared-interprofessional-onboarding')!;
    const alpha = onboarding.cells.find((c) => c.body === 'alpha-council')!;
    expect(alpha).toMatchObject({ status: 'not-reviewed', carried: { from: 'alpha-2020', status: 'partial' } });
    expect(alpha.carried!.fromLabel).toBe('Alpha Standards (2020)');
    expect(onboarding.counts.partial).toBe(0);
  });
  it('Markdown, HTML, CSV, XLSX and PDF all show it with the older edition named', async () => {
    const md = renderMarkdown(later);
    expect(md).toContain('## Carried forward from older editions');
    expect(md).toMatch(/Shared interprofessional onboarding\*\* at ANC: Partial in Alpha Standards \(2020\): A-2/);
    expect(md).toContain('| – Not reviewed (carried forward: Partial): A-2 |');
    const csv = parseCsv(renderCsv(later).slice(1));
    const col = csv[0]!.indexOf('carried_from');
    expect(csv.filter((r) => r[col] === 'alpha-2020').map((r) => r[csv[0]!.indexOf('standard_code')])).toEqual([
      'A-2',
      '',
    ]);
    const bytes = (await renderReportAs(later, 'xlsx', ExcelJS)) as Uint8Array;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const m = wb.getWorksheet('Matrix')!;
    const row = m.getRows(2, 4)!.find((r) => r.getCell(1).value === 'Shared interprofessional onboarding')!;
    expect(row.getCell(3).value).toBe('– Not reviewed (carried forward: Partial): A-2');
    const pdf = await renderPdf(later);
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain('Carried forward from older editions');
    expect(text.replace(/\s+/g, ' ')).toMatch(
      /Alpha Standards \(2020\) \(A-2\); not checked against the edition in force/,
    );
  });
});

describe('formats', () => {
  it('Markdown (golden)', async () => {
    await expect(renderMarkdown(report)).toMatchFileSnapshot('../golden/report.md');
  });

  it('CSV is RFC 4180 with a UTF-8 BOM (golden) and reads back to the same cells', async () => {
    const csv = renderCsv(report);
    expect(csv.startsWith('\uFEFFcharacteristic_id,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    await expect(csv).toMatchFileSnapshot('../golden/report.csv');
    const rows = parseCsv(csv.slice(1));
    const header = rows[0]!;
    const status = header.indexOf('status');
    const cells = new Set(rows.slice(1).map((r) => `${r[0]}|${r[4]}|${r[status]}`));
    expect(cells.size).toBe(report.summary.cells);
    expect(csvField('a "quoted", value')).toBe('"a ""quoted"", value"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('JSON round-trips to the same report', () => {
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });

  it('XLSX has the documented sheets, frozen headers, autofilter, status as text and fill', async () => {
    const bytes = (await renderReportAs(report, 'xlsx', ExcelJS)) as Uint8Array;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS]);
    const m = wb.getWorksheet('Matrix')!;
    expect(m.getRow(1).values).toEqual([undefined, 'Characteristic', 'Severity', 'ANC', 'BPB', 'GPC']);
    expect(m.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect(m.autoFilter).toBeTruthy();
    const ile = m.getRows(2, 4)!.find((r) => r.getCell(1).value === 'Interprofessional learning experiences')!;
    expect([ile.getCell(3).value, ile.getCell(4).value, ile.getCell(5).value]).toEqual([
      '– Not reviewed',
      '● Covered: B.1.1, B-2',
      '○ Gap',
    ]);
    expect((ile.getCell(4).fill as { fgColor: { argb: string } }).fgColor.argb).toBe('FFC6EFCE');
    const detail = wb.getWorksheet('Detail')!;
    expect(detail.rowCount - 1).toBe(parseCsv(renderCsv(report).slice(1)).length - 1);
    const about = wb.getWorksheet('About')!;
    const aboutText = about.getColumn(2).values.join('\n');
    expect(aboutText).toContain('fixture');
    expect(aboutText).toContain('editions in force on 2026-11-25');
    expect(wb.getWorksheet('Gaps')!.rowCount - 1).toBe(report.gaps.length);
    expect(aboutText).toContain('Fixture University');
    // Data cells share one style object per look (for speed): headers stay bold, data cells do not
    // inherit it, source URLs stay links, status fills stay per cell.
    expect(detail.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(detail.getRow(2).getCell(1).font?.bold).toBeFalsy();
    const urlCol = (detail.getRow(1).values as unknown[]).indexOf('source_url');
    const links = detail.getColumn(urlCol).values.filter((v) => typeof v === 'object' && v !== null);
    const urls = report.characteristics.flatMap((c) =>
      c.cells.flatMap((cell) => cell.standards.flatMap((s) => (s.sourceUrl ? [s.sourceUrl] : []))),
    );
    expect(urls.length).toBeGreaterThan(0);
    expect(links).toEqual(urls.map((u) => ({ text: u, hyperlink: u })));
    // Every status cell of Matrix and Professions has the fill of its own status.
    const fills: Record<string, string> = {
      '● Covered': 'FFC6EFCE',
      '◐ Partial': 'FFFFEB9C',
      '◇ Opportunity': 'FFDDEBF7',
      '○ Gap': 'FFFFC7CE',
      '– Not reviewed': 'FFEDEDED',
    };
    // a cell's text is its status, then any evidence notes and codes ("◐ Partial [1,2,3]: A-2")
    const statusOfText = (v: unknown) =>
      String(v)
        .replace(/(: .*)$/, '')
        .replace(/ \[[\d,]+\]$/, '');
    const statusCells = [
      ...m.getRows(2, m.rowCount - 1)!.flatMap((r) => [3, 4, 5].map((i) => r.getCell(i))),
      ...wb
        .getWorksheet('Professions')!
        .getRows(2, report.characteristics.length)!
        .flatMap((r) => report.professions.map((_, i) => r.getCell(i + 2))),
    ];
    expect(statusCells).toHaveLength(
      3 * report.characteristics.length + report.professions.length * report.characteristics.length,
    );
    for (const cell of statusCells) {
      expect((cell.fill as { fgColor: { argb: string } }).fgColor.argb).toBe(fills[statusOfText(cell.value)]);
    }
    expect(wb.getWorksheet('Opportunities')!.rowCount - 1).toBe(
      report.opportunities.initiatives.reduce((n, it) => n + it.standards.length, 0),
    );
  });

  it('PDF text shows title, selection, data version, figures, verification and page numbers', async () => {
    const pdf = await renderPdf(report);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    const { text, totalPages } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('IP-CLE Crosswalk gap report');
    expect(text).toContain('Selection: bodies: all; editions in force on 2026-11-25');
    expect(text).toContain('Crosswalk data version: fixture');
    expect(text).toContain('2 of 5 standards verified');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(
      /ANC Alpha Standards \(2020\) — in transition to Alpha Standards \(2027\) full 1 1 0 1 1 0 1\/2 \(50%\)/,
    );
    expect(flat).toContain('Characteristic Severity ANC BPB GPC');
    expect(text).toContain(`page ${totalPages} of ${totalPages}`);
    expect(text).toContain('Shared onboarding (fixture): 4 standards at 2 bodies');
  });

  it('the same selection gives the same numbers in every format', async () => {
    const md = renderMarkdown(report);
    expect(md).toContain('| 3 | 4 | 2 | 2 | 1 | 4 | 3 |');
    const csvRows = parseCsv(renderCsv(report).slice(1));
    const statusCol = csvRows[0]!.indexOf('status');
    const gapCells = new Set(csvRows.filter((r) => r[statusCol] === 'Gap').map((r) => `${r[0]}|${r[4]}`));
    expect(gapCells.size).toBe(report.summary.counts.gap);
    const { text } = await extractText(await getDocumentProxy(await renderPdf(report)), { mergePages: true });
    const gpc = /GPC Gamma Practice Manual \(2025\) full (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(
      text.replace(/\s+/g, ' '),
    )!;
    const body = report.bodies.find((b) => b.abbreviation === 'GPC')!;
    expect(gpc.slice(1).map(Number)).toEqual(STATUSES.map((s) => body.counts[s]));
  });
});
