/**
 * The build's downloads step (src/integrations/crosswalk.ts, `renderDownloads`), as `astro build` runs
 * it: a first build renders every file in a renderer process and records its state in the cache; a
 * build of the same state copies every file, byte for byte, and starts no renderer; after an edit, the
 * renderer runs again and re-renders only what the edit changed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadsFromLog } from '../../bench/site.ts';
import { renderDownloads } from '../../src/integrations/crosswalk.ts';
import { FIXTURES, TODAY } from '../helpers.ts';

let tmp: string;
const saved: Record<string, string | undefined> = {};
const ENV = { CROSSWALK_TODAY: TODAY, CROSSWALK_DATA_VERSION: 'fixture', CROSSWALK_DOWNLOAD_CACHE: '' };

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'downloads-state-'));
  cpSync(FIXTURES, join(tmp, 'content'), { recursive: true });
  for (const [k, v] of Object.entries({ ...ENV, CROSSWALK_DOWNLOAD_CACHE: join(tmp, 'cache') })) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  rmSync(tmp, { recursive: true, force: true });
});

const logger = { info: () => {} } as unknown as AstroIntegrationLogger;
const root = pathToFileURL(`${process.cwd()}/`);

/** One build's downloads into `out`: the parsed summary line. */
async function build(out: string) {
  const line = await renderDownloads(root, pathToFileURL(join(tmp, out) + '/'), join(tmp, 'content'), logger);
  const summary = downloadsFromLog(line);
  if (!summary) throw new Error(`not a downloads line: ${line}`);
  return summary;
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

describe('the build downloads step', () => {
  it('renders once, then copies a recorded state without a renderer, then renders what an edit changed', async () => {
    const first = await build('out1');
    expect(first.downloadProcesses).toBe(1);
    expect(first.downloadsCached).toBe(0);
    expect(readdirSync(join(tmp, 'cache')).some((f) => f.startsWith('state-'))).toBe(true);

    const second = await build('out2');
    expect(second.downloadProcesses).toBe(0);
    expect(second.downloadFiles).toBe(first.downloadFiles);
    expect(second.downloadsCached).toBe(first.downloadFiles);
    const files = filesUnder(join(tmp, 'out1'));
    expect(files.length).toBe(first.downloadFiles);
    expect(filesUnder(join(tmp, 'out2'))).toEqual(files);
    for (const f of files) expect(readFileSync(join(tmp, 'out2', f)), f).toEqual(readFileSync(join(tmp, 'out1', f)));

    // One body's implicit-mapping rationale reworded: a new state, so the renderer runs, and copies
    // the files the edit did not change.
    const file = join(tmp, 'content/standards/beta-2024/b-2.md');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/(strength: implicit\n\s+rationale: ")/, '$1Reworded. ');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const third = await build('out3');
    expect(third.downloadProcesses).toBe(1);
    expect(third.downloadsCached).toBeGreaterThan(0);
    expect(third.downloadsCached).toBeLessThan(third.downloadFiles!);
    expect(readFileSync(join(tmp, 'out3/data/reports/beta-board.pdf'))).not.toEqual(
      readFileSync(join(tmp, 'out1/data/reports/beta-board.pdf')),
    );

    // And that state is recorded in turn.
    const fourth = await build('out4');
    expect(fourth.downloadProcesses).toBe(0);
    expect(fourth.downloadsCached).toBe(third.downloadFiles);
  }, 120_000);
});
