/**
 * The committee PDF as a pdfmake document definition: pure data, so Node (pdf.ts) and the browser
 * (the report builder) print the same document from the same code. Sections: cover, "act on first",
 * summary by body, the body × characteristic table with codes, then pdf-sections.ts.
 */
import type { Status } from '../coverage.ts';
import { qualifierMarks } from '../method.ts';
import { agreementPdf } from './agreement-office.ts';
import { actFirstLines, moreActFirst, bodyGroups, cellWithCodes, cover } from './committee.ts';
import { gapSections, laterSections, table, type Content } from './pdf-sections.ts';
import type { GapReport } from './schema.ts';
import { bodiesLine, countsInOrder, pct, provenanceLine, selectionLine, STATUS_HEADERS } from './tabular.ts';

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];
const PAGE_SIZE: Record<Paper, string> = { a4: 'A4', letter: 'LETTER' };

export interface PdfOptions {
  paper?: Paper;
}

/** Light fills that pair with the status word in each cell (never colour alone). */
const FILL: Record<Status, string> = {
  covered: '#c6efce',
  partial: '#ffeb9c',
  opportunity: '#ddebf7',
  gap: '#ffc7ce',
  'not-reviewed': '#ededed',
};

/** Bodies per table in landscape: six columns of codes stay readable at 7 pt. */
const BODIES_PER_TABLE = 6;

function coverPage(r: GapReport): Content[] {
  const c = cover(r);
  return [
    { text: c.title, style: 'h1', margin: [0, 120, 0, 12] },
    ...(c.institution ? [{ text: `Prepared for ${c.institution}`, fontSize: 16, margin: [0, 0, 0, 12] }] : []),
    { text: `Date: ${c.date}`, margin: [0, 0, 0, 2] },
    { text: `Selection: ${c.selection}`, margin: [0, 0, 0, 2] },
    { text: `Crosswalk data version: ${c.dataVersion}`, margin: [0, 0, 0, 14] },
    { text: 'Editions read for this report', style: 'h2' },
    table(
      ['auto', '*', '*', '*'],
      ['Body', 'Name', 'Edition', 'Status'],
      c.editions.map((e) => [e.body, e.name, e.edition, e.status]),
    ),
    ...(r.noEdition.length
      ? [{ text: `No edition in force on ${r.selection.on}: ${r.noEdition.map((b) => b.name).join(', ')}.` }]
      : []),
  ];
}

function actFirstPage(r: GapReport): Content[] {
  const lines = actFirstLines(r);
  const more = moreActFirst(r, lines.length);
  const s = r.summary;
  return [
    { text: 'Act on first', style: 'h2', pageBreak: 'before' },
    {
      text: `${bodiesLine(r)} × ${s.characteristics} characteristics: ${countsInOrder(s.counts)
        .map((n, i) => `${n} ${STATUS_HEADERS[i]!.toLowerCase()}`)
        .join(', ')}. Ranked by severity, then by how little support the selected bodies already give.`,
      margin: [0, 0, 0, 8],
    },
    lines.length
      ? table(
          [14, 130, 'auto', 'auto', '*'],
          ['#', 'Characteristic', 'Severity', 'Support', 'Where'],
          lines.map((l, i) => [String(i + 1), l.name, l.severity, l.support.toFixed(2), l.text]),
          9,
        )
      : { text: 'No gaps or opportunities in this selection.' },
    ...(more ? [{ text: more, italics: true }] : []),
    { text: `${provenanceLine(r)}`, italics: true, fontSize: 8, margin: [0, 8, 0, 0] },
  ];
}

function bodySummary(r: GapReport): Content[] {
  return [
    { text: 'Summary by body', style: 'h2', pageBreak: 'before' },
    table(
      ['auto', '*', 'auto', ...STATUS_HEADERS.map(() => 'auto'), 'auto', 'auto'],
      ['Body', 'Edition', 'Text read', ...STATUS_HEADERS, 'Carried', 'Verified'],
      r.bodies.map((b) => [
        b.label,
        `${b.edition.title} (${b.edition.edition})${b.transition ? ` — in transition to ${b.transition.toTitle}` : ''}${b.newerMayExistSince ? ` — a newer edition may exist (cycle passed ${b.newerMayExistSince})` : ''}`,
        b.edition.textRead,
        ...countsInOrder(b.counts).map(String),
        String(b.carried),
        `${b.verifiedStandards}/${b.standards} (${pct(b.verifiedStandards, b.standards)})`,
      ]),
    ),
  ];
}

/** The body × characteristic table, codes in every cell, split into groups of bodies on landscape pages. */
function matrix(r: GapReport): Content[] {
  const groups = bodyGroups(
    r.bodies.map((b, i) => ({ b, i })),
    BODIES_PER_TABLE,
  );
  return groups.map((g, n) => [
    {
      text: `Bodies × characteristics${groups.length > 1 ? ` (${n + 1} of ${groups.length})` : ''}`,
      style: 'h2',
      pageBreak: 'before',
      pageOrientation: 'landscape',
    },
    table(
      [140, 'auto', ...g.map(() => '*')],
      ['Characteristic', 'Severity', ...g.map(({ b }) => b.label)],
      r.characteristics.map((ch) => [
        ch.name,
        ch.severity,
        ...g.map(({ i }) => {
          const cell = ch.cells[i]!;
          return { text: cellWithCodes(cell, qualifierMarks), fillColor: FILL[cell.status] };
        }),
      ]),
      7,
    ),
  ]);
}

export function pdfDocument(r: GapReport, options: PdfOptions = {}): Record<string, unknown> {
  const paper = options.paper ?? 'a4';
  const content: Content[] = [
    ...coverPage(r),
    ...actFirstPage(r),
    ...bodySummary(r),
    ...matrix(r),
    ...gapSections(r),
    ...agreementPdf(r),
    ...laterSections(r),
  ];
  const by = r.institution ? `${r.institution} · ` : '';
  return {
    info: {
      title: r.institution ? `${r.title}: ${r.institution}` : r.title,
      subject: selectionLine(r),
      creator: 'IP-CLE Crosswalk',
    },
    pageSize: PAGE_SIZE[paper],
    pageMargins: [36, 40, 36, 40],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      h1: { fontSize: 22, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 8, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 2] },
      link: { color: '#1a4f8b', decoration: 'underline' },
    },
    footer: (page: number, pages: number) => ({
      text: `${by}${r.title} · ${r.generatedOn} · page ${page} of ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 10, 0, 0],
    }),
    content,
  };
}
