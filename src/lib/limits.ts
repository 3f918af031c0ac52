/**
 * Length limits, defined once: what the writers (spreadsheet export, file names) refuse, and the
 * per-field maxima the schemas and the check enforce so that the check refuses such content first.
 */

/** Limits a writer enforces; each must have a matching check rule (tests/unit/limits.test.ts). */
export const WRITER_LIMITS = {
  /** Excel refuses a cell longer than this (the XLSX and CSV export stop rather than cut a value). */
  cellChars: 32_767,
  /** Longest file name (bytes) on common file systems: `<id>.md` and `<code-slug>.md` must fit. */
  fileNameBytes: 255,
} as const;

/** IDs are file names; with ".md" they stay far below the file-name limit. */
export const MAX_ID_CHARS = 100;
/** A standard's code as the body numbers it ("IV.A.1.a"), also its parent and lineage codes. */
export const MAX_CODE_CHARS = 80;
/** Abbreviations and display labels, shown in narrow table columns. */
export const MAX_LABEL_CHARS = 40;
/** Names and titles (standards, editions, sources, characteristics). */
export const MAX_TITLE_CHARS = 400;
/** Short fields: edition labels, page references, reviewer names. */
export const MAX_SHORT_CHARS = 200;
/** A mapping's rationale: one or two sentences. */
export const MAX_RATIONALE_CHARS = 1_000;
/** Any other text field (notes, descriptions, scopes). */
export const MAX_TEXT_CHARS = 4_000;
/** URLs: browsers and servers commonly refuse longer ones. */
export const MAX_URL_CHARS = 2_000;
/** A Markdown body: a short own-words summary; far below one spreadsheet cell. */
export const MAX_BODY_CHARS = 20_000;
/** An unbroken run of characters wider than a page breaks the layout (URLs in link targets excepted). */
export const MAX_WORD_CHARS = 200;
