/** The matrix page's size at 50 bodies × 100 characteristics, estimated from the fixture build's per-cell, per-row and per-column bytes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_DIR } from './setup.ts';

/** Bytes of the page that do not grow with the table, and the average bytes per cell, row header and column header. */
export function matrixCosts(html: string) {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  const cells = html.match(/<td\b.*?<\/td>/g) ?? [];
  const rowHeads = html.match(/<tr><th scope="row".*?<\/th>/g) ?? [];
  const colHeads = html.match(/<th scope="col" data-body.*?<\/th>/g) ?? [];
  const sum = (list: string[]) => list.reduce((n, s) => n + bytes(s), 0);
  const rowCost = (sum(rowHeads) + rowHeads.length * bytes('</tr>')) / rowHeads.length;
  return {
    fixed: bytes(html) - sum(cells) - rowCost * rowHeads.length - sum(colHeads),
    cell: sum(cells) / cells.length,
    row: rowCost,
    col: sum(colHeads) / colHeads.length,
    counts: { cells: cells.length, rows: rowHeads.length, cols: colHeads.length },
  };
}

describe('matrix page size', () => {
  it('stays under 1 MB at 50 bodies × 100 characteristics', () => {
    const c = matrixCosts(readFileSync(join(SITE_DIR, 'matrix', 'index.html'), 'utf8'));
    expect(c.counts).toEqual({ cells: 12, rows: 4, cols: 3 });
    const estimate = c.fixed + 100 * c.row + 50 * c.col + 50 * 100 * c.cell;
    console.log(
      `matrix page at 50 bodies × 100 characteristics: ~${Math.round(estimate / 1000)} kB ` +
        `(${c.cell.toFixed(0)} B per cell, ${c.row.toFixed(0)} B per row, ${c.col.toFixed(0)} B per body, ${Math.round(c.fixed)} B fixed)`,
    );
    expect(estimate).toBeLessThan(1_000_000);
  });
});
