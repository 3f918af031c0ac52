/**
 * Flat rows shared by the CSV, XLSX and Markdown renderers: one row per cell and standard, so every
 * tabular format lists the same facts in the same order.
 */
import { QUALIFIER_NOTE, STATUS_LABEL, STATUS_SYMBOL, STATUSES, type Status } from '../coverage.ts';
import { qualifierMarks } from '../method.ts';
import { percent as pct } from '../percent.ts';
import type { GapReport } from './schema.ts';

export { HOW_TO_READ } from '../method.ts';

type ReportCell = GapReport['characteristics'][number]['cells'][number];

/** "◐ Partial ¹,³" or "– Not reviewed (carried forward: ◐ Partial)": a cell as text, never by colour alone. */
export function cellText(cell: Pick<ReportCell, 'status' | 'qualifiers' | 'carried'>): string {
  const marks = qualifierMarks(cell.qualifiers);
  const base = `${STATUS_SYMBOL[cell.status]} ${STATUS_LABEL[cell.status]}${marks ? ` [${marks}]` : ''}`;
  return cell.carried ? `${base} (carried forward: ${STATUS_LABEL[cell.carried.status]})` : base;
}

/** A matrix cell with the codes of its standards: "● Covered: B.1.1, B-2"; carried codes when not reviewed. */
export function cellTextWithCodes(cell: Pick<ReportCell, 'status' | 'qualifiers' | 'carried' | 'standards'>): string {
  const codes = (cell.carried ? cell.carried.standards : cell.standards).map((s) => s.code).join(', ');
  return `${cellText(cell)}${codes ? `: ${codes}` : ''}`;
}

/** "● Covered" for a bare status. */
export const statusText = (s: Status): string => `${STATUS_SYMBOL[s]} ${STATUS_LABEL[s]}`;

/** Status column headers and a body's or row's counts in the same order, for every table. */
export const STATUS_HEADERS: readonly string[] = STATUSES.map((s) => STATUS_LABEL[s]);
export const countsInOrder = (c: Record<Status, number>): number[] => STATUSES.map((s) => c[s]);

/** The legend of qualifier marks, one line each. */
export const QUALIFIER_LEGEND: readonly string[] = Object.values(QUALIFIER_NOTE).map((q) => `[${q.mark}] ${q.text}`);

export const DETAIL_COLUMNS = [
  'characteristic_id',
  'characteristic',
  'level',
  'severity',
  'body_id',
  'body',
  'edition_id',
  'edition',
  'status',
  'qualifiers',
  'carried_from',
  'support',
  'standard_id',
  'standard_code',
  'standard_title',
  'strength',
  'bindingness',
  'verification',
  'mapping_review',
  'rationale',
  'source_url',
] as const;
export type DetailRow = Record<(typeof DETAIL_COLUMNS)[number], string | number>;

export function detailRows(report: GapReport): DetailRow[] {
  const bodies = new Map(report.bodies.map((b) => [b.id, b]));
  const rows: DetailRow[] = [];
  for (const c of report.characteristics) {
    for (const cell of c.cells) {
      const b = bodies.get(cell.body)!;
      const base = {
        characteristic_id: c.id,
        characteristic: c.name,
        level: c.level,
        severity: c.severity,
        body_id: b.id,
        body: b.label,
        edition_id: b.edition.id,
        edition: `${b.edition.title} (${b.edition.edition})`,
        status: STATUS_LABEL[cell.status],
        qualifiers: cell.qualifiers.join(' '),
        carried_from: cell.carried?.from ?? '',
        support: cell.support,
      };
      const empty = {
        standard_id: '',
        standard_code: '',
        standard_title: '',
        strength: '',
        bindingness: '',
        verification: '',
        mapping_review: '',
        rationale: '',
        source_url: '',
      };
      const standards = cell.carried ? cell.carried.standards : cell.standards;
      if (standards.length === 0) rows.push({ ...base, ...empty });
      for (const s of standards) {
        rows.push({
          ...base,
          standard_id: s.id,
          standard_code: s.code,
          standard_title: s.title ?? '',
          strength: s.strength,
          bindingness: s.bindingness,
          verification: s.verification,
          mapping_review: s.review,
          rationale: s.rationale,
          source_url: s.sourceUrl ?? '',
        });
      }
    }
  }
  return rows;
}

export { percent as pct } from '../percent.ts';

/** One-line provenance shown by every format next to its figures. */
export function provenanceLine(r: GapReport): string {
  const s = r.summary;
  return (
    `${s.solidCells} of ${s.cells} cells (${pct(s.solidCells, s.cells)}) rest on reviewed, current, verified evidence. ` +
    `${s.verifiedStandards} of ${s.standards} standards verified in the body's own text (${pct(s.verifiedStandards, s.standards)}); ` +
    `${s.reviewedMappings} of ${s.mappings} mappings reviewed by two professions (${pct(s.reviewedMappings, s.mappings)}); the rest are proposed.` +
    (s.carried ? ` ${s.carried} not-reviewed cells show evidence carried forward from an older edition.` : '')
  );
}

/** "3 bodies (2 organisations)" when an organisation has several lines of documents. */
export function bodiesLine(r: GapReport): string {
  const s = r.summary;
  return s.organisations === s.bodies
    ? `${s.bodies} bodies`
    : `${s.bodies} lines of standards from ${s.organisations} organisations`;
}

export function selectionLine(r: GapReport): string {
  const sel = r.selection;
  const parts = [
    sel.accreditors.length ? `bodies: ${sel.accreditors.join(', ')}` : 'bodies: all',
    sel.professions.length ? `professions: ${sel.professions.join(', ')}` : '',
    sel.kinds.length ? `kinds: ${sel.kinds.join(', ')}` : '',
    sel.countries.length ? `countries: ${sel.countries.join(', ')}` : '',
    sel.characteristics.length ? `characteristics: ${sel.characteristics.join(', ')}` : '',
    `editions in force on ${sel.on}`,
  ];
  return parts.filter(Boolean).join('; ');
}
