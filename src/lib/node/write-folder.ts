/**
 * Writing a multi-file export as one change: every file goes into a staging folder beside the target
 * (files already there that the export does not write are carried over by hard link), then the staging
 * folder is renamed into place, so an interrupted export leaves the old folder or the new one, never
 * old and new files mixed. Signals wait for the swap; a staging folder is removed on SIGINT/SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileKind, NotRegularFileError, OutputExistsError, SIGNALS, statOf, writeFileAtomic } from './files.ts';

/** Every regular file under `dir` (relative, '/'-separated); anything else is refused. */
function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const name = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return filesUnder(dir, name);
    if (e.isFile()) return [name];
    throw new NotRegularFileError(join(dir, name), fileKind(lstatSync(join(dir, name))));
  });
}

/** Plan and checks before anything is written: what exists, what would be replaced, what is carried. */
function plan(dir: string, names: readonly string[], force: boolean): string[] {
  const st = statOf(dir);
  if (!st) return [];
  if (!st.isDirectory()) throw new NotRegularFileError(dir, fileKind(st), 'a folder');
  const here = resolve(process.cwd());
  const target = resolve(dir);
  if (here === target || here.startsWith(target + sep))
    throw new Error(`${dir} holds the current folder; the export replaces its folder as a whole: choose another --out`);
  const existing = filesUnder(dir);
  const wanted = new Set(names);
  const clash = existing.filter((f) => wanted.has(f));
  if (clash.length && !force)
    throw new OutputExistsError(
      `${join(dir, clash[0]!)}${clash.length > 1 ? ` and ${clash.length - 1} more files` : ''}`,
    );
  for (const n of names) {
    const s = statOf(join(dir, n));
    if (s && !s.isFile()) throw new NotRegularFileError(join(dir, n), fileKind(s));
  }
  return existing.filter((f) => !wanted.has(f));
}

/** Write `files` (relative names) into `dir` all at once; returns how many existing files were kept. */
export function writeFolderAtomic(
  dir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  options: { force?: boolean } = {},
): { kept: number } {
  const carried = plan(dir, [...files.keys()], options.force ?? false);
  const tag = randomBytes(6).toString('hex');
  const staging = join(dirname(resolve(dir)), `.export-${tag}`);
  let pending: NodeJS.Signals | undefined;
  let swapping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (swapping) return void (pending = signal);
    rmSync(staging, { recursive: true, force: true });
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    mkdirSync(dirname(staging), { recursive: true });
    mkdirSync(staging);
    for (const f of carried) {
      mkdirSync(dirname(join(staging, f)), { recursive: true });
      try {
        linkSync(join(dir, f), join(staging, f));
      } catch {
        copyFileSync(join(dir, f), join(staging, f));
      }
    }
    for (const [name, data] of files) {
      if (relative(staging, join(staging, name)).startsWith('..')) throw new Error(`${name} leaves the export folder`);
      writeFileAtomic(join(staging, name), data);
    }
    swapping = true;
    const old = join(dirname(resolve(dir)), `.export-old-${tag}`);
    const hadOld = statOf(dir) !== undefined;
    if (hadOld) renameSync(dir, old);
    try {
      renameSync(staging, dir);
    } catch (e) {
      if (hadOld) renameSync(old, dir);
      throw e;
    }
    if (hadOld) rmSync(old, { recursive: true, force: true });
    return { kept: carried.length };
  } finally {
    swapping = false;
    rmSync(staging, { recursive: true, force: true });
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    if (pending) process.kill(process.pid, pending);
  }
}
