/**
 * XLSX report with exceljs (maintained; the `xlsx` 0.18 package has open advisories). Runs in Node
 * and in the browser: the caller passes the exceljs module so the site can load it lazily.
 * Where exceljs has its streaming writer (Node), {@link renderXlsx} and {@link writeXlsx} both use it:
 * it writes each row's XML as the row is committed, instead of keeping every cell as an object and
 * joining one string per sheet at the end (a third of the time and of the memory; see bench/results).
 * The browser build of exceljs has no streaming writer and builds the workbook in memory.
 */
import type { Writable } from 'node:stream';
import type ExcelJSNs from 'exceljs';
import type { GapReport } from './schema.ts';
import { fillAgreement } from './agreement-office.ts';
import { actFirstSheet, evidenceSheet, modelWordingSheet } from './xlsx-committee.ts';
import { addSheet, BOLD, type SheetSink } from './xlsx-sheet.ts';
import {
  detailSheet,
  gapsSheet,
  matrixSheet,
  opportunitiesSheet,
  professionsSheet,
  summarySheet,
} from './xlsx-sheets.ts';
import { bodiesLine, HOW_TO_READ, pct, provenanceLine, QUALIFIER_LEGEND, selectionLine } from './tabular.ts';

export type { SheetSink } from './xlsx-sheet.ts';

type ExcelJS = typeof ExcelJSNs;

/**
 * DEFLATE level 1 instead of the default 6: about a third of the compression time for the full
 * matrix (~0.3 s instead of ~0.95 s of CPU) for a file about a quarter larger (7.3 MB instead of 5.8 MB).
 */
const ZIP_LEVEL = 1;

/** Options of exceljs's streaming writer; see {@link ZIP_LEVEL}. Without `stream` it writes into memory. */
export function streamOptions(stream?: Writable): Partial<ExcelJSNs.stream.xlsx.WorkbookStreamWriterOptions> {
  return {
    ...(stream && { stream }),
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: ZIP_LEVEL } },
  } as Partial<ExcelJSNs.stream.xlsx.WorkbookStreamWriterOptions>;
}

export const SHEETS = [
  'Summary',
  'Act first',
  'Matrix',
  'Detail',
  'Gaps',
  'Model wording',
  'Professions',
  'Opportunities',
  'Evidence',
  'Review agreement',
  'About',
] as const;

/** The streaming writer's own in-memory output buffer (exceljs's StreamBuf), when no stream is given. */
interface BufferedWriter {
  stream: { toBuffer(): Buffer | null };
}

export async function renderXlsx(report: GapReport, excel: ExcelJS): Promise<Uint8Array> {
  // The browser build of exceljs has no `stream` export.
  const Writer = (excel as Partial<ExcelJS>).stream?.xlsx.WorkbookWriter;
  if (!Writer) {
    const wb = new excel.Workbook();
    fillReport({ wb, done: () => {} }, report);
    const buf = await wb.xlsx.writeBuffer({
      zip: { compression: 'DEFLATE', compressionOptions: { level: ZIP_LEVEL } },
    });
    return new Uint8Array(buf as ArrayBuffer);
  }
  const wb = new Writer(streamOptions());
  fillReport({ wb, done: (ws) => ws.commit() }, report);
  await wb.commit();
  const buf = (wb as unknown as BufferedWriter).stream.toBuffer()!;
  // Callers read `.buffer`: give them an ArrayBuffer that holds the file and nothing else.
  return buf.byteOffset === 0 && buf.buffer.byteLength === buf.length
    ? new Uint8Array(buf.buffer, 0, buf.length)
    : new Uint8Array(buf);
}

/** The same report as {@link renderXlsx}, streamed into `stream` (Node only). */
export async function writeXlsx(report: GapReport, excel: ExcelJS, stream: Writable): Promise<void> {
  const wb = new excel.stream.xlsx.WorkbookWriter(streamOptions(stream));
  fillReport({ wb, done: (ws) => ws.commit() }, report);
  await wb.commit();
}

/** The data sheets in the order of {@link SHEETS}. */
const DATA_SHEETS = [
  summarySheet,
  actFirstSheet,
  matrixSheet,
  detailSheet,
  gapsSheet,
  modelWordingSheet,
  professionsSheet,
  opportunitiesSheet,
  evidenceSheet,
];

/** The sheets in order, each through the one sheet helper; About last. */
function fillReport({ wb, done }: SheetSink, report: GapReport): void {
  wb.creator = 'IP-CLE Crosswalk';
  wb.created = new Date(`${report.generatedOn}T00:00:00Z`);
  wb.modified = wb.created;
  for (const sheet of DATA_SHEETS) addSheet({ wb, done }, sheet(report));
  fillAgreement({ wb, done }, report);
  fillAbout({ wb, done }, report);
}

/** Key and value lines, wrapped: not a data table, so no header row, filter or frozen pane. */
function fillAbout({ wb, done }: SheetSink, report: GapReport): void {
  const about = wb.addWorksheet('About');
  about.columns = [{ width: 22 }, { width: 110 }];
  const s = report.summary;
  const aboutRows: [string, string][] = [
    ['Report', report.title],
    ...(report.institution ? [['Prepared for', report.institution] as [string, string]] : []),
    ['Data version', report.dataVersion],
    ['Generated on', report.generatedOn],
    ['Selection', selectionLine(report)],
    ['Bodies', bodiesLine(report)],
    ['Verified standards', `${s.verifiedStandards} of ${s.standards} (${pct(s.verifiedStandards, s.standards)})`],
    ['Reviewed mappings', `${s.reviewedMappings} of ${s.mappings} (${pct(s.reviewedMappings, s.mappings)})`],
    ['Provenance', provenanceLine(report)],
    ['Report schema', `version ${report.schemaVersion}`],
    ...HOW_TO_READ.map((l, i): [string, string] => [i === 0 ? 'How to read it' : '', l]),
    ...QUALIFIER_LEGEND.map((l, i): [string, string] => [i === 0 ? 'Notes in the matrix' : '', l]),
  ];
  for (const [k, v] of aboutRows) about.addRow([k, v]).getCell(1).style = BOLD;
  // About's rows stay uncommitted until here: the column style reaches them (and its <col>) only then.
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  done(about);
}
