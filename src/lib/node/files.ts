/** File writing that never loses data: no silent overwrite, and atomic replace via temp file + rename. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

export class OutputExistsError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`${path} already exists; pass --force to overwrite it, or choose another --out`);
    this.name = 'OutputExistsError';
    this.path = path;
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: { force?: boolean } = {}): void {
  if (!options.force && existsSync(path)) throw new OutputExistsError(path);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
