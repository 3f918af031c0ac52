/** "42%" of n out of d, rounded; "–" when there is nothing to divide by. Every output formats shares this way. */
export function percent(n: number, d: number): string {
  return d === 0 ? '–' : `${Math.round((100 * n) / d)}%`;
}
