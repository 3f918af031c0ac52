/** Browser tests of search: results say whose standard it is, group by body, and glossary synonyms find each other. */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './pages.ts';

const base = inject('baseUrl');
let context: BrowserContext;
useBrowser(async (browser) => {
  context = await browser.newContext();
});

const titles = (page: Page) => page.locator('#search-results li a').allTextContents();

describe('search results', () => {
  it('are titled "BODY code: title", with the edition and the body under the title', async () => {
    const { page, errors } = await openPage(context, base, 'search/?q=pharmacy+students');
    await expect.poll(() => titles(page)).toContain('BPB B.1.1: Interprofessional Education');
    const item = page.locator('#search-results li', { hasText: 'BPB B.1.1: Interprofessional Education' });
    expect(await item.locator('.result-meta').textContent()).toBe(
      'Beta Accreditation Standards (2024) · Beta Pharmacy Board (fixture) (BPB)',
    );
    expect(errors).toEqual([]);
  });

  it('a standard without a title is "BODY code"', async () => {
    const { page } = await openPage(context, base, 'search/?characteristic=Teams+and+teamwork&strength=partial');
    await expect.poll(() => titles(page)).toContain('GPC G 3');
  });

  it('offer the body filter with full names, and group results by body', async () => {
    const { page } = await openPage(context, base, 'search/?q=fixture');
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(3);
    // A link without filters is searched first; the filters' values follow.
    await expect
      .poll(() => page.locator('select[name=body] option').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Beta Pharmacy Board \(fixture\) \(BPB\) \(\d+\)$/)]));
    await page.check('input[name=group]');
    await expect
      .poll(() => page.locator('#search-results > li.result-group h2').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Beta Pharmacy Board \(fixture\) \(BPB\) \(\d+\)$/),
          expect.stringMatching(/^Characteristics \(\d+\)$/),
        ]),
      );
    const bpb = page.locator('#search-results > li.result-group', { hasText: 'Beta Pharmacy Board' });
    expect(await bpb.locator('li a').allTextContents()).toEqual(
      expect.arrayContaining(['BPB B.1.1: Interprofessional Education', 'BPB B-2: Team Practice']),
    );
    expect(page.url()).toContain('group=body');
  });
});

describe('search synonyms from the glossary', () => {
  it('control: Pagefind alone does not find B.1.1 for "IPE" (its text never says IPE)', async () => {
    const { page } = await openPage(context, base, 'search/');
    const url = new URL('pagefind/pagefind.js', base).href;
    // Every shard merged (the fixture's standards are in the second), as the search page does.
    const search = (term: string) =>
      page.evaluate(`(async () => {
      const pf = await import(${JSON.stringify(url)});
      const { shards } = await (await fetch(${JSON.stringify(new URL('pagefind-shards.json', base).href)})).json();
      for (const s of shards) await pf.mergeIndex(new URL(s, ${JSON.stringify(base)}).pathname);
      const { results } = await pf.search(${JSON.stringify(term)});
      return Promise.all(results.map(async (r) => (await r.data()).url));
    })()`) as Promise<string[]>;
    expect((await search('IPE')).some((u) => u.includes('b-1-1'))).toBe(false);
    // The same merged index does find it by its own words.
    expect((await search('interprofessional')).some((u) => u.includes('b-1-1'))).toBe(true);
  });

  it('"IPE" and "inter-professional education" find "Interprofessional Education"', async () => {
    const { page, errors } = await openPage(context, base, 'search/?q=IPE');
    await expect.poll(() => titles(page)).toContain('BPB B.1.1: Interprofessional Education');
    await page.fill('#q', 'inter-professional education');
    await expect.poll(() => titles(page)).toContain('BPB B.1.1: Interprofessional Education');
    expect(errors).toEqual([]);
  });

  it('"teaming" finds teamwork; the glossary page lists the synonyms', async () => {
    const { page } = await openPage(context, base, 'search/?q=teaming');
    await expect.poll(() => titles(page)).toContain('Teams and teamwork');
    const glossary = await openPage(context, base, 'glossary/');
    const text = await glossary.page.locator('main').textContent();
    expect(text).toContain('Interprofessional education (IPE)');
    expect(text).toContain('Also: inter-professional education.');
  });
});

describe('search typed before the index loaded', () => {
  it('keeps the typed query and runs it once the index arrives', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // Hold Pagefind's script until the reader has typed: the index cannot have loaded before.
    await page.route('**/pagefind/pagefind.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(new URL('search/', base).href, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.locator('#search-status').textContent()).toBe('Loading the search index…');
    await page.locator('#q').pressSequentially('pharmacy students');
    expect(await page.locator('#search-results li').count()).toBe(0);
    release();
    // Pagefind's script, WebAssembly and index now load: allow for a busy machine.
    await expect.poll(() => titles(page), { timeout: 20_000 }).toContain('BPB B.1.1: Interprofessional Education');
    expect(await page.inputValue('#q')).toBe('pharmacy students');
    expect(new URL(page.url()).searchParams.get('q')).toBe('pharmacy students');
    expect(errors).toEqual([]);
  });
});

describe('a search still answering', () => {
  it('marks the list busy, keeps the previous results meanwhile, and clears it with the new ones', async () => {
    const { page, errors } = await openPage(context, base, 'search/?q=pharmacy+students');
    const list = page.locator('#search-results');
    await expect.poll(() => list.getAttribute('aria-busy')).toBe('false');
    const before = await titles(page);
    expect(before).toContain('BPB B.1.1: Interprofessional Education');
    const status = await page.locator('#search-status').textContent();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // Hold the result fragments: the new search cannot finish until they arrive.
    await page.route('**/*.pf_fragment', async (route) => {
      await held;
      await route.continue();
    });
    await page.fill('#q', 'psychological safety');
    await expect.poll(() => list.getAttribute('aria-busy')).toBe('true');
    expect(await titles(page)).toEqual(before);
    expect(await page.locator('#search-status').textContent()).toBe(status);
    release();
    await expect.poll(() => list.getAttribute('aria-busy')).toBe('false');
    expect(await titles(page)).toContain('Psychological safety');
    expect(await titles(page)).not.toEqual(before);
    expect(errors).toEqual([]);
  });
});
