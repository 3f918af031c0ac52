/** The benchmark's synthetic corpus is valid content with the requested counts and realistic shapes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate.ts';
import { checkDir, checkSources } from '../../src/lib/check/index.ts';
import type { SourceFile } from '../../src/lib/content.ts';

const TODAY = '2026-11-25';
const options = { bodies: 10, standardsPerBody: 30, characteristics: 25, initiatives: 4 };
const enc = new TextEncoder();

function sources(files: { path: string; text: string }[]): SourceFile[] {
  return files.map((f) => ({ path: `content/${f.path}`, segments: f.path.split('/'), bytes: enc.encode(f.text) }));
}

describe('bench corpus generator', () => {
  const { files, stats } = generateCorpus(options);
  const result = checkSources(sources(files), { today: TODAY });

  it('passes check with no errors and no warnings', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.errors).toBe(0);
  });

  it('has the requested counts', () => {
    const c = result.content;
    expect(c.accreditors).toHaveLength(10);
    expect(c.standards).toHaveLength(300);
    expect(c.characteristics).toHaveLength(25);
    expect(c.initiatives).toHaveLength(4);
    expect(c.stubs).toHaveLength(1);
    expect(stats).toMatchObject({ accreditors: 10, standards: 300, characteristics: 25, initiatives: 4, stubs: 1 });
    expect(stats.files).toBe(files.length);
    const mappings = c.standards.reduce((n, s) => n + s.data.mappings.length, 0);
    expect(stats.mappings).toBe(mappings);
  });

  it('has realistic shapes', () => {
    const c = result.content;
    const perStandard = c.standards.map((s) => s.data.mappings.length);
    expect(Math.min(...perStandard)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perStandard)).toBeLessThanOrEqual(8);
    const mean = perStandard.reduce((a, b) => a + b, 0) / perStandard.length;
    expect(mean).toBeGreaterThan(3.4);
    expect(mean).toBeLessThan(4.6);
    // Bodies of a few sentences.
    for (const s of c.standards) expect(s.file.body.split('. ').length).toBeGreaterThanOrEqual(2);
    // Review records on every edition; some multi-edition bodies, one in transition.
    expect(c.editions.every((e) => e.data.reviews.length > 0)).toBe(true);
    const superseding = c.editions.filter((e) => e.data.supersedes !== undefined);
    expect(superseding.length).toBe(2);
    expect(superseding.some((e) => e.data.transitionNote !== undefined)).toBe(true);
    expect(c.editions).toHaveLength(12);
    // Reviewed, disputed and quoted mappings all occur.
    const all = c.standards.flatMap((s) => s.data.mappings);
    expect(all.some((m) => m.reviews.length >= 2)).toBe(true);
    expect(all.some((m) => m.reviews.some((r) => r.verdict === 'dissent'))).toBe(true);
    expect(all.some((m) => m.quote !== undefined)).toBe(true);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateCorpus(options).files).toEqual(files);
    expect(generateCorpus({ ...options, seed: 2 }).files).not.toEqual(files);
  });

  it('writes the same corpus to disk, which checkDir accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    try {
      const written = writeCorpus(join(dir, 'content'), { bodies: 3, standardsPerBody: 8, characteristics: 5 });
      const r = checkDir(join(dir, 'content'), { today: TODAY });
      expect(r.errors).toBe(0);
      expect(r.content.standards).toHaveLength(24);
      expect(written.standards).toBe(24);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
