import { ENTITY_KINDS } from '../../../schemas/index.ts';
import { entriesOf } from '../../content.ts';
import type { ParsedFile } from '../../frontmatter.ts';
import { skeleton } from '../../unicode.ts';
import type { Rule } from '../types.ts';

/**
 * IDs must be unique per kind even on case-insensitive file systems, and codes unique per edition.
 * Both files are named in the message.
 */
export const uniqueIds: Rule = {
  id: 'unique-ids',
  description: 'no two files of one kind share an ID (ignoring case); no two standards of an edition share a code',
  run({ content }, report) {
    for (const kind of ENTITY_KINDS) {
      const seen = new Map<string, ParsedFile>();
      for (const e of [...entriesOf(content, kind), ...content.stubs.filter((s) => s.kind === kind)]) {
        const key = e.id.toLowerCase();
        const first = seen.get(key);
        if (first) {
          report({
            file: e.file,
            line: 1,
            message: `duplicate ${kind} ID \`${e.id}\``,
            found: `${e.file.path} and ${first.path}`,
            expected: 'one file per ID',
            fix: `merge the two files, or rename one and leave a \`replacedBy\` stub`,
          });
        } else seen.set(key, e.file);
      }
    }
    const codes = new Map<string, ParsedFile>();
    for (const s of content.standards) {
      const key = `${s.edition}\u0000${s.data.code.trim()}`;
      const first = codes.get(key);
      if (first) {
        report({
          file: s.file,
          path: ['code'],
          message: `code "${s.data.code}" appears twice in edition \`${s.edition}\``,
          found: `${s.file.path} and ${first.path}`,
          expected: 'each code once per edition',
          fix: 'merge the mappings into one file and delete the other',
        });
      } else codes.set(key, s.file);
    }
  },
};

/**
 * Bodies are shown by their label in every table, so two bodies must never share one, nor two labels
 * that look alike: compared ignoring case, and by confusable skeleton (a Cyrillic "LСМЕ" is "LCME").
 */
export const uniqueLabels: Rule = {
  id: 'unique-labels',
  description:
    'no two bodies share a display label (the `label`, or the abbreviation when there is none), ignoring case and lookalike characters',
  run({ content }, report) {
    const byCase = new Map<string, { id: string; label: string }>();
    const bySkeleton = new Map<string, { id: string; label: string }>();
    for (const a of content.accreditors) {
      const label = a.data.label ?? a.data.abbreviation;
      const first = byCase.get(label.toLowerCase()) ?? bySkeleton.get(skeleton(label));
      if (first) {
        const lookalike = first.label.toLowerCase() !== label.toLowerCase();
        report({
          file: a.file,
          path: [a.data.label ? 'label' : 'abbreviation'],
          message: lookalike
            ? `display label "${label}" looks like "${first.label}" of \`${first.id}\``
            : `display label "${label}" is also used by \`${first.id}\``,
          found: `"${label}" for \`${a.id}\` and \`${first.id}\``,
          expected: 'a label unique across bodies, also to the eye',
          fix: lookalike
            ? `retype "${label}" with Latin letters and ASCII digits, or choose a distinguishing \`label:\``
            : `add \`label:\` with a distinguishing short name, e.g. "${a.data.abbreviation} ${a.id.split('-').slice(1).join(' ').toUpperCase() || 'X'}"`,
        });
      } else {
        byCase.set(label.toLowerCase(), { id: a.id, label });
        bySkeleton.set(skeleton(label), { id: a.id, label });
      }
    }
  },
};
