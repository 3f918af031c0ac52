/** The bench's CPU count includes orphans: runs python3 and two Node processes. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'bench-rusage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench/rusage.py', () => {
  it('counts the CPU of a process its parent killed without waiting for (as Pagefind’s Node API does)', () => {
    // The child spins until it has used 600 ms of CPU, says so, and spins on; the parent then kills
    // it and exits at once, so only a subreaper ever reaps it and receives its CPU time.
    const child = `const t=process.cpuUsage();let said=false;for(;;){const c=process.cpuUsage(t);if(!said&&c.user+c.system>6e5){process.stdout.write('ready');said=true;}}`;
    const parent =
      `const {spawn}=require('node:child_process');const c=spawn(process.execPath,['-e',${JSON.stringify(child)}]);` +
      `c.stdout.on('data',()=>{c.kill();process.exit(0);});`;
    const out = join(dir, 'rusage.json');
    execFileSync('python3', ['bench/rusage.py', out, process.execPath, '-e', parent], { stdio: 'ignore' });
    const r = JSON.parse(readFileSync(out, 'utf8')) as {
      subreaper: boolean;
      userS: number;
      sysS: number;
      exitCode: number;
    };
    expect(r.subreaper).toBe(true);
    expect(r.exitCode).toBe(0);
    expect(r.userS + r.sysS).toBeGreaterThanOrEqual(0.6);
  });
});
