/** Browser tests of the recommendation pages: the index filters, a recommendation page, the adoption tracker, and axe scans. */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, openPage, useBrowser } from './pages.ts';

const base = inject('baseUrl');
let context: BrowserContext;
useBrowser(async (browser) => {
  context = await browser.newContext();
});

const open = (path: string) => openPage(context, base, path);

const visibleTitles = (page: Page) => page.locator('#recommendations tbody tr:visible th a').allTextContents();

describe('recommendations index', () => {
  it('filters by body, status and characteristic, announces the count and keeps the filter in the URL', async () => {
    const { page, errors } = await open('recommendations/');
    expect(await visibleTitles(page)).toHaveLength(7);
    await page.selectOption('select[name=body]', 'alpha-council');
    expect((await visibleTitles(page)).sort()).toEqual([
      'Require team debriefs after placements',
      'Require team training for learners',
    ]);
    expect(await page.locator('#recommendation-count').textContent()).toBe('Showing 2 of 7 recommendations.');
    expect(page.url()).toContain('body=alpha-council');
    await page.selectOption('select[name=status]', 'adopted');
    expect(await visibleTitles(page)).toEqual(['Require team training for learners']);
    await page.click('#recommendation-filters button[type=reset]');
    await expect.poll(() => visibleTitles(page).then((t) => t.length)).toBe(7);
    await page.selectOption('select[name=characteristic]', 'interprofessional-learning-experiences');
    expect((await visibleTitles(page)).sort()).toEqual([
      'Require planned learning with other professions',
      'Require shared placements across professions',
    ]);
    expect(errors).toEqual([]);
  });

  it('a shared URL restores the filter', async () => {
    const { page } = await open('recommendations/?status=declined');
    expect(await page.locator('select[name=status]').inputValue()).toBe('declined');
    expect(await visibleTitles(page)).toEqual(['Require shared placements across professions']);
  });

  it('the tracker links each status to the filtered index', async () => {
    const { page } = await open('adoption/');
    await page.click('#by-status a:text-is("Partly adopted")');
    await page.waitForURL(/status=partly-adopted/);
    expect(await visibleTitles(page)).toEqual(['Require team debriefs after placements']);
  });

  it('a recommendation page links its model language, evidence and adopting standard', async () => {
    const { page } = await open('recommendations/alpha-team-training/');
    await page.click('#history a:text-is("A-1")');
    await page.waitForURL(/standards\/alpha-2027\/a-1\/$/);
    expect(await page.locator('h1').textContent()).toContain('A-1');
  });
});

describe('accessibility: zero axe WCAG 2.1 A/AA violations on the recommendation pages', () => {
  for (const p of [
    'recommendations/',
    'recommendations/?body=alpha-council',
    'recommendations/gamma-speak-up/',
    'recommendations/alpha-team-training/',
    'adoption/',
    'accreditors/alpha-council/',
    'characteristics/teams-and-teamwork/',
  ]) {
    it(p, async () => {
      const { page } = await open(p);
      await page.waitForTimeout(150);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
