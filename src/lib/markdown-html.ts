/**
 * A Markdown body as HTML, as micromark renders it (CommonMark, raw HTML escaped). Nearly every
 * summary is plain prose: paragraphs of words and ordinary punctuation, now and then a bullet list of
 * one-line items, with nothing else CommonMark reads as markup. For those the HTML is made here
 * directly. micromark costs about 0.15 ms a summary, mostly setting up its parser, which is 1.5 s of
 * CPU for the 10,000 standard pages of the benchmark. Anything else goes to micromark.
 * tests/unit/markdown-html.test.ts holds the direct path to micromark on the real content, the
 * fixtures, the bench corpus and generated prose and lists.
 */
import { micromark } from 'micromark';

/**
 * Characters with no markup meaning. The text holds no character CommonMark gives a meaning to
 * (`*_[]<>&!#\``, backslash, `|~=+`, tabs, control characters) and every character is printable.
 * Non-ASCII letters and punctuation are kept, but not Unicode spaces, line and paragraph separators,
 * the byte-order mark, the replacement character or characters outside the Basic Multilingual Plane.
 */
const PLAIN =
  /^[A-Za-z0-9 ,.;:'"()?/%@$^{}\n\u00A1-\u167F\u1681-\u1FFF\u2010-\u2027\u2030-\u205E\u2070-\u2FFF\u3001-\uD7FF\uE000-\uFEFE\uFF00-\uFFFC-]*$/;
/** A space at the end of a line. */
const SPACE_AT_LINE_END = / (?:\n|$)/;
/** A line that is not a paragraph's: it starts with a space, a `-` or an ordered-list number. */
const NOT_PARAGRAPH_LINE = /(?:^|\n)(?: |-|\d+[.)])/;
/** A block of bullet items, one line each, none of whose text starts like a block of its own. */
const BULLETS = /^- (?! |-|\d+[.)])[^\n]*(?:\n- (?! |-|\d+[.)])[^\n]*)*$/;

/**
 * The blocks of `md` when it is plain prose: paragraphs, and tight bullet lists of single-line items
 * ("- text"), separated by blank lines, with no two lists in a row (those make one loose list).
 * Undefined for anything else.
 */
function plainBlocks(md: string): { list: boolean; text: string }[] | undefined {
  if (!PLAIN.test(md) || SPACE_AT_LINE_END.test(md)) return undefined;
  const blocks: { list: boolean; text: string }[] = [];
  // Blocks are runs of non-empty lines (no line of plain prose holds only spaces).
  for (const raw of md.split(/\n{2,}/)) {
    const text = raw.replace(/^\n|\n$/g, '');
    if (text === '') continue;
    if (!NOT_PARAGRAPH_LINE.test(text)) blocks.push({ list: false, text });
    else if (BULLETS.test(text) && !blocks.at(-1)?.list) blocks.push({ list: true, text });
    else return undefined;
  }
  return blocks;
}

/** Whether `md` is plain prose that renderMarkdown makes without micromark. */
export function isPlainProse(md: string): boolean {
  return plainBlocks(md) !== undefined;
}

/** micromark's HTML for `md`. */
export function renderMarkdown(md: string): string {
  const blocks = plainBlocks(md);
  if (!blocks) return micromark(md);
  if (blocks.length === 0) return '';
  // micromark joins blocks with a line break and ends the document with one when a line ending follows the last.
  const html = blocks
    .map((b) => (b.list ? `<ul>\n${b.text.replace(/^- (.*)$/gm, '<li>$1</li>')}\n</ul>` : `<p>${b.text}</p>`))
    .join('\n');
  return html.replaceAll('"', '&quot;') + (md.endsWith('\n') ? '\n' : '');
}
