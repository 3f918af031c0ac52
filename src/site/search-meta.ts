/** What search results show: "BODY code: title" for a standard, never repeating a code that is its title. */
export function standardSearchTitle(body: string, s: { code: string; title?: string | undefined }): string {
  return s.title && s.title.trim() !== s.code.trim() ? `${body} ${s.code}: ${s.title}` : `${body} ${s.code}`;
}

/** The heading of a standard page: code and title, once when the body uses the title as the code. */
export function standardHeading(s: { code: string; title?: string | undefined }): { code: string; title?: string } {
  return s.title && s.title.trim() !== s.code.trim() ? { code: s.code, title: s.title } : { code: s.code };
}
