import type { HtmlLinks } from '../lib/report/html.ts';
import { joinBase, paths } from './urls.ts';

/** Report links under a base path; used by the report page at build time and in the browser. */
export function reportLinks(base: string): HtmlLinks {
  return {
    standard: (id) => joinBase(base, paths.standard(id)),
    characteristic: (id) => joinBase(base, paths.characteristic(id)),
    accreditor: (id) => joinBase(base, paths.accreditor(id)),
    edition: (id) => joinBase(base, paths.edition(id)),
  };
}
