import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { PDF_TYPE, sendDownload } from '../../platform/exports/download.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { renderCorrectiveRecordPdf } from './corrective.pdf.ts';
import { presentCorrective, presentCorrectiveDetail, presentCorrectiveListItem } from './corrective.presenters.ts';
import { correctiveIdParams, correctiveListQuery, createCorrectiveBody, updateCorrectiveBody } from './corrective.schema.ts';
import * as service from './corrective.service.ts';

/**
 * 不適合・是正処置 (M10, J.7.1). Thin: validate → authorize (config.access; the service adds the
 * department scope of a 所属長) → one business function in the tenant transaction → present.
 */
export function correctiveRoutes(app: App, deps: Deps): void {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };
  const tags = ['corrective-actions'];

  app.get('/api/corrective-actions', { schema: { tags, summary: '是正処置の一覧', querystring: correctiveListQuery }, config: { access: 'corrective.read' } }, async (request) => {
    const c = clock();
    const page = await inOrg(deps.database, scopeOf(request), (tx) => service.listCorrectiveActions(tx, actorOf(request), request.query));
    return { ...page, items: page.items.map((row) => presentCorrectiveListItem(row, c.today)) };
  });

  app.post(
    '/api/corrective-actions',
    {
      schema: { tags, summary: '不適合の記録（発見した人が記録: J.7.1 h) 1)。所属長と個人情報保護管理者に通知）', body: createCorrectiveBody },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => service.createCorrectiveAction(tx, actorOf(request), request.body, clock()));
      return reply.status(201).send(presentCorrective(row));
    },
  );

  app.get(
    '/api/corrective-actions/:id',
    { schema: { tags, summary: '是正処置の詳細（計画・結果の承認印つき）', params: correctiveIdParams }, config: { access: 'corrective.read' } },
    async (request) => presentCorrectiveDetail(await inOrg(deps.database, scopeOf(request), (tx) => service.getCorrectiveDetail(tx, actorOf(request), request.params.id))),
  );

  app.patch(
    '/api/corrective-actions/:id',
    {
      schema: {
        tags,
        summary: '是正処置の記録の更新（有効性のレビューは個人情報保護管理者。承認済みの計画の変更は再承認）',
        params: correctiveIdParams,
        body: updateCorrectiveBody,
      },
      config: { access: 'corrective.manage' },
    },
    async (request) =>
      presentCorrective(await inOrg(deps.database, scopeOf(request), (tx) => service.updateCorrectiveAction(tx, actorOf(request), request.params.id, request.body, clock()))),
  );

  app.post(
    '/api/corrective-actions/:id/submit-plan',
    { schema: { tags, summary: '処置計画の申請（J.7.1 h) 3): 個人情報保護管理者 → トップマネジメント）', params: correctiveIdParams }, config: { access: 'corrective.manage' } },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => service.submitCorrectivePlan(tx, actorOf(request), request.params.id, clock()));
      return reply.status(201).send({ approvalRequestId: row.id, status: row.status });
    },
  );

  app.post(
    '/api/corrective-actions/:id/submit-result',
    {
      schema: { tags, summary: '処置結果の申請（J.7.1 h) 5)・6): 個人情報保護管理者 → トップマネジメント）', params: correctiveIdParams },
      config: { access: 'corrective.manage' },
    },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => service.submitCorrectiveResult(tx, actorOf(request), request.params.id, clock()));
      return reply.status(201).send({ approvalRequestId: row.id, status: row.status });
    },
  );

  app.get(
    '/api/corrective-actions/:id/record.pdf',
    { schema: { tags, summary: '是正処置実施記録（PDF）', params: correctiveIdParams }, config: { access: 'corrective.read' } },
    async (request, reply) => {
      const detail = await inOrg(deps.database, scopeOf(request), async (tx) => ({
        detail: await service.getCorrectiveDetail(tx, actorOf(request), request.params.id),
        organizationName: await service.organizationNameOf(tx, actorOf(request).organizationId),
      }));
      const body = await renderCorrectiveRecordPdf(detail.detail, detail.organizationName, deps.now());
      return sendDownload(reply, { body, filename: `是正処置実施記録_${detail.detail.action.number}.pdf`, contentType: PDF_TYPE });
    },
  );
}
