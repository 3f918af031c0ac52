/**
 * The content folder read from disk into SourceFiles (content.ts loads them): every entry below the
 * root, in name order, with anything the loader must report (a symlink, a dotfile, a special file)
 * marked rather than read or dropped.
 */
import { readdirSync, readFileSync, readlinkSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceFile, Unread } from '../content.ts';
import { GLOSSARY_FILE } from '../glossary.ts';

/** What kind of non-regular entry a directory entry is, in words for the message. */
function specialType(d: Dirent): string {
  if (d.isFIFO()) return 'a named pipe (FIFO)';
  if (d.isSocket()) return 'a socket';
  if (d.isCharacterDevice()) return 'a character device';
  if (d.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const ENCODER = new TextEncoder();

/**
 * A regular file read as text (one native decode; most files are valid UTF-8), its bytes made again
 * only if someone asks. A replacement character means invalid bytes or a real U+FFFD: then the bytes
 * are read as they are, for the loader to say exactly where the file is not UTF-8.
 */
function readSource(base: SourceFile, abs: string): SourceFile {
  const text = readFileSync(abs, 'utf8');
  if (text.includes('\uFFFD')) return { ...base, bytes: readFileSync(abs) };
  const { bytes: _none, ...rest } = base;
  const source: SourceFile = {
    ...rest,
    get bytes() {
      return ENCODER.encode(text);
    },
  };
  // Not enumerable: `{ ...source, bytes }` (a writer's edited copy) must not carry the old text along.
  return Object.defineProperty(source, 'text', { value: text, enumerable: false });
}

/**
 * Every entry below `root`, read into memory. Only the root README.md, exceptions file and glossary are
 * passed over (documentation, the check's own input, the site's glossary); a symlink, a dotfile or
 * dot-folder, a README elsewhere or a special file comes back with `unread` set so the loader reports it.
 */
export function readContentDir(root: string, cwd = process.cwd()): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string, segs: string[]) => {
    let names;
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new Error(`cannot read the content folder ${dir}: ${(e as Error).message}`, { cause: e });
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of names) {
      if (segs.length === 0 && (d.name === 'README.md' || d.name === 'exceptions.yaml' || d.name === GLOSSARY_FILE))
        continue;
      const abs = join(dir, d.name);
      const entry = (unread?: Unread): SourceFile => ({
        path: relative(cwd, abs).split(sep).join('/') + (d.isDirectory() ? '/' : ''),
        segments: [...segs, d.name],
        bytes: new Uint8Array(0),
        ...(unread && { unread }),
      });
      if (d.isSymbolicLink()) {
        let target = '?';
        try {
          target = readlinkSync(abs);
        } catch {
          // unreadable link: the message still names it
        }
        out.push(entry({ reason: 'symlink', target }));
      } else if (d.name.startsWith('.')) out.push(entry({ reason: 'hidden', folder: d.isDirectory() }));
      else if (d.isDirectory()) walk(abs, [...segs, d.name]);
      else if (!d.isFile()) out.push(entry({ reason: 'special', type: specialType(d) }));
      else if (d.name === 'README.md') out.push(entry({ reason: 'readme' }));
      else out.push(readSource(entry(), abs));
    }
  };
  walk(root, []);
  return out;
}
