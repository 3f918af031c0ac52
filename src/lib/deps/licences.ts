/**
 * Licence of each installed package, sorted into what we may ship without further thought
 * (permissive) and what a person should look at (copyleft, unknown). SPDX expressions: an `OR`
 * lets us choose the most permissive alternative, an `AND` binds us to the strictest part.
 */

export type LicenceKind = 'permissive' | 'weak-copyleft' | 'copyleft' | 'unknown';

/** SPDX identifiers by kind (https://spdx.org/licenses/); anything else is unknown until listed. */
const KINDS: Record<Exclude<LicenceKind, 'unknown'>, readonly string[]> = {
  permissive: [
    '0BSD',
    'Apache-2.0',
    'BlueOak-1.0.0',
    'BSD-2-Clause',
    'BSD-3-Clause',
    'CC-BY-4.0',
    'CC0-1.0',
    'ISC',
    'MIT',
    'MIT-0',
    'Python-2.0',
    'Unlicense',
    'Zlib',
  ],
  'weak-copyleft': ['MPL-2.0', 'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'EPL-2.0'],
  copyleft: [
    'GPL-2.0-only',
    'GPL-2.0-or-later',
    'GPL-3.0-only',
    'GPL-3.0-or-later',
    'AGPL-3.0-only',
    'AGPL-3.0-or-later',
  ],
};
/** Non-SPDX spellings found in package.json files, with the SPDX identifier they mean. */
const ALIASES: Record<string, string> = { 'MIT/X11': 'MIT', 'Apache 2.0': 'Apache-2.0', 'BSD*': 'BSD-3-Clause' };
const RANK: readonly LicenceKind[] = ['permissive', 'weak-copyleft', 'copyleft', 'unknown'];

function kindOfId(id: string): LicenceKind {
  const spdx = ALIASES[id] ?? id.replace(/\+$/, '-or-later');
  for (const [kind, ids] of Object.entries(KINDS)) if (ids.includes(spdx)) return kind as LicenceKind;
  return 'unknown';
}

/** The kind of an SPDX expression such as `(MIT OR GPL-3.0-or-later)` or `Apache-2.0 AND LGPL-3.0-or-later`. */
export function licenceKind(expression: string | undefined): LicenceKind {
  if (!expression?.trim()) return 'unknown';
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const worst = (a: LicenceKind, b: LicenceKind) => (RANK.indexOf(a) >= RANK.indexOf(b) ? a : b);
  const best = (a: LicenceKind, b: LicenceKind) => (RANK.indexOf(a) <= RANK.indexOf(b) ? a : b);
  const term = (): LicenceKind => {
    const t = tokens[i++];
    if (t === '(') {
      const k = or();
      i++; // ')'
      return k;
    }
    if (tokens[i] === 'WITH') i += 2; // an exception only relaxes the licence it follows
    return t === undefined ? 'unknown' : kindOfId(t);
  };
  const and = (): LicenceKind => {
    let k = term();
    while (tokens[i] === 'AND') {
      i++;
      k = worst(k, term());
    }
    return k;
  };
  const or = (): LicenceKind => {
    let k = and();
    while (tokens[i] === 'OR') {
      i++;
      k = best(k, and());
    }
    return k;
  };
  const kind = or();
  return i === tokens.length ? kind : 'unknown';
}

/** A licence named by a LICENSE file's first line, for packages whose package.json names none. */
export function licenceFromFileText(text: string): string | undefined {
  const first = text.trim().split('\n')[0]?.trim() ?? '';
  if (/^(The )?MIT License/i.test(first)) return 'MIT';
  if (/^ISC License/i.test(first)) return 'ISC';
  if (/^Apache License/i.test(first) && /Version 2\.0/.test(text)) return 'Apache-2.0';
  return undefined;
}
