// @ts-check
import { resolve, sep } from 'node:path';
import { defineConfig } from 'astro/config';
import crosswalk from './src/integrations/crosswalk.ts';

// SITE_URL and BASE_PATH are set by the deploy workflow; locally the site serves at the root.
const base = process.env.BASE_PATH ?? '/';
// Pages use directory URLs with a trailing slash; the dev server must also serve the data downloads
// (data/x.pdf, from an injected route), which have none, so it accepts both forms.
const dev = process.argv.includes('dev');
const contentDir = process.env.CROSSWALK_CONTENT ?? 'content';
// The dev server's file watcher skips the bench's scratch folder (a kept 10,000-standard run is 1.4 GB
// and made `npm run dev` start three times slower) and the download cache, unless the content is there.
const scratch = ['bench/tmp', '.cache'].map((d) => resolve(d)).filter((d) => !resolve(contentDir).startsWith(d + sep));

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base,
  trailingSlash: dev ? 'ignore' : 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [crosswalk({ contentDir })],
  devToolbar: { enabled: false },
  // Never inline scripts: the Content-Security-Policy allows only same-origin script files.
  vite: {
    build: { chunkSizeWarningLimit: 1500, assetsInlineLimit: 0 },
    server: { watch: { ignored: scratch.map((d) => `${d}/**`) } },
  },
});
