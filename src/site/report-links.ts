import type { HtmlLinks } from '../lib/report/html.ts';
import { siteUrls } from './urls.ts';

/** Report links under a base path; used by the report page at build time and in the browser. */
export function reportLinks(base: string): HtmlLinks {
  const url = siteUrls(base);
  return {
    standard: url.standard,
    characteristic: url.characteristic,
    accreditor: url.accreditor,
    edition: url.edition,
  };
}
