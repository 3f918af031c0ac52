/** The bench's plain-Astro anchor mirrors the project's pages, and its CPU count includes orphans. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('bench/rusage.py', () => {
  it('counts the CPU of a process its parent killed without waiting for (as Pagefind’s Node API does)', () => {
    // The child spins until it has used 600 ms of CPU, says so, and spins on; the parent then kills
    // it and exits at once, so only a subreaper ever reaps it and receives its CPU time.
    const child = `const t=process.cpuUsage();let said=false;for(;;){const c=process.cpuUsage(t);if(!said&&c.user+c.system>6e5){process.stdout.write('ready');said=true;}}`;
    const parent =
      `const {spawn}=require('node:child_process');const c=spawn(process.execPath,['-e',${JSON.stringify(child)}]);` +
      `c.stdout.on('data',()=>{c.kill();process.exit(0);});`;
    const out = join(dir, 'rusage.json');
    execFileSync('python3', ['bench/rusage.py', out, process.execPath, '-e', parent], { stdio: 'ignore' });
    const r = JSON.parse(readFileSync(out, 'utf8')) as {
      subreaper: boolean;
      userS: number;
      sysS: number;
      exitCode: number;
    };
    expect(r.subreaper).toBe(true);
    expect(r.exitCode).toBe(0);
    expect(r.userS + r.sysS).toBeGreaterThanOrEqual(0.6);
  });
});
