/**
 * The offline dependency audit: every package in package-lock.json against a committed advisory
 * list, with licences and deprecations, because the registry we reach refuses `npm audit` (issue 12,
 * item 11). Pure: the caller reads the files.
 */
import { z } from 'astro/zod';
import { licenceKind, type LicenceKind } from './licences.ts';
import { inRange, parseVersion } from './versions.ts';

export const advisorySchema = z.strictObject({
  /** GHSA (or CVE) identifier, exactly as the advisory database spells it. */
  id: z.string().regex(/^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|CVE-\d{4}-\d{4,})$/, 'a GHSA-xxxx-xxxx-xxxx or CVE id'),
  aliases: z.array(z.string()).default([]),
  package: z.string().min(1),
  /** Affected versions: comparators joined by spaces, alternatives by `||` (e.g. `<11.1.1 || >=12.0.0 <12.0.1`). */
  vulnerable: z.string().min(1),
  severity: z.enum(['low', 'moderate', 'high', 'critical']),
  summary: z.string().min(1),
  url: z.url(),
  /** Where the id, range and summary were read, so a reviewer can check them. */
  sources: z.array(z.url()).min(1),
});

export const acceptedSchema = z.strictObject({
  id: z.string(),
  package: z.string(),
  /** The installed version this acceptance covers; an upgrade ends it. */
  version: z.string(),
  reason: z.string().min(20),
});

export const advisoryFileSchema = z.strictObject({
  $comment: z.string().optional(),
  /** The day the list was last compared with the advisory database. */
  reviewed: z.iso.date(),
  advisories: z.array(advisorySchema),
  accepted: z.array(acceptedSchema).default([]),
});
export type Advisory = z.output<typeof advisorySchema>;
export type AdvisoryFile = z.output<typeof advisoryFileSchema>;

export interface InstalledPackage {
  name: string;
  version: string;
  /** Where it sits, e.g. node_modules/exceljs/node_modules/uuid. */
  path: string;
  dev: boolean;
  optional: boolean;
  licence?: string | undefined;
  deprecated?: string | undefined;
  /** Packages in the lockfile that depend on it by name (who brings it in). */
  requiredBy: string[];
}

const lockEntry = z.looseObject({
  version: z.string().optional(),
  name: z.string().optional(),
  license: z.string().optional(),
  deprecated: z.string().optional(),
  dev: z.boolean().optional(),
  optional: z.boolean().optional(),
  devOptional: z.boolean().optional(),
  link: z.boolean().optional(),
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
});
const lockSchema = z.looseObject({
  lockfileVersion: z.number().refine((v) => v >= 2, 'lockfileVersion 2 or 3 (npm 7 or newer)'),
  packages: z.record(z.string(), lockEntry),
});

/** Every installed package of a v2/v3 lockfile; `licenceOf` fills in a licence the lockfile lacks. */
export function lockPackages(
  lock: unknown,
  licenceOf: (path: string) => string | undefined = () => undefined,
): InstalledPackage[] {
  const parsed = lockSchema.safeParse(lock);
  if (!parsed.success)
    throw new Error(
      `package-lock.json: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`,
    );
  const entries = Object.entries(parsed.data.packages).filter(([path, e]) => path !== '' && !e.link);
  const nameOf = (path: string, e: z.output<typeof lockEntry>) =>
    e.name ?? path.slice(path.lastIndexOf('node_modules/') + 13);
  const requiredBy = new Map<string, Set<string>>();
  for (const [path, e] of entries)
    for (const dep of Object.keys({ ...e.dependencies, ...e.optionalDependencies }))
      requiredBy.set(dep, (requiredBy.get(dep) ?? new Set()).add(nameOf(path, e)));
  return entries.map(([path, e]) => {
    if (!e.version) throw new Error(`package-lock.json: "${path}" has no version`);
    const name = nameOf(path, e);
    return {
      name,
      version: e.version,
      path,
      dev: e.dev === true,
      optional: e.optional === true || e.devOptional === true,
      licence: e.license ?? licenceOf(path),
      deprecated: e.deprecated,
      requiredBy: [...(requiredBy.get(name) ?? [])].sort(),
    };
  });
}

export interface Finding {
  advisory: Advisory;
  pkg: InstalledPackage;
  accepted?: string | undefined;
}

export interface AuditResult {
  packages: InstalledPackage[];
  findings: Finding[];
  /** Acceptances that match no finding any more: delete them. */
  staleAccepted: AdvisoryFile['accepted'];
  licences: { kind: LicenceKind; pkg: InstalledPackage }[];
  deprecated: InstalledPackage[];
}

export function audit(packages: InstalledPackage[], file: AdvisoryFile): AuditResult {
  for (const a of file.advisories) {
    try {
      inRange('0.0.0', a.vulnerable); // a range we cannot read fails here, not silently later
    } catch (e) {
      throw new Error(`security/advisories.json: ${a.id} (${a.package}): ${(e as Error).message}`, { cause: e });
    }
  }
  const findings: Finding[] = [];
  for (const pkg of packages) {
    parseVersion(pkg.version);
    for (const advisory of file.advisories) {
      if (advisory.package !== pkg.name || !inRange(pkg.version, advisory.vulnerable)) continue;
      const accepted = file.accepted.find(
        (x) => x.id === advisory.id && x.package === pkg.name && x.version === pkg.version,
      );
      findings.push({ advisory, pkg, accepted: accepted?.reason });
    }
  }
  const staleAccepted = file.accepted.filter(
    (x) => !findings.some((f) => f.advisory.id === x.id && f.pkg.name === x.package && f.pkg.version === x.version),
  );
  return {
    packages,
    findings,
    staleAccepted,
    licences: packages.map((pkg) => ({ kind: licenceKind(pkg.licence), pkg })),
    deprecated: packages.filter((p) => p.deprecated),
  };
}

/** Exit 1 when an advisory matches without an acceptance, or an acceptance is stale. */
export const auditFailed = (r: AuditResult) => r.findings.some((f) => !f.accepted) || r.staleAccepted.length > 0;
