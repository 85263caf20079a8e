import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { prepareSheet, type SheetColumn, writeXlsx } from '../../platform/exports/xlsx.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { listCriteria } from './contractor-criteria.ts';
import { criteriaFieldLabels as L } from './contractor-criteria.labels.ts';
import type { criteriaChangeResponse, criteriaItemResponse, criteriaVersionResponse } from './contractor-criteria.responses.ts';

// 委託先の選定・評価基準の版の履歴 (J.9.4 s) 毎年 12 月の見直しの記録) as an Excel workbook: one sheet
// with every version's 評価項目, one with what each version changed from the version it started from.

type Version = z.output<typeof criteriaVersionResponse>;
type ItemRow = { version: Version; item: z.output<typeof criteriaItemResponse>; position: number };
type ChangeRow = { version: Version; change: z.output<typeof criteriaChangeResponse> };

const versionColumns = <Row extends { version: Version }>(): SheetColumn<Row>[] => [
  { header: '版', width: 8, value: (r) => r.version.versionLabel },
  { header: '状態', width: 16, value: (r) => r.version.statusLabel },
  { header: '承認日時', width: 20, type: 'datetime', value: (r) => (r.version.approvedAt ? new Date(r.version.approvedAt) : null) },
  { header: L.name, width: 28, value: (r) => r.version.name },
];

const itemColumns: SheetColumn<ItemRow>[] = [
  ...versionColumns<ItemRow>(),
  { header: '順番', width: 6, type: 'number', value: (r) => r.position },
  { header: L.code, width: 8, value: (r) => r.item.code },
  { header: L.text, width: 60, value: (r) => r.item.text },
  { header: L.coversOthers, width: 16, value: (r) => (r.item.coversOthers ? 'はい' : '') },
];

const changeColumns: SheetColumn<ChangeRow>[] = [
  ...versionColumns<ChangeRow>(),
  { header: '比較した版', width: 10, value: (r) => r.version.changesFrom },
  { header: '変更の種類', width: 24, value: (r) => r.change.label },
  { header: L.code, width: 8, value: (r) => r.change.code },
  { header: '以前の文言', width: 50, value: (r) => r.change.previousText },
  { header: '新しい文言', width: 50, value: (r) => r.change.currentText },
];

/** Every version (the built-in 調査票 last) with its items, and each version's changes. */
export async function exportCriteriaXlsx(tx: Tx, actor: Actor): Promise<Buffer> {
  const { versions } = await listCriteria(tx, actor);
  const items = versions.flatMap((version) => version.items.map((item, index) => ({ version, item, position: index + 1 })));
  const changes = versions.flatMap((version) => version.changes.map((change) => ({ version, change })));
  return writeXlsx([
    prepareSheet({ name: '評価基準の版と評価項目', columns: itemColumns, rows: items }),
    prepareSheet({ name: '版ごとの変更', columns: changeColumns, rows: changes }),
  ]);
}
