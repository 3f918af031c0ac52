/**
 * Reading the content folder as it was at a git ref, for `npm run diff` and `npm run release`. Reads
 * blobs straight from the object database (no checkout), so the working tree is never touched.
 */
import { execFileSync } from 'node:child_process';
import { EXCEPTIONS_FILE, type ExceptionsSource } from '../check/exceptions.ts';
import { checkSources } from '../check/index.ts';
import type { SourceFile } from '../content.ts';
import { GLOSSARY_FILE } from '../glossary.ts';
import { toCrosswalkData, type CrosswalkData } from '../crosswalk.ts';

export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

function git(args: string[], cwd: string, input?: string): Buffer {
  return execFileSync('git', args, {
    cwd,
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input !== undefined && { input }),
  });
}

/** The commit a ref names; GitError with a fix when it names none. */
export function resolveRef(ref: string, cwd = process.cwd()): string {
  try {
    git(['rev-parse', '--git-dir'], cwd);
  } catch {
    throw new GitError(`${cwd} is not inside a git repository; run the command from a clone of the crosswalk`);
  }
  if (ref.startsWith('-'))
    throw new GitError(`"${ref}" is not a git ref; give a branch, tag or commit (e.g. main, data-v1.0.0, HEAD~1)`);
  try {
    return git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd)
      .toString()
      .trim();
  } catch {
    throw new GitError(
      `unknown git ref "${ref}": no branch, tag or commit has that name. Check the spelling (\`git branch -a\`, \`git tag\`); ` +
        'in CI, fetch the full history (actions/checkout with fetch-depth: 0)',
    );
  }
}

/**
 * Every file under `contentDir` at a commit, shaped like readContentDir's output (which skips dotfiles,
 * README.md, the glossary and the exceptions file; the latter is returned separately).
 */
export function readContentAtRef(ref: string, contentDir: string, cwd = process.cwd()): SourceFile[] {
  return readAtRef(ref, contentDir, cwd).sources;
}

function readAtRef(
  ref: string,
  contentDir: string,
  cwd: string,
): { sources: SourceFile[]; exceptions?: ExceptionsSource } {
  const commit = resolveRef(ref, cwd);
  const dir = contentDir.replace(/\/+$/, '');
  const listing = git(['ls-tree', '-r', '-z', commit, '--', dir], cwd).toString();
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [, type, sha] = line.slice(0, tab).split(' ');
      return { type, sha: sha!, path: line.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && e.path.startsWith(`${dir}/`))
    .filter((e) => !e.path.split('/').some((seg) => seg.startsWith('.')) && !e.path.endsWith('/README.md'))
    .filter((e) => e.path !== `${dir}/${GLOSSARY_FILE}`);
  if (entries.length === 0) return { sources: [] };
  const out = git(['cat-file', '--batch'], cwd, `${entries.map((e) => e.sha).join('\n')}\n`);
  const files: SourceFile[] = [];
  let pos = 0;
  for (const e of entries) {
    const nl = out.indexOf(10, pos);
    const size = Number(out.subarray(pos, nl).toString().split(' ')[2]);
    const bytes = new Uint8Array(out.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
    files.push({ path: e.path, segments: e.path.slice(dir.length + 1).split('/'), bytes });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const exceptionsPath = `${dir}/${EXCEPTIONS_FILE}`;
  const ex = files.find((f) => f.path === exceptionsPath);
  const sources = files.filter((f) => f !== ex);
  if (!ex) return { sources };
  return {
    sources,
    exceptions: { path: exceptionsPath, text: new TextDecoder().decode(ex.bytes), contentPrefix: `${dir}/` },
  };
}

/** "2026-11-25+abc1234": date and short hash of the newest commit touching the content at a ref. */
function versionAtRef(ref: string, contentDir: string, cwd = process.cwd()): string {
  const commit = resolveRef(ref, cwd);
  const out = git(['log', '-1', '--format=%cs+%h', commit, '--', contentDir], cwd).toString().trim();
  return out || 'unversioned';
}

export interface DataAtRef {
  data: CrosswalkData;
  /** Content errors at that state: entries with errors are left out of `data`. */
  errors: number;
}

export function dataFromSources(
  sources: readonly SourceFile[],
  version: string,
  options: { today?: string; exceptions?: ExceptionsSource } = {},
): DataAtRef {
  const check = checkSources(sources, options);
  return { data: toCrosswalkData(check.content, version), errors: check.errors };
}

export function dataAtRef(ref: string, contentDir: string, cwd = process.cwd(), today?: string): DataAtRef {
  const { sources, exceptions } = readAtRef(ref, contentDir, cwd);
  return dataFromSources(sources, versionAtRef(ref, contentDir, cwd), {
    ...(today && { today }),
    ...(exceptions && { exceptions }),
  });
}

/** Data release tags (`data-v1.2.0`), newest version first. */
export function dataTags(cwd = process.cwd()): string[] {
  return git(['tag', '--list', 'data-v*', '--sort=-v:refname'], cwd)
    .toString()
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}
