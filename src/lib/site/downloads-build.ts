/**
 * `node src/lib/site/downloads-build.ts <outDir>`: renders every download (downloads.ts) into the
 * built site. `astro build` runs it in its own process (src/integrations/crosswalk.ts) so the PDF and
 * XLSX rendering runs on a second core while Astro renders the pages; any failure exits non-zero with
 * the error on stderr, which fails the build. Reads the same environment as the site
 * (CROSSWALK_CONTENT, CROSSWALK_TODAY, CROSSWALK_DATA_VERSION) and runs from the project root.
 * Prints one JSON line: `{"files": N, "bytes": N}`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getSite } from './data.ts';
import { downloads } from './downloads.ts';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node src/lib/site/downloads-build.ts <outDir>');
  process.exit(2);
}
const files = downloads(getSite());
let bytes = 0;
for (const file of files) {
  const body = await file.render();
  const to = join(outDir, file.path);
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, body);
  bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}
console.log(JSON.stringify({ files: files.length, bytes }));
