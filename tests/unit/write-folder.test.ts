/** Multi-file export written as one change (issue 12, item 8): staged beside the target, renamed into place. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotRegularFileError, OutputExistsError } from '../../src/lib/node/files.ts';
import { writeFolderAtomic } from '../../src/lib/node/write-folder.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'write-folder-'));
});
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
/** Nothing but the target itself is left beside it: no staging or old folder. */
const leftovers = () => readdirSync(root).filter((n) => n.startsWith('.export'));

describe('writeFolderAtomic', () => {
  it('creates the folder with nested files and leaves nothing beside it', () => {
    writeFolderAtomic(join(root, 'out'), files({ 'a.json': 'A', 'csv/x.csv': 'X' }));
    expect([read('out/a.json'), read('out/csv/x.csv')]).toEqual(['A', 'X']);
    expect(leftovers()).toEqual([]);
  });

  it('refuses to overwrite without --force and changes nothing', () => {
    mkdirSync(join(root, 'out/csv'), { recursive: true });
    writeFileSync(join(root, 'out/csv/x.csv'), 'old');
    expect(() => writeFolderAtomic(join(root, 'out'), files({ 'a.json': 'A', 'csv/x.csv': 'X' }))).toThrow(
      OutputExistsError,
    );
    expect(readdirSync(join(root, 'out'))).toEqual(['csv']);
    expect(read('out/csv/x.csv')).toBe('old');
    expect(leftovers()).toEqual([]);
  });

  it('with --force replaces the outputs and keeps the other files', () => {
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out/a.json'), 'old');
    writeFileSync(join(root, 'out/notes.txt'), 'mine');
    expect(writeFolderAtomic(join(root, 'out'), files({ 'a.json': 'new' }), { force: true })).toEqual({ kept: 1 });
    expect([read('out/a.json'), read('out/notes.txt')]).toEqual(['new', 'mine']);
    expect(leftovers()).toEqual([]);
  });

  it('a failure part-way leaves the old folder whole, never old and new files mixed', () => {
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out/a.json'), 'old a');
    writeFileSync(join(root, 'out/b.json'), 'old b');
    // 'b.json/c' cannot be written once b.json is a file: the third write fails after two succeeded.
    expect(() =>
      writeFolderAtomic(join(root, 'out'), files({ 'a.json': 'new a', 'b.json': 'new b', 'b.json/c': 'x' }), {
        force: true,
      }),
    ).toThrow();
    expect([read('out/a.json'), read('out/b.json')]).toEqual(['old a', 'old b']);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a target that is a symlink, a file or a FIFO, and non-regular files inside, even with --force', () => {
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'link'));
    writeFileSync(join(root, 'file'), 'keep');
    execFileSync('mkfifo', [join(root, 'fifo')]);
    for (const [t, what] of [
      ['link', 'a symbolic link'],
      ['file', 'a regular file'],
      ['fifo', 'a named pipe (FIFO)'],
    ]) {
      const write = () => writeFolderAtomic(join(root, t!), files({ 'a.json': 'A' }), { force: true });
      expect(write, t).toThrow(NotRegularFileError);
      expect(write, t).toThrow(`${t} is ${what}, not a folder; refusing to replace it`);
    }
    mkdirSync(join(root, 'out'));
    symlinkSync('/etc/passwd', join(root, 'out/a.json'));
    expect(() => writeFolderAtomic(join(root, 'out'), files({ 'a.json': 'A' }), { force: true })).toThrow(
      /a\.json is a symbolic link/,
    );
    expect(read('file')).toBe('keep');
    expect(readdirSync(join(root, 'real'))).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('refuses to replace the folder it runs in', () => {
    expect(() => writeFolderAtomic('.', files({ 'a.json': 'A' }), { force: true })).toThrow(/current folder/);
  });
});
