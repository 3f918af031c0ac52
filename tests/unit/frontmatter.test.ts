import { describe, expect, it } from 'vitest';
import { baseSet, check } from '../helpers.ts';

const STD = 'standards/alpha-2020/a-1.md';

function withStandard(text: string | Uint8Array) {
  return check({ ...baseSet(), [STD]: text });
}

describe('bad input gets a located, human error and never a stack trace', () => {
  it('empty file', () => {
    const r = withStandard('');
    expect(r.text).toEqual([
      expect.stringContaining('content/standards/alpha-2020/a-1.md:1:1  error  file is empty  [syntax]'),
    ]);
    expect(r.errors).toBe(1);
  });

  it('no frontmatter', () => {
    const r = withStandard('# Just a heading\n');
    expect(r.text[0]).toContain(':1:1  error  file has no frontmatter');
    expect(r.diagnostics[0]!.fix).toMatch(/start the file with a `---` line/);
  });

  it('unclosed frontmatter', () => {
    const r = withStandard('---\ncode: A-1\n');
    expect(r.text[0]).toContain('frontmatter opened on line 1 is never closed');
  });

  it('YAML syntax error names the line', () => {
    const r = withStandard('---\ncode: A-1\ntitle: "unclosed\nlevel: standard\n---\n');
    const d = r.diagnostics.find((x) => x.rule === 'syntax')!;
    expect(d.message).toMatch(/^YAML syntax error/);
    expect(d.line).toBeGreaterThanOrEqual(3);
  });

  it('tabs used for indentation', () => {
    const r = withStandard('---\ncode: A-1\nmappings:\n\t- characteristic: x\n---\n');
    const d = r.diagnostics.find((x) => x.rule === 'syntax')!;
    expect(d.line).toBe(4);
    expect(d.fix).toBe('indent with spaces, never tabs');
  });

  it('duplicate YAML keys', () => {
    const r = withStandard('---\ncode: A-1\ncode: A-2\n---\n');
    const d = r.diagnostics.find((x) => x.rule === 'syntax')!;
    expect(d.line).toBe(3);
    expect(d.message).toMatch(/unique/i);
    expect(d.fix).toMatch(/keep one of the two/);
  });

  it('BOM is a warning and the file still validates', () => {
    const r = withStandard(`\uFEFF${baseSet()[STD]}`);
    expect(r.errors).toBe(0);
    expect(r.text).toEqual([expect.stringContaining('warning  file starts with a byte-order mark  [encoding]')]);
  });

  it('CRLF is a warning and positions stay right', () => {
    const crlf = baseSet()[STD]!.replace(/\n/g, '\r\n').replace('strength: explicit', 'strength: strong');
    const r = withStandard(crlf);
    expect(r.diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([
      ['encoding', 'warning', 1],
      ['schema', 'error', 10],
    ]);
  });

  it('non-UTF-8 bytes', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('---\ncode: A-1\ntitle: Caf'),
      0xe9,
      ...new TextEncoder().encode('\n---\n'),
    ]);
    const r = withStandard(bytes);
    expect(r.text[0]).toContain('a-1.md:3:');
    expect(r.diagnostics[0]!.message).toBe('file is not valid UTF-8');
    expect(r.diagnostics[0]!.fix).toMatch(/UTF-8/);
  });

  it('a 5 MB file', () => {
    const r = withStandard(`---\ncode: A-1\n---\n${'x'.repeat(5_000_000)}`);
    expect(r.diagnostics[0]).toMatchObject({ rule: 'file-size', found: '5.0 MB', line: 1 });
  });

  it('a field of the wrong type', () => {
    const r = withStandard(baseSet()[STD]!.replace('code: A-1', 'code: 12'));
    const d = r.diagnostics.find((x) => x.path === 'code')!;
    expect(d).toMatchObject({ rule: 'schema', line: 2, found: 'the number 12 (12)' });
    expect(d.fix).toBe('put the value in quotes: "12"');
  });

  it('an unknown field gets did-you-mean', () => {
    const r = withStandard(baseSet()[STD]!.replace('bindingness:', 'bindingnes:'));
    const d = r.diagnostics.find((x) => x.message.startsWith('unknown field'))!;
    expect(d).toMatchObject({ line: 5, path: 'bindingnes', fix: 'did you mean `bindingness`?' });
  });

  it('a reference to a missing ID gets did-you-mean', () => {
    const r = withStandard(
      baseSet()[STD]!.replace('characteristic: psychological-safety', 'characteristic: psychological-saftey'),
    );
    expect(r.text).toEqual([
      `content/standards/alpha-2020/a-1.md:9:21  error  mappings[0].characteristic: refers to a characteristic that does not exist  [references]
    found:    \`psychological-saftey\`
    expected: the ID of a file in content/characteristics/
    fix:      did you mean \`psychological-safety\`?`,
    ]);
  });

  it('an ID with capitals or spaces', () => {
    const set = baseSet();
    const r = check({
      ...set,
      'characteristics/Psychological Safety.md': set['characteristics/psychological-safety.md']!,
    });
    const d = r.diagnostics.find((x) => x.rule === 'file-name')!;
    expect(d.found).toBe('"Psychological Safety"');
    expect(d.fix).toBe('rename the file to `psychological-safety.md`');
  });

  it('YAML aliases (cyclic, undefined or exploding) are refused with their line', () => {
    for (const fm of ['self: &s [*s]', 'x: *a', 'a: &a [x, x]\nb: [*a, *a]']) {
      const r = withStandard(`---\ncode: A-1\n${fm}\n---\n`);
      const d = r.diagnostics.find((x) => x.rule === 'syntax')!;
      expect(d.message).toBe('YAML alias in frontmatter');
      expect(d.line).toBeGreaterThanOrEqual(3);
    }
  });

  it('a missing required enum field is reported as missing', () => {
    const r = withStandard(baseSet()[STD]!.replace('bindingness: required\n', ''));
    expect(r.diagnostics[0]).toMatchObject({ path: 'bindingness', message: 'required field `bindingness` is missing' });
    expect(r.diagnostics[0]!.expected).toMatch(/^one of: required, expected, guidance/);
  });
});
