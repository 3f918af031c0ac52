/**
 * `node src/integrations/downloads-build.ts <outDir> largest|others`: renders the downloads (downloads.ts)
 * marked `ownProcess` (`largest`), or all the others (`others`), into the built site. `astro build` runs it in
 * its own process (src/integrations/crosswalk.ts), `largest` then `others`, so the PDF and XLSX rendering
 * runs on a second core while Astro renders the pages, and the memory of the largest file (which V8
 * keeps resident after it) is returned when its process exits. A file whose input is unchanged since
 * an earlier build is copied from the cache (downloads-cache.ts) instead; when `largest` rendered
 * nothing, the same process goes on with `others` (no second load of the content). Any failure exits
 * non-zero with the error on stderr, which fails the build. Reads the same environment as the site
 * (CROSSWALK_CONTENT, CROSSWALK_TODAY, CROSSWALK_DATA_VERSION, CROSSWALK_DOWNLOAD_CACHE) and runs from
 * the project root. Prints one JSON line: `{"files": N, "bytes": N, "cached": N, "next": "others"|null}`.
 */
import { getSite } from '../site/data.ts';
import { cacheDir, openCache, writeDownloads } from './downloads-cache.ts';
import { downloads } from './downloads.ts';

const [outDir, part] = process.argv.slice(2);
if (!outDir || (part !== 'largest' && part !== 'others')) {
  console.error('usage: node src/integrations/downloads-build.ts <outDir> largest|others');
  process.exit(2);
}
const all = downloads(getSite());
const dir = cacheDir();
const cache = dir ? openCache(dir) : undefined;
const of = (which: 'largest' | 'others') => all.filter((d) => !!d.ownProcess === (which === 'largest'));

const done = await writeDownloads(of(part), outDir, cache);
let next: 'others' | null = null;
if (part === 'largest') {
  // Nothing large was rendered here, so no large memory is held: go on in this process.
  if (done.rendered.length > 0) next = 'others';
  else {
    const others = await writeDownloads(of('others'), outDir, cache);
    done.files += others.files;
    done.bytes += others.bytes;
    done.rendered.push(...others.rendered);
  }
}
if (next === null) cache?.prune();
console.log(JSON.stringify({ files: done.files, bytes: done.bytes, cached: done.files - done.rendered.length, next }));
