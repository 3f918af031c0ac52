/** Helpers shared by the browser tests: a browser per file, open a page, scan it with axe, measure overflow. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';

/** Launch Chromium before the file's tests (`setup` then makes its contexts) and close it after them. */
export function useBrowser(setup: (browser: Browser) => Promise<void>): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
    await setup(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

export async function openPage(
  context: BrowserContext,
  base: string,
  path: string,
): Promise<{ page: Page; errors: string[]; scripts: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
  return { page, errors, scripts };
}

/** WCAG 2.1 A/AA violations, one line each with up to three offending elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

/**
 * Horizontal overflow: the page's scroll width beyond the viewport, and the outermost elements that
 * stick out (the ones to fix), so a failure says what is too wide.
 */
export async function overflow(page: Page): Promise<{ width: number; culprits: string[] }> {
  return page.evaluate(() => {
    // the window's width, not the root's: a page that overflows can widen the root
    const vw = window.innerWidth;
    const culprits: string[] = [];
    for (const e of document.querySelectorAll('body *')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 1) continue;
      const parent = e.parentElement?.getBoundingClientRect();
      if (parent && parent.right > vw + 1) continue;
      const text = (e.textContent ?? '').trim().slice(0, 50);
      culprits.push(
        `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}"> ${Math.round(r.right)}px: ${text}`,
      );
    }
    return { width: document.documentElement.scrollWidth - vw, culprits: culprits.slice(0, 5) };
  });
}
