/**
 * File writing that never loses data: no overwrite unless asked (and then only of a regular file),
 * an exclusive create so two writers cannot both succeed, temp file + rename so a reader never sees
 * half a file, and temporary files removed on SIGINT/SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname, join } from 'node:path';

export class OutputExistsError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`${path} already exists; pass --force to overwrite it, or choose another --out`);
    this.name = 'OutputExistsError';
    this.path = path;
  }
}

/** The target exists and is not a regular file: replacing it could break the system or leave the file. */
export class NotRegularFileError extends Error {
  readonly path: string;
  constructor(path: string, what: string, expected = 'a regular file') {
    super(`${path} is ${what}, not ${expected}; refusing to replace it even with --force: choose another --out`);
    this.name = 'NotRegularFileError';
    this.path = path;
  }
}

/** What a file-system entry is, in words for a message ("… is a folder, not a regular file"); Stats and Dirent alike. */
export function fileKind(
  st: Pick<
    Stats,
    'isSymbolicLink' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isFile'
  >,
): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return st.isFile() ? 'a regular file' : 'not a regular file';
}

/** lstat without following links; undefined when nothing is there. */
export function statOf(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------
// Temporary files, removed on SIGINT/SIGTERM

const temps = new Set<string>();
/** The signals on which writers remove their temporary files before exiting. */
export const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let installed = false;

/** Remove every live temporary file, then die of the same signal so the exit status stays honest. */
function onSignal(signal: NodeJS.Signals) {
  for (const t of temps) rmSync(t, { force: true });
  temps.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

/**
 * A new, empty temporary file beside `target`, created exclusively. Its name is short (not derived
 * from the target's) so a target name at the file system's 255-byte limit still works.
 */
export function createTemp(target: string): { path: string; fd: number } {
  if (!installed) {
    for (const s of SIGNALS) process.on(s, onSignal);
    installed = true;
  }
  for (;;) {
    const path = join(dirname(target), `.tmp-${randomBytes(6).toString('hex')}`);
    try {
      const fd = openSync(path, 'wx', 0o666);
      temps.add(path);
      return { path, fd };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

function dropTemp(path: string) {
  rmSync(path, { force: true });
  temps.delete(path);
}

function writeAll(fd: number, data: string | Uint8Array) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Link cannot be used on this file system (FAT, some network mounts): fall back to an exclusive create. */
const NO_LINK = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Write `data` to `path`. Without `force`, the file must not exist and is created atomically
 * (link() of a complete temporary file, which fails if anything has the name by then), so of two
 * writers only one succeeds. With `force`, an existing regular file is replaced by rename; a symlink,
 * device, FIFO, socket or folder is never replaced.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { force?: boolean } = {}): void {
  const existing = statOf(path);
  if (existing && !existing.isFile()) throw new NotRegularFileError(path, fileKind(existing));
  if (existing && !options.force) throw new OutputExistsError(path);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = createTemp(path);
  try {
    try {
      writeAll(tmp.fd, data);
    } finally {
      closeSync(tmp.fd);
    }
    if (options.force) {
      // Checked again just before the rename: the window for a swap is as small as it can be made.
      const now = statOf(path);
      if (now && !now.isFile()) throw new NotRegularFileError(path, fileKind(now));
      renameSync(tmp.path, path);
      temps.delete(tmp.path);
      return;
    }
    try {
      linkSync(tmp.path, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') {
        const now = statOf(path);
        throw now && !now.isFile() ? new NotRegularFileError(path, fileKind(now)) : new OutputExistsError(path);
      }
      if (!NO_LINK.has(code)) throw e;
      writeExclusive(path, data);
    }
  } finally {
    dropTemp(tmp.path);
  }
}

/** Exclusive create of the target itself (O_EXCL); a failed write removes what it created. */
function writeExclusive(path: string, data: string | Uint8Array) {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o666);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputExistsError(path);
    throw e;
  }
  try {
    writeAll(fd, data);
    closeSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw e;
  }
}
