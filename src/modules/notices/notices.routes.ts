import { recordPersonalDataAccess } from '../../platform/audit/personalDataAccess.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { datedFilename, sendDownload, XLSX_TYPE } from '../../platform/exports/download.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { listConsents, recordConsent, withdrawConsent } from './notices.consents.ts';
import { noticesContract } from './notices.contract.ts';
import { exportProvisionRecordsXlsx } from './provision-records.export.ts';
import { correctProvisionRecord, createProvisionRecord, disposeProvisionRecord, getProvisionRecord, listProvisionRecords, recordFurtherProvision } from './provision-records.ts';
import { createNotice, getNotice, listNotices, publishNotice, saveNoticeDraft } from './notices.service.ts';

/** M6 通知・同意 (J.8.5), registered from notices.contract.ts: validate → authorize → one business function → present. */
export function noticesRoutes(app: App, deps: Deps): void {
  routes(
    app,
    noticesContract,
    {
      list: async (request) => inOrg(deps.database, scopeOf(request), (tx) => listNotices(tx, actorOf(request))),
      create: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => getNotice(tx, actorOf(request), await createNotice(tx, actorOf(request), request.body, deps.now()))),
      detail: async (request) => inOrg(deps.database, scopeOf(request), (tx) => getNotice(tx, actorOf(request), request.params.id)),
      saveDraft: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          await saveNoticeDraft(tx, actorOf(request), request.params.id, request.body, deps.now());
          return getNotice(tx, actorOf(request), request.params.id);
        }),
      publish: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          await publishNotice(tx, actorOf(request), request.params.id, deps.now());
          return getNotice(tx, actorOf(request), request.params.id);
        }),
      // 同意記録 hold the person's name or identifier: each read is recorded like an incident's (SPEC §3, Toshima 4-8-6 (3)).
      consents: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          const actor = actorOf(request);
          const list = await listConsents(tx, actor, request.params.id);
          await recordPersonalDataAccess(tx, actor, { action: 'read', entityType: 'notice_consents', entityId: request.params.id, rowCount: list.items.length }, deps.now());
          return list;
        }),
      recordConsent: async (request) => inOrg(deps.database, scopeOf(request), (tx) => recordConsent(tx, actorOf(request), request.params.id, request.body, deps.now())),
      withdrawConsent: async (request) => inOrg(deps.database, scopeOf(request), (tx) => withdrawConsent(tx, actorOf(request), request.params.id, request.body, deps.now())),
      // 提供記録・確認記録 hold 本人を特定するに足りる事項: reads are recorded too.
      provisionRecords: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          const actor = actorOf(request);
          const list = await listProvisionRecords(tx, actor, request.query);
          await recordPersonalDataAccess(tx, actor, { action: 'read', entityType: 'provision_records', rowCount: list.items.length }, deps.now());
          return list;
        }),
      exportProvisionRecords: async (request, reply) => {
        const body = await inOrg(deps.database, scopeOf(request), async (tx) => {
          const actor = actorOf(request);
          const file = await exportProvisionRecordsXlsx(tx, actor, request.query);
          // The records name persons (本人を特定するに足りる事項): the export is a personal-data read (SPEC §3).
          await recordPersonalDataAccess(tx, actor, { action: 'export', entityType: 'provision_records', rowCount: file.rowCount }, deps.now());
          return file.body;
        });
        return sendDownload(reply, { body, filename: datedFilename('提供記録・確認記録', 'xlsx', deps.now()), contentType: XLSX_TYPE });
      },
      createProvisionRecord: async (request) => inOrg(deps.database, scopeOf(request), (tx) => createProvisionRecord(tx, actorOf(request), request.body, deps.now())),
      provisionRecord: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          const actor = actorOf(request);
          const record = await getProvisionRecord(tx, actor, request.params.id);
          await recordPersonalDataAccess(tx, actor, { action: 'read', entityType: 'provision_records', entityId: record.id, rowCount: 1 }, deps.now());
          return record;
        }),
      correctProvisionRecord: async (request) =>
        inOrg(deps.database, scopeOf(request), (tx) => correctProvisionRecord(tx, actorOf(request), request.params.id, request.body, deps.now())),
      recordFurtherProvision: async (request) =>
        inOrg(deps.database, scopeOf(request), (tx) => recordFurtherProvision(tx, actorOf(request), request.params.id, request.body, deps.now())),
      disposeProvisionRecord: async (request) =>
        inOrg(deps.database, scopeOf(request), (tx) => disposeProvisionRecord(tx, actorOf(request), request.params.id, request.body, deps.now())),
    },
    { tags: ['notices'] },
  );
}
