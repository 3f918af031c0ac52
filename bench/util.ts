/** Paths and small helpers shared by the bench's modules. */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIso } from '../src/lib/dates.ts';

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const ROOT = dirname(BENCH);
/** This run's own folder, so two bench runs at once never delete each other's corpus or site. */
export const TMP = join(BENCH, 'tmp', `run-${process.pid}`);
export const RESULTS = join(BENCH, 'results');

export const log = (msg: string) => process.stderr.write(`${msg}\n`);
export const mb = (bytes: number) => bytes / 1024 / 1024;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function walkFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) walkFiles(p, out);
    else if (d.isFile()) out.push(p);
  }
  return out;
}

/**
 * The date every build and phase of one run treats as today (CROSSWALK_TODAY, which the site, the
 * renderers and the phases read, through siteToday), fixed at the start unless already given: a run that crosses
 * midnight (UTC) would otherwise give its later builds another date, so the restored and warm builds
 * would render every dated download again and report a cache miss as a build's cost.
 */
export function pinToday(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  env.CROSSWALK_TODAY ??= todayIso(now);
  return env.CROSSWALK_TODAY;
}
