/**
 * The committee report's sections as plain data (cover, "act on first", matrix cells with codes,
 * model wording, multi-standard initiatives, evidence appendix), so Markdown, HTML, PDF and XLSX
 * say the same things in the same order.
 */
import { compareCodes, STATUS_LABEL } from '../coverage.ts';
import type { GapReport } from './schema.ts';
import { selectionLine } from './tabular.ts';

type Body = GapReport['bodies'][number];
type ReportCell = GapReport['characteristics'][number]['cells'][number];

/** Items on the one-page "act on first" summary; the rest are in the gaps section. */
const ACT_FIRST_LIMIT = 10;

export const editionLabel = (b: Body): string => `${b.edition.title} (${b.edition.edition})`;

/** "text read: full; effective 2024-07-01; a newer edition may exist since 2025-07-01". */
export function editionStatus(b: Body): string {
  return [
    `text read: ${b.edition.textRead}`,
    b.edition.effectiveFrom ? `effective ${b.edition.effectiveFrom}` : 'effective date not confirmed',
    b.transition
      ? `in transition to ${b.transition.toTitle} from ${b.transition.startsOn ?? 'a date not yet confirmed'}`
      : '',
    b.newerMayExistSince ? `a newer edition may exist since ${b.newerMayExistSince}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export interface Cover {
  title: string;
  institution?: string;
  date: string;
  selection: string;
  dataVersion: string;
  editions: { body: string; name: string; edition: string; status: string }[];
}

export function cover(r: GapReport): Cover {
  return {
    title: r.title,
    ...(r.institution && { institution: r.institution }),
    date: r.generatedOn,
    selection: selectionLine(r),
    dataVersion: r.dataVersion,
    editions: r.bodies.map((b) => ({
      body: b.label,
      name: b.name,
      edition: editionLabel(b),
      status: editionStatus(b),
    })),
  };
}

export interface Lookups {
  body(id: string): string;
  characteristic(id: string): string;
  code(id: string): string;
}

/** One set of lookups per report: callers ask per row (one per dissent), and each build walks every cell. */
const LOOKUPS = new WeakMap<GapReport, Lookups>();

/** Lookups every renderer needs: body labels, characteristic names, standard codes by ID. */
export function lookups(r: GapReport): Lookups {
  let l = LOOKUPS.get(r);
  if (!l) {
    l = buildLookups(r);
    LOOKUPS.set(r, l);
  }
  return l;
}

function buildLookups(r: GapReport): Lookups {
  const code = new Map<string, string>();
  for (const ch of r.characteristics)
    for (const cell of ch.cells) {
      for (const s of cell.standards) code.set(s.id, s.code);
      for (const s of cell.carried?.standards ?? []) code.set(s.id, s.code);
    }
  const bodies = new Map(r.bodies.map((b) => [b.id, b.label]));
  const names = new Map(r.characteristics.map((c) => [c.id, c.name]));
  return {
    body: (id: string) => bodies.get(id) ?? id,
    characteristic: (id: string) => names.get(id) ?? id,
    code: (id: string) => code.get(id) ?? id,
  };
}

export interface ActFirstLine {
  characteristic: string;
  name: string;
  severity: string;
  support: number;
  /** "Gap at LCME, CCNE. Opportunity at ACPE (11.2)." */
  text: string;
}

export function actFirstLines(r: GapReport, limit = ACT_FIRST_LIMIT): ActFirstLine[] {
  const l = lookups(r);
  return r.actFirst.slice(0, limit).map((a) => {
    const parts = [
      a.gaps.length ? `Gap at ${a.gaps.map(l.body).join(', ')}.` : '',
      a.opportunities.length
        ? `Opportunity at ${a.opportunities.map((o) => `${l.body(o.body)} (${o.standards.map(l.code).join(', ')})`).join(', ')}.`
        : '',
    ];
    return {
      characteristic: a.characteristic,
      name: l.characteristic(a.characteristic),
      severity: a.severity,
      support: a.support,
      text: parts.filter(Boolean).join(' '),
    };
  });
}

/** The line under a full "act on first" list: how many more, and where they are. */
export function moreActFirst(r: GapReport, shown: number): string {
  const n = r.actFirst.length - shown;
  if (n <= 0) return '';
  return `${n} more ${n === 1 ? 'characteristic has' : 'characteristics have'} gaps or opportunities: see the table, Gaps and Integration opportunities.`;
}

/** A matrix cell in words with its standard codes: "Covered [3]: B.1.1, B.2". Never colour alone. */
export function cellWithCodes(cell: ReportCell, marks: (q: readonly string[]) => string): string {
  const m = marks(cell.qualifiers);
  const head = `${STATUS_LABEL[cell.status]}${m ? ` [${m}]` : ''}`;
  const codes = cell.standards.map((s) => s.code).join(', ');
  const carried = cell.carried
    ? ` (carried forward from ${cell.carried.fromLabel}: ${STATUS_LABEL[cell.carried.status]}${cell.carried.standards.length ? ` ${cell.carried.standards.map((s) => s.code).join(', ')}` : ''})`
    : '';
  return `${head}${codes ? `: ${codes}` : ''}${carried}`;
}

/** Split the bodies into column groups, so a wide selection prints as several tables that fit a page. */
export function bodyGroups<T>(bodies: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < bodies.length; i += size) out.push(bodies.slice(i, i + size));
  return out.length ? out : [[]];
}

/** Initiatives that evidence two standards or more, most standards first. */
export function multiStandardInitiatives(r: GapReport): GapReport['opportunities']['initiatives'] {
  return r.opportunities.initiatives
    .filter((initiative) => initiative.standards.length >= 2)
    .sort((a, b) => b.standards.length - a.standards.length || a.name.localeCompare(b.name));
}

export interface EvidenceRow {
  body: string;
  code: string;
  title: string;
  edition: string;
  editionStatus: string;
  verification: string;
  review: string;
  citedFor: string;
  url: string;
}

/** Every standard the report cites (cells, carried-forward cells, model wording, initiatives), once each. */
export function evidenceRows(r: GapReport): EvidenceRow[] {
  const l = lookups(r);
  const bodies = new Map(r.bodies.map((b) => [b.id, b]));
  const rows = new Map<string, EvidenceRow & { reviews: Set<string>; cited: Set<string> }>();
  const add = (
    s: {
      id: string;
      code: string;
      title?: string | undefined;
      verification: string;
      review: string;
      sourceUrl?: string | undefined;
    },
    body: string,
    edition: string,
    status: string,
    citedFor: string,
  ) => {
    let row = rows.get(s.id);
    if (!row) {
      row = {
        body,
        code: s.code,
        title: s.title ?? '',
        edition,
        editionStatus: status,
        verification: s.verification,
        review: '',
        citedFor: '',
        url: s.sourceUrl ?? '',
        reviews: new Set(),
        cited: new Set(),
      };
      rows.set(s.id, row);
    }
    row.reviews.add(s.review);
    row.cited.add(citedFor);
  };
  for (const ch of r.characteristics)
    for (const cell of ch.cells) {
      const b = bodies.get(cell.body)!;
      for (const s of cell.standards) add(s, b.label, editionLabel(b), `in force; ${editionStatus(b)}`, ch.name);
      for (const s of cell.carried?.standards ?? [])
        add(s, b.label, cell.carried!.fromLabel, 'older edition (carried forward, not counted)', ch.name);
    }
  for (const w of r.modelWording)
    for (const s of w.standards)
      add(
        s,
        s.bodyLabel,
        s.editionLabel,
        `in force; text read: ${s.textRead}${s.selected ? '' : '; not selected'}`,
        `model wording: ${l.characteristic(w.characteristic)}`,
      );
  return [...rows.values()]
    .map(({ reviews, cited, ...row }) => ({ ...row, review: [...reviews].join(', '), citedFor: [...cited].join('; ') }))
    .sort((a, b) => a.body.localeCompare(b.body) || compareCodes(a.code, b.code));
}
