/** URLs for site pages, honouring the base path. One place, so a page never builds a link by hand. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\//, '')}`;
}

export const paths = {
  home: () => '',
  characteristics: () => 'characteristics/',
  characteristic: (id: string) => `characteristics/${id}/`,
  accreditors: () => 'accreditors/',
  accreditor: (id: string) => `accreditors/${id}/`,
  edition: (id: string) => `editions/${id}/`,
  /** Standard IDs are `<edition>/<code-slug>`. */
  standard: (id: string) => `standards/${id}/`,
  initiatives: () => 'initiatives/',
  initiative: (id: string) => `initiatives/${id}/`,
  recommendations: () => 'recommendations/',
  recommendation: (id: string) => `recommendations/${id}/`,
  /** The adoption tracker: the evaluation phase. */
  adoption: () => 'adoption/',
  matrix: () => 'matrix/',
  /** The matrix transposed: bodies as rows. */
  matrixByBody: () => 'matrix/bodies/',
  glossary: () => 'glossary/',
  report: () => 'report/',
  /** The all-bodies report as a page of its own: the builder's no-JavaScript view, kept off the builder. */
  reportAll: () => 'report/all/',
  reviews: () => 'reviews/',
  search: () => 'search/',
  data: () => 'data/',
  about: () => 'about/',
  contribute: () => 'contribute/',
  changelog: () => 'changelog/',
};

export type SiteUrls = { [K in keyof typeof paths]: (...args: Parameters<(typeof paths)[K]>) => string } & {
  /** Any other file under the base path, e.g. `to('favicon.svg')`. */
  to(path: string): string;
};

/** Base-aware URLs for every page: `siteUrls(import.meta.env.BASE_URL).standard(id)`. */
export function siteUrls(base: string): SiteUrls {
  const out: Record<string, (...a: string[]) => string> = { to: (path: string) => joinBase(base, path) };
  for (const [k, f] of Object.entries(paths))
    out[k] = (...a: string[]) => joinBase(base, (f as (...x: string[]) => string)(...a));
  return out as unknown as SiteUrls;
}

/** Repository for "edit this page" links; the deploy workflow sets REPO_URL. */
export const REPO_URL = process.env.REPO_URL ?? 'https://github.com/ipcle-crosswalk/ipcle-crosswalk';

export function editUrl(filePath: string): string {
  return `${REPO_URL}/edit/main/${filePath}`;
}
