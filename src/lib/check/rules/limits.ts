/**
 * Whatever a writer refuses, the check refuses first: a spreadsheet cell over Excel's limit, a file
 * name too long for the file system, a Markdown body longer than a summary. Limits: src/lib/limits.ts.
 */
import { entriesOf, type StandardEntry } from '../../content.ts';
import type { PathSegment } from '../../diagnostics.ts';
import type { ParsedFile } from '../../frontmatter.ts';
import { slugifyCode } from '../../ids.ts';
import { MAX_BODY_CHARS, WRITER_LIMITS } from '../../limits.ts';
import { encodeCell } from '../../spreadsheet/cells.ts';
import { SHEETS, sheetColumns, type Column, type SheetSpec } from '../../spreadsheet/columns.ts';
import { getPath } from '../../spreadsheet/rows.ts';
import type { Report, Rule, RuleContext } from '../types.ts';

const CELL = WRITER_LIMITS.cellChars;
const n = (x: number) => x.toLocaleString('en');

/**
 * A file whose frontmatter is this short cannot fill a cell: the export's encodings (YAML, JSON for
 * lists) at most sextuple a character (`\uXXXX`), plus indentation for the schemas' shallow nesting.
 */
const mayOverflow = (file: ParsedFile) => file.frontmatter.length * 8 + 256 > CELL;

interface Row {
  file: ParsedFile;
  /** Frontmatter of the row's own values: the entity, or one entry of a standard's mappings. */
  entry: unknown;
  /** Where `entry` sits in the file. */
  prefix: PathSegment[];
  standard?: StandardEntry;
}

function rowsOf(spec: SheetSpec, ctx: RuleContext): Row[] {
  const { content } = ctx;
  // A review's cells are its short fields; the schema bounds them.
  if (spec.row === 'review') return [];
  if (spec.row !== 'mapping')
    return entriesOf(content, spec.row)
      .filter((e) => mayOverflow(e.file))
      .map((e) => ({ file: e.file, entry: e.file.data, prefix: [] }));
  return content.standards.flatMap((s) =>
    mayOverflow(s.file)
      ? s.data.mappings.map((_m, i) => ({
          file: s.file,
          entry: (s.file.data.mappings as unknown[])[i],
          prefix: ['mappings', i],
          standard: s,
        }))
      : [],
  );
}

/** The frontmatter value a column exports for a row, and where it is in the file (bodies: the body line). */
function cellValue(col: Column, row: Row): { value: unknown; path?: PathSegment[] } | undefined {
  switch (col.role) {
    case 'field':
      return { value: getPath(row.entry, col.path), path: [...row.prefix, ...col.path] };
    case 'context':
      return col.path[0] === '@edition' ? undefined : { value: getPath(row.standard?.file.data, col.path) };
    default:
      return undefined; // IDs are bounded by the schema, bodies by the body rule, key and hash by the writer
  }
}

function checkCells(ctx: RuleContext, report: Report) {
  for (const spec of SHEETS) {
    for (const row of rowsOf(spec, ctx)) {
      for (const col of sheetColumns(spec)) {
        const cell = cellValue(col, row);
        if (!cell || cell.value === undefined) continue;
        const length = encodeCell(col.codec, cell.value).length;
        if (length <= CELL) continue;
        report({
          file: row.file,
          ...(cell.path ? { path: cell.path } : { line: 1 }),
          message: `too long for the spreadsheet export: the ${spec.name} sheet's \`${col.header}\` cell would hold ${n(length)} characters`,
          found: `${n(length)} characters`,
          expected: `at most ${n(CELL)} characters in one cell (Excel's limit)`,
          fix: 'shorten the text or the list; link to long documents instead of copying them',
        });
      }
    }
  }
}

function checkBodies(ctx: RuleContext, report: Report) {
  for (const file of ctx.content.files) {
    if (file.body.length <= MAX_BODY_CHARS) continue;
    report({
      file,
      line: file.bodyLine,
      message: 'Markdown body is too long',
      found: `${n(file.body.length)} characters`,
      expected: `at most ${n(MAX_BODY_CHARS)} characters: a short own-words summary`,
      fix: 'shorten the summary; link to the source instead of copying it',
    });
  }
}

function checkFileNames(ctx: RuleContext, report: Report) {
  const enc = new TextEncoder();
  for (const s of ctx.content.standards) {
    const bytes = enc.encode(`${slugifyCode(s.data.code)}.md`).length;
    if (bytes <= WRITER_LIMITS.fileNameBytes) continue;
    report({
      file: s.file,
      path: ['code'],
      message: 'the file name made from this code is too long for a file system',
      found: `${n(bytes)} bytes`,
      expected: `at most ${WRITER_LIMITS.fileNameBytes} bytes for \`<code>.md\``,
      fix: 'write the code as the body numbers it, without extra text (put words in `title`)',
    });
  }
}

export const lengthLimits: Rule = {
  id: 'length-limits',
  description: `a Markdown body has at most ${n(MAX_BODY_CHARS)} characters; no exported spreadsheet cell exceeds ${n(CELL)} characters (Excel's limit); a standard's file name fits in ${WRITER_LIMITS.fileNameBytes} bytes`,
  run(ctx, report) {
    checkBodies(ctx, report);
    checkCells(ctx, report);
    checkFileNames(ctx, report);
  },
};
