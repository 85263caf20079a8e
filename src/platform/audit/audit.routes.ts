import { inOrg } from '../db/tenancy.ts';
import { datedFilename, sendDownload, XLSX_TYPE } from '../exports/download.ts';
import { prepareSheet, writeXlsx } from '../exports/xlsx.ts';
import { type App, type Deps, actorOf, scopeOf } from '../http/types.ts';
import { actionLabels, entityLabel } from './auditLog.presenter.ts';
import { auditLogFilter, auditLogQuery } from './auditLog.schema.ts';
import { type AuditLogItem, auditLogForExport, listAuditLog, verifyOrganizationChain } from './auditLog.service.ts';

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * 監査証跡ビューア (SPEC §3 Audit trail, Toshima 4-8-6 (3) アクセス記録の分析): the filtered log,
 * its .xlsx export, and verification of this organization's hash chain. Every route needs
 * `audit.read`; reading and exporting the log are themselves recorded.
 */
export function auditRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/audit-log',
    { schema: { tags: ['audit'], summary: '監査証跡・アクセス記録の検索（閲覧は記録されます）', querystring: auditLogQuery }, config: { access: 'audit.read' } },
    async (request) => inOrg(deps.database, scopeOf(request), (tx) => listAuditLog(tx, actorOf(request), request.query)),
  );

  app.get(
    '/api/audit-log/export.xlsx',
    { schema: { tags: ['audit'], summary: '監査証跡の出力（.xlsx・絞り込み条件どおり・出力は記録されます）', querystring: auditLogFilter }, config: { access: 'audit.read' } },
    async (request, reply) => {
      const items = await inOrg(deps.database, scopeOf(request), (tx) => auditLogForExport(tx, actorOf(request), request.query, deps.now()));
      const body = await writeXlsx(
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
      return sendDownload(reply, { body, filename: datedFilename('監査証跡', 'xlsx', deps.now()), contentType: XLSX_TYPE });
    },
  );

  app.get('/api/audit-log/verify', { schema: { tags: ['audit'], summary: 'この組織の監査証跡のハッシュチェーンを検証' }, config: { access: 'audit.read' } }, async (request) =>
    verifyOrganizationChain(deps.database, scopeOf(request), actorOf(request)),
  );
}
