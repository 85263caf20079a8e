import { defineContract } from '../../platform/http/contract.ts';
import { exchangeResponse } from './contractorPortal.responses.ts';
import { idParams } from './contractorPortal.schema.ts';
import { prefillResponse, profileResponse, questionnaireResponse, sharedProfileResponse } from './questionnaire.responses.ts';
import { contractorParams, profileBody, questionnaireAnswerBody, shareBody } from './questionnaire.schema.ts';

/**
 * 委託先ポータル — 個人情報管理状況調査票 and the 委託先's profile (issue #13): the 委託先 answers the
 * 委託元's criteria set with files from its profile; the answers, once accepted, pre-fill the yearly
 * 委託先審査表 (J.9.4 t)); the profile is answered once and shared per 委託元 (nothing by default).
 */
export const contractorQuestionnaireContract = defineContract({
  questionnaire: {
    method: 'GET',
    path: '/api/contractor-portal/exchanges/:id/questionnaire',
    access: 'authenticated',
    summary: '調査票の評価項目と回答・添付資料（依頼した委託元と、宛先の委託先だけ）',
    params: idParams,
    response: questionnaireResponse,
  },
  answerQuestionnaire: {
    method: 'POST',
    path: '/api/contractor-portal/exchanges/:id/questionnaire',
    access: 'contractorPortal.respond',
    summary: '調査票への回答（はい／いいえ／該当なし、いいえは内容つき。プロフィールの資料を添付）',
    params: idParams,
    body: questionnaireAnswerBody,
    response: exchangeResponse,
  },
  evaluationPrefill: {
    method: 'GET',
    path: '/api/contractor-portal/contractors/:id/questionnaire-prefill',
    access: 'contractorPortal.manage',
    summary: '確認済みの調査票の回答から委託先審査表の評価を下書きする（項目ごとに回答を引用）',
    params: contractorParams,
    response: prefillResponse,
  },
  profile: {
    method: 'GET',
    path: '/api/contractor-portal/profile',
    access: 'contractorPortal.respond',
    summary: '自社（委託先）のプロフィールと委託元ごとの共有',
    response: profileResponse,
  },
  saveProfile: {
    method: 'PUT',
    path: '/api/contractor-portal/profile',
    access: 'contractorPortal.respond',
    summary: '自社（委託先）のプロフィールの保存（調査票の回答・認証・安全管理措置）',
    body: profileBody,
    response: profileResponse,
  },
  shareProfile: {
    method: 'PUT',
    path: '/api/contractor-portal/profile/shares/:id',
    access: 'contractorPortal.respond',
    summary: 'プロフィールのうち、この委託元に共有する項目を選ぶ（既定は共有しない）',
    params: idParams,
    body: shareBody,
    response: profileResponse,
  },
  sharedProfile: {
    method: 'GET',
    path: '/api/contractor-portal/links/:id/profile',
    access: 'contractorPortal.manage',
    summary: '委託先が共有したプロフィール（共有された項目だけ）',
    params: idParams,
    response: sharedProfileResponse,
  },
});
