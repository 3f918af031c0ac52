/** Build tests of the recommendation pages on the fixture content (one recommendation in each status). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_DIR } from './setup.ts';

const page = (p: string) => readFileSync(join(SITE_DIR, p, 'index.html'), 'utf8');
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
/** Text with tags removed but no space added where they were, to check punctuation after links. */
const flat = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

const IDS = [
  'gamma-speak-up',
  'gamma-learning-together',
  'gamma-joint-orientation',
  'beta-team-placements',
  'alpha-team-training',
  'alpha-team-debriefs',
  'gamma-shared-placements',
];

describe('recommendation pages', () => {
  it('the index, the tracker and one page per recommendation exist and are in the sitemap', () => {
    const sitemap = readFileSync(join(SITE_DIR, 'sitemap.xml'), 'utf8');
    for (const p of ['recommendations', 'adoption', ...IDS.map((id) => `recommendations/${id}`)]) {
      expect(existsSync(join(SITE_DIR, p, 'index.html')), p).toBe(true);
      expect(sitemap, p).toContain(`https://crosswalk.test/ipcle/${p}/`);
    }
  });

  it('the index has one filterable row per recommendation, and filters for body, status and characteristic', () => {
    const html = page('recommendations');
    const rows = [...html.matchAll(/<tr data-body="([^"]+)" data-status="([^"]+)" data-characteristics="([^"]+)"/g)];
    expect(rows.map((m) => m[2]).sort()).toEqual(
      ['adopted', 'declined', 'draft', 'endorsed', 'partly-adopted', 'submitted', 'under-consideration'].sort(),
    );
    expect(rows.filter((m) => m[1] === 'alpha-council')).toHaveLength(2);
    for (const name of ['body', 'status', 'characteristic']) expect(html).toContain(`<select name="${name}"`);
    expect(html).toContain('<option value="under-consideration">Under consideration</option>');
    expect(html).toContain('<option value="teams-and-teamwork">Teams and teamwork</option>');
  });

  it('the adoption tracker shows counts by status, adoption rate, time to adoption and coverage movement', () => {
    const t = text(page('adoption'));
    expect(t).toMatch(/Draft 1 Endorsed 1 Submitted 1 Under consideration 1 Adopted 1 Partly adopted 1 Declined 1/);
    expect(t).toContain(
      '2 of 5 recommendations submitted to a body were adopted in full or in part (40%); the body has decided on 3 of them.',
    );
    // 2024-03-01 -> 2025-01-20 is 325 days, 2024-04-01 -> 2025-01-20 is 294: median 309.5, shown rounded.
    expect(t).toContain('Median 310 days from submission to adoption, over 2 adopted recommendations.');
    expect(t).toMatch(/Require team training for learners 2024-03-01 Adopted on 2025-01-20 325/);
    expect(t).toMatch(
      /Require team training for learners Teams and teamwork ○ Gap in ANC 2020 – Not reviewed in ANC 2027/,
    );
    expect(t).toMatch(
      /Require a climate where learners can speak up Psychological safety ○ Gap in GPC 2025 no later edition yet/,
    );
  });

  it('a draft says so; a page shows the proposal, model language with its official source, evidence and history', () => {
    const draft = page('recommendations/gamma-speak-up');
    expect(text(draft)).toContain('Draft. Proposed by IP-CLE Crosswalk project (fixture); no body has received it');
    expect(draft).toContain('href="/ipcle/standards/alpha-2020/a-1/"');
    expect(draft).toContain('href="https://example.org/alpha-council/2020#a-1"');
    expect(draft).toContain('href="https://example.org/fixture-source"');
    const adopted = page('recommendations/alpha-team-training');
    expect(adopted).not.toContain('id="draft-notice"');
    expect(text(adopted)).toMatch(/2025-01-20 Adopted Adopted in A-1 of 2027\./);
    expect(adopted).toContain('href="/ipcle/standards/alpha-2027/a-1/"');
    expect(text(adopted)).toMatch(/Teams and teamwork addressed as a gap ○ Gap – Not reviewed/);
  });

  it("a body's and a characteristic's pages list their recommendations", () => {
    const body = flat(page('accreditors/alpha-council'));
    expect(body).toContain('Require team training for learners: Adopted · Teams and teamwork (gap)');
    expect(body).toContain('Require team debriefs after placements: Partly adopted · Teams and teamwork (gap)');
    expect(body).not.toContain('Ask for team training of pharmacy learners');
    const c = flat(page('characteristics/teams-and-teamwork'));
    expect(c).toContain(
      'Ask for team training of pharmacy learners (to BPB): Under consideration · Teams and teamwork (opportunity)',
    );
    expect(c).not.toContain('Require a climate where learners can speak up');
    expect(page('characteristics/shared-interprofessional-onboarding')).toContain('Require a joint orientation');
    const gamma = page('accreditors/gamma-commission');
    expect([...gamma.matchAll(/href="\/ipcle\/recommendations\/gamma-[a-z-]+\/"/g)]).toHaveLength(4);
  });
});
