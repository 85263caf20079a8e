import { defineContract } from '../../platform/http/contract.ts';
import { portalProgressResponse, portalReceiptResponse, portalSettingsResponse, publicPortalResponse } from './portal.responses.ts';
import { portalAnswerBody, portalRequestBody, portalSettingsBody, receiptParams, receiptQuery, slugParams } from './portal.schema.ts';

/** 公開窓口 (issue #14 M5): the settings (個人情報保護管理者) and the public page (no account). */
export const portalContract = defineContract({
  settings: {
    method: 'GET',
    path: '/api/portal/settings',
    access: 'portal.manage',
    summary: '公開窓口の設定と、そこから作られる公表事項（J.10.3 a〜g）のプレビュー',
    response: portalSettingsResponse,
  },
  saveSettings: {
    method: 'PUT',
    path: '/api/portal/settings',
    access: 'portal.manage',
    summary: '公開窓口の設定を保存（公開するのは公表事項 J.10.3 a〜g がすべて揃ったときだけ）',
    body: portalSettingsBody,
    response: portalSettingsResponse,
  },
  page: {
    method: 'GET',
    path: '/api/public/portals/:slug',
    access: 'public',
    summary: '公開ページ: 事業者の公表事項（J.10.3）と請求等の種類、送信前の確認',
    params: slugParams,
    response: publicPortalResponse,
  },
  submit: {
    method: 'POST',
    path: '/api/public/portals/:slug/requests',
    access: 'public',
    summary: '公開ページからの開示等の請求・苦情相談の送信（受付番号と確認用URLを返す）',
    params: slugParams,
    body: portalRequestBody,
    response: portalReceiptResponse,
    status: 201,
  },
  progress: {
    method: 'GET',
    path: '/api/public/portals/:slug/receipts/:number',
    access: 'public',
    summary: '受付状況（確認用URLの鍵で、補正のお願いと回答の状況）',
    params: receiptParams,
    query: receiptQuery,
    response: portalProgressResponse,
  },
  answer: {
    method: 'POST',
    path: '/api/public/portals/:slug/receipts/:number/answer',
    access: 'public',
    summary: '補正の回答（確認用URLの鍵で。回答の文と書類を送ると、その日が補正の完了日になる）',
    params: receiptParams,
    body: portalAnswerBody,
    response: portalProgressResponse,
  },
});
