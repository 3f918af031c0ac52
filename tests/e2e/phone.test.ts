/**
 * Phones: no page wider than a 375 px screen, and zero axe violations at 375 px and on a wide screen,
 * on a sample of every page type of the fixture site and of the real content's site.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve } from '../static-server.ts';
import { axeViolations, openPage, overflow, useBrowser } from './pages.ts';
import { buildRealSite, REAL_ROOT, realSample } from './real-site.ts';

const PHONE = { width: 375, height: 740 };
const WIDE = { width: 1280, height: 800 };
const fixtureBase = inject('baseUrl');
let phone: BrowserContext;
let wide: BrowserContext;
useBrowser(async (browser) => {
  phone = await browser.newContext({ viewport: PHONE });
  wide = await browser.newContext({ viewport: WIDE });
});

/** Fails with the page and the elements that stick out. */
async function expectNoOverflow(base: string, path: string): Promise<void> {
  const { page } = await openPage(phone, base, path);
  const o = await overflow(page);
  await page.close();
  expect(o.width > 0 ? `${path || 'home'}: ${o.width}px too wide: ${o.culprits.join(' | ')}` : 'fits').toBe('fits');
}

async function expectNoAxe(context: BrowserContext, base: string, path: string): Promise<void> {
  const { page } = await openPage(context, base, path);
  await page.waitForTimeout(150);
  const v = await axeViolations(page);
  await page.close();
  expect(v, path || 'home').toEqual([]);
}

const FIXTURE_PAGES = [
  '',
  'characteristics/',
  'characteristics/psychological-safety/',
  'accreditors/',
  'accreditors/alpha-council/',
  'editions/alpha-2027/',
  'standards/beta-2024/b-1-1/',
  'standards/gamma-2025/g-3/',
  'initiatives/',
  'initiatives/shared-onboarding/',
  'matrix/',
  'matrix/bodies/',
  'matrix/level/micro/',
  'report/?body=alpha-council&body=beta-board',
  'search/?q=fixture',
  'data/',
  'about/',
  'contribute/',
  'changelog/',
  'glossary/',
  '404.html',
];

describe('fixture site at 375 px', () => {
  it('control: the check does catch a page wider than the screen', async () => {
    const { page } = await openPage(phone, fixtureBase, 'about/');
    await page.evaluate(() => {
      const p = document.querySelector('main')!.appendChild(document.createElement('p'));
      p.textContent = 'A paragraph fixed wider than the screen.';
      p.style.width = '600px';
    });
    expect((await overflow(page)).width).toBeGreaterThan(0);
    await page.close();
  });
  for (const p of FIXTURE_PAGES) {
    it(`${p || 'home'} fits and has no axe violations`, async () => {
      await expectNoOverflow(fixtureBase, p);
      await expectNoAxe(phone, fixtureBase, p);
    });
  }
  it('the new pages have no axe violations on a wide screen either', async () => {
    for (const p of ['matrix/bodies/', 'matrix/level/micro/', 'glossary/', 'search/?q=IPE&group=body'])
      await expectNoAxe(wide, fixtureBase, p);
  });
});

describe("real content's site (built once into its own folder)", () => {
  let base = '';
  let close: () => Promise<void> = async () => {};
  let sample: string[] = [];
  beforeAll(async () => {
    buildRealSite();
    const server = await serve(REAL_ROOT);
    base = `${server.url}/`;
    close = server.close;
    sample = realSample();
  }, 400_000);
  afterAll(() => close());

  it('no sampled page of any type is wider than 375 px', async () => {
    expect(sample.length).toBeGreaterThan(25);
    const failures: string[] = [];
    for (const p of sample) {
      const { page } = await openPage(phone, base, p);
      const o = await overflow(page);
      await page.close();
      if (o.width > 0) failures.push(`${p || 'home'}: ${o.width}px too wide: ${o.culprits.join(' | ')}`);
    }
    expect(failures).toEqual([]);
  }, 180_000);

  /** Axe takes seconds a page (half a minute on the matrix): a few page types, at both widths. */
  const axePages = () => [
    '',
    sample.find((p) => p.startsWith('standards/'))!,
    sample.find((p) => p.startsWith('editions/'))!,
    'matrix/',
    'glossary/',
  ];
  for (const [name, width] of [
    ['phone', 375],
    ['wide', 1280],
  ] as const)
    it(`has no axe violations at ${width} px on the home, a standard, an edition, the matrix and the glossary`, async () => {
      const failures: string[] = [];
      for (const p of axePages()) {
        const { page } = await openPage(name === 'phone' ? phone : wide, base, p);
        const v = await axeViolations(page);
        await page.close();
        if (v.length) failures.push(`${p || 'home'}: ${v.join('; ')}`);
      }
      expect(failures).toEqual([]);
    }, 240_000);
});
