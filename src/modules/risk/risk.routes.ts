import { todayInJapan } from '../../domain/time.ts';
import { getRiskCriteria, latestRiskCriteriaVersion } from '../../rules/data/riskCriteria.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { datedFilename, PDF_TYPE, sendDownload, XLSX_TYPE } from '../../platform/exports/download.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { reviewHandlers } from '../../platform/reviews/reviews.routes.ts';
import { createAssessment } from './create-assessment.ts';
import { getAssessmentDetail } from './get-assessment-detail.ts';
import { proposalsFor } from './propose-typical-risks.ts';
import { recordMonitoring } from './record-monitoring.ts';
import { riskContract } from './risk.contract.ts';
import { exportRiskPdf, exportRiskXlsx } from './risk.export.ts';
import {
  presentAssessmentDetail,
  presentAssessmentList,
  presentCriteria,
  presentHeatMap,
  presentProposals,
  presentRegister,
  presentRiskReview,
  presentRiskTasks,
} from './risk.presenters.ts';
import { heatMapOf, listAssessments, residualRegister, riskTasks } from './risk.queries.ts';
import './risk.review.ts';
import { saveRecords } from './save-records.ts';
import { submitAssessment } from './submit-assessment.ts';
import { updateAssessment } from './update-assessment.ts';

/**
 * リスク分析対策表 (SPEC M2): analyses per 類型, their rows per phase × threat, typical-risk
 * proposals, approval, heat map, residual-risk register, exports and the yearly review — every
 * route declared in risk.contract.ts. Thin: validate → authorize (config.access, then the
 * department scope in the service) → one business function in the tenant transaction → present.
 */
export function riskRoutes(app: App, deps: Deps): void {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };

  // The platform's review handlers, with the stored diff typed as the risk module writes it.
  const reviews = reviewHandlers(deps, 'risk');

  routes(
    app,
    riskContract,
    {
      criteria: async () => presentCriteria(getRiskCriteria(latestRiskCriteriaVersion)),

      assessments: async (request) =>
        presentAssessmentList(await inOrg(deps.database, scopeOf(request), (tx) => listAssessments(tx, actorOf(request).organizationId, request.query))),

      createAssessment: async (request) => {
        const c = clock();
        return presentAssessmentDetail(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            const id = await createAssessment(tx, actorOf(request), request.body, c);
            return getAssessmentDetail(tx, actorOf(request), id, c.today);
          }),
        );
      },

      assessment: async (request) =>
        presentAssessmentDetail(await inOrg(deps.database, scopeOf(request), (tx) => getAssessmentDetail(tx, actorOf(request), request.params.id, clock().today))),

      updateAssessment: async (request) => {
        const c = clock();
        return presentAssessmentDetail(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            await updateAssessment(tx, actorOf(request), request.params.id, request.body, c);
            return getAssessmentDetail(tx, actorOf(request), request.params.id, c.today);
          }),
        );
      },

      saveRecords: async (request) => {
        const c = clock();
        return presentAssessmentDetail(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            await saveRecords(tx, actorOf(request), request.params.id, request.body.records, c);
            return getAssessmentDetail(tx, actorOf(request), request.params.id, c.today);
          }),
        );
      },

      submitAssessment: async (request) => {
        const c = clock();
        return presentAssessmentDetail(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            await submitAssessment(tx, actorOf(request), request.params.id, c);
            return getAssessmentDetail(tx, actorOf(request), request.params.id, c.today);
          }),
        );
      },

      proposals: async (request) => presentProposals(await inOrg(deps.database, scopeOf(request), (tx) => proposalsFor(tx, actorOf(request), request.params.id))),

      exportAssessmentXlsx: async (request, reply) => {
        const file = await inOrg(deps.database, scopeOf(request), (tx) => exportRiskXlsx(tx, actorOf(request), { assessmentId: request.params.id }));
        return sendDownload(reply, { body: file.body, filename: datedFilename(file.name, 'xlsx', deps.now()), contentType: XLSX_TYPE });
      },

      assessmentPdf: async (request, reply) => {
        const file = await inOrg(deps.database, scopeOf(request), (tx) => exportRiskPdf(tx, actorOf(request), request.params.id, deps.now()));
        return sendDownload(reply, { body: file.body, filename: datedFilename(file.name, 'pdf', deps.now()), contentType: PDF_TYPE });
      },

      exportXlsx: async (request, reply) => {
        const file = await inOrg(deps.database, scopeOf(request), (tx) => exportRiskXlsx(tx, actorOf(request), { departmentId: request.query.departmentId }));
        return sendDownload(reply, { body: file.body, filename: datedFilename(file.name, 'xlsx', deps.now()), contentType: XLSX_TYPE });
      },

      heatmap: async (request) => presentHeatMap(await inOrg(deps.database, scopeOf(request), (tx) => heatMapOf(tx, actorOf(request).organizationId, request.query.departmentId))),

      register: async (request) => presentRegister(await inOrg(deps.database, scopeOf(request), (tx) => residualRegister(tx, actorOf(request), request.query, clock().today))),

      recordMonitoring: async (request) => {
        await inOrg(deps.database, scopeOf(request), (tx) => recordMonitoring(tx, actorOf(request), request.params.id, request.body, clock()));
        return { ok: true as const };
      },

      tasks: async (request) => presentRiskTasks(await inOrg(deps.database, scopeOf(request), (tx) => riskTasks(tx, actorOf(request)))),

      // ---- 毎年12月の見直し (the platform's review engine, subject リスク分析対策表) ----
      reviews: reviews.reviews,
      startReview: async (request) => presentRiskReview(await reviews.startReview(request)),
      review: async (request) => presentRiskReview(await reviews.review(request)),
      confirmReviewItem: async (request) => presentRiskReview(await reviews.confirmReviewItem(request)),
      submitReview: async (request) => presentRiskReview(await reviews.submitReview(request)),
    },
    { tags: ['risk'] },
  );
}
