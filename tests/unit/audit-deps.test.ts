/** The offline dependency audit: range matching, lockfile reading, licences, acceptances (issue 12, item 11). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditProject, main } from '../../scripts/audit-deps.ts';
import { advisoryFileSchema, audit, auditFailed, lockPackages } from '../../src/lib/deps/audit.ts';
import { licenceFromFileText, licenceKind } from '../../src/lib/deps/licences.ts';
import { compareVersions, inRange, parseVersion } from '../../src/lib/deps/versions.ts';

const FIXTURE = 'tests/fixtures/deps';
const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const fixtureLock = () => json(`${FIXTURE}/package-lock.json`);
const fixtureAdvisories = () => advisoryFileSchema.parse(json(`${FIXTURE}/security/advisories.json`));

describe('inRange', () => {
  const UUID = '<11.1.1 || >=12.0.0 <12.0.1 || >=13.0.0 <13.0.1';
  it.each([
    ['8.3.2', true],
    ['11.1.0', true],
    ['11.1.1', false],
    ['11.2.0', false],
    ['12.0.0', true],
    ['12.0.1', false],
    ['13.0.0', true],
    ['13.0.1', false],
    ['14.0.0', false],
    ['11.1.1-beta.1', true], // a pre-release sorts before its release
  ])('uuid %s in the advisory range: %s', (version, expected) => {
    expect(inRange(version, UUID)).toBe(expected);
  });

  it('reads every comparator, with or without a space after it', () => {
    expect(inRange('0.2.3', '<=0.2.3')).toBe(true);
    expect(inRange('0.2.4', '<= 0.2.3')).toBe(false);
    expect(inRange('1.0.0', '>1.0.0')).toBe(false);
    expect(inRange('1.0.0', '=1.0.0')).toBe(true);
    expect(inRange('1.0.0', '1.0.0')).toBe(true);
    expect(inRange('2.0.0', '>= 1.0.0 < 2.0.0')).toBe(false);
  });

  it('refuses a range or version it cannot read instead of matching nothing', () => {
    expect(() => inRange('1.0.0', '^1.0.0')).toThrow(/cannot read "\^1\.0\.0"/);
    expect(() => inRange('1.0.0', '<1.0 ||')).toThrow(/empty alternative/);
    expect(() => inRange('1.0', '<2.0.0')).toThrow(/"1\.0" is not a version/);
  });

  it('orders pre-releases as semver says', () => {
    const order = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ];
    for (let i = 1; i < order.length; i++)
      expect(compareVersions(parseVersion(order[i - 1]!), parseVersion(order[i]!))).toBeLessThan(0);
  });
});

describe('licenceKind', () => {
  it.each([
    ['MIT', 'permissive'],
    ['(MIT OR GPL-3.0-or-later)', 'permissive'],
    ['Apache-2.0 AND LGPL-3.0-or-later', 'weak-copyleft'],
    ['MPL-2.0', 'weak-copyleft'],
    ['GPL-3.0-only', 'copyleft'],
    ['GPL-2.0+', 'copyleft'],
    ['GPL-2.0-only WITH Classpath-exception-2.0', 'copyleft'],
    ['MIT/X11', 'permissive'],
    ['WTFPL', 'unknown'],
    [undefined, 'unknown'],
    ['MIT AND', 'unknown'],
  ])('%s is %s', (expression, kind) => {
    expect(licenceKind(expression)).toBe(kind);
  });

  it('reads a LICENSE file when package.json names no licence', () => {
    expect(licenceFromFileText('MIT License\n\nCopyright (c) 2017 Someone')).toBe('MIT');
    expect(licenceFromFileText('All rights reserved.')).toBeUndefined();
  });
});

describe('lockPackages and audit on a fixture lockfile', () => {
  it('lists every installed package with who requires it, skipping the root and links', () => {
    const pkgs = lockPackages(fixtureLock());
    expect(pkgs.map((p) => `${p.name}@${p.version}`)).toEqual([
      'exceljs@4.4.0',
      'uuid@8.3.2',
      'tmp@0.2.3',
      'tmp@0.2.7',
      'left-pad@1.3.0',
      'gpl-thing@2.0.0-beta.1',
      'dual@3.10.2',
    ]);
    expect(pkgs.find((p) => p.name === 'uuid')!.requiredBy).toEqual(['exceljs']);
    expect(pkgs.find((p) => p.name === 'gpl-thing')!.dev).toBe(true);
  });

  it('matches the vulnerable tmp and the accepted uuid, not the patched nested tmp, and fails', () => {
    const r = audit(lockPackages(fixtureLock()), fixtureAdvisories());
    expect(r.findings.map((f) => `${f.pkg.path} ${f.advisory.id} ${f.accepted ? 'accepted' : 'open'}`)).toEqual([
      'node_modules/uuid GHSA-w5hq-g745-h8pq accepted',
      'node_modules/tmp GHSA-52f5-9888-hmc6 open',
    ]);
    expect(auditFailed(r)).toBe(true);
    expect(r.licences.filter((l) => l.kind !== 'permissive').map((l) => `${l.pkg.name}: ${l.kind}`)).toEqual([
      'left-pad: unknown',
      'gpl-thing: copyleft',
    ]);
    expect(r.deprecated.map((p) => p.name)).toEqual(['left-pad']);
  });

  it('an acceptance for a version no longer installed is stale and fails', () => {
    const file = fixtureAdvisories();
    file.advisories = file.advisories.filter((a) => a.package === 'uuid');
    const lock = fixtureLock() as { packages: Record<string, { version: string }> };
    lock.packages['node_modules/uuid']!.version = '11.1.1';
    const r = audit(lockPackages(lock), file);
    expect(r.findings).toEqual([]);
    expect(r.staleAccepted.map((s) => `${s.package}@${s.version}`)).toEqual(['uuid@8.3.2']);
    expect(auditFailed(r)).toBe(true);
  });

  it('refuses an old lockfile, an unreadable range and an invented-looking id', () => {
    expect(() => lockPackages({ lockfileVersion: 1, dependencies: {} })).toThrow(/lockfileVersion 2 or 3/);
    const file = fixtureAdvisories();
    file.advisories[0]!.vulnerable = '~8.3';
    expect(() => audit([], file)).toThrow(/GHSA-w5hq-g745-h8pq \(uuid\): range "~8\.3": cannot read/);
    const bad = json(`${FIXTURE}/security/advisories.json`) as { advisories: { id: string }[] };
    bad.advisories[0]!.id = 'GHSA-0000-1111-lllo';
    expect(advisoryFileSchema.safeParse(bad).success).toBe(false);
  });
});

describe('npm run audit:deps', () => {
  it('on the fixture: names the vulnerable package, its path and the fix, and ends with the counts', () => {
    const { text, failed } = auditProject(FIXTURE);
    expect(failed).toBe(true);
    expect(text).toContain(
      'VULNERABLE: tmp@0.2.3 (via exceljs) matches GHSA-52f5-9888-hmc6 (low, tmp <=0.2.3): fixture copy of the tmp advisory',
    );
    expect(text).toContain('deprecated: left-pad@1.3.0 (direct): use String.prototype.padStart()');
    expect(text.trim().split('\n').at(-1)).toBe(
      'audited 7 packages against advisories reviewed 2026-12-04: 1 vulnerable, 1 accepted, 0 stale acceptances; licences 5 permissive, 0 weak copyleft, 1 copyleft, 1 unknown; 1 deprecated (as the lockfile records) — FAILED',
    );
  });

  it('on this repository: passes, with uuid 8.3.2 via exceljs reported as accepted with its reason', () => {
    const { text, failed } = auditProject('.');
    expect(text).toMatch(/^accepted: uuid@8\.3\.2 \(via exceljs\) matches GHSA-w5hq-g745-h8pq/m);
    expect(text).toMatch(/why accepted: Only exceljs 4\.4\.0 requires uuid/);
    expect(text).not.toMatch(/^(VULNERABLE|STALE)/m);
    expect(failed).toBe(false);
  });

  it('exits 1 on a vulnerable fixture, 0 on this repository, 2 on a missing file or a bad flag', () => {
    const write = process.stdout.write;
    process.stdout.write = () => true;
    try {
      expect(main(['--root', FIXTURE])).toBe(1);
      expect(main([])).toBe(0);
      expect(main(['--root', 'tests/fixtures'])).toBe(2);
      expect(main(['--nope'])).toBe(2);
    } finally {
      process.stdout.write = write;
    }
  });
});
