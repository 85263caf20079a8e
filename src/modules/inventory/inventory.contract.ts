import { z } from 'zod';
import { defineContract, fileResponse, pageResponse } from '../../platform/http/contract.ts';
import { reviewsContract } from '../../platform/reviews/reviews.contract.ts';
import {
  entryDetailResponse,
  entryListItemResponse,
  entrySummaryResponse,
  inventoryStoredReviewDiffResponse,
  requestDetailResponse,
  requestListItemResponse,
} from './inventory.responses.ts';
import { entriesFilterQuery, entriesQuery, idParams, requestBody, requestsQuery, requestUpdateBody } from './inventory.schema.ts';

// 個人情報管理台帳 (SPEC M1): every route — entries, 申請書, import/export, yearly review — with its
// access, request schemas and response. Pure (zod only): the SPA and the test client take their
// types here. The uploads (取込) read the multipart `file` field themselves, so they declare no body.

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const inventoryContract = defineContract({
  entries: {
    method: 'GET',
    path: '/api/inventory/entries',
    access: 'inventory.read',
    summary: '個人情報管理台帳の一覧（所属・区分・リスク分析の状態で絞り込み、日本語の全文検索、ページ）',
    query: entriesQuery,
    response: pageResponse(entryListItemResponse),
  },
  summary: {
    method: 'GET',
    path: '/api/inventory/summary',
    access: 'inventory.read',
    summary: '台帳の件数（未分析・要見直し・要配慮・期限経過）',
    response: entrySummaryResponse,
  },
  exportXlsx: {
    method: 'GET',
    path: '/api/inventory/entries/export.xlsx',
    access: 'inventory.read',
    summary: '個人情報管理台帳の出力（.xlsx、J.3.1.1 の項目・取込と同じ列）',
    query: entriesFilterQuery,
    response: fileResponse,
  },
  ledgerPdf: {
    method: 'GET',
    path: '/api/inventory/entries/ledger.pdf',
    access: 'inventory.read',
    summary: '個人情報管理台帳の PDF（A4 横）',
    query: entriesFilterQuery,
    response: fileResponse,
  },
  entry: {
    method: 'GET',
    path: '/api/inventory/entries/:id',
    access: 'inventory.read',
    summary: '台帳の項目の詳細（指摘事項・通知等の義務・廃棄・リスク分析・履歴）',
    params: idParams,
    response: entryDetailResponse,
  },

  // ---- 申請書 ----
  requests: {
    method: 'GET',
    path: '/api/inventory/requests',
    access: 'inventory.read',
    summary: '新規取得・変更等申請書の一覧',
    query: requestsQuery,
    response: items(requestListItemResponse),
  },
  createRequest: {
    method: 'POST',
    path: '/api/inventory/requests',
    access: 'inventory.request',
    summary: '新規個人情報取得申請書・個人情報取扱変更等申請書の作成（submit=true で申請。台帳は承認後に登録・変更）',
    body: requestBody,
    response: requestDetailResponse,
    status: 201,
  },
  request: {
    method: 'GET',
    path: '/api/inventory/requests/:id',
    access: 'inventory.read',
    summary: '申請書の詳細（差分・指摘事項・通知等の義務）',
    params: idParams,
    response: requestDetailResponse,
  },
  updateRequest: {
    method: 'PUT',
    path: '/api/inventory/requests/:id',
    access: 'inventory.request',
    summary: '下書き・差戻しの申請書の修正（submit=true で申請）',
    params: idParams,
    body: requestUpdateBody,
    response: requestDetailResponse,
  },
  submitRequest: {
    method: 'POST',
    path: '/api/inventory/requests/:id/submit',
    access: 'inventory.request',
    summary: '申請書の申請（所属長 → 個人情報保護管理者）',
    params: idParams,
    response: requestDetailResponse,
  },

  // ---- 毎年12月の見直し (J.3.1.1 留意事項) ----
  ...reviewsContract({
    path: '/api/inventory/reviews',
    read: 'inventory.read',
    manage: 'inventory.request',
    diff: inventoryStoredReviewDiffResponse,
    summaries: {
      list: '台帳の見直し（所属ごと、年を指定。既定は今年）',
      start: '台帳の見直しの開始（所属・年。開始済みならそれを返す）',
      get: '台帳の見直しの詳細（項目ごとの確認・昨年との差分）',
      confirm: '見直し: 項目を「変更なし」で確認（所属長）',
      submit: '見直しの申請（個人情報保護管理者の承認）',
    },
  }),
});
