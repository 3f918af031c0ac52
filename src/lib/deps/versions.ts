/**
 * Semantic versions and advisory ranges, the small subset advisories are written in
 * (`<1.2.3`, `>=1.0.0 <1.2.3 || >=2.0.0 <2.0.1`, `=1.0.0`), so the audit needs no network or package.
 * Precedence follows semver.org §11; a range it cannot read is an error, never "no match".
 */

export interface Version {
  major: number;
  minor: number;
  patch: number;
  pre: (string | number)[];
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version {
  const m = VERSION.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a version (expected MAJOR.MINOR.PATCH, e.g. 8.3.2)`);
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    pre: m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [],
  };
}

/** Negative, zero or positive as a sorts before, with or after b. */
export function compareVersions(a: Version, b: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] - b[k];
  if (!a.pre.length || !b.pre.length) return b.pre.length - a.pre.length; // a release outranks its pre-releases
  for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i++) {
    const [x, y] = [a.pre[i], b.pre[i]];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number' || typeof y === 'number') return typeof x === 'number' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

const COMPARATOR = /^(<=|>=|<|>|=)?\s*(\S+)$/;

/** Does `version` fall in `range`? Alternatives with `||`, comparators within one joined by spaces. */
export function inRange(version: string, range: string): boolean {
  const v = parseVersion(version);
  const alternatives = range.split('||').map((s) => s.trim());
  if (alternatives.some((a) => a === '')) throw new Error(`range "${range}" has an empty alternative`);
  return alternatives.some((alt) =>
    alt
      .replace(/(<=|>=|<|>|=)\s+/g, '$1')
      .split(/\s+/)
      .every((part) => {
        const m = COMPARATOR.exec(part);
        let bound: Version;
        try {
          bound = parseVersion(m?.[2] ?? '');
        } catch {
          throw new Error(
            `range "${range}": cannot read "${part}" (expected <, <=, >, >= or = before a version like 1.2.3)`,
          );
        }
        const c = compareVersions(v, bound);
        switch (m?.[1] ?? '=') {
          case '<':
            return c < 0;
          case '<=':
            return c <= 0;
          case '>':
            return c > 0;
          case '>=':
            return c >= 0;
          default:
            return c === 0;
        }
      }),
  );
}
