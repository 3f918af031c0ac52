/**
 * The checked crosswalk handed from the build to its renderer processes (downloads-build.ts), so they
 * do not read, parse and check the content again. `astro build` has checked it already (and refuses to
 * build when it has errors); each renderer process used to repeat that, about 2.5 s of CPU per process
 * at 10,000 standards, three or four times a build. The snapshot holds the crosswalk's data (the
 * entities the reports and per-body files are made from, about 20 MB at 10,000 standards) in V8's
 * serialisation, which keeps every value as it was (tests/unit/downloads-snapshot.test.ts).
 * The export of the whole crosswalk also needs the checked files themselves; a process that renders
 * it loads them on first use, as before.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { indexCrosswalk, type CrosswalkData } from '../lib/crosswalk.ts';
import { loadCrosswalk, type Loaded } from '../lib/node/crosswalk.ts';

/** The environment variable that names the snapshot file for the renderer processes. */
export const SNAPSHOT_ENV = 'CROSSWALK_DOWNLOAD_SNAPSHOT';

interface Snapshot {
  contentDir: string;
  today: string;
  data: CrosswalkData;
}

/** Writes the snapshot of `loaded` to a new temporary folder; `remove` deletes it. */
export function writeSnapshot(loaded: Loaded, contentDir: string, today: string): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ipcle-snapshot-'));
  const file = join(dir, 'crosswalk.v8');
  const snapshot: Snapshot = { contentDir, today, data: loaded.data };
  writeFileSync(file, serialize(snapshot));
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The crosswalk as `loadCrosswalk(contentDir, { today })` returns it, from a snapshot: the data and its
 * index at once, the checked files (`check`) loaded from the content folder on first use. Refuses a
 * snapshot of another content folder or another day, which would render files of another state.
 */
export function loadedFromSnapshot(
  file: string,
  contentDir: string,
  today: string,
  load: typeof loadCrosswalk = loadCrosswalk,
): Loaded {
  const snapshot = deserialize(readFileSync(file)) as Snapshot;
  if (snapshot.contentDir !== contentDir || snapshot.today !== today)
    throw new Error(
      `the download snapshot ${file} is of ${snapshot.contentDir} on ${snapshot.today}, not of ${contentDir} on ${today}`,
    );
  const { data } = snapshot;
  let check: Loaded['check'] | undefined;
  return {
    data,
    index: indexCrosswalk(data),
    get check() {
      return (check ??= load(contentDir, { today }).check);
    },
  };
}
