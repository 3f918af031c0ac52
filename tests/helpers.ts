/** Shared test helpers: in-memory content sets and the fixture crosswalk. */
import { checkSources } from '../src/lib/check/index.ts';
import type { SourceFile } from '../src/lib/content.ts';
import { formatHuman } from '../src/lib/diagnostics.ts';
import { loadCrosswalk } from '../src/lib/node/crosswalk.ts';

export const FIXTURES = 'tests/fixtures/content';
export const TODAY = '2026-11-25';

export function source(path: string, text: string | Uint8Array): SourceFile {
  return {
    path: `content/${path}`,
    segments: path.split('/'),
    bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
  };
}

/** Check an in-memory content set; returns diagnostics as human-readable strings too. */
export function check(files: Record<string, string | Uint8Array>) {
  const result = checkSources(
    Object.entries(files).map(([p, t]) => source(p, t)),
    { today: TODAY },
  );
  return { ...result, text: result.diagnostics.map(formatHuman) };
}

export function loadFixtures() {
  process.env.CROSSWALK_DATA_VERSION = 'fixture';
  return loadCrosswalk(FIXTURES, { today: TODAY });
}

/** A minimal valid content set to mutate in rule tests. */
export function baseSet(): Record<string, string> {
  return {
    'characteristics/psychological-safety.md': `---
name: Psychological safety
level: micro
domain: psychological-safety
description: Learners can speak up.
indicators: [Learners speak up]
sources:
  - title: Source
    year: 2020
    url: https://example.org/s
    says: It says so.
evidence:
  strength: emerging
  note: Thin.
---
Body.
`,
    'accreditors/alpha.md': `---
name: Alpha Council
abbreviation: AC
kind: academic-accreditor
professions: [nursing]
country: US
url: https://example.org/alpha
editorialStatus: Whole fixture text read.
---
`,
    'editions/alpha-2020.md': `---
accreditor: alpha
title: Alpha Standards
edition: "2020"
effectiveFrom: "2020-07-01"
sourceUrl: https://example.org/alpha/2020
copyright: Alpha.
textRead: full
---
`,
    'standards/alpha-2020/a-1.md': `---
code: A-1
title: Safe Climate
level: standard
bindingness: required
sourceUrl: https://example.org/alpha/2020#a-1
verification: verified
mappings:
  - characteristic: psychological-safety
    strength: explicit
    rationale: The standard requires a climate where learners raise concerns safely.
---
Summary.
`,
  };
}
