/** The committee PDF's later sections: gaps with model wording, opportunities, initiatives, evidence appendix. */
import { STATUS_LABEL, STATUS_SYMBOL } from '../coverage.ts';
import { editionLabel, evidenceRows, lookups, multiStandardInitiatives } from './committee.ts';
import type { GapReport } from './schema.ts';
import { HOW_TO_READ, QUALIFIER_LEGEND } from './tabular.ts';

export type Content = Record<string, unknown> | string | Content[];

export const th = (t: string) => ({ text: t, bold: true, fillColor: '#eeeeee' });
export const table = (widths: unknown[], head: string[], rows: unknown[][], fontSize = 8) => ({
  table: { headerRows: 1, dontBreakRows: true, widths, body: [head.map(th), ...rows] },
  layout: 'lightHorizontalLines',
  fontSize,
  margin: [0, 0, 0, 10],
});

/** Roboto lacks some status symbols (◐ ◇); the PDF names statuses in words instead. */
const SYMBOL = new RegExp(`^(${Object.values(STATUS_SYMBOL).join('|')}) `);
const plain = (line: string) => line.replace(SYMBOL, '');

/**
 * Lists that grow with standards × bodies stop after this many lines, then say how many more and where
 * all of them are (the XLSX): above every real selection so far, far below the benchmark's corpus.
 */
export const PDF_LIST_LIMIT = { initiative: 200, gapSupport: 100, evidence: 1500 } as const;

/**
 * The evidence appendix shows at most PDF_LIST_LIMIT.evidence rows, shared out among its tables (one
 * per edition, each at least this many), so every body keeps its table; a cut table ends with how many
 * more there are. At 20,000 standards the full appendix was two thirds of a 15 MB PDF and of pdfmake's
 * 1.26 GB peak.
 */
export const EVIDENCE_ROWS_PER_TABLE_MIN = 25;

const EVIDENCE_WHERE =
  'the XLSX download (Detail sheet: verification and mapping review of every standard in every cell)';

/** The first `limit` lines, then one line saying how many more and where to find them all. */
function capped(lines: Content[], limit: number, where: string): Content[] {
  if (lines.length <= limit) return lines;
  const more = lines.length - limit;
  return [...lines.slice(0, limit), { text: `… and ${more} more: every one is in ${where}.`, italics: true }];
}

const link = (text: string, url: string | undefined) => (url ? { text, link: url, style: 'link' } : { text });
const facts = (s: { strength: string; bindingness: string; verification: string; review: string }) =>
  `${s.strength}, ${s.bindingness}, ${s.verification}, ${s.review}`;

/** For each characteristic with a gap: the bodies and editions silent on it, what others require, model wording. */
export function gapSections(r: GapReport): Content[] {
  const l = lookups(r);
  const bodies = new Map(r.bodies.map((b) => [b.id, b]));
  const out: Content[] = [
    { text: 'Gaps, and the language other bodies use', style: 'h2', pageBreak: 'before', pageOrientation: 'portrait' },
  ];
  // Most urgent first, in the order of "act on first".
  const gapChars = r.actFirst.filter((a) => a.gaps.length).map((a) => a.characteristic);
  if (gapChars.length === 0) out.push({ text: 'No reviewed gaps in this selection.' });
  for (const id of gapChars) {
    const ch = r.characteristics.find((c) => c.id === id)!;
    out.push({ text: `${ch.name} (severity ${ch.severity})`, style: 'h3' });
    const at = r.gaps
      .filter((g) => g.characteristic === id)
      .map((g) => `${l.body(g.body)} (${editionLabel(bodies.get(g.body)!)})`);
    out.push({ text: `Gap at ${at.join(', ')}. ${ch.summary}.`, fontSize: 9 });
    const supporting = ch.cells.flatMap((cell) =>
      cell.standards.map((s) => `${l.body(cell.body)} ${s.code}${s.title ? ` ${s.title}` : ''} — ${facts(s)}`),
    );
    if (supporting.length)
      out.push(
        { text: 'In the selected bodies:', fontSize: 8, bold: true, margin: [0, 3, 0, 0] },
        {
          ul: capped(supporting, PDF_LIST_LIMIT.gapSupport, 'the XLSX download (Detail sheet, by characteristic)'),
          fontSize: 8,
        },
      );
    const wording = r.modelWording.find((w) => w.characteristic === id)?.standards ?? [];
    out.push({
      text: 'Model wording (strongest language in force at any body):',
      fontSize: 8,
      bold: true,
      margin: [0, 3, 0, 0],
    });
    out.push(
      wording.length
        ? {
            ul: wording.map((s) => ({
              text: [
                link(`${s.bodyLabel} ${s.code}${s.title ? ` ${s.title}` : ''}`, s.sourceUrl),
                ` — ${s.editionLabel}; ${facts(s)}${s.selected ? '' : '; not in this selection'}. `,
                { text: s.rationale, italics: true },
              ],
            })),
            fontSize: 8,
            margin: [0, 0, 0, 6],
          }
        : { text: 'No body in the crosswalk requires it yet, explicitly or in part.', fontSize: 8, italics: true },
    );
  }
  return out;
}

export function laterSections(r: GapReport): Content[] {
  const l = lookups(r);
  const out: Content[] = [];
  const carried = r.characteristics.flatMap((ch) =>
    ch.cells.flatMap((cell) =>
      cell.carried
        ? [
            `${ch.name} at ${l.body(cell.body)}: ${STATUS_LABEL[cell.carried.status]} in ${cell.carried.fromLabel}${cell.carried.standards.length ? ` (${cell.carried.standards.map((s) => s.code).join(', ')})` : ''}; not checked against the edition in force`,
          ]
        : [],
    ),
  );
  if (carried.length)
    out.push(
      { text: 'Carried forward from older editions (not counted)', style: 'h2' },
      { ul: carried, fontSize: 8, margin: [0, 2, 0, 6] },
    );
  if (r.opportunityCells.length)
    out.push(
      { text: 'Integration opportunities (implicit mappings only)', style: 'h2' },
      {
        ul: r.opportunityCells.map(
          (o) => `${l.characteristic(o.characteristic)} at ${l.body(o.body)}: ${o.standards.map(l.code).join(', ')}`,
        ),
        fontSize: 8,
        margin: [0, 2, 0, 6],
      },
    );
  out.push({ text: 'One practice, many standards', style: 'h2', pageBreak: 'before' });
  const multi = multiStandardInitiatives(r);
  if (multi.length === 0) out.push({ text: 'No initiative evidences two standards or more in this selection.' });
  for (const initiative of multi)
    out.push(
      {
        text: `${initiative.name}: ${initiative.standards.length} standards at ${initiative.bodies} bodies`,
        style: 'h3',
      },
      {
        ul: capped(
          initiative.standards.map(
            (s) =>
              `${l.body(s.body)} ${s.code}${s.title ? ` ${s.title}` : ''} (via ${s.characteristics.map(l.characteristic).join(', ')}) — ${s.strength}, ${s.verification}, ${s.review}`,
          ),
          PDF_LIST_LIMIT.initiative,
          'the XLSX download (Opportunities sheet)',
        ),
        fontSize: 8,
        margin: [0, 2, 0, 6],
      },
    );
  if (r.opportunities.reciprocity.length)
    out.push(
      { text: 'Reciprocity: joint activities that could serve two professions', style: 'h3' },
      { ul: r.opportunities.reciprocity.map((p) => `${l.body(p.a.body)} + ${l.body(p.b.body)}`), fontSize: 8 },
    );
  out.push(
    { text: 'Appendix: quality of the evidence cited', style: 'h2', pageBreak: 'before' },
    ...evidenceAppendix(r),
    { text: 'How to read this report', style: 'h2', margin: [0, 12, 0, 4] },
    { ul: HOW_TO_READ.map(plain), fontSize: 8 },
    { text: `Notes: ${QUALIFIER_LEGEND.join('; ')}.`, fontSize: 8, margin: [0, 4, 0, 0] },
  );
  return out;
}

/**
 * The evidence appendix, one table per body and edition: the edition and its status head the table
 * (repeated on each page it spans) instead of filling two columns of every row. The same facts in half
 * the pages, and pdfmake's time grows faster than the text does. Only the code links to its source:
 * pdfmake makes a link of each word (four for "1.3 Team of Safety"). Long tables stop at their share
 * of PDF_LIST_LIMIT.evidence and say how many more there are and where.
 */
function evidenceAppendix(r: GapReport): Content[] {
  const groups = new Map<string, ReturnType<typeof evidenceRows>>();
  for (const e of evidenceRows(r)) {
    const key = `${e.body} ${e.edition}: ${e.editionStatus}`;
    const rows = groups.get(key);
    if (rows) rows.push(e);
    else groups.set(key, [e]);
  }
  const perTable = Math.max(
    EVIDENCE_ROWS_PER_TABLE_MIN,
    Math.floor(PDF_LIST_LIMIT.evidence / Math.max(1, groups.size)),
  );
  const cut = [...groups.values()].some((rows) => rows.length > perTable);
  const intro = 'Every standard this report cites, with its verification, mapping review and edition status.';
  const tables: Content[] = [...groups].map(([head, rows]) => ({
    table: {
      headerRows: 2,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: ['*', 'auto', 'auto', '*'],
      body: [
        [{ text: head, bold: true, colSpan: 4 }, '', '', ''],
        ['Standard', 'Verification', 'Review', 'Cited for'].map(th),
        ...rows
          .slice(0, perTable)
          .map((e) => [
            { text: [e.url ? { text: e.code, link: e.url, style: 'link' } : e.code, e.title ? ` ${e.title}` : ''] },
            e.verification,
            e.review,
            e.citedFor,
          ]),
        ...(rows.length > perTable
          ? [
              [
                {
                  text: `… and ${rows.length - perTable} more: every one is in ${EVIDENCE_WHERE}.`,
                  italics: true,
                  colSpan: 4,
                },
                '',
                '',
                '',
              ],
            ]
          : []),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 7,
    margin: [0, 0, 0, 8],
  }));
  const note = cut ? ` Each table shows at most its first ${perTable}; every one is in ${EVIDENCE_WHERE}.` : '';
  return [{ text: intro + note, fontSize: 8, margin: [0, 0, 0, 4] }, ...tables];
}
