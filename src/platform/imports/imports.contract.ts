import { defineContract } from '../http/contract.ts';
import { registerImportQuery, registerImportReportResponse, registerInspectionResponse, registerInspectQuery } from './imports.schema.ts';

// 取込の経路 (issue #12, one import pipeline), as the SPA and the test client see them: every
// register's import has these two routes with `:register` its name (people, laws, contractors …).
// The server registers them once per register from its definition, each guarded by the register's
// own permission (imports.routes.ts); `access` here stands for that permission. Pure (zod only).

export const importsContract = defineContract({
  inspect: {
    method: 'POST',
    path: '/api/imports/:register/inspect',
    access: 'authenticated',
    summary: '取込の読込（.xlsx・CSV、multipart の file 欄）: 各シートの先頭行、読むシートとその理由、見出し行、列ごとの対応付けとその確からしさ。何も登録しません',
    tags: ['imports'],
    query: registerInspectQuery,
    response: registerInspectionResponse,
  },
  run: {
    method: 'POST',
    path: '/api/imports/:register',
    access: 'authenticated',
    summary:
      '取込（.xlsx・CSV、multipart の file 欄）。dryRun=1 は全行の確認のみ、dryRun=0 は全行が正しいときだけ登録（誤りがあれば 422 で何も登録しません）。シート・見出し行・列と値の対応付けを指定できます',
    tags: ['imports'],
    query: registerImportQuery,
    response: registerImportReportResponse,
  },
});
