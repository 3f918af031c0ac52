/**
 * XLSX report with exceljs (maintained; the `xlsx` 0.18 package has open advisories). Runs in Node
 * and in the browser: the caller passes the exceljs module so the site can load it lazily.
 * {@link renderXlsx} builds the workbook in memory (the browser, the CLI); the site build writes its
 * downloads with {@link writeXlsx}, exceljs's streaming writer, which holds about one sheet's XML
 * instead of every cell as an object (the all-bodies report of the benchmark: ~1.2 GB in memory).
 */
import type { Writable } from 'node:stream';
import type ExcelJSNs from 'exceljs';
import { STATUS_LABEL, STATUSES, type Status } from '../coverage.ts';
import type { GapReport } from './schema.ts';
import { editionStatus } from './committee.ts';
import { addDataRow, fillActFirst, fillEvidence, fillModelWording } from './xlsx-committee.ts';
import {
  bodiesLine,
  cellTextWithCodes,
  DETAIL_COLUMNS,
  detailRows,
  HOW_TO_READ,
  pct,
  provenanceLine,
  QUALIFIER_LEGEND,
  selectionLine,
  statusText,
} from './tabular.ts';

type ExcelJS = typeof ExcelJSNs;

/** Fills pair with the status text and symbol; colour is never the only signal. */
const FILL: Record<Status, string> = {
  covered: 'FFC6EFCE',
  partial: 'FFFFEB9C',
  opportunity: 'FFDDEBF7',
  gap: 'FFFFC7CE',
  'not-reviewed': 'FFEDEDED',
};

/**
 * Speed (the benchmark's full matrix has ~36,000 Detail and ~28,000 Opportunities rows, ~940,000 cells):
 * exceljs gives every new cell its own empty style object, and when writing it serialises each cell's
 * style to XML to find its style id; only style objects it has seen before (a WeakMap) skip that. So
 * every data cell gets one shared style object (`PLAIN` in xlsx-committee.ts, or its status fill), which takes that step
 * from about 0.9 s of CPU to almost nothing. Never mutate a data cell's style (`cell.font = …`): it
 * would change every cell sharing it; assign another shared object instead.
 */
const FILL_STYLE = Object.fromEntries(
  Object.entries(FILL).map(([k, argb]) => [k, { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } }]),
) as Record<Status, Partial<ExcelJSNs.Style>>;

/**
 * DEFLATE level 1 instead of jszip's default 6: about a third of the compression time for the full
 * matrix (~0.3 s instead of ~0.95 s of CPU) for a file about a quarter larger (7.3 MB instead of 5.8 MB).
 */
const ZIP_LEVEL = 1;

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

/** Options of exceljs's streaming writer for the site's downloads; see {@link ZIP_LEVEL}. */
export function streamOptions(stream: Writable): Partial<ExcelJSNs.stream.xlsx.WorkbookStreamWriterOptions> {
  return {
    stream,
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
  'About',
] as const;

export async function renderXlsx(report: GapReport, excel: ExcelJS): Promise<Uint8Array> {
  const wb = new excel.Workbook();
  fillReport({ wb, done: () => {} }, report);
  const buf = await wb.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: ZIP_LEVEL } },
  });
  return new Uint8Array(buf as ArrayBuffer);
}

/** The same report as {@link renderXlsx}, streamed into `stream` (Node only). */
export async function writeXlsx(report: GapReport, excel: ExcelJS, stream: Writable): Promise<void> {
  const wb = new excel.stream.xlsx.WorkbookWriter(streamOptions(stream));
  fillReport({ wb, done: (ws) => ws.commit() }, report);
  await wb.commit();
}

function fillReport({ wb, done }: SheetSink, report: GapReport): void {
  wb.creator = 'IP-CLE Crosswalk';
  wb.created = new Date(`${report.generatedOn}T00:00:00Z`);
  wb.modified = wb.created;
  const bold = { bold: true };

  const summary = wb.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: 'Body', key: 'body', width: 14 },
    { header: 'Name', key: 'name', width: 48 },
    { header: 'Edition', key: 'edition', width: 40 },
    { header: 'Effective from', key: 'from', width: 14 },
    { header: 'Text read', key: 'read', width: 10 },
    ...STATUSES.map((st) => ({ header: STATUS_LABEL[st], key: st, width: 13 })),
    { header: 'Carried forward', key: 'carried', width: 15 },
    { header: 'Standards', key: 'standards', width: 10 },
    { header: 'Verified', key: 'verified', width: 10 },
    { header: 'Mappings', key: 'mappings', width: 10 },
    { header: 'Reviewed mappings', key: 'reviewed', width: 18 },
    { header: 'In transition to', key: 'transition', width: 40 },
    { header: 'A newer edition may exist since', key: 'newer', width: 18 },
    { header: 'Editorial status', key: 'editorial', width: 60 },
  ];
  summary.getRow(1).font = bold;
  for (const b of report.bodies) {
    summary.addRow({
      body: b.label,
      name: b.name,
      edition: `${b.edition.title} (${b.edition.edition})`,
      from: b.edition.effectiveFrom ?? 'not confirmed',
      read: b.edition.textRead,
      ...b.counts,
      carried: b.carried,
      standards: b.standards,
      verified: b.verifiedStandards,
      mappings: b.mappings,
      reviewed: b.reviewedMappings,
      transition: b.transition ? `${b.transition.toTitle} from ${b.transition.startsOn ?? 'date not confirmed'}` : '',
      newer: b.newerMayExistSince ?? '',
      editorial: b.editorialStatus ?? '',
    });
  }
  summary.addRow([]);
  summary.addRow({
    body: 'Total',
    ...report.summary.counts,
    carried: report.summary.carried,
    standards: report.summary.standards,
    verified: report.summary.verifiedStandards,
    mappings: report.summary.mappings,
    reviewed: report.summary.reviewedMappings,
  }).font = bold;
  summary.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1 + report.bodies.length, column: summary.columns.length },
  };
  done(summary);
  fillActFirst({ wb, done }, report);

  const matrix = wb.addWorksheet('Matrix', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  matrix.columns = [
    { header: 'Characteristic', key: 'c', width: 44 },
    { header: 'Severity', key: 's', width: 10 },
    ...report.bodies.map((b) => ({ header: b.label, key: b.id, width: 16 })),
  ];
  matrix.getRow(1).font = bold;
  for (const ch of report.characteristics) {
    const row = addDataRow(matrix, [ch.name, ch.severity, ...ch.cells.map(cellTextWithCodes)]);
    ch.cells.forEach((cell, i) => {
      row.getCell(i + 3).style = FILL_STYLE[cell.status];
    });
    row.commit();
  }
  matrix.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1 + report.characteristics.length, column: 2 + report.bodies.length },
  };
  done(matrix);

  const detail = wb.addWorksheet('Detail', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = DETAIL_COLUMNS.map((k) => ({
    header: k,
    key: k,
    width: k === 'rationale' ? 60 : k.includes('title') || k === 'edition' || k === 'characteristic' ? 36 : 14,
  }));
  detail.getRow(1).font = bold;
  const rows = detailRows(report);
  for (const r of rows) {
    addDataRow(
      detail,
      DETAIL_COLUMNS.map((k) => (k === 'source_url' && r[k] ? { text: String(r[k]), hyperlink: String(r[k]) } : r[k])),
    ).commit();
  }
  detail.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: DETAIL_COLUMNS.length } };
  done(detail);

  const gaps = wb.addWorksheet('Gaps', { views: [{ state: 'frozen', ySplit: 1 }] });
  gaps.columns = [
    { header: 'Characteristic', key: 'c', width: 44 },
    { header: 'Severity', key: 's', width: 10 },
    { header: 'Body', key: 'b', width: 14 },
    { header: 'Edition', key: 'e', width: 40 },
    { header: 'Edition status', key: 'st', width: 50 },
  ];
  gaps.getRow(1).font = bold;
  const chars = new Map(report.characteristics.map((ch) => [ch.id, ch]));
  const bodies = new Map(report.bodies.map((b) => [b.id, b]));
  for (const g of report.gaps) {
    const b = bodies.get(g.body)!;
    const ch = chars.get(g.characteristic)!;
    addDataRow(gaps, [
      ch.name,
      ch.severity,
      b.label,
      `${b.edition.title} (${b.edition.edition})`,
      editionStatus(b),
    ]).commit();
  }
  gaps.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + report.gaps.length, column: 5 } };
  done(gaps);
  fillModelWording({ wb, done }, report);

  const prof = wb.addWorksheet('Professions', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  prof.columns = [
    { header: 'Characteristic', key: 'c', width: 44 },
    ...report.professions.map((p) => ({ header: p.profession, key: p.profession, width: 18 })),
  ];
  prof.getRow(1).font = bold;
  for (const ch of report.characteristics) {
    const row = addDataRow(prof, [ch.name, ...report.professions.map((p) => statusText(p.statuses[ch.id]!))]);
    report.professions.forEach((p, i) => {
      row.getCell(i + 2).style = FILL_STYLE[p.statuses[ch.id]!];
    });
    row.commit();
  }
  done(prof);

  const opp = wb.addWorksheet('Opportunities', { views: [{ state: 'frozen', ySplit: 1 }] });
  opp.columns = [
    { header: 'Initiative', key: 'i', width: 40 },
    { header: 'Body', key: 'b', width: 14 },
    { header: 'Standard', key: 's', width: 16 },
    { header: 'Title', key: 't', width: 40 },
    { header: 'Via characteristics', key: 'c', width: 44 },
    { header: 'Strength', key: 'st', width: 10 },
    { header: 'Bindingness', key: 'bi', width: 12 },
    { header: 'Verification', key: 'v', width: 12 },
    { header: 'Mapping review', key: 'r', width: 14 },
  ];
  opp.getRow(1).font = bold;
  for (const it of report.opportunities.initiatives) {
    for (const s of it.standards) {
      addDataRow(opp, [
        it.name,
        bodies.get(s.body)?.label ?? s.body,
        s.code,
        s.title ?? '',
        s.characteristics.join(', '),
        s.strength,
        s.bindingness,
        s.verification,
        s.review,
      ]).commit();
    }
  }
  done(opp);
  fillEvidence({ wb, done }, report);

  const about = wb.addWorksheet('About');
  about.columns = [{ width: 22 }, { width: 110 }];
  const aboutRows: [string, string][] = [
    ['Report', report.title],
    ...(report.institution ? [['Prepared for', report.institution] as [string, string]] : []),
    ['Data version', report.dataVersion],
    ['Generated on', report.generatedOn],
    ['Selection', selectionLine(report)],
    ['Bodies', bodiesLine(report)],
    [
      'Verified standards',
      `${report.summary.verifiedStandards} of ${report.summary.standards} (${pct(report.summary.verifiedStandards, report.summary.standards)})`,
    ],
    [
      'Reviewed mappings',
      `${report.summary.reviewedMappings} of ${report.summary.mappings} (${pct(report.summary.reviewedMappings, report.summary.mappings)})`,
    ],
    ['Provenance', provenanceLine(report)],
    ['Report schema', `version ${report.schemaVersion}`],
    ...HOW_TO_READ.map((l, i): [string, string] => [i === 0 ? 'How to read it' : '', l]),
    ...QUALIFIER_LEGEND.map((l, i): [string, string] => [i === 0 ? 'Notes in the matrix' : '', l]),
  ];
  for (const [k, v] of aboutRows) about.addRow([k, v]).getCell(1).font = bold;
  // About's rows stay uncommitted until here: the column style reaches them (and its <col>) only then.
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  done(about);
}
