/** The committee report's XLSX sheets: "Act first", "Model wording" and the "Evidence" appendix. */
import type ExcelJSNs from 'exceljs';
import { actFirstLines, evidenceRows } from './committee.ts';
import type { GapReport } from './schema.ts';
import type { SheetSink } from './xlsx.ts';

/** Every data cell shares one style object; see the note on speed in xlsx.ts. */
export const PLAIN: Partial<ExcelJSNs.Style> = {};

/** Append a data row; every cell shares `style` (see {@link PLAIN}). */
export function addDataRow(ws: ExcelJSNs.Worksheet, values: unknown[], style: Partial<ExcelJSNs.Style> = PLAIN) {
  const row = ws.addRow(values);
  row.eachCell((cell) => {
    cell.style = style;
  });
  return row;
}

const link = (text: string, url: string) => (url ? { text, hyperlink: url } : text);

function sheet(wb: ExcelJSNs.Workbook, name: string, columns: [string, number][]): ExcelJSNs.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

export function fillActFirst({ wb, done }: SheetSink, r: GapReport): void {
  const ws = sheet(wb, 'Act first', [
    ['Rank', 6],
    ['Characteristic', 40],
    ['Severity', 10],
    ['Support', 9],
    ['Where', 90],
  ]);
  actFirstLines(r, Infinity).forEach((l, i) => addDataRow(ws, [i + 1, l.name, l.severity, l.support, l.text]).commit());
  done(ws);
}

export function fillModelWording({ wb, done }: SheetSink, r: GapReport): void {
  const names = new Map(r.characteristics.map((c) => [c.id, c.name]));
  const ws = sheet(wb, 'Model wording', [
    ['Gap characteristic', 40],
    ['Body', 14],
    ['Standard', 14],
    ['Title', 36],
    ['Edition', 36],
    ['Strength', 10],
    ['Bindingness', 12],
    ['Verification', 12],
    ['Mapping review', 14],
    ['Selected', 9],
    ['What it asks (our words)', 70],
  ]);
  for (const w of r.modelWording)
    for (const s of w.standards)
      addDataRow(ws, [
        names.get(w.characteristic) ?? w.characteristic,
        s.bodyLabel,
        link(s.code, s.sourceUrl ?? ''),
        s.title ?? '',
        s.editionLabel,
        s.strength,
        s.bindingness,
        s.verification,
        s.review,
        s.selected ? 'yes' : 'no',
        s.rationale,
      ]).commit();
  done(ws);
}

export function fillEvidence({ wb, done }: SheetSink, r: GapReport): void {
  const rows = evidenceRows(r);
  const ws = sheet(wb, 'Evidence', [
    ['Body', 14],
    ['Standard', 14],
    ['Title', 36],
    ['Edition', 36],
    ['Edition status', 50],
    ['Verification', 12],
    ['Mapping review', 16],
    ['Cited for', 60],
  ]);
  for (const e of rows)
    addDataRow(ws, [
      e.body,
      link(e.code, e.url),
      e.title,
      e.edition,
      e.editionStatus,
      e.verification,
      e.review,
      e.citedFor,
    ]).commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: 8 } };
  done(ws);
}
