/**
 * A cache of rendered downloads that survives builds (and CI runs, when CI restores its folder): a
 * file is stored under the hash of everything that decides its bytes — its path, its input (the report
 * model or table it renders, which carries the data version and dates), the renderers' source code,
 * the locked dependency versions and the Node version — so a build re-renders only the files whose
 * input changed, and an unchanged input can never come back with an outdated renderer.
 */
import { createHash } from 'node:crypto';
import { copyFile, utimes } from 'node:fs/promises';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Download } from './downloads.ts';

/** The project root (this file is src/integrations/downloads-cache.ts). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Source folders and files whose code can change a download's bytes (renderers, models, schemas). */
const RENDERER_SOURCES = ['src/lib', 'src/schemas', 'src/integrations', 'package-lock.json'] as const;

/** Entries unused this long are deleted, so the folder holds about one state of the site per setup. */
const KEEP_DAYS = 14;

/**
 * Where the cache lives: CROSSWALK_DOWNLOAD_CACHE (`off`: no cache), else `.cache/ipcle-downloads` in the
 * project (git-ignored; outside node_modules, so `npm ci` keeps it and CI can restore it).
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.CROSSWALK_DOWNLOAD_CACHE;
  if (dir === 'off') return undefined;
  return dir || join(ROOT, '.cache', 'ipcle-downloads');
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile());
}

/** Hash of every file under `sources` (paths relative to `root`, in order, with their bytes), after `prefix`. */
export function filesDigest(root: string, sources: readonly string[], prefix = ''): string {
  const h = createHash('sha256').update(prefix);
  const files = sources.flatMap((s) => filesUnder(join(root, s))).sort();
  for (const f of files)
    h.update(`${relative(root, f)}\0`)
      .update(readFileSync(f))
      .update('\0');
  return h.digest('hex');
}

/** Hash of the renderers' code: every source file's path and bytes, the lockfile and the Node version. */
export function rendererHash(root: string = ROOT, sources: readonly string[] = RENDERER_SOURCES): string {
  return filesDigest(root, sources, `node ${process.version}\n`);
}

/**
 * Hash of a content folder: every file's path and bytes, the README, exceptions file and glossary
 * included (the check reads them too). The downloads made from the whole crosswalk are keyed on it, so
 * a build learns they are unchanged without loading the checked files they are made from.
 */
export const contentDigest = (contentDir: string): string => filesDigest(contentDir, ['.']);

export interface DownloadCache {
  /**
   * The cache key of a file at `path` rendered from `input` (any JSON-serialisable value; a string is
   * hashed as it is). An object input is serialised once per cache and remembered by identity: it
   * must not change afterwards.
   */
  key(path: string, input: unknown): string;
  /**
   * The cache key of every download of one state of the build (`state`: whatever decides all of their
   * bytes, see `BuildState` in downloads.ts), by path, when a build of that state stored them and every
   * one is still cached; undefined otherwise.
   */
  readState(state: unknown): Record<string, string> | undefined;
  /** Records the cache key of every download of `state` (after a build that stored them all). */
  writeState(state: unknown, keys: Record<string, string>): void;
  /** Copies the cached file for `key` to `to`; false when there is none. */
  restore(key: string, to: string): boolean;
  /** Stores the rendered file `from` under `key` (atomically: a concurrent build sees all of it or none). */
  store(key: string, from: string): void;
  /** Deletes entries no build has used for KEEP_DAYS days. */
  prune(now?: number): void;
}

export function openCache(dir: string, code: string = rendererHash()): DownloadCache {
  mkdirSync(dir, { recursive: true });
  const file = (key: string) => join(dir, key);
  // An input shared by several files (a body's report, for its PDF and its XLSX) is serialised and
  // hashed once: at 10,000 standards that serialising was most of a warm build's renderer time.
  const digests = new WeakMap<object, string>();
  const digestOf = (path: string, input: unknown): string => {
    // A text (a JSON download's own text) is hashed as it is, not serialised again.
    if (typeof input === 'string') return createHash('sha256').update('text\0').update(input).digest('hex');
    const memo = typeof input === 'object' && input !== null ? digests.get(input) : undefined;
    if (memo) return memo;
    const json = JSON.stringify(input);
    if (json === undefined) throw new Error(`the cache input of ${path} is not serialisable`);
    const digest = createHash('sha256').update(json).digest('hex');
    if (typeof input === 'object' && input !== null) digests.set(input, digest);
    return digest;
  };
  // A state's record is named by the hash of the renderers' code and the state (no extension, so it
  // never collides with a download's entry).
  const stateFile = (state: unknown) =>
    file(`state-${createHash('sha256').update(`${code}\0`).update(JSON.stringify(state)).digest('hex')}`);
  return {
    key(path, input) {
      const ext = path.split('.').pop();
      return `${createHash('sha256')
        .update(`${code}\0${path}\0${digestOf(path, input)}`)
        .digest('hex')}.${ext}`;
    },
    readState(state) {
      const at = stateFile(state);
      if (!existsSync(at)) return undefined;
      let keys: Record<string, string>;
      try {
        keys = JSON.parse(readFileSync(at, 'utf8')) as Record<string, string>;
      } catch {
        return undefined; // unreadable (a cache restored damaged): the renderers run, and record it again
      }
      if (typeof keys !== 'object' || keys === null) return undefined;
      if (!Object.values(keys).every((k) => typeof k === 'string' && existsSync(file(k)))) return undefined;
      const now = new Date();
      utimesSync(at, now, now); // used: kept by prune
      return keys;
    },
    writeState(state, keys) {
      const at = stateFile(state);
      writeFileSync(`${at}.${process.pid}.tmp`, `${JSON.stringify(keys, null, 1)}\n`);
      renameSync(`${at}.${process.pid}.tmp`, at);
    },
    restore(key, to) {
      if (!existsSync(file(key))) return false;
      copyFileSync(file(key), to);
      const now = new Date();
      utimesSync(file(key), now, now); // used: kept by prune
      return true;
    },
    store(key, from) {
      const tmp = `${file(key)}.${process.pid}.tmp`;
      copyFileSync(from, tmp);
      renameSync(tmp, file(key));
    },
    prune(now = Date.now()) {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (now - statSync(p).mtimeMs > KEEP_DAYS * 86_400_000) rmSync(p, { force: true });
      }
    },
  };
}

export interface Written {
  files: number;
  bytes: number;
  /** Paths rendered this time (the others were copied from the cache). */
  rendered: string[];
  /** The cache key of each file by path (none without a cache), for the build's state record. */
  keys: Record<string, string>;
}

/** Writes each download into `outDir`: copied from the cache when its input is unchanged, else rendered and stored. */
export async function writeDownloads(
  list: readonly Download[],
  outDir: string,
  cache: DownloadCache | undefined,
): Promise<Written> {
  const done: Written = { files: 0, bytes: 0, rendered: [], keys: {} };
  for (const file of list) {
    const to = join(outDir, file.path);
    mkdirSync(dirname(to), { recursive: true });
    done.files++;
    const key = cache?.key(file.path, file.input());
    if (key) done.keys[file.path] = key;
    if (!(key && cache!.restore(key, to))) {
      // Streamed when it can be (the XLSX files): resolves once the file stream has finished.
      if (file.write) await file.write(createWriteStream(to));
      else writeFileSync(to, await file.render());
      if (key) cache!.store(key, to);
      done.rendered.push(file.path);
    }
    file.release?.();
    done.bytes += statSync(to).size;
  }
  return done;
}

/**
 * Copies every download of a state the cache recorded (`readState`) into `outDir`, several at a time
 * (the copies run on libuv's threads, beside the pages being rendered). Nothing is rendered, the
 * content is not loaded again and no renderer process starts.
 */
export async function restoreDownloads(
  keys: Record<string, string>,
  outDir: string,
  cacheFolder: string,
): Promise<Written> {
  const entries = Object.entries(keys);
  const done: Written = { files: 0, bytes: 0, rendered: [], keys };
  for (const dir of new Set(entries.map(([path]) => dirname(join(outDir, path))))) mkdirSync(dir, { recursive: true });
  const now = new Date();
  const copyOne = async ([path, key]: [string, string]) => {
    const from = join(cacheFolder, key);
    await copyFile(from, join(outDir, path));
    await utimes(from, now, now); // used: kept by prune
    done.files++;
    done.bytes += statSync(from).size;
  };
  for (let i = 0; i < entries.length; i += 8) await Promise.all(entries.slice(i, i + 8).map(copyOne));
  return done;
}
