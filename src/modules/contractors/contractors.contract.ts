import { submittedResponse } from '../../platform/approvals/approvals.responses.ts';
import { defineContract, fileResponse } from '../../platform/http/contract.ts';
import {
  clauseCheckResponse,
  contractorPageResponse,
  contractorResponse,
  evaluationResponse,
  evaluationsResponse,
  subcontractChainResponse,
  subcontractFiledResponse,
} from './contractors.responses.ts';
import { contractorIdParams, contractorListQuery, createContractorBody, evaluationIdParams, saveEvaluationBody, updateContractorBody } from './contractors.schema.ts';
import { specialClausesQuery } from './special-clauses.schema.ts';
import { subcontractRequestBody } from './subcontracting.schema.ts';

// 委託先管理 (M7, J.9.4): every route with its access, request schemas and response.
// Pure (zod only): the SPA and the test client take their types here.

export const contractorsContract = defineContract({
  list: {
    method: 'GET',
    path: '/api/contractors',
    access: 'contractors.read',
    summary: '委託先の一覧（J.9.4 4 全ての委託先。名称・法人番号・委託する業務で検索）',
    query: contractorListQuery,
    response: contractorPageResponse,
  },
  create: {
    method: 'POST',
    path: '/api/contractors',
    access: 'contractors.manage',
    summary: '委託先の登録（法人番号は検査用数字を検査）',
    body: createContractorBody,
    response: contractorResponse,
    status: 201,
  },
  exportXlsx: {
    method: 'GET',
    path: '/api/contractors/export.xlsx',
    access: 'contractors.read',
    summary: '委託先一覧（Excel）',
    response: fileResponse,
  },
  detail: {
    method: 'GET',
    path: '/api/contractors/:id',
    access: 'contractors.read',
    summary: '委託先の詳細',
    params: contractorIdParams,
    response: contractorResponse,
  },
  update: {
    method: 'PATCH',
    path: '/api/contractors/:id',
    access: 'contractors.manage',
    summary: '委託先の変更（送った項目だけが変わる）',
    params: contractorIdParams,
    body: updateContractorBody,
    response: contractorResponse,
  },
  clauseCheck: {
    method: 'GET',
    path: '/api/contractors/:id/clause-check',
    access: 'contractors.read',
    summary: '委託契約の必須事項チェック（J.9.4 3 a)〜h)、特定個人情報では i)〜r)、豊島区 守るべき事項 2.(1)〜(8)）',
    params: contractorIdParams,
    response: clauseCheckResponse,
  },
  specialClausesDocx: {
    method: 'GET',
    path: '/api/contractors/:id/special-clauses.docx',
    access: 'contractors.read',
    summary: '個人情報特記事項（Word: 豊島区 資料A・資料B／民間事業者向け J.9.4 3、条ごとに禁止・制限、返還・廃棄、立入検査（規則第43条）を選択）',
    params: contractorIdParams,
    query: specialClausesQuery,
    response: fileResponse,
  },
  specialClausesPdf: {
    method: 'GET',
    path: '/api/contractors/:id/special-clauses.pdf',
    access: 'contractors.read',
    summary: '個人情報特記事項（PDF: 条項の選択は Word と同じ）',
    params: contractorIdParams,
    query: specialClausesQuery,
    response: fileResponse,
  },
  evaluations: {
    method: 'GET',
    path: '/api/contractors/:id/evaluations',
    access: 'contractors.read',
    summary: '委託先審査表（評価基準と年ごとの評価、昨年との差分: J.9.4 t)）',
    params: contractorIdParams,
    response: evaluationsResponse,
  },
  saveEvaluation: {
    method: 'PUT',
    path: '/api/contractors/:id/evaluation',
    access: 'contractors.manage',
    summary: '委託先審査表の評価の作成・変更（年ごとに1件。承認待ち・承認済みは変更不可）',
    params: contractorIdParams,
    body: saveEvaluationBody,
    response: evaluationResponse,
  },
  submitEvaluation: {
    method: 'POST',
    path: '/api/contractor-evaluations/:id/submit',
    access: 'contractors.manage',
    summary: '委託先審査表の申請（個人情報保護管理者の承認: J.9.4 t)）',
    params: evaluationIdParams,
    response: submittedResponse,
    status: 201,
  },
  subcontracting: {
    method: 'GET',
    path: '/api/contractors/:id/subcontracting',
    access: 'contractors.read',
    summary: '再委託の系列（委託元側の上位と、再委託・再々委託の下位の木。承認前／承認済）と再委託承認申請',
    params: contractorIdParams,
    response: subcontractChainResponse,
  },
  requestSubcontract: {
    method: 'POST',
    path: '/api/contractors/:id/subcontract-requests',
    access: 'contractors.manage',
    summary: '再委託承認申請（業務の着手前に甲の承認: 豊島区 個人情報特記事項 第6条第2項／条例時代 第7条第2項。再委託の禁止の条項では不可）',
    params: contractorIdParams,
    body: subcontractRequestBody,
    response: subcontractFiledResponse,
    status: 201,
  },
});
