/** `--out` writing: no replaced devices, FIFOs or symlinks (racing writers and signals: tests/process/files.test.ts). */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotRegularFileError, OutputExistsError, writeFileAtomic } from '../../src/lib/node/files.ts';
import { freshDirs, leftovers } from '../temp-dirs.ts';

const fresh = freshDirs('files-');

describe('writeFileAtomic', () => {
  it('refuses to replace a character device, a FIFO, a symlink or a folder, even with force', () => {
    const dir = fresh();
    execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    writeFileSync(join(dir, 'real.txt'), 'keep');
    symlinkSync(join(dir, 'real.txt'), join(dir, 'link.txt'));
    symlinkSync(join(dir, 'missing.txt'), join(dir, 'dangling.txt'));
    mkdirSync(join(dir, 'folder'));
    for (const [name, what] of [
      ['null', 'a character device'],
      ['fifo', 'a named pipe (FIFO)'],
      ['link.txt', 'a symbolic link'],
      ['dangling.txt', 'a symbolic link'],
      ['folder', 'a folder'],
    ]) {
      for (const force of [true, false]) {
        expect(() => writeFileAtomic(join(dir, name!), 'x', { force }), name).toThrow(NotRegularFileError);
        expect(() => writeFileAtomic(join(dir, name!), 'x', { force })).toThrow(`is ${what}, not a regular file`);
      }
    }
    expect(lstatSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
    expect(lstatSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'dangling.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('keep');
    expect(leftovers(dir)).toEqual([]);
  });

  it('creates a new file, refuses an existing one without force, replaces a regular file with force', () => {
    const dir = fresh();
    const out = join(dir, 'sub', 'report.md');
    writeFileAtomic(out, 'one');
    expect(() => writeFileAtomic(out, 'two')).toThrow(OutputExistsError);
    expect(readFileSync(out, 'utf8')).toBe('one');
    writeFileAtomic(out, 'three', { force: true });
    expect(readFileSync(out, 'utf8')).toBe('three');
    expect(leftovers(join(dir, 'sub'))).toEqual([]);
  });

  it('a legal 240-character file name works (the temporary name is short)', () => {
    const dir = fresh();
    const out = join(dir, `${'n'.repeat(236)}.csv`);
    writeFileAtomic(out, 'a,b\n');
    writeFileAtomic(out, 'c,d\n', { force: true });
    expect(readFileSync(out, 'utf8')).toBe('c,d\n');
  });
});
