#!/usr/bin/env node
/**
 * node scripts/preview-pages.ts crosswalk-diff.json: the site pages a pull request changes, one path
 * per line (e.g. `standards/lcme-2024-25/3-7/`), from `npm run diff --format json`. CI puts the list
 * beside the diff so the pull-request comment can point at those pages in the preview artifact.
 */
import { readFileSync } from 'node:fs';
import { CliExit, runMain } from '../src/lib/node/cli.ts';
import { paths } from '../src/site/urls.ts';

interface DiffJson {
  entities?: { kind?: unknown; id?: unknown }[];
}

/** The changed entities' pages, in the diff's order, each once. */
export function changedPages(diff: DiffJson): string[] {
  const out = new Set<string>();
  for (const e of diff.entities ?? []) {
    if (typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9._/-]*$/.test(e.id)) continue;
    switch (e.kind) {
      case 'characteristic':
        out.add(paths.characteristic(e.id));
        break;
      case 'accreditor':
        out.add(paths.accreditor(e.id));
        break;
      case 'edition':
        out.add(paths.edition(e.id));
        break;
      case 'standard':
        out.add(paths.standard(e.id));
        break;
      case 'initiative':
        out.add(paths.initiative(e.id));
        break;
      case 'recommendation':
        out.add(paths.recommendation(e.id));
        break;
      default:
        break;
    }
  }
  // Coverage moves and new mappings show on the matrix.
  if (out.size) out.add(paths.matrix());
  return [...out];
}

/** Prints the changed pages of the diff file named in `argv`. */
export function main(argv: string[]): number {
  const file = argv[0];
  if (!file) throw new CliExit(2, 'preview-pages: usage: node scripts/preview-pages.ts crosswalk-diff.json');
  for (const p of changedPages(JSON.parse(readFileSync(file, 'utf8')) as DiffJson)) console.log(p);
  return 0;
}

if (import.meta.main) await runMain(main);
