#!/usr/bin/env node
/**
 * npm run bench -- [--bodies 50] [--standards-per-body 200] [--characteristics 100] [--initiatives N]
 *   [--seed 1] [--reps 3] [--no-site | --site-only] [--no-pdf] [--keep]
 *
 * Generates a synthetic corpus under bench/tmp/, then times each phase in a fresh child process
 * (median of --reps runs, peak RSS per process): the parse floor, the full check, coverage and the
 * report model for all bodies, XLSX and PDF of the full matrix, and the site build with its Pagefind
 * index. Prints a table and writes bench/results/<timestamp>.json and bench/results/latest.json.
 * See bench/README.md for how to read it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { DEFAULT_CORPUS, writeCorpus, type CorpusStats } from './generate.ts';
import { runAnchor, type AnchorSummary } from './anchor.ts';
import { runBrowser, type BrowserSummary } from './browser.ts';
import { parseOptions } from './options.ts';
import { PHASES, runPhases, type Phase, type PhaseSummary } from './phases.ts';
import { rendererHash } from '../src/integrations/downloads-cache.ts';
import { editOneBody, runSite, type SiteSummary } from './site.ts';
import { buildTable, formatTable } from './table.ts';
import { log, mb, pinToday, RESULTS, ROOT, TMP } from './util.ts';

const opts = parseOptions(process.argv.slice(2));
const today = pinToday();
const corpusOptions = opts.corpus;
const reps = opts.reps;

// ---------------------------------------------------------------------------------------------------
// Main

mkdirSync(TMP, { recursive: true });
mkdirSync(RESULTS, { recursive: true });
const o = corpusOptions;
const corpusDir = join(TMP, `corpus-${o.bodies}x${o.standardsPerBody}-${o.characteristics}c-s${o.seed}`);
log(`every build and phase of this run is dated ${today} (CROSSWALK_TODAY)`);
log(`generating ${o.bodies} bodies × ${o.standardsPerBody} standards, ${o.characteristics} characteristics…`);
const tGen = performance.now();
const stats: CorpusStats = writeCorpus(corpusDir, corpusOptions);
const genMs = performance.now() - tGen;
log(
  `  ${stats.files} files (${mb(stats.bytes).toFixed(1)} MB): ${stats.standards} standards, ${stats.mappings} mappings, ` +
    `${stats.editions} editions, ${stats.characteristics} characteristics, ${stats.initiatives} initiatives in ${relative(ROOT, corpusDir)} (${(genMs / 1000).toFixed(1)} s)`,
);

const loadBefore = loadavg();
let phases: Partial<Record<Phase, PhaseSummary>> = {};
if (!opts.siteOnly) {
  const list = PHASES.filter((p) => !(p === 'pdf' && opts.noPdf));
  log(`library phases, ${reps} round(s) of ${list.join(', ')}…`);
  phases = await runPhases(list, corpusDir, reps);
}
let site: SiteSummary | undefined;
let anchor: AnchorSummary | undefined;
let siteWarm: SiteSummary | undefined;
let siteRestored: SiteSummary | undefined;
let browser: BrowserSummary | undefined;
/** The load average (1, 5, 15 min) before and after each build, next to its figures. */
const buildLoad: Record<string, { before: number[]; after: number[] }> = {};
if (!opts.noSite) {
  log('site build + Pagefind index…');
  const siteOut = join(TMP, 'site-out');
  let before = loadavg();
  // The download cache keys on the renderers' source: an edit to it between the two builds makes the
  // warm build render everything again, which is right for a build but says nothing about the cache.
  const renderers = rendererHash();
  site = await runSite(corpusDir, siteOut);
  buildLoad.site = { before, after: loadavg() };
  if (!site.ok) log(`  site build FAILED: ${site.error}\n${site.outputTail?.replace(/^/gm, '    | ') ?? ''}`);
  else {
    before = loadavg();
    anchor = await runAnchor(siteOut, join(TMP, 'plain-astro'));
    buildLoad.anchor = { before, after: loadavg() };
    if (!anchor.ok) log(`  anchor FAILED: ${anchor.error}\n${anchor.outputTail?.replace(/^/gm, '    | ') ?? ''}`);
  }
  if (site.ok && !opts.noWarm) {
    // The same content again, Astro cold, the download cache the cold build left restored (as the CI
    // and deploy workflows restore it): what a build costs when no content changed.
    log('site build again, Astro cold, the download cache restored, content unchanged…');
    let before = loadavg();
    siteRestored = await runSite(corpusDir, siteOut, { downloadsRestored: true });
    buildLoad.siteRestored = { before, after: loadavg() };
    if (!siteRestored.ok) log(`  site build with the download cache FAILED: ${siteRestored.error}`);
    // The build after a content edit, with the caches the cold build left (as CI restores them).
    const edited = editOneBody(corpusDir);
    log(`site build again, warm, after editing ${edited}…`);
    before = loadavg();
    siteWarm = await runSite(corpusDir, siteOut, { warm: true });
    buildLoad.siteWarm = { before, after: loadavg() };
    if (rendererHash() !== renderers) {
      siteWarm.sourceChanged = true;
      log('  warning: src/ changed during this run, so the warm build rendered every download again');
    }
    if (!siteWarm.ok) log(`  warm site build FAILED: ${siteWarm.error}`);
  }
  const built = siteWarm?.ok ? siteWarm : site;
  if (built.ok) {
    const bodies = readdirSync(join(corpusDir, 'accreditors'))
      .sort()
      .slice(0, 4)
      .map((f) => f.replace(/\.md$/, ''));
    log(`browser: search, and a report of ${bodies.join(', ')} in the builder…`);
    browser = await runBrowser(siteOut, bodies, 'teamwork');
    if (!browser.ok) log(`  browser step ${browser.note}`);
  }
  for (const [name, l] of Object.entries(buildLoad))
    log(`  load average ${l.before[0]!.toFixed(1)} before the ${name} build, ${l.after[0]!.toFixed(1)} after`);
}

const { rows, targets, floorMs } = buildTable(phases, site, anchor, stats.standards, siteWarm, browser, siteRestored);
console.log(
  `\nCorpus: ${stats.accreditors} bodies, ${stats.editions} editions, ${stats.standards} standards, ${stats.mappings} mappings, ` +
    `${stats.characteristics} characteristics, ${stats.initiatives} initiatives (${stats.files} files, ${mb(stats.bytes).toFixed(1)} MB)`,
);
const loadAfter = loadavg();
const astroVersion = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }
).version;
console.log(
  `Median of ${reps} fresh-process run(s) per library phase; site and plain Astro: one cold build each (Astro ${astroVersion}, CPU by ${site?.cpuMethod ?? '—'}); ` +
    `${cpus().length} CPUs, Node ${process.versions.node}; load average ${loadBefore[0]!.toFixed(1)} before, ${loadAfter[0]!.toFixed(1)} after\n`,
);
for (const line of formatTable(rows)) console.log(line);

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const result = {
  date: new Date().toISOString(),
  machine: {
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemMB: Math.round(mb(totalmem())),
    node: process.versions.node,
    astro: astroVersion,
  },
  corpus: { options: { ...DEFAULT_CORPUS, ...corpusOptions }, stats, generateMs: Math.round(genMs) },
  reps,
  floorMs: Number.isFinite(floorMs) ? floorMs : null,
  phases,
  site: site ?? null,
  anchor: anchor ?? null,
  siteWarm: siteWarm ?? null,
  siteRestored: siteRestored ?? null,
  browser: browser ?? null,
  buildLoad,
  targets,
  table: rows,
};
const json = `${JSON.stringify(result, (_k, x) => (typeof x === 'number' && !Number.isInteger(x) ? Math.round(x * 100) / 100 : x), 2)}\n`;
writeFileSync(join(RESULTS, `${stamp}.json`), json);
writeFileSync(join(RESULTS, 'latest.json'), json);
console.log(`\nwrote ${relative(ROOT, join(RESULTS, `${stamp}.json`))} and bench/results/latest.json`);
if (opts.keep) console.log(`kept the corpus and the built site in ${relative(ROOT, TMP)}/`);
else rmSync(TMP, { recursive: true, force: true });
const misses = targets.filter((t) => t.result !== 'PASS');
if (misses.length) console.log(`${misses.length} target(s) not met: ${misses.map((t) => t.name).join('; ')}`);
