/** The printed table: one row per phase and site figure, each target judged PASS, MISS or FAIL. */
import type { Phase, PhaseSummary } from './phases.ts';
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

const LABEL: Record<Phase, string> = {
  floor: 'read + parse frontmatter (floor)',
  check: 'check (full)',
  coverage: 'coverage + report model, all bodies',
  xlsx: 'XLSX, full matrix',
  pdf: 'PDF, full report',
};

export function buildTable(
  phases: Partial<Record<Phase, PhaseSummary>>,
  site: SiteSummary | undefined,
): { rows: Row[]; targets: Target[]; floorMs: number } {
  const rows: Row[] = [];
  const targets: Target[] = [];
  const floorMs = phases.floor?.ok ? phases.floor.medianMs : NaN;
  const floorCpuMs = phases.floor?.ok ? phases.floor.medianCpuMs : NaN;
  const fmtCpu = (ms: number | undefined) =>
    ms !== undefined && Number.isFinite(ms / floorCpuMs) ? `${(ms / floorCpuMs).toFixed(2)}×` : '';
  const fmtMs = (ms: number) =>
    !Number.isFinite(ms) ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
  const fmtRatio = (ms: number) => (Number.isFinite(ms / floorMs) ? `${(ms / floorMs).toFixed(2)}×` : '—');
  const fmtMB = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x.toFixed(0) : '—');
  const judge = (name: string, target: string, value: number | string | null, pass: boolean | null): Result => {
    const result: Result = pass === null ? 'FAIL' : pass ? 'PASS' : 'MISS';
    targets.push({ name, target, value, result });
    return result;
  };

  for (const p of Object.keys(LABEL) as Phase[]) {
    const s = phases[p];
    if (!s) continue;
    if (!s.ok) {
      rows.push({
        phase: LABEL[p],
        time: 'failed',
        ratio: '—',
        rss: '—',
        target: s.error!.slice(0, 40),
        result: 'FAIL',
      });
      continue;
    }
    let target = '';
    let result: Result = '';
    if (p === 'check') {
      target = '≤ 2× floor';
      result = judge('check ≤ 2× floor', target, s.medianMs / floorMs, s.medianMs <= 2 * floorMs);
    } else if (p === 'coverage') {
      target = '≤ 0.5× floor';
      result = judge('coverage ≤ 0.5× floor', target, s.medianMs / floorMs, s.medianMs <= 0.5 * floorMs);
    } else if (p === 'xlsx') {
      target = '≤ 5 s';
      result = judge('XLSX ≤ 5 s', target, s.medianMs, s.medianMs <= 5000);
    }
    if (p === 'check' && s.detail.errors !== 0) {
      target += ` (corpus has ${s.detail.errors} errors!)`;
      result = 'FAIL';
    }
    rows.push({
      phase: LABEL[p],
      time: fmtMs(s.medianMs),
      ratio: fmtRatio(s.medianMs),
      cpu: fmtCpu(s.medianCpuMs),
      rss: fmtMB(s.maxRssMB),
      target,
      result,
    });
  }
  if (site) {
    if (!site.ok) {
      rows.push({
        phase: 'site build + index',
        time: fmtMs(site.wallMs),
        ratio: '—',
        rss: fmtMB(site.peakRssMB),
        target: site.error ?? 'failed',
        result: judge('site build', 'builds', site.error ?? 'failed', null),
      });
    } else {
      rows.push({
        phase: `site build + index, ${site.pages} pages`,
        time: fmtMs(site.wallMs),
        ratio: fmtRatio(site.wallMs),
        cpu: fmtCpu(site.cpuMs),
        rss: fmtMB(site.peakRssMB),
        target: '≤ 2048 MB peak',
        result: judge('site peak memory ≤ 2 GB', '≤ 2048 MB', site.peakRssMB, site.peakRssMB <= 2048),
      });
      rows.push({
        phase: '  per page',
        time: `${site.msPerPage!.toFixed(2)} ms`,
        ratio: '',
        rss: '',
        target: '≤ 4 ms/page',
        result: judge('site build + index ≤ 4 ms/page', '≤ 4 ms', site.msPerPage!, site.msPerPage! <= 4),
      });
      if (site.pagesBuiltMs !== undefined)
        rows.push({
          phase: '  of which pages built',
          time: fmtMs(site.pagesBuiltMs),
          ratio: '',
          rss: '',
          target: '',
          result: '',
        });
      if (site.downloadsMs !== undefined)
        rows.push({
          phase: '  downloads (own process, alongside)',
          time: fmtMs(site.downloadsMs),
          ratio: '',
          rss: '',
          target: '',
          result: '',
        });
      if (site.indexMs !== undefined)
        rows.push({
          phase: `  of which Pagefind (${site.pagefindPages} pages)`,
          time: fmtMs(site.indexMs),
          ratio: '',
          rss: '',
          target: '',
          result: '',
        });
      const kb = (x: { bytes: number } | null) => (x ? `${(x.bytes / 1024).toFixed(1)} KB` : 'none found');
      const std = site.largest.standard;
      rows.push({
        phase: `largest standard page`,
        time: kb(std),
        ratio: '',
        rss: '',
        target: '≤ 50 KB',
        result: std
          ? judge('standard page ≤ 50 KB', '≤ 50 KB', std.bytes, std.bytes <= 50 * 1024)
          : judge('standard page ≤ 50 KB', '≤ 50 KB', null, null),
      });
      rows.push({
        phase: 'largest body page',
        time: kb(site.largest.body),
        ratio: '',
        rss: '',
        target: '',
        result: '',
      });
      rows.push({
        phase: 'largest matrix page',
        time: kb(site.largest.matrix),
        ratio: '',
        rss: '',
        target: '',
        result: '',
      });
      rows.push({
        phase: 'standard pages with <script>',
        time: `${site.standardPagesWithScript} of ${site.standardPages}`,
        ratio: '',
        rss: '',
        target: 'none',
        result: judge(
          'no JavaScript on standard pages',
          '0 pages',
          site.standardPagesWithScript,
          site.standardPages > 0 ? site.standardPagesWithScript === 0 : null,
        ),
      });
    }
  }
  return { rows, targets, floorMs };
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
