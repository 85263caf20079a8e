import { defineContract } from '../../platform/http/contract.ts';
import { consentListResponse, consentResponse, noticeListResponse, noticeResponse } from './notices.responses.ts';
import {
  createProvisionRecordBody,
  disposeProvisionRecordBody,
  provisionRecordIdParams,
  provisionRecordListQuery,
  provisionRecordListResponse,
  provisionRecordResponse,
  recordFurtherProvisionBody,
} from './provision-records.schema.ts';
import { consentIdParams, createNoticeBody, noticeIdParams, recordConsentBody, saveNoticeDraftBody, withdrawConsentBody } from './notices.schema.ts';

// M6 通知・同意 (J.8.5 取得時の必要通知事項): every route with its access, request schemas and
// response. Every signed-in member of the organization reads the notices; the 個人情報保護管理者
// (notices.manage) writes and publishes them.

export const noticesContract = defineContract({
  list: { method: 'GET', path: '/api/notices', access: 'authenticated', summary: '通知文テンプレートの一覧（取得時の通知・同意文書）', response: noticeListResponse },
  create: {
    method: 'POST',
    path: '/api/notices',
    access: 'notices.manage',
    summary: '通知文テンプレートの作成（第1版の下書き）',
    body: createNoticeBody,
    response: noticeResponse,
    status: 201,
  },
  detail: {
    method: 'GET',
    path: '/api/notices/:id',
    access: 'authenticated',
    summary: '通知文の詳細（版の履歴と J.8.5 1 a)〜h) の不足事項）',
    params: noticeIdParams,
    response: noticeResponse,
  },
  saveDraft: {
    method: 'PUT',
    path: '/api/notices/:id/draft',
    access: 'notices.manage',
    summary: '通知文の編集（公開済みの版は変えず、新しい下書きを作る）',
    params: noticeIdParams,
    body: saveNoticeDraftBody,
    response: noticeResponse,
  },
  publish: {
    method: 'POST',
    path: '/api/notices/:id/publish',
    access: 'notices.manage',
    summary: '通知文の公開（J.8.5 1 の必要通知事項が欠けていれば公開しない）',
    params: noticeIdParams,
    response: noticeResponse,
  },
  consents: {
    method: 'GET',
    path: '/api/notices/:id/consents',
    access: 'notices.manage',
    summary: '同意記録の一覧（本人・同意した版・取得方法・同意日・撤回）',
    params: noticeIdParams,
    response: consentListResponse,
  },
  recordConsent: {
    method: 'POST',
    path: '/api/notices/:id/consents',
    access: 'notices.manage',
    summary: '同意記録の登録（公開済みの版に対してだけ）',
    params: noticeIdParams,
    body: recordConsentBody,
    response: consentResponse,
    status: 201,
  },
  withdrawConsent: {
    method: 'POST',
    path: '/api/notice-consents/:id/withdraw',
    access: 'notices.manage',
    summary: '同意の撤回（撤回日・撤回の方法）',
    params: consentIdParams,
    body: withdrawConsentBody,
    response: consentResponse,
  },
  provisionRecords: {
    method: 'GET',
    path: '/api/provision-records',
    access: 'notices.records',
    summary: '第三者提供記録・確認記録の一覧（J.8.8.2・J.8.8.3、保存期間つき）',
    query: provisionRecordListQuery,
    response: provisionRecordListResponse,
  },
  createProvisionRecord: {
    method: 'POST',
    path: '/api/provision-records',
    access: 'notices.records',
    summary: '第三者提供記録・確認記録の作成（規則第20条第1項・第24条第1項の記録事項が欠ければ作成しない）',
    body: createProvisionRecordBody,
    response: provisionRecordResponse,
    status: 201,
  },
  provisionRecord: {
    method: 'GET',
    path: '/api/provision-records/:id',
    access: 'notices.records',
    summary: '第三者提供記録・確認記録の詳細（保存期間とその根拠）',
    params: provisionRecordIdParams,
    response: provisionRecordResponse,
  },
  recordFurtherProvision: {
    method: 'POST',
    path: '/api/provision-records/:id/provisions',
    access: 'notices.records',
    summary: '一括・契約書等の記録への提供の追加（最後に提供を行った日と保存期間を更新）',
    params: provisionRecordIdParams,
    body: recordFurtherProvisionBody,
    response: provisionRecordResponse,
  },
  disposeProvisionRecord: {
    method: 'POST',
    path: '/api/provision-records/:id/dispose',
    access: 'notices.records',
    summary: '第三者提供記録・確認記録の廃棄の記録（保存期間の経過後に限る）',
    params: provisionRecordIdParams,
    body: disposeProvisionRecordBody,
    response: provisionRecordResponse,
  },
});
