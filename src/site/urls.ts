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
  matrix: () => 'matrix/',
  report: () => 'report/',
  search: () => 'search/',
  data: () => 'data/',
  about: () => 'about/',
  contribute: () => 'contribute/',
  changelog: () => 'changelog/',
};

/** Repository for "edit this page" links; the deploy workflow sets REPO_URL. */
export const REPO_URL = process.env.REPO_URL ?? 'https://github.com/ipcle-crosswalk/ipcle-crosswalk';

export function editUrl(filePath: string): string {
  return `${REPO_URL}/edit/main/${filePath}`;
}
