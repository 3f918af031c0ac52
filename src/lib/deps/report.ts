/** The audit as plain text for CI logs: findings first, then licences to look at, then one summary line. */
import { auditFailed, type AuditResult, type InstalledPackage } from './audit.ts';

const where = (p: InstalledPackage) =>
  `${p.name}@${p.version}${p.requiredBy.length ? ` (via ${p.requiredBy.join(', ')})` : ' (direct)'}${p.dev ? ', dev' : ''}`;

export function renderAudit(r: AuditResult, reviewed: string): string {
  const out: string[] = [];
  for (const f of r.findings) {
    const a = f.advisory;
    out.push(
      `${f.accepted ? 'accepted' : 'VULNERABLE'}: ${where(f.pkg)} matches ${a.id} (${a.severity}, ${a.package} ${a.vulnerable}): ${a.summary} ${a.url}`,
    );
    if (f.accepted) out.push(`  why accepted: ${f.accepted}`);
    else
      out.push(
        `  fix: upgrade ${a.package} out of ${a.vulnerable}, or record why it cannot reach us under "accepted" in security/advisories.json`,
      );
  }
  for (const s of r.staleAccepted)
    out.push(
      `STALE: the acceptance of ${s.id} for ${s.package}@${s.version} matches nothing installed: delete it from security/advisories.json`,
    );
  const flagged = r.licences.filter((l) => l.kind !== 'permissive');
  for (const l of flagged)
    out.push(`licence ${l.kind}: ${where(l.pkg)}: ${l.pkg.licence ?? 'none declared'} at ${l.pkg.path}`);
  for (const p of r.deprecated) out.push(`deprecated: ${where(p)}: ${p.deprecated}`);
  const open = r.findings.filter((f) => !f.accepted).length;
  const count = (k: string) => r.licences.filter((l) => l.kind === k).length;
  out.push(
    `audited ${r.packages.length} packages against advisories reviewed ${reviewed}: ` +
      `${open} vulnerable, ${r.findings.length - open} accepted, ${r.staleAccepted.length} stale acceptances; ` +
      `licences ${count('permissive')} permissive, ${count('weak-copyleft')} weak copyleft, ${count('copyleft')} copyleft, ${count('unknown')} unknown; ` +
      `${r.deprecated.length} deprecated (as the lockfile records) — ${auditFailed(r) ? 'FAILED' : 'ok'}`,
  );
  return `${out.join('\n')}\n`;
}
