/** Browser tests: Playwright drives Debian's Chromium against the built fixture site. */
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, openPage, useBrowser } from './pages.ts';

const base = inject('baseUrl');
let context: BrowserContext;
useBrowser(async (browser) => {
  context = await browser.newContext({ acceptDownloads: true });
});

const open = (path: string) => openPage(context, base, path);

describe('search', () => {
  it('finds a standard by its words, and filters narrow the results', async () => {
    const { page, errors } = await open('search/');
    await page.fill('#q', 'fixture');
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(3);
    const all = await page.locator('#search-results li').count();
    await page.fill('#q', 'pharmacy students');
    await expect
      .poll(() => page.locator('#search-results li a').allTextContents())
      .toContain('BPB B.1.1: Interprofessional Education');
    await page.fill('#q', 'fixture');
    await page.selectOption('select[name=verification]', 'verified');
    // The count on screen is the previous search's until the list stops being busy.
    await expect.poll(() => page.locator('#search-results').getAttribute('aria-busy')).toBe('false');
    expect(await page.locator('#search-status').textContent()).toMatch(/^3 results/);
    const titles = await page.locator('#search-results li a').allTextContents();
    expect(titles.sort()).toEqual([
      'ANC A-1: Learning With Other Professions',
      'ANC A-1: Safe Learning Climate',
      'BPB B.1.1: Interprofessional Education',
    ]);
    await page.selectOption('select[name=body]', 'BPB');
    await expect
      .poll(() => page.locator('#search-results li a').allTextContents())
      .toEqual(['BPB B.1.1: Interprofessional Education']);
    expect(all).toBeGreaterThan(1);
    expect(page.url()).toContain('verification=verified');
    expect(errors).toEqual([]);
  });
  it('filters by characteristic and strength, and the URL restores the search', async () => {
    const { page } = await open('search/?characteristic=Teams+and+teamwork&strength=partial');
    await expect
      .poll(() => page.locator('#search-results li a').allTextContents())
      .toEqual(expect.arrayContaining(['GPC G 3']));
    expect(await page.locator('select[name=characteristic]').inputValue()).toBe('Teams and teamwork');
  });
});

describe('matrix', () => {
  it('filters columns by profession, country and kind, and keeps the filter in the URL', async () => {
    const { page, errors } = await open('matrix/');
    const visibleCols = () => page.locator('#matrix thead th[data-body]:visible').count();
    expect(await visibleCols()).toBe(3);
    await page.selectOption('select[name=profession]', 'pharmacy');
    expect(await visibleCols()).toBe(1);
    expect(await page.locator('#matrix-count').textContent()).toBe('Showing 1 of 3 bodies and 4 of 4 characteristics.');
    expect(page.url()).toContain('profession=pharmacy');
    await page.selectOption('select[name=profession]', '');
    await page.selectOption('select[name=country]', 'US');
    expect(await visibleCols()).toBe(2);
    await page.selectOption('select[name=kind]', 'practice-accreditor');
    expect(await visibleCols()).toBe(0);
    await page.click('button[type=reset]');
    await expect.poll(visibleCols).toBe(3);
    expect(errors).toEqual([]);
  });
  it('is usable with the keyboard alone: filter, then follow a cell link', async () => {
    const { page } = await open('matrix/?kind=practice-accreditor');
    expect(await page.locator('#matrix thead th[data-body]:visible').count()).toBe(1);
    await page.focus('select[name=profession]');
    await page.keyboard.press('Tab'); // country
    await page.keyboard.press('Tab'); // kind
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).name)).toBe('kind');
    // Tab onward to the first visible cell link and follow it with Enter.
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.closest('#matrix td') !== null)) && guard++ < 40)
      await page.keyboard.press('Tab');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    expect(href).toContain('/editions/gamma-2025/#c-');
    // Enter opens the cell's detail; its link to the edition page is reached with Tab
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#cell-detail-title').textContent()).toMatch(/ at GPC$/);
    guard = 0;
    while (
      (await page.evaluate(() => document.activeElement?.textContent)) !== 'This cell on the edition page' &&
      guard++ < 20
    )
      await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/editions\/gamma-2025\/#c-/), page.keyboard.press('Enter')]);
  });
});

describe('report builder', () => {
  it('computes the report for the bodies in the link and downloads CSV, XLSX and JSON with the expected rows', async () => {
    const { page, errors } = await open('report/?body=beta-board&body=gamma-commission&on=2026-11-25');
    await expect
      .poll(() => page.locator('#report-selection').textContent())
      .toContain('bodies: beta-board, gamma-commission');
    expect(await page.locator('input[name=body][value=beta-board]').isChecked()).toBe(true);
    expect(await page.locator('#report-summary tbody td').allTextContents()).toEqual([
      '2',
      '4',
      '1',
      '1',
      '1',
      '3',
      '2',
    ]);
    // the implicit-only cell is an opportunity, with its evidence notes
    expect(await page.locator('#report-matrix td.status.opportunity').first().textContent()).toMatch(/◇ Opportunity/);
    expect(await page.locator('#report-matrix td.status.opportunity sup.qualifiers').textContent()).toBe('1,3');
    expect(await page.locator('#report-opportunity-cells').textContent()).toContain('Teams and teamwork at BPB: B-2');

    const grab = async (format: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`#downloads button[data-format=${format}]`),
      ]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };
    const csv = await grab('csv');
    expect(csv.name).toBe('ipcle-gap-report-2026-11-25-beta-board-gamma-commission.csv');
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^characteristic_id,characteristic,level,severity,body_id/);
    expect(lines.filter((l) => l.includes(',gamma-commission,')).map((l) => l.split(',')[0])).toEqual([
      'interprofessional-learning-experiences',
      'psychological-safety',
      'shared-interprofessional-onboarding',
      'teams-and-teamwork',
    ]);
    const json = JSON.parse((await grab('json')).bytes.toString('utf8'));
    expect(json.selection.accreditors).toEqual(['beta-board', 'gamma-commission']);
    expect(json.summary.counts).toEqual({ covered: 1, partial: 1, opportunity: 1, gap: 3, 'not-reviewed': 2 });
    const wb = new ExcelJS.Workbook();
    const x = (await grab('xlsx')).bytes;
    await wb.xlsx.load(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength) as ArrayBuffer);
    expect(wb.getWorksheet('Matrix')!.getRow(1).values).toEqual([
      undefined,
      'Characteristic',
      'Severity',
      'BPB',
      'GPC',
    ]);
    expect(wb.getWorksheet('Gaps')!.rowCount - 1).toBe(3);
    expect(errors).toEqual([]);
  });
  it('is usable with the keyboard alone: choose a body, show the report', async () => {
    const { page } = await open('report/');
    await page.focus('input[name=body][value=alpha-council]');
    await page.keyboard.press('Space');
    await page.focus('#report-form button[type=submit]');
    await Promise.all([page.waitForURL(/body=alpha-council/), page.keyboard.press('Enter')]);
    await expect.poll(() => page.locator('#report-selection').textContent()).toContain('bodies: alpha-council');
    expect(await page.locator('#report').textContent()).toContain(
      'In transition to Alpha Standards (2027) from 2027-01-01',
    );
  });
  it('shows evidence carried forward from the last read edition, without counting it', async () => {
    const { page, errors } = await open('report/?body=alpha-council&on=2027-06-01');
    await expect.poll(() => page.locator('#report-selection').textContent()).toContain('in force on 2027-06-01');
    const carried = page.locator('#report-matrix td.has-carried .carried');
    expect(await carried.count()).toBe(2);
    expect(await carried.first().textContent()).toContain('Carried forward from Alpha Standards (2020): Partial (A-2)');
    expect(await page.locator('#report-provenance').textContent()).toContain(
      '2 not-reviewed cells show evidence carried forward from an older edition',
    );
    expect(errors).toEqual([]);
  });
  it('a bad link explains itself instead of failing silently', async () => {
    const { page } = await open('report/?body=nonexistent');
    await expect
      .poll(() => page.locator('#report [role=alert]').textContent())
      .toContain('unknown accreditor "nonexistent"');
  });
});

describe('accessibility: zero axe WCAG 2.1 A/AA violations on every page type', () => {
  const pages = [
    '',
    'characteristics/',
    'characteristics/psychological-safety/',
    'accreditors/',
    'accreditors/alpha-council/',
    'editions/alpha-2020/',
    'editions/alpha-2027/',
    'standards/beta-2024/b-1-1/',
    'standards/gamma-2025/g-3/',
    'initiatives/',
    'initiatives/shared-onboarding/',
    'matrix/',
    'matrix/profession/pharmacy/',
    'report/?body=alpha-council',
    'report/all/',
    'search/?q=fixture',
    'data/',
    'about/',
    'contribute/',
    'changelog/',
    '404.html',
  ];
  it('control: the scan does catch a violation when one exists', async () => {
    const { page } = await open('about/');
    await page.evaluate(() =>
      document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/x.png"><a href="/y"></a>'),
    );
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(result.violations.map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'link-name']));
    await page.close();
  });
  for (const p of pages) {
    it(p || 'home', async () => {
      const { page } = await open(p);
      await page.waitForTimeout(150);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
