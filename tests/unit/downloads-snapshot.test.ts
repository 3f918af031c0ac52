/**
 * The build hands its checked crosswalk to the download renderers (src/integrations/downloads-snapshot.ts):
 * what they load from it must be what they would have loaded themselves, and the checked files must
 * be read only by the part that needs them (the export).
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadedFromSnapshot, writeSnapshot } from '../../src/integrations/downloads-snapshot.ts';
import { downloads, sourceOfLoaded, type DownloadPart } from '../../src/integrations/downloads.ts';
import { loadCrosswalk } from '../../src/lib/node/crosswalk.ts';
import { FIXTURES, loadFixtures, TODAY } from '../helpers.ts';

const full = loadFixtures();
const removals: (() => void)[] = [];
afterEach(() => {
  for (const remove of removals.splice(0)) remove();
});

function snapshotOfFixtures() {
  const snapshot = writeSnapshot(full, FIXTURES, TODAY);
  removals.push(snapshot.remove);
  let loads = 0;
  const counted: typeof loadCrosswalk = (dir, options) => {
    loads++;
    return loadCrosswalk(dir, options);
  };
  const loaded = loadedFromSnapshot(snapshot.file, FIXTURES, TODAY, counted);
  return { snapshot, loaded, loads: () => loads };
}

const inPart = (part: DownloadPart) => (d: { part: DownloadPart }) => d.part === part;

describe('download snapshot', () => {
  it('gives the renderers the same data and index as loading the content', () => {
    const { loaded } = snapshotOfFixtures();
    expect(loaded.data.standards.length).toBeGreaterThan(5);
    expect(isDeepStrictEqual(loaded.data, full.data)).toBe(true);
    expect(isDeepStrictEqual(loaded.index, full.index)).toBe(true);
  });

  it('renders the reports and per-body files without reading the content again, and the same inputs and text', async () => {
    const { loaded, loads } = snapshotOfFixtures();
    const fromSnapshot = downloads(sourceOfLoaded(loaded, TODAY, FIXTURES));
    const fromContent = downloads(sourceOfLoaded(full, TODAY, FIXTURES));
    const parts: DownloadPart[] = ['bodies', 'largest', 'reports'];
    let compared = 0;
    for (const part of parts) {
      const ours = fromSnapshot.filter(inPart(part));
      const theirs = fromContent.filter(inPart(part));
      expect(ours.map((d) => d.path)).toEqual(theirs.map((d) => d.path));
      for (const [i, d] of ours.entries()) {
        // The cache key's input decides whether a file is rendered again: it must be the same.
        expect(isDeepStrictEqual(d.input(), theirs[i]!.input())).toBe(true);
        // Text files are compared whole (PDF and XLSX carry the time they were made).
        if (/\.(csv|json|md)$/.test(d.path)) {
          expect(Buffer.from(await d.render()).equals(Buffer.from(await theirs[i]!.render()))).toBe(true);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(3);
    expect(loads()).toBe(0);
  });

  it('loads the checked files once, when the export needs them, and exports the same text', async () => {
    const { loaded, loads } = snapshotOfFixtures();
    const exports = downloads(sourceOfLoaded(loaded, TODAY, FIXTURES)).filter(inPart('exports'));
    const theirs = downloads(sourceOfLoaded(full, TODAY, FIXTURES)).filter(inPart('exports'));
    // Their cache keys need no checked files: a build whose export is unchanged never loads them.
    for (const [i, d] of exports.entries()) expect(d.input()).toEqual(theirs[i]!.input());
    expect(loads()).toBe(0);
    const json = exports.findIndex((d) => d.path.endsWith('.json'));
    expect(json).toBeGreaterThanOrEqual(0);
    expect(Buffer.from(await exports[json]!.render()).equals(Buffer.from(await theirs[json]!.render()))).toBe(true);
    for (const d of exports) if (/\.csv$/.test(d.path)) await d.render();
    expect(loads()).toBe(1);
  });

  it('refuses a snapshot of another day or another content folder, naming both', () => {
    const { snapshot } = snapshotOfFixtures();
    expect(() => loadedFromSnapshot(snapshot.file, FIXTURES, '2027-01-01')).toThrow(
      /snapshot .* is of tests\/fixtures\/content on 2026-11-25, not of tests\/fixtures\/content on 2027-01-01/,
    );
    expect(() => loadedFromSnapshot(snapshot.file, 'content', TODAY)).toThrow(/not of content on 2026-11-25/);
  });

  it('is removed with its folder', () => {
    const { snapshot } = snapshotOfFixtures();
    expect(existsSync(snapshot.file)).toBe(true);
    snapshot.remove();
    expect(existsSync(dirname(snapshot.file))).toBe(false);
  });
});
