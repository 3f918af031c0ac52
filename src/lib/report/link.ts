/**
 * The report builder's link, bounded before anything reads it: a 1–2 MB link froze the tab for half
 * a minute (issue 12, item 9), so length and repetition are checked on the raw text first.
 */
import { SelectionError } from '../selection.ts';

export const REPORT_LINK_LIMITS = {
  /** The whole query: a link choosing every body in the crosswalk is a few thousand characters. */
  chars: 16_000,
  /** Values of one list parameter (body, profession, kind, country, characteristic). */
  listValues: 500,
  /** One value: IDs and dates are far shorter; the cover refuses institution names over 200 itself. */
  valueChars: 1_000,
} as const;

/** Parameters that hold a list; every other known one is given at most once. */
export const LIST_PARAMS = ['body', 'profession', 'kind', 'country', 'characteristic'] as const;
export const SINGLE_PARAMS = ['on', 'institution', 'paper', 'preset'] as const;

/** A link refused before parsing; its message is for the person who opened it. */
export class ReportLinkError extends SelectionError {
  constructor(problem: string) {
    super(
      `${problem} The link may have been cut, pasted twice or altered. Choose the bodies again from the list above and press Show report.`,
    );
    this.name = 'ReportLinkError';
  }
}

const n = (x: number) => x.toLocaleString('en-US');
const preview = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

/** The link's parameters, or a ReportLinkError naming what is too long or repeated. */
export function readReportLink(search: string, limits = REPORT_LINK_LIMITS): URLSearchParams {
  // Measured before anything copies or parses the text.
  const length = search.length - (search.startsWith('?') ? 1 : 0);
  if (length > limits.chars)
    throw new ReportLinkError(
      `This report link is ${n(length)} characters long; a report link holds at most ${n(limits.chars)}.`,
    );
  const params = new URLSearchParams(search);
  const counts = new Map<string, number>();
  for (const [name, value] of params) {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (name.length > limits.valueChars)
      throw new ReportLinkError(
        `A parameter name in this report link is ${n(name.length)} characters long ("${preview(name)}"); at most ${n(limits.valueChars)}.`,
      );
    if (value.length > limits.valueChars)
      throw new ReportLinkError(
        `The "${name}" in this report link is ${n(value.length)} characters long ("${preview(value)}"); at most ${n(limits.valueChars)}.`,
      );
  }
  for (const name of LIST_PARAMS) {
    const count = counts.get(name) ?? 0;
    if (count > limits.listValues)
      throw new ReportLinkError(`This report link names "${name}" ${n(count)} times; at most ${n(limits.listValues)}.`);
  }
  for (const name of SINGLE_PARAMS) {
    const count = counts.get(name) ?? 0;
    if (count > 1) throw new ReportLinkError(`This report link gives "${name}" ${n(count)} times; give it once.`);
  }
  return params;
}
