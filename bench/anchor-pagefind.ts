/**
 * The plain-Astro anchor's search step: the site's own Pagefind step (indexWithPagefind in
 * src/integrations/pagefind.ts: createIndex, addDirectory, getFiles, close, then write the files), nothing else.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexWithPagefind } from '../src/integrations/pagefind.ts';

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'bench-anchor-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(`Pagefind indexed ${(await indexWithPagefind(fileURLToPath(dir))).pages} pages`);
      },
    },
  };
}
