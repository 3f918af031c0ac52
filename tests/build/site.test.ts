/** Build tests on the fixture content: pages exist, hold the right figures, links resolve, quality rules hold. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinkChecker } from 'linkinator';
import { describe, expect, it } from 'vitest';
import { serve } from '../static-server.ts';
import { BUILD_ENV, SITE_DIR, SITE_ROOT } from './setup.ts';

const page = (p: string) => readFileSync(join(SITE_DIR, p, 'index.html'), 'utf8');
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

describe('pages exist with the right figures', () => {
  it('home shows headline figures computed from the content', () => {
    const t = text(page(''));
    expect(t).toMatch(/3 lines of standards from 3 organisations in 2 countries/);
    expect(t).toMatch(/4 editions/);
    expect(t).toMatch(/6 standards/);
    expect(t).toMatch(/7 mappings/);
    expect(t).toMatch(/50% of standards verified in the body's own text \(3\)/);
    expect(t).toMatch(/14% of mappings reviewed by two professions \(1\)/);
    expect(t).toContain('fixture last data update');
    expect(t).toContain(
      '2 cells covered, 2 partial, 1 integration opportunities (implicit only), 4 reviewed gaps and 3 not yet reviewed',
    );
    expect(t).toContain('5 of 12 cells (42%) rest on reviewed, current, verified evidence');
  });
  it('every entity has its page', () => {
    for (const p of [
      'characteristics/psychological-safety',
      'accreditors/alpha-council',
      'editions/alpha-2027',
      'standards/beta-2024/b-1-1',
      'standards/gamma-2025/g-3',
      'initiatives/shared-onboarding',
      'matrix',
      'matrix/profession/pharmacy',
      'report',
      'report/all',
      'search',
      'data',
      'about',
      'contribute',
      'changelog',
    ]) {
      expect(existsSync(join(SITE_DIR, p, 'index.html')), p).toBe(true);
    }
    expect(existsSync(join(SITE_DIR, '404.html'))).toBe(true);
  });
  it('a standard page shows code, summary, source, verification, mappings with rationale, review status and cite text', () => {
    const t = text(page('standards/beta-2024/b-1-1'));
    expect(t).toContain('B.1.1 Interprofessional Education');
    expect(t).toContain('Fixture summary of B.1.1.');
    expect(t).toContain('Verified in the body’s own text');
    expect(t).toContain('https://example.org/beta-board/2024#b-1-1');
    expect(t).toContain('The fixture element expects pharmacy students to learn alongside other health professions.');
    expect(t).toContain('Reviewed (two professions agree)');
    expect(t).toContain('Reviewer Two (fixture) (Nursing), 2025-02-03: agree');
    expect(t).toContain('Cite this');
    expect(t).toMatch(
      /\(2026\)\. BPB B\.1\.1 Interprofessional Education, Beta Accreditation Standards \(2024\): summary and mappings to IP-CLE characteristics\. In IP-CLE Crosswalk \(data version fixture\)\. CC BY 4\.0\. https:\/\/crosswalk\.test\/ipcle\/standards\/beta-2024\/b-1-1\/ \(accessed 2026-11-25\)\./,
    );
    expect(t).toContain('Cite this mapping');
    // A suggested strength is shown beside its reviewer's verdict.
    expect(text(page('standards/alpha-2027/a-1'))).toContain(
      'Reviewer One (fixture) (Pharmacy), 2025-03-01: dissent, suggests partial: Fixture dissent: the planned learning is optional.',
    );
    const g3 = text(page('standards/gamma-2025/g-3'));
    expect(g3).toContain('This code and title have not been confirmed in a source');
    // B-2 maps teamwork only implicitly, so it is not offered as a related standard (see site-data unit test).
    expect(g3).not.toContain('Related standards of other professions');
  });
  it('a body page shows editions, transition notice, coverage and gaps', () => {
    const t = text(page('accreditors/alpha-council'));
    expect(t).toContain('In transition: Alpha Standards (2027) takes effect 2027-01-01, replacing 2020.');
    expect(t).toContain('1 covered, 1 partial, 0 opportunity, 1 gap, 1 not reviewed.');
    expect(t).toContain('Editorial status Fixture: whole text read.');
    expect(t).toContain('whole text read');
    expect(t).toMatch(/Gaps Teams and teamwork/);
  });
  it('the matrix is a real table with symbols and text, each cell linking to its evidence', () => {
    const html = page('matrix');
    expect(html).toMatch(/<caption>Coverage of 4 characteristics by 3 bodies<\/caption>/);
    expect((html.match(/<th scope="col"/g) ?? []).length).toBe(4);
    expect((html.match(/<th scope="row"/g) ?? []).length).toBe(4);
    expect(html).toContain('href="/ipcle/editions/gamma-2025/#c-psychological-safety"');
    expect(text(html)).toContain('○ Gap');
    // the implicit-only cell is an opportunity, with its evidence notes (secondary, proposed) and a legend
    expect(html).toContain(
      '<td class="opportunity"><a href="/ipcle/editions/beta-2024/#c-teams-and-teamwork" data-q="1,3"><span>BPB: Opportunity; notes 1,3</span></a></td>',
    );
    expect(text(html)).toMatch(/◇ Opportunity ?: the body does not ask for it/);
    expect(html).toContain('id="notes"');
    expect(text(page('matrix/profession/pharmacy'))).toContain('by 1 bodies (Pharmacy)');
  });
  it('an edition not yet reviewed for a characteristic shows the older edition carried forward, and its drift', () => {
    const t = text(page('editions/alpha-2027'));
    expect(t).toContain('Text read text read in part');
    expect(t).toMatch(
      /Shared interprofessional onboarding – Not reviewed Carried forward from Alpha Standards \(2020\) ?: Partial \( ?A-2 ?\); not checked against the edition in force\./,
    );
    expect(t).toContain('Carried over from 2020');
    expect(t).toContain('A-1 Safe Learning Climate: not yet checked against this edition');
  });
  it('an edition says at which levels the body publishes no headings', () => {
    expect(text(page('editions/gamma-2025'))).toContain(
      'Headings the body publishes no heading for its criterion entries, so they show by code only',
    );
    expect(text(page('editions/alpha-2027'))).not.toContain('publishes no heading');
  });
  it('sourcing notes are collapsed and kept out of the published text and search', () => {
    const html = page('standards/gamma-2025/g-3');
    expect(html).toMatch(
      /<details class="sourcing-notes" data-pagefind-ignore[^>]*><summary>How this was sourced<\/summary>/,
    );
    expect(text(html)).toContain('Fixture sourcing note.');
  });
  it('the builder page carries no report (its size does not grow with the standards); the all-bodies report has its own page', () => {
    const builder = page('report');
    expect(builder).not.toContain('report-matrix');
    expect(text(builder)).toContain('The report for every body in force on 2026-11-25 has a page of its own');
    expect(builder).toMatch(/<noscript>[^]*href="\/ipcle\/report\/all\/"/);
    const t = text(page('report/all'));
    expect(t).toContain('bodies: all; editions in force on 2026-11-25');
    expect(t).toMatch(/Summary Bodies Characteristics Covered Partial Opportunity Gap Not reviewed 3 4 2 2 1 4 3/);
    expect(t).toContain('Integration opportunities');
    expect(t).toContain(
      "Review agreement 2 of 6 mappings in this selection have a review; 2 have two or more. Overall 75% of 4 reviews agree; Fleiss' kappa -0.33 on 2 mappings.",
    );
  });
  it('the data page links downloads that exist, and the JSON is the crosswalk', () => {
    for (const f of [
      'crosswalk.json',
      'gap-report-all.csv',
      'gap-report-all.xlsx',
      'gap-report-all.pdf',
      'gap-report-all.md',
      'gap-report-all.json',
      'reports/beta-board.pdf',
      'reports/beta-board.xlsx',
      'schema/standard.schema.json',
      'schema/gap-report.schema.json',
    ]) {
      expect(statSync(join(SITE_DIR, 'data', f)).size, f).toBeGreaterThan(100);
    }
    const data = JSON.parse(readFileSync(join(SITE_DIR, 'data/crosswalk.json'), 'utf8'));
    expect(data.standards).toHaveLength(6);
    expect(data.version).toBe('fixture');
    const report = JSON.parse(readFileSync(join(SITE_DIR, 'data/gap-report-all.json'), 'utf8'));
    expect(report.summary.counts).toEqual({ covered: 2, partial: 2, opportunity: 1, gap: 4, 'not-reviewed': 3 });
    expect(report.schemaVersion).toBe('2.2');
  });
});

describe('quality', () => {
  const files = htmlFiles(SITE_DIR);
  it('every page has a title, description, canonical URL under the base path, and the CSP', () => {
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      expect(html, f).toMatch(/<title>[^<]+ · IP-CLE Crosswalk<\/title>/);
      expect(html, f).toMatch(/<meta name="description" content="[^"]{20,}"/);
      expect(html, f).toMatch(/<link rel="canonical" href="https:\/\/crosswalk\.test\/ipcle\//);
      expect(html, f).toContain('http-equiv="Content-Security-Policy"');
      expect(html, f).toMatch(/<html lang="en">/);
    }
  });
  it('no inline script or style, and no third-party requests', () => {
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      expect(html, f).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, f).not.toMatch(/\sstyle="/);
      expect(html, f).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="https?:\/\/(?!crosswalk\.test)/);
    }
  });
  it('no JavaScript on pages that need none, beyond the frame guard', () => {
    for (const p of [
      '',
      'standards/beta-2024/b-1-1',
      'characteristics/psychological-safety',
      'accreditors/alpha-council',
      'about',
    ]) {
      // The frame guard (a file: the CSP allows no inline script) is the only script these pages load.
      const scripts = page(p).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts, p).toEqual(['<script src="/ipcle/frame-guard.js">']);
    }
    expect(page('search')).toContain('<script type="module" src="/ipcle/_astro/');
  });
  it('sitemap lists every page under the site URL and base path', () => {
    const xml = readFileSync(join(SITE_DIR, 'sitemap.xml'), 'utf8');
    expect(xml).toContain('<loc>https://crosswalk.test/ipcle/standards/beta-2024/b-1-1/</loc>');
    expect((xml.match(/<loc>/g) ?? []).length).toBe(files.length - 1); // every page but 404
  });
  it('the search index was built from the output, complete (no empty files)', () => {
    const dir = join(SITE_DIR, 'pagefind');
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBeGreaterThan(10);
    const all = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(all.map((d) => d.name)).toContain('pagefind.js');
    expect(all.filter((d) => statSync(join(d.parentPath, d.name)).size === 0).map((d) => d.name)).toEqual([]);
  });
  it('no broken internal links (link checker over the output)', async () => {
    const server = await serve(SITE_ROOT);
    try {
      const checker = new LinkChecker();
      const result = await checker.check({
        path: `${server.url}/ipcle/`,
        recurse: true,
        // Only our own pages: external sources (the bodies' documents) are not fetched in tests.
        linksToSkip: async (link) => !link.startsWith(server.url),
      });
      const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (from ${l.parent})`);
      expect(broken).toEqual([]);
      // Every page in the sitemap is reachable by following links from the home page.
      const ok = new Set(result.links.filter((l) => l.state === 'OK').map((l) => new URL(l.url).pathname));
      const pages = [
        ...readFileSync(join(SITE_DIR, 'sitemap.xml'), 'utf8').matchAll(
          /<loc>https:\/\/crosswalk\.test([^<]+)<\/loc>/g,
        ),
      ].map((m) => m[1]!);
      expect(pages.filter((p) => !ok.has(p))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('the build fails loudly on invalid content', () => {
  it('exits non-zero with the check message and publishes nothing', () => {
    const content = mkdtempSync(join(tmpdir(), 'ipcle-bad-'));
    cpSync('tests/fixtures/content', content, { recursive: true });
    const f = join(content, 'standards/alpha-2020/a-1.md');
    writeFileSync(f, readFileSync(f, 'utf8').replace('strength: explicit', 'strength: explict'));
    const out = mkdtempSync(join(tmpdir(), 'ipcle-out-'));
    const r = spawnSync(process.execPath, ['node_modules/.bin/astro', 'build', '--outDir', out], {
      env: { ...process.env, ...BUILD_ENV, CROSSWALK_CONTENT: content },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain('mappings[0].strength: value is not one of the allowed values');
    expect(`${r.stdout}${r.stderr}`).toContain('did you mean `explicit`?');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});
