/**
 * Reads one content file: encoding, line endings, frontmatter delimiters and YAML, each problem as a
 * located diagnostic. Two YAML parsers, one job each: js-yaml (YAML 1.2 core schema, duplicate keys
 * rejected) parses every file fast; `yaml` builds a document with node positions only when a message
 * needs a line (syntax errors, schema and rule findings) or the text may hold an alias. Measured on
 * 2,000 generated standards: 171 ms with js-yaml against 947 ms with `yaml` (bench/README.md).
 */
import jsYaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { EntityKind } from '../schemas/index.ts';
import type { Diagnostic, PathSegment } from './diagnostics.ts';

/** Content files are one entity each; anything this large is a mistake (a pasted PDF, a binary). */
const MAX_FILE_BYTES = 1_000_000;

export interface ParsedFile {
  /** Repository-relative path with forward slashes, e.g. `content/characteristics/x.md`. */
  path: string;
  data: Record<string, unknown>;
  /** Markdown body (after the closing `---`), LF line endings. */
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
  /** Raw frontmatter text (between the delimiters). */
  frontmatter: string;
  /** Set by the loader: what the file's place in content/ says it is. */
  kind?: EntityKind;
  id?: string;
}

export interface ParseResult {
  file?: ParsedFile;
  diagnostics: Diagnostic[];
}

function diag(
  path: string,
  line: number,
  column: number,
  message: string,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return { rule: 'syntax', severity: 'error', file: path, line, column, path: '', message, ...extra };
}

function lineColAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

const YAML_FIXES: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, never tabs',
  DUPLICATE_KEY: 'keep one of the two entries with this key and delete the other',
  BAD_INDENT: 'line the field up with the fields around it (two spaces per level)',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  BLOCK_AS_IMPLICIT_KEY: 'put the text in quotes, or check the indentation of the line before',
  MULTILINE_IMPLICIT_KEY: 'put text that contains a colon in quotes',
};

/** Strict UTF-8 (invalid bytes throw, a BOM is kept to be reported); reusable, as decode() is not streaming. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Lines in `s` up to its last line break, without copying it. */
function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The size in bytes of a file given as bytes or as text, when it is over the limit. A string's UTF-8
 * size is at least its length and at most three times it: only a string near the limit is encoded.
 */
function oversize(input: Uint8Array | string): number | undefined {
  if (typeof input !== 'string') return input.length > MAX_FILE_BYTES ? input.length : undefined;
  if (input.length * 3 <= MAX_FILE_BYTES) return undefined;
  const size = new TextEncoder().encode(input).length;
  return size > MAX_FILE_BYTES ? size : undefined;
}

/**
 * Parse one content file from its bytes, or from its text when the reader has already decoded it as
 * valid UTF-8 (content-dir.ts). Never throws.
 */
export function parseContentFile(path: string, input: Uint8Array | string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const size = oversize(input);
  if (size !== undefined) {
    diagnostics.push(
      diag(path, 1, 1, 'file is too large to be a content file', {
        rule: 'file-size',
        found: `${(size / 1_000_000).toFixed(1)} MB`,
        expected: `at most ${MAX_FILE_BYTES / 1_000_000} MB`,
        fix: 'a content file holds one entity with a short summary; link to long documents instead of pasting them',
      }),
    );
    return { diagnostics };
  }

  let text: string;
  if (typeof input === 'string') text = input;
  else
    try {
      text = UTF8.decode(input);
    } catch {
      const lossy = new TextDecoder('utf-8').decode(input);
      const at = lineColAt(lossy, lossy.indexOf('\uFFFD'));
      diagnostics.push(
        diag(path, at.line, at.column, 'file is not valid UTF-8', {
          rule: 'encoding',
          found: 'bytes that are not UTF-8 (often a file saved as Windows-1252 or Latin-1)',
          expected: 'UTF-8 text',
          fix: 'save the file with UTF-8 encoding in your editor, then check the character at this position',
        }),
      );
      return { diagnostics };
    }

  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(
      diag(path, 1, 1, 'file starts with a byte-order mark', {
        rule: 'encoding',
        severity: 'warning',
        fix: 'save as "UTF-8" rather than "UTF-8 with BOM"',
      }),
    );
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    diagnostics.push(
      diag(path, 1, 1, 'file has Windows (CRLF) or old Mac (CR) line endings', {
        rule: 'encoding',
        severity: 'warning',
        fix: 'set your editor to LF line endings (the repository .gitattributes does this on commit)',
      }),
    );
  }

  if (!/\S/.test(text)) {
    diagnostics.push(
      diag(path, 1, 1, 'file is empty', {
        found: 'an empty file',
        expected: 'frontmatter between two `---` lines, then the Markdown body',
        fix: 'run `npm run new` to scaffold a valid file, or delete this one',
      }),
    );
    return { diagnostics };
  }

  const firstLineEnd = text.indexOf('\n');
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  if (firstLine.trimEnd() !== '---') {
    diagnostics.push(
      diag(path, 1, 1, 'file has no frontmatter', {
        found: show1(firstLine),
        expected: 'the first line to be `---`',
        fix: 'start the file with a `---` line, the fields, and another `---` line before the Markdown body',
      }),
    );
    return { diagnostics };
  }
  const closing = /^---[ \t]*$/m;
  const rest = firstLineEnd === -1 ? '' : text.slice(firstLineEnd + 1);
  const match = closing.exec(rest);
  if (!match) {
    diagnostics.push(
      diag(path, 1, 1, 'frontmatter opened on line 1 is never closed', {
        found: 'no second `---` line',
        expected: 'a line `---` after the last field',
        fix: 'add a line with `---` between the fields and the Markdown body',
      }),
    );
    return { diagnostics };
  }
  const frontmatter = rest.slice(0, match.index);
  const afterClose = rest.slice(match.index + match[0].length);
  const body = afterClose.startsWith('\n') ? afterClose.slice(1) : afterClose;
  const fmLines = frontmatter === '' ? 0 : countLines(frontmatter) + (frontmatter.endsWith('\n') ? 0 : 1);
  const bodyLine = 1 + fmLines + 2;

  // Fast path: most files are valid and alias-free; js-yaml parses them without building positions.
  if (!/[&*]/.test(frontmatter)) {
    let fast: unknown;
    let ok = true;
    try {
      fast = jsYaml.load(frontmatter, { schema: jsYaml.CORE_SCHEMA, json: false });
    } catch {
      ok = false; // fall through to the slow path for a located, explained error
    }
    if (ok) {
      if (fast === null || fast === undefined || typeof fast !== 'object' || Array.isArray(fast)) {
        diagnostics.push(notFields(path, fast));
        return { diagnostics };
      }
      return { file: { path, data: fast as Record<string, unknown>, body, bodyLine, frontmatter }, diagnostics };
    }
  }
  const doc = remember(frontmatter, parseDocument(frontmatter, { uniqueKeys: true, prettyErrors: false }));
  for (const err of doc.errors) {
    const at = lineColAt(frontmatter, err.pos[0]);
    diagnostics.push(
      diag(path, at.line + 1, at.column, `YAML syntax error: ${err.message.split('\n')[0]}`, {
        found: show1(frontmatter.split('\n')[at.line - 1] ?? ''),
        expected: 'valid YAML `field: value` lines',
        fix: YAML_FIXES[err.code] ?? 'check quotes, colons and indentation; put text containing ": " or " #" in quotes',
      }),
    );
  }
  if (doc.errors.length > 0) return { diagnostics };
  for (const w of doc.warnings) {
    const at = lineColAt(frontmatter, w.pos[0]);
    diagnostics.push(diag(path, at.line + 1, at.column, `YAML: ${w.message.split('\n')[0]}`, { severity: 'warning' }));
  }

  // Content never needs anchors or aliases, and aliases can build cyclic or exploding data: refuse them.
  let alias: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      alias = node;
      return visit.BREAK;
    },
  });
  if (alias) {
    const at = lineColAt(frontmatter, alias.range?.[0] ?? 0);
    diagnostics.push(
      diag(path, at.line + 1, at.column, 'YAML alias in frontmatter', {
        found: show1(frontmatter.split('\n')[at.line - 1] ?? ''),
        expected: 'plain values: content files do not use anchors (`&name`) or aliases (`*name`)',
        fix: 'write the value out in full and remove the `&` and `*` markers',
      }),
    );
    return { diagnostics };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    // Unresolvable or exploding aliases (`*a` before `&a`, alias bombs) surface only when converting.
    diagnostics.push(
      diag(path, 2, 1, `YAML aliases cannot be resolved: ${(e as Error).message}`, {
        found: 'a YAML anchor/alias (`&name` / `*name`) that is undefined or expands too much',
        expected: 'plain values: content files do not need anchors or aliases',
        fix: 'write the value out in full and remove the `&` and `*` markers',
      }),
    );
    return { diagnostics };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(notFields(path, data));
    return { diagnostics };
  }
  return {
    file: { path, data: data as Record<string, unknown>, body, bodyLine, frontmatter },
    diagnostics,
  };
}

function notFields(path: string, data: unknown): Diagnostic {
  return diag(path, 2, 1, 'frontmatter is not a set of fields', {
    found: data === null || data === undefined ? 'no fields' : Array.isArray(data) ? 'a list' : show1(String(data)),
    expected: '`field: value` lines',
    fix: 'write each field on its own line as `name: value`',
  });
}

/** Position-keeping documents, built at most once per frontmatter text and only when needed. */
const docs = new Map<string, Document.Parsed>();
function remember(frontmatter: string, doc: Document.Parsed): Document.Parsed {
  if (docs.size > 1000) docs.clear(); // bounded: positions are needed only for files with findings
  docs.set(frontmatter, doc);
  return doc;
}
function documentOf(file: ParsedFile): Document.Parsed {
  return (
    docs.get(file.frontmatter) ??
    remember(file.frontmatter, parseDocument(file.frontmatter, { uniqueKeys: true, prettyErrors: false }))
  );
}

function show1(s: string): string {
  const t = s.length > 60 ? `${s.slice(0, 57)}...` : s;
  return JSON.stringify(t);
}

/**
 * Line and column (1-based, in the whole file) of the field at `path`, or of its closest existing
 * ancestor when the field is missing. With `key`, the position of the key rather than its value.
 */
export function locate(file: ParsedFile, path: readonly PathSegment[], key = false): { line: number; column: number } {
  let node: unknown = documentOf(file).contents;
  let pos: number | undefined = (node as Node | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      const k = pair.key as Node;
      const v = pair.value as Node | null;
      pos = key || !v?.range ? k.range?.[0] : v.range[0];
      node = v;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item?.range) break;
      pos = item.range[0];
      node = item;
    } else break;
  }
  if (pos === undefined) return { line: 2, column: 1 };
  const at = lineColAt(file.frontmatter, pos);
  return { line: at.line + 1, column: at.column };
}
