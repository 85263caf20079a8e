import { importExtrasResponse } from '../imports/imports.schema.ts';
import { z } from 'zod';
import { employmentTypes, organizationProfiles, pmsRoles } from '../../domain/roles.ts';
import { pageResponse } from '../http/contract.ts';

// Response shapes of the organization model (SPEC §2): 組織, 所属, 従業者, 役割の割当て, アカウント
// and the 体制図. Pure (zod only): org.contract.ts, exports.contract.ts and the web import it.

/** The organization's settings with the defaults filled in (orgSettings.ts). */
export const organizationSettingsResponse = z.object({
  idleTimeoutMinutes: z.number().int(),
  requireTotpForAdmins: z.boolean(),
  bulkAccessThreshold: z.number().int(),
  bulkAccessWindowMinutes: z.number().int(),
  reminderDaysBefore: z.number().int(),
  /** 日付の表記 of the PDFs. */
  dateStyle: z.enum(['wareki', 'seireki']),
  /** 委託先の実地検査の間隔（月）for 委託先 without 要配慮・特定個人情報; null: 必要に応じて. */
  contractorInspectionMonths: z.number().int().nullable(),
  /** 開示等の請求の期限: the 施行条例's period and extension (null: the law's 30 + 30), its name, and a private organization's target days. */
  requestPeriodDays: z.number().int().nullable(),
  requestExtensionDays: z.number().int().nullable(),
  requestOrdinance: z.string().nullable(),
  requestTargetDays: z.number().int(),
});

/** 組織情報: profile and Privacy-Mark number/validity, with the security settings. */
export const organizationResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string().nullable(),
  representative: z.string().nullable(),
  profile: z.enum(organizationProfiles),
  privacyMarkNumber: z.string().nullable(),
  privacyMarkValidFrom: z.iso.date().nullable(),
  privacyMarkValidTo: z.iso.date().nullable(),
  settings: organizationSettingsResponse,
});

/** 所属, with its heads (所属長) in force today. */
export const departmentResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  parentId: z.uuid().nullable(),
  sortOrder: z.number().int(),
  heads: z.array(z.object({ personId: z.uuid(), name: z.string() })),
});

/** One row of the 従業者 list: no contact details (those are read one record at a time, audited). */
export const personListItemResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  nameKana: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  employmentType: z.enum(employmentTypes),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  joinedOn: z.iso.date().nullable(),
  leftOn: z.iso.date().nullable(),
  hasAccount: z.boolean(),
});

/** A page of the 従業者 list. */
export const peoplePageResponse = pageResponse(personListItemResponse);

/** 従業者: contact details only when the caller may read them (`contactVisible`; the read is audited). */
export const personResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  nameKana: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  employmentType: z.enum(employmentTypes),
  departmentId: z.uuid().nullable(),
  joinedOn: z.iso.date().nullable(),
  leftOn: z.iso.date().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Whether the caller may read (and so edit) the contact details. */
  contactVisible: z.boolean(),
  /** 備考 and 取込時の追加情報 (issue #12): read by the import, shown on the person's form. */
  note: z.string().nullable(),
  importExtras: importExtrasResponse,
});

/** 役割の割当て: a PMS role held by a person for a period. */
export const roleAssignmentResponse = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  role: z.enum(pmsRoles),
  departmentId: z.uuid().nullable(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().nullable(),
  note: z.string().nullable(),
});

/** An assignment in the list, with the names of the person and the department. */
export const roleAssignmentListItemResponse = roleAssignmentResponse.extend({ personName: z.string(), departmentName: z.string().nullable() });

/** What an administrator may do to an account on the アカウント page (privilege ordering: auth/accountPrivilege.ts). */
export const accountActions = ['unlock', 'resetPassword', 'resetTotp', 'disable'] as const;
export type AccountAction = (typeof accountActions)[number];

/** アカウント in the list: its state (無効・ロック中・退職), never its secrets. */
export const accountListItemResponse = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  loginId: z.string(),
  totpEnabled: z.boolean(),
  disabledAt: z.iso.datetime().nullable(),
  lockedUntil: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  leftOn: z.iso.date().nullable(),
  /** What the caller may do to this account (privilege ordering, issue 11 #2): unlock, resetPassword, resetTotp, disable. */
  abilities: z.array(z.enum(accountActions)),
});

/** A new account. */
export const accountCreatedResponse = z.object({ id: z.uuid(), loginId: z.string() });

// ---- 体制図 (J.2.3.1; orgChart.ts) ----

/** A person holding a role on the chart. */
export const chartHolderResponse = z.object({ personId: z.uuid(), name: z.string(), departmentName: z.string().nullable() });

/** One role line inside a department box (所属長：田中 美咲). */
export const chartRoleLineResponse = z.object({ role: z.enum(pmsRoles), title: z.string(), holders: z.array(chartHolderResponse), vacant: z.boolean() });

/** A box of the chart: a PMS role, the group of all departments, or one department with its roles. */
export const chartNodeResponse = z
  .object({
    /** `role:<role>`, `departments` or `dept:<id>`. */
    id: z.string(),
    kind: z.enum(['role', 'departments', 'department']),
    title: z.string(),
    role: z.enum(pmsRoles).nullable(),
    departmentId: z.uuid().nullable(),
    holders: z.array(chartHolderResponse),
    roles: z.array(chartRoleLineResponse),
    /** A role the standard or guideline requires that nobody holds (shown as 未選任). */
    vacant: z.boolean(),
    get children(): z.ZodArray<typeof chartNodeResponse> {
      return z.array(chartNodeResponse);
    },
    // A recursive schema is one OpenAPI component (#/components/schemas/OrgChartNode), named here.
  })
  .meta({ id: 'OrgChartNode' });

/** The 体制図 as recorded on `asOf`. */
export const orgChartResponse = z.object({ organizationName: z.string(), profile: z.enum(organizationProfiles), asOf: z.iso.date(), root: chartNodeResponse });
