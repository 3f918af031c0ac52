/** The "Review agreement" section as an XLSX sheet and as PDF content, from the same rows as agreement.ts. */
import type ExcelJSNs from 'exceljs';
import {
  AGREEMENT_HEAD,
  AGREEMENT_TITLE,
  agreementLine,
  agreementTables,
  DISSENTS_TITLE,
  dissentText,
  hasAgreementTables,
} from './agreement.ts';
import { table, type Content } from './pdf-sections.ts';
import type { GapReport } from './schema.ts';
import { addDataRow } from './xlsx-committee.ts';
import type { SheetSink } from './xlsx.ts';

export const AGREEMENT_SHEET = 'Review agreement';

/** One sheet: the summary line, then each table's rows, then each dissent with its reason. */
export function fillAgreement({ wb, done }: SheetSink, r: GapReport): void {
  const ws: ExcelJSNs.Worksheet = wb.addWorksheet(AGREEMENT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = (
    [
      ['Table', 24],
      ['Name', 44],
      ['Reviews', 9],
      ['Agree', 11],
      ['Kappa', 24],
      ['Mappings it rests on', 12],
      ['Dissent and reason', 80],
    ] as const
  ).map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  addDataRow(ws, ['Summary', agreementLine(r.reviewAgreement)]).commit();
  if (hasAgreementTables(r.reviewAgreement))
    for (const t of agreementTables(r))
      for (const [name, reviews, agree, kappa, mappings] of t.rows)
        addDataRow(ws, [t.title, name, Number(reviews), agree, kappa, Number(mappings)]).commit();
  for (const d of r.reviewAgreement.dissents) {
    const t = dissentText(r, d);
    addDataRow(ws, ['Dissent', t.where, '', '', '', '', t.text]).commit();
  }
  done(ws);
}

/** The section as pdfmake content: the line, the tables that have rows, the dissents. */
export function agreementPdf(r: GapReport): Content[] {
  const a = r.reviewAgreement;
  const out: Content[] = [
    { text: AGREEMENT_TITLE, style: 'h2' },
    { text: agreementLine(a), fontSize: 8, margin: [0, 0, 0, 4] },
  ];
  if (hasAgreementTables(a))
    for (const t of agreementTables(r).filter((x) => x.rows.length))
      out.push(
        { text: t.title, style: 'h3' },
        table(['*', 'auto', 'auto', 'auto', 'auto'], [t.first, ...AGREEMENT_HEAD.slice(1)], t.rows, 8),
      );
  if (a.dissents.length)
    out.push(
      { text: DISSENTS_TITLE, style: 'h3' },
      {
        ul: a.dissents.map((d) => {
          const t = dissentText(r, d);
          return `${t.where}: ${t.text}`;
        }),
        fontSize: 8,
        margin: [0, 2, 0, 6],
      },
    );
  return out;
}
