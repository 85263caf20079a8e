import { prepareSheet, type SheetColumn, writeXlsx } from '../../platform/exports/xlsx.ts';
import type { AcknowledgementStatus } from './policy.acknowledgements.ts';

// 個人情報保護方針の周知状況 (J.2.2 3) as an Excel workbook: the 運用記録 that shows an auditor who
// confirmed which version and when, and who has not yet.

type Row = AcknowledgementStatus['items'][number] & { policy: string };

const columns: SheetColumn<Row>[] = [
  { header: '方針・版', width: 32, value: (r) => r.policy },
  { header: '所属', width: 20, value: (r) => r.departmentName },
  { header: '従業者番号', width: 12, value: (r) => r.employeeNumber },
  { header: '氏名', width: 18, value: (r) => r.name },
  { header: '確認状況', width: 10, value: (r) => r.statusLabel },
  { header: '確認日時', width: 20, type: 'datetime', value: (r) => r.acknowledgedAt },
];

/** The 周知状況 as shown (same filters) as an xlsx workbook (sheet 「周知状況」). */
export async function exportAcknowledgementsXlsx(status: AcknowledgementStatus): Promise<Buffer> {
  const policy = `${status.version.kindLabel} 第${status.version.versionNo}版`;
  return writeXlsx(prepareSheet({ name: '周知状況', columns, rows: status.items.map((i) => ({ ...i, policy })) }));
}
