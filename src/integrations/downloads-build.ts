/**
 * `node src/integrations/downloads-build.ts <outDir> <part>`: renders the downloads (downloads.ts) of one
 * renderer part (DOWNLOAD_PARTS: `largest`, `bodies`, `others`) into the built site. `astro build` runs
 * the parts one after another, each in a process of its own (src/integrations/crosswalk.ts), so the PDF
 * and XLSX rendering runs on a second core while Astro renders the pages, and the memory of each part
 * (which V8 keeps resident) is returned when its process exits. A file whose input is unchanged since an
 * earlier build is copied from the cache (downloads-cache.ts) instead; when a part rendered nothing, the
 * same process goes on with the next part (no second load of the content). Any failure exits non-zero
 * with the error on stderr, which fails the build. Reads the same environment as the site
 * (CROSSWALK_CONTENT, CROSSWALK_TODAY, CROSSWALK_DATA_VERSION, CROSSWALK_DOWNLOAD_CACHE) and runs from
 * the project root. Prints one JSON line: `{"files": N, "bytes": N, "cached": N, "next": <part>|null}`.
 */
import { loadCrosswalk, siteToday } from '../lib/node/crosswalk.ts';
import { cacheDir, openCache, writeDownloads } from './downloads-cache.ts';
import { DOWNLOAD_PARTS, downloads, sourceOfLoaded, type DownloadPart } from './downloads.ts';

const [outDir, first] = process.argv.slice(2);
if (!outDir || !DOWNLOAD_PARTS.includes(first as DownloadPart)) {
  console.error(`usage: node src/integrations/downloads-build.ts <outDir> ${DOWNLOAD_PARTS.join('|')}`);
  process.exit(2);
}
// The content alone, without the pages' view models: the renderers need no more.
const today = siteToday();
const all = downloads(sourceOfLoaded(loadCrosswalk(process.env.CROSSWALK_CONTENT ?? 'content', { today }), today));
const dir = cacheDir();
const cache = dir ? openCache(dir) : undefined;

const done = { files: 0, bytes: 0, cached: 0 };
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
  next = DOWNLOAD_PARTS[i + 1] ?? null;
  // Something large was rendered here, so its memory is held: the next part starts a fresh process.
  if (part.rendered.length > 0) break;
  next = null;
}
if (next === null) cache?.prune();
console.log(JSON.stringify({ ...done, next }));
