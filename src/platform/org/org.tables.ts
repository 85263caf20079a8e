import type { ImportExtra } from '../imports/extras.ts';
import { type AnyPgColumn, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, encryptedText, id, organizationId, updatedAt } from '../db/columns.ts';
import type { EmploymentType, OrganizationProfile, PmsRole } from '../../domain/roles.ts';

/** Per-organization settings (security and alert thresholds). Defaults live in orgSettings.ts. */
export type OrganizationSettings = {
  idleTimeoutMinutes?: number;
  requireTotpForAdmins?: boolean;
  bulkAccessThreshold?: number;
  bulkAccessWindowMinutes?: number;
  reminderDaysBefore?: number;
  /** 日付の表記 of the PDFs (和暦 / 西暦). */
  dateStyle?: 'wareki' | 'seireki';
  /**
   * 委託先の実地検査の間隔（月）: the organization's policy for 委託先 entrusted with neither 要配慮個人情報
   * nor 特定個人情報 (those are inspected yearly: 豊島区 守るべき事項 5.); null: 必要に応じて (issue 13).
   */
  contractorInspectionMonths?: number | null;
  /**
   * 開示等の請求の期限 (issue #14; 法第83条・第94条・第102条, 法第108条): a municipality's 施行条例 may set
   * a shorter 決定の期間 and 延長 than the law's 30 + 30 days (null: the law's); its name is cited on
   * the deadline. A private organization's target for 遅滞なく (default 14 days).
   */
  requestPeriodDays?: number | null;
  requestExtensionDays?: number | null;
  requestOrdinance?: string | null;
  requestTargetDays?: number;
};

/** 組織 (J.1): the tenant. Its own row is visible only inside its own tenant context. */
export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  address: text('address'),
  representative: text('representative'),
  profile: text('profile').$type<OrganizationProfile>().notNull().default('private'),
  privacyMarkNumber: text('privacy_mark_number'),
  privacyMarkValidFrom: date('privacy_mark_valid_from'),
  privacyMarkValidTo: date('privacy_mark_valid_to'),
  settings: jsonb('settings').$type<OrganizationSettings>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** 所属 (department): a tree. Its head (所属長) is a `department_head` role assignment with a period. */
export const departments = pgTable(
  'departments',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => departments.id),
    code: text('code'),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('departments_org_idx').on(t.organizationId, t.parentId), uniqueIndex('departments_org_name_uq').on(t.organizationId, t.parentId, t.name)],
);

/** 従業者 (J.4.2 note): employees, contract staff, 派遣, officers. Contact details are encrypted. */
export const people = pgTable(
  'people',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    employeeNumber: text('employee_number'),
    name: text('name').notNull(),
    nameKana: text('name_kana'),
    employmentType: text('employment_type').$type<EmploymentType>().notNull().default('employee'),
    departmentId: uuid('department_id').references(() => departments.id),
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    email: encryptedText('email_enc'),
    phone: encryptedText('phone_enc'),
    /** 備考 (read by the import, issue #12). */
    note: text('note'),
    /** 取込時の追加情報 (issue #12): the columns of an imported roster no field took, as written (platform/imports/extras.ts). */
    importExtras: jsonb('import_extras').$type<ImportExtra[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The people list walks these in its order (カナ, name, id) and stops at the page; left_on at
    // the end lets the total be counted from the index alone (bench/: 10,000 people).
    index('people_org_dept_idx').on(t.organizationId, t.departmentId, t.nameKana, t.name, t.id, t.leftOn),
    index('people_org_kana_idx').on(t.organizationId, t.nameKana, t.name, t.id, t.leftOn),
    index('people_org_name_idx').on(t.organizationId, t.name),
    uniqueIndex('people_org_number_uq').on(t.organizationId, t.employeeNumber),
  ],
);

/** 役割の割当て: a PMS role held by a person for a period (SPEC §2). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<PmsRole>().notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('role_assignments_org_role_idx').on(t.organizationId, t.role), index('role_assignments_person_idx').on(t.organizationId, t.personId)],
);
