/**
 * The reader's side of the built site, in Chromium (playwright-core, as the browser tests): time from
 * navigation to the first search result, and a four-body report in the builder — time until it is
 * usable (rendered, downloads offered), the bytes of data it fetched, the page's own HTML, and the
 * time its XLSX takes. Skipped, with the reason, when Chromium is missing.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../tests/static-server.ts';

export interface BrowserSummary {
  ok: boolean;
  /** Why the step did not run or failed. */
  note?: string;
  searchQuery?: string;
  /** From navigation start to the first result on the page. */
  searchFirstResultMs?: number;
  reportBodies?: string[];
  /** From navigation start to the report rendered and its download buttons shown. */
  reportUsableMs?: number;
  /** Bytes of the JSON data the builder fetched for that report, and how many files. */
  reportDataBytes?: number;
  reportDataFiles?: number;
  /** The report page's own HTML. */
  reportHtmlBytes?: number;
  /** From the XLSX button's click to the file handed to the browser. */
  reportXlsxMs?: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function runBrowser(site: string, bodies: string[], query: string): Promise<BrowserSummary> {
  if (!existsSync(CHROMIUM))
    return { ok: false, note: `skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
  const { chromium } = await import('playwright-core');
  const server = await serve(site);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const base = `${server.url}/`;

    const search = await context.newPage();
    const t0 = Date.now();
    await search.goto(`${base}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    await search.locator('#search-results li').first().waitFor({ timeout: 120_000 });
    const searchFirstResultMs = Date.now() - t0;

    const report = await context.newPage();
    let dataBytes = 0;
    let dataFiles = 0;
    report.on('response', (r) => {
      if (!new URL(r.url()).pathname.startsWith('/data/')) return;
      dataFiles++;
      void r
        .body()
        .then((b) => (dataBytes += b.length))
        .catch(() => {});
    });
    const q = bodies.map((b) => `body=${encodeURIComponent(b)}`).join('&');
    const t1 = Date.now();
    await report.goto(`${base}report/?${q}`, { waitUntil: 'commit' });
    await report.locator('#downloads:not([hidden])').waitFor({ timeout: 120_000 });
    const reportUsableMs = Date.now() - t1;
    await report.waitForLoadState('networkidle');
    const t2 = Date.now();
    const [download] = await Promise.all([
      report.waitForEvent('download', { timeout: 120_000 }),
      report.click('#downloads button[data-format=xlsx]'),
    ]);
    await download.path();
    const reportXlsxMs = Date.now() - t2;
    return {
      ok: true,
      searchQuery: query,
      searchFirstResultMs,
      reportBodies: bodies,
      reportUsableMs,
      reportDataBytes: dataBytes,
      reportDataFiles: dataFiles,
      reportHtmlBytes: statSync(join(site, 'report', 'index.html')).size,
      reportXlsxMs,
    };
  } catch (e) {
    return { ok: false, note: `failed: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    await browser.close();
    await server.close();
  }
}
