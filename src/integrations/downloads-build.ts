/**
 * `node src/integrations/downloads-build.ts <outDir> alone|rest`: renders the downloads (downloads.ts)
 * marked `alone` (`alone`), or all the others (`rest`), into the built site. `astro build` runs it in
 * its own process (src/integrations/crosswalk.ts), `alone` then `rest`, so the PDF and XLSX rendering
 * runs on a second core while Astro renders the pages, and the memory of the largest file (which V8
 * keeps resident after it) is returned when its process exits. Any failure exits non-zero with the
 * error on stderr, which fails the build. Reads the same environment as the site (CROSSWALK_CONTENT,
 * CROSSWALK_TODAY, CROSSWALK_DATA_VERSION) and runs from the project root. Prints one JSON line:
 * `{"files": N, "bytes": N}`.
 */
import { createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getSite } from '../site/data.ts';
import { downloads } from './downloads.ts';

const [outDir, part] = process.argv.slice(2);
if (!outDir || (part !== 'alone' && part !== 'rest')) {
  console.error('usage: node src/integrations/downloads-build.ts <outDir> alone|rest');
  process.exit(2);
}
const files = downloads(getSite()).filter((d) => !!d.alone === (part === 'alone'));
let bytes = 0;
for (const file of files) {
  const to = join(outDir, file.path);
  mkdirSync(dirname(to), { recursive: true });
  if (file.write) {
    // Streamed (the XLSX files): resolves once the file stream has finished.
    await file.write(createWriteStream(to));
    bytes += statSync(to).size;
    continue;
  }
  const body = await file.render();
  writeFileSync(to, body);
  bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}
console.log(JSON.stringify({ files: files.length, bytes }));
