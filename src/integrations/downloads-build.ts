/**
 * `node src/integrations/downloads-build.ts <outDir> alone|rest`: renders the downloads (downloads.ts)
 * marked `alone` (`alone`), or all the others (`rest`), into the built site. `astro build` runs it in
 * its own process (src/integrations/crosswalk.ts), `alone` then `rest`, so the PDF and XLSX rendering
 * runs on a second core while Astro renders the pages, and the memory of the largest file (which V8
 * keeps resident after it) is returned when its process exits. A file whose input is unchanged since
 * an earlier build is copied from the cache (downloads-cache.ts) instead; when `alone` rendered
 * nothing, the same process goes on with `rest` (no second load of the content). Any failure exits
 * non-zero with the error on stderr, which fails the build. Reads the same environment as the site
 * (CROSSWALK_CONTENT, CROSSWALK_TODAY, CROSSWALK_DATA_VERSION, CROSSWALK_DOWNLOAD_CACHE) and runs from
 * the project root. Prints one JSON line: `{"files": N, "bytes": N, "cached": N, "next": "rest"|null}`.
 */
import { getSite } from '../site/data.ts';
import { cacheDir, openCache, writeDownloads } from './downloads-cache.ts';
import { downloads } from './downloads.ts';

const [outDir, part] = process.argv.slice(2);
if (!outDir || (part !== 'alone' && part !== 'rest')) {
  console.error('usage: node src/integrations/downloads-build.ts <outDir> alone|rest');
  process.exit(2);
}
const all = downloads(getSite());
const dir = cacheDir();
const cache = dir ? openCache(dir) : undefined;
const of = (which: 'alone' | 'rest') => all.filter((d) => !!d.alone === (which === 'alone'));

const done = await writeDownloads(of(part), outDir, cache);
let next: 'rest' | null = null;
if (part === 'alone') {
  // Nothing large was rendered here, so no large memory is held: go on in this process.
  if (done.rendered.length > 0) next = 'rest';
  else {
    const rest = await writeDownloads(of('rest'), outDir, cache);
    done.files += rest.files;
    done.bytes += rest.bytes;
    done.rendered.push(...rest.rendered);
  }
}
if (next === null) cache?.prune();
console.log(JSON.stringify({ files: done.files, bytes: done.bytes, cached: done.files - done.rendered.length, next }));
