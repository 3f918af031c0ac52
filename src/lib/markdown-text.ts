/**
 * Content as inert Markdown: every string we did not write ourselves goes through these, so a title,
 * rationale or URL renders as the same words on GitHub or any CommonMark viewer, never as HTML, a
 * link, an image, a mention or formatting (issue 12, items 9 and 10).
 */

/** Plain text for a Markdown line or table cell: HTML, links, emphasis and autolinks stay literal. */
export function mdText(s: string): string {
  return (
    s
      .replace(/[\r\n]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Markdown punctuation escaped, so the text cannot become an image, a link or emphasis
      // (with the brackets escaped, parentheses cannot form a link and stay readable).
      .replace(/[\\`*_{}[\]!|~]/g, '\\$&')
      // A leading marker would start a heading, list or setext underline where the text opens a line.
      .replace(/^[-=#+]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      // Autolinks (https://…, www.…) and @mentions broken by a zero-width space.
      .replace(/:(?=\/\/)/g, ':\u200b')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`)
      .replace(/@(?=\w)/g, '@\u200b')
  );
}

/** A safe link destination, or undefined when the URL is not plain http(s) (then show the text only). */
export function mdUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s]/i.test(url)) return undefined;
  // Spaces and angle brackets percent-encoded; parentheses and backslashes escaped, so the destination
  // ends where we say and the address stays the same.
  return url.replace(/[\s<>"]/g, (c) => encodeURIComponent(c)).replace(/[\\()]/g, '\\$&');
}

/** `[text](url)` with the text escaped, or the escaped text alone when the URL is missing or unsafe. */
export function mdLink(text: string, url: string | undefined): string {
  const dest = mdUrl(url);
  return dest ? `[${mdText(text)}](${dest})` : mdText(text);
}
