/**
 * Reads a content folder into typed entries: layout (which folder means which kind), syntax
 * (frontmatter/YAML) and schema stages. Cross-file rules run afterwards over the result (check/).
 */
import type { z } from 'astro/zod';
import { SCHEMAS, stubSchema, FOLDERS, type EntityData, type EntityKind, type Stub } from '../schemas/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import { parseContentFile, type ParsedFile } from './frontmatter.ts';
import { compileFastParse, NOT_FAST, type FastParse } from './zod-fast.ts';
import { zodIssuesToDiagnostics } from './zod-issues.ts';

export interface Entry<K extends EntityKind = EntityKind> {
  kind: K;
  /** The ID: file name without .md; for standards `<edition-id>/<file-name>`. */
  id: string;
  file: ParsedFile;
  data: EntityData[K];
}
export interface StandardEntry extends Entry<'standard'> {
  /** The edition folder the file lives in. */
  edition: string;
  /** File name without .md. */
  stem: string;
}
export interface StubEntry {
  kind: EntityKind;
  id: string;
  file: ParsedFile;
  data: Stub;
}

export interface Content {
  files: ParsedFile[];
  characteristics: Entry<'characteristic'>[];
  accreditors: Entry<'accreditor'>[];
  editions: Entry<'edition'>[];
  standards: StandardEntry[];
  initiatives: Entry<'initiative'>[];
  recommendations: Entry<'recommendation'>[];
  stubs: StubEntry[];
  diagnostics: Diagnostic[];
}

export interface SourceFile {
  /** Path shown in messages: relative to the working directory, forward slashes. */
  path: string;
  /** Path segments below the content root. */
  segments: string[];
  bytes: Uint8Array;
  /**
   * The file's text, when the reader has already decoded it and knows it is valid UTF-8 (then the
   * loader parses it without decoding `bytes` again). Set as a non-enumerable property, so that a copy
   * with other bytes (`{ ...source, bytes }`) is parsed from its bytes, never from stale text.
   */
  text?: string;
  /** Set when the reader found something it would not read: reported by the loader, never dropped. */
  unread?: Unread;
}

/**
 * Why an entry under content/ was not read. A symlink can point outside the repository or turn a
 * folder of standards into nothing, so it is never followed; FIFOs and devices can hang a read.
 */
export type Unread =
  | { reason: 'symlink'; target: string }
  | { reason: 'hidden'; folder: boolean }
  | { reason: 'special'; type: string }
  | { reason: 'readme' };

const KIND_BY_FOLDER = new Map<string, EntityKind>(
  (Object.entries(FOLDERS) as [EntityKind, string][]).map(([k, f]) => [f, k]),
);

/** The finding for an entry the reader did not read: what it is, and how to bring its content in. */
function unreadDiag(src: SourceFile, unread: Unread): Diagnostic {
  const at = { rule: 'layout', file: src.path, line: 1, column: 1, path: '', found: src.segments.join('/') };
  switch (unread.reason) {
    case 'symlink':
      return {
        ...at,
        severity: 'error',
        message: `symbolic link (to ${JSON.stringify(unread.target)}) is not read: whatever it holds is missing from the crosswalk`,
        found: `${src.segments.join('/')} -> ${unread.target}`,
        expected: 'regular files and folders inside content/',
        fix: 'replace the link with the real file or folder (copy or move it into content/), or delete the link',
      };
    case 'hidden':
      return {
        ...at,
        severity: 'warning',
        message: `hidden ${unread.folder ? 'folder' : 'file'} (name starts with ".") is not read`,
        expected: 'no hidden files in content/ (editor backups, .DS_Store, renamed-away folders)',
        fix: unread.folder
          ? 'rename the folder without the leading dot if it holds content, otherwise delete it'
          : 'delete it, or rename it without the leading dot if it is content',
      };
    case 'special':
      return {
        ...at,
        severity: 'error',
        message: `${unread.type} is not read`,
        expected: 'regular files and folders inside content/',
        fix: 'remove it from content/ and put a regular .md file there instead',
      };
    case 'readme':
      return {
        ...at,
        severity: 'error',
        message: 'README.md below the content root is not read',
        expected: 'notes for authors in content/README.md or CONTRIBUTING.md',
        fix: 'move its text into content/README.md, or into the Markdown body of the entity it is about',
      };
    default:
      return unread satisfies never;
  }
}

function layoutDiag(src: SourceFile, message: string, fix: string): Diagnostic {
  return {
    rule: 'layout',
    severity: 'error',
    file: src.path,
    line: 1,
    column: 1,
    path: '',
    message,
    found: src.segments.join('/'),
    expected:
      'characteristics/<id>.md, accreditors/<id>.md, editions/<id>.md, initiatives/<id>.md, recommendations/<id>.md or standards/<edition-id>/<code>.md',
    fix,
  };
}

/** Which kind a file is, from where it lives; undefined (with a diagnostic) if it is misplaced. */
function classify(
  src: SourceFile,
  diagnostics: Diagnostic[],
): { kind: EntityKind; edition?: string; stem: string } | undefined {
  const segs = src.segments;
  const name = segs[segs.length - 1]!;
  if (!name.endsWith('.md')) {
    diagnostics.push(
      layoutDiag(src, 'not a Markdown file', 'content files end in .md; move other files out of content/'),
    );
    return undefined;
  }
  const stem = name.slice(0, -3);
  const kind = KIND_BY_FOLDER.get(segs[0]!);
  if (!kind) {
    diagnostics.push(layoutDiag(src, 'file is in no known content folder', 'move it into the folder for its kind'));
    return undefined;
  }
  if (kind === 'standard') {
    if (segs.length !== 3) {
      diagnostics.push(
        layoutDiag(
          src,
          'standards live one folder deep, in a folder named after their edition',
          'move it to standards/<edition-id>/',
        ),
      );
      return undefined;
    }
    return { kind, edition: segs[1]!, stem };
  }
  if (segs.length !== 2) {
    diagnostics.push(
      layoutDiag(
        src,
        `${FOLDERS[kind]} files live directly in ${FOLDERS[kind]}/`,
        `move it to ${FOLDERS[kind]}/${name}`,
      ),
    );
    return undefined;
  }
  return { kind, stem };
}

/** Each kind's fast path (zod-fast.ts), compiled on first use. */
const FAST = new Map<EntityKind, FastParse<unknown>>();
function fastParser(kind: EntityKind): FastParse<unknown> {
  let parse = FAST.get(kind);
  if (!parse) FAST.set(kind, (parse = compileFastParse(SCHEMAS[kind] as z.ZodType)));
  return parse;
}

/**
 * Validate one parsed file against its kind's schema (or the stub schema): valid files through the
 * schema's fast path, anything else through zod, which explains what is wrong.
 */
function validateData<K extends EntityKind>(
  kind: K,
  file: ParsedFile,
): { data?: EntityData[K]; stub?: Stub; diagnostics: Diagnostic[] } {
  if ('replacedBy' in file.data) {
    const r = stubSchema.safeParse(file.data);
    return r.success
      ? { stub: r.data, diagnostics: [] }
      : { diagnostics: zodIssuesToDiagnostics(r.error.issues, file, stubSchema) };
  }
  const fast = fastParser(kind)(file.data);
  if (fast !== NOT_FAST) return { data: fast as EntityData[K], diagnostics: [] };
  const schema = SCHEMAS[kind] as z.ZodType;
  const r = schema.safeParse(file.data);
  return r.success
    ? { data: r.data as EntityData[K], diagnostics: [] }
    : { diagnostics: zodIssuesToDiagnostics(r.error.issues, file, schema) };
}

/** Parse and schema-check already-read files. Never throws on bad content. */
export function loadFiles(sources: readonly SourceFile[]): Content {
  const content: Content = {
    files: [],
    characteristics: [],
    accreditors: [],
    editions: [],
    standards: [],
    initiatives: [],
    recommendations: [],
    stubs: [],
    diagnostics: [],
  };
  for (const src of sources) {
    if (src.unread) {
      content.diagnostics.push(unreadDiag(src, src.unread));
      continue;
    }
    const where = classify(src, content.diagnostics);
    if (!where) continue;
    const parsed = parseContentFile(src.path, src.text ?? src.bytes);
    content.diagnostics.push(...parsed.diagnostics);
    const file = parsed.file;
    if (!file) continue;
    content.files.push(file);
    const { kind, edition, stem } = where;
    const id = edition === undefined ? stem : `${edition}/${stem}`;
    file.kind = kind;
    file.id = id;
    const v = validateData(kind, file);
    content.diagnostics.push(...v.diagnostics);
    if (v.stub) {
      content.stubs.push({ kind, id, file, data: v.stub });
      continue;
    }
    if (!v.data) continue;
    switch (kind) {
      case 'characteristic':
        content.characteristics.push({ kind, id, file, data: v.data as EntityData['characteristic'] });
        break;
      case 'accreditor':
        content.accreditors.push({ kind, id, file, data: v.data as EntityData['accreditor'] });
        break;
      case 'edition':
        content.editions.push({ kind, id, file, data: v.data as EntityData['edition'] });
        break;
      case 'standard':
        content.standards.push({ kind, id, file, data: v.data as EntityData['standard'], edition: edition!, stem });
        break;
      case 'initiative':
        content.initiatives.push({ kind, id, file, data: v.data as EntityData['initiative'] });
        break;
      case 'recommendation':
        content.recommendations.push({ kind, id, file, data: v.data as EntityData['recommendation'] });
        break;
      default:
        kind satisfies never;
    }
  }
  return content;
}

/** All valid entries of one kind. */
export function entriesOf(content: Content, kind: EntityKind): readonly { id: string; file: ParsedFile }[] {
  switch (kind) {
    case 'characteristic':
      return content.characteristics;
    case 'accreditor':
      return content.accreditors;
    case 'edition':
      return content.editions;
    case 'standard':
      return content.standards;
    case 'initiative':
      return content.initiatives;
    case 'recommendation':
      return content.recommendations;
    default:
      return kind satisfies never;
  }
}
