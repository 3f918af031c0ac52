/** `--out` writing across processes: one winner of racing writers, no temp file left by a signal. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshDirs, leftovers } from '../temp-dirs.ts';

const FILES = pathToFileURL(resolve(process.env.FILES_UNDER_TEST ?? 'src/lib/node/files.ts')).href;
const fresh = freshDirs('files-');

/** Run an ES module snippet in a child Node (the one running the tests); resolves with how it ended. */
function child(code: string, onLine?: (line: string, kill: (s: NodeJS.Signals) => void) => void) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((done) => {
    const p = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      for (const line of b.toString().split('\n').filter(Boolean)) onLine?.(line, (s) => p.kill(s));
    });
    p.on('exit', (c, s) => done({ code: c, signal: s, out }));
  });
}

describe('writeFileAtomic in several processes', () => {
  it('of four writers racing for one new file without force, exactly one succeeds', async () => {
    const dir = fresh();
    const out = join(dir, 'race.bin');
    const go = join(dir, 'go');
    let ready = 0;
    const runs = await Promise.all(
      Array.from({ length: 4 }, (_x, i) =>
        child(
          `
          const { existsSync } = await import('node:fs');
          const { writeFileAtomic } = await import(${JSON.stringify(FILES)});
          const data = Buffer.alloc(8_000_000, ${i + 1});
          console.log('ready');
          while (!existsSync(${JSON.stringify(go)}));
          try { writeFileAtomic(${JSON.stringify(out)}, data); console.log('won ${i + 1}'); }
          catch (e) { console.log(e.name); }
        `,
          (line) => {
            if (line === 'ready' && ++ready === 4) writeFileSync(go, '');
          },
        ),
      ),
    );
    const outs = runs.map((r) => r.out.replace('ready', '').trim());
    const winners = outs.filter((o) => o.startsWith('won'));
    expect(winners, outs.join(', ')).toHaveLength(1);
    expect(outs.filter((o) => o === 'OutputExistsError')).toHaveLength(3);
    const bytes = readFileSync(out);
    expect(bytes.length).toBe(8_000_000);
    expect(bytes[0]).toBe(Number(winners[0]!.split(' ')[1]));
    expect(bytes.every((b) => b === bytes[0])).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['go', 'race.bin']);
  }, 30_000);

  it('SIGTERM or SIGINT while a temporary file exists removes it and ends the process by that signal', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const dir = fresh();
      const run = await child(
        `
        const { createTemp } = await import(${JSON.stringify(FILES)});
        createTemp(${JSON.stringify(join(dir, 'out.csv'))});
        console.log('ready');
        setInterval(() => {}, 1000);
      `,
        (line, kill) => {
          if (line === 'ready') {
            expect(leftovers(dir)).toHaveLength(1);
            kill(signal);
          }
        },
      );
      expect(run.signal).toBe(signal);
      expect(leftovers(dir)).toEqual([]);
    }
  }, 30_000);
});
