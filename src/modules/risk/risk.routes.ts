import { todayInJapan } from '../../domain/time.ts';
import { getRiskCriteria, latestRiskCriteriaVersion } from '../../rules/data/riskCriteria.ts';

import { inOrg } from '../../platform/db/tenancy.ts';
import { datedFilename, PDF_TYPE, sendDownload, XLSX_TYPE } from '../../platform/exports/download.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { presentReview, presentReviewListRow } from '../inventory/inventory.presenters.ts';
import { reviewConfirmBody, reviewStartBody, reviewsQuery } from '../inventory/inventory.schema.ts';
import { confirmReviewItem, getReview, listReviews, startReview, submitReview } from '../inventory/reviews.service.ts';
import { exportRiskPdf, exportRiskXlsx } from './risk.export.ts';
import { presentAssessmentDetail, presentAssessmentListRow, presentCriteria } from './risk.presenters.ts';
import './risk.review.ts';
import { assessmentBody, assessmentsQuery, assessmentUpdateBody, heatmapQuery, idParams, monitoringBody, recordsBody, registerQuery } from './risk.schema.ts';
import {
  createAssessment,
  getAssessmentDetail,
  heatMapOf,
  listAssessments,
  proposalsFor,
  recordMonitoring,
  residualRegister,
  riskTasks,
  saveRecords,
  submitAssessment,
  updateAssessment,
} from './risk.service.ts';

/**
 * リスク分析対策表 (SPEC M2): analyses per 類型, their rows per phase × threat, typical-risk
 * proposals, approval, heat map, residual-risk register, exports and the yearly review. Thin:
 * validate → authorize → one business function in the tenant transaction → present.
 */
export function riskRoutes(app: App, deps: Deps): void {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };

  app.get('/api/risk/criteria', { schema: { tags: ['risk'], summary: 'リスク基準（現行の版: 尺度・閾値・局面・脅威）' }, config: { access: 'risk.read' } }, async () =>
    presentCriteria(getRiskCriteria(latestRiskCriteriaVersion)),
  );

  app.get(
    '/api/risk/assessments',
    { schema: { tags: ['risk'], summary: 'リスク分析対策表の一覧（類型ごと）', querystring: assessmentsQuery }, config: { access: 'risk.read' } },
    async (request) => ({
      items: (await inOrg(deps.database, scopeOf(request), (tx) => listAssessments(tx, actorOf(request).organizationId, request.query))).map(presentAssessmentListRow),
    }),
  );

  app.post(
    '/api/risk/assessments',
    { schema: { tags: ['risk'], summary: 'リスク分析対策表の作成（類型と対象の台帳の項目）', body: assessmentBody }, config: { access: 'risk.manage' } },
    async (request, reply) => {
      const c = clock();
      const detail = await inOrg(deps.database, scopeOf(request), async (tx) => {
        const id = await createAssessment(tx, actorOf(request), request.body, c);
        return getAssessmentDetail(tx, actorOf(request), id);
      });
      return reply.status(201).send(presentAssessmentDetail(detail));
    },
  );

  app.get(
    '/api/risk/assessments/:id',
    { schema: { tags: ['risk'], summary: 'リスク分析対策表の詳細（行ごとの指摘・ヒートマップ）', params: idParams }, config: { access: 'risk.read' } },
    async (request) => presentAssessmentDetail(await inOrg(deps.database, scopeOf(request), (tx) => getAssessmentDetail(tx, actorOf(request), request.params.id))),
  );

  app.put(
    '/api/risk/assessments/:id',
    { schema: { tags: ['risk'], summary: '類型の名称・説明・対象の台帳の項目の変更', params: idParams, body: assessmentUpdateBody }, config: { access: 'risk.manage' } },
    async (request) => {
      const c = clock();
      return presentAssessmentDetail(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await updateAssessment(tx, actorOf(request), request.params.id, request.body, c);
          return getAssessmentDetail(tx, actorOf(request), request.params.id);
        }),
      );
    },
  );

  app.put(
    '/api/risk/assessments/:id/records',
    {
      schema: {
        tags: ['risk'],
        summary: 'リスク分析対策表の行の保存（全行を一度に。評価が閾値以上で残存リスク対応策がない等は 422 で項目と条項を示し、何も保存しない）',
        params: idParams,
        body: recordsBody,
      },
      config: { access: 'risk.manage' },
    },
    async (request) => {
      const c = clock();
      return presentAssessmentDetail(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await saveRecords(tx, actorOf(request), request.params.id, request.body.records, c);
          return getAssessmentDetail(tx, actorOf(request), request.params.id);
        }),
      );
    },
  );

  app.post(
    '/api/risk/assessments/:id/submit',
    { schema: { tags: ['risk'], summary: 'リスク分析対策表の申請（所属長 → 個人情報保護管理者 → トップマネジメント）', params: idParams }, config: { access: 'risk.manage' } },
    async (request) => {
      const c = clock();
      return presentAssessmentDetail(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await submitAssessment(tx, actorOf(request), request.params.id, c);
          return getAssessmentDetail(tx, actorOf(request), request.params.id);
        }),
      );
    },
  );

  app.get(
    '/api/risk/assessments/:id/proposals',
    { schema: { tags: ['risk'], summary: '典型的なリスクと対策の提案（台帳の属性から）', params: idParams }, config: { access: 'risk.read' } },
    async (request) => inOrg(deps.database, scopeOf(request), (tx) => proposalsFor(tx, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/risk/assessments/:id/export.xlsx',
    { schema: { tags: ['risk'], summary: 'リスク分析対策表の出力（.xlsx）', params: idParams }, config: { access: 'risk.read' } },
    async (request, reply) => {
      const file = await inOrg(deps.database, scopeOf(request), (tx) => exportRiskXlsx(tx, actorOf(request), { assessmentId: request.params.id }));
      return sendDownload(reply, { body: file.body, filename: datedFilename(file.name, 'xlsx', deps.now()), contentType: XLSX_TYPE });
    },
  );

  app.get(
    '/api/risk/assessments/:id/report.pdf',
    { schema: { tags: ['risk'], summary: 'リスク分析対策表の PDF（A4 横・承認欄つき）', params: idParams }, config: { access: 'risk.read' } },
    async (request, reply) => {
      const file = await inOrg(deps.database, scopeOf(request), (tx) => exportRiskPdf(tx, actorOf(request), request.params.id, deps.now()));
      return sendDownload(reply, { body: file.body, filename: datedFilename(file.name, 'pdf', deps.now()), contentType: PDF_TYPE });
    },
  );

  app.get(
    '/api/risk/export.xlsx',
    { schema: { tags: ['risk'], summary: 'リスク分析対策表の出力（全類型、所属で絞り込み）', querystring: heatmapQuery }, config: { access: 'risk.read' } },
    async (request, reply) => {
      const file = await inOrg(deps.database, scopeOf(request), (tx) => exportRiskXlsx(tx, actorOf(request), { departmentId: request.query.departmentId }));
      return sendDownload(reply, { body: file.body, filename: datedFilename(file.name, 'xlsx', deps.now()), contentType: XLSX_TYPE });
    },
  );

  app.get(
    '/api/risk/heatmap',
    { schema: { tags: ['risk'], summary: 'ヒートマップ（発生可能性 × 影響度）と優先順位の高いリスク', querystring: heatmapQuery }, config: { access: 'risk.read' } },
    async (request) => {
      const r = await inOrg(deps.database, scopeOf(request), (tx) => heatMapOf(tx, actorOf(request).organizationId, request.query.departmentId));
      return { ...r, criteria: presentCriteria(r.criteria) };
    },
  );

  app.get(
    '/api/risk/register',
    { schema: { tags: ['risk'], summary: '残留リスク管理表（モニタリング日・期限切れ）', querystring: registerQuery }, config: { access: 'risk.read' } },
    async (request) => ({
      items: await inOrg(deps.database, scopeOf(request), (tx) => residualRegister(tx, actorOf(request).organizationId, request.query, clock().today)),
    }),
  );

  app.post(
    '/api/risk/records/:id/monitoring',
    { schema: { tags: ['risk'], summary: '残留リスクのモニタリングの記録（次回日でタスクを作成）', params: idParams, body: monitoringBody }, config: { access: 'risk.manage' } },
    async (request, reply) => {
      await inOrg(deps.database, scopeOf(request), (tx) => recordMonitoring(tx, actorOf(request), request.params.id, request.body, clock()));
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.get('/api/risk/tasks', { schema: { tags: ['risk'], summary: 'リスク分析・モニタリングのタスク（担当の所属）' }, config: { access: 'risk.read' } }, async (request) => ({
    items: (await inOrg(deps.database, scopeOf(request), (tx) => riskTasks(tx, actorOf(request)))).map((t) => ({ ...t })),
  }));

  // ---- 毎年12月の見直し ----

  app.get(
    '/api/risk/reviews',
    { schema: { tags: ['risk'], summary: 'リスク分析対策表の見直し（所属ごと、年を指定。既定は今年）', querystring: reviewsQuery }, config: { access: 'risk.read' } },
    async (request) => {
      const year = request.query.year ?? Number(clock().today.slice(0, 4));
      return { year, items: (await inOrg(deps.database, scopeOf(request), (tx) => listReviews(tx, actorOf(request).organizationId, 'risk', year))).map(presentReviewListRow) };
    },
  );

  app.post(
    '/api/risk/reviews',
    { schema: { tags: ['risk'], summary: 'リスク分析対策表の見直しの開始', body: reviewStartBody }, config: { access: 'risk.manage' } },
    async (request, reply) => {
      const c = clock();
      const detail = await inOrg(deps.database, scopeOf(request), async (tx) => {
        const id = await startReview(tx, actorOf(request), 'risk', request.body, c);
        return getReview(tx, actorOf(request), 'risk', id);
      });
      return reply.status(201).send(presentReview(detail));
    },
  );

  app.get(
    '/api/risk/reviews/:id',
    { schema: { tags: ['risk'], summary: 'リスク分析対策表の見直しの詳細（昨年との差分）', params: idParams }, config: { access: 'risk.read' } },
    async (request) => presentReview(await inOrg(deps.database, scopeOf(request), (tx) => getReview(tx, actorOf(request), 'risk', request.params.id))),
  );

  app.post(
    '/api/risk/reviews/:id/confirm',
    { schema: { tags: ['risk'], summary: '見直し: 対策表を「変更なし」で確認', params: idParams, body: reviewConfirmBody }, config: { access: 'risk.manage' } },
    async (request) => {
      const c = clock();
      return presentReview(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await confirmReviewItem(tx, actorOf(request), 'risk', request.params.id, request.body, c);
          return getReview(tx, actorOf(request), 'risk', request.params.id);
        }),
      );
    },
  );

  app.post(
    '/api/risk/reviews/:id/submit',
    { schema: { tags: ['risk'], summary: '見直しの申請（個人情報保護管理者 → トップマネジメント）', params: idParams }, config: { access: 'risk.manage' } },
    async (request) => {
      const c = clock();
      return presentReview(
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          await submitReview(tx, actorOf(request), 'risk', request.params.id, c);
          return getReview(tx, actorOf(request), 'risk', request.params.id);
        }),
      );
    },
  );
}
