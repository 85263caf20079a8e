import { z } from 'zod';
import { defineContract, fileResponse, okResponse } from '../../platform/http/contract.ts';
import { reviewsContract } from '../../platform/reviews/reviews.contract.ts';
import {
  assessmentDetailResponse,
  assessmentListItemResponse,
  criteriaResponse,
  heatMapPageResponse,
  proposalsResponse,
  registerItemResponse,
  riskStoredReviewDiffResponse,
  riskTaskResponse,
} from './risk.responses.ts';
import { assessmentBody, assessmentsQuery, assessmentUpdateBody, heatmapQuery, idParams, monitoringBody, recordsBody, registerQuery } from './risk.schema.ts';

// リスク分析対策表 (SPEC M2; J.3.1.3, J.3.1.4): every route — criteria, analyses per 類型, their
// rows, typical-risk proposals, approval, heat map, residual-risk register, exports, tasks and
// the yearly review — with its access, request schemas and response. Pure (zod only): the SPA
// and the test client take their types here.

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const riskContract = defineContract({
  criteria: {
    method: 'GET',
    path: '/api/risk/criteria',
    access: 'risk.read',
    summary: 'リスク基準（現行の版: 尺度・閾値・局面・脅威）',
    response: criteriaResponse,
  },
  assessments: {
    method: 'GET',
    path: '/api/risk/assessments',
    access: 'risk.read',
    summary: 'リスク分析対策表の一覧（類型ごと）',
    query: assessmentsQuery,
    response: items(assessmentListItemResponse),
  },
  createAssessment: {
    method: 'POST',
    path: '/api/risk/assessments',
    access: 'risk.manage',
    summary: 'リスク分析対策表の作成（類型と対象の台帳の項目）',
    body: assessmentBody,
    response: assessmentDetailResponse,
    status: 201,
  },
  assessment: {
    method: 'GET',
    path: '/api/risk/assessments/:id',
    access: 'risk.read',
    summary: 'リスク分析対策表の詳細（行ごとの指摘・ヒートマップ）',
    params: idParams,
    response: assessmentDetailResponse,
  },
  updateAssessment: {
    method: 'PUT',
    path: '/api/risk/assessments/:id',
    access: 'risk.manage',
    summary: '類型の名称・説明・対象の台帳の項目の変更',
    params: idParams,
    body: assessmentUpdateBody,
    response: assessmentDetailResponse,
  },
  saveRecords: {
    method: 'PUT',
    path: '/api/risk/assessments/:id/records',
    access: 'risk.manage',
    summary: 'リスク分析対策表の行の保存（全行を一度に。評価が閾値以上で残存リスク対応策がない等は 422 で項目と条項を示し、何も保存しない）',
    params: idParams,
    body: recordsBody,
    response: assessmentDetailResponse,
  },
  submitAssessment: {
    method: 'POST',
    path: '/api/risk/assessments/:id/submit',
    access: 'risk.manage',
    summary: 'リスク分析対策表の申請（所属長 → 個人情報保護管理者 → トップマネジメント）',
    params: idParams,
    response: assessmentDetailResponse,
  },
  proposals: {
    method: 'GET',
    path: '/api/risk/assessments/:id/proposals',
    access: 'risk.read',
    summary: '典型的なリスクと対策の提案（台帳の属性から）',
    params: idParams,
    response: proposalsResponse,
  },
  exportAssessmentXlsx: {
    method: 'GET',
    path: '/api/risk/assessments/:id/export.xlsx',
    access: 'risk.read',
    summary: 'リスク分析対策表の出力（.xlsx）',
    params: idParams,
    response: fileResponse,
  },
  assessmentPdf: {
    method: 'GET',
    path: '/api/risk/assessments/:id/report.pdf',
    access: 'risk.read',
    summary: 'リスク分析対策表の PDF（A4 横・承認欄つき）',
    params: idParams,
    response: fileResponse,
  },
  exportXlsx: {
    method: 'GET',
    path: '/api/risk/export.xlsx',
    access: 'risk.read',
    summary: 'リスク分析対策表の出力（全類型、所属で絞り込み）',
    query: heatmapQuery,
    response: fileResponse,
  },
  heatmap: {
    method: 'GET',
    path: '/api/risk/heatmap',
    access: 'risk.read',
    summary: 'ヒートマップ（発生可能性 × 影響度）と優先順位の高いリスク',
    query: heatmapQuery,
    response: heatMapPageResponse,
  },
  register: {
    method: 'GET',
    path: '/api/risk/register',
    access: 'risk.read',
    summary: '残留リスク管理表（モニタリング日・期限切れ）',
    query: registerQuery,
    response: items(registerItemResponse),
  },
  recordMonitoring: {
    method: 'POST',
    path: '/api/risk/records/:id/monitoring',
    access: 'risk.manage',
    summary: '残留リスクのモニタリングの記録（次回日でタスクを作成）',
    params: idParams,
    body: monitoringBody,
    response: okResponse,
    status: 201,
  },
  tasks: {
    method: 'GET',
    path: '/api/risk/tasks',
    access: 'risk.read',
    summary: 'リスク分析・モニタリングのタスク（担当の所属）',
    response: items(riskTaskResponse),
  },

  // ---- 毎年12月の見直し (J.3.1.3: 少なくとも年一回…見直す) ----
  ...reviewsContract({
    path: '/api/risk/reviews',
    read: 'risk.read',
    manage: 'risk.manage',
    diff: riskStoredReviewDiffResponse,
    summaries: {
      list: 'リスク分析対策表の見直し（所属ごと、年を指定。既定は今年）',
      start: 'リスク分析対策表の見直しの開始',
      get: 'リスク分析対策表の見直しの詳細（昨年との差分）',
      confirm: '見直し: 対策表を「変更なし」で確認',
      submit: '見直しの申請（個人情報保護管理者 → トップマネジメント）',
    },
  }),
});
