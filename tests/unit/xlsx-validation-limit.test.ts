import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { exportTables, renderWorkbook } from '../../src/lib/spreadsheet/export.ts';
import { IMPORT_LIMITS } from '../../src/lib/spreadsheet/limits.ts';
import { readXlsx } from '../../src/lib/spreadsheet/read.ts';
import { validatedCells } from '../../src/lib/spreadsheet/zip.ts';
import { FIXTURES } from '../helpers.ts';

const inflateRaw = (data: Uint8Array, max: number) => inflateRawSync(data, { maxOutputLength: Math.max(1, max) });

describe('dropdown ranges in an imported workbook', () => {
  it('counts the cells a sheet’s data-validation ranges cover', () => {
    expect(
      validatedCells('<dataValidation type="list" sqref="A2:A11 C3"><formula1>"a"</formula1></dataValidation>'),
    ).toBe(11);
    expect(validatedCells('<x:dataValidation sqref="$A$1:$XFD$1048576"/>')).toBe(16384 * 1048576);
  });

  it('refuses, before the reader expands it, a tiny workbook whose dropdown covers every cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Mappings');
    ws.addRow(['standard']);
    (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add('A1:XFD1048576', {
      type: 'list',
      formulae: ['"a,b"'],
    });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(bytes.length).toBeLessThan(10_000);
    const started = Date.now();
    await expect(readXlsx(bytes, ExcelJS, 'hostile.xlsx', { inflateRaw })).rejects.toThrow(
      /dropdowns \(data validation\) cover more than 3,000,000 cells \(at xl\/worksheets\/sheet1\.xml\)/,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reads our own export, whose dropdowns stay far below the limit', async () => {
    const bytes = await renderWorkbook(exportTables(loadFiles(readContentDir(FIXTURES))), ExcelJS, 'test');
    await expect(readXlsx(bytes, ExcelJS, 'export.xlsx', { inflateRaw })).resolves.toBeDefined();
    expect(IMPORT_LIMITS.validatedCells).toBe(3_000_000);
  });
});
