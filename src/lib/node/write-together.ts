/**
 * Writing several files as one change, for `import --write`: every file is staged in a temporary file
 * next to its target, then all are renamed into place; if one cannot be, those already replaced get
 * their old text back and no temporary file is left, so an import is applied whole or not at all.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FileWrite {
  path: string;
  data: string;
  /** The text the file held when the change was planned (null: a new file, which must not exist yet); if it holds anything else, nothing is written. */
  before: string | null;
}

/** The file operations used, replaceable in tests to fail at a chosen file. */
export interface WriteOps {
  write: (path: string, data: string, options: { flag: 'wx'; mode: number }) => void;
  rename: (from: string, to: string) => void;
}

const DISK: WriteOps = { write: writeFileSync, rename: renameSync };

export class WriteTogetherError extends Error {
  /** Files that could not be given their old text back after a failed commit (normally none). */
  readonly unrestored: readonly string[];
  constructor(message: string, unrestored: readonly string[] = []) {
    super(message);
    this.name = 'WriteTogetherError';
    this.unrestored = unrestored;
  }
}

const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** A short temporary name beside the target, so even a long file name leaves room for it. */
const tempFor = (path: string, tag: string) =>
  join(dirname(path), `.${basename(path).slice(0, 60)}.${process.pid}-${tag}.tmp`);

/** Write all `files` or none. Throws WriteTogetherError (with what was restored) when it cannot. */
export function writeTogether(files: readonly FileWrite[], ops: WriteOps = DISK): void {
  const staged: { file: FileWrite; tmp: string }[] = [];
  const removeTemps = (from = 0) => {
    for (const s of staged.slice(from)) rmSync(s.tmp, { force: true });
  };
  for (const [i, file] of files.entries()) {
    try {
      const now = existsSync(file.path) ? readFileSync(file.path, 'utf8') : null;
      if (now !== file.before) {
        removeTemps();
        throw new WriteTogetherError(
          `${file.path} ${file.before === null ? 'was created' : 'changed'} while the import was being planned; nothing written. Run the import again.`,
        );
      }
      // A new file's folder is created here; an empty folder may stay behind if a later file fails.
      if (file.before === null) mkdirSync(dirname(file.path), { recursive: true });
      const tmp = tempFor(file.path, String(i));
      staged.push({ file, tmp });
      ops.write(tmp, file.data, { flag: 'wx', mode: file.before === null ? 0o644 : statSync(file.path).mode & 0o777 });
    } catch (e) {
      if (e instanceof WriteTogetherError) throw e;
      removeTemps();
      throw new WriteTogetherError(`cannot write ${file.path} (${reason(e)}); nothing written`);
    }
  }
  const moved: FileWrite[] = [];
  for (const [i, s] of staged.entries()) {
    try {
      ops.rename(s.tmp, s.file.path);
      moved.push(s.file);
    } catch (e) {
      removeTemps(i);
      const unrestored = restore(moved, ops);
      const undone = moved.length ? `; the ${moved.length} file(s) already replaced were restored` : '';
      throw new WriteTogetherError(
        unrestored.length
          ? `cannot replace ${s.file.path} (${reason(e)}), and could not restore ${unrestored.join(', ')}: they hold the imported text (see git diff)`
          : `cannot replace ${s.file.path} (${reason(e)})${undone}; nothing written`,
        unrestored,
      );
    }
  }
}

/** Put the old text back into files already replaced, newest first; returns those it could not. */
function restore(moved: readonly FileWrite[], ops: WriteOps): string[] {
  const failed: string[] = [];
  for (const [i, file] of [...moved].reverse().entries()) {
    const tmp = tempFor(file.path, `r${i}`);
    try {
      if (file.before === null) {
        rmSync(file.path);
        continue;
      }
      ops.write(tmp, file.before, { flag: 'wx', mode: statSync(file.path).mode & 0o777 });
      ops.rename(tmp, file.path);
    } catch {
      rmSync(tmp, { force: true });
      failed.push(file.path);
    }
  }
  return failed;
}
