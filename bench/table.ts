/** The printed table: one row per phase and site figure, each target judged PASS, MISS or FAIL. */
import type { AnchorSummary } from './anchor.ts';
import type { Phase, PhaseSummary } from './phases.ts';
import type { BrowserSummary } from './browser.ts';
import type { SiteSummary } from './site.ts';

export type Result = 'PASS' | 'MISS' | 'FAIL' | '';
export interface Row {
  phase: string;
  time: string;
  ratio: string;
  /** CPU time × the floor's CPU time. */
  cpu?: string;
  rss: string;
  target: string;
  result: Result;
}
export interface Target {
  name: string;
  target: string;
  value: number | string | null;
  result: Result;
}

/** The project build against plain Astro: ≤ 1.2× from 10,000 standards, ≤ 1.5× below (issue 13). */
const anchorLimit = (standards: number) => (standards >= 10_000 ? 1.2 : 1.5);

const LABEL: Record<Phase, string> = {
  floor: 'read + YAML parse (floor)',
  check: 'check (full)',
  coverage: 'coverage, cold: load + index + report',
  xlsx: 'XLSX, full matrix',
  pdf: 'PDF, full report',
};

/** Formatting against the floor, and the list of judged targets, shared by the row builders. */
class Table {
  rows: Row[] = [];
  targets: Target[] = [];
  readonly floorMs: number;
  readonly floorCpuMs: number;
  constructor(floorMs: number, floorCpuMs: number) {
    this.floorMs = floorMs;
    this.floorCpuMs = floorCpuMs;
  }
  cpu = (ms: number | undefined) =>
    ms !== undefined && Number.isFinite(ms / this.floorCpuMs) ? `${(ms / this.floorCpuMs).toFixed(2)}×` : '';
  ratio = (ms: number) => (Number.isFinite(ms / this.floorMs) ? `${(ms / this.floorMs).toFixed(2)}×` : '—');
  judge(name: string, target: string, value: number | string | null, pass: boolean | null): Result {
    const result: Result = pass === null ? 'FAIL' : pass ? 'PASS' : 'MISS';
    this.targets.push({ name, target, value, result });
    return result;
  }
  add(row: Partial<Row> & { phase: string; time: string }): void {
    this.rows.push({ ratio: '', rss: '', target: '', result: '', ...row });
  }
}

const fmtMs = (ms: number) =>
  !Number.isFinite(ms) ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
const fmtMB = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x.toFixed(0) : '—');
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');

function libraryRows(t: Table, phases: Partial<Record<Phase, PhaseSummary>>): void {
  for (const p of Object.keys(LABEL) as Phase[]) {
    const s = phases[p];
    if (!s) continue;
    if (!s.ok) {
      t.add({ phase: LABEL[p], time: 'failed', ratio: '—', rss: '—', target: s.error!.slice(0, 40), result: 'FAIL' });
      continue;
    }
    let target = '';
    let result: Result = '';
    if (p === 'check') {
      const x = s.medianCpuMs / t.floorCpuMs;
      target = '≤ 2× floor CPU';
      result = t.judge('check ≤ 2× floor CPU', target, x, x <= 2);
      if (s.detail.errors !== 0) {
        target += ` (corpus has ${s.detail.errors} errors!)`;
        result = 'FAIL';
      }
    } else if (p === 'xlsx') {
      target = '≤ 5 s';
      result = t.judge('XLSX ≤ 5 s', target, s.medianMs, s.medianMs <= 5000);
    }
    const row = { time: fmtMs(s.medianMs), ratio: t.ratio(s.medianMs), cpu: t.cpu(s.medianCpuMs) };
    t.add({ phase: LABEL[p], ...row, rss: fmtMB(s.maxRssMB), target, result });
    if (p === 'coverage') {
      const ms = Number(s.detail.modelMs);
      const cpuMs = Number(s.detail.modelCpuMs);
      const x = cpuMs / t.floorCpuMs;
      t.add({
        phase: '  of which index + report model',
        time: fmtMs(ms),
        ratio: t.ratio(ms),
        cpu: t.cpu(cpuMs),
        target: '≤ 0.5× floor CPU',
        result: t.judge('coverage (index + report model, cold) ≤ 0.5× floor CPU', '≤ 0.5×', x, x <= 0.5),
      });
    }
  }
}

function siteRows(t: Table, site: SiteSummary): void {
  if (!site.ok) {
    const result = t.judge('site build', 'builds', site.error ?? 'failed', null);
    t.add({ phase: 'site build + index', time: fmtMs(site.wallMs), ratio: '—', rss: fmtMB(site.peakRssMB), result });
    return;
  }
  t.add({
    phase: `site build + index, ${site.pages} pages`,
    time: fmtMs(site.wallMs),
    ratio: t.ratio(site.wallMs),
    cpu: t.cpu(site.cpuMs),
    rss: fmtMB(site.peakRssMB),
    target: '≤ 2048 MB peak',
    result: t.judge('site peak memory ≤ 2 GB', '≤ 2048 MB', site.peakRssMB, site.peakRssMB <= 2048),
  });
  if (site.peakTree && site.peakTree.processes.length > 0) {
    // Which processes made the peak: the bench's answer to "what to shrink next".
    t.add({
      phase: '  peak made of',
      time: `at ${(site.peakTree.t / 1000).toFixed(1)} s`,
      target: site.peakTree.processes
        .slice(0, 4)
        .map((p) => `${p.name} ${p.rssMB}`)
        .join(' + '),
    });
  }
  const perPage = site.msPerPage!;
  t.add({
    phase: '  per page',
    time: `${perPage.toFixed(2)} ms`,
    target: '≤ 4 ms/page',
    result: t.judge('site build + index ≤ 4 ms/page', '≤ 4 ms', perPage, perPage <= 4),
  });
  if (site.pagesBuiltMs !== undefined) t.add({ phase: '  of which pages built', time: fmtMs(site.pagesBuiltMs) });
  if (site.downloadsMs !== undefined)
    t.add({
      phase: '  downloads (own processes, alongside)',
      time: fmtMs(site.downloadsMs),
      cpu: t.cpu(site.downloadsCpuMs),
      ...(site.downloadsCpuMs !== undefined && { target: `CPU ${fmtMs(site.downloadsCpuMs)}` }),
    });
  for (const p of site.downloadParts ?? [])
    t.add({
      phase: `    renderer process: ${p.parts.replace(/\+/g, ', ')}`,
      time: '',
      target: `CPU ${fmtMs(p.cpuMs)}`,
    });
  if (site.indexMs !== undefined)
    t.add({ phase: `  of which Pagefind (${site.pagefindPages} pages)`, time: fmtMs(site.indexMs) });
  const kb = (x: { bytes: number } | null) => (x ? `${(x.bytes / 1024).toFixed(1)} KB` : 'none found');
  const std = site.largest.standard;
  t.add({
    phase: 'largest standard page',
    time: kb(std),
    target: '≤ 50 KB',
    result: t.judge('standard page ≤ 50 KB', '≤ 50 KB', std?.bytes ?? null, std ? std.bytes <= 50 * 1024 : null),
  });
  t.add({ phase: 'largest body page', time: kb(site.largest.body) });
  const matrix = site.largest.matrix;
  t.add({
    phase: 'largest matrix page',
    time: kb(matrix),
    target: '≤ 1 MB',
    result: t.judge('matrix page ≤ 1 MB', '≤ 1 MB', matrix?.bytes ?? null, matrix ? matrix.bytes <= 1024 * 1024 : null),
  });
  t.add({
    phase: 'standard pages with <script>',
    time: `${site.standardPagesWithScript} of ${site.standardPages}`,
    target: 'none',
    result: t.judge(
      'no JavaScript on standard pages',
      '0 pages',
      site.standardPagesWithScript,
      site.standardPages > 0 ? site.standardPagesWithScript === 0 : null,
    ),
  });
}

/** How many of a build's downloads it rendered (the others came from the cache). */
const renderedOf = (s: SiteSummary) =>
  `${(s.downloadFiles ?? 0) - (s.downloadsCached ?? 0)} of ${s.downloadFiles ?? '?'} rendered`;

/**
 * The headline row of a build after the cold one (wall, CPU, peak), or its failure, judged as
 * `failed.name` on a row `failed.phase`; false when it failed.
 */
function laterBuildRow(
  t: Table,
  s: SiteSummary,
  phase: string,
  failed: { name: string; phase: string },
  target = '',
): boolean {
  if (!s.ok) {
    const result = t.judge(failed.name, 'builds', s.error ?? 'failed', null);
    t.add({ phase: failed.phase, time: fmtMs(s.wallMs), result });
    return false;
  }
  t.add({
    phase,
    time: fmtMs(s.wallMs),
    ratio: t.ratio(s.wallMs),
    cpu: t.cpu(s.cpuMs),
    rss: fmtMB(s.peakRssMB),
    target,
  });
  return true;
}

/** The build after one body changed, with the caches of the cold build (issue 13, goal 3: downloads re-rendered only where their input changed). */
function warmRows(t: Table, cold: SiteSummary, warm: SiteSummary): void {
  const phase = 'site build, warm (one body changed)';
  if (!laterBuildRow(t, warm, phase, { name: 'warm site build', phase })) return;
  if (warm.downloadsMs !== undefined)
    t.add({
      phase: `  downloads: ${renderedOf(warm)}`,
      time: fmtMs(warm.downloadsMs),
      target: warm.sourceChanged
        ? 'src/ changed during the run: not a cache figure'
        : cold.downloadsMs !== undefined
          ? `cold: ${fmtMs(cold.downloadsMs)}`
          : '',
    });
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}×` : '—';
  t.add({ phase: '  warm ÷ cold: wall', time: ratio(warm.wallMs, cold.wallMs) });
  t.add({ phase: '  warm ÷ cold: CPU, all processes', time: ratio(warm.cpuMs, cold.cpuMs) });
}

/**
 * The build of unchanged content with the download cache restored and Astro cold, against the anchor:
 * what CI and a deploy pay when no content changed. Information beside the judged cold ratios (goal 1
 * sets its target on the cold build).
 */
function restoredRows(t: Table, restored: SiteSummary, anchor: AnchorSummary): void {
  const failed = { name: 'site build, download cache restored', phase: 'site build, download cache restored' };
  const phase = 'site build, download cache restored (Astro cold)';
  if (!laterBuildRow(t, restored, phase, failed, `downloads: ${renderedOf(restored)}`)) return;
  if (!anchor.ok) return;
  t.add({ phase: '  ÷ anchor: wall', time: times(restored.wallMs / anchor.wallMs), target: 'content unchanged' });
  t.add({
    phase: '  ÷ anchor: CPU, all processes',
    time: times((restored.cpuMs ?? NaN) / (anchor.cpuMs ?? NaN)),
    target: 'content unchanged',
  });
}

/** What a reader waits for in Chromium: the first search result, a four-body report and its XLSX (issue 13, goals 4 and 6). */
function browserRows(t: Table, b: BrowserSummary): void {
  if (!b.ok) {
    t.add({ phase: 'browser: search and report builder', time: '—', target: b.note ?? '' });
    return;
  }
  t.add({ phase: `search "${b.searchQuery}": navigation to first result`, time: fmtMs(b.searchFirstResultMs!) });
  const usable = b.reportUsableMs!;
  t.add({
    phase: 'report builder, four bodies: usable',
    time: fmtMs(usable),
    target: '≤ 1.5 s',
    result: t.judge('four-body report usable ≤ 1.5 s', '≤ 1500 ms', usable, usable <= 1500),
  });
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  t.add({ phase: `  data fetched (${b.reportDataFiles} files)`, time: kb(b.reportDataBytes!) });
  t.add({ phase: '  report page HTML', time: kb(b.reportHtmlBytes!) });
  const xlsx = b.reportXlsxMs!;
  t.add({
    phase: '  its XLSX, click to file',
    time: fmtMs(xlsx),
    target: '≤ 2 s',
    result: t.judge('four-body report XLSX ≤ 2 s', '≤ 2000 ms', xlsx, xlsx <= 2000),
  });
}

/** The project's build as a ratio to the plain-Astro anchor built in the same run. */
function anchorRows(t: Table, site: SiteSummary, anchor: AnchorSummary, standards: number): void {
  if (!anchor.ok) {
    const result = t.judge('plain Astro anchor', 'builds', anchor.error ?? 'failed', null);
    t.add({
      phase: 'plain Astro + Pagefind (anchor)',
      time: fmtMs(anchor.wallMs),
      target: anchor.error ?? 'failed',
      result,
    });
    return;
  }
  const a = anchor.anchor!;
  const p = anchor.project;
  t.add({
    phase: `plain Astro + Pagefind (anchor), ${anchor.pages} pages`,
    time: fmtMs(anchor.wallMs),
    ratio: t.ratio(anchor.wallMs),
    cpu: t.cpu(anchor.cpuMs),
    rss: fmtMB(anchor.peakRssMB),
    target: `HTML ${times(a.htmlBytes / p.htmlBytes)}, indexed words ${times(a.words / p.words)} of site`,
  });
  const limit = anchorLimit(standards);
  const target = `≤ ${limit}× (${standards} standards)`;
  const wall = site.wallMs / anchor.wallMs;
  const cpu = (site.cpuMs ?? NaN) / (anchor.cpuMs ?? NaN);
  const mem = site.peakRssMB / anchor.peakRssMB;
  t.add({
    phase: '  site ÷ anchor: wall',
    time: times(wall),
    target,
    result: t.judge(`site wall ≤ ${limit}× plain Astro`, target, wall, wall <= limit),
  });
  t.add({
    phase: '  site ÷ anchor: CPU, all processes',
    time: times(cpu),
    target,
    result: t.judge(`site CPU ≤ ${limit}× plain Astro`, target, cpu, Number.isFinite(cpu) ? cpu <= limit : null),
  });
  t.add({ phase: '  site ÷ anchor: peak memory', time: times(mem) });
  if (site.downloadsCpuMs !== undefined) {
    // What the pages, the check and the index cost beside the same pages built by plain Astro: the
    // site's CPU less what its download renderers reported. Information, not the target above.
    const pages = ((site.cpuMs ?? NaN) - site.downloadsCpuMs) / (anchor.cpuMs ?? NaN);
    t.add({
      phase: '  site ÷ anchor: CPU without downloads',
      time: times(pages),
      target: 'pages, check and index; the downloads’ renderers left out',
    });
  }
}

export function buildTable(
  phases: Partial<Record<Phase, PhaseSummary>>,
  site: SiteSummary | undefined,
  anchor: AnchorSummary | undefined,
  standards: number,
  siteWarm?: SiteSummary,
  browser?: BrowserSummary,
  siteRestored?: SiteSummary,
): { rows: Row[]; targets: Target[]; floorMs: number } {
  const t = new Table(
    phases.floor?.ok ? phases.floor.medianMs : NaN,
    phases.floor?.ok ? phases.floor.medianCpuMs : NaN,
  );
  libraryRows(t, phases);
  if (site) siteRows(t, site);
  if (site?.ok && anchor) anchorRows(t, site, anchor, standards);
  if (site?.ok && anchor && siteRestored) restoredRows(t, siteRestored, anchor);
  if (site?.ok && siteWarm) warmRows(t, site, siteWarm);
  if (browser) browserRows(t, browser);
  return { rows: t.rows, targets: t.targets, floorMs: t.floorMs };
}

export function formatTable(rows: Row[]): string[] {
  const header: Row = {
    phase: 'Phase',
    time: 'Time',
    ratio: '× floor',
    cpu: 'CPU × floor',
    rss: 'Peak RSS MB',
    target: 'Target',
    result: '',
  };
  const cols: (keyof Row)[] = ['phase', 'time', 'ratio', 'cpu', 'rss', 'target', 'result'];
  const width = Object.fromEntries(
    cols.map((c) => [c, Math.max(...[header, ...rows].map((r) => (r[c] ?? '').length))]),
  );
  const right = new Set<keyof Row>(['time', 'ratio', 'cpu', 'rss']);
  const fmtRow = (r: Row) =>
    cols
      .map((c) => (right.has(c) ? (r[c] ?? '').padStart(width[c]!) : (r[c] ?? '').padEnd(width[c]!)))
      .join('  ')
      .trimEnd();
  return [fmtRow(header), cols.map((c) => '-'.repeat(width[c]!)).join('  '), ...rows.map(fmtRow)];
}
