/** Large JSON downloads are written in pieces that join to exactly JSON.stringify(value, null, 2). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/lib/json-chunks.ts';
import { writeChunks } from '../../src/lib/node/write-chunks.ts';
import { buildReport } from '../../src/lib/report/build.ts';
import { renderJson } from '../../src/lib/report/index.ts';
import { exportDocument, exportJson } from '../../src/lib/spreadsheet/export.ts';
import { loadFixtures, TODAY } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'json-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const joined = (v: unknown, options?: { levels?: number; size?: number }) => [...jsonChunks(v, options)].join('');

describe('JSON in pieces', () => {
  it('joins to JSON.stringify(value, null, 2) for any JSON-like value, at any depth and piece size', () => {
    const value = fc.oneof(
      fc.array(fc.jsonValue(), { maxLength: 6 }),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue(), { maxKeys: 6 }),
    );
    fc.assert(
      fc.property(value, fc.nat(4), fc.integer({ min: 1, max: 64 }), (v, levels, size) => {
        expect(joined(v, { levels, size })).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves out what JSON.stringify leaves out and writes dates through toJSON', () => {
    const v = {
      a: undefined,
      b: [undefined, () => 1, 2],
      c: new Date('2026-01-02T03:04:05Z'),
      d: { nested: { deeper: [1, { e: 'x\ny' }] } },
      f: Object.assign(Object.create(null), { g: 1 }),
      h: {},
      i: [],
    };
    for (const levels of [0, 1, 2, 3, 5]) expect(joined(v, { levels, size: 1 })).toBe(JSON.stringify(v, null, 2));
  });

  it('the report and the data export streamed to a file are byte-identical to their one-string renderers', async () => {
    const { index, check } = loadFixtures();
    const report = buildReport(
      index,
      { accreditors: [], professions: [], kinds: [], countries: [], characteristics: [], on: TODAY },
      TODAY,
    );
    const cases = [
      ['report.json', jsonChunks(report, { size: 100 }), renderJson(report)],
      [
        'export.json',
        jsonChunks(exportDocument(check.content, 'v-test'), { size: 100 }),
        exportJson(check.content, 'v-test'),
      ],
    ] as const;
    for (const [name, chunks, expected] of cases) {
      const to = join(dir, name);
      await writeChunks(createWriteStream(to), [...chunks, '\n']);
      expect(readFileSync(to, 'utf8')).toBe(expected);
      expect(expected.length).toBeGreaterThan(1000);
    }
  });
});
