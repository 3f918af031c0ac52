/**
 * Planning: match each read row to the entity or mapping it stands for, and plan the edits of the
 * files. Entities are matched by ID; mappings by the hidden _key, then by standard and characteristic.
 */
import type { EntityKind } from '../../../schemas/index.ts';
import type { Content } from '../../content.ts';
import { brief, sameValue } from '../cells.ts';
import type { SheetSpec } from '../columns.ts';
import { hashOf, mappingKey, type FileRow } from '../rows.ts';
import { compare, fieldEdits } from './compare.ts';
import { CHANGED_CLAIM, COPIED_REVIEW, withoutCopiedReviews, withoutStaleReviews } from './reviews.ts';
import {
  cellOf,
  err,
  suggest,
  where,
  type ImportContext,
  type PlannedFor,
  type SheetCounts,
  type SheetRow,
} from './context.ts';

export function planEntityRows(
  ctx: ImportContext,
  spec: SheetSpec,
  rows: SheetRow[],
  byKey: Map<string, FileRow>,
  content: Content,
  plannedFor: PlannedFor,
  tally: SheetCounts,
): Set<string> {
  const idIdx = spec.columns.findIndex((c) => c.role === 'id');
  const seen = new Map<string, number>();
  const kind = spec.row as EntityKind;
  for (const r of rows) {
    const id = r.values[idIdx] as string | undefined;
    const idAt = where(ctx, r.sheet, spec.name, r.row, r.colOf[idIdx], 'id');
    if (id === undefined) {
      err(ctx, 'import-id', idAt, 'the row has no id', {
        found: 'an empty id cell',
        expected: `the ID of an existing ${kind}`,
        fix: r.key ? `restore the id \`${r.key}\`` : `add new ${kind}s with \`npm run new -- ${kind}\`, not by import`,
      });
      continue;
    }
    if (r.key !== undefined && r.key !== id) {
      err(ctx, 'import-id', idAt, 'the id was changed', {
        found: JSON.stringify(id),
        expected: `the id the row was exported with, \`${r.key}\``,
        fix: 'undo the change: IDs are stable forever (to rename, leave a stub with `replacedBy`; see CONTRIBUTING.md)',
      });
      continue;
    }
    if (seen.has(id)) {
      err(ctx, 'import-id', idAt, `\`${id}\` is on two rows`, {
        found: `rows ${seen.get(id)} and ${r.row}`,
        expected: 'one row per entity',
        fix: 'merge the two rows into one and delete the other',
      });
      continue;
    }
    seen.set(id, r.row);
    const fileRow = byKey.get(id);
    if (!fileRow) {
      const stub = content.stubs.find((s) => s.kind === kind && s.id === id);
      const ids = [...byKey.keys()];
      err(
        ctx,
        'import-id',
        idAt,
        stub ? `\`${id}\` was replaced by \`${stub.data.replacedBy}\`` : `unknown ${kind} \`${id}\``,
        {
          found: JSON.stringify(id),
          expected: `the ID of an existing ${kind}`,
          fix: stub
            ? `edit the row of \`${stub.data.replacedBy}\` instead`
            : (suggest(ctx, id, ids) ?? `add new ${kind}s with \`npm run new -- ${kind}\`, not by import`),
        },
      );
      continue;
    }
    const cols = compare(ctx, r, fileRow, tally);
    if (!cols) continue;
    const p = plannedFor(fileRow.file);
    p.entityRow = r;
    fieldEdits(r, fileRow, cols, [], p, '');
  }
  return new Set(seen.keys());
}

export function planMappingRows(
  ctx: ImportContext,
  spec: SheetSpec,
  rows: SheetRow[],
  byKey: Map<string, FileRow>,
  content: Content,
  plannedFor: PlannedFor,
  tally: SheetCounts,
  pendingStandards: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
): Set<string> {
  const stdIdx = spec.columns.findIndex((c) => c.role === 'id');
  const charIdx = spec.columns.findIndex((c) => c.header === 'characteristic');
  const reviewsIdx = spec.columns.findIndex((c) => c.header === 'reviews');
  const standards = new Map(content.standards.map((s) => [s.id, s]));
  // Rows sharing a _key were copied: the one still describing the exported mapping keeps it, the
  // copies are new rows.
  const groups = new Map<string, SheetRow[]>();
  for (const r of rows) {
    if (r.key === undefined) continue;
    const group = groups.get(r.key);
    if (group) group.push(r);
    else groups.set(r.key, [r]);
  }
  const asNew = new Set<SheetRow>();
  const skip = new Set<SheetRow>();
  for (const [key, group] of groups) {
    if (group.length === 1) continue;
    const same = group.filter((r) => mappingKey(String(r.values[stdIdx]), r.values[charIdx]) === key);
    if (same.length === 1) {
      for (const r of group) if (r !== same[0]) asNew.add(r);
      continue;
    }
    const listed = `rows ${group
      .slice(0, 5)
      .map((g) => g.row)
      .join(', ')}${group.length > 5 ? ` and ${(group.length - 5).toLocaleString('en')} more` : ''}`;
    for (const r of group) {
      skip.add(r);
      err(ctx, 'import-row', where(ctx, r.sheet, spec.name, r.row), `${listed} were all exported as \`${key}\``, {
        found: 'copies of one exported row with the same hidden _key',
        expected: 'one row per mapping',
        fix: 'keep one of the rows; on rows meant as new mappings, clear the _key and _hash cells',
      });
    }
  }
  const claimed = new Map<string, number>();
  const newRows: SheetRow[] = [];
  /** The row stands for an existing mapping: claim it and plan the edits of its changed cells. */
  const applyMappingRow = (r: SheetRow, key: string, fileRow: FileRow, standardId: string) => {
    claimed.set(key, r.row);
    const changed = compare(ctx, r, fileRow, tally, pendingStandards.get(standardId));
    if (!changed) return;
    const { row, cols, dropped } = withoutStaleReviews(r, fileRow, changed);
    const reasons = new Map(dropped.length ? [[reviewsIdx, CHANGED_CLAIM]] : []);
    const p = plannedFor(fileRow.file);
    p.mappingRows.set(fileRow.mappingIndex!, r);
    fieldEdits(
      row,
      fileRow,
      cols,
      ['mappings', fileRow.mappingIndex!],
      p,
      `mappings[${fileRow.mappingIndex}]`,
      reasons,
    );
  };
  for (const r of rows) {
    if (skip.has(r)) continue;
    const standardId = r.values[stdIdx] as string | undefined;
    const stdAt = where(ctx, r.sheet, spec.name, r.row, r.colOf[stdIdx], 'standard');
    if (standardId === undefined) {
      err(ctx, 'import-id', stdAt, 'the row names no standard', {
        found: 'an empty standard cell',
        expected: 'the ID of an existing standard, <edition-id>/<file name>',
        fix: 'fill in the standard the mapping belongs to (copy it from a row of the same standard)',
      });
      continue;
    }
    const key = r.key !== undefined && !asNew.has(r) ? r.key : undefined;
    if (key !== undefined) {
      const exportedStandard = key.slice(0, key.lastIndexOf('#'));
      if (exportedStandard !== standardId) {
        err(ctx, 'import-read-only', stdAt, 'the standard of an exported mapping was changed', {
          found: JSON.stringify(standardId),
          expected: `\`${exportedStandard}\`, the standard the row was exported for`,
          fix: 'undo the change; to map another standard, add a new row (with empty _key and _hash cells)',
        });
        continue;
      }
      const fileRow = byKey.get(key);
      if (!fileRow) {
        if (r.hash !== undefined && hashOf(spec, r.values) === r.hash) {
          tally.outdated++;
          err(ctx, 'import-stale', stdAt, `the mapping \`${key}\` is no longer in the files; the row is ignored`, {
            severity: 'warning',
            found: 'a row exported for a mapping since removed or re-mapped in the files',
            fix: 'export again to get the current mappings',
          });
        } else
          err(
            ctx,
            'import-conflict',
            stdAt,
            `conflict: the row was edited, but the mapping \`${key}\` was removed or re-mapped in the files since the export`,
            {
              found: 'an edited row whose mapping no longer exists',
              expected: 'a row edited in the sheet or in the files, not both',
              fix: 'export again and redo the edit on the current rows',
            },
          );
        continue;
      }
      applyMappingRow(r, key, fileRow, standardId);
      continue;
    }
    newRows.push(r);
  }
  for (const r of newRows) {
    const standardId = r.values[stdIdx] as string;
    const s = standards.get(standardId);
    if (!s) {
      err(
        ctx,
        'import-id',
        where(ctx, r.sheet, spec.name, r.row, r.colOf[stdIdx], 'standard'),
        `unknown standard \`${standardId}\``,
        {
          found: JSON.stringify(standardId),
          expected: 'the ID of an existing standard, <edition-id>/<file name without .md>',
          fix:
            suggest(ctx, standardId, standards.keys()) ??
            'add the standard first with `npm run new -- standard`, then map it',
        },
      );
      continue;
    }
    const key = mappingKey(standardId, r.values[charIdx]);
    const fileRow = byKey.get(key);
    if (fileRow) {
      if (claimed.has(key)) {
        err(
          ctx,
          'import-row',
          where(ctx, r.sheet, spec.name, r.row, r.colOf[charIdx], 'characteristic'),
          `this mapping is also on row ${claimed.get(key)}`,
          {
            found: `a second row for \`${key}\``,
            expected: 'one row per mapping',
            fix: 'merge the two rows into one and delete the other',
          },
        );
        continue;
      }
      // A row typed in for a mapping that exists: treat it as that mapping's row.
      applyMappingRow(r, key, fileRow, standardId);
      continue;
    }
    // A new mapping. Context columns, if filled, must agree with the standard.
    let bad = false;
    spec.columns.forEach((c, i) => {
      if (c.role !== 'context' || r.values[i] === undefined) return;
      const actual = c.path[0] === '@edition' ? s.edition : (s.file.data as Record<string, unknown>)[c.path[0]!];
      if (sameValue(r.values[i], actual) || sameValue(r.values[i], pendingStandards.get(standardId)?.get(c.header)))
        return;
      bad = true;
      err(
        ctx,
        'import-read-only',
        where(ctx, r.sheet, spec.name, r.row, r.colOf[i], c.header),
        `column \`${c.header}\` does not match the standard`,
        {
          found: brief(r.values[i]),
          expected: `${brief(actual)} (from ${s.file.path}), or an empty cell`,
          fix: 'clear the cell or copy the value from another row of the same standard',
        },
      );
    });
    if (bad) continue;
    const typed: Record<string, unknown> = {};
    spec.columns.forEach((c, i) => {
      if (c.role === 'field' && r.values[i] !== undefined) typed[c.path[0]!] = r.values[i];
    });
    const existing: unknown[] = Array.isArray(s.file.data.mappings) ? s.file.data.mappings : [];
    const { entry, dropped } = withoutCopiedReviews(typed, existing);
    const p = plannedFor(s.file);
    const index = existing.length + p.appended++;
    p.edits.push({ op: 'append', path: ['mappings'], value: entry });
    p.mappingRows.set(index, r);
    p.changes.push({
      sheet: spec.name,
      row: r.row,
      cell: `A${r.row}`,
      header: 'characteristic',
      file: s.file.path,
      field: `mappings[${index}]`,
      change: 'new-mapping',
      to: entry,
    });
    if (dropped.length)
      p.changes.push({
        ...cellOf(r, reviewsIdx),
        header: 'reviews',
        file: s.file.path,
        field: `mappings[${index}].reviews`,
        change: 'removed',
        from: dropped,
        reason: COPIED_REVIEW,
      });
    claimed.set(key, r.row);
    tally.added++;
  }
  return new Set(claimed.keys());
}
