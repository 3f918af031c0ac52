/**
 * npm test's runner (scripts/test.ts): the static steps run side by side, their output shown whole in
 * the chain's order, and every step's result is counted in that order.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runChain, type Step } from '../../scripts/test.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'test-chain-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A step running a few lines of JavaScript in a Node process of its own. */
const js = (name: string, code: string, alongside = true): Step => ({
  name,
  cmd: [process.execPath, '-e', code],
  alongside,
});

/**
 * `waits` ends only once `starts` has begun (it waits for the file `starts` creates), and fails after
 * two seconds without it: it passes only when the two run at the same time.
 */
function pair() {
  const flag = JSON.stringify(join(dir, 'started'));
  const waits = js(
    'waits',
    `const fs = require('node:fs'); const t0 = Date.now();
     const poll = () => fs.existsSync(${flag}) ? console.log('waits saw the other step')
       : Date.now() - t0 > 2000 ? (console.error('waits: the other step never started'), process.exit(3))
       : setTimeout(poll, 20);
     poll();`,
  );
  const starts = js('starts', `require('node:fs').writeFileSync(${flag}, ''); console.log('starts ran')`);
  return { waits, starts };
}

/**
 * `first` takes half a second and writes when it ended; `second` writes when it started. Run side by
 * side, `second` starts long before `first` ends; one after the other, never.
 */
function timed() {
  const file = (name: string) => JSON.stringify(join(dir, name));
  const first = js(
    'first',
    `setTimeout(() => require('node:fs').writeFileSync(${file('first-end')}, String(Date.now())), 500)`,
  );
  const second = js('second', `require('node:fs').writeFileSync(${file('second-start')}, String(Date.now()))`);
  const read = (name: string) => Number(readFileSync(join(dir, name), 'utf8'));
  return { first, second, order: () => ({ firstEnd: read('first-end'), secondStart: read('second-start') }) };
}

async function run(steps: Step[], parallel: number) {
  let out = '';
  const done: { name: string; status: number | null; output: string }[] = [];
  await runChain(
    steps,
    parallel,
    (step, ended) => done.push({ name: step.name, status: ended.status, output: ended.output?.toString() ?? '' }),
    (text) => (out += text),
  );
  return { out, done };
}

describe('npm test runner', () => {
  it('runs steps marked alongside at the same time, and shows and counts them in the chain’s order', async () => {
    const { waits, starts } = pair();
    const quick = js('quick', `console.log('quick ran')`);
    const { out, done } = await run([waits, starts, quick], 2);
    expect(done.map((d) => [d.name, d.status])).toEqual([
      ['waits', 0],
      ['starts', 0],
      ['quick', 0],
    ]);
    // Each step's header, then its own output, whole: never interleaved with another's.
    const at = (s: string) => out.indexOf(s);
    expect(at('▶ waits:')).toBeLessThan(at('waits saw the other step'));
    expect(at('waits saw the other step')).toBeLessThan(at('▶ starts:'));
    expect(at('▶ starts:')).toBeLessThan(at('starts ran'));
    expect(at('starts ran')).toBeLessThan(at('▶ quick:'));
    expect(at('▶ quick:')).toBeLessThan(at('quick ran'));
  });

  it('runs them one at a time on one core', async () => {
    const { first, second, order } = timed();
    await run([first, second], 1);
    const t = order();
    expect(t.secondStart).toBeGreaterThanOrEqual(t.firstEnd);
  });

  it('runs a step not marked alongside only after the steps before it have ended', async () => {
    const { first, second, order } = timed();
    await run([first, { ...second, alongside: false }], 2);
    const t = order();
    expect(t.secondStart).toBeGreaterThanOrEqual(t.firstEnd);
  });

  it('keeps a failing step’s exit code and output, and names a command that cannot start', async () => {
    const failing = js('failing', `console.error('something is wrong'); process.exit(4)`);
    const missing: Step = { name: 'missing', cmd: [join(dir, 'no-such-command')], alongside: true };
    const { done, out } = await run([failing, missing], 2);
    expect(done[0]).toMatchObject({ name: 'failing', status: 4 });
    expect(done[0]!.output).toContain('something is wrong');
    expect(done[1]).toMatchObject({ name: 'missing', status: 127 });
    expect(out).toMatch(/missing: spawn .*no-such-command ENOENT/);
  });
});
