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
import { renderReportHtml } from '../../src/lib/report/html.ts';
import { parseSelection, type SelectionInput } from '../../src/lib/selection.ts';
import {
  EARLY_SHARDS_MAX,
  loadEarly,
  mergeShards,
  reportFromShards,
  SHARD_PATHS,
  splitCrosswalk,
} from '../../src/lib/shards.ts';

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

describe('shards a link names, loaded early', () => {
  /** A loader that records every path it was asked for, in order. */
  const counting = () => {
    const asked: string[] = [];
    return { asked, load: (path: string) => (asked.push(path), load(path)) };
  };

  it('are asked for at once, handed over when the report needs them, and never loaded twice', async () => {
    const ids = crosswalk.data.accreditors.map((a) => a.id).slice(0, 4);
    const { asked, load: inner } = counting();
    const early = loadEarly(inner, ids.map(SHARD_PATHS.body));
    // Before the report asks for anything, the four body shards are on their way.
    expect(asked).toEqual(ids.map(SHARD_PATHS.body));
    const { report, loaded } = await reportFromShards(early, { accreditors: ids }, TODAY);
    expect(report).toEqual(fromFull({ accreditors: ids }));
    // Every shard the report read was loaded once: the early ones were not fetched again.
    expect([...asked].sort()).toEqual([...loaded].sort());
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('an early shard nobody asks for fails nothing; one the report reads fails it with its own error', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const id = crosswalk.data.accreditors[0]!.id;
      const early = loadEarly(load, [SHARD_PATHS.body('no-such-body'), SHARD_PATHS.body(id)]);
      await expect(reportFromShards(early, { accreditors: [id] }, TODAY)).resolves.toBeDefined();
      const failing = loadEarly(() => Promise.reject(new Error('network down')), [SHARD_PATHS.index]);
      await expect(reportFromShards(failing, { accreditors: [id] }, TODAY)).rejects.toThrow('network down');
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('are capped, so a link naming a thousand bodies does not fetch a thousand files at once', () => {
    const { asked, load: inner } = counting();
    const paths = Array.from({ length: 1000 }, (_, i) => SHARD_PATHS.body(`body-${i}`));
    loadEarly(inner, [...paths, paths[0]!]);
    expect(asked).toEqual(paths.slice(0, EARLY_SHARDS_MAX));
  });
});

describe("the builder's collapsed sections", () => {
  const links = { standard: String, characteristic: String, accreditor: String, edition: String };

  it("are every closed section's contents, and put back in place they give the same HTML", () => {
    const report = fromFull({});
    const html = renderReportHtml(report, links);
    const bodies: string[] = [];
    const first = renderReportHtml(report, links, {
      collapsed: (body) => `<div data-collapsed="${bodies.push(body) - 1}"></div>`,
    });
    const initiatives = (html.match(/<details><summary>/g) ?? []).length;
    expect(initiatives).toBeGreaterThan(0);
    // Each initiative's list and the evidence appendix, and nothing else.
    expect(bodies).toHaveLength(initiatives + 1);
    expect(bodies.at(-1)).toMatch(
      /^<div class="table-wrap"[^>]*aria-label="Evidence quality"><table>.*<\/table><\/div>$/s,
    );
    for (const body of bodies.slice(0, -1)) expect(body).toMatch(/^<ul>\n<li>.*<\/li>\n<\/ul>$/s);
    // What is shown first is the report without them: well under half of it here.
    expect(first.length).toBeLessThan(html.length / 2);
    expect(first.replace(/<div data-collapsed="(\d+)"><\/div>/g, (_, i: string) => bodies[Number(i)]!)).toBe(html);
  });
});
