/**
 * The crosswalk cut into shards for the browser's report builder, so what it downloads for a report
 * grows with the bodies chosen, not with the whole crosswalk: a small index (everything but the
 * standards), one shard per body (its editions' standards), and one per characteristic holding only
 * the model wording candidates (each edition's best few explicit or partial standards). Merged again
 * they give the same CrosswalkData the one engine reads, and the same report as the full data.
 */
import { computeCoverage, selectAccreditors, type Selection } from './coverage.ts';
import { indexCrosswalk, type CrosswalkData, type CrosswalkIndex, type StandardData } from './crosswalk.ts';
import { bestWording, gapCharacteristics } from './report/committee-model.ts';
import { buildReport, type ReportOptions } from './report/build.ts';
import type { GapReport } from './report/schema.ts';
import { parseSelection, type SelectionInput } from './selection.ts';

/** Everything but the standards: bodies, editions (with their review records), characteristics, and so on. */
export type ShardIndex = Omit<CrosswalkData, 'standards'>;
/** One body's standards: every edition of it, and any edition its editions supersede. */
export interface BodyShard {
  version: string;
  accreditor: string;
  standards: StandardData[];
}
/** Model wording candidates for one characteristic: each carries that characteristic's mapping only. */
export interface WordingShard {
  version: string;
  characteristic: string;
  standards: StandardData[];
}

/** Where each shard is published, relative to the data folder. */
export const SHARD_PATHS = {
  index: 'shards/index.json',
  body: (id: string) => `shards/bodies/${id}.json`,
  wording: (id: string) => `shards/wording/${id}.json`,
} as const;

/** Cuts the data into the index, body shards and wording shards (at build time, from the indexed crosswalk). */
export function splitCrosswalk(crosswalk: CrosswalkIndex): {
  index: ShardIndex;
  bodies: BodyShard[];
  wording: WordingShard[];
} {
  const { standards: _all, ...index } = crosswalk.data;
  const bodies = crosswalk.data.accreditors.map((a) => {
    const editions = new Set<string>();
    for (const e of crosswalk.editionsByAccreditor.get(a.id) ?? [])
      for (
        let id: string | undefined = e.id;
        id !== undefined && !editions.has(id);
        id = crosswalk.editions.get(id)?.supersedes
      )
        editions.add(id);
    const standards = [...editions].flatMap((id) => crosswalk.standardsByEdition.get(id) ?? []);
    return { version: crosswalk.data.version, accreditor: a.id, standards: standards.sort(byId) };
  });
  const wording = crosswalk.data.characteristics.map((c) => {
    const standards: StandardData[] = [];
    for (const e of crosswalk.data.editions) {
      const a = crosswalk.accreditors.get(e.accreditor);
      if (!a) continue;
      for (const w of bestWording(crosswalk, [{ a, e, selected: false }], c.id)) {
        const s = crosswalk.standards.get(w.id)!;
        standards.push({ ...s, mappings: s.mappings.filter((m) => m.characteristic === c.id) });
      }
    }
    return { version: crosswalk.data.version, characteristic: c.id, standards: standards.sort(byId) };
  });
  return { index, bodies, wording };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The shards back into CrosswalkData: the loaded bodies' standards in full, and from the wording
 * shards the candidates of the other bodies (a standard in several is merged, one mapping from each).
 * Shards of another data version are refused: mixed shards would give a report of no real state.
 */
export function mergeShards(
  index: ShardIndex,
  bodies: readonly BodyShard[],
  wording: readonly WordingShard[] = [],
): CrosswalkData {
  for (const shard of [...bodies, ...wording])
    if (shard.version !== index.version)
      throw new Error(
        `crosswalk data shards of different versions (${'accreditor' in shard ? shard.accreditor : shard.characteristic}: ${shard.version}, index: ${index.version}): reload the page`,
      );
  const standards = new Map<string, StandardData>();
  for (const b of bodies) for (const s of b.standards) standards.set(s.id, s);
  const full = new Set(standards.keys());
  for (const w of wording)
    for (const s of w.standards) {
      if (full.has(s.id)) continue;
      const have = standards.get(s.id);
      if (!have) standards.set(s.id, { ...s, mappings: [...s.mappings] });
      else
        for (const m of s.mappings)
          if (!have.mappings.some((x) => x.characteristic === m.characteristic)) have.mappings.push(m);
    }
  return { ...index, standards: [...standards.values()].sort(byId) };
}

/** Fetches one shard by its path under the data folder (the browser's fetch, or a test's lookup). */
export type LoadShard = (path: string) => Promise<unknown>;

/**
 * The report for a selection from the shards, loading only what it needs: the index, the chosen
 * bodies' shards, then the wording shards of the characteristics with a gap. Returns the report, the
 * parsed selection and the paths it loaded.
 */
export async function reportFromShards(
  load: LoadShard,
  input: SelectionInput,
  today: string,
  options: ReportOptions = {},
): Promise<{ report: GapReport; selection: Selection; loaded: string[] }> {
  const loaded: string[] = [];
  const get = async <T>(path: string) => {
    loaded.push(path);
    return (await load(path)) as T;
  };
  const index = await get<ShardIndex>(SHARD_PATHS.index);
  const bare = indexCrosswalk(mergeShards(index, []));
  const selection = parseSelection(bare, input, today);
  const chosen = selectAccreditors(bare, selection).map((a) => a.id);
  const bodies = await Promise.all(chosen.map((id) => get<BodyShard>(SHARD_PATHS.body(id))));
  const build = (crosswalk: CrosswalkIndex) => buildReport(crosswalk, selection, today, options);
  const withBodies = indexCrosswalk(mergeShards(index, bodies));
  // Model wording quotes any body in force: bodies not loaded come from the wording shards of the
  // characteristics with a gap, which the coverage of the chosen bodies alone says.
  const gaps =
    chosen.length < index.accreditors.length ? gapCharacteristics(computeCoverage(withBodies, selection)) : [];
  if (gaps.length === 0) return { report: build(withBodies), selection, loaded };
  const wording = await Promise.all(gaps.map((id) => get<WordingShard>(SHARD_PATHS.wording(id))));
  return { report: build(indexCrosswalk(mergeShards(index, bodies, wording))), selection, loaded };
}

/** How many shards `loadEarly` starts at once at most: a link names a handful of bodies. */
export const EARLY_SHARDS_MAX = 60;

/**
 * A loader that starts loading `paths` at once (the shards of the bodies a link names, fetched while
 * the index is), and hands each one over when reportFromShards asks for it; any other path is
 * loaded when asked for. A shard loaded early but never asked for is dropped, its failure unseen:
 * only what the report reads can fail it, with the loader's own error.
 */
export function loadEarly(load: LoadShard, paths: readonly string[]): LoadShard {
  const early = new Map<string, Promise<unknown>>();
  for (const path of paths.slice(0, EARLY_SHARDS_MAX)) {
    if (early.has(path)) continue;
    const loading = load(path);
    loading.catch(() => {}); // seen by whoever asks for it
    early.set(path, loading);
  }
  return (path) => {
    const loading = early.get(path);
    if (!loading) return load(path);
    early.delete(path);
    return loading;
  };
}
