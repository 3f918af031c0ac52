#!/usr/bin/env node
/**
 * npm run bench:dev -- [--content DIR] [--edits N]
 *
 * The contributor's loop: starts `astro dev` on a copy of the content (the real content by default),
 * edits one standard's text N times and prints, for each edit, the time from the write to the first
 * page load that shows it (the page is polled every 50 ms, so figures include up to one poll's wait).
 * The copy keeps the real files untouched.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDev, waitFor } from './dev-server.ts';
import { log, median, ROOT } from './util.ts';

const { values } = parseArgs({
  options: { content: { type: 'string', default: join(ROOT, 'content') }, edits: { type: 'string', default: '5' } },
});
const edits = Number(values.edits);
if (!Number.isInteger(edits) || edits < 1) {
  console.error(`bench:dev: --edits must be a whole number ≥ 1, got "${values.edits}"`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'ipcle-dev-bench-'));
cpSync(values.content, dir, { recursive: true });
// The first standard file of the first edition folder: any page will do, the loop is the same.
const edition = readdirSync(join(dir, 'standards')).sort()[0]!;
const file = readdirSync(join(dir, 'standards', edition)).sort()[0]!;
const path = join(dir, 'standards', edition, file);
const page = `standards/${edition}/${file.replace(/\.md$/, '')}/`;

const dev = await startDev(dir);
try {
  const url = `${dev.origin}/${page}`;
  const t0 = performance.now();
  const first = await waitFor(url, (h) => h.includes('<main'), 180_000);
  if (!first.includes('<main')) throw new Error(`the dev server did not serve ${page}`);
  log(`dev server ready, ${page} served after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const original = readFileSync(path, 'utf8');
  const cut = original.indexOf('\n---\n', 4) + 5;
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const marker = `Dev-loop edit ${i} ${Date.now()}.`;
    const start = performance.now();
    writeFileSync(path, `${original.slice(0, cut)}${marker} ${original.slice(cut)}`);
    const html = await waitFor(url, (h) => h.includes(marker), 30_000);
    if (!html.includes(marker)) throw new Error(`edit ${i} did not show within 30 s`);
    times.push(performance.now() - start);
  }
  const load = loadavg();
  console.log(
    `dev loop on ${values.content} (${page}): edit shown after ${times.map((t) => `${Math.round(t)} ms`).join(', ')}; ` +
      `median ${Math.round(median(times))} ms (target < 1,000 ms); load average ${load.map((l) => l.toFixed(1)).join(' ')}`,
  );
} finally {
  dev.stop();
  rmSync(dir, { recursive: true, force: true });
}
