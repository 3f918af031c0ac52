/**
 * The build writes the large text downloads in pieces (write) and the dev server and the report
 * builder make them whole (render): both must give the same bytes, for every text download, and the
 * pieces must stay small.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { downloads, sourceOfLoaded } from '../../src/integrations/downloads.ts';
import { csvChunks, csvField, toCsv } from '../../src/lib/csv.ts';
import { loadCrosswalk } from '../../src/lib/node/crosswalk.ts';
import { FIXTURES } from '../helpers.ts';

const TODAY = '2026-11-25';

/** What a stream receives, and the largest single write. */
async function written(write: (to: Writable) => Promise<void>): Promise<{ text: string; largest: number }> {
  const parts: Buffer[] = [];
  let largest = 0;
  const to = new Writable({
    write(chunk: Buffer, _enc, done) {
      parts.push(chunk);
      largest = Math.max(largest, chunk.length);
      done();
    },
  });
  await write(to);
  return { text: Buffer.concat(parts).toString('utf8'), largest };
}

describe('streamed downloads', () => {
  it('give the same text as rendered whole, for every text download that has both', async () => {
    process.env.CROSSWALK_DATA_VERSION = 'fixture';
    const all = downloads(sourceOfLoaded(loadCrosswalk(FIXTURES, { today: TODAY }), TODAY, FIXTURES));
    const both = all.filter((d) => d.write && !d.path.endsWith('.xlsx'));
    // The all-bodies report's CSV and JSON, the export's JSON and every export CSV.
    expect(both.map((d) => d.path)).toEqual(
      expect.arrayContaining(['data/gap-report-all.csv', 'data/gap-report-all.json', 'data/export/mappings.csv']),
    );
    for (const d of both) {
      const rendered = await d.render();
      const text = typeof rendered === 'string' ? rendered : new TextDecoder().decode(rendered);
      expect((await written(d.write!)).text, d.path).toBe(text);
    }
  });

  it('write a large CSV in pieces of about the size asked for, with the same text as toCsv', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`row ${i}`, i, i % 7 === 0 ? '=SUM(A1)' : 'a, "b"\nc']);
    const header = ['name', 'n', 'text'];
    const chunks = [...csvChunks(header, rows, 4096)];
    // RFC 4180 with a BOM, written out: every line, CRLF after each.
    const whole = `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
    expect(chunks.join('')).toBe(whole);
    expect(toCsv(header, rows)).toBe(whole);
    expect(chunks.length).toBeGreaterThan(10);
    // A piece ends at a row and holds one row more than the size at most.
    for (const c of chunks.slice(0, -1)) {
      expect(c.endsWith('\r\n')).toBe(true);
      expect(c.length).toBeLessThan(4096 + 64);
    }
  });
});
