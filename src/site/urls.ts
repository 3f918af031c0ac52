/** URLs for site pages, honouring the base path. One place, so a page never builds a link by hand. */
export function joinBase(base: string, path: string): string {
  return siteUrls(base).to(path);
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

const made = new Map<string, SiteUrls>();

/** Base-aware URLs for every page: `siteUrls(import.meta.env.BASE_URL).standard(id)`. */
export function siteUrls(base: string): SiteUrls {
  // Every component of every page asks for these: made once per base.
  let urls = made.get(base);
  if (urls) return urls;
  const b = base.endsWith('/') ? base : `${base}/`;
  const join = (path: string) => `${b}${path.charCodeAt(0) === 47 ? path.slice(1) : path}`;
  const out: Record<string, (...a: string[]) => string> = { to: join };
  for (const [k, f] of Object.entries(paths))
    out[k] = (...a: string[]) => join((f as (...x: string[]) => string)(...a));
  urls = Object.freeze(out) as unknown as SiteUrls;
  made.set(base, urls);
  return urls;
}

/** Repository for "edit this page" links; the deploy workflow sets REPO_URL. */
export const REPO_URL = process.env.REPO_URL ?? 'https://github.com/ipcle-crosswalk/ipcle-crosswalk';

export function editUrl(filePath: string): string {
  return `${REPO_URL}/edit/main/${filePath}`;
}
