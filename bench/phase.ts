/**
 * One benchmark phase in a fresh process, so its peak RSS is its own:
 *   node bench/phase.ts <floor|check|coverage|xlsx|pdf> <content-dir>
 * Prints one line `BENCH_RESULT {json}` on stdout: the phase's time in ms and the process's peak RSS.
 * Phases after `check` load the content first (untimed) and time only their own work.
 */
import ExcelJS from 'exceljs';
import { checkDir } from '../src/lib/check/index.ts';
import { readContentDir } from '../src/lib/content.ts';
import { computeCoverage, type Selection } from '../src/lib/coverage.ts';
import { indexCrosswalk, toCrosswalkData } from '../src/lib/crosswalk.ts';
import { todayIso } from '../src/lib/dates.ts';
import { parseContentFile } from '../src/lib/frontmatter.ts';
import { buildReport } from '../src/lib/report/build.ts';
import { renderPdf } from '../src/lib/report/pdf.ts';
import { renderXlsx } from '../src/lib/report/xlsx.ts';

const PHASES = ['floor', 'check', 'coverage', 'xlsx', 'pdf'] as const;
type Phase = (typeof PHASES)[number];

export interface PhaseResult {
  phase: Phase;
  /** Time of the phase's own work. */
  ms: number;
  /** CPU time (user + system, all threads) of the same work: less sensitive to a busy machine. */
  cpuMs: number;
  /** Untimed set-up in the same process (loading and checking content for the later phases). */
  setupMs: number;
  /** Peak resident set size of the whole process, MB. */
  maxRssMB: number;
  detail: Record<string, number | string>;
}

const now = () => performance.now();
/** Start a measurement; the returned function gives wall and CPU milliseconds since. */
function measure(): () => { ms: number; cpuMs: number } {
  const t0 = now();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return { ms: now() - t0, cpuMs: (c.user + c.system) / 1000 };
  };
}

async function run(phase: Phase, dir: string): Promise<PhaseResult> {
  const today = todayIso();
  const detail: Record<string, number | string> = {};
  let setupMs = 0;
  let took: { ms: number; cpuMs: number };
  if (phase === 'floor') {
    const stop = measure();
    const sources = readContentDir(dir);
    let fields = 0;
    let bytes = 0;
    for (const s of sources) {
      bytes += s.bytes.length;
      const r = parseContentFile(s.path, s.bytes);
      if (r.file) fields += Object.keys(r.file.data).length;
    }
    took = stop();
    Object.assign(detail, { files: sources.length, bytes, fields });
  } else if (phase === 'check') {
    const stop = measure();
    const r = checkDir(dir);
    took = stop();
    Object.assign(detail, { errors: r.errors, warnings: r.warnings, summary: r.summary });
  } else {
    const t0 = now();
    const checked = checkDir(dir);
    if (checked.errors > 0) throw new Error(`the corpus has ${checked.errors} errors: ${checked.summary}`);
    const ix = indexCrosswalk(toCrosswalkData(checked.content, 'bench'));
    setupMs = now() - t0;
    const sel: Selection = {
      accreditors: [],
      professions: [],
      kinds: [],
      countries: [],
      characteristics: [],
      on: today,
    };
    if (phase === 'coverage') {
      // buildReport runs computeCoverage for the selection, then the roll-ups, gaps and opportunities.
      const t1 = now();
      const cov = computeCoverage(ix, sel);
      const coverageMs = now() - t1;
      const stop = measure();
      const report = buildReport(ix, sel, today);
      took = stop();
      Object.assign(detail, {
        computeCoverageMs: Math.round(coverageMs),
        bodies: cov.bodies.length,
        characteristics: cov.rows.length,
        cells: report.summary.cells,
        gaps: report.gaps.length,
      });
    } else {
      const report = buildReport(ix, sel, today);
      const stop = measure();
      const out = phase === 'xlsx' ? await renderXlsx(report, ExcelJS) : await renderPdf(report);
      took = stop();
      Object.assign(detail, { bytes: out.length, bodies: report.summary.bodies, cells: report.summary.cells });
    }
  }
  return { phase, ...took, setupMs, maxRssMB: process.resourceUsage().maxRSS / 1024, detail };
}

const [phase, dir] = process.argv.slice(2);
if (!PHASES.includes(phase as Phase) || !dir) {
  console.error(`usage: node bench/phase.ts <${PHASES.join('|')}> <content-dir>`);
  process.exit(2);
}
const result = await run(phase as Phase, dir);
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
