import type { Rule } from '../types.ts';

/** A claim of verification must say where it was verified. */
export const verificationSource: Rule = {
  id: 'verification-source',
  description:
    'a verified or secondary standard names the sourceUrl it was seen at; an unverified one without a URL is a warning',
  run({ content }, report) {
    for (const s of content.standards) {
      if (s.data.sourceUrl !== undefined) continue;
      const claimed = s.data.verification !== 'unverified';
      report({
        file: s.file,
        path: ['verification'],
        severity: claimed ? 'error' : 'warning',
        message: claimed
          ? `\`verification: ${s.data.verification}\` without a sourceUrl`
          : 'unverified standard has no sourceUrl',
        found: 'no `sourceUrl`',
        expected: claimed
          ? 'the URL where the code and title were seen'
          : 'a URL where a reader can look for the standard',
        fix: claimed
          ? 'add `sourceUrl:`, or set `verification: unverified`'
          : "add the body's document URL as `sourceUrl:`",
      });
    }
  },
};
