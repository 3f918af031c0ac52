/**
 * The plain-Astro anchor: a minimal Astro site with the project build's page count, HTML size and
 * indexed text per page and the same Pagefind step, built cold with the same Astro from
 * node_modules, so the project's build can be reported as a ratio to it, measured in the same run.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { anchorProjectFiles, planAnchorPages } from './anchor-site.ts';
import { measureBuild, outputTail, type BuildCost } from './build.ts';
import { indexTotals, readFragments } from './fragments.ts';
import { log, ROOT, walkFiles } from './util.ts';

type Totals = ReturnType<typeof indexTotals> & { htmlPages: number; htmlBytes: number };

export interface AnchorSummary extends BuildCost {
  ok: boolean;
  error?: string;
  pages: number;
  /** What the anchor built, next to the project build it was calibrated to. */
  anchor?: Totals;
  project: Totals;
  outputTail?: string;
}

function totals(siteOut: string): Totals {
  const html = walkFiles(siteOut).filter((p) => p.endsWith('/index.html'));
  return {
    htmlPages: html.length,
    htmlBytes: html.reduce((n, p) => n + statSync(p).size, 0),
    ...indexTotals(readFragments(siteOut)),
  };
}

/** Generates the anchor project from the project's built site (untimed), then builds it (timed). */
export async function runAnchor(siteOut: string, dir: string): Promise<AnchorSummary> {
  rmSync(dir, { recursive: true, force: true });
  const project = totals(siteOut);
  const pages = planAnchorPages(siteOut, readFragments(siteOut));
  const pagesJson = join(dir, 'pages.json');
  const files = anchorProjectFiles(pagesJson, join(dir, 'astro-cache'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(pagesJson, JSON.stringify(pages));
  const out = join(dir, 'dist');
  log(`  plain Astro anchor: astro build --root ${relative(ROOT, dir)} (${pages.length} pages)`);
  const r = await measureBuild(['build', '--root', dir], process.env, join(dir, 'rusage.txt'));
  const anchor = r.code === 0 ? totals(out) : undefined;
  const ok = r.code === 0 && anchor !== undefined && anchor.htmlPages === project.htmlPages;
  return {
    ok,
    ...(!ok && {
      error:
        r.code !== 0
          ? `anchor build exited with ${r.signal ?? r.code}`
          : `anchor built ${anchor?.htmlPages} pages, not ${project.htmlPages}`,
    }),
    wallMs: r.wallMs,
    ...(r.cpuMs !== undefined && { cpuMs: r.cpuMs }),
    cpuMethod: r.cpuMethod,
    ...(r.maxProcessRssMB !== undefined && { maxProcessRssMB: r.maxProcessRssMB }),
    treeRssMB: r.treeRssMB,
    peakRssMB: r.peakRssMB,
    ...(r.peakTree && { peakTree: r.peakTree }),
    pages: pages.length,
    ...(anchor && { anchor }),
    project,
    ...(!ok && { outputTail: outputTail(r.lines) }),
  };
}
