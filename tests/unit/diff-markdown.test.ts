/** The pull-request diff comment carries no image, link, mention or HTML from the branch (issue 12, item 10). */
import { describe, expect, it } from 'vitest';
import { micromark } from 'micromark';
import { mdText } from '../../src/lib/diff/render.ts';

/** CommonMark rendering; GitHub's extra autolinks (https://…, www.…) are checked on the text itself. */
const render = (md: string) => micromark(md);

describe('mdText', () => {
  it.each([
    ['an image', '![x](https://evil.example/t.png)'],
    ['a link', '[click here](https://evil.example)'],
    ['a reference link', '[click][1]\n[1]: https://evil.example'],
    ['an autolink', 'see https://evil.example now'],
    ['a www autolink', 'see www.evil.example now'],
    ['an angle autolink', '<https://evil.example>'],
    ['raw HTML', '<img src=x onerror=alert(1)>'],
    ['an email autolink', 'mail me@evil.example'],
  ])('renders %s from a rationale as plain text', (_what, attack) => {
    const html = render(`- label → \`c\`: ${mdText(attack)}`);
    expect(html).not.toMatch(/<a |<img/);
    expect(mdText(attack)).not.toMatch(/:\/\/|www\.|@evil/);
  });

  it('keeps emphasis, headings and list markers literal', () => {
    const html = render(mdText('# **bold** _it_ ~~gone~~'));
    expect(html).not.toMatch(/<h1|<strong|<em/);
    expect(html).toContain('~~gone~~');
    expect(render(`- ${mdText('- nested')}`)).not.toMatch(/<ul>\s*<li>\s*<ul>/);
  });

  it('keeps the words readable', () => {
    expect(mdText('a <script>x</script> | @team\nnext')).toBe('a &lt;script&gt;x&lt;/script&gt; \\| @\u200bteam next');
    expect(render(mdText('Requires (in part) team_work!'))).toBe('<p>Requires (in part) team_work!</p>');
  });
});
