/**
 * The plain-Astro anchor's search step: Pagefind's Node API as src/integrations/crosswalk.ts calls
 * it (createIndex, addDirectory, getFiles, close, then write the files), and nothing else.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'bench-anchor-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        let added: Awaited<ReturnType<typeof index.addDirectory>>;
        let got: Awaited<ReturnType<typeof index.getFiles>>;
        try {
          added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          got = await index.getFiles();
        } finally {
          await pagefind.close();
        }
        if (got.errors.length) throw new Error(`Pagefind could not build its index: ${got.errors.join('; ')}`);
        const out = join(site, 'pagefind');
        rmSync(out, { recursive: true, force: true });
        for (const d of new Set(got.files.map((f) => dirname(join(out, f.path))))) mkdirSync(d, { recursive: true });
        for (const f of got.files) writeFileSync(join(out, f.path), f.content);
        logger.info(`Pagefind indexed ${added.page_count} pages`);
      },
    },
  };
}
