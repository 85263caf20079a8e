import { defineContract, fileResponse, okResponse } from '../../platform/http/contract.ts';
import { criteriaListResponse, criteriaSubmittedResponse, criteriaVersionResponse } from './contractor-criteria.responses.ts';
import { saveCriteriaDraftBody } from './contractor-criteria.schema.ts';

// 委託先の選定・評価基準 (J.9.4 s) 「個人情報保護管理者は毎年 12 月に委託先の選定基準を見直し、
// 「委託先審査表」に定める」): everyone who reads the register reads the criteria; the 個人情報保護
// 管理者 (contractors.criteria) edits the draft and submits it. Pure (zod only).

export const contractorCriteriaContract = defineContract({
  list: {
    method: 'GET',
    path: '/api/contractor-criteria',
    access: 'contractors.read',
    summary: '委託先の選定・評価基準（適用中の版、下書き・承認待ちの版、版の履歴と前の版からの変更: J.9.4 s)）',
    response: criteriaListResponse,
  },
  saveDraft: {
    method: 'PUT',
    path: '/api/contractor-criteria/draft',
    access: 'contractors.criteria',
    summary: '評価基準の下書きの保存（なければ適用中の版から新しい版の下書きを作る。承認済みの版は変わらない）',
    body: saveCriteriaDraftBody,
    response: criteriaVersionResponse,
  },
  discardDraft: {
    method: 'DELETE',
    path: '/api/contractor-criteria/draft',
    access: 'contractors.criteria',
    summary: '評価基準の下書きの破棄（承認待ちの版は破棄できない）',
    response: okResponse,
  },
  submitDraft: {
    method: 'POST',
    path: '/api/contractor-criteria/draft/submit',
    access: 'contractors.criteria',
    summary: '評価基準の下書きの承認申請（既定の承認経路: トップマネジメント。承認で適用中の版になる）',
    response: criteriaSubmittedResponse,
    status: 201,
  },
  exportXlsx: {
    method: 'GET',
    path: '/api/contractor-criteria/export.xlsx',
    access: 'contractors.read',
    summary: '委託先の選定・評価基準の版の履歴（Excel: 版ごとの評価項目と前の版からの変更）',
    response: fileResponse,
  },
});
