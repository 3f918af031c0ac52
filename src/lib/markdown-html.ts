/**
 * A Markdown body as HTML, as micromark renders it (CommonMark, raw HTML escaped). Nearly every
 * summary is plain prose: paragraphs of words and ordinary punctuation, with nothing CommonMark reads
 * as markup. For those the HTML is just the paragraphs, made here directly. micromark costs about
 * 0.15 ms a summary, mostly setting up its parser, which is 1.5 s of CPU for the 10,000 standard
 * pages of the benchmark. Anything else goes to micromark. tests/unit/markdown-html.test.ts holds
 * the direct path to micromark on the real content, the fixtures, the bench corpus and generated prose.
 */
import { micromark } from 'micromark';

/**
 * Prose with no markup. The text holds no character CommonMark gives a meaning to (`*_[]<>&!#\``,
 * backslash, `|~=+`, tabs, control characters); no line starts with a space, a `-` or an ordered-list
 * number, or ends with a space; every character is printable. Non-ASCII letters and punctuation are
 * kept, but not Unicode spaces, line and paragraph separators, the byte-order mark, the replacement
 * character or characters outside the Basic Multilingual Plane.
 */
const PLAIN =
  /^[A-Za-z0-9 ,.;:'"()?/%@$^{}\n\u00A1-\u167F\u1681-\u1FFF\u2010-\u2027\u2030-\u205E\u2070-\u2FFF\u3001-\uD7FF\uE000-\uFEFE\uFF00-\uFFFC-]*$/;
const MARKER_OR_SPACE_AT_LINE_EDGE = /(?:^|\n)(?: |-|\d+[.)])| (?:\n|$)/;

/** Whether `md` is plain prose that renderMarkdown makes without micromark. */
export function isPlainProse(md: string): boolean {
  return PLAIN.test(md) && !MARKER_OR_SPACE_AT_LINE_EDGE.test(md);
}

/** micromark's HTML for `md`. */
export function renderMarkdown(md: string): string {
  if (!isPlainProse(md)) return micromark(md);
  // Paragraphs are runs of non-empty lines (no line of plain prose holds only spaces); micromark
  // joins them with a line break and ends the document with one when a line ending follows the last.
  const paragraphs = md
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\n|\n$/g, ''))
    .filter((p) => p !== '');
  if (paragraphs.length === 0) return '';
  const html = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return html.replaceAll('"', '&quot;') + (md.endsWith('\n') ? '\n' : '');
}
