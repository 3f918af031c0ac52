/** The bench builds the site as `npm run build` does: the Node flags come from package.json's build script. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectBuildFlags } from '../../bench/build.ts';

const ASTRO = 'node_modules/astro/bin/astro.mjs build';

describe('projectBuildFlags', () => {
  it("reads the flags of the project's own build script, which runs Astro with V8's single-threaded GC", () => {
    const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts
      .build!;
    const flags = projectBuildFlags();
    expect(flags).toContain('--single-threaded-gc');
    // Put back together, the flags give the script itself: nothing in it is left out of the bench's build.
    expect(['node', ...flags, ASTRO].join(' ')).toBe(script);
  });

  it('reads no flags, one flag, and flags with values', () => {
    expect(projectBuildFlags(`node ${ASTRO}`)).toEqual([]);
    expect(projectBuildFlags(`node --single-threaded-gc ${ASTRO}`)).toEqual(['--single-threaded-gc']);
    expect(projectBuildFlags(`node --max-semi-space-size=16 --no-opt ${ASTRO}`)).toEqual([
      '--max-semi-space-size=16',
      '--no-opt',
    ]);
  });

  it('refuses a script it could not run as it is, saying which form it needs', () => {
    for (const script of [
      'astro build',
      `node ${ASTRO} && echo done`,
      `NODE_OPTIONS=--x node ${ASTRO}`,
      `node --x ${ASTRO} --outDir elsewhere`,
      `node scripts/build.ts`,
      '',
    ])
      expect(() => projectBuildFlags(script), script).toThrow(
        /the bench runs the same build and needs it in the form "node \[--flag \.\.\.\] node_modules\/astro\/bin\/astro\.mjs build"/,
      );
  });
});
