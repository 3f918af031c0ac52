import type { Rule } from '../types.ts';

/**
 * Lineage links resolve, and once an edition's full text has been read, every mapped standard of the
 * edition it supersedes has a decision: continued by a new code, or dropped with a reason.
 */
export const drift: Rule = {
  id: 'drift',
  description:
    'continues and dropped name codes of the superseded edition; with textRead: full, each mapped standard of the superseded edition is continued or dropped (else a warning; `npm run drift` lists them)',
  run({ content, index }, report) {
    for (const e of content.editions) {
      const prevId = e.data.supersedes;
      const own = index.standardsByEdition.get(e.id) ?? [];
      const prev = prevId === undefined ? undefined : index.standardsByEdition.get(prevId);
      const prevCodes = new Set((prev ?? []).map((s) => s.data.code));
      for (const s of own) {
        (s.data.continues ?? []).forEach((code, i) => {
          if (prevId === undefined) {
            report({
              file: s.file,
              path: ['continues', i],
              message: 'continues a code, but this edition supersedes none',
              found: `"${code}"`,
              expected: 'a `supersedes:` on the edition',
              fix: `add \`supersedes:\` to editions/${e.id}.md, or remove \`continues:\``,
            });
          } else if (!prevCodes.has(code)) {
            report({
              file: s.file,
              path: ['continues', i],
              message: `continues "${code}", which is not a standard of ${prevId}`,
              found: `"${code}"`,
              expected: `a code recorded under standards/${prevId}/`,
              fix: 'correct the code, or add that standard to the older edition first',
            });
          }
        });
      }
      (e.data.dropped ?? []).forEach((d, i) => {
        if (prevId !== undefined && prevCodes.has(d.code)) return;
        report({
          file: e.file,
          path: ['dropped', i, 'code'],
          message: `dropped "${d.code}", which is not a standard of ${prevId ?? 'a superseded edition'}`,
          found: `"${d.code}"`,
          expected: 'a code of the superseded edition',
          fix: 'correct the code or remove the entry',
        });
      });
      if (prev === undefined || e.data.textRead !== 'full') continue;
      const continued = new Set(own.flatMap((s) => s.data.continues ?? []));
      const dropped = new Set((e.data.dropped ?? []).map((d) => d.code));
      for (const p of prev) {
        if (p.data.mappings.length === 0 || continued.has(p.data.code) || dropped.has(p.data.code)) continue;
        report({
          file: e.file,
          path: ['textRead'],
          severity: 'warning',
          message: `${prevId} ${p.data.code} has mappings and no decision in this edition`,
          found: `standards/${p.id}.md mapped to ${p.data.mappings.map((m) => m.characteristic).join(', ')}`,
          expected: 'a standard here that continues it, or a `dropped:` entry with the reason',
          fix: `add \`continues: ['${p.data.code}']\` to the standard that carries it on, or list it under \`dropped:\` (see \`npm run drift -- --accreditor ${e.data.accreditor}\`)`,
        });
      }
    }
  },
};
