/**
 * The real content's site, built once into its own folder for the phone and accessibility checks (long
 * real URLs and notes are what overflow), and a sample of its pages: for each page type, the pages
 * with the longest unbroken words in their main text, which are the ones most likely to overflow.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REAL_ROOT = 'test-results/real-site';

/** Builds the site from content/ (about a minute); REUSE_REAL_SITE=1 keeps an earlier build, for quick reruns. */
export function buildRealSite(): void {
  if (process.env.REUSE_REAL_SITE === '1' && existsSync(join(REAL_ROOT, 'index.html'))) return;
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' };
  for (const k of ['CROSSWALK_CONTENT', 'CROSSWALK_TODAY', 'CROSSWALK_DATA_VERSION']) delete env[k];
  const r = spawnSync(process.execPath, ['node_modules/.bin/astro', 'build', '--outDir', REAL_ROOT], {
    env,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the real content's site failed:\n${r.stdout}\n${r.stderr}`);
  if (!existsSync(join(REAL_ROOT, 'index.html'))) throw new Error('the real site build produced no index.html');
}

/** The longest run of characters without a space in a page's main text. */
function longestWord(html: string): number {
  const main = /<main\b[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  const text = main.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, 'x');
  return Math.max(0, ...text.split(/\s+/).map((w) => w.length));
}

/** Page paths (directory URLs) under `folder`, at any depth. */
function pagesUnder(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `${folder}/${f.slice(0, -'index.html'.length)}`)
    .sort();
}

/** The first page of each type and the `n` with the longest words. */
function worst(root: string, folder: string, n: number): string[] {
  const all = pagesUnder(root, folder).filter((p) => p !== `${folder}/`);
  const ranked = [...all].sort(
    (a, b) =>
      longestWord(readFileSync(join(root, b, 'index.html'), 'utf8')) -
      longestWord(readFileSync(join(root, a, 'index.html'), 'utf8')),
  );
  return [...new Set([all[0]!, ...ranked.slice(0, n)])];
}

export function realSample(root = REAL_ROOT): string[] {
  return [
    '',
    'characteristics/',
    ...worst(root, 'characteristics', 3),
    'accreditors/',
    ...worst(root, 'accreditors', 3),
    ...worst(root, 'editions', 3),
    ...worst(root, 'standards', 6),
    'initiatives/',
    ...worst(root, 'initiatives', 2),
    'matrix/',
    'matrix/bodies/',
    pagesUnder(root, 'matrix/profession')[0]!,
    'report/',
    'report/all/',
    'search/?q=IPE',
    'data/',
    'about/',
    'contribute/',
    'changelog/',
    'glossary/',
    '404.html',
  ];
}
