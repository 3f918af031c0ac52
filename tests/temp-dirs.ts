/** Temporary folders for the file-writing tests, removed after each test. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A maker of fresh folders named `prefix…`; every folder it made is removed after each test. */
export function freshDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}

/** Hidden entries in `dir`: the temporary files a write leaves behind when it goes wrong. */
export const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.'));
