import type { Rule } from '../types.ts';

/**
 * Hosts that republish other bodies' documents (document-sharing sites, code hosts, web archives).
 * Text may be read there, but the official source is always the body's own page or PDF.
 */
const MIRROR_HOSTS = [
  'scribd.com',
  'slidelegend.com',
  'docplayer.net',
  'fdocuments.in',
  'fdocuments.net',
  'fdocuments.us',
  'vdocuments.mx',
  'vdocuments.net',
  'pdfcoffee.com',
  'studylib.net',
  'coursehero.com',
  'yumpu.com',
  'pdf4pro.com',
  'dokumen.pub',
  'dokumen.tips',
  'slideshare.net',
  'slideserve.com',
  'readkong.com',
  'zbook.org',
  'paperzz.com',
  'documents.pub',
  'pdfslide.net',
  'silo.tips',
  'doczz.net',
  'docslib.org',
  'manualzz.com',
  'kipdf.com',
  'studyres.com',
  'dochub.com',
  'fliphtml5.com',
  'github.com',
  'raw.githubusercontent.com',
  'gitlab.com',
  'web.archive.org',
  'archive.org',
] as const;

/** The mirror host a URL belongs to, or undefined when it is not a known mirror. */
export function mirrorHost(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return MIRROR_HOSTS.find((m) => host === m || host.endsWith(`.${m}`));
}

/** Official sources are the bodies' own pages; wording read in an older edition is not verified for a newer one. */
export const officialSource: Rule = {
  id: 'official-source',
  description:
    "sourceUrl is the body's own page, never a mirror (mirrors go in readUrl); wording read in an older edition (readEdition) is at most secondary",
  run({ content, index }, report) {
    const entries = [...content.editions, ...content.standards];
    for (const e of entries) {
      const url = e.data.sourceUrl;
      const host = url === undefined ? undefined : mirrorHost(url);
      if (host === undefined) continue;
      report({
        file: e.file,
        path: ['sourceUrl'],
        message: `official source is a mirror (${host})`,
        found: url ?? '',
        expected: "the body's own page or PDF",
        fix: "move this URL to `readUrl:` (with `readDate:`) and set `sourceUrl:` to the body's own page",
      });
    }
    for (const s of content.standards) {
      const older = s.data.readEdition;
      if (older === undefined) continue;
      const read = index.editions.get(older);
      const own = index.editions.get(s.edition);
      if (read && own && read.data.accreditor !== own.data.accreditor) {
        report({
          file: s.file,
          path: ['readEdition'],
          message: 'readEdition is an edition of another body',
          found: `\`${older}\``,
          expected: `an earlier edition of \`${own.data.accreditor}\``,
          fix: 'name the edition of this body whose text was read',
        });
      }
      if (older === s.edition) {
        report({
          file: s.file,
          path: ['readEdition'],
          message: 'readEdition names this standard’s own edition',
          found: `\`${older}\``,
          expected: 'an older edition, or no readEdition',
          fix: 'remove `readEdition:` when the text of this edition was read',
        });
      } else if (s.data.verification === 'verified') {
        report({
          file: s.file,
          path: ['verification'],
          message: `wording read only in an older edition (${older}) cannot be verified for this one`,
          found: 'verification: verified',
          expected: 'secondary or unverified',
          fix: 'set `verification: secondary` and name the older edition in `verificationNote`',
        });
      }
    }
  },
};
