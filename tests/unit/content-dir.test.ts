/** Reading content/ from disk: nothing under it is skipped in silence (symlinks, dotfiles, FIFOs). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDir, checkSources } from '../../src/lib/check/index.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { baseSet, TODAY } from '../helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The base set on disk, in a fresh temporary folder; returns the content root. */
function onDisk(): string {
  const root = mkdtempSync(join(tmpdir(), 'content-dir-'));
  dirs.push(root);
  const content = join(root, 'content');
  for (const [p, text] of Object.entries(baseSet())) {
    mkdirSync(dirname(join(content, p)), { recursive: true });
    writeFileSync(join(content, p), text);
  }
  return content;
}

const layout = (content: string) =>
  checkDir(content, { today: TODAY })
    .diagnostics.filter((d) => d.rule === 'layout')
    .map((d) => `${d.severity} ${d.file.replace(/^.*content\//, '')} | ${d.message} | fix ${d.fix}`);

describe('content folder on disk', () => {
  it('the base set on disk checks clean', () => {
    expect(checkDir(onDisk(), { today: TODAY }).diagnostics).toEqual([]);
  });

  it('a standards folder replaced by a symlink is an error, not ten false gaps', () => {
    const content = onDisk();
    const moved = join(dirname(content), 'elsewhere');
    execFileSync('mv', [join(content, 'standards/alpha-2020'), moved]);
    symlinkSync(moved, join(content, 'standards/alpha-2020'));
    const r = checkDir(content, { today: TODAY });
    expect(r.errors).toBeGreaterThan(0);
    expect(layout(content)).toEqual([
      `error standards/alpha-2020 | symbolic link (to ${JSON.stringify(moved)}) is not read: whatever it holds is missing from the crosswalk | fix replace the link with the real file or folder (copy or move it into content/), or delete the link`,
    ]);
  });

  it('a symlinked file, a dotfile, a dot-folder, a nested README and a FIFO are each reported', () => {
    const content = onDisk();
    symlinkSync('/etc/hostname', join(content, 'characteristics/linked.md'));
    symlinkSync('nowhere.md', join(content, 'characteristics/dangling.md'));
    writeFileSync(join(content, 'characteristics/.draft.md'), '---\nname: x\n---\n');
    mkdirSync(join(content, 'standards/.alpha-2019'));
    writeFileSync(join(content, 'standards/.alpha-2019/a-1.md'), baseSet()['standards/alpha-2020/a-1.md']!);
    writeFileSync(join(content, 'editions/README.md'), 'notes');
    execFileSync('mkfifo', [join(content, 'editions/pipe.md')]);
    expect(layout(content).sort()).toEqual([
      'error characteristics/dangling.md | symbolic link (to "nowhere.md") is not read: whatever it holds is missing from the crosswalk | fix replace the link with the real file or folder (copy or move it into content/), or delete the link',
      'error characteristics/linked.md | symbolic link (to "/etc/hostname") is not read: whatever it holds is missing from the crosswalk | fix replace the link with the real file or folder (copy or move it into content/), or delete the link',
      'error editions/README.md | README.md below the content root is not read | fix move its text into content/README.md, or into the Markdown body of the entity it is about',
      'error editions/pipe.md | a named pipe (FIFO) is not read | fix remove it from content/ and put a regular .md file there instead',
      'warning characteristics/.draft.md | hidden file (name starts with ".") is not read | fix delete it, or rename it without the leading dot if it is content',
      'warning standards/.alpha-2019/ | hidden folder (name starts with ".") is not read | fix rename the folder without the leading dot if it holds content, otherwise delete it',
    ]);
  });

  it('every entry on disk is either read or reported (the root README and exceptions file excepted)', () => {
    const content = onDisk();
    writeFileSync(join(content, 'README.md'), 'about');
    writeFileSync(join(content, 'notes.txt'), 'x');
    symlinkSync('alpha.md', join(content, 'accreditors/beta.md'));
    const sources = readContentDir(content);
    const r = checkDir(content, { today: TODAY });
    const read = new Set(r.content.files.map((f) => f.path));
    const reported = new Set(r.diagnostics.map((d) => d.file));
    for (const s of sources) expect(read.has(s.path) || reported.has(s.path), s.path).toBe(true);
    expect(sources.map((s) => s.segments.join('/'))).not.toContain('README.md');
    expect(sources.map((s) => s.segments.join('/'))).toContain('accreditors/beta.md');
  });

  it('reads files as text once, keeps exact bytes for a file that is not UTF-8, and never parses stale text', () => {
    const content = onDisk();
    const alpha = join(content, 'accreditors/alpha.md');
    const valid = readFileSync(alpha);
    // Latin-1 "é" in a field: invalid UTF-8, reported at its line and column.
    const latin1 = Buffer.concat([valid.subarray(0, 10), Buffer.from([0xe9]), valid.subarray(10)]);
    writeFileSync(alpha, latin1);
    // A real U+FFFD is valid UTF-8, but could have been invalid bytes: read as bytes, loads as text.
    const psy = join(content, 'characteristics/psychological-safety.md');
    writeFileSync(psy, readFileSync(psy, 'utf8').replace('Body.', 'Body \uFFFD.'));
    const sources = readContentDir(content);
    const bySeg = (p: string) => sources.find((s) => s.segments.join('/') === p)!;
    expect(Buffer.from(bySeg('accreditors/alpha.md').bytes).equals(latin1)).toBe(true);
    expect(bySeg('accreditors/alpha.md').text).toBeUndefined();
    expect(bySeg('characteristics/psychological-safety.md').text).toBeUndefined();
    // Every other file is read as text, its exact bytes made on request.
    const clean = sources.filter((s) => s.text !== undefined);
    expect(clean).toHaveLength(sources.length - 2);
    for (const s of clean) expect(Buffer.from(s.bytes).equals(readFileSync(join(content, ...s.segments)))).toBe(true);
    const r = checkDir(content, { today: TODAY });
    expect(
      r.diagnostics.map((d) => `${d.file.replace(/^.*content\//, '')}:${d.line}:${d.column} ${d.message}`),
    ).toEqual([
      'accreditors/alpha.md:2:7 file is not valid UTF-8',
      'editions/alpha-2020.md:2:13 refers to an accreditor that does not exist',
    ]);
    expect(r.content.characteristics[0]!.file.body).toContain('\uFFFD');
    // A writer's edited copy is parsed from its new bytes, not from the text read from disk.
    const read = clean.find((s) => s.segments[0] === 'editions')!;
    const edited = { ...read, bytes: new TextEncoder().encode(read.text!.replace(/^---\n/, '---\nunknownField: 1\n')) };
    const schemaPaths = (s: typeof read) =>
      checkSources([s])
        .diagnostics.filter((d) => d.rule === 'schema')
        .map((d) => d.path);
    expect(schemaPaths(read)).toEqual([]);
    expect(schemaPaths(edited)).toEqual(['unknownField']);
  });

  it('a file over the size limit read as text is refused with its size in bytes', () => {
    const content = onDisk();
    // 400,000 three-byte characters: 1.2 MB, though only 400,000 UTF-16 units.
    writeFileSync(join(content, 'accreditors/alpha.md'), `---\nname: ${'€'.repeat(400_000)}\n---\n`);
    const r = checkDir(content, { today: TODAY });
    expect(r.diagnostics.filter((d) => d.rule === 'file-size').map((d) => d.found)).toEqual(['1.2 MB']);
  });
});
