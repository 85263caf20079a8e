import { defineContract } from '../../platform/http/contract.ts';
import { submittedResponse } from '../../platform/approvals/approvals.responses.ts';
import { requestPageResponse, requestResponse } from './requests.responses.ts';
import {
  addCorrectionBody,
  completeCorrectionBody,
  correctionIdParams,
  createRequestBody,
  decisionBody,
  replySentBody,
  requestIdParams,
  requestListQuery,
  updateRequestBody,
} from './requests.schema.ts';

// 開示等の請求・苦情相談 (M5, J.10–J.11): every route with its access, request schemas and response.
// Pure (zod only): the SPA and the test client take their types here.

export const requestsContract = defineContract({
  list: {
    method: 'GET',
    path: '/api/requests',
    access: 'requests.read',
    summary: '開示等の請求・苦情の一覧（種類・状況・期限超過で絞り込み。請求者の氏名は含まない）',
    query: requestListQuery,
    response: requestPageResponse,
  },
  create: {
    method: 'POST',
    path: '/api/requests',
    access: 'requests.manage',
    summary: '苦情・相談等受付処理票の作成（受付番号を採番し、期限を計算）',
    body: createRequestBody,
    response: requestResponse,
    status: 201,
  },
  detail: {
    method: 'GET',
    path: '/api/requests/:id',
    access: 'requests.read',
    summary: '苦情・相談等受付処理票（請求者の個人情報を含む。閲覧は監査ログに記録）',
    params: requestIdParams,
    response: requestResponse,
  },
  update: {
    method: 'PATCH',
    path: '/api/requests/:id',
    access: 'requests.manage',
    summary: '本人確認・延長・特例・取下げ・原因と対応の記録（期限を再計算）',
    params: requestIdParams,
    body: updateRequestBody,
    response: requestResponse,
  },
  addCorrection: {
    method: 'POST',
    path: '/api/requests/:id/corrections',
    access: 'requests.manage',
    summary: '補正を求める（補正中。期限を再計算）',
    params: requestIdParams,
    body: addCorrectionBody,
    response: requestResponse,
    status: 201,
  },
  completeCorrection: {
    method: 'POST',
    path: '/api/request-corrections/:id/complete',
    access: 'requests.manage',
    summary: '補正の完了（補正に要した日数を期間に算入せず、期限を再計算）',
    params: correctionIdParams,
    body: completeCorrectionBody,
    response: requestResponse,
  },
  decide: {
    method: 'PUT',
    path: '/api/requests/:id/decision',
    access: 'requests.manage',
    summary: '決定の記録（全部・一部・拒否。拒否・一部は法定の理由を選ぶ: J.10.4–J.10.7、法第78条等）',
    params: requestIdParams,
    body: decisionBody,
    response: requestResponse,
  },
  submitReply: {
    method: 'POST',
    path: '/api/requests/:id/reply-approval',
    access: 'requests.manage',
    summary: '回答（決定）の承認を個人情報保護管理者に申請（J.10.4 c)。承認されるまで回答済みにできない）',
    params: requestIdParams,
    response: submittedResponse,
    status: 201,
  },
  markReplied: {
    method: 'POST',
    path: '/api/requests/:id/reply-sent',
    access: 'requests.manage',
    summary: '回答済みの記録（回答日・回答方法。決定が承認された後に限る）',
    params: requestIdParams,
    body: replySentBody,
    response: requestResponse,
  },
});
