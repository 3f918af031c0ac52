/** One spawn per script: each starts as a process through runMain (`--help`, exit 0); the rest are in-process tests. */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.ts';

const env = { ...process.env, CROSSWALK_DATA_VERSION: 'fixture', GITHUB_ACTIONS: '', CI: '1' };
/** Start a script as a process (several at once: the step's time is mostly Node starting up). */
const run = (script: string, args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [`scripts/${script}.ts`, ...args], { encoding: 'utf8', env }, (e, stdout, stderr) =>
      done({ status: e ? Number(e.code ?? 1) : 0, stdout, stderr }),
    );
  });

const SCRIPTS = ['check', 'diff', 'drift', 'export', 'gaps', 'generate', 'import', 'new', 'release', 'review', 'test'];

describe.concurrent('every script starts as a process', () => {
  it.each(SCRIPTS)('%s --help prints its usage and exits 0', async (script) => {
    const r = await run(script, ['--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(script === 'test' ? 'npm test' : `npm run ${script}`);
  });
  it('a failure ends the process with its code and one message, no stack trace', async () => {
    const r = await run('check', ['--content', FIXTURES, '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^check: unknown --format "xml": expected human, json or github\nusage: /);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
  it('check on clean content exits 0 with its summary', async () => {
    const r = await run('check', ['--content', FIXTURES]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^checked 26 files: .*: 0 errors, 1 warning$/);
  });
});
