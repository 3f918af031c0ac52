/** Browser tests of the report builder: the PDF button, the institution field, filter, presets, print view. */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, openPage, useBrowser } from './pages.ts';

const base = inject('baseUrl');
let context: BrowserContext;
useBrowser(async (browser) => {
  context = await browser.newContext({ acceptDownloads: true });
});

const open = (path: string) => openPage(context, base, path);

/** The report shown and its collapsed sections filled in (they follow it, one per task). */
const reportReady = (page: Page) => page.waitForSelector('#report[data-complete]', { state: 'attached' });

describe('report builder: committee PDF in the browser', () => {
  it('the PDF button downloads a PDF made in the browser, with the institution on its cover, loading pdfmake only on click', async () => {
    const { page, errors, scripts } = await open(
      'report/?body=beta-board&body=gamma-commission&on=2026-11-25&institution=Riverside+Health+Sciences&paper=letter',
    );
    await expect
      .poll(() => page.locator('#report-institution').textContent())
      .toBe('Prepared for Riverside Health Sciences');
    expect(await page.locator('select[name=paper]').inputValue()).toBe('letter');
    const before = scripts.length;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-pdf')]);
    expect(scripts.length).toBeGreaterThan(before); // the PDF code arrived with the click, not with the page
    expect(download.suggestedFilename()).toBe('ipcle-gap-report-2026-11-25-beta-board-gamma-commission.pdf');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(doc, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('IP-CLE Crosswalk gap report Prepared for Riverside Health Sciences');
    expect(flat).toContain('Characteristic Severity BPB GPC');
    expect(flat).toContain('Covered: B.1.1, B-2');
    expect(flat).toContain('Gap at GPC (Gamma Practice Manual (2025))');
    expect((await doc.getPage(1)).view.slice(2).map(Math.round)).toEqual([612, 792]);
    await expect.poll(() => page.locator('#report-status').textContent()).toBe('PDF downloaded.');
    expect(errors).toEqual([]);
  });

  it('the institution typed in the form reaches the cover; the result gets focus and is scrolled into view', async () => {
    const { page, errors } = await open('report/');
    await page.check('input[name=body][value=alpha-council]');
    await page.fill('input[name=institution]', 'Northfield University');
    await Promise.all([
      page.waitForURL(/institution=Northfield\+University/),
      page.click('#report-form button[type=submit]'),
    ]);
    await reportReady(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('report-title');
    expect(await page.locator('#report-institution').textContent()).toBe('Prepared for Northfield University');
    const top = await page.evaluate(() => document.getElementById('report-title')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(-2); // scrolled to the top, give or take a subpixel
    expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight));
    expect(errors).toEqual([]);
  });
});

describe('report builder: choosing bodies', () => {
  it('without a link the builder fetches no data and points to the all-bodies report page, which has the report', async () => {
    const { page, errors } = await open('report/');
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/data/')) fetched.push(r.url());
    });
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);
    expect(await page.locator('#report-title').count()).toBe(0);
    await page.click('#report-intro a:text("a page of its own")');
    await page.waitForURL(/\/report\/all\/$/);
    expect(await page.locator('#report-selection').textContent()).toContain('bodies: all');
    expect(await page.locator('#report-matrix td.status').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('lists full names with abbreviations, and the filter box narrows the list', async () => {
    const { page } = await open('report/');
    const visible = () => page.locator('label.body-choice:visible').allTextContents();
    expect((await visible()).map((t) => t.replace(/\s+/g, ' ').trim())).toContain(
      'Beta Pharmacy Board (fixture) (BPB)',
    );
    await page.fill('#body-filter', 'pharm');
    await expect.poll(async () => (await visible()).length).toBe(1);
    expect(await page.locator('#body-filter-count').textContent()).toBe('Showing 1 of 3 bodies.');
    await page.fill('#body-filter', 'gpc');
    await expect
      .poll(() =>
        page.locator('input[name=body]:visible').evaluateAll((b) => b.map((x) => (x as HTMLInputElement).value)),
      )
      .toEqual(['gamma-commission']);
    await page.fill('#body-filter', '');
    await expect.poll(async () => (await visible()).length).toBe(3);
  });

  it('a shared preset link restores its bodies and names the preset', async () => {
    const { page, errors } = await open('report/?body=alpha-council&body=beta-board&preset=Fixture+teaching+centre');
    await reportReady(page);
    expect(await page.locator('#preset-note').textContent()).toContain('Preset: Fixture teaching centre.');
    expect(
      await page.locator('input[name=body]:checked').evaluateAll((b) => b.map((x) => (x as HTMLInputElement).value)),
    ).toEqual(['alpha-council', 'beta-board']);
    expect(await page.locator('#report-selection').textContent()).toContain('bodies: alpha-council, beta-board');
    expect(errors).toEqual([]);
  });

  it('a bad link is explained in plain words, and gets focus', async () => {
    const { page } = await open('report/?body=lcmee');
    const alert = page.locator('#report [role=alert]');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^This link names a body the crosswalk does not know \("lcmee"\)\. Choose the bodies again/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
  });
});

describe('report builder: collapsed sections follow the report', () => {
  it('shows the report first, and fills a section opened or printed before its turn', async () => {
    // A context of its own: the clock is the context's, and the other tests need theirs running.
    const own = await context.browser()!.newContext();
    const page = await own.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The page's timers are held, so the sections wait where a slow machine would leave them.
    await page.clock.install({ time: new Date('2026-11-25T08:00:00Z') });
    await page.clock.pauseAt(new Date('2026-11-25T08:00:01Z'));
    await page.goto(new URL('report/?body=beta-board&body=gamma-commission', base).href);
    await page.waitForSelector('#downloads:not([hidden])', { state: 'attached' });
    const pending = () => page.locator('#report [data-collapsed]').count();
    const complete = () => page.locator('#report[data-complete]').count();
    expect(await pending()).toBeGreaterThan(0);
    expect(await page.locator('#report-evidence table').count()).toBe(0);
    expect(await complete()).toBe(0);
    // Opened before its turn: its rows are there as it opens, as many as its summary counts.
    await page.evaluate(() => document.querySelector<HTMLElement>('#report-evidence summary')!.click());
    const summary = await page.locator('#evidence-quality').textContent();
    const counted = Number(/\((\d+) standards\)/.exec(summary ?? '')?.[1]);
    expect(counted).toBeGreaterThan(0);
    expect(await page.locator('#report-evidence tbody tr').count()).toBe(counted);
    expect(await page.locator('#report-evidence[open]').count()).toBe(1);
    // Printing fills every other section at once.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await pending()).toBe(0);
    expect(await complete()).toBe(1);
    expect(errors).toEqual([]);
    await own.close();
  });

  it('fills every section after the report without being asked', async () => {
    const { page, errors } = await open('report/?body=beta-board&body=gamma-commission');
    await reportReady(page);
    expect(await page.locator('#report [data-collapsed]').count()).toBe(0);
    expect(await page.locator('#report-evidence tbody tr').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

describe('report builder: print', () => {
  it('printing shows the report with its cover and expanded appendix, not the form', async () => {
    const { page } = await open('report/?body=beta-board&institution=Riverside+Health+Sciences');
    await reportReady(page);
    expect(await page.locator('#report-evidence table').isVisible()).toBe(false); // collapsed on screen
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['#report-form', '#downloads', 'main > h1', 'header.site'])
      expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    for (const shown of ['#report-title', '#report-institution', '#report-matrix', '#report-evidence table'])
      expect(await page.locator(shown).isVisible(), shown).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain('Prepared for Riverside Health Sciences');
    expect(text).not.toContain('Gap report builder');
    expect(text).not.toContain('Find a body');
  });
});

describe('report builder: accessibility', () => {
  it('zero axe WCAG 2.1 A/AA violations with a report, an institution and a filtered list', async () => {
    const { page } = await open('report/?body=beta-board&body=gamma-commission&institution=Riverside&preset=Fixture');
    await reportReady(page);
    await page.fill('#body-filter', 'a');
    expect(await axeViolations(page)).toEqual([]);
  });
});
