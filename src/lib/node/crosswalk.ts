/** Node-side loading of the validated crosswalk, shared by scripts and the site build. */
import { execFileSync } from 'node:child_process';
import { checkDir, type CheckResult } from '../check/index.ts';
import { toCrosswalkData, indexCrosswalk, type CrosswalkData, type CrosswalkIndex } from '../crosswalk.ts';
import { ContentError } from '../diagnostics.ts';

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

/** Load and check; throws ContentError (with every located message) when content has errors. */
export function loadCrosswalk(contentDir: string, options: { today?: string } = {}): Loaded {
  const check = checkDir(contentDir, options);
  if (check.errors > 0) throw new ContentError(check.diagnostics);
  const data = toCrosswalkData(check.content, dataVersion(contentDir));
  return { check, data, index: indexCrosswalk(data) };
}
