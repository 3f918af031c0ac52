import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadFiles, type SourceFile } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { exportTables, renderWorkbook } from '../../src/lib/spreadsheet/export.ts';
import { planImport, type ImportPlan } from '../../src/lib/spreadsheet/import.ts';
import { readXlsx, type RawWorkbook } from '../../src/lib/spreadsheet/read.ts';
import { FIXTURES, TODAY } from '../helpers.ts';

/** The sources as `--write` would leave them after `plan`. */
function applied(sources: SourceFile[], plan: ImportPlan): SourceFile[] {
  const after = new Map(plan.files.map((f) => [f.file, f.after]));
  return sources.map((s) => (after.has(s.path) ? { ...s, bytes: new TextEncoder().encode(after.get(s.path)!) } : s));
}

const col = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);
const errors = (p: ImportPlan) => p.diagnostics.filter((d) => d.severity === 'error');
const cell = (ws: ExcelJS.Worksheet, row: number, header: string) => ws.getRow(row).getCell(col(ws, header));

async function exported(sources: SourceFile[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await renderWorkbook(exportTables(loadFiles(sources)), ExcelJS, 'test')).slice() as unknown as ArrayBuffer,
  );
  return wb;
}
const saved = async (wb: ExcelJS.Workbook): Promise<RawWorkbook> =>
  readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), ExcelJS, 'edited.xlsx');

/** The Reviews sheet's rows as text, for comparing two exports. */
function reviewRows(wb: ExcelJS.Workbook): string[] {
  const ws = wb.getWorksheet('Reviews')!;
  const out: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push((row.values as unknown[]).slice(1).join(' | '));
  });
  return out;
}

describe('importing the same edited sheet twice', () => {
  it('the second import after --write reports no changes, even where the first dropped stale reviews', async () => {
    const sources = readContentDir(FIXTURES);
    const wb = await exported(sources);
    // A mapping with reviews (named on the Reviews sheet) gets a new strength: its reviews reviewed the
    // old claim and are dropped.
    const rv = wb.getWorksheet('Reviews')!;
    const reviewed = `${String(cell(rv, 2, 'standard').value)}#${String(cell(rv, 2, 'characteristic').value)}`;
    const m = wb.getWorksheet('Mappings')!;
    let edited = 0;
    m.eachRow((row, n) => {
      if (n === 1 || row.getCell(col(m, '_key')).value !== reviewed) return;
      const strength = row.getCell(col(m, 'strength'));
      strength.value = strength.value === 'partial' ? 'implicit' : 'partial';
      edited = n;
    });
    expect(edited).toBeGreaterThan(0);
    const s = wb.getWorksheet('Standards')!;
    cell(s, 2, 'title').value = 'A retitled standard';
    const sheet = await saved(wb);

    const first = planImport(sources, sheet, { today: TODAY });
    expect(errors(first)).toEqual([]);
    expect(first.files.length).toBeGreaterThan(0);
    expect(first.files.flatMap((f) => f.changes).some((c) => c.reason?.includes('reviews belong'))).toBe(true);

    const second = planImport(applied(sources, first), sheet, { today: TODAY });
    expect(errors(second)).toEqual([]);
    expect(second.files).toEqual([]);
  });

  it('reviews added and edited on the Reviews sheet: written, imported again as no change, exported as typed', async () => {
    const sources = readContentDir(FIXTURES);
    const wb = await exported(sources);
    const rv = wb.getWorksheet('Reviews')!;
    const [standard, characteristic] = [cell(rv, 2, 'standard').value, cell(rv, 2, 'characteristic').value];
    cell(rv, 2, 'note').value = 'Agreed after reading the element again.';
    const added = rv.addRow([]);
    for (const [h, v] of Object.entries({
      standard,
      characteristic,
      reviewer: 'Reviewer Four (fixture)',
      profession: 'dentistry',
      date: '2026-02-03',
      verdict: 'dissent',
      note: 'Names no other profession.',
    }))
      added.getCell(col(rv, h)).value = v as ExcelJS.CellValue;
    const sheet = await saved(wb);

    const first = planImport(sources, sheet, { today: TODAY });
    expect(errors(first)).toEqual([]);
    const changes = first.files.flatMap((f) => f.changes);
    expect(changes.map((c) => [c.sheet, c.field, c.change])).toEqual([['Reviews', 'mappings[0].reviews', 'changed']]);
    const after = first.files[0]!.after;
    expect(after).toContain('Reviewer Four (fixture)');
    expect(after).toContain('note: "Agreed after reading the element again."');

    const written = applied(sources, first);
    const second = planImport(written, sheet, { today: TODAY });
    expect(errors(second)).toEqual([]);
    expect(second.files).toEqual([]);
    // Lossless: a fresh export of the written files has exactly the review rows of the edited sheet.
    expect(reviewRows(await exported(written)).sort()).toEqual(reviewRows(wb).sort());
  });

  it('a review row naming no mapping is an error at its row; deleting every review row removes them', async () => {
    const sources = readContentDir(FIXTURES);
    const wb = await exported(sources);
    const rv = wb.getWorksheet('Reviews')!;
    cell(rv, 2, 'characteristic').value = 'teams-and-teamwrok';
    const p = planImport(sources, await saved(wb), { today: TODAY });
    expect(errors(p).map((d) => [d.path, d.message])).toEqual([
      ['Reviews!B2 (characteristic)', expect.stringMatching(/^no mapping of `[^`]+` to `teams-and-teamwrok`$/)],
    ]);

    const cleared = await exported(sources);
    // Every review row emptied (trailing blank rows are not data).
    cleared.getWorksheet('Reviews')!.eachRow((row, n) => {
      if (n > 1) row.eachCell((c) => (c.value = null));
    });
    const removed = planImport(sources, await saved(cleared), { today: TODAY });
    expect(errors(removed)).toEqual([]);
    const fields = removed.files.flatMap((f) => f.changes).map((c) => `${c.sheet} ${c.field} ${c.change}`);
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) expect(f).toMatch(/^Mappings mappings\[\d+\]\.reviews removed$/);
  });

  it('a workbook without the Reviews sheet leaves the review records as they are', async () => {
    const sources = readContentDir(FIXTURES);
    const wb = await exported(sources);
    wb.removeWorksheet(wb.getWorksheet('Reviews')!.id);
    const p = planImport(sources, await saved(wb), { today: TODAY });
    expect(errors(p)).toEqual([]);
    expect(p.files).toEqual([]);
    expect(p.notes).toContain("no Reviews sheet in the workbook: the mappings' review records are left as they are");
  });
});
