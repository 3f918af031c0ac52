/** The gap report as CSV, written by the shared CSV writer (formula cells neutralised). */
import { csvChunks } from '../csv.ts';
import { dissentText } from './agreement.ts';
import type { GapReport } from './schema.ts';
import { DETAIL_COLUMNS, detailRows, type DetailRow } from './tabular.ts';

export { csvField, toCsv } from '../csv.ts';

/**
 * Review agreement on each row: its mapping's reviews and dissents, and the figures of its body and
 * characteristic (blank where there are none). Profession pairs have no row here: JSON and the others carry them.
 */
const AGREEMENT_COLUMNS = [
  'mapping_reviews',
  'mapping_agreeing',
  'mapping_dissents',
  'body_agree_share',
  'body_kappa',
  'body_kappa_mappings',
  'characteristic_agree_share',
  'characteristic_kappa',
  'characteristic_kappa_mappings',
] as const;

type AgreementCells = Record<(typeof AGREEMENT_COLUMNS)[number], string | number>;
type Row = GapReport['reviewAgreement']['overall'];

const round = (x: number | undefined) => (x === undefined ? '' : Math.round(x * 10000) / 10000);
const figures = (x: Row | undefined): [string | number, string | number, string | number] =>
  x ? [round(x.share), round(x.kappa), x.mappings] : ['', '', ''];

function agreementCells(r: GapReport): (row: DetailRow) => AgreementCells {
  const a = r.reviewAgreement;
  const bodies = new Map(a.byBody.map((x) => [x.key, x]));
  const chars = new Map(a.byCharacteristic.map((x) => [x.key, x]));
  const mapping = (standard: string | number, characteristic: string | number) => `${standard}#${characteristic}`;
  const reviewed = new Map(a.reviewed.map((m) => [mapping(m.standard, m.characteristic), m]));
  const dissents = new Map<string, string[]>();
  for (const d of a.dissents) {
    const k = mapping(d.standard, d.characteristic);
    const t = dissentText(r, d).text;
    dissents.set(k, [...(dissents.get(k) ?? []), t]);
  }
  return (row) => {
    const k = mapping(row.standard_id, row.characteristic_id);
    const m = row.standard_id === '' ? undefined : reviewed.get(k);
    const [bs, bk, bm] = figures(bodies.get(String(row.body_id)));
    const [cs, ck, cm] = figures(chars.get(String(row.characteristic_id)));
    return {
      mapping_reviews: row.standard_id === '' || row.carried_from !== '' ? '' : (m?.reviews ?? 0),
      mapping_agreeing: m?.agreeing ?? '',
      mapping_dissents: (dissents.get(k) ?? []).join(' | '),
      body_agree_share: bs,
      body_kappa: bk,
      body_kappa_mappings: bm,
      characteristic_agree_share: cs,
      characteristic_kappa: ck,
      characteristic_kappa_mappings: cm,
    };
  };
}

export function renderCsv(report: GapReport): string {
  return [...renderCsvChunks(report)].join('');
}

/** The report's CSV in pieces, for a stream (the build writes the all-bodies file this way). */
export function renderCsvChunks(report: GapReport): Generator<string> {
  const columns = [...DETAIL_COLUMNS, ...AGREEMENT_COLUMNS];
  const agreement = agreementCells(report);
  return csvChunks(
    columns,
    detailRows(report).map((r) => {
      const row = { ...r, ...agreement(r) };
      return columns.map((c) => row[c]);
    }),
  );
}
