import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ImportExtra } from '../../platform/imports/extras.ts';
import { createdAt, encryptedJson, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { departments, organizations } from '../../platform/org/org.tables.ts';
import type { CriterionAnswer } from '../../rules/data/contractorCriteria.ts';
import type { CertificationStatus, EvaluationStatus, SubcontractingClause, SubcontractStaff, SubcontractStatus, SupervisionMethod } from './contractors.labels.ts';

/**
 * 委託先 (M7, J.9.4): the register of every contractor the organization entrusts personal data to
 * (J.9.4 4 「全ての委託先を漏れなく特定する」) — who it is (名称・法人番号・所在地), its Privacy Mark /
 * ISMS status with 有効期限, the contact, what is entrusted (委託する業務 and the 台帳 entries it
 * covers), the 契約期間, whether 特定個人情報 is entrusted, and the contract's clauses as ticked (or
 * its text pasted) for the clause check (J.9.4 3, 豊島区 守るべき事項 2.).
 */
export const contractors = pgTable(
  'contractors',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    /** 所管の所属: the department that entrusts the work; its 所属長 evaluates the contractor (J.9.4 t)). */
    departmentId: uuid('department_id').references(() => departments.id),
    /** 名称. */
    name: text('name').notNull(),
    /** 法人番号 (13 digits, check digit verified); null for a sole proprietor. */
    corporateNumber: text('corporate_number'),
    /** 所在地. */
    address: text('address'),
    privacyMarkStatus: text('privacy_mark_status').$type<CertificationStatus>().notNull().default('unknown'),
    privacyMarkExpiresOn: date('privacy_mark_expires_on'),
    ismsStatus: text('isms_status').$type<CertificationStatus>().notNull().default('unknown'),
    ismsExpiresOn: date('isms_expires_on'),
    /** 連絡先: 担当者名・電話番号・メールアドレス. */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    /** 委託する業務. */
    entrustedWork: text('entrusted_work').notNull(),
    /** 委託する個人情報: ids of 台帳 entries (checked through the inventory module's entrySummaries). */
    entryIds: uuid('entry_ids').array().notNull().default([]),
    contractStartsOn: date('contract_starts_on'),
    contractEndsOn: date('contract_ends_on'),
    /** 特定個人情報の有無: adds J.9.4 3 i)〜r) to the clause check. */
    specificPersonalInfo: boolean('specific_personal_info').notNull().default(false),
    /** Codes of the contract clauses ticked as present (rules/data/contractorClauses.ts). */
    contractClauses: text('contract_clauses').array().notNull().default([]),
    /** The contract's (or 特記事項's) text as pasted, scanned for the clause keywords. */
    contractText: text('contract_text'),
    /**
     * 再委託先 (issue 13): the contractor this one is a sub-contractor of (再委託・再々委託, any depth;
     * a cycle is refused). Null for a contractor the organization entrusts directly.
     */
    parentContractorId: uuid('parent_contractor_id').references((): AnyPgColumn => contractors.id),
    /** 特記事項の再委託の条項 (豊島区 資料A 第7条 / 資料B 第6条): 禁止 (the seeds' main text) or 制限 (甲の承認). */
    subcontractingClause: text('subcontracting_clause').$type<SubcontractingClause>().notNull().default('prohibit'),
    /** 備考 (read by the import, issue #12). */
    note: text('note'),
    /** 取込時の追加情報 (issue #12): the columns of an imported list no field took, as written (platform/imports/extras.ts). */
    importExtras: jsonb('import_extras').$type<ImportExtra[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contractors_org_name_idx').on(t.organizationId, t.name),
    // One register row per corporation: a second row for the same 法人番号 is a duplicate.
    uniqueIndex('contractors_corporate_number_uq').on(t.organizationId, t.corporateNumber),
  ],
);

/**
 * 委託先審査表による評価 (J.9.4 t)): one per 委託先 and year — the answers to the criteria set of
 * `criteriaVersion` (default: 世田谷区 個人情報管理状況調査票 9 items), approved by the 個人情報保護
 * 管理者 through the approvals engine (record type `contractor_evaluation`).
 */
export const contractorEvaluations = pgTable(
  'contractor_evaluations',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    contractorId: uuid('contractor_id')
      .notNull()
      .references(() => contractors.id),
    /** 評価の年（毎年 12 月の評価、取引開始時の評価はその年）. */
    year: integer('year').notNull(),
    criteriaVersion: text('criteria_version').notNull(),
    /** 評価項目の code → 適・不適・該当なし. */
    answers: jsonb('answers').$type<Record<string, CriterionAnswer>>().notNull().default({}),
    /** 所見. */
    note: text('note'),
    status: text('status').$type<EvaluationStatus>().notNull().default('draft'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('contractor_evaluations_year_uq').on(t.organizationId, t.contractorId, t.year)],
);

/**
 * 再委託承認申請 (豊島区 資料A 第7条第2項 / 資料B 第6条第2項): 乙 asks 甲, before the work starts, to
 * sub-contract part of the work — 再委託先の名称 (subContractorId), 再委託して処理する内容 (work),
 * 取り扱う情報 (entryIds, a subset of the parent's), 安全性及び信頼性を確保する対策 (safetyMeasures),
 * the period and 再委託する理由 — approved through the approvals engine (record type
 * `subcontract_request`). Filed by a person of the 委託元 (on the contractor's paper) or, later, by the
 * contractor's own portal account: both references nullable.
 */
export const subcontractRequests = pgTable(
  'subcontract_requests',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    /** The contractor that asks (乙). */
    contractorId: uuid('contractor_id')
      .notNull()
      .references(() => contractors.id),
    /** 再委託先: a contractor record of the register whose parent is `contractorId`. */
    subContractorId: uuid('sub_contractor_id')
      .notNull()
      .references(() => contractors.id),
    work: text('work').notNull(),
    entryIds: uuid('entry_ids').array().notNull().default([]),
    safetyMeasures: text('safety_measures').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    reason: text('reason').notNull(),
    /**
     * 作業責任者（氏名・役職・連絡先）及び作業従事者の氏名 (豊島区 守るべき事項 3 ウ, 特記事項 第2条第2項): required on the
     * 委託先's portal 再委託申請; null on requests filed before it was asked. Encrypted (names people).
     */
    staff: encryptedJson<SubcontractStaff>('staff_enc'),
    status: text('status').$type<SubcontractStatus>().notNull().default('draft'),
    /** 承認日 (the day the approvals engine approved it). */
    approvedOn: date('approved_on'),
    /** Who filed it: a person of the organization, or (the portal, later) a contractor's account. */
    filedByPersonId: uuid('filed_by_person_id'),
    filedByPortalAccountId: uuid('filed_by_portal_account_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('subcontract_requests_contractor_idx').on(t.organizationId, t.contractorId), index('subcontract_requests_sub_idx').on(t.organizationId, t.subContractorId)],
);

/**
 * 監督の記録 (issue 13): per link of the 再委託 chain (the sub-contractor `contractorId` under its
 * parent) — 特記事項 第6条第5項 「再委託先に対して…その履行状況を監督する」, J.9.4 (委託先の監督).
 */
export const subcontractSupervisions = pgTable(
  'subcontract_supervisions',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    contractorId: uuid('contractor_id')
      .notNull()
      .references(() => contractors.id),
    supervisedOn: date('supervised_on').notNull(),
    method: text('method').$type<SupervisionMethod>().notNull(),
    findings: text('findings'),
    /** 監督した者 (the parent contractor's or the 委託元's person, as written). */
    supervisor: text('supervisor').notNull(),
    recordedByPersonId: uuid('recorded_by_person_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('subcontract_supervisions_contractor_idx').on(t.organizationId, t.contractorId)],
);
