/** "Cite this" text for a standard page: the crosswalk, the data version, and the body's document. */
export function citeStandard(opts: {
  code: string;
  title?: string | undefined;
  body: string;
  document: string;
  edition: string;
  dataVersion: string;
  url: string;
  accessed: string;
}): string {
  const t = opts.title ? ` ${opts.title}` : '';
  return `IP-CLE Crosswalk. ${opts.body} ${opts.document} (${opts.edition}), ${opts.code}${t}: mappings to IP-CLE characteristics. Data version ${opts.dataVersion}. ${opts.url} (accessed ${opts.accessed}). Licensed CC BY 4.0.`;
}
