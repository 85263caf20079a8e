import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { DOCX_TYPE, datedFilename, PDF_TYPE, sendDownload, XLSX_TYPE } from '../../platform/exports/download.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { contractorsContract } from './contractors.contract.ts';
import { listEvaluations, saveEvaluation, submitEvaluation } from './contractors.evaluation.ts';
import { exportContractorsXlsx } from './contractors.export.ts';
import { presentClauseCheck, presentContractor, presentContractorPage } from './contractors.presenters.ts';
import { audienceOf, detailOf, findContractor, getContractorDetail, listContractors } from './contractors.queries.ts';
import { createContractor, updateContractor } from './contractors.service.ts';
import { renderSpecialClausesDocx } from './special-clauses.docx.ts';
import { loadSpecialClauses } from './special-clauses.load.ts';
import { renderSpecialClausesPdf } from './special-clauses.pdf.ts';
import { presentSubcontractChain, presentSubcontractRequest } from './subcontracting.presenters.ts';
import { recordSupervision } from './subcontract-supervision.ts';
import { requestSubcontract } from './subcontracting.ts';

/**
 * 委託先管理 (M7, J.9.4), registered from contractors.contract.ts. Thin: validate → authorize (the
 * contract's access; the service adds the department scope of a 所属長) → one business function in
 * the tenant transaction → present.
 */
export function contractorsRoutes(app: App, deps: Deps): void {
  routes(
    app,
    contractorsContract,
    {
      list: async (request) => presentContractorPage(await inOrg(deps.database, scopeOf(request), (tx) => listContractors(tx, actorOf(request), request.query))),

      create: async (request) =>
        presentContractor(
          await inOrg(deps.database, scopeOf(request), async (tx) => detailOf(tx, actorOf(request), await createContractor(tx, actorOf(request), request.body, deps.now()))),
        ),

      exportXlsx: async (request, reply) => {
        const body = await inOrg(deps.database, scopeOf(request), (tx) => exportContractorsXlsx(tx, actorOf(request)));
        return sendDownload(reply, { body, filename: datedFilename('委託先一覧', 'xlsx', deps.now()), contentType: XLSX_TYPE });
      },

      detail: async (request) => presentContractor(await inOrg(deps.database, scopeOf(request), (tx) => getContractorDetail(tx, actorOf(request), request.params.id))),

      update: async (request) =>
        presentContractor(
          await inOrg(deps.database, scopeOf(request), async (tx) =>
            detailOf(tx, actorOf(request), await updateContractor(tx, actorOf(request), request.params.id, request.body, deps.now())),
          ),
        ),

      clauseCheck: async (request) => {
        const organizationId = actorOf(request).organizationId;
        const { row, audience } = await inOrg(deps.database, scopeOf(request), async (tx) => ({
          row: await findContractor(tx, organizationId, request.params.id),
          audience: await audienceOf(tx, organizationId),
        }));
        return presentClauseCheck(row, audience);
      },

      // 個人情報特記事項 (issue 13): composed from the contract's attributes and the linked 台帳 entries.
      specialClausesDocx: async (request, reply) => {
        const doc = await inOrg(deps.database, scopeOf(request), (tx) => loadSpecialClauses(tx, actorOf(request), request.params.id, request.query));
        const body = await renderSpecialClausesDocx(doc);
        return sendDownload(reply, { body, filename: datedFilename(`個人情報特記事項_${doc.contractorName}`, 'docx', deps.now()), contentType: DOCX_TYPE });
      },

      specialClausesPdf: async (request, reply) => {
        const doc = await inOrg(deps.database, scopeOf(request), (tx) => loadSpecialClauses(tx, actorOf(request), request.params.id, request.query));
        const body = await renderSpecialClausesPdf(doc, deps.now());
        return sendDownload(reply, { body, filename: datedFilename(`個人情報特記事項_${doc.contractorName}`, 'pdf', deps.now()), contentType: PDF_TYPE });
      },

      evaluations: async (request) => inOrg(deps.database, scopeOf(request), (tx) => listEvaluations(tx, actorOf(request), request.params.id)),

      saveEvaluation: async (request) => inOrg(deps.database, scopeOf(request), (tx) => saveEvaluation(tx, actorOf(request), request.params.id, request.body, deps.now())),

      submitEvaluation: async (request) => {
        const now = deps.now();
        const row = await inOrg(deps.database, scopeOf(request), (tx) => submitEvaluation(tx, actorOf(request), request.params.id, { today: todayInJapan(now), now }));
        return { approvalRequestId: row.id, status: row.status };
      },

      subcontracting: async (request) => inOrg(deps.database, scopeOf(request), (tx) => presentSubcontractChain(tx, actorOf(request), request.params.id)),

      requestSubcontract: async (request) => {
        const now = deps.now();
        const filed = await inOrg(deps.database, scopeOf(request), (tx) =>
          requestSubcontract(tx, actorOf(request), request.params.id, request.body, { today: todayInJapan(now), now }),
        );
        return { ...presentSubcontractRequest(filed.row), approvalRequestId: filed.approvalRequestId };
      },

      recordSupervision: async (request) => {
        const now = deps.now();
        return inOrg(deps.database, scopeOf(request), (tx) => recordSupervision(tx, actorOf(request), request.params.id, request.body, { today: todayInJapan(now), now }));
      },
    },
    { tags: ['contractors'] },
  );
}
