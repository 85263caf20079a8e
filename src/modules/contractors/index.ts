import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { contractorCriteriaApprovalType } from './contractor-criteria.ts';
import { contractorCriteriaRoutes } from './contractor-criteria.routes.ts';
import * as criteriaTables from './contractor-criteria.tables.ts';
import { contractorDeadlines } from './contractor-deadlines.ts';
import { contractorAttachmentOwner } from './contractor-documents.ts';
import { contractorInspectionsRoutes } from './contractor-inspections.routes.ts';
import { contractorTaskSources, runContractorTaskGeneration } from './contractor-tasks.ts';
import * as inspectionTables from './contractor-inspections.tables.ts';
import { seedDemoInspections } from './contractor-inspections.demo.ts';
import { seedDemoContractors } from './contractors.demo.ts';
import { contractorEvaluationApprovalType } from './contractors.evaluation.ts';
import { contractorsImport } from './contractors.import.ts';
import { contractorsRoutes } from './contractors.routes.ts';
import * as tables from './contractors.tables.ts';
import { specialClauseTemplatesRoutes } from './special-clause-templates.routes.ts';
import * as templateTables from './special-clause-templates.tables.ts';
import { subcontractRequestApprovalType } from './subcontracting.ts';

/** M7 委託先管理 (J.9.4): the 委託先 register, the contract clause check and the 委託先審査表 (yearly evaluation). */
export const contractorsModule = defineModule({
  name: 'contractors',
  label: 'M7 委託先管理',
  permissions: {
    'contractors.read': {
      label: '委託先の閲覧',
      grantedTo: ['top_management', 'audit_manager', 'public_audit_manager', 'auditor', 'security_manager', 'department_head', 'protection_manager', 'handling_manager'],
    },
    // J.9.4 t): the 所属長 evaluates the 委託先 of their department (the PMS manager holds every permission).
    'contractors.manage': { label: '委託先の登録・変更', grantedTo: ['department_head', 'protection_manager'] },
    // J.9.4 s): 「個人情報保護管理者は毎年 12 月に委託先の選定基準を見直し」 — the PMS manager (every
    // permission) and, for a public body, the 総括保護管理者; a 所属長 evaluates with them but does not edit them.
    'contractors.criteria': { label: '委託先の選定・評価基準の見直し', grantedTo: ['general_protection_manager'] },
  },
  auditLabels: {
    entities: {
      contractors: '委託先',
      contractor_evaluations: '委託先審査表',
      subcontract_requests: '再委託承認申請',
      subcontract_supervisions: '再委託先の監督の記録',
      contractor_inspections: '委託先の実地検査',
      contractor_inspection_findings: '実地検査の指摘事項',
      contractor_criteria_sets: '委託先の選定・評価基準の版',
      special_clause_templates: '特記事項のひな型（自社）の版',
    },
    columns: {
      contractors: {
        name: '名称',
        corporate_number: '法人番号',
        address: '所在地',
        department_id: '所管の所属',
        privacy_mark_status: 'プライバシーマーク',
        privacy_mark_expires_on: 'プライバシーマークの有効期限',
        isms_status: 'ISMS認証',
        isms_expires_on: 'ISMS認証の有効期限',
        contact_name: '担当者名',
        contact_phone: '電話番号',
        contact_email: 'メールアドレス',
        entrusted_work: '委託する業務',
        entry_ids: '委託する個人情報（台帳の項目）',
        contract_starts_on: '契約開始日',
        contract_ends_on: '契約終了日',
        specific_personal_info: '特定個人情報の有無',
        contract_clauses: '契約書に定めた事項',
        contract_text: '契約書・特記事項の本文',
        parent_contractor_id: '再委託元の委託先',
        subcontracting_clause: '特記事項の再委託の条項',
        import_extras: '取込時の追加情報',
      },
      subcontract_requests: {
        contractor_id: '委託先',
        sub_contractor_id: '再委託先',
        work: '再委託して処理する内容',
        entry_ids: '再委託において取り扱う個人情報',
        safety_measures: '再委託先における安全管理措置',
        starts_on: '再委託の開始日',
        ends_on: '再委託の終了日',
        reason: '再委託する理由',
        status: '状態',
        approved_on: '承認日',
        filed_by_person_id: '申請者',
        filed_by_portal_account_id: '申請した委託先のアカウント',
        staff_enc: '再委託先の作業責任者・作業従事者（暗号化）',
      },
      subcontract_supervisions: {
        contractor_id: '再委託先',
        supervised_on: '監督の日',
        method: '監督の方法',
        findings: '所見',
        supervisor: '監督した者',
        recorded_by_person_id: '記録した者',
      },
      contractor_inspections: {
        contractor_id: '委託先',
        inspected_on: '検査日',
        inspectors: '検査者',
        scope: '検査の範囲',
        method: '検査の方法',
        result: '検査の結果',
        recorded_by_person_id: '記録した者',
      },
      contractor_inspection_findings: {
        inspection_id: '実地検査',
        position: '順番',
        severity: '指摘事項の区分',
        description: '指摘事項の内容',
      },
      contractor_criteria_sets: {
        version_no: '版',
        version: '版の識別子',
        name: '評価基準の名称',
        source: '出典',
        items: '評価項目',
        based_on: '元にした版',
        status: '状態',
        approved_at: '承認日時',
        created_by_person_id: '作成した者',
      },
      special_clause_templates: {
        version_no: '版',
        title: '表題',
        articles: '条文',
        note: '変更の内容・理由',
        created_by_person_id: '保存した者',
      },
      contractor_evaluations: {
        contractor_id: '委託先',
        year: '評価の年',
        criteria_version: '評価基準の版',
        answers: '評価',
        note: '所見',
        status: '状態',
      },
    },
  },
  tables: { ...tables, ...inspectionTables, ...criteriaTables, ...templateTables },
  routes: (app, deps) => {
    contractorsRoutes(app, deps);
    // 実地検査 / 立入検査 (issue 13): its own contract (contractor-inspections.contract.ts).
    contractorInspectionsRoutes(app, deps);
    // 委託先の選定・評価基準 (J.9.4 s)): its own contract (contractor-criteria.contract.ts).
    contractorCriteriaRoutes(app, deps);
    // 自社のひな型 (個人情報特記事項, J.9.4 3): its own contract (special-clause-templates.contract.ts).
    specialClauseTemplatesRoutes(app, deps);
  },
  // 委託先一覧の取込 on the one import pipeline (/api/imports/contractors, issue #12).
  imports: [contractorsImport],
  // 契約書等 on the 委託先, kept for the data's holding period (J.9.4 5, issue #13).
  attachmentOwners: [contractorAttachmentOwner],
  approvalTypes: [contractorEvaluationApprovalType, subcontractRequestApprovalType, contractorCriteriaApprovalType],
  // J.9.4 s)・t): the December review of the criteria and evaluation of every 委託先 open the register.
  calendarItems: [
    { code: 'contractor_criteria_review', link: '/contractors/criteria' },
    { code: 'contractor_evaluation', link: '/contractors' },
  ],
  // Issue 13: 委託契約の満了, P-mark expiry and the 実地検査 as tasks on the PMS calendar (idempotent, daily).
  jobs: [{ name: 'contractor-tasks', schedule: '35 0 * * *', run: async (deps) => void (await runContractorTaskGeneration(deps)) }],
  tasks: Object.entries(contractorTaskSources).map(([sourceType, label]) => ({ sourceType, label, link: (id: string) => `/contractors/${id}` })),
  // Issue 13: contract / P-mark / ISMS expiry and pending 再委託承認申請 on the home's 期限 card.
  deadlines: (tx, actor, today) => contractorDeadlines(tx, actor, today),
  demo: async (tx, { organizationId, today }) => {
    await seedDemoContractors(tx, organizationId, today);
    await seedDemoInspections(tx, organizationId, today);
  },
});
