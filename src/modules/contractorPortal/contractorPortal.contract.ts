import { defineContract } from '../../platform/http/contract.ts';
import { exchangeResponse, inboxResponse, invitationResponse, items, linkResponse } from './contractorPortal.responses.ts';
import { criteriaNoticeResponse } from './criteriaNotices.responses.ts';
import { acceptBody, complianceAnswerBody, exchangeRequestBody, idParams, invitationBody, linksQuery, reviewBody } from './contractorPortal.schema.ts';

/**
 * 委託先ポータル (issue #13): the 委託元 invites its 委託先 and asks for reports; the 委託先's users —
 * of their own organization — accept, see only what is addressed to them, and answer.
 */
export const contractorPortalContract = defineContract({
  invite: {
    method: 'POST',
    path: '/api/contractor-portal/invitations',
    access: 'contractorPortal.manage',
    summary: '委託先の招待（招待のコードをメールで送り、一度だけ返す）',
    body: invitationBody,
    response: invitationResponse,
    status: 201,
  },
  links: {
    method: 'GET',
    path: '/api/contractor-portal/links',
    access: 'contractorPortal.manage',
    summary: '委託先ポータルの接続（招待中・接続済み）',
    query: linksQuery,
    response: items(linkResponse),
  },
  accept: {
    method: 'POST',
    path: '/api/contractor-portal/invitations/accept',
    access: 'contractorPortal.respond',
    summary: '委託先として招待を受ける（自分の組織が委託先として接続される）',
    body: acceptBody,
    response: linkResponse,
  },
  request: {
    method: 'POST',
    path: '/api/contractor-portal/links/:id/exchanges',
    access: 'contractorPortal.manage',
    summary: '委託先への依頼（特記事項遵守報告書、提出期限つき。特記事項 第11条）',
    params: idParams,
    body: exchangeRequestBody,
    response: exchangeResponse,
    status: 201,
  },
  sent: {
    method: 'GET',
    path: '/api/contractor-portal/exchanges',
    access: 'contractorPortal.manage',
    summary: '委託先への依頼の一覧（状態・期限・指摘事項）',
    response: items(exchangeResponse),
  },
  inbox: {
    method: 'GET',
    path: '/api/contractor-portal/inbox',
    access: 'contractorPortal.respond',
    summary: '委託元から届いた依頼（自分の組織宛てのものだけ）と、委託元ごとの特記事項の再委託の条項',
    response: inboxResponse,
  },
  criteriaNotices: {
    method: 'GET',
    path: '/api/contractor-portal/criteria-notices',
    access: 'contractorPortal.respond',
    summary: '評価基準の改定のお知らせ（委託元が承認した評価基準の新しい版の名称・版・評価項目。自分の組織宛てのものだけ）',
    response: items(criteriaNoticeResponse),
  },
  answer: {
    method: 'POST',
    path: '/api/contractor-portal/exchanges/:id/answer',
    access: 'contractorPortal.respond',
    summary: '依頼への回答（遵守報告書の9項目。いいえ等は具体的内容つき）',
    params: idParams,
    body: complianceAnswerBody,
    response: exchangeResponse,
  },
  review: {
    method: 'POST',
    path: '/api/contractor-portal/exchanges/:id/review',
    access: 'contractorPortal.manage',
    summary: '委託先の回答の確認（確認済み・差戻し）',
    params: idParams,
    body: reviewBody,
    response: exchangeResponse,
  },
});
