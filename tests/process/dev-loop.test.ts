/** `npm run dev` shows a content edit on the next request, and a content error instead of a stale page. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, waitFor, type DevServer } from '../../bench/dev-server.ts';
import { FIXTURES } from '../helpers.ts';

describe('npm run dev', () => {
  let dev: DevServer;
  let dir: string;
  let page: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ipcle-dev-'));
    cpSync(FIXTURES, dir, { recursive: true });
    dev = await startDev(dir);
    page = `${dev.origin}/standards/alpha-2020/a-1/`;
    // The first requests can meet Vite's dependency optimiser restarting: wait for the real page.
    expect(await waitFor(page, (h) => h.includes('Safe Learning Climate'), 90_000)).toContain('Safe Learning Climate');
  }, 120_000);
  afterAll(() => dev?.stop());

  it('an edit to a standard shows on the next page load', async () => {
    const file = join(dir, 'standards/alpha-2020/a-1.md');
    const text = readFileSync(file, 'utf8');
    const [front, body] = text.split(/\n---\n/, 2) as [string, string];
    writeFileSync(file, `${front}\n---\nAn edit made while the dev server runs. ${body}`);
    expect(await waitFor(page, (h) => h.includes('An edit made while the dev server runs.'))).toContain(
      'An edit made while the dev server runs.',
    );
  }, 70_000);

  it('an edit that breaks the content shows the located error, not the old page', async () => {
    // A person saves again seconds later, not within the file watcher's 100 ms merge window.
    await new Promise((r) => setTimeout(r, 1500));
    const file = join(dir, 'standards/alpha-2020/a-1.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'characteristic: psychological-safety',
        'characteristic: psychological-saftey',
      ),
    );
    // Astro's error overlay draws the located message in the browser; the page itself names the error.
    const html = await waitFor(page, (h) => h.includes('<title>ContentError</title>'));
    expect(html).toContain('<title>ContentError</title>');
    expect(html).not.toContain('An edit made while the dev server runs.');
  }, 70_000);
});
