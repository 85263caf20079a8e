import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { PDF_TYPE, sendDownload } from '../../platform/exports/download.ts';
import { pdfHeaderOf } from '../../platform/exports/pdfHeader.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { correctiveContract } from './corrective.contract.ts';
import { renderCorrectiveRecordPdf } from './corrective.pdf.ts';
import { presentCorrective, presentCorrectiveDetail, presentCorrectivePage, presentSubmitted } from './corrective.presenters.ts';
import { getCorrectiveDetail, listCorrectiveActions } from './corrective.queries.ts';
import { createCorrectiveAction, submitCorrectivePlan, submitCorrectiveResult, updateCorrectiveAction } from './corrective.service.ts';

/**
 * 不適合・是正処置 (M10, J.7.1), registered from corrective.contract.ts. Thin: validate →
 * authorize (the contract's access; the service adds the department scope of a 所属長) → one
 * business function in the tenant transaction → present.
 */
export function correctiveRoutes(app: App, deps: Deps): void {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };

  routes(
    app,
    correctiveContract,
    {
      list: async (request) => {
        const c = clock();
        return presentCorrectivePage(await inOrg(deps.database, scopeOf(request), (tx) => listCorrectiveActions(tx, actorOf(request), request.query)), c.today);
      },

      create: async (request) => presentCorrective(await inOrg(deps.database, scopeOf(request), (tx) => createCorrectiveAction(tx, actorOf(request), request.body, clock()))),

      detail: async (request) => presentCorrectiveDetail(await inOrg(deps.database, scopeOf(request), (tx) => getCorrectiveDetail(tx, actorOf(request), request.params.id))),

      update: async (request) =>
        presentCorrective(await inOrg(deps.database, scopeOf(request), (tx) => updateCorrectiveAction(tx, actorOf(request), request.params.id, request.body, clock()))),

      submitPlan: async (request) => presentSubmitted(await inOrg(deps.database, scopeOf(request), (tx) => submitCorrectivePlan(tx, actorOf(request), request.params.id, clock()))),

      submitResult: async (request) =>
        presentSubmitted(await inOrg(deps.database, scopeOf(request), (tx) => submitCorrectiveResult(tx, actorOf(request), request.params.id, clock()))),

      recordPdf: async (request, reply) => {
        const { detail, header } = await inOrg(deps.database, scopeOf(request), async (tx) => ({
          detail: await getCorrectiveDetail(tx, actorOf(request), request.params.id),
          header: await pdfHeaderOf(tx, actorOf(request).organizationId),
        }));
        const body = await renderCorrectiveRecordPdf(detail, header, deps.now());
        return sendDownload(reply, { body, filename: `是正処置実施記録_${detail.action.number}.pdf`, contentType: PDF_TYPE });
      },
    },
    { tags: ['corrective-actions'] },
  );
}
