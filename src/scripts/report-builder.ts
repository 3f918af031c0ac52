/**
 * The report builder in the browser: reads the selection from the URL, computes the report with the
 * same src/lib code as the CLI, renders it with the same HTML renderer as the build, and offers
 * downloads built in the browser (exceljs and pdfmake are loaded only when their button is pressed).
 */
import { todayIso } from '../lib/dates.ts';
import { renderReportHtml } from '../lib/report/html.ts';
import { MIME, renderReportAs, type Format } from '../lib/report/index.ts';
import { PAPERS, type Paper } from '../lib/report/pdf-doc.ts';
import { readReportLink } from '../lib/report/link.ts';
import type { GapReport } from '../lib/report/schema.ts';
import { paramsToInput, SelectionError } from '../lib/selection.ts';
import { loadEarly, reportFromShards, SHARD_PATHS } from '../lib/shards.ts';
import { reportLinks } from '../site/report-links.ts';
import excelUrl from 'exceljs/dist/exceljs.min.js?url';
import type ExcelJS from 'exceljs';
import { loadScript } from './load-script.ts';
import { shardLoader } from './report-data.ts';
import { initBodyFilter, plainError } from './report-form.ts';

/** exceljs's own minified browser build (load-script.ts), which sets `ExcelJS` on the window. */
async function loadExcel(): Promise<typeof ExcelJS> {
  await loadScript(excelUrl);
  const excel = (window as unknown as { ExcelJS?: typeof ExcelJS }).ExcelJS;
  if (!excel) throw new Error('the spreadsheet engine did not start');
  return excel;
}

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

const building = () =>
  Object.assign(document.createElement('p'), { className: 'muted', textContent: 'Building the report for this link…' });

/**
 * The report's collapsed sections (each initiative's standards, the evidence appendix: more than half
 * of a large report's HTML) are written after the report is shown: one section per task, so the page
 * stays responsive. A section opened or printed before its turn is filled at once. `#report` gets
 * `data-complete` when every section is in place.
 */
function renderCollapsedLater(target: HTMLElement, bodies: readonly string[]): void {
  const fill = (slot: Element) => {
    slot.outerHTML = bodies[Number(slot.getAttribute('data-collapsed'))]!;
  };
  const next = () => target.querySelector('[data-collapsed]');
  const fillWithin = (el: Element | null) => el?.querySelectorAll('[data-collapsed]').forEach(fill);
  const done = () => {
    if (!next()) target.dataset.complete = '';
  };
  // Before the section opens (a click or a key on its summary), and after (opened any other way).
  target.addEventListener('click', (e) => {
    fillWithin((e.target as Element).closest('summary')?.parentElement ?? null);
    done();
  });
  // toggle does not bubble: listened for on the way down.
  target.addEventListener(
    'toggle',
    (e) => {
      fillWithin(e.target as Element);
      done();
    },
    true,
  );
  window.addEventListener('beforeprint', () => {
    fillWithin(target);
    done();
  });
  const step = () => {
    const slot = next();
    if (!slot) return done();
    fill(slot);
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

/** Printing shows every collapsed section; the print stylesheet hides the form. */
function expandForPrint(): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('#report details:not([open])')];
    for (const d of opened) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
  });
}

function fillForm(form: HTMLFormElement, params: URLSearchParams): void {
  const chosen = new Set(params.getAll('body'));
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name=body]')) box.checked = chosen.has(box.value);
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  if (params.get('on')) field('on').value = params.get('on')!;
  field('institution').value = params.get('institution') ?? '';
  const paper = params.get('paper');
  field('paper').value = PAPERS.includes(paper as Paper)
    ? paper!
    : /-(US|CA)$/.test(navigator.language)
      ? 'letter'
      : 'a4';
  const preset = params.get('preset');
  const note = document.getElementById('preset-note')!;
  note.hidden = !preset;
  if (preset) note.textContent = `Preset: ${preset}. Share this page's link to give others the same report.`;
}

export async function initReportBuilder(): Promise<void> {
  const form = document.getElementById('report-form') as HTMLFormElement | null;
  if (!form) return;
  const base = form.dataset.base ?? '/';
  const status = document.getElementById('report-status')!;
  const target = document.getElementById('report')!;
  // Marked so a test (or DevTools) can time the builder's own work, apart from the browser's.
  performance.mark('report-builder:start');
  // A refused link leaves a blank form and reports why below; nothing else reads its text.
  const linked = location.search !== ''; // the link asked for a report of its own
  let params = new URLSearchParams();
  let refused: unknown;
  try {
    params = readReportLink(location.search);
  } catch (e) {
    refused = e;
  }
  fillForm(form, params);
  initBodyFilter(form);
  expandForPrint();
  document.getElementById('clear-bodies')!.addEventListener('click', () => {
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name=body]')) box.checked = false;
  });

  // Without a link the page shows its introduction: nothing is fetched until a report is asked for.
  if (!linked) {
    performance.measure('report-builder', 'report-builder:start');
    return;
  }
  target.replaceChildren(building());

  let report: GapReport;
  const collapsedBodies: string[] = [];
  try {
    if (refused) throw refused;
    // Only the index, the chosen bodies' shards and the model wording of their gaps are fetched.
    // The shards of the bodies the link names are fetched beside the index (only bodies the form
    // lists: an unknown one is the link's error, said once the index is read, not a failed request).
    const listed = new Set([...form.querySelectorAll<HTMLInputElement>('input[name=body]')].map((b) => b.value));
    const early = params
      .getAll('body')
      .filter((id) => listed.has(id))
      .map(SHARD_PATHS.body);
    ({ report } = await reportFromShards(
      loadEarly(shardLoader(form.dataset.data!), early),
      paramsToInput(params),
      todayIso(),
      {
        institution: params.get('institution') ?? undefined,
      },
    ));
    target.innerHTML = renderReportHtml(report, reportLinks(base), {
      collapsed: (body) => `<div data-collapsed="${collapsedBodies.push(body) - 1}"></div>`,
    });
  } catch (e) {
    const notice = Object.assign(document.createElement('p'), { className: 'notice', tabIndex: -1 });
    notice.setAttribute('role', 'alert');
    notice.textContent = plainError(e, e instanceof SelectionError);
    // An invalid link shows its error alone, never a report it did not ask for.
    target.replaceChildren(notice);
    notice.focus();
    performance.measure('report-builder', 'report-builder:start');
    return;
  }
  // The user asked for this report: bring it into view and move focus to its title.
  const title = document.getElementById('report-title');
  title?.setAttribute('tabindex', '-1');
  title?.focus({ preventScroll: true });
  title?.scrollIntoView({ block: 'start' });
  performance.measure('report-builder', 'report-builder:start');
  renderCollapsedLater(target, collapsedBodies);
  const downloads = document.getElementById('downloads')!;
  downloads.hidden = false;
  const stem =
    `ipcle-gap-report-${report.selection.on}${report.selection.accreditors.length ? `-${report.selection.accreditors.join('-')}` : '-all'}`.slice(
      0,
      120,
    );
  const run = async (label: string, make: () => Promise<void>) => {
    status.textContent = `Preparing ${label}…`;
    try {
      await make();
      status.textContent = `${label} downloaded.`;
    } catch (e) {
      status.textContent = `Could not prepare the ${label}: ${(e as Error).message}. Try again, or use another format.`;
    }
  };
  for (const btn of downloads.querySelectorAll<HTMLButtonElement>('button[data-format]')) {
    btn.addEventListener('click', () => {
      const format = btn.dataset.format as Exclude<Format, 'pdf'>;
      return run(format.toUpperCase(), async () => {
        const excel = format === 'xlsx' ? await loadExcel() : undefined;
        download(`${stem}.${format}`, await renderReportAs(report, format, excel), MIME[format]);
      });
    });
  }
  document.getElementById('download-pdf')!.addEventListener('click', () =>
    run('PDF', async () => {
      const paper = (form.elements.namedItem('paper') as HTMLSelectElement).value as Paper;
      const { renderPdfInBrowser } = await import('./report-pdf.ts');
      download(`${stem}.pdf`, await renderPdfInBrowser(report, { paper }), MIME.pdf);
    }),
  );
  document.getElementById('print')!.addEventListener('click', () => window.print());
}
