/**
 * Search synonyms: a query and its variants with glossary phrases swapped for their synonyms. Kept
 * apart from the glossary parser so the browser's search script does not load YAML or zod.
 */

/** Lowercase, single spaces: how phrases and queries are compared. */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The query and its variants with one glossary phrase swapped for each of its synonyms (longest
 * phrases first, never overlapping), at most `limit`: "IPE simulation" → also "interprofessional
 * education simulation". Search runs each variant and merges the results.
 */
export function expandQuery(query: string, groups: readonly string[][], limit = 8): string[] {
  const q = normalise(query);
  const out = [q];
  if (!q) return out;
  const phrases = groups.flatMap((g, gi) => g.map((p) => ({ p, gi }))).sort((a, b) => b.p.length - a.p.length);
  const taken: [number, number][] = [];
  for (const { p, gi } of phrases) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(p)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of q.matchAll(re)) {
      const start = m.index;
      const end = start + p.length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      for (const alt of groups[gi]!) if (alt !== p) out.push(`${q.slice(0, start)}${alt}${q.slice(end)}`);
    }
  }
  return [...new Set(out)].slice(0, limit);
}
