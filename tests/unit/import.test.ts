import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadFiles, type SourceFile } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { exportTables, renderCsvFiles, renderWorkbook } from '../../src/lib/spreadsheet/export.ts';
import { MAX_ROWS, planImport, type ImportPlan } from '../../src/lib/spreadsheet/import.ts';
import {
  csvWorkbook,
  decodeCsvBytes,
  parseCsv,
  readXlsx,
  ReadError,
  type RawWorkbook,
} from '../../src/lib/spreadsheet/read.ts';
import { FIXTURES, TODAY } from '../helpers.ts';
import { runMain } from '../run-main.ts';
import { main as importMain } from '../../scripts/import.ts';

const sources = (): SourceFile[] => readContentDir(FIXTURES);

let exported: Uint8Array | undefined;
async function workbook(): Promise<ExcelJS.Workbook> {
  exported ??= await renderWorkbook(exportTables(loadFiles(sources())), ExcelJS, 'test');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exported.slice() as unknown as ArrayBuffer);
  return wb;
}
const col = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);

/** Export, let `edit` spoil the workbook, and plan the import of the result. */
async function importEdited(edit: (wb: ExcelJS.Workbook) => void): Promise<ImportPlan> {
  const wb = await workbook();
  edit(wb);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return planImport(sources(), await readXlsx(bytes, ExcelJS, 'bad.xlsx'), { today: TODAY });
}

function csvImport(files: Record<string, string>): ImportPlan {
  return planImport(
    sources(),
    csvWorkbook(
      'bad',
      Object.entries(files).map(([path, text]) => ({ path, text })),
    ),
    { today: TODAY },
  );
}

const errors = (p: ImportPlan) => p.diagnostics.filter((d) => d.severity === 'error');
/** Every bad input: at least one located error, and no file planned. */
function refused(p: ImportPlan): Diagnostic[] {
  expect(p.files).toEqual([]);
  expect(p.errors).toBeGreaterThan(0);
  for (const d of errors(p)) {
    expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(5);
    expect(d.fix, JSON.stringify(d)).toBeTruthy();
  }
  return errors(p);
}

describe('import refuses bad input with row-and-column errors', () => {
  it('missing columns', async () => {
    const p = await importEdited((wb) => {
      const ws = wb.getWorksheet('Mappings')!;
      ws.spliceColumns(col(ws, 'rationale'), 1);
    });
    const [e] = refused(p);
    expect(e).toMatchObject({
      rule: 'import-header',
      line: 1,
      path: 'Mappings row 1',
      message: 'column `rationale` is missing',
    });
    expect(e!.fix).toContain('restore the column');
  });

  it('unknown columns, which would otherwise be dropped', async () => {
    const p = await importEdited((wb) => {
      const ws = wb.getWorksheet('Standards')!;
      const c = ws.getRow(1).cellCount + 1;
      ws.getRow(1).getCell(c).value = 'notes';
      ws.getRow(2).getCell(c).value = 'check with the committee';
    });
    const [e] = refused(p);
    expect(e).toMatchObject({ rule: 'import-header', message: 'unknown column `notes`', line: 1 });
    expect(e!.path).toMatch(/^Standards!\w+1$/);
  });

  it('unknown IDs, with did-you-mean', async () => {
    const p = await importEdited((wb) => {
      const ch = wb.getWorksheet('Characteristics')!;
      const c = ch.addRow([]);
      c.getCell(col(ch, 'id')).value = 'psychological-safty';
      c.getCell(col(ch, 'name')).value = 'Psychological safety';
      const ws = wb.getWorksheet('Mappings')!;
      const r = ws.addRow([]);
      r.getCell(col(ws, 'standard')).value = 'alpha-2020/a-9';
      r.getCell(col(ws, 'characteristic')).value = 'psychological-safety';
      const r2 = ws.addRow([]);
      r2.getCell(col(ws, 'standard')).value = 'gamma-2025/g-3';
      r2.getCell(col(ws, 'characteristic')).value = 'teams-and-teemwork';
      r2.getCell(col(ws, 'strength')).value = 'partial';
      r2.getCell(col(ws, 'rationale')).value = 'A rationale long enough to pass the rationale rule.';
    });
    const es = refused(p);
    const unknownChar = es.find((e) => e.message === 'unknown characteristic `psychological-safty`')!;
    expect(unknownChar).toMatchObject({ rule: 'import-id', path: 'Characteristics!A6 (id)', line: 6, column: 1 });
    expect(unknownChar.fix).toBe('did you mean `psychological-safety`?');
    const unknownStd = es.find((e) => e.message === 'unknown standard `alpha-2020/a-9`')!;
    expect(unknownStd).toMatchObject({ line: 9, column: 1 });
    expect(unknownStd.fix).toMatch(/did you mean `alpha-2020\/a-[12]`\?/);
    // A characteristic that does not exist is caught by the check, at the cell that introduced it.
    const ref = es.find((e) => e.rule === 'references')!;
    expect(ref.path).toMatch(
      /^Mappings!H10 \(characteristic\) → .*content\/standards\/gamma-2025\/g-3\.md mappings\[1\]\.characteristic$/,
    );
    expect(ref.fix).toBe('did you mean `teams-and-teamwork`?');
  });

  it('an id changed on an exported row', async () => {
    const p = await importEdited((wb) => {
      const ws = wb.getWorksheet('Accreditors')!;
      ws.getRow(2).getCell(1).value = 'alpha-counsel';
    });
    const [e] = refused(p);
    expect(e).toMatchObject({ rule: 'import-id', message: 'the id was changed', path: 'Accreditors!A2 (id)' });
  });

  it('merged cells', async () => {
    const p = await importEdited((wb) => wb.getWorksheet('Mappings')!.mergeCells('J3:K3'));
    const e = refused(p).find((d) => d.message === 'cells J3:K3 are merged')!;
    expect(e).toMatchObject({ line: 3, column: 10, path: 'Mappings!J3' });
    expect(e.fix).toContain('Unmerge');
  });

  it('extra sheets with data', async () => {
    const p = await importEdited((wb) => wb.addWorksheet('Notes').addRow(['to discuss']));
    const [e] = refused(p);
    expect(e).toMatchObject({
      rule: 'import-sheet',
      path: 'Notes',
      message: 'sheet `Notes` is not part of the crosswalk export',
    });
  });

  it('formulas', async () => {
    const p = await importEdited((wb) => {
      const ws = wb.getWorksheet('Mappings')!;
      ws.getRow(4).getCell(col(ws, 'rationale')).value = {
        formula: 'D4&" and more"',
        result: 'x',
      } as ExcelJS.CellValue;
    });
    const [e] = refused(p);
    expect(e).toMatchObject({
      rule: 'import-cell',
      message: 'the cell holds a formula',
      path: 'Mappings!J4 (rationale)',
    });
    expect(e!.found).toBe('=D4&" and more"');
  });

  it('dates turned into numbers or date cells', async () => {
    const p = await importEdited((wb) => {
      const ws = wb.getWorksheet('Editions')!;
      ws.getRow(2).getCell(col(ws, 'effectiveFrom')).value = 43983;
      const date = ws.getRow(3).getCell(col(ws, 'effectiveFrom'));
      date.value = new Date('2027-01-01T00:00:00Z');
      // Cells of a column share one style object: give this cell its own, as Excel does.
      date.style = { ...date.style, numFmt: 'yyyy-mm-dd' };
      ws.getRow(4).getCell(col(ws, 'edition')).value = 2024;
    });
    const es = refused(p);
    expect(es.map((e) => [e.path, e.message, e.found])).toEqual([
      ['Editions!E2 (effectiveFrom)', 'a date stored as a number', 'the number 43983'],
      ['Editions!E3 (effectiveFrom)', 'the spreadsheet turned this value into a date', 'a date cell (2027-01-01)'],
      ['Editions!D4 (edition)', 'a number where text belongs', 'the number 2024'],
    ]);
    expect(es[0]!.fix).toContain('format the cells as Text');
    const csv = csvImport({
      'editions.csv': renderCsvFiles(exportTables(loadFiles(sources())))
        .get('editions.csv')!
        .replace('"2020-07-01"', '43983')
        .replace(',2020-07-01,', ',43983,'),
    });
    expect(refused(csv)[0]).toMatchObject({ message: 'a date stored as a spreadsheet serial number', found: '43983' });
  });

  it('blank rows in the middle of a sheet, and rows emptied of their values', async () => {
    const p = await importEdited((wb) => {
      const ws = wb.getWorksheet('Mappings')!;
      ws.spliceRows(3, 0, []);
      const s = wb.getWorksheet('Standards')!;
      for (let c = 1; c < col(s, '_key'); c++) s.getRow(2).getCell(c).value = null;
    });
    const es = refused(p);
    expect(es.map((e) => [e.path, e.message])).toEqual(
      expect.arrayContaining([
        ['Mappings row 3', 'row 3 is blank'],
        ['Standards row 2', 'row 2 was emptied (it was exported for `alpha-2020/a-1`)'],
      ]),
    );
    // Blank rows after the last row are not data.
    const trailing = await importEdited((wb) => {
      const ws = wb.getWorksheet('Mappings')!;
      ws.getRow(ws.rowCount + 3).getCell(1).style = { font: { bold: true } };
    });
    expect(trailing.errors).toBe(0);
  });

  it('numbers where codes belong, unreadable entries', async () => {
    const p = await importEdited((wb) => {
      const s = wb.getWorksheet('Standards')!;
      s.getRow(4).getCell(col(s, 'code')).value = 7.1;
      const c = wb.getWorksheet('Characteristics')!;
      c.getRow(2).getCell(col(c, 'sources')).value = '- title: [unclosed';
      // Excel turns a typed date into a date cell unless the column is text: the import says where.
      const r = wb.getWorksheet('Reviews')!;
      r.getRow(2).getCell(col(r, 'date')).value = new Date('2025-02-01T00:00:00Z');
    });
    const es = refused(p);
    expect(es.map((e) => [e.path, e.message])).toEqual([
      ['Reviews!E2 (date)', 'a date stored as a number'],
      ['Standards!C4 (code)', 'a number where text belongs'],
      ['Characteristics!G2 (sources)', expect.stringMatching(/^the entries are not readable YAML: Flow sequence/)],
    ]);
    expect(es[1]!.expected).toContain('"7.10" lose digits');
  });

  it('values in a column without a header', async () => {
    const p = await importEdited((wb) => {
      const m = wb.getWorksheet('Mappings')!;
      m.getRow(5).getCell(m.getRow(1).cellCount + 2).value = 'stray note';
    });
    const [e] = refused(p);
    expect(e).toMatchObject({ path: 'Mappings!O1', message: 'a column with data has no name in the header row' });
  });

  it('read-only columns edited, and copies of an exported row', async () => {
    const p = await importEdited((wb) => {
      const m = wb.getWorksheet('Mappings')!;
      m.getRow(2).getCell(col(m, 'title')).value = 'A Better Title';
    });
    const [e] = refused(p);
    expect(e).toMatchObject({ rule: 'import-read-only', message: 'column `title` is for reading only here' });
    expect(e!.fix).toContain('Standards sheet');
    const copies = await importEdited((wb) => {
      const m = wb.getWorksheet('Mappings')!;
      const values = m.getRow(2).values as ExcelJS.CellValue[];
      m.addRow(values.slice(1));
      m.addRow(values.slice(1));
    });
    expect(refused(copies)[0]!.message).toMatch(/^rows 2, \d+, \d+ were all exported as `/);
  });

  it('rows that would break the content are reported at their cells', async () => {
    const p = await importEdited((wb) => {
      const m = wb.getWorksheet('Mappings')!;
      m.getRow(2).getCell(col(m, 'strength')).value = 'strong';
      m.getRow(3).getCell(col(m, 'rationale')).value = 'Too short.';
    });
    const es = refused(p);
    expect(es.find((e) => e.rule === 'schema')!.path).toMatch(/^Mappings!I2 \(strength\) → /);
    expect(es.find((e) => e.rule === 'schema')!.fix).toBe('use one of: explicit, partial, implicit');
    expect(es.find((e) => e.rule === 'rationale')!.path).toMatch(/^Mappings!J3 \(rationale\) → /);
  });

  it('50,000 rows: every bad row reported quickly, nothing written', () => {
    const header = renderCsvFiles(exportTables(loadFiles(sources())))
      .get('mappings.csv')!
      .split('\r\n')[0];
    const lines = [header];
    for (let i = 0; i < 50_000; i++)
      lines.push(`made-up/s-${i},,,,,,,psychological-safety,explicit,A rationale with enough words in it,,,,`);
    const t0 = performance.now();
    const p = csvImport({ 'mappings.csv': `${lines.join('\r\n')}\r\n` });
    const ms = performance.now() - t0;
    const es = refused(p);
    expect(es).toHaveLength(50_000);
    expect(es[49_999]).toMatchObject({ line: 50_001, column: 1, message: 'unknown standard `made-up/s-49999`' });
    expect(ms).toBeLessThan(20_000);
  });

  it('more rows than any export has', () => {
    const wb: RawWorkbook = {
      file: 'huge.xlsx',
      format: 'xlsx',
      sheets: [{ name: 'Mappings', rows: Array.from({ length: MAX_ROWS + 2 }, () => []), merges: [] }],
    };
    const [e] = refused(planImport(sources(), wb, { today: TODAY }));
    expect(e).toMatchObject({ rule: 'import-sheet', message: 'sheet Mappings has too many rows' });
  });

  it('files that are not spreadsheets, and broken CSV quoting', async () => {
    await expect(readXlsx(new TextEncoder().encode('not a zip'), ExcelJS, 'x.xlsx')).rejects.toThrow(ReadError);
    expect(() => parseCsv('a,b\n"unclosed,2\n', 'Mappings')).toThrow('a quoted field opened on line 2 is never closed');
    expect(parseCsv('\uFEFFa;b\r\n"x;y";"say ""hi"""\r\n', 'S').rows.map((r) => r.map((c) => c.text))).toEqual([
      ['a', 'b'],
      ['x;y', 'say "hi"'],
    ]);
    expect(() => decodeCsvBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'x.csv')).toThrow('save it as "CSV UTF-8');
    expect(decodeCsvBytes(new TextEncoder().encode('café'), 'x.csv')).toBe('café');
    const unknownCsv = csvImport({ 'notes.csv': 'topic,owner\nx,y\n' });
    expect(refused(unknownCsv)[0]).toMatchObject({ rule: 'import-sheet', file: 'notes.csv' });
  });

  it('content that fails the check is not imported into', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipcle-import-'));
    cpSync(FIXTURES, dir, { recursive: true });
    const f = join(dir, 'standards/beta-2024/b-2.md');
    writeFileSync(f, readFileSync(f, 'utf8').replace('level: standard', 'level: chapter'));
    const wb = await readXlsx((await workbook()) && exported!, ExcelJS, 'ok.xlsx');
    const [e] = refused(planImport(readContentDir(dir), wb, { today: TODAY }));
    expect(e).toMatchObject({ rule: 'import-content' });
    expect(e!.fix).toContain('npm run check');
  });
});

describe('npm run import with bad input', () => {
  it('exits 1, names the cells, caps the messages and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipcle-import-cli-'));
    cpSync(FIXTURES, join(dir, 'content'), { recursive: true });
    const csv = renderCsvFiles(exportTables(loadFiles(readContentDir(join(dir, 'content'), dir))));
    const lines = csv.get('mappings.csv')!.trimEnd().split('\r\n');
    for (let i = 0; i < 150; i++)
      lines.push(`nope/x-${i},,,,,,,psychological-safety,explicit,Enough words for a rationale here,,,,`);
    // Also edit a real row, which must not be written while other rows are wrong.
    lines[1] = lines[1]!.replace('explicit', 'partial');
    writeFileSync(join(dir, 'mappings.csv'), lines.join('\r\n'));
    const before = readContentDir(join(dir, 'content'), dir).map((s) => Buffer.from(s.bytes).toString('base64'));
    const r = await runMain(importMain, ['mappings.csv', '--write'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'mappings.csv:9:1  error  Mappings!A9 (standard): unknown standard `nope/x-0`  [import-id]',
    );
    expect(r.stdout).toContain('… and 50 more messages');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('150 error(s): nothing written');
    const after = readContentDir(join(dir, 'content'), dir).map((s) => Buffer.from(s.bytes).toString('base64'));
    expect(after).toEqual(before);
    const usage = await runMain(importMain, ['notes.txt'], { cwd: dir });
    expect(usage.status).toBe(2);
  });
});
