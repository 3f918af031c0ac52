/** The dry run of a foreign import: every row's fate with its reason, then what `--write` would do. */
import type { ForeignPlan } from './plan.ts';

export function renderForeignPlan(plan: ForeignPlan, state: { write: boolean; failure?: string }): string {
  const out = [`Foreign sheet "${plan.sheet}": every row's fate`];
  const width = String(plan.rows.at(-1)?.row ?? 0).length;
  for (const r of plan.rows)
    out.push(
      `  row ${String(r.row).padStart(width)}  ${r.fate.padEnd(8)}${r.standard ? ` ${r.standard}:` : ''} ${r.why}`,
    );
  const c = plan.counts;
  out.push(
    '',
    `${plan.rows.length} rows: ${c.new} new, ${c.matched} matched, ${c.conflict} conflict, ${c.skipped} skipped`,
  );
  if (plan.errors.length) {
    out.push('', `Nothing can be written until these ${plan.errors.length} problem(s) are fixed:`);
    for (const e of plan.errors) out.push(`  - ${e}`);
  } else if (plan.files.length === 0)
    out.push('no changes: everything in the sheet is already in the content, or skipped');
  else {
    const created = plan.files.filter((f) => f.before === null).length;
    out.push(
      `${state.write ? 'written' : 'would write'}: ${created} new standard file(s), ${plan.files.length - created} existing file(s) gaining mappings`,
    );
    for (const f of plan.files) out.push(`  ${f.before === null ? 'new ' : 'edit'} ${f.file}`);
    if (state.failure) out.push(`not written: ${state.failure}`);
    else if (!state.write) out.push('dry run: add --write to write them (all or nothing)');
  }
  return out.join('\n');
}
