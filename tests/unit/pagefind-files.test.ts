import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePagefindFiles } from '../../src/integrations/pagefind.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writing the Pagefind index', () => {
  it('writes every file, replacing a stale index', () => {
    dir = mkdtempSync(join(tmpdir(), 'pf-'));
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind', 'stale.pf_index'), 'old');
    writePagefindFiles(join(dir, 'pagefind'), [
      { path: 'pagefind-entry.json', content: bytes('{"version":"1"}') },
      { path: 'index/en_1.pf_index', content: bytes('x') },
    ]);
    expect(readFileSync(join(dir, 'pagefind', 'index/en_1.pf_index'), 'utf8')).toBe('x');
    expect(existsSync(join(dir, 'pagefind', 'stale.pf_index'))).toBe(false);
  });
  it('refuses an index with an empty file or without its entry file, and writes nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'pf-'));
    const out = join(dir, 'pagefind');
    expect(() =>
      writePagefindFiles(out, [
        { path: 'pagefind-entry.json', content: bytes('{}') },
        { path: 'pagefind.js', content: new Uint8Array() },
      ]),
    ).toThrow(/empty files: pagefind\.js/);
    expect(() => writePagefindFiles(out, [{ path: 'pagefind.js', content: bytes('x') }])).toThrow(
      /no pagefind-entry\.json/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
