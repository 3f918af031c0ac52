/**
 * The site's generated downloads under data/: the all-bodies gap report in every format, a PDF and
 * an XLSX report per body, and the versioned export of the whole crosswalk. They cost more CPU than
 * all the HTML pages together (pdfmake and exceljs), so `astro build` renders them in a separate
 * process, in parallel with the pages (see downloads-build.ts and src/integrations/crosswalk.ts);
 * `astro dev` serves the same files from an injected route.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { jsonChunks, jsonText } from '../lib/json-chunks.ts';
import { writeChunks } from '../lib/node/write-chunks.ts';
import { buildReport } from '../lib/report/build.ts';
import { renderCsvChunks } from '../lib/report/csv.ts';
import { MIME, renderReportAs } from '../lib/report/index.ts';
import { renderPdf } from '../lib/report/pdf.ts';
import { writeXlsx } from '../lib/report/xlsx.ts';
import { SHEETS } from '../lib/spreadsheet/columns.ts';
import {
  csvFileChunks,
  exportDocument,
  exportTables,
  renderWorkbook,
  writeWorkbook,
} from '../lib/spreadsheet/export.ts';
import { DATAPACKAGE_FILE, renderExchangeFiles, SSSOM_FILE } from '../lib/spreadsheet/exchange/datapackage.ts';
import type { GapReport } from '../lib/report/schema.ts';
import { SHARD_PATHS, splitCrosswalk } from '../lib/shards.ts';
import { allSelection, type Site } from '../site/data.ts';
import { contentDigest } from './downloads-cache.ts';

export interface Download {
  /** Path under the site root, e.g. `data/reports/<body>.pdf`. */
  path: string;
  render(): Promise<string | Uint8Array>;
  /**
   * What decides the file's bytes, for the build's cache key (downloads-cache.ts): equal inputs give
   * equal files. The report files' input is their report model; the export's is the content folder's
   * hash with the data version and addresses, so a warm build need not load the checked files.
   */
  input(): unknown;
  /**
   * The same file streamed into `to` (the XLSX files: exceljs's streaming writer, a few hundred MB
   * less at the build's peak than a workbook in memory). The build uses it when present.
   */
  write?(to: Writable): Promise<void>;
  /** Drops what `input()` made and holds, once the file is written or copied (downloads-cache.ts). */
  release?(): void;
  /** Which renderer process renders it (DOWNLOAD_PARTS; src/integrations/downloads-build.ts). */
  part: DownloadPart;
}

/**
 * The renderer processes, in the order the build runs them (src/integrations/crosswalk.ts). Each is
 * its own process because V8 keeps a process's largest heap resident until it exits: `bodies` the
 * per-body PDF and XLSX files (their heap grows over fifty documents, from small while Astro's own
 * memory is still growing), `largest` the all-bodies PDF alone (pdfmake's largest peak), `reports` the
 * all-bodies report's text and XLSX files, `exports` the whole crosswalk as data (its JSON and the
 * report builder's shards of it, and the export: JSON, SSSOM, CSV, XLSX). The last two were one process, the largest beside Astro's own at 20,000 standards (up to
 * about 0.9 GB); each now holds either the report model or the export tables, not both.
 */
export const DOWNLOAD_PARTS = ['bodies', 'largest', 'reports', 'exports'] as const;
export type DownloadPart = (typeof DOWNLOAD_PARTS)[number];

/**
 * What the downloads are made from: the loaded crosswalk, the date, the all-bodies report (built on
 * first use) and the hash of the content folder it was loaded from (downloads-cache.ts).
 */
export interface DownloadSource {
  loaded: Site['loaded'];
  today: string;
  report(): GapReport;
  contentDigest(): string;
}

/** The site's view model as a download source (`astro dev`'s route). */
export const sourceOfSite = (site: Site): DownloadSource => ({
  loaded: site.loaded,
  today: site.today,
  report: () => site.report,
  contentDigest: () => contentDigest(site.contentDir),
});

/** A download source straight from the loaded content: no page view models (the build's renderer processes). */
export function sourceOfLoaded(loaded: Site['loaded'], today: string, contentDir: string): DownloadSource {
  let report: GapReport | undefined;
  return {
    loaded,
    today,
    report: () => (report ??= buildReport(loaded.index, allSelection(today), today)),
    contentDigest: () => contentDigest(contentDir),
  };
}

/** Where the export's SSSOM set and data package say the site and its files are (SITE_URL, BASE_PATH). */
function exportAddresses(env: NodeJS.ProcessEnv = process.env) {
  return {
    url: new URL(env.BASE_PATH ?? '/', env.SITE_URL ?? 'http://localhost:4321').href,
    csvDir: '',
    dataDir: 'data/export/',
  };
}

/**
 * Everything that decides the bytes of every download at once, with the renderers' code (which the
 * cache adds): the content folder's hash, the date, the data version and the export's addresses. A
 * build whose state the cache has recorded copies every file without loading anything
 * (crosswalk.ts); the renderers' own per-file keys (`Download.input`) are what lets a build after an
 * edit re-render only what the edit changed.
 */
export interface BuildState {
  content: string;
  today: string;
  version: string;
  addresses: ReturnType<typeof exportAddresses>;
}

export const buildState = (contentDir: string, today: string, version: string): BuildState => ({
  content: contentDigest(contentDir),
  today,
  version,
  addresses: exportAddresses(),
});

/**
 * Every download, each with the renderer process that renders it (DOWNLOAD_PARTS). Within a part they
 * are rendered in this order.
 */
export function downloads(source: DownloadSource): Download[] {
  const { index: crosswalk, data } = source.loaded;
  // Read only by the export's files: from the build's snapshot, the checked files load on first use.
  const content = () => source.loaded.check.content;
  const { today } = source;
  const bodyReport = (id: string) => buildReport(crosswalk, { ...allSelection(today), accreditors: [id] }, today);
  const tables = once(() => exportTables(content()));
  const addresses = exportAddresses();
  const exchange = once(() => renderExchangeFiles(content(), data.version, addresses));
  // The all-bodies files' input is the report model itself: the same object for all five, hashed once.
  const all = () => source.report();
  // The export is made from the checked files, the data version and the addresses alone.
  const exportInput = once(() => ({ content: source.contentDigest(), version: data.version, addresses }));
  const exported = { part: 'exports' as const, input: exportInput.keep };
  const shards = once(() => splitCrosswalk(crosswalk));
  return [
    // About 45 MB at 20,000 standards.
    {
      path: 'data/gap-report-all.csv',
      part: 'reports' as const,
      input: all,
      ...textFile(() => renderCsvChunks(all())),
    },
    {
      path: 'data/gap-report-all.md',
      part: 'reports' as const,
      input: all,
      render: () => renderReportAs(all(), 'md'),
    },
    // The largest text download (about 100 MB at 20,000 standards).
    { path: 'data/gap-report-all.json', part: 'reports' as const, input: all, ...jsonFile(all) },
    {
      path: 'data/gap-report-all.pdf',
      part: 'largest' as const,
      input: all,
      render: () => renderPdf(all()),
    },
    // The whole crosswalk as JSON and the report builder's shards of it (src/lib/shards.ts), compact
    // as the builder fetches them: at 10,000 standards 55 MB of text, made here rather than by the
    // pages' process. Each is keyed on its own text, so an edit to one body re-renders the shards
    // it is in, not the others.
    { path: 'data/crosswalk.json', ...compactJson(() => data) },
    { path: `data/${SHARD_PATHS.index}`, ...compactJson(() => shards.keep().index) },
    ...data.accreditors.map((a, i) => ({
      path: `data/${SHARD_PATHS.body(a.id)}`,
      ...compactJson(() => shards.keep().bodies[i]),
    })),
    ...data.characteristics.map((c, i) => ({
      path: `data/${SHARD_PATHS.wording(c.id)}`,
      ...compactJson(() => shards.keep().wording[i]),
    })),
    {
      path: 'data/export/ipcle-crosswalk.json',
      ...exported,
      ...jsonFile(() => exportDocument(content(), data.version)),
    },
    // The SSSOM set and the data package describing the CSVs beside it; identifiers are the pages' addresses.
    // Made once for both files, and before the CSV tables are held (its peak then adds to nothing).
    ...[SSSOM_FILE, DATAPACKAGE_FILE].map((name, i) => ({
      path: `data/export/${name}`,
      ...exported,
      render: async () => (i === 0 ? exchange.keep() : exchange.take()).get(name)!,
    })),
    ...SHEETS.map((spec, i) => ({
      path: `data/export/${spec.csv.replace(/^.*\//, '')}`,
      ...exported,
      ...textFile(() => csvFileChunks(tables.keep()[i]!)),
    })),
    {
      path: 'data/export/ipcle-crosswalk.xlsx',
      ...exported,
      render: () => renderWorkbook(tables.keep(), ExcelJS, data.version),
      write: (to: Writable) => writeWorkbook(tables.keep(), ExcelJS, data.version, to),
    },
    {
      path: 'data/gap-report-all.xlsx',
      part: 'reports' as const,
      input: all,
      render: () => renderReportAs(all(), 'xlsx', ExcelJS),
      write: (to: Writable) => writeXlsx(all(), ExcelJS, to),
    },
    // Each body's XLSX then its PDF, from one report model: built for the first file's key, released
    // after the second file, so one body's model is held at a time and each is built and hashed once.
    ...data.accreditors.flatMap((a): Download[] => {
      const report = once(() => bodyReport(a.id));
      return [
        {
          path: `data/reports/${a.id}.xlsx`,
          part: 'bodies',
          input: report.keep,
          render: () => renderReportAs(report.keep(), 'xlsx', ExcelJS),
          write: (to: Writable) => writeXlsx(report.keep(), ExcelJS, to),
        },
        {
          path: `data/reports/${a.id}.pdf`,
          part: 'bodies',
          input: report.keep,
          render: () => renderPdf(report.take()),
        },
      ];
    }),
  ];
}

/** A text download made of `pieces`: joined in memory (`astro dev`), written piece by piece by the build, never whole. */
function textFile(pieces: () => Iterable<string>): Pick<Download, 'render' | 'write'> {
  return {
    render: async () => [...pieces()].join(''),
    write: (to: Writable) => writeChunks(to, pieces()),
  };
}

/** A JSON download made from `value`: its text in memory (`astro dev`), written in pieces by the build, never whole. */
function jsonFile(value: () => unknown): Pick<Download, 'render' | 'write'> {
  return {
    render: async () => jsonText(value()),
    write: (to: Writable) => writeChunks(to, jsonChunks(value()), '\n'),
  };
}

/**
 * A compact JSON data file of the `exports` part, keyed on its own text: the text made for the key is
 * the one written, and dropped once the file is written or copied.
 */
function compactJson(value: () => unknown): Pick<Download, 'input' | 'render' | 'release' | 'part'> {
  let text: string | undefined;
  return {
    part: 'exports',
    input: () => (text ??= JSON.stringify(value())),
    render: async () => text ?? JSON.stringify(value()),
    release: () => (text = undefined),
  };
}

/**
 * A value computed at most once for the cache key and the render that follows (`keep`), then
 * released (`take`), so the build does not hold every body's report model at once.
 */
function once<T>(make: () => T): { keep(): T; take(): T } {
  let value: T | undefined;
  return {
    keep: () => (value ??= make()),
    take() {
      const v = value ?? make();
      value = undefined;
      return v;
    },
  };
}

/** Types of the export's own formats that the reports do not use (the SSSOM set is TSV, as IANA registers it). */
const EXPORT_MIME: Record<string, string> = { tsv: 'text/tab-separated-values;charset=utf-8' };

/** Content-Type of a download by its extension (the dev server sends it; a static host guesses the same). */
export function downloadType(path: string): string {
  const ext = path.split('.').pop()!;
  return (MIME as Record<string, string>)[ext] ?? EXPORT_MIME[ext] ?? 'application/octet-stream';
}
