/**
 * The report builder's shards: merged again they give the same report as the whole crosswalk for the
 * same selection, while a four-body report loads the index, four body shards and the wording shards
 * of its gaps only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.ts';
import type { CrosswalkIndex } from '../../src/lib/crosswalk.ts';
import { loadCrosswalk } from '../../src/lib/node/crosswalk.ts';
import { buildReport } from '../../src/lib/report/build.ts';
import { parseSelection, type SelectionInput } from '../../src/lib/selection.ts';
import { mergeShards, reportFromShards, SHARD_PATHS, splitCrosswalk } from '../../src/lib/shards.ts';

const TODAY = '2026-11-25';
let dir: string;
let crosswalk: CrosswalkIndex;
let files: Map<string, unknown>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shards-'));
  writeCorpus(join(dir, 'content'), { bodies: 12, standardsPerBody: 40, characteristics: 30, seed: 3 });
  process.env.CROSSWALK_DATA_VERSION = 'shards-test';
  crosswalk = loadCrosswalk(join(dir, 'content'), { today: TODAY }).index;
  const { index, bodies, wording } = splitCrosswalk(crosswalk);
  // Through JSON, as the browser receives them.
  files = new Map<string, unknown>([
    [SHARD_PATHS.index, JSON.parse(JSON.stringify(index))],
    ...bodies.map((b) => [SHARD_PATHS.body(b.accreditor), JSON.parse(JSON.stringify(b))] as const),
    ...wording.map((w) => [SHARD_PATHS.wording(w.characteristic), JSON.parse(JSON.stringify(w))] as const),
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const load = (path: string) => {
  if (!files.has(path)) return Promise.reject(new Error(`no shard ${path}`));
  return Promise.resolve(structuredClone(files.get(path)));
};
const fromFull = (input: SelectionInput) => buildReport(crosswalk, parseSelection(crosswalk, input, TODAY), TODAY);

describe('report builder shards', () => {
  const ids = () => crosswalk.data.accreditors.map((a) => a.id);
  const cases: [string, () => SelectionInput][] = [
    ['one body', () => ({ accreditors: [ids()[0]!] })],
    ['four bodies', () => ({ accreditors: [ids()[1]!, ids()[4]!, ids()[7]!, ids()[9]!] })],
    ['four bodies on a past date', () => ({ accreditors: ids().slice(2, 6), on: '2020-03-01' })],
    ['a profession', () => ({ professions: [crosswalk.data.accreditors[0]!.professions[0]!] })],
    [
      'two bodies, some characteristics',
      () => ({
        accreditors: ids().slice(0, 2),
        characteristics: crosswalk.data.characteristics.slice(3, 6).map((c) => c.id),
      }),
    ],
    ['every body', () => ({})],
  ];
  it.each(cases)('give the same report as the whole crosswalk: %s', async (_name, input) => {
    const { report } = await reportFromShards(load, input(), TODAY);
    expect(report).toEqual(fromFull(input()));
  });

  it('quote other bodies in the model wording, as the whole crosswalk does', async () => {
    const input = { accreditors: [ids()[1]!, ids()[4]!, ids()[7]!, ids()[9]!] };
    const { report, loaded } = await reportFromShards(load, input, TODAY);
    const others = report.modelWording.flatMap((m) => m.standards).filter((s) => !s.selected);
    expect(others.length).toBeGreaterThan(0);
    const gaps = report.modelWording.map((m) => m.characteristic);
    expect(loaded.sort()).toEqual(
      [SHARD_PATHS.index, ...input.accreditors.map(SHARD_PATHS.body), ...gaps.map(SHARD_PATHS.wording)].sort(),
    );
  });

  it('keep each wording shard to a few standards per edition', () => {
    const { wording } = splitCrosswalk(crosswalk);
    for (const w of wording) expect(w.standards.length).toBeLessThanOrEqual(3 * crosswalk.data.editions.length);
    const all = wording.flatMap((w) => w.standards);
    expect(all.every((s) => s.mappings.length === 1)).toBe(true);
  });

  it('refuse shards of another data version', () => {
    const { index, bodies } = splitCrosswalk(crosswalk);
    expect(() => mergeShards(index, [{ ...bodies[0]!, version: 'older' }])).toThrow(/different versions.*reload/);
  });
});
