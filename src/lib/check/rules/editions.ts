import { compareDates } from '../../dates.ts';
import type { Rule } from '../types.ts';

/** Edition dates are consistent and supersede chains are acyclic and stay within one body. */
export const editions: Rule = {
  id: 'editions',
  description:
    'effectiveTo is not before effectiveFrom; an edition supersedes an older edition of the same body; supersede chains have no cycles; no standard has a title at a level its edition lists as untitled',
  run({ content, index }, report) {
    for (const e of content.editions) {
      const { effectiveFrom, effectiveTo, supersedes } = e.data;
      if (effectiveFrom === undefined) {
        report({
          file: e.file,
          path: ['edition'],
          severity: 'warning',
          message: 'no effective date: the edition counts as in force until a dated successor starts',
          found: 'no `effectiveFrom`',
          expected: 'the date the body says the edition takes effect',
          fix: 'add `effectiveFrom:` once a source gives it, with `datesSource:` if it is not at sourceUrl',
        });
      } else if (effectiveTo !== undefined && compareDates(effectiveTo, effectiveFrom) < 0) {
        report({
          file: e.file,
          path: ['effectiveTo'],
          message: 'edition ends before it starts',
          found: `effectiveFrom "${effectiveFrom}", effectiveTo "${effectiveTo}"`,
          expected: 'effectiveTo on or after effectiveFrom',
          fix: 'correct one of the two dates from the source',
        });
      }
      if (supersedes === undefined) continue;
      const older = index.editions.get(supersedes);
      if (!older) continue; // references rule reports it
      if (older.data.accreditor !== e.data.accreditor) {
        report({
          file: e.file,
          path: ['supersedes'],
          message: 'supersedes an edition of another body',
          found: `\`${supersedes}\` (accreditor \`${older.data.accreditor}\`)`,
          expected: `an edition of \`${e.data.accreditor}\``,
          fix: 'point supersedes at the previous edition of the same body',
        });
      } else if (
        older.data.effectiveFrom !== undefined &&
        effectiveFrom !== undefined &&
        compareDates(older.data.effectiveFrom, effectiveFrom) >= 0
      ) {
        report({
          file: e.file,
          path: ['supersedes'],
          message: 'supersedes an edition that does not start earlier',
          found: `this edition from "${effectiveFrom}", \`${supersedes}\` from "${older.data.effectiveFrom}"`,
          expected: 'the superseded edition to take effect first',
          fix: 'check the effective dates, or swap which edition supersedes which',
        });
      }
    }
    for (const s of content.standards) {
      const untitled = index.editions.get(s.edition)?.data.untitledLevels;
      if (s.data.title === undefined || untitled === undefined || !untitled.includes(s.data.level)) continue;
      report({
        file: s.file,
        path: ['title'],
        message: `has a title, but its edition says the body publishes no heading at the ${s.data.level} level`,
        found: `title "${s.data.title}" on a ${s.data.level}`,
        expected: `no title, or \`${s.data.level}\` removed from the edition's \`untitledLevels\``,
        fix: "check the body's document: remove the title if it is ours, or correct the edition's `untitledLevels`",
      });
    }
    // Cycles: follow supersedes from each edition; report each cycle once, on its smallest ID.
    const reported = new Set<string>();
    for (const start of content.editions) {
      const seen: string[] = [];
      let cur: string | undefined = start.id;
      while (cur !== undefined && !seen.includes(cur)) {
        seen.push(cur);
        cur = index.editions.get(cur)?.data.supersedes;
      }
      if (cur === undefined) continue;
      const cycle = seen.slice(seen.indexOf(cur));
      const key = [...cycle].sort()[0]!;
      if (reported.has(key) || start.id !== key) continue;
      reported.add(key);
      report({
        file: start.file,
        path: ['supersedes'],
        message: 'supersedes chain loops back on itself',
        found: [...cycle, cycle[0]].join(' → '),
        expected: 'a chain from newest to oldest that ends',
        fix: 'remove `supersedes` from the oldest edition in the loop',
      });
    }
  },
};
