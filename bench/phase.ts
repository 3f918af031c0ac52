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
  /** Untimed set-up in the same process (loading and checking content for the later phases). */
  setupMs: number;
  /** Peak resident set size of the whole process, MB. */
  maxRssMB: number;
  detail: Record<string, number | string>;
}

const now = () => performance.now();

async function run(phase: Phase, dir: string): Promise<PhaseResult> {
  const today = todayIso();
  const detail: Record<string, number | string> = {};
  let setupMs = 0;
  let ms: number;
  if (phase === 'floor') {
    const t0 = now();
    const sources = readContentDir(dir);
    let fields = 0;
    let bytes = 0;
    for (const s of sources) {
      bytes += s.bytes.length;
      const r = parseContentFile(s.path, s.bytes);
      if (r.file) fields += Object.keys(r.file.data).length;
    }
    ms = now() - t0;
    Object.assign(detail, { files: sources.length, bytes, fields });
  } else if (phase === 'check') {
    const t0 = now();
    const r = checkDir(dir);
    ms = now() - t0;
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
      const t2 = now();
      const report = buildReport(ix, sel, today);
      ms = now() - t2;
      Object.assign(detail, {
        computeCoverageMs: Math.round(coverageMs),
        bodies: cov.bodies.length,
        characteristics: cov.rows.length,
        cells: report.summary.cells,
        gaps: report.gaps.length,
      });
    } else {
      const report = buildReport(ix, sel, today);
      const t1 = now();
      const out = phase === 'xlsx' ? await renderXlsx(report, ExcelJS) : await renderPdf(report);
      ms = now() - t1;
      Object.assign(detail, { bytes: out.length, bodies: report.summary.bodies, cells: report.summary.cells });
    }
  }
  return { phase, ms, setupMs, maxRssMB: process.resourceUsage().maxRSS / 1024, detail };
}

const [phase, dir] = process.argv.slice(2);
if (!PHASES.includes(phase as Phase) || !dir) {
  console.error(`usage: node bench/phase.ts <${PHASES.join('|')}> <content-dir>`);
  process.exit(2);
}
const result = await run(phase as Phase, dir);
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
