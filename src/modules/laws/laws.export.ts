import type { Tx } from '../../platform/db/connection.ts';
import { EXTRAS_HEADING, formatExtras } from '../../platform/imports/extras.ts';
import { prepareSheet, type SheetColumn, writeXlsx } from '../../platform/exports/xlsx.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { lawHeadings } from '../../rules/ledgerImport/index.ts';
import { lawKindLabels, lawStatusLabels } from './laws.labels.ts';
import { listLaws } from './laws.service.ts';

// 個人情報保護に関する法令規範一覧 (J.1.3 b) as an Excel workbook: one row per entry, the headings
// the import reads back (src/rules/ledgerImport/lawHeadings.ts), so an exported file imports unchanged.

type LawItem = Awaited<ReturnType<typeof listLaws>>['items'][number];

const H = Object.fromEntries(lawHeadings.map((h) => [h.key, h.label])) as Record<(typeof lawHeadings)[number]['key'], string>;

/** 承認 as people read it: 「承認済み 2026/12/05 佐藤 花子」 or 「未承認」. */
function approvalText(item: LawItem): string {
  if (!item.approval) return '未承認';
  const day = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(item.approval.approvedAt));
  return ['承認済み', day, item.approval.approvedBy ?? ''].join(' ').trim();
}

const columns: SheetColumn<LawItem>[] = [
  { header: H.name, width: 50, value: (r) => r.name },
  { header: H.kind, width: 18, value: (r) => lawKindLabels[r.kind] },
  { header: H.issuer, width: 20, value: (r) => r.issuer },
  { header: H.number, width: 26, value: (r) => r.number },
  { header: H.lastAmendedOn, width: 12, type: 'date', value: (r) => r.lastAmendedOn },
  { header: H.url, width: 40, value: (r) => r.url },
  { header: H.application, width: 36, value: (r) => r.application },
  { header: H.status, width: 8, value: (r) => lawStatusLabels[r.status] },
  { header: H.identifiedOn, width: 12, type: 'date', value: (r) => r.identifiedOn },
  { header: H.note, width: 36, value: (r) => r.note },
  { header: H.approval, width: 28, value: approvalText },
  { header: H.lastReviewedOn, width: 12, type: 'date', value: (r) => r.lastReviewedOn },
  // 取込時の追加情報 (issue #12): 「見出し: 値」 per line, read back by the import.
  { header: EXTRAS_HEADING, width: 40, value: (r) => formatExtras(r.importExtras) },
];

/** The whole 法令規範一覧 of the organization as an xlsx workbook (sheet 「法令規範一覧」). */
export async function exportLawsXlsx(tx: Tx, actor: Actor): Promise<Buffer> {
  const { items } = await listLaws(tx, actor, {});
  return writeXlsx(prepareSheet({ name: '法令規範一覧', columns, rows: items }));
}
