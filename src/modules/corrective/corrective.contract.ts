import { submittedResponse } from '../../platform/approvals/approvals.responses.ts';
import { defineContract, fileResponse } from '../../platform/http/contract.ts';
import { correctiveDetailResponse, correctivePageResponse, correctiveResponse } from './corrective.responses.ts';
import { correctiveIdParams, correctiveListQuery, createCorrectiveBody, updateCorrectiveBody } from './corrective.schema.ts';

// 不適合・是正処置 (M10, J.7.1): every route with its access, request schemas and response.
// Pure (zod only): the SPA and the test client take their types here.

export const correctiveContract = defineContract({
  list: {
    method: 'GET',
    path: '/api/corrective-actions',
    access: 'corrective.read',
    summary: '是正処置の一覧',
    query: correctiveListQuery,
    response: correctivePageResponse,
  },
  create: {
    method: 'POST',
    path: '/api/corrective-actions',
    access: 'authenticated',
    summary: '不適合の記録（発見した人が記録: J.7.1 h) 1)。所属長と個人情報保護管理者に通知）',
    body: createCorrectiveBody,
    response: correctiveResponse,
    status: 201,
  },
  detail: {
    method: 'GET',
    path: '/api/corrective-actions/:id',
    // corrective.read, the 発見者 (J.7.1 h) 1)) or a reader of the complaint it came from: see mayReadCorrective.
    access: 'authenticated',
    summary: '是正処置の詳細（計画・結果の承認印つき。是正処置の閲覧権限のほか、記録した発見者と契機の苦情を閲覧できる人も閲覧可）',
    params: correctiveIdParams,
    response: correctiveDetailResponse,
  },
  update: {
    method: 'PATCH',
    path: '/api/corrective-actions/:id',
    access: 'corrective.manage',
    summary: '是正処置の記録の更新（有効性のレビューは個人情報保護管理者。承認済みの計画の変更は再承認）',
    params: correctiveIdParams,
    body: updateCorrectiveBody,
    response: correctiveResponse,
  },
  submitPlan: {
    method: 'POST',
    path: '/api/corrective-actions/:id/submit-plan',
    access: 'corrective.manage',
    summary: '処置計画の申請（J.7.1 h) 3): 個人情報保護管理者 → トップマネジメント）',
    params: correctiveIdParams,
    response: submittedResponse,
    status: 201,
  },
  submitResult: {
    method: 'POST',
    path: '/api/corrective-actions/:id/submit-result',
    access: 'corrective.manage',
    summary: '処置結果の申請（J.7.1 h) 5)・6): 個人情報保護管理者 → トップマネジメント）',
    params: correctiveIdParams,
    response: submittedResponse,
    status: 201,
  },
  recordPdf: {
    method: 'GET',
    path: '/api/corrective-actions/:id/record.pdf',
    // The same readers as the detail (mayReadCorrective).
    access: 'authenticated',
    summary: '是正処置実施記録（PDF）',
    params: correctiveIdParams,
    response: fileResponse,
  },
});
