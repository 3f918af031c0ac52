import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadFiles, readContentDir, type SourceFile } from '../../src/lib/content.ts';
import { exportTables, renderWorkbook } from '../../src/lib/spreadsheet/export.ts';
import { planImport, type ImportPlan } from '../../src/lib/spreadsheet/import.ts';
import { readXlsx } from '../../src/lib/spreadsheet/read.ts';
import { FIXTURES, TODAY } from '../helpers.ts';

/** The sources as `--write` would leave them after `plan`. */
function applied(sources: SourceFile[], plan: ImportPlan): SourceFile[] {
  const after = new Map(plan.files.map((f) => [f.file, f.after]));
  return sources.map((s) => (after.has(s.path) ? { ...s, bytes: new TextEncoder().encode(after.get(s.path)!) } : s));
}

const col = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);
const errors = (p: ImportPlan) => p.diagnostics.filter((d) => d.severity === 'error');

describe('importing the same edited sheet twice', () => {
  it('the second import after --write reports no changes, even where the first dropped stale reviews', async () => {
    const sources = readContentDir(FIXTURES);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await renderWorkbook(exportTables(loadFiles(sources)), ExcelJS, 'test')).slice() as unknown as ArrayBuffer,
    );
    // A mapping with reviews gets a new strength: its reviews reviewed the old claim and are dropped.
    const m = wb.getWorksheet('Mappings')!;
    let edited = 0;
    m.eachRow((row, n) => {
      if (n === 1 || edited) return;
      if (String(row.getCell(col(m, 'reviews')).value ?? '') === '') return;
      const strength = row.getCell(col(m, 'strength'));
      strength.value = strength.value === 'partial' ? 'implicit' : 'partial';
      edited = n;
    });
    expect(edited).toBeGreaterThan(0);
    const s = wb.getWorksheet('Standards')!;
    s.getRow(2).getCell(col(s, 'title')).value = 'A retitled standard';
    const sheet = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), ExcelJS, 'edited.xlsx');

    const first = planImport(sources, sheet, { today: TODAY });
    expect(errors(first)).toEqual([]);
    expect(first.files.length).toBeGreaterThan(0);
    expect(first.files.flatMap((f) => f.changes).some((c) => c.reason?.includes('reviews belong'))).toBe(true);

    const second = planImport(applied(sources, first), sheet, { today: TODAY });
    expect(errors(second)).toEqual([]);
    expect(second.files).toEqual([]);
  });
});
