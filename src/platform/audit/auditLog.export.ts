import { prepareSheet, writeXlsx } from '../exports/xlsx.ts';
import { actionLabels, type AuditLogItem, entityLabel } from './auditLog.presenter.ts';

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * 監査証跡の出力 (.xlsx): the presented events, one row each, with the before/after images and
 * meta as JSON (secrets already masked by the presenter).
 */
export function writeAuditLogXlsx(items: AuditLogItem[]): Promise<Buffer> {
  return writeXlsx(
    prepareSheet<AuditLogItem>({
      name: '監査証跡',
      columns: [
        { header: '連番', width: 9, type: 'number', value: (r) => r.chainSeq },
        { header: '日時', width: 20, type: 'datetime', value: (r) => r.at },
        { header: '操作者', width: 14, value: (r) => r.actorName ?? r.actorAccountId },
        { header: '操作', width: 10, value: (r) => actionLabels[r.action] ?? r.action },
        { header: '対象', width: 14, value: (r) => entityLabel(r.entityType) },
        { header: '対象ID', width: 38, value: (r) => r.entityId },
        { header: '件数', width: 7, type: 'number', value: (r) => r.rowCount },
        { header: '内容', width: 44, value: (r) => r.summary },
        { header: '変更前', width: 40, value: (r) => json(r.before) },
        { header: '変更後', width: 40, value: (r) => json(r.after) },
        { header: '付加情報', width: 30, value: (r) => json(r.meta) },
      ],
      rows: items,
    }),
  );
}
