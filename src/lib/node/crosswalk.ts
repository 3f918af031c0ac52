/** Node-side loading of the validated crosswalk, shared by scripts and the site build. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { checkDir, type CheckResult } from '../check/index.ts';
import { toCrosswalkData, indexCrosswalk, type CrosswalkData, type CrosswalkIndex } from '../crosswalk.ts';
import { ContentError } from '../diagnostics.ts';
import { todayIso } from '../dates.ts';

/**
 * The data version: the date and commit of the newest change under the content folder, so every
 * report says which state of the crosswalk it was computed from. CROSSWALK_DATA_VERSION overrides it
 * (tests pin it).
 */
export function dataVersion(contentDir: string): string {
  if (process.env.CROSSWALK_DATA_VERSION) return process.env.CROSSWALK_DATA_VERSION;
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs+%h', '--', contentDir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (out) return out;
  } catch {
    // not a git checkout: fall through
  }
  return 'unversioned';
}

export interface Loaded {
  check: CheckResult;
  data: CrosswalkData;
  index: CrosswalkIndex;
}

/** The date the site and its checks treat as today (CROSSWALK_TODAY pins it for tests). */
export function siteToday(): string {
  return process.env.CROSSWALK_TODAY ?? todayIso();
}

/**
 * During `astro build` the integration, the content layer and the pages live in different module
 * graphs of one process; this process-wide cache lets them share one check (and one load: the
 * integration hands it to the download renderers) instead of three.
 * Only the build turns it on: `astro dev` must see edits.
 */
const SHARED = Symbol.for('ipcle-crosswalk.shared-checks');
/** The checks and the loads made in this build, by content folder and day. */
interface Shared {
  checks: Map<string, CheckResult>;
  loads: Map<string, Loaded>;
}
const shared = () => (globalThis as { [SHARED]?: Shared })[SHARED];

export function shareChecksInThisProcess(): void {
  (globalThis as { [SHARED]?: Shared })[SHARED] ??= { checks: new Map(), loads: new Map() };
}

const sharedKey = (contentDir: string, today: string | undefined) => `${resolve(contentDir)}|${today ?? ''}`;

/**
 * Bumped by the dev server whenever a file under the content folder changes, so the site's view model
 * (built once per process) is rebuilt on the next request. Process-wide for the same reason as above.
 */
const GENERATION = Symbol.for('ipcle-crosswalk.content-generation');
type WithGeneration = { [GENERATION]?: number };

function contentGeneration(): number {
  return (globalThis as WithGeneration)[GENERATION] ?? 0;
}

export function bumpContentGeneration(): void {
  (globalThis as WithGeneration)[GENERATION] = contentGeneration() + 1;
}

/** `build` run once per content state: once per build, and again after each edit under `astro dev`. */
export function oncePerContent<T>(build: () => T): () => T {
  let value: T | undefined;
  let builtFor = -1;
  return () => {
    const now = contentGeneration();
    if (builtFor !== now || value === undefined) {
      value = build();
      builtFor = now;
    }
    return value;
  };
}

export function checkOnce(contentDir: string, options: { today?: string } = {}): CheckResult {
  const cache = shared()?.checks;
  const key = sharedKey(contentDir, options.today);
  const hit = cache?.get(key);
  if (hit) return hit;
  const result = checkDir(contentDir, options);
  cache?.set(key, result);
  return result;
}

/** Load and check; throws ContentError (with every located message) when content has errors. */
export function loadCrosswalk(contentDir: string, options: { today?: string } = {}): Loaded {
  const cache = shared()?.loads;
  const key = sharedKey(contentDir, options.today);
  const hit = cache?.get(key);
  if (hit) return hit;
  const check = checkOnce(contentDir, options);
  if (check.errors > 0) throw new ContentError(check.diagnostics);
  const data = toCrosswalkData(check.content, dataVersion(contentDir));
  const loaded = { check, data, index: indexCrosswalk(data) };
  cache?.set(key, loaded);
  return loaded;
}
