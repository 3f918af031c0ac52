/** Browser tests of hostile report-builder links: huge links stay fast, invalid links show no report (issue 12, item 9). */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { SITE_DIR } from '../build/setup.ts';
import { openPage, useBrowser } from './pages.ts';

const base = inject('baseUrl');
let context: BrowserContext;
useBrowser(async (browser) => {
  context = await browser.newContext();
});
// A page left open by a failed test would keep a 2 MB address busy and slow the next tests.
afterEach(async () => {
  for (const page of context.pages()) await page.close();
});

/**
 * Opens the builder with a query too long for the test server's request line (Node refuses headers
 * over 16 KB): the page's own HTML is served from the build for that one navigation, as a static host
 * with no URL limit would. `ms` is the builder's own time (its performance measure), because Chromium
 * and the test driver take their own, long and load-dependent, time to carry a 2 MB address.
 */
async function openLong(query: string): Promise<{ page: Page; errors: string[]; ms: number }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const html = readFileSync(`${SITE_DIR}/report/index.html`);
  const long = (url: URL) => url.pathname.endsWith('/report/') && url.search.length > 1;
  await page.route(long, async (route) => {
    await route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    await page.unroute(long); // the page's scripts and styles then load without the driver in between
  });
  await page.goto(`${new URL('report/', base).href}?${query}`, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator('#report [role=alert]').waitFor({ timeout: 120_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('report-builder')[0]?.duration ?? Infinity);
  return { page, errors, ms };
}

/** Whatever the link asked for, no report is on the page and no download is offered. */
async function expectNoReport(page: Page): Promise<void> {
  expect(await page.locator('#report #report-title').count()).toBe(0);
  expect(await page.locator('#report table').count()).toBe(0);
  expect(await page.locator('#downloads').isVisible()).toBe(false);
}

describe('report builder: a huge link', () => {
  it.each([
    [
      'one 1.5 MB body',
      `body=${'a'.repeat(1_500_000)}`,
      /This report link is 1,500,005 characters long; a report link holds at most 16,000/,
    ],
    [
      '60,000 repeated bodies (1.1 MB)',
      Array.from({ length: 60_000 }, () => 'body=alpha-council').join('&'),
      /This report link is 1,139,999 characters long/,
    ],
    [
      '600 bodies',
      Array.from({ length: 600 }, (_, i) => `body=b${i}`).join('&'),
      /names "body" 600 times; at most 500/,
    ],
    [
      'a 2,000-character institution',
      `body=alpha-council&institution=${'R'.repeat(2_000)}`,
      /The "institution" in this report link is 2,000 characters long \("RRRRRRRRRRRRRRRRRRRRRRRRRRRRRR…"\); at most 1,000/,
    ],
  ])(
    '%s: says in a second what is too long, and shows no report',
    async (_what, query, message) => {
      const { page, errors, ms } = await openLong(query);
      const alert = page.locator('#report [role=alert]');
      expect(await alert.textContent()).toMatch(message);
      expect(await alert.textContent()).toMatch(/Choose the bodies again from the list above and press Show report\./);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
      await expectNoReport(page);
      // the form is left as a blank choice, not filled from the refused link
      expect(await page.locator('input[name=body]:checked').count()).toBe(0);
      expect(await page.locator('input[name=institution]').inputValue()).toBe('');
      expect(ms).toBeLessThan(1_000); // the builder's own time; before, the tab froze for 25 s to over 45 s
      expect(errors).toEqual([]);
    },
    240_000,
  );
});

describe('report builder: an invalid link', () => {
  it.each([
    ['an unknown body', 'report/?body=lcmee', /names a body the crosswalk does not know \("lcmee"\)/],
    ['an impossible date', 'report/?body=alpha-council&on=2025-02-30', /The date in this link is not a calendar date/],
    ['a date given twice', 'report/?on=2026-01-01&on=2027-01-01', /gives "on" 2 times; give it once/],
  ])(
    '%s: shows the error and no report (not the all-bodies report under it)',
    async (_what, path, message) => {
      const { page, errors } = await openPage(context, base, path);
      const alert = page.locator('#report [role=alert]');
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toMatch(message);
      await expectNoReport(page);
      expect(await page.locator('#report').textContent()).not.toMatch(/Act on first|Matrix/);
      expect(errors).toEqual([]);
    },
    60_000,
  );

  it('a valid link still shows its report and downloads', async () => {
    const { page, errors } = await openPage(context, base, 'report/?body=beta-board');
    await page.waitForSelector('#report-title', { state: 'attached' });
    expect(await page.locator('#report-selection').textContent()).toContain('bodies: beta-board');
    expect(await page.locator('#downloads').isVisible()).toBe(true);
    expect(await page.locator('#report [role=alert]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
