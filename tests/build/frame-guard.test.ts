/** Every built page loads the frame guard first in its head, under the base path (issue 12, item 9). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_DIR } from './setup.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

describe('frame guard in the built site', () => {
  it('is in every page, before any stylesheet or body content, and the file is published', () => {
    expect(existsSync(join(SITE_DIR, 'frame-guard.js'))).toBe(true);
    const pages = htmlFiles(SITE_DIR);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const at = html.indexOf('<script src="/ipcle/frame-guard.js"></script>');
      expect(at, page).toBeGreaterThan(0);
      expect(at, page).toBeLessThan(html.indexOf('</head>'));
      const sheet = html.indexOf('<link rel="stylesheet"');
      if (sheet >= 0) expect(at, page).toBeLessThan(sheet);
    }
  });
});
