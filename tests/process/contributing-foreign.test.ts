/** CONTRIBUTING's walk-through of a committee's own sheet is true: its table, map and dry run, run as written. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/csv.ts';

const section = () => {
  const text = readFileSync('CONTRIBUTING.md', 'utf8');
  const start = text.indexOf("### Importing your committee's own spreadsheet");
  return text.slice(start, text.indexOf('\n## ', start));
};
/** The fenced block of a language in the section, without the list item's indentation. */
const block = (lang: string) => {
  const m = new RegExp(`( *)\`\`\`${lang}\\n([\\s\\S]*?)\\n *\`\`\``).exec(section())!;
  return m[2]!
    .split('\n')
    .map((l) => l.slice(m[1]!.length))
    .join('\n');
};
/** The Markdown table of the section as rows of cells. */
const table = () =>
  section()
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );

describe("CONTRIBUTING: importing your committee's own spreadsheet", () => {
  it('the example table and map give the dry run shown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipcle-contributing-'));
    cpSync('tests/fixtures/foreign/content', join(dir, 'content'), { recursive: true });
    const [header, ...rows] = table();
    writeFileSync(join(dir, 'committee.csv'), toCsv(header!, rows));
    writeFileSync(join(dir, 'committee.map.yaml'), `${block('yaml')}\n`);
    const r = spawnSync(process.execPath, [resolve('scripts/import.ts'), 'committee.csv'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CROSSWALK_DATA_VERSION: 'fixture', CI: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd()).toBe(block('text'));
    expect(r.status).toBe(0);
  });
});
