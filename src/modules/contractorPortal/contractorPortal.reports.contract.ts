import { defineContract } from '../../platform/http/contract.ts';
import { outboxResponse, receivedResponse, reportResponse } from './contractorPortal.reports.responses.ts';
import {
  confirmReportBody,
  incidentReportBody,
  linkIdParams,
  receivedReportsQuery,
  reportIdParams,
  returnDisposalReportBody,
  subcontractReportBody,
} from './contractorPortal.reports.schema.ts';

/**
 * 委託先からの報告 (issue #13): what the 委託先 sends its 委託元 on its own initiative — 再委託申請,
 * 返還・廃棄報告, 事故等の報告 — and the 委託元's side of them.
 */
export const contractorPortalReportsContract = defineContract({
  outbox: {
    method: 'GET',
    path: '/api/contractor-portal/my-reports',
    access: 'contractorPortal.respond',
    summary: '委託元への報告の一覧（自分の組織が送ったものだけ）と報告先の委託元',
    response: outboxResponse,
  },
  subcontract: {
    method: 'POST',
    path: '/api/contractor-portal/principals/:id/subcontract-requests',
    access: 'contractorPortal.respond',
    summary: '再委託申請（業務の着手前に委託元の承認を得る。個人情報特記事項 第6条第2項）',
    params: linkIdParams,
    body: subcontractReportBody,
    response: reportResponse,
    status: 201,
  },
  returnDisposal: {
    method: 'POST',
    path: '/api/contractor-portal/principals/:id/return-disposal-reports',
    access: 'contractorPortal.respond',
    summary: '返還・廃棄報告（日時・方法・担当者・対象。個人情報特記事項 第17条（条例時代のひな型 第10条））',
    params: linkIdParams,
    body: returnDisposalReportBody,
    response: reportResponse,
    status: 201,
  },
  incident: {
    method: 'POST',
    path: '/api/contractor-portal/principals/:id/incident-reports',
    access: 'contractorPortal.respond',
    summary: '事故等の報告（直ちに委託元へ。委託元の事故等の記録が作られる。個人情報特記事項 第16条第2項（条例時代のひな型 第15条））',
    params: linkIdParams,
    body: incidentReportBody,
    response: reportResponse,
    status: 201,
  },
  certificate: {
    method: 'POST',
    path: '/api/contractor-portal/my-reports/:id/certificate',
    access: 'contractorPortal.respond',
    summary: '返還・廃棄報告に証明書、再委託申請に誓約書・作業従事者名簿を添付（multipart の file 欄。PDF・画像、10 MB まで。種類は中身で判定）',
    params: reportIdParams,
    response: reportResponse,
    status: 201,
  },
  received: {
    method: 'GET',
    path: '/api/contractor-portal/reports',
    access: 'contractorPortal.manage',
    summary: '委託先からの報告の一覧（再委託申請・返還・廃棄報告・事故等の報告）',
    query: receivedReportsQuery,
    response: receivedResponse,
  },
  confirm: {
    method: 'POST',
    path: '/api/contractor-portal/reports/:id/confirm',
    access: 'contractorPortal.manage',
    summary: '返還・廃棄報告の確認',
    params: reportIdParams,
    body: confirmReportBody,
    response: reportResponse,
  },
  submitSubcontract: {
    method: 'POST',
    path: '/api/contractor-portal/reports/:id/submit-approval',
    access: 'contractorPortal.manage',
    summary: '委託先の再委託申請を承認手続に回す（再委託承認申請）',
    params: reportIdParams,
    response: reportResponse,
  },
});
