/**
 * The report builder in the browser: reads the selection from the URL, computes the report with the
 * same src/lib code as the CLI, renders it with the same HTML renderer as the build, and offers
 * downloads built in the browser (exceljs is loaded only when XLSX is asked for).
 */
import { indexCrosswalk, type CrosswalkData } from '../lib/crosswalk.ts';
import { todayIso } from '../lib/dates.ts';
import { buildReport } from '../lib/report/build.ts';
import { renderReportHtml } from '../lib/report/html.ts';
import { MIME, renderPortable, type Format } from '../lib/report/index.ts';
import type { GapReport } from '../lib/report/schema.ts';
import { paramsToInput, parseSelection, SelectionError } from '../lib/selection.ts';
import { reportLinks } from '../site/report-links.ts';

function download(name: string, data: string | Uint8Array, mime: string): void {
  const blob = new Blob([data as BlobPart], { type: mime });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export async function initReportBuilder(): Promise<void> {
  const form = document.getElementById('report-form') as HTMLFormElement | null;
  if (!form) return;
  const base = form.dataset.base ?? '/';
  const status = document.getElementById('report-status')!;
  const target = document.getElementById('report')!;
  const params = new URLSearchParams(location.search);
  const chosen = new Set(params.getAll('body'));
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name=body]')) box.checked = chosen.has(box.value);
  const onInput = form.elements.namedItem('on') as HTMLInputElement;
  if (params.get('on')) onInput.value = params.get('on')!;
  document.getElementById('clear-bodies')!.addEventListener('click', () => {
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name=body]')) box.checked = false;
  });

  let report: GapReport;
  try {
    const res = await fetch(form.dataset.data!);
    if (!res.ok) throw new Error(`could not load the crosswalk data (${res.status})`);
    const ix = indexCrosswalk((await res.json()) as CrosswalkData);
    const today = todayIso();
    const sel = parseSelection(ix, paramsToInput(params), today);
    report = buildReport(ix, sel, today);
    target.innerHTML = renderReportHtml(report, reportLinks(base));
  } catch (e) {
    const msg =
      e instanceof SelectionError
        ? `The link's selection is not valid: ${e.message}`
        : `The report could not be built: ${(e as Error).message}`;
    target.insertAdjacentHTML('afterbegin', `<p class="notice" role="alert"></p>`);
    target.querySelector('.notice')!.textContent = msg;
    return;
  }
  const downloads = document.getElementById('downloads')!;
  downloads.hidden = false;
  const stem =
    `ipcle-gap-report-${report.selection.on}${report.selection.accreditors.length ? `-${report.selection.accreditors.join('-')}` : '-all'}`.slice(
      0,
      120,
    );
  for (const btn of downloads.querySelectorAll<HTMLButtonElement>('button[data-format]')) {
    btn.addEventListener('click', async () => {
      const format = btn.dataset.format as Exclude<Format, 'pdf'>;
      status.textContent = `Preparing ${format.toUpperCase()}…`;
      try {
        const excel = format === 'xlsx' ? (await import('exceljs')).default : undefined;
        download(`${stem}.${format}`, await renderPortable(report, format, excel), MIME[format]);
        status.textContent = `${format.toUpperCase()} downloaded.`;
      } catch (e) {
        status.textContent = `Could not prepare ${format.toUpperCase()}: ${(e as Error).message}`;
      }
    });
  }
  document.getElementById('print')!.addEventListener('click', () => window.print());
}
