/** The gap report's own XLSX sheets, each described as data for the sheet helper (xlsx-sheet.ts). */
import type ExcelJSNs from 'exceljs';
import { STATUS_LABEL, STATUSES, type Status } from '../coverage.ts';
import { editionLabel, editionStatus, lookups } from './committee.ts';
import type { GapReport } from './schema.ts';
import { BOLD, link, styled, type SheetSpec } from './xlsx-sheet.ts';
import { cellTextWithCodes, DETAIL_COLUMNS, detailRows, statusText } from './tabular.ts';

/** Fills pair with the status text and symbol; colour is never the only signal. */
const FILL: Record<Status, string> = {
  covered: 'FFC6EFCE',
  partial: 'FFFFEB9C',
  opportunity: 'FFDDEBF7',
  gap: 'FFFFC7CE',
  'not-reviewed': 'FFEDEDED',
};

/** One shared style object per status (see PLAIN in xlsx-sheet.ts). */
const FILL_STYLE = Object.fromEntries(
  Object.entries(FILL).map(([k, argb]) => [k, { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } }]),
) as Record<Status, Partial<ExcelJSNs.Style>>;

const filled = (text: string, status: Status) => styled(text, FILL_STYLE[status]);

export function summarySheet(report: GapReport): SheetSpec {
  const s = report.summary;
  return {
    name: 'Summary',
    columns: [
      ['Body', 14],
      ['Name', 48],
      ['Edition', 40],
      ['Effective from', 14],
      ['Text read', 10],
      ...STATUSES.map((st) => [STATUS_LABEL[st], 13] as const),
      ['Carried forward', 15],
      ['Standards', 10],
      ['Verified', 10],
      ['Mappings', 10],
      ['Reviewed mappings', 18],
      ['In transition to', 40],
      ['A newer edition may exist since', 18],
      ['Editorial status', 60],
    ],
    rows: (function* () {
      for (const b of report.bodies)
        yield [
          b.label,
          b.name,
          editionLabel(b),
          b.edition.effectiveFrom ?? 'not confirmed',
          b.edition.textRead,
          ...STATUSES.map((st) => b.counts[st]),
          b.carried,
          b.standards,
          b.verifiedStandards,
          b.mappings,
          b.reviewedMappings,
          b.transition ? `${b.transition.toTitle} from ${b.transition.startsOn ?? 'date not confirmed'}` : '',
          b.newerMayExistSince ?? '',
          b.editorialStatus ?? '',
        ];
      yield [];
      const blank = [undefined, undefined, undefined, undefined];
      const total = ['Total', ...blank, ...STATUSES.map((st) => s.counts[st]), s.carried, s.standards];
      yield [...total, s.verifiedStandards, s.mappings, s.reviewedMappings].map((v) =>
        v === undefined ? v : styled(v, BOLD),
      );
    })(),
    // The filter covers the bodies, not the blank row and the total under them.
    autoFilter: report.bodies.length,
  };
}

export function matrixSheet(report: GapReport): SheetSpec {
  return {
    name: 'Matrix',
    columns: [['Characteristic', 44], ['Severity', 10], ...report.bodies.map((b) => [b.label, 16] as const)],
    frozenColumns: 2,
    rows: (function* () {
      for (const ch of report.characteristics)
        yield [ch.name, ch.severity, ...ch.cells.map((cell) => filled(cellTextWithCodes(cell), cell.status))];
    })(),
    autoFilter: true,
  };
}

export function detailSheet(report: GapReport): SheetSpec {
  const width = (k: string) =>
    k === 'rationale' ? 60 : k.includes('title') || k === 'edition' || k === 'characteristic' ? 36 : 14;
  return {
    name: 'Detail',
    columns: DETAIL_COLUMNS.map((k) => [k, width(k)] as const),
    rows: (function* () {
      for (const r of detailRows(report))
        yield DETAIL_COLUMNS.map((k) => (k === 'source_url' ? link(String(r[k]), String(r[k])) : r[k]));
    })(),
    autoFilter: true,
  };
}

export function gapsSheet(report: GapReport): SheetSpec {
  const chars = new Map(report.characteristics.map((ch) => [ch.id, ch]));
  const bodies = new Map(report.bodies.map((b) => [b.id, b]));
  return {
    name: 'Gaps',
    columns: [
      ['Characteristic', 44],
      ['Severity', 10],
      ['Body', 14],
      ['Edition', 40],
      ['Edition status', 50],
    ],
    rows: (function* () {
      for (const g of report.gaps) {
        const b = bodies.get(g.body)!;
        const ch = chars.get(g.characteristic)!;
        yield [ch.name, ch.severity, b.label, editionLabel(b), editionStatus(b)];
      }
    })(),
    autoFilter: true,
  };
}

export function professionsSheet(report: GapReport): SheetSpec {
  return {
    name: 'Professions',
    columns: [['Characteristic', 44], ...report.professions.map((p) => [p.profession, 18] as const)],
    frozenColumns: 1,
    rows: (function* () {
      for (const ch of report.characteristics)
        yield [ch.name, ...report.professions.map((p) => filled(statusText(p.statuses[ch.id]!), p.statuses[ch.id]!))];
    })(),
  };
}

export function opportunitiesSheet(report: GapReport): SheetSpec {
  const l = lookups(report);
  return {
    name: 'Opportunities',
    columns: [
      ['Initiative', 40],
      ['Body', 14],
      ['Standard', 16],
      ['Title', 40],
      ['Via characteristics', 44],
      ['Strength', 10],
      ['Bindingness', 12],
      ['Verification', 12],
      ['Mapping review', 14],
    ],
    rows: (function* () {
      for (const initiative of report.opportunities.initiatives)
        for (const s of initiative.standards)
          yield [
            initiative.name,
            l.body(s.body),
            s.code,
            s.title ?? '',
            s.characteristics.join(', '),
            s.strength,
            s.bindingness,
            s.verification,
            s.review,
          ];
    })(),
  };
}
