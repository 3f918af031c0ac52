/**
 * `node src/integrations/downloads-build.ts <outDir> <part>`: renders the downloads (downloads.ts) of
 * one renderer part (DOWNLOAD_PARTS: `bodies`, `largest`, `reports`, `exports`) into the built site.
 * `astro build` runs the parts one after another, each in a process of its own
 * (src/integrations/crosswalk.ts), so the PDF and XLSX rendering runs on a second core while Astro
 * renders the pages, and the memory of each part (which V8 keeps resident) is returned when its
 * process exits. A file whose input is unchanged since an earlier build is copied from the cache
 * (downloads-cache.ts) instead; when a part rendered nothing, or the site is small
 * (ONE_PROCESS_MAX_STANDARDS), the same process goes on with the next part (no second start-up, no
 * second load of the content). Any failure exits non-zero with the error on stderr, which fails the
 * build. Reads the same environment as the site (CROSSWALK_CONTENT, CROSSWALK_TODAY,
 * CROSSWALK_DATA_VERSION, CROSSWALK_DOWNLOAD_CACHE), and CROSSWALK_DOWNLOAD_SNAPSHOT, the checked
 * crosswalk the build hands over (downloads-snapshot.ts), and runs from the project root. Prints one JSON
 * line: `{"files": N, "bytes": N, "cached": N, "keys": {path: key}, "next": <part>|null, "cpuMs": N}`,
 * where keys are the cache keys of the files it wrote (the build records them for the next build) and
 * cpuMs is this process's CPU time, all its threads, start-up included (the build logs the sum, and the
 * benchmark reports what the pages cost without it).
 */
import { loadCrosswalk, siteToday } from '../lib/node/crosswalk.ts';
import { cacheDir, openCache, writeDownloads } from './downloads-cache.ts';
import { loadedFromSnapshot, SNAPSHOT_ENV } from './downloads-snapshot.ts';
import { DOWNLOAD_PARTS, downloads, sourceOfLoaded, type DownloadPart } from './downloads.ts';

const [outDir, first] = process.argv.slice(2);
if (!outDir || !DOWNLOAD_PARTS.includes(first as DownloadPart)) {
  console.error(`usage: node src/integrations/downloads-build.ts <outDir> ${DOWNLOAD_PARTS.join('|')}`);
  process.exit(2);
}
/**
 * Up to this many standards, one process renders every part: the separate processes exist for the
 * memory of large sites, and each costs a start-up and a load of the content (about 1 s of CPU at
 * 1,000 standards). One process rendering all parts peaked at 335 MB at 1,000 standards and 609 MB at
 * 3,000 (bench corpus, `bench/README.md`), far below what a process per part reaches at 20,000.
 */
const ONE_PROCESS_MAX_STANDARDS = 3_000;

// The content alone, without the pages' view models: the renderers need no more. From the build's
// snapshot when it gave one (downloads-snapshot.ts), else read and checked here.
const today = siteToday();
const contentDir = process.env.CROSSWALK_CONTENT ?? 'content';
const snapshot = process.env[SNAPSHOT_ENV];
const loaded = snapshot ? loadedFromSnapshot(snapshot, contentDir, today) : loadCrosswalk(contentDir, { today });
const onePass = loaded.data.standards.length <= ONE_PROCESS_MAX_STANDARDS;
const all = downloads(sourceOfLoaded(loaded, today, contentDir));
const dir = cacheDir();
const cache = dir ? openCache(dir) : undefined;

const done = { files: 0, bytes: 0, cached: 0, keys: {} as Record<string, string> };
let next: DownloadPart | null = null;
for (let i = DOWNLOAD_PARTS.indexOf(first as DownloadPart); i < DOWNLOAD_PARTS.length; i++) {
  const part = await writeDownloads(
    all.filter((d) => d.part === DOWNLOAD_PARTS[i]),
    outDir,
    cache,
  );
  done.files += part.files;
  done.bytes += part.bytes;
  done.cached += part.files - part.rendered.length;
  Object.assign(done.keys, part.keys);
  next = DOWNLOAD_PARTS[i + 1] ?? null;
  // Something large was rendered here, so its memory is held: the next part starts a fresh process.
  if (part.rendered.length > 0 && !onePass) break;
  next = null;
}
if (next === null) cache?.prune();
const cpu = process.cpuUsage();
console.log(JSON.stringify({ ...done, next, cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
