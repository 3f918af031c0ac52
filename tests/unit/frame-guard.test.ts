/** Frame-busting (issue 12, item 9): a page framed by another site hides and breaks out; its own frames are left alone. */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const SCRIPT = readFileSync('public/frame-guard.js', 'utf8');
const HERE = 'https://crosswalk.test/ipcle/matrix/';

/** Runs the guard in a window whose top is `top` (itself when omitted); returns what it did. */
function run(top?: { origin?: string; crossOrigin?: boolean; navigationBlocked?: boolean }) {
  const style: Record<string, string> = {};
  const navigations: string[] = [];
  const self: Record<string, unknown> = { location: { href: HERE, origin: 'https://crosswalk.test' } };
  const topWindow = top
    ? {
        location: {
          get origin() {
            if (top.crossOrigin) throw new Error('SecurityError: cross-origin');
            return top.origin;
          },
          replace(url: string) {
            if (top.navigationBlocked) throw new Error('SecurityError: sandboxed');
            navigations.push(url);
          },
        },
      }
    : self;
  self.top = topWindow;
  self.self = self;
  const document = {
    documentElement: { style: { setProperty: (k: string, v: string, p: string) => (style[k] = `${v} ${p}`) } },
  };
  runInNewContext(SCRIPT, { window: self, document });
  return { hidden: style.display === 'none important', navigations };
}

describe('frame guard', () => {
  it('does nothing on a page that is not framed', () => {
    expect(run()).toEqual({ hidden: false, navigations: [] });
  });
  it('hides a page framed by another site and loads it in the top window', () => {
    expect(run({ crossOrigin: true })).toEqual({ hidden: true, navigations: [HERE] });
  });
  it('stays hidden when a sandbox blocks top navigation', () => {
    expect(run({ crossOrigin: true, navigationBlocked: true })).toEqual({ hidden: true, navigations: [] });
  });
  it('leaves a frame of the site itself alone', () => {
    expect(run({ origin: 'https://crosswalk.test' })).toEqual({ hidden: false, navigations: [] });
  });
  it('treats a readable top window of another origin as framing', () => {
    expect(run({ origin: 'https://evil.example' }).hidden).toBe(true);
  });
  it('is loaded first in every page head, as a file the CSP allows', () => {
    const base = readFileSync('src/layouts/Base.astro', 'utf8');
    const head = base.slice(base.indexOf('<head>'), base.indexOf('</head>'));
    expect(head).toMatch(/<script is:inline src=\{url\.to\('frame-guard\.js'\)\}><\/script>/);
    expect(head.indexOf('frame-guard.js')).toBeLessThan(head.indexOf('<link'));
    expect(base).toMatch(/script-src 'self'/);
    expect(base).not.toMatch(/script-src[^;"]*'unsafe-inline'/);
  });
});
