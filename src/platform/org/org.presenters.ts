import type { z } from 'zod';
import type { AccountAction } from '../auth/accountPrivilege.ts';
import type {
  accountCreatedResponse,
  accountListItemResponse,
  departmentResponse,
  orgChartResponse,
  organizationResponse,
  peoplePageResponse,
  personListItemResponse,
  personResponse,
  roleAssignmentListItemResponse,
  roleAssignmentResponse,
} from './org.responses.ts';
import type { AccountListRow, PeoplePage, PersonListRow, RoleAssignmentListRow } from './org.service.ts';
import type { OrgChart } from './orgChart.ts';
import type { departments, organizations, people, roleAssignments } from './org.tables.ts';
import { resolveSettings } from './orgSettings.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline).

type Out<S extends z.ZodType> = z.output<S>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentOrganization(org: typeof organizations.$inferSelect): Out<typeof organizationResponse> {
  const s = resolveSettings(org.settings);
  return {
    id: org.id,
    name: org.name,
    address: org.address,
    representative: org.representative,
    profile: org.profile,
    privacyMarkNumber: org.privacyMarkNumber,
    privacyMarkValidFrom: org.privacyMarkValidFrom,
    privacyMarkValidTo: org.privacyMarkValidTo,
    settings: {
      idleTimeoutMinutes: s.idleTimeoutMinutes,
      requireTotpForAdmins: s.requireTotpForAdmins,
      dateStyle: s.dateStyle,
      bulkAccessThreshold: s.bulkAccessThreshold,
      bulkAccessWindowMinutes: s.bulkAccessWindowMinutes,
      reminderDaysBefore: s.reminderDaysBefore,
      contractorInspectionMonths: s.contractorInspectionMonths,
      requestPeriodDays: s.requestPeriodDays,
      requestExtensionDays: s.requestExtensionDays,
      requestOrdinance: s.requestOrdinance,
      requestTargetDays: s.requestTargetDays,
    },
  };
}

/** A department with its heads (所属長) in force today. */
export function presentDepartment(d: typeof departments.$inferSelect & { heads: { personId: string; name: string }[] }): Out<typeof departmentResponse> {
  return { id: d.id, name: d.name, code: d.code, parentId: d.parentId, sortOrder: d.sortOrder, heads: d.heads.map((h) => ({ personId: h.personId, name: h.name })) };
}

export function presentDepartmentList(rows: Parameters<typeof presentDepartment>[0][]): { items: Out<typeof departmentResponse>[] } {
  return { items: rows.map(presentDepartment) };
}

/** One row of the 従業者 list (no contact details). */
export function presentPersonListItem(p: PersonListRow): Out<typeof personListItemResponse> {
  return {
    id: p.id,
    name: p.name,
    nameKana: p.nameKana,
    employeeNumber: p.employeeNumber,
    employmentType: p.employmentType,
    departmentId: p.departmentId,
    departmentName: p.departmentName,
    joinedOn: p.joinedOn,
    leftOn: p.leftOn,
    hasAccount: p.hasAccount,
  };
}

export function presentPeoplePage(page: PeoplePage): Out<typeof peoplePageResponse> {
  return { items: page.items.map(presentPersonListItem), total: page.total, page: page.page, pageSize: page.pageSize };
}

/** A person; contact details only when the actor may read them (and the read is audited). */
export function presentPerson(p: typeof people.$inferSelect, withContact: boolean): Out<typeof personResponse> {
  return {
    id: p.id,
    name: p.name,
    nameKana: p.nameKana,
    employeeNumber: p.employeeNumber,
    employmentType: p.employmentType,
    departmentId: p.departmentId,
    joinedOn: p.joinedOn,
    leftOn: p.leftOn,
    email: withContact ? p.email : null,
    phone: withContact ? p.phone : null,
    contactVisible: withContact,
    note: p.note,
    importExtras: p.importExtras ?? [],
  };
}

export function presentRoleAssignment(r: typeof roleAssignments.$inferSelect): Out<typeof roleAssignmentResponse> {
  return { id: r.id, personId: r.personId, role: r.role, departmentId: r.departmentId, startsOn: r.startsOn, endsOn: r.endsOn, note: r.note };
}

/** An assignment in the list, with the person's and the department's names. */
export function presentRoleAssignmentListItem(r: RoleAssignmentListRow): Out<typeof roleAssignmentListItemResponse> {
  return {
    id: r.id,
    personId: r.personId,
    personName: r.personName,
    role: r.role,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    note: r.note,
  };
}

export function presentRoleAssignmentList(rows: RoleAssignmentListRow[]): { items: Out<typeof roleAssignmentListItemResponse>[] } {
  return { items: rows.map(presentRoleAssignmentListItem) };
}

/** An account's state in the list; never its password hash or TOTP secret. */
export function presentAccountListItem(a: AccountListRow, abilities: readonly AccountAction[]): Out<typeof accountListItemResponse> {
  return {
    id: a.id,
    personId: a.personId,
    personName: a.personName,
    loginId: a.loginId,
    totpEnabled: a.totpEnabled,
    disabledAt: iso(a.disabledAt),
    lockedUntil: iso(a.lockedUntil),
    lastLoginAt: iso(a.lastLoginAt),
    leftOn: a.leftOn,
    abilities: [...abilities],
  };
}

/** The accounts, each with what the caller may do to it (`abilities`: the page offers only those). */
export function presentAccountList(rows: AccountListRow[], abilities: ReadonlyMap<string, readonly AccountAction[]>): { items: Out<typeof accountListItemResponse>[] } {
  return { items: rows.map((a) => presentAccountListItem(a, abilities.get(a.id) ?? [])) };
}

export function presentAccountCreated(a: { id: string; loginId: string }): Out<typeof accountCreatedResponse> {
  return { id: a.id, loginId: a.loginId };
}

/** The 体制図 (J.2.3.1) as built by orgChart.ts: already a tree of plain values. */
export function presentOrgChart(chart: OrgChart): Out<typeof orgChartResponse> {
  return chart;
}
