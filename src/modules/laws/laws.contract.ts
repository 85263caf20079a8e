import { defineContract, fileResponse } from '../../platform/http/contract.ts';
import { lawListResponse, lawResponse, lawReviewListResponse, lawReviewResponse } from './laws.responses.ts';
import { lawBody, lawIdParams, lawListQuery, lawReviewIdParams, saveLawReviewBody, startLawReviewBody } from './laws.schema.ts';

// 法令規範一覧 (J.1.3): every route with its access, request schemas and response. J.1.3 b): every
// signed-in 従業者 of the organization reads the list; J.1.3 a): only the 個人情報保護管理者
// (laws.manage) writes, approves and imports it.

export const lawsContract = defineContract({
  list: { method: 'GET', path: '/api/laws', access: 'authenticated', summary: '法令規範一覧（J.1.3 b: 全職員が閲覧可能）', query: lawListQuery, response: lawListResponse },
  create: {
    method: 'POST',
    path: '/api/laws',
    access: 'laws.manage',
    summary: '法令規範の登録（J.1.3 a: 個人情報保護管理者が特定する。承認までは未承認）',
    body: lawBody,
    response: lawResponse,
    status: 201,
  },
  exportXlsx: { method: 'GET', path: '/api/laws/export.xlsx', access: 'authenticated', summary: '法令規範一覧の出力（.xlsx）', response: fileResponse },
  detail: { method: 'GET', path: '/api/laws/:id', access: 'authenticated', summary: '法令規範の詳細', params: lawIdParams, response: lawResponse },
  update: {
    method: 'PUT',
    path: '/api/laws/:id',
    access: 'laws.manage',
    summary: '法令規範の変更（内容が変われば承認を取り消し、未承認に戻す）',
    params: lawIdParams,
    body: lawBody,
    response: lawResponse,
  },
  approve: {
    method: 'POST',
    path: '/api/laws/:id/approve',
    access: 'laws.manage',
    summary: '法令規範の承認（J.1.3 a: 個人情報保護管理者が承認する。承認者・日時を記録）',
    params: lawIdParams,
    response: lawResponse,
  },
  reviews: {
    method: 'GET',
    path: '/api/laws/reviews',
    access: 'authenticated',
    summary: '法令規範一覧の見直しの一覧（J.1.3 c: 毎年12月及び随時）',
    response: lawReviewListResponse,
  },
  startReview: {
    method: 'POST',
    path: '/api/laws/reviews',
    access: 'laws.manage',
    summary: '見直しの開始（その時点で有効な法令規範をすべて並べる。1年に1つ）',
    body: startLawReviewBody,
    response: lawReviewResponse,
    status: 201,
  },
  review: {
    method: 'GET',
    path: '/api/laws/reviews/:id',
    access: 'authenticated',
    summary: '見直しの記録（法令規範ごとの 確認済み・改訂あり・廃止）',
    params: lawReviewIdParams,
    response: lawReviewResponse,
  },
  saveReview: {
    method: 'PUT',
    path: '/api/laws/reviews/:id',
    access: 'laws.manage',
    summary: '見直しの記録の保存（改訂ありは改訂の内容が必須）',
    params: lawReviewIdParams,
    body: saveLawReviewBody,
    response: lawReviewResponse,
  },
  completeReview: {
    method: 'POST',
    path: '/api/laws/reviews/:id/complete',
    access: 'laws.manage',
    summary: '見直しの完了（全件の結果が必要。最終見直し日を記録し、廃止を反映し、12月のタスクを完了にする）',
    params: lawReviewIdParams,
    response: lawReviewResponse,
  },
});
