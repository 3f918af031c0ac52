/** `npm run dev` shows a content edit on the next request, and a content error instead of a stale page. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.ts';

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
    s.on('error', fail);
  });

/** The environment without what Vitest sets for itself (BASE_URL, NODE_ENV=test, …), which would misconfigure Vite. */
const outsideVitest = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(VITEST|VITE_|BASE_URL$|NODE_ENV$|TEST$|MODE$|DEV$|PROD$|SSR$)/.test(k),
    ),
  );

/** Polls `url` until `test` holds for its text (or the time runs out), returning the last text seen. */
async function waitFor(url: string, test: (html: string) => boolean, ms = 60_000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    try {
      last = await (await fetch(url)).text();
      if (test(last)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

describe('npm run dev', () => {
  let dev: ChildProcess;
  let dir: string;
  let page: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ipcle-dev-'));
    cpSync(FIXTURES, dir, { recursive: true });
    const port = await freePort();
    page = `http://127.0.0.1:${port}/standards/alpha-2020/a-1/`;
    dev = spawn(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', `${port}`],
      {
        env: {
          ...outsideVitest(),
          CROSSWALK_CONTENT: dir,
          CROSSWALK_DATA_VERSION: 'fixture',
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        stdio: 'ignore',
        detached: true,
      },
    );
    // The first requests can meet Vite's dependency optimiser restarting: wait for the real page.
    expect(await waitFor(page, (h) => h.includes('Safe Learning Climate'), 90_000)).toContain('Safe Learning Climate');
  }, 120_000);
  afterAll(() => {
    if (dev?.pid) process.kill(-dev.pid);
  });

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
