import { defineContract } from '../../platform/http/contract.ts';
import { findingCorrectiveResponse, inspectionResponse, inspectionsResponse } from './contractor-inspections.responses.ts';
import { findingIdParams, inspectionBody, inspectionIdParams, openFindingCorrectiveBody } from './contractor-inspections.schema.ts';
import { contractorIdParams } from './contractors.schema.ts';

// 委託先の実地検査 / 立入検査 (M7, issue 13): every route with its access, request schemas and response.
// Pure (zod only): the SPA and the test client take their types here.

export const contractorInspectionsContract = defineContract({
  inspections: {
    method: 'GET',
    path: '/api/contractors/:id/inspections',
    access: 'contractors.read',
    summary: '委託先の実地検査の一覧（指摘事項と是正処置、実地検査の要否と期限: 豊島区 守るべき事項 5.）',
    params: contractorIdParams,
    response: inspectionsResponse,
  },
  addInspection: {
    method: 'POST',
    path: '/api/contractors/:id/inspections',
    access: 'contractors.manage',
    summary: '実地検査の記録（検査日・検査者・範囲・方法（実地／書面／リモート）・指摘事項（重大／軽微／観察事項）・結果）',
    params: contractorIdParams,
    body: inspectionBody,
    response: inspectionResponse,
    status: 201,
  },
  updateInspection: {
    method: 'PUT',
    path: '/api/contractor-inspections/:id',
    access: 'contractors.manage',
    summary: '実地検査の記録の変更（是正処置を起こした指摘事項は削除できない）',
    params: inspectionIdParams,
    body: inspectionBody,
    response: inspectionResponse,
  },
  openFindingCorrective: {
    method: 'POST',
    path: '/api/contractor-inspection-findings/:id/corrective-action',
    access: 'contractors.manage',
    summary: '指摘事項から是正処置を起こす（J.7.1。指摘事項ごとに1件、再度の要求は起票済みのものを返す）',
    params: findingIdParams,
    body: openFindingCorrectiveBody,
    response: findingCorrectiveResponse,
    status: 201,
  },
});
