/**
 * One benchmark phase in a fresh process, so its peak RSS is its own:
 *   node bench/phase.ts <floor|check|coverage|xlsx|pdf> <content-dir>
 * Prints one line `BENCH_RESULT {json}` on stdout: the phase's time in ms and the process's peak RSS.
 * `coverage` times its whole cold path (load, index, report model); the renderers load first, untimed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import jsYaml from 'js-yaml';
import { checkDir } from '../src/lib/check/index.ts';
import type { Selection } from '../src/lib/coverage.ts';
import { indexCrosswalk, toCrosswalkData } from '../src/lib/crosswalk.ts';
import { siteToday } from '../src/lib/node/crosswalk.ts';
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

/** Every body and characteristic, as of today. */
function everything(on: string): Selection {
  return { accreditors: [], professions: [], kinds: [], countries: [], characteristics: [], on };
}

/** The floor: read every file and parse its frontmatter with js-yaml (as check does), nothing more. */
function readAndParse(root: string): { files: number; chars: number; fields: number } {
  let files = 0;
  let chars = 0;
  let fields = 0;
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, d.name);
      if (d.isDirectory()) walk(path);
      else if (d.isFile() && d.name.endsWith('.md')) {
        const text = readFileSync(path, 'utf8');
        files++;
        chars += text.length;
        const end = text.indexOf('\n---', 3);
        const data = jsYaml.load(text.slice(4, end < 0 ? undefined : end), { schema: jsYaml.CORE_SCHEMA });
        if (data && typeof data === 'object') fields += Object.keys(data).length;
      }
    }
  };
  walk(root);
  return { files, chars, fields };
}

async function run(phase: Phase, dir: string): Promise<PhaseResult> {
  const today = siteToday();
  const detail: Record<string, number | string> = {};
  let setupMs = 0;
  let took: { ms: number; cpuMs: number };
  if (phase === 'floor') {
    const stop = measure();
    const floor = readAndParse(dir);
    took = stop();
    Object.assign(detail, floor);
  } else if (phase === 'check') {
    const stop = measure();
    const r = checkDir(dir, { today });
    took = stop();
    Object.assign(detail, { errors: r.errors, warnings: r.warnings, summary: r.summary });
  } else if (phase === 'coverage') {
    // Cold: the first load, index and report model of this process, as `npm run gaps` runs them.
    const stopAll = measure();
    const stopLoad = measure();
    const checked = checkDir(dir, { today });
    const load = stopLoad();
    if (checked.errors > 0) throw new Error(`the corpus has ${checked.errors} errors: ${checked.summary}`);
    const stopModel = measure();
    const crosswalk = indexCrosswalk(toCrosswalkData(checked.content, 'bench'));
    const report = buildReport(crosswalk, everything(today), today);
    const model = stopModel();
    took = stopAll();
    Object.assign(detail, {
      loadMs: load.ms,
      loadCpuMs: load.cpuMs,
      modelMs: model.ms,
      modelCpuMs: model.cpuMs,
      bodies: report.summary.bodies,
      cells: report.summary.cells,
      gaps: report.gaps.length,
    });
  } else {
    const t0 = now();
    const checked = checkDir(dir, { today });
    if (checked.errors > 0) throw new Error(`the corpus has ${checked.errors} errors: ${checked.summary}`);
    const crosswalk = indexCrosswalk(toCrosswalkData(checked.content, 'bench'));
    setupMs = now() - t0;
    const report = buildReport(crosswalk, everything(today), today);
    const stop = measure();
    const out = phase === 'xlsx' ? await renderXlsx(report, ExcelJS) : await renderPdf(report);
    took = stop();
    Object.assign(detail, { bytes: out.length, bodies: report.summary.bodies, cells: report.summary.cells });
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
