/**
 * The one sheet helper every data sheet of the XLSX report goes through: bold frozen header, column
 * widths, rows committed as they are written (the streaming writer then lets go of them), shared
 * cell styles, an autofilter. A sheet is described as data ({@link SheetSpec}); its rows are a lazy
 * iterable, so a generator builds each row only when the writer asks for it.
 */
import type ExcelJSNs from 'exceljs';

type Style = Partial<ExcelJSNs.Style>;

/**
 * What the sheet builders write into: an in-memory Workbook or a streaming WorkbookWriter. They
 * `commit()` each data row once it is complete (a no-op on an in-memory row; the streaming writer
 * then writes it out) and call `done(sheet)` once a sheet is complete.
 */
export interface SheetSink {
  wb: ExcelJSNs.Workbook;
  /** Streaming: `sheet.commit()`, so the zip can take it before the next sheet fills memory. */
  done(ws: ExcelJSNs.Worksheet): void;
}

/**
 * Every data cell shares one style object. exceljs gives each new cell its own empty style and, when
 * writing, serialises each unseen style object to find its id; shared objects skip that (about 0.9 s of
 * CPU on the benchmark's full matrix). Never mutate a data cell's style: assign another shared object.
 */
export const PLAIN: Style = {};
export const BOLD: Style = { font: { bold: true } };

/** A cell value with its own shared style (a status fill, a bold total). */
export class Styled {
  readonly value: unknown;
  readonly style: Style;
  constructor(value: unknown, style: Style) {
    this.value = value;
    this.style = style;
  }
}

export const styled = (value: unknown, style: Style): Styled => new Styled(value, style);

/** A cell that links to `url`; plain text when there is none. */
export const link = (text: string, url: string | undefined) => (url ? { text, hyperlink: url } : text);

/** Append a data row; every cell shares `style` (see {@link PLAIN}) unless its value is {@link Styled}. */
export function addDataRow(ws: ExcelJSNs.Worksheet, values: readonly unknown[], style: Style = PLAIN) {
  const row = ws.addRow(values.map((v) => (v instanceof Styled ? v.value : v)));
  row.eachCell((cell, col) => {
    const v = values[col - 1];
    cell.style = v instanceof Styled ? v.style : style;
  });
  return row;
}

export interface SheetSpec {
  name: string;
  /** Header and width of each column, in order. */
  columns: readonly (readonly [header: string, width: number])[];
  /** Columns frozen at the left; the header row is always frozen. */
  frozenColumns?: number;
  rows: Iterable<readonly unknown[]>;
  /** An autofilter over every row written (`true`) or over the first N rows only (a total row below). */
  autoFilter?: boolean | number;
}

/** Write one sheet from its description and hand it to the sink; returns the number of rows written. */
export function addSheet({ wb, done }: SheetSink, spec: SheetSpec): number {
  const view = spec.frozenColumns
    ? { state: 'frozen' as const, xSplit: spec.frozenColumns, ySplit: 1 }
    : { state: 'frozen' as const, ySplit: 1 };
  const ws = wb.addWorksheet(spec.name, { views: [view] });
  ws.columns = spec.columns.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  let n = 0;
  for (const values of spec.rows) {
    addDataRow(ws, values).commit();
    n++;
  }
  if (spec.autoFilter !== undefined && spec.autoFilter !== false) {
    const rows = spec.autoFilter === true ? n : spec.autoFilter;
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows, column: spec.columns.length } };
  }
  done(ws);
  return n;
}
