/** Browser tests of the matrix: detail on demand (with and without JavaScript), filters, hide not reviewed, sort, transposed view, sticky headers, phone cards, print. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, openPage, overflow, useBrowser } from './pages.ts';

const base = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
useBrowser(async (launched) => {
  browser = launched;
  context = await launched.newContext({ viewport: { width: 1280, height: 800 } });
});

const open = (path: string) => openPage(context, base, path);
/** Row header texts of the visible rows, in display order. */
const visibleRows = (page: Page) =>
  page.$$eval('#matrix tbody tr:not([hidden]) th', (ths) => ths.map((t) => t.textContent!.trim()));
const visibleCols = (page: Page) =>
  page.$$eval('#matrix thead th:not([hidden])', (ths) => ths.slice(1).map((t) => t.textContent!.trim()));

describe('matrix cells', () => {
  it('are compact: a symbol drawn by CSS, the status in words for screen readers', async () => {
    const { page, errors } = await open('matrix/');
    const cell = page.locator('#matrix tbody tr').nth(3).locator('td').nth(1); // Teams and teamwork × BPB
    expect(await cell.getAttribute('class')).toBe('opportunity');
    expect(await cell.locator('span').textContent()).toBe('BPB: Opportunity; notes 1,3');
    // visually hidden on a wide screen, but in the accessibility tree
    expect(await cell.locator('span').evaluate((s) => s.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    expect(await cell.locator('a').evaluate((a) => getComputedStyle(a, '::before').content)).toContain('◇');
    expect(await cell.locator('a').getAttribute('aria-label')).toBeNull();
    expect(await page.getByRole('link', { name: 'BPB: Opportunity; notes 1,3' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('open a detail with the standards, strength, verification and edition, and give focus back on close', async () => {
    const { page, errors } = await open('matrix/');
    const link = page.getByRole('link', { name: 'BPB: Opportunity; notes 1,3' });
    await link.click();
    const dialog = page.locator('#cell-detail');
    await expect.poll(() => page.locator('#cell-detail-title').textContent()).toBe('Teams and teamwork at BPB');
    expect(await dialog.isVisible()).toBe(true);
    const text = (await dialog.textContent())!;
    expect(text).toContain('◇ Opportunity');
    expect(text).toContain('Beta Accreditation Standards (2024)');
    expect(text).toContain('Beta Pharmacy Board (fixture) (BPB)');
    expect(text).toContain(
      'B-2: Team Practice — implicit; secondary source; disputed (a reviewer dissents); required.',
    );
    expect(text).toContain('Note 1: the cell rests only on standards not verified');
    expect(page.url()).toMatch(/\/matrix\/$/); // the link was not followed
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('BPB: Opportunity; notes 1,3');
    expect(errors).toEqual([]);
  });

  it('show carried-forward evidence in the detail', async () => {
    const { page } = await open('matrix/');
    await page.getByRole('link', { name: 'ANC: Partial; notes 1,2,3' }).click();
    await expect.poll(() => page.locator('#cell-detail').textContent()).toContain('A-2');
    expect(await page.locator('#cell-detail').textContent()).toContain('Alpha Standards (2020)');
  });

  it('without JavaScript, lead to the same evidence on the edition page', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const { page } = await openPage(noJs, base, 'matrix/');
      expect(await page.locator('#matrix-filters').isHidden()).toBe(true);
      await Promise.all([
        page.waitForURL(/editions\/beta-2024\/#c-teams-and-teamwork$/),
        page.getByRole('link', { name: 'BPB: Opportunity; notes 1,3' }).click(),
      ]);
      const row = page.locator('#c-teams-and-teamwork');
      expect(await row.textContent()).toMatch(/Opportunity.*B-2 \(implicit, secondary source\)/);
    } finally {
      await noJs.close();
    }
  });
});

describe('matrix filters', () => {
  it('filter characteristics by level and domain, bodies by profession, and keep the choice in the URL', async () => {
    const { page, errors } = await open('matrix/');
    await page.selectOption('select[name=level]', 'micro');
    expect(await visibleRows(page)).toEqual(['Psychological safety', 'Teams and teamwork']);
    expect(await page.locator('#matrix-count').textContent()).toBe('Showing 3 of 3 bodies and 2 of 4 characteristics.');
    await page.selectOption('select[name=level]', '');
    await page.selectOption('select[name=domain]', 'onboarding');
    expect(await visibleRows(page)).toEqual(['Shared interprofessional onboarding']);
    await page.selectOption('select[name=profession]', 'pharmacy');
    expect(await visibleCols(page)).toEqual(['BPB']);
    expect(await page.locator('#matrix tbody tr:not([hidden]) td:not([hidden])').count()).toBe(1);
    expect(page.url()).toContain('profession=pharmacy&domain=onboarding');
    expect(errors).toEqual([]);
  });

  it('hide not reviewed: rows and columns whose visible cells were never reviewed go', async () => {
    const { page } = await open('matrix/?profession=pharmacy');
    expect(await visibleRows(page)).toHaveLength(4);
    await page.check('input[name=reviewed]');
    // BPB was reviewed for learning experiences and teamwork only
    expect(await visibleRows(page)).toEqual(['Interprofessional learning experiences', 'Teams and teamwork']);
    expect(page.url()).toContain('reviewed=1');
    await page.uncheck('input[name=reviewed]');
    expect(await visibleRows(page)).toHaveLength(4);
  });

  it('sort rows by coverage, most or least covered first, ties in listed order', async () => {
    const { page } = await open('matrix/?sort=most');
    expect(await visibleRows(page)).toEqual([
      'Interprofessional learning experiences',
      'Psychological safety',
      'Teams and teamwork',
      'Shared interprofessional onboarding',
    ]);
    await page.selectOption('select[name=sort]', 'least');
    expect(await visibleRows(page)).toEqual([
      'Shared interprofessional onboarding',
      'Teams and teamwork',
      'Interprofessional learning experiences',
      'Psychological safety',
    ]);
    // scores count only the visible bodies: for GPC alone, teamwork (partial) leads
    await page.selectOption('select[name=country]', 'GB');
    await page.selectOption('select[name=sort]', 'most');
    expect((await visibleRows(page))[0]).toBe('Teams and teamwork');
  });

  it('the transposed view has bodies as rows, filters the same way, and the view switch carries the filter', async () => {
    const { page, errors } = await open('matrix/?level=micro&sort=most');
    await Promise.all([page.waitForURL(/matrix\/bodies\/\?level=micro&sort=most$/), page.click('#matrix-view-other')]);
    expect(await visibleRows(page)).toEqual(['ANC', 'GPC', 'BPB']);
    expect(await visibleCols(page)).toEqual(['Psychological safety', 'Teams and teamwork']);
    await page.selectOption('select[name=sort]', 'least');
    expect(await visibleRows(page)).toEqual(['BPB', 'GPC', 'ANC']);
    await page.selectOption('select[name=kind]', 'practice-accreditor');
    expect(await visibleRows(page)).toEqual(['GPC']);
    expect(await page.locator('#matrix-count').textContent()).toBe('Showing 1 of 3 bodies and 2 of 4 characteristics.');
    await page.getByRole('link', { name: 'Teams and teamwork: Partial; notes 1,3' }).click();
    await expect.poll(() => page.locator('#cell-detail-title').textContent()).toBe('Teams and teamwork at GPC');
    expect(errors).toEqual([]);
  });

  it('no-JavaScript views exist for level and domain', async () => {
    const { page } = await open('matrix/level/micro/');
    expect(await page.locator('#matrix caption').textContent()).toBe(
      'Coverage of 2 characteristics by 3 bodies (Micro (team, individual))',
    );
  });
});

describe('matrix layout', () => {
  it('keeps the header row and the first column in view while the table scrolls', async () => {
    const { page } = await open('matrix/');
    const wrap = page.locator('.matrix-wrap');
    // a small scroll box, so the fixture's small table scrolls both ways
    await wrap.evaluate((w) => Object.assign((w as HTMLElement).style, { maxWidth: '200px', maxHeight: '160px' }));
    await wrap.evaluate((w) => w.scrollTo(120, 120));
    const box = (await wrap.boundingBox())!;
    expect(await wrap.evaluate((w) => [w.scrollLeft, w.scrollTop])).toEqual([expect.any(Number), expect.any(Number)]);
    expect(await wrap.evaluate((w) => w.scrollTop)).toBeGreaterThan(50);
    const head = (await page.locator('#matrix thead th').nth(2).boundingBox())!;
    expect(Math.abs(head.y - (box.y + 1))).toBeLessThanOrEqual(1);
    const rowHead = (await page.locator('#matrix tbody tr').nth(3).locator('th').boundingBox())!;
    expect(Math.abs(rowHead.x - (box.x + 1))).toBeLessThanOrEqual(1);
  });

  it('prints on landscape pages with every column on the page, even with 55 bodies', async () => {
    const { page } = await open('matrix/');
    // widen the fixture to as many bodies as the real crosswalk: clone the last column
    await page.evaluate(() => {
      for (const tr of document.querySelectorAll('#matrix tr')) {
        const last = tr.lastElementChild!;
        for (let i = 0; i < 52; i++) tr.append(last.cloneNode(true));
      }
    });
    expect(await page.locator('#matrix thead th').count()).toBe(56);
    await page.emulateMedia({ media: 'print' });
    // US Letter landscape less the 8 mm margins: the narrower of Letter and A4
    await page.setViewportSize({ width: 995, height: 700 });
    const right = await page.$$eval('#matrix th, #matrix td', (cells) =>
      Math.max(...cells.map((c) => c.getBoundingClientRect().right)),
    );
    expect(right).toBeLessThanOrEqual(995);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(995);
    // the header row repeats on every printed page; the filters and detail stay off paper
    expect(await page.locator('#matrix thead').evaluate((t) => getComputedStyle(t).display)).toBe('table-header-group');
    expect(await page.locator('.matrix-page').evaluate((m) => getComputedStyle(m).page)).toBe('matrix');
    expect(await page.locator('#matrix-filters').isVisible()).toBe(false);
    // 55 bodies need no split
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('.matrix-print-parts').count()).toBe(0);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it('splits a table wider than the page into parts, each with the row headers and the header row', async () => {
    const { page } = await open('matrix/bodies/');
    // bodies as rows, 120 characteristics as columns: clone the last column
    await page.evaluate(() => {
      for (const tr of document.querySelectorAll('#matrix tr')) {
        const last = tr.lastElementChild!;
        for (let i = 0; i < 116; i++) tr.append(last.cloneNode(true));
      }
    });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 995, height: 700 });
    const parts = page.locator('.matrix-print-parts table');
    expect(await parts.count()).toBe(3);
    expect(await page.locator('.matrix-wrap').isVisible()).toBe(false);
    const shape = await parts.evaluateAll((tables) =>
      tables.map((t) => ({
        cols: (t as HTMLTableElement).tHead!.rows[0]!.cells.length - 1,
        rows: [...(t as HTMLTableElement).tBodies[0]!.rows].map((r) => r.cells[0]!.textContent!.trim()),
        right: Math.max(...[...t.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect().right)),
        caption: t.querySelector('caption')!.textContent,
      })),
    );
    expect(shape.map((p) => p.cols)).toEqual([40, 40, 40]);
    for (const p of shape) {
      expect(p.rows).toEqual(['ANC', 'BPB', 'GPC']);
      expect(p.right).toBeLessThanOrEqual(995);
    }
    expect(shape[2]!.caption).toMatch(/\(part 3 of 3\)$/);
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await parts.count()).toBe(0);
  });

  it('becomes one card per characteristic on a phone, each cell a labelled chip, with no overflow', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 700 } });
    try {
      const { page, errors } = await openPage(phone, base, 'matrix/');
      expect(await page.locator('#matrix thead').isVisible()).toBe(false);
      const row = page.locator('#matrix tbody tr').first();
      expect(await row.evaluate((r) => getComputedStyle(r).display)).toBe('flex');
      expect(await row.locator('td span').first().isVisible()).toBe(true);
      expect(await row.locator('td span').allTextContents()).toEqual(['ANC: Not reviewed', 'BPB: Covered', 'GPC: Gap']);
      expect((await overflow(page)).width).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('has no axe violations with filters applied and the detail open', async () => {
    const { page } = await open('matrix/bodies/?reviewed=1&sort=least');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Teams and teamwork: Partial; notes 1,3' }).click();
    await expect.poll(() => page.locator('#cell-detail-title').textContent()).toBe('Teams and teamwork at GPC');
    expect(await axeViolations(page)).toEqual([]);
  });
});
