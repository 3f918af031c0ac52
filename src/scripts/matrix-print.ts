/**
 * Printing a matrix wider than a landscape page: before printing, the visible columns are split into
 * print-only copies of the table, each with the row headers and the header row, one per page; they are
 * removed after printing. Up to PER_PAGE columns the print stylesheet alone fits the table on the page.
 */

/** Columns that fit beside the row headers on a landscape US Letter or A4 page (measured in print: ~15 px each). */
const PER_PAGE = 55;

/** Visible column indices (1-based, after the row-header column) in page-sized chunks. */
export function columnChunks(visible: readonly number[], perPage = PER_PAGE): number[][] {
  if (visible.length <= perPage) return [];
  const chunks: number[][] = [];
  const pages = Math.ceil(visible.length / perPage);
  const size = Math.ceil(visible.length / pages);
  for (let i = 0; i < visible.length; i += size) chunks.push(visible.slice(i, i + size));
  return chunks;
}

function splitForPrint(table: HTMLTableElement, perPage = PER_PAGE): HTMLElement | undefined {
  const heads = [...table.tHead!.rows[0]!.cells];
  const visible = heads.flatMap((th, i) => (i > 0 && !th.hidden ? [i] : []));
  const chunks = columnChunks(visible, perPage);
  if (!chunks.length) return undefined;
  const parts = document.createElement('div');
  parts.className = 'matrix-print-parts';
  parts.setAttribute('aria-hidden', 'true');
  chunks.forEach((cols, k) => {
    const keep = new Set([0, ...cols]);
    const copy = table.cloneNode(true) as HTMLTableElement;
    copy.removeAttribute('id');
    for (const tr of copy.rows) [...tr.cells].forEach((c, i) => !keep.has(i) && c.remove());
    const caption = copy.caption;
    if (caption) caption.textContent = `${caption.textContent} (part ${k + 1} of ${chunks.length})`;
    parts.append(copy);
  });
  table.closest('.matrix-wrap')!.after(parts);
  document.documentElement.classList.add('matrix-split');
  return parts;
}

export function initMatrixPrint(): void {
  const table = document.getElementById('matrix') as HTMLTableElement | null;
  if (!table) return;
  let parts: HTMLElement | undefined;
  addEventListener('beforeprint', () => {
    parts?.remove();
    parts = splitForPrint(table);
  });
  addEventListener('afterprint', () => {
    parts?.remove();
    parts = undefined;
    document.documentElement.classList.remove('matrix-split');
  });
}
