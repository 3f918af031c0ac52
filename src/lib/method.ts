/**
 * The method text every output shows (report "how to read" sections, the site's legend and method
 * page), generated from the engine's constants so the words cannot drift from the arithmetic.
 */
import {
  BINDING_WEIGHT,
  QUALIFIER_NOTE,
  QUALIFIERS,
  SEVERITIES,
  SEVERITY_TEXT,
  STATUS_LABEL,
  STATUS_MEANING,
  STATUS_SYMBOL,
  STATUSES,
  STRENGTH_WEIGHT,
} from './coverage.ts';

const list = (w: Record<string, number>) =>
  Object.entries(w)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** One line per status: "● Covered: …". */
const STATUS_LINES: readonly string[] = STATUSES.map(
  (s) => `${STATUS_SYMBOL[s]} ${STATUS_LABEL[s]}: ${STATUS_MEANING[s]}.`,
);

/** One line per evidence qualifier: "¹ …". */
const QUALIFIER_LINES: readonly string[] = QUALIFIERS.map(
  (q) => `Note ${QUALIFIER_NOTE[q].mark}: the cell ${QUALIFIER_NOTE[q].text}.`,
);

export const CARRIED_LINE =
  'Carried forward: where the edition in force has not been read for a characteristic, the last read edition’s mappings are shown, marked with that edition; they never count as covered, partial, an opportunity or a gap.';

export const SUPPORT_LINE = `Support (0–1): strength of the best mapping (${list(STRENGTH_WEIGHT)}) times the bindingness of its standard (${list(BINDING_WEIGHT)}).`;

export const SEVERITY_LINES: readonly string[] = SEVERITIES.map((s) => `${SEVERITY_TEXT[s]}.`);

const REVIEW_LINE =
  "Mappings are proposed until reviewers from at least two professions agree; verification says whether the standard's code and wording were seen in the body's own text of that edition.";

/** The "how to read" list of every report format. */
export const HOW_TO_READ: readonly string[] = [
  ...STATUS_LINES,
  ...QUALIFIER_LINES,
  CARRIED_LINE,
  SUPPORT_LINE,
  ...SEVERITY_LINES.map((l) => `Severity ${l.charAt(0).toLowerCase()}${l.slice(1)}`),
  REVIEW_LINE,
];

/** Superscript marks for qualifiers, as shown next to a cell's symbol. */
export function qualifierMarks(qualifiers: readonly string[]): string {
  return qualifiers.map((q) => QUALIFIER_NOTE[q as keyof typeof QUALIFIER_NOTE]?.mark ?? '').join(',');
}
