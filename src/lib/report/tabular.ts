/**
 * Flat rows shared by the CSV, XLSX and Markdown renderers: one row per cell and standard, so every
 * tabular format lists the same facts in the same order.
 */
import { STATUS_LABEL, type Status } from '../coverage.ts';
import type { GapReport } from './schema.ts';

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
        status: STATUS_LABEL[cell.status as Status],
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
      if (cell.standards.length === 0) rows.push({ ...base, ...empty });
      for (const s of cell.standards) {
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

export function pct(n: number, d: number): string {
  return d === 0 ? '–' : `${Math.round((100 * n) / d)}%`;
}

/** One-line provenance shown by every format next to its figures. */
export function provenanceLine(r: GapReport): string {
  const s = r.summary;
  return (
    `${s.verifiedStandards} of ${s.standards} standards verified in the body's own text (${pct(s.verifiedStandards, s.standards)}); ` +
    `${s.reviewedMappings} of ${s.mappings} mappings reviewed by two professions (${pct(s.reviewedMappings, s.mappings)}); the rest are proposed.`
  );
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

export const HOW_TO_READ = [
  'Covered: at least one standard of the edition requires the characteristic explicitly.',
  'Partial: standards touch it only in part, for one setting, or implicitly (the characteristic can serve as evidence).',
  'Gap: the edition was reviewed for this characteristic and no standard maps to it.',
  'Not reviewed: nobody has yet checked the edition for this characteristic; this is not a gap.',
  'Support (0-1): strength of the best mapping (explicit 1, partial 0.6, implicit 0.3) times bindingness of its standard (required 1, expected 0.75, guidance 0.4).',
  'Severity weighs bindingness: a characteristic found only in guidance or implicitly is weaker coverage than one a required standard demands.',
  "Mappings are proposed until reviewers from at least two professions agree; verification says whether the standard code and title were seen in the body's own text.",
];
