/** Spreadsheet round trip: export the crosswalk as XLSX/CSV, import an edited copy as a planned diff. */
export * from './cells.ts';
export * from './columns.ts';
export * from './export.ts';
export * from './import.ts';
export * from './read.ts';
export * from './rows.ts';
