import { defineContract, fileResponse } from '../../platform/http/contract.ts';
import {
  policyAcknowledgementsResponse,
  policyAcknowledgeResponse,
  policyListResponse,
  policySubmitResponse,
  policyVersionResponse,
  publicPolicyResponse,
} from './policy.responses.ts';
import { acknowledgementQuery, policyKindParams, policyVersionParams, publicPolicyParams, savePolicyDraftBody } from './policy.schema.ts';

// 個人情報保護方針 (J.2.2): every member of the organization reads it (J.2.2 3 財団内に周知); the
// 個人情報保護管理者 (policy.manage) writes the drafts and submits them to トップマネジメント; the
// published 外部向け policy is public (J.2.2 3 一般の人が入手可能な措置).

export const policyContract = defineContract({
  list: {
    method: 'GET',
    path: '/api/policies',
    access: 'authenticated',
    summary: '個人情報保護方針の版の一覧（内部向け・外部向け、J.2.2 2 の不足事項つき）',
    response: policyListResponse,
  },
  saveDraft: {
    method: 'PUT',
    path: '/api/policies/:kind/draft',
    access: 'policy.manage',
    summary: '個人情報保護方針の下書きの保存（公開済みの版は変えず、新しい版の下書きを作る）',
    params: policyKindParams,
    body: savePolicyDraftBody,
    response: policyVersionResponse,
  },
  submit: {
    method: 'POST',
    path: '/api/policies/versions/:id/submit',
    access: 'policy.manage',
    summary: '個人情報保護方針の承認申請（トップマネジメント、J.2.2 2 の事項が欠けていれば申請できない）',
    params: policyVersionParams,
    response: policySubmitResponse,
  },
  // J.2.2 3 財団内に周知: each account holder confirms the published version; the 個人情報保護管理者 and
  // トップマネジメント (policy.acknowledgements) see who has and who has not, and export it.
  acknowledge: {
    method: 'POST',
    path: '/api/policies/versions/:id/acknowledge',
    access: 'authenticated',
    summary: '個人情報保護方針の「内容を確認しました」（J.2.2 3 周知、本人の確認を記録）',
    params: policyVersionParams,
    response: policyAcknowledgeResponse,
  },
  acknowledgements: {
    method: 'GET',
    path: '/api/policies/versions/:id/acknowledgements',
    access: 'policy.acknowledgements',
    summary: '個人情報保護方針の周知状況（版ごとの確認済み・未確認、J.2.2 3）',
    params: policyVersionParams,
    query: acknowledgementQuery,
    response: policyAcknowledgementsResponse,
  },
  acknowledgementsXlsx: {
    method: 'GET',
    path: '/api/policies/versions/:id/acknowledgements.xlsx',
    access: 'policy.acknowledgements',
    summary: '個人情報保護方針の周知状況の出力（.xlsx、J.2.2 3 の運用記録）',
    params: policyVersionParams,
    query: acknowledgementQuery,
    response: fileResponse,
  },
  pdf: {
    method: 'GET',
    path: '/api/policies/versions/:id/policy.pdf',
    access: 'authenticated',
    summary: '個人情報保護方針の版（PDF: 本文・制定年月日・最終改正年月日・トップマネジメントの氏名・問合せ先・版）',
    params: policyVersionParams,
    response: fileResponse,
  },
  publicPolicy: {
    method: 'GET',
    path: '/api/public/policy/:slug',
    access: 'public',
    summary: '公開中の外部向け個人情報保護方針（J.2.2 3、アカウント不要）',
    params: publicPolicyParams,
    response: publicPolicyResponse,
  },
});
