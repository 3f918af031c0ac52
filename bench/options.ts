/** The bench's command line: corpus size, repetitions and which parts to run. */
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS, type CorpusOptions } from './generate.ts';

export const USAGE = `usage: npm run bench -- [--bodies N] [--standards-per-body N] [--characteristics N] [--initiatives N]
       [--seed N] [--reps N] [--no-site | --site-only] [--no-pdf] [--no-warm] [--keep]`;

export interface BenchOptions {
  corpus: CorpusOptions & { seed: number };
  reps: number;
  noSite: boolean;
  siteOnly: boolean;
  noPdf: boolean;
  /** Skip the builds after the cold one: download cache restored (content unchanged), and warm (one body changed). */
  noWarm: boolean;
  keep: boolean;
}

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

export function parseOptions(args: string[]): BenchOptions {
  let v;
  try {
    v = parseArgs({
      args,
      options: {
        bodies: { type: 'string', default: String(DEFAULT_CORPUS.bodies) },
        'standards-per-body': { type: 'string', default: String(DEFAULT_CORPUS.standardsPerBody) },
        characteristics: { type: 'string', default: String(DEFAULT_CORPUS.characteristics) },
        initiatives: { type: 'string' },
        seed: { type: 'string', default: String(DEFAULT_CORPUS.seed) },
        reps: { type: 'string', default: '3' },
        'no-site': { type: 'boolean', default: false },
        'site-only': { type: 'boolean', default: false },
        'no-pdf': { type: 'boolean', default: false },
        'no-warm': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (v.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const num = (name: string, s: string | undefined, min: number): number => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number ≥ ${min}, got "${s}"`);
    return n;
  };
  if (v['no-site'] && v['site-only']) fail('--no-site and --site-only exclude each other');
  return {
    corpus: {
      bodies: num('bodies', v.bodies, 1),
      standardsPerBody: num('standards-per-body', v['standards-per-body'], 1),
      characteristics: num('characteristics', v.characteristics, 1),
      ...(v.initiatives !== undefined && { initiatives: num('initiatives', v.initiatives, 0) }),
      seed: num('seed', v.seed, 0),
    },
    reps: num('reps', v.reps, 1),
    noSite: v['no-site'],
    siteOnly: v['site-only'],
    noPdf: v['no-pdf'],
    noWarm: v['no-warm'],
    keep: v.keep,
  };
}
