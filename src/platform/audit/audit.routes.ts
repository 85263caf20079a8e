import { inOrg } from '../db/tenancy.ts';
import { datedFilename, sendDownload, XLSX_TYPE } from '../exports/download.ts';
import { routes } from '../http/route.ts';
import { type App, type Deps, actorOf, scopeOf } from '../http/types.ts';
import { auditContract } from './audit.contract.ts';
import { auditAnchorOf } from './auditAnchor.ts';
import { writeAuditLogXlsx } from './auditLog.export.ts';
import { presentAuditLogItem, presentAuditLogPage, presentVerifyResult } from './auditLog.presenter.ts';
import { auditLogForExport, listAuditLog, verifyOrganizationChain } from './auditLog.service.ts';

/**
 * 監査証跡ビューア (SPEC §3 Audit trail, Toshima 4-8-6 (3) アクセス記録の分析): the filtered log,
 * its .xlsx export, and verification of this organization's hash chain. Every route needs
 * `audit.read`; reading and exporting the log are themselves recorded.
 */
export function auditRoutes(app: App, deps: Deps): void {
  routes(
    app,
    auditContract,
    {
      log: async (request) => presentAuditLogPage(await inOrg(deps.database, scopeOf(request), (tx) => listAuditLog(tx, actorOf(request), request.query))),

      exportLog: async (request, reply) => {
        const rows = await inOrg(deps.database, scopeOf(request), (tx) => auditLogForExport(tx, actorOf(request), request.query, deps.now()));
        const body = await writeAuditLogXlsx(rows.map(presentAuditLogItem));
        return sendDownload(reply, { body, filename: datedFilename('監査証跡', 'xlsx', deps.now()), contentType: XLSX_TYPE });
      },

      verify: async (request) => presentVerifyResult(await verifyOrganizationChain(deps.database, scopeOf(request), actorOf(request), auditAnchorOf(deps.config))),
    },
    { tags: ['audit'] },
  );
}
