import { defineContract, fileResponse } from '../../platform/http/contract.ts';
import { saveTemplateBody } from './special-clause-templates.schema.ts';
import { templateListResponse, templateVersionResponse } from './special-clause-templates.responses.ts';

// 自社のひな型 (個人情報特記事項, issue 13; J.9.4 3): everyone who reads the register reads the
// template; whoever reviews the 委託先 rules (contractors.criteria, the 個人情報保護管理者: J.9.4 s))
// saves a new version. Pure (zod only).

export const specialClauseTemplatesContract = defineContract({
  list: {
    method: 'GET',
    path: '/api/special-clause-template',
    access: 'contractors.read',
    summary: '特記事項のひな型（自社のひな型: 使用中の版、版の履歴と前の版からの変更、J.9.4 3 の事項の確認）',
    response: templateListResponse,
  },
  save: {
    method: 'PUT',
    path: '/api/special-clause-template',
    access: 'contractors.criteria',
    summary: '特記事項のひな型の保存（新しい版になり、以後の特記事項の作成に使われる。差し込み項目を消した条文・空にした J.9.4 3 の条文は 400）',
    body: saveTemplateBody,
    response: templateVersionResponse,
  },
  exportDocx: {
    method: 'GET',
    path: '/api/special-clause-template/export.docx',
    access: 'contractors.read',
    summary: '特記事項のひな型の使用中の版（Word: 差し込み項目のまま、各条の変種をすべて載せる）',
    response: fileResponse,
  },
});
