/** `--content DIR` means one thing for every command: that folder, with its own exceptions.yaml. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.ts';

const env = { ...process.env, CROSSWALK_DATA_VERSION: 'fixture', GITHUB_ACTIONS: '', CI: '1' };
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], { encoding: 'utf8', env });

describe('--content DIR on a copy of the content', () => {
  // The fixtures have one warning; the copy accepts it in its own exceptions.yaml.
  const dir = mkdtempSync(join(tmpdir(), 'ipcle-content-option-'));
  const content = join(dir, 'copy');
  cpSync(FIXTURES, content, { recursive: true });
  writeFileSync(
    join(content, 'exceptions.yaml'),
    '- rule: verification-source\n  file: standards/gamma-2025/g-3.md\n  reason: The fixture has no source URL yet.\n',
  );

  it('check, export and import all read the copy and its exceptions', () => {
    const check = run('check', '--content', content, '--strict');
    expect(check.stdout).toContain('0 errors, 0 warnings (1 accepted in exceptions.yaml)');
    expect(check.status).toBe(0);
    const out = join(dir, 'out');
    expect(run('export', '--content', content, '--out', out, '--format', 'xlsx').status).toBe(0);
    const imported = run('import', join(out, 'ipcle-crosswalk.xlsx'), '--content', content);
    expect(imported.stdout).not.toContain('no longer needed');
    expect(imported.stdout).toContain('no changes: the files already match the sheet');
    expect(imported.status).toBe(0);
  });
});
