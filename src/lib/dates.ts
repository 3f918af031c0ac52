/**
 * Partial dates ("2025", "2025-07", "2025-07-01") as the sources give them. A start date is read as
 * the first day of its period and an end date as the last, so "in force on" stays honest.
 */
export function startOf(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

export function endOf(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, '0')}`;
  }
  return date;
}

/** Compare two partial dates by their start. */
export function compareDates(a: string, b: string): number {
  const x = startOf(a);
  const y = startOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A date written YYYY-MM-DD (month 01-12, day 01-31; `isIsoDate` also checks the day exists). */
export const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
/** A date at the precision a source gives: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** A real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  // Arithmetic rather than a Date round trip: this runs on every date of every file.
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A partial date ("2025", "2025-02", "2025-02-28") that names a real period: no 30 February. */
export function isRealDate(s: string): boolean {
  return s.length === 10 ? isIsoDate(s) : s.length <= 7 && PARTIAL_DATE.test(s);
}
