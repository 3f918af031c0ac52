import { isValidId, slugifyCode, suggestId } from '../../ids.ts';
import type { Rule } from '../types.ts';

/** The file name is the ID: kebab-case, and for standards the slug of the code. */
export const fileName: Rule = {
  id: 'file-name',
  description: 'file names are lowercase kebab-case IDs; a standard file is named after the slug of its code',
  run({ content }, report) {
    // Every parsed file, valid or not: a bad name is worth knowing even when the fields are wrong too.
    for (const file of content.files) {
      if (file.kind === undefined || file.kind === 'standard' || file.id === undefined) continue;
      if (!isValidId(file.id)) {
        report({
          file,
          line: 1,
          message: 'file name is not a valid ID',
          found: `"${file.id}"`,
          expected: 'lowercase letters, digits and single hyphens (kebab-case)',
          fix: `rename the file to \`${suggestId(file.id) || 'an-id'}.md\``,
        });
      }
    }
    const seenFolders = new Set<string>();
    for (const s of content.standards) {
      if (!isValidId(s.edition) && !seenFolders.has(s.edition)) {
        seenFolders.add(s.edition);
        report({
          file: s.file,
          line: 1,
          message: 'edition folder name is not a valid ID',
          found: `"${s.edition}"`,
          expected: 'lowercase kebab-case, equal to an edition ID',
          fix: `rename the folder to \`${suggestId(s.edition)}\``,
        });
      }
      const want = slugifyCode(s.data.code);
      if (s.stem !== want) {
        report({
          file: s.file,
          path: ['code'],
          message: 'file name does not match the standard code',
          found: `file \`${s.stem}.md\` for code "${s.data.code}"`,
          expected: `\`${want}.md\` (the code in lowercase, other characters as hyphens)`,
          fix: want
            ? `rename the file to \`${want}.md\`, or correct \`code\``
            : 'give the standard a code with letters or digits',
        });
      }
    }
  },
};
