/**
 * Builds the site once on the fixture content into test-results/site (shared by the build tests
 * and the browser tests). Pins the date so "in force" figures are stable.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';

/** Served root; the site itself is built into SITE_ROOT/ipcle/ so URLs under the base path resolve. */
export const SITE_ROOT = 'test-results/siteroot';
export const SITE_DIR = `${SITE_ROOT}/ipcle`;
export const BUILD_ENV = {
  ASTRO_TELEMETRY_DISABLED: '1',
  CROSSWALK_CONTENT: 'tests/fixtures/content',
  CROSSWALK_TODAY: '2026-11-25',
  CROSSWALK_DATA_VERSION: 'fixture',
  SITE_URL: 'https://crosswalk.test',
  BASE_PATH: '/ipcle/',
  // Pages per search shard, so small that the fixture's index comes in two shards (the standards in the
  // second): every search test then searches across shards, as a site of 2,500 pages and more does.
  CROSSWALK_SEARCH_SHARD_PAGES: '40',
  // A download cache of its own, emptied before each build: every run renders the downloads, as a
  // fresh clone does, whatever an earlier run or a developer's own builds left in .cache/.
  CROSSWALK_DOWNLOAD_CACHE: 'test-results/download-cache',
};

/** The fixture build's output (its log lines), kept for the tests that read what the build reports. */
export const BUILD_LOG = 'test-results/site-build.log';

export function buildFixtureSite(): void {
  const astro = 'node_modules/.bin/astro';
  rmSync(BUILD_ENV.CROSSWALK_DOWNLOAD_CACHE, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [astro, 'build', '--outDir', SITE_DIR], {
    env: { ...process.env, ...BUILD_ENV },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`fixture site build failed:\n${r.stdout}\n${r.stderr}`);
  writeFileSync(BUILD_LOG, r.stdout);
  if (!existsSync(`${SITE_DIR}/index.html`)) throw new Error('fixture site build produced no index.html');
}

export default function setup(): void {
  buildFixtureSite();
}
