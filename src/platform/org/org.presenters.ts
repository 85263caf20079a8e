import type { departments, organizations, people, roleAssignments } from './org.tables.ts';
import { resolveSettings } from './orgSettings.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline).

export function presentOrganization(org: typeof organizations.$inferSelect) {
  return {
    id: org.id,
    name: org.name,
    address: org.address,
    representative: org.representative,
    profile: org.profile,
    privacyMarkNumber: org.privacyMarkNumber,
    privacyMarkValidFrom: org.privacyMarkValidFrom,
    privacyMarkValidTo: org.privacyMarkValidTo,
    settings: resolveSettings(org.settings),
  };
}

export function presentDepartment(d: typeof departments.$inferSelect & { heads?: { personId: string; name: string }[] }) {
  return { id: d.id, name: d.name, code: d.code, parentId: d.parentId, sortOrder: d.sortOrder, heads: d.heads ?? [] };
}

/** A person; contact details only when the actor may read them (and the read is audited). */
export function presentPerson(p: typeof people.$inferSelect, withContact: boolean) {
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
  };
}

export function presentRoleAssignment(r: typeof roleAssignments.$inferSelect) {
  return { id: r.id, personId: r.personId, role: r.role, departmentId: r.departmentId, startsOn: r.startsOn, endsOn: r.endsOn, note: r.note };
}
