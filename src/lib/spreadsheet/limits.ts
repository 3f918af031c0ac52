/**
 * What an import reads at most: far above the designed scale (40,000 mappings export as a ~21 MB
 * workbook that inflates to ~112 MB, or ~70 MB of CSV), far below what exhausts memory or time.
 */
import { MAX_CELL_CHARS } from './cells.ts';

export const IMPORT_LIMITS = {
  /** Bytes of one .xlsx or .csv file, or of all the .csv files of a folder together. */
  inputBytes: 100_000_000,
  /** Bytes the parts of an .xlsx declare they inflate to, together. */
  inflatedBytes: 400_000_000,
  /** Parts in an .xlsx (a workbook has about 20). */
  zipEntries: 1_000,
  /** Rows of one sheet below the header. */
  rows: 100_000,
  /** Characters in one cell: Excel's own limit. */
  cellChars: MAX_CELL_CHARS,
  /** Cells covered by dropdown ranges in all sheets together (the reader visits each; the export's cover ~10 columns). */
  validatedCells: 3_000_000,
  /** "Did you mean" compares words this long at most, with at most this many candidates. */
  suggestChars: 64,
  suggestCandidates: 1_000,
} as const;

/** A byte count for messages: "12.5 MB". */
export const megabytes = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
