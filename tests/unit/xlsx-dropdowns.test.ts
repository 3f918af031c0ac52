import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { DROPDOWN_SPARE_ROWS, exportTables, renderWorkbook } from '../../src/lib/spreadsheet/export.ts';
import { planImport } from '../../src/lib/spreadsheet/import.ts';
import { readXlsx } from '../../src/lib/spreadsheet/read.ts';
import { PROFESSIONS } from '../../src/schemas/common.ts';
import { FIXTURES, TODAY } from '../helpers.ts';

const sources = readContentDir(FIXTURES);
const content = loadFiles(sources);

async function exported() {
  const bytes = await renderWorkbook(exportTables(content), ExcelJS, 'test');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice() as unknown as ArrayBuffer);
  return { bytes, wb };
}
const colOf = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);
type Validations = { model: Record<string, ExcelJS.DataValidation> };
const validation = (ws: ExcelJS.Worksheet, header: string, row = 2) =>
  (ws as unknown as { dataValidations: Validations }).dataValidations.model[
    `${ws.getColumn(colOf(ws, header)).letter}${row}`
  ];

describe('XLSX export for Excel users', () => {
  it('offers the controlled lists as dropdowns, and characteristic IDs from the Characteristics sheet', async () => {
    const { wb } = await exported();
    const m = wb.getWorksheet('Mappings')!;
    expect(validation(m, 'strength')).toMatchObject({
      type: 'list',
      formulae: ['"explicit,partial,implicit"'],
      errorStyle: 'stop',
    });
    const ids = content.characteristics.length;
    expect(validation(m, 'characteristic')!.formulae).toEqual([`Characteristics!$A$2:$A$${ids + 1}`]);
    const s = wb.getWorksheet('Standards')!;
    expect(validation(s, 'bindingness')!.formulae).toEqual(['"required,expected,guidance"']);
    expect(validation(s, 'verification')!.formulae).toEqual(['"verified,secondary,unverified"']);
    // Rows a user adds below the data get the dropdown too, up to the spare rows.
    const below = s.rowCount + DROPDOWN_SPARE_ROWS - 1;
    expect(validation(s, 'verification', below)).toBeDefined();
    // Several professions may share a cell: the dropdown informs rather than refuses. The list is
    // longer than Excel's inline limit, so it is on the hidden Lists sheet.
    const professions = validation(wb.getWorksheet('Accreditors')!, 'professions')!;
    expect(professions).toMatchObject({ type: 'list', errorStyle: 'information' });
    const lists = wb.getWorksheet('Lists')!;
    expect(lists.state).toBe('hidden');
    const [, sheet, col] = /^(\w+)!\$([A-Z]+)\$1:/.exec(String(professions.formulae![0]))!;
    expect(sheet).toBe('Lists');
    expect(lists.getColumn(col!).values.filter(Boolean)).toEqual([...PROFESSIONS]);
  });

  it('has one row per mapping review on the Reviews sheet, with dropdowns, instead of YAML in a cell', async () => {
    const { wb } = await exported();
    const m = wb.getWorksheet('Mappings')!;
    expect(colOf(m, 'reviews')).toBe(-1);
    const r = wb.getWorksheet('Reviews')!;
    const reviews = content.standards.flatMap((s) => s.data.mappings.flatMap((x) => x.reviews));
    expect(r.rowCount).toBe(reviews.length + 1);
    expect(r.getRow(2).getCell(colOf(r, 'date')).numFmt).toBe('@');
    expect(validation(r, 'verdict')!.formulae).toEqual(['"agree,dissent"']);
    expect(validation(r, 'characteristic')!.formulae).toEqual([
      `Characteristics!$A$2:$A$${content.characteristics.length + 1}`,
    ]);
    expect(String(validation(r, 'profession')!.formulae![0])).toMatch(/^Lists!\$[A-Z]+\$1:/);
    expect(validation(r, 'profession')!.errorStyle).toBe('stop');
  });

  it('formats date and code columns as text, so Excel keeps what is typed', async () => {
    const { wb } = await exported();
    const s = wb.getWorksheet('Standards')!;
    for (const h of ['readDate', 'code']) expect(s.getRow(2).getCell(colOf(s, h)).numFmt, h).toBe('@');
    const e = wb.getWorksheet('Editions')!;
    expect(e.getRow(2).getCell(colOf(e, 'effectiveFrom')).numFmt).toBe('@');
  });

  it('still imports unedited as no change', async () => {
    const { bytes } = await exported();
    const plan = planImport(sources, await readXlsx(bytes, ExcelJS, 'export.xlsx'), { today: TODAY });
    expect(plan.errors).toBe(0);
    expect(plan.files).toEqual([]);
  });
});
