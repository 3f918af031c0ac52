import { ENTITY_KINDS } from '../../../schemas/index.ts';
import { entriesOf } from '../../content.ts';
import type { ParsedFile } from '../../frontmatter.ts';
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

/** Bodies are shown by their label in every table, so two bodies must never share one. */
export const uniqueLabels: Rule = {
  id: 'unique-labels',
  description: 'no two bodies share a display label (the `label`, or the abbreviation when there is none)',
  run({ content }, report) {
    const seen = new Map<string, string>();
    for (const a of content.accreditors) {
      const label = a.data.label ?? a.data.abbreviation;
      const first = seen.get(label.toLowerCase());
      if (first) {
        report({
          file: a.file,
          path: [a.data.label ? 'label' : 'abbreviation'],
          message: `display label "${label}" is also used by \`${first}\``,
          found: `"${label}" for \`${a.id}\` and \`${first}\``,
          expected: 'a label unique across bodies',
          fix: `add \`label:\` with a distinguishing short name, e.g. "${a.data.abbreviation} ${a.id.split('-').slice(1).join(' ').toUpperCase() || 'X'}"`,
        });
      } else seen.set(label.toLowerCase(), a.id);
    }
  },
};
