/** The bench's plain-Astro anchor mirrors the project's pages (its CPU count: tests/process/bench-rusage.test.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { estimateBytes, PAD_BYTES, planAnchorPages } from '../../bench/anchor-site.ts';
import type { Fragment } from '../../bench/fragments.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-anchor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fragment(url: string, content: string, anchors: Fragment['anchors'] = []): Fragment {
  return {
    url,
    content,
    word_count: content.split(' ').length,
    filters: { type: ['standard'] },
    meta: { title: 'T' },
    anchors,
  };
}

describe('plain-Astro anchor pages', () => {
  const site = join(dir, 'site');
  mkdirSync(join(site, 'standards', 'x'), { recursive: true });
  writeFileSync(join(site, 'index.html'), 'x'.repeat(5000));
  writeFileSync(join(site, 'standards', 'x', 'index.html'), 'x'.repeat(20_000));
  writeFileSync(join(site, '404.html'), 'not a page');
  const text = 'one two three Coverage across bodies four five';
  const fragments = new Map([
    [
      '/standards/x/',
      fragment('/standards/x/', text, [{ element: 'h2', id: 'coverage', text: 'Coverage across bodies', location: 3 }]),
    ],
  ]);
  const pages = planAnchorPages(site, fragments);

  it('has one page per index.html, at the same route, indexed only where the project was', () => {
    expect(pages.map((p) => [p.route, p.indexed]).sort()).toEqual([
      ['', false],
      ['standards/x', true],
    ]);
  });

  it('keeps the indexed text word for word, with a heading at each of Pagefind’s anchors', () => {
    const p = pages.find((x) => x.route === 'standards/x')!;
    expect(p.blocks).toEqual([
      { t: 'one two three' },
      { h: 'coverage', t: 'Coverage across bodies' },
      { t: 'four five' },
    ]);
    expect(p.blocks.map((b) => b.t).join(' ')).toBe(text);
    expect(p.filters).toEqual([['type', 'standard']]);
  });

  it('pads each page to the project page’s HTML size', () => {
    for (const p of pages) {
      const target = p.route === '' ? 5000 : 20_000;
      expect(Math.abs(estimateBytes(p, p.pad) - target)).toBeLessThanOrEqual(PAD_BYTES / 2);
    }
  });
});
