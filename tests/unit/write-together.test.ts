import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { writeTogether, WriteTogetherError, type FileWrite, type WriteOps } from '../../src/lib/node/write-together.ts';
import { exportTables, renderCsvFiles } from '../../src/lib/spreadsheet/export.ts';
import { planImport } from '../../src/lib/spreadsheet/import.ts';
import { csvWorkbook } from '../../src/lib/spreadsheet/read.ts';
import { FIXTURES, TODAY } from '../helpers.ts';
import { runMain } from '../run-main.ts';
import { main as importMain } from '../../scripts/import.ts';

/** Three files in a fresh folder, and the writes that would change them. */
function three(): { dir: string; writes: FileWrite[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ipcle-together-'));
  const writes = ['a', 'b', 'c'].map((n) => {
    const path = join(dir, `${n}.md`);
    writeFileSync(path, `old ${n}\n`);
    return { path, data: `new ${n}\n`, before: `old ${n}\n` };
  });
  return { dir, writes };
}

const texts = (writes: FileWrite[]) => writes.map((w) => readFileSync(w.path, 'utf8'));
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** Disk operations that fail like an unwritable target when they reach `path`. */
function failingAt(path: string, op: keyof WriteOps, times = Infinity): WriteOps {
  let left = times;
  const refuse = (p: string) => {
    if (p === path && left-- > 0)
      throw Object.assign(new Error(`EACCES: permission denied, ${op} '${p}'`), { code: 'EACCES' });
  };
  return {
    write: (p, data, options) => {
      if (op === 'write') refuse(p.replace(/\/\.([^/]+)\.\d+-\w+\.tmp$/, '/$1'));
      writeFileSync(p, data, options);
    },
    rename: (from, to) => {
      if (op === 'rename') refuse(to);
      renameSync(from, to);
    },
  };
}

describe('writeTogether: an import is written whole or not at all', () => {
  it('writes every file, keeps their permissions and leaves no temporary file', () => {
    const { dir, writes } = three();
    chmodSync(writes[1]!.path, 0o600);
    writeTogether(writes);
    expect(texts(writes)).toEqual(['new a\n', 'new b\n', 'new c\n']);
    expect(statSync(writes[1]!.path).mode & 0o777).toBe(0o600);
    expect(temps(dir)).toEqual([]);
  });

  it('a target that cannot be replaced rolls back the files already replaced', () => {
    const { dir, writes } = three();
    const run = () => writeTogether(writes, failingAt(writes[2]!.path, 'rename'));
    expect(run).toThrow(WriteTogetherError);
    expect(run).toThrow(
      /^cannot replace .*c\.md \(EACCES\); the 2 file\(s\) already replaced were restored; nothing written$/,
    );
    expect(texts(writes)).toEqual(['old a\n', 'old b\n', 'old c\n']);
    expect(temps(dir)).toEqual([]);
  });

  it('a file that cannot be staged stops before anything is replaced', () => {
    const { dir, writes } = three();
    expect(() => writeTogether(writes, failingAt(writes[1]!.path, 'write'))).toThrow(
      /^cannot write .*b\.md \(EACCES\); nothing written$/,
    );
    expect(texts(writes)).toEqual(['old a\n', 'old b\n', 'old c\n']);
    expect(temps(dir)).toEqual([]);
  });

  it('a file changed since the plan was made is not overwritten, and nothing else is written', () => {
    const { dir, writes } = three();
    writeFileSync(writes[2]!.path, 'edited meanwhile\n');
    expect(() => writeTogether(writes)).toThrow(/c\.md changed while the import was being planned; nothing written/);
    expect(texts(writes)).toEqual(['old a\n', 'old b\n', 'edited meanwhile\n']);
    expect(temps(dir)).toEqual([]);
  });

  it('says which files it could not restore, when even the rollback fails', () => {
    const { dir, writes } = three();
    let renames = 0;
    const ops: WriteOps = {
      write: writeFileSync,
      rename: (from, to) => {
        // The first rename succeeds; every later one (the second file, then the rollback) fails.
        if (renames++ > 0) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        renameSync(from, to);
      },
    };
    let error: WriteTogetherError | undefined;
    try {
      writeTogether(writes, ops);
    } catch (e) {
      error = e as WriteTogetherError;
    }
    expect(error?.unrestored).toEqual([writes[0]!.path]);
    expect(error?.message).toMatch(/could not restore .*a\.md: they hold the imported text/);
    expect(temps(dir)).toEqual([]);
  });
});

describe('npm run import --write with an unwritable target', () => {
  it('exits 1 with a summary, no stack trace, every file as it was and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipcle-import-write-'));
    const content = join(dir, 'content');
    cpSync(FIXTURES, content, { recursive: true });
    const sources = () => readContentDir(content, dir);
    const csv = renderCsvFiles(exportTables(loadFiles(sources())))
      .get('mappings.csv')!
      .replace('learners can raise concerns without fear.', 'learners can raise concerns without any fear.')
      .replace('for clinical staff but not for learners.', 'for clinical staff and not for learners.');
    writeFileSync(join(dir, 'mappings.csv'), csv);
    const plan = planImport(sources(), csvWorkbook('mappings.csv', [{ path: 'mappings.csv', text: csv }]), {
      today: TODAY,
    });
    expect(plan.diagnostics).toEqual([]);
    expect(plan.files).toHaveLength(2);
    const before = sources().map((s) => [s.path, Buffer.from(s.bytes).toString()]);
    // The last file in write order cannot be replaced, so the first must be rolled back. Root ignores
    // permissions, so there the file is made immutable instead.
    const target = join(dir, plan.files[1]!.file);
    const root = process.getuid?.() === 0;
    const lock = root ? spawnSync('chattr', ['+i', target]) : (chmodSync(join(target, '..'), 0o555), { status: 0 });
    if (lock.status !== 0) return void console.warn('skipped: chattr is not available to make a file immutable');
    try {
      const r = await runMain(importMain, ['mappings.csv', '--write'], { cwd: dir });
      expect(r.status).toBe(1);
      const last = r.stdout.trim().split('\n').at(-1);
      expect(last).toMatch(
        /^could not write 2 file\(s\) \(\d+ change\(s\)\): cannot (replace|write) .*g-3\.md \(E\w+\)/,
      );
      if (root) expect(last).toContain('the 1 file(s) already replaced were restored; nothing written');
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/^\s+at /m);
      expect(sources().map((s) => [s.path, Buffer.from(s.bytes).toString()])).toEqual(before);
      const leftovers = readdirSync(content, { recursive: true }).filter((n) => String(n).endsWith('.tmp'));
      expect(leftovers).toEqual([]);
    } finally {
      if (root) spawnSync('chattr', ['-i', target]);
      else chmodSync(join(target, '..'), 0o755);
    }
  });
});
