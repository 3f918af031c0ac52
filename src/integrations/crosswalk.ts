/**
 * Build integration: refuses to build on invalid content (same messages as `npm run check`) and
 * indexes the built pages with Pagefind's Node API; a failed index fails the build.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkOnce, shareChecksInThisProcess, siteToday } from '../lib/node/crosswalk.ts';
import { ContentError, countBySeverity } from '../lib/diagnostics.ts';

export default function crosswalk(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'ipcle-crosswalk',
    hooks: {
      'astro:config:setup': ({ logger, command }) => {
        if (command === 'build') shareChecksInThisProcess();
        const result = checkOnce(options.contentDir, { today: siteToday() });
        const { errors } = countBySeverity(result.diagnostics);
        if (errors > 0) throw new ContentError(result.diagnostics);
        logger.info(result.summary);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Pagefind indexed ${added.page_count} pages`);
      },
    },
  };
}
