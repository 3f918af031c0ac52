import { remark } from 'remark';
import type { Rule } from '../types.ts';

const processor = remark();

interface MdNode {
  type: string;
  url?: string;
  position?: { start: { line: number; column: number } };
  children?: MdNode[];
}

/** Schemes that run code or smuggle a document when a reader clicks the link. */
const UNSAFE_SCHEME = /^(javascript|vbscript|data):/;
/**
 * Bodies that may hold such a link once character references are decoded and whitespace removed
 * (browsers drop tabs and newlines inside URLs); the others skip the Markdown parse.
 */
const MAYBE_UNSAFE = /javascript:|vbscript:|data:|&|%/i;
/**
 * What the raw body must hold for MAYBE_UNSAFE to match it once whitespace is removed: `&`, `%`, or
 * the last letter of a scheme ("t" of javascript/vbscript, "a" of data) and its colon, with only
 * whitespace between. One scan instead of a whitespace-free copy of every body.
 */
const MAYBE_UNSAFE_RAW = /[&%]|[ta]\s*:/i;

/** The URL as a browser reads it: ASCII tab, newline and control characters dropped, case folded. */
const asBrowserReads = (url: string) =>
  url
    .replace(/[\u0000-\u0020\u007f]/g, '') // eslint-disable-line no-control-regex -- browsers strip these
    .toLowerCase();

/** Links in Markdown bodies go to web pages: a `javascript:` link would run in every reader's browser. */
export const markdownLinks: Rule = {
  id: 'markdown-links',
  description: 'links and images in Markdown bodies use no javascript:, vbscript: or data: URL',
  run({ content }, report) {
    for (const file of content.files) {
      if (!MAYBE_UNSAFE_RAW.test(file.body) || !MAYBE_UNSAFE.test(file.body.replace(/\s+/g, ''))) continue;
      const visit = (n: MdNode) => {
        const url = n.url === undefined ? undefined : asBrowserReads(decodeURIComponentSafe(n.url));
        const scheme = url === undefined ? undefined : UNSAFE_SCHEME.exec(url)?.[1];
        if (scheme) {
          report({
            file,
            line: file.bodyLine + (n.position?.start.line ?? 1) - 1,
            column: n.position?.start.column ?? 1,
            path: [],
            message: `${n.type === 'image' ? 'image' : 'link'} with a ${scheme}: URL in the Markdown body`,
            found: JSON.stringify(n.url!.length > 60 ? `${n.url!.slice(0, 57)}...` : n.url),
            expected: 'a link to a web page: https://...',
            fix: 'link to the https:// page instead, or remove the link and keep its text',
          });
        }
        n.children?.forEach(visit);
      };
      visit(processor.parse(file.body) as MdNode);
    }
  },
};

/** Percent-decoded URL; the URL itself when it is not valid percent-encoding. */
function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
