import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { departmentManagerRoles, type PmsRole } from '../../domain/roles.ts';
import { conflict } from '../../platform/http/errors.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import type { IncidentStatus } from './incidents.labels.ts';
import type { incidentAbilitiesResponse } from './incidents.responses.ts';
import { incidents } from './incidents.tables.ts';

// Who sees which incident. Incidents hold personal data, so least privilege (SPEC §9) applies
// inside the organization too: the PMS side, top management and the auditors see every
// incident; a 所属長 (and the other department-bound roles) sees the incidents of their own
// department; everyone sees what they reported themselves. Anything else is 404, like an
// outsider (STYLE: visibility as where-builders, outsiders get 404).

/** Roles that see every incident of the organization (with `incidents.read`). */
const organizationWideRoles: readonly PmsRole[] = ['pms_manager', 'general_protection_manager', 'top_management', 'audit_manager', 'public_audit_manager', 'security_manager'];

/** Department-bound roles that see their department's incidents: its managers and its 個人情報取扱責任者. */
const departmentRoles: readonly PmsRole[] = [...departmentManagerRoles, 'handling_manager'];

/** True when the actor sees every incident (and nonconformity) of the organization. */
export function seesWholeOrganization(actor: Actor): boolean {
  return actor.roles.some((r) => organizationWideRoles.includes(r.role));
}

/** Departments the actor answers for as 所属長 / 個人情報取扱責任者 / 保護管理者. */
export function departmentsOf(actor: Actor): string[] {
  return [...new Set(actor.roles.filter((r) => departmentRoles.includes(r.role) && r.departmentId).map((r) => r.departmentId as string))];
}

/** True when the actor is the 所属長 (or another department-bound manager) of `departmentId`. */
export function managesDepartment(actor: Actor, departmentId: string | null): boolean {
  return departmentId !== null && departmentsOf(actor).includes(departmentId);
}

/** The where-clause of the incidents an actor may read (always scoped to the organization). */
export function visibleIncidents(actor: Actor): SQL {
  const inOrganization = eq(incidents.organizationId, actor.organizationId);
  if (can(actor, 'incidents.manage') || (can(actor, 'incidents.read') && seesWholeOrganization(actor))) return inOrganization;
  const own = eq(incidents.reportedByPersonId, actor.personId);
  const departments = can(actor, 'incidents.read') ? departmentsOf(actor) : [];
  return and(inOrganization, departments.length > 0 ? or(own, inArray(incidents.departmentId, departments)) : own) as SQL;
}

/**
 * Whether the record may still change: not while the closure waits for approval (the approvers
 * approve the record as submitted) nor after closure (the approved 緊急事態対応記録 stays as approved).
 */
export function isEditable(incident: { status: IncidentStatus }): boolean {
  return incident.status !== 'closing' && incident.status !== 'closed';
}

/** Refuses a change while the closure waits for approval or after closure (see {@link isEditable}). */
export function assertEditable(incident: { status: IncidentStatus }): void {
  if (incident.status === 'closing') throw conflict('終結の承認待ちのため変更できません。変更が必要なときは終結の申請を取り下げてください', 'incident_closing');
  if (incident.status === 'closed') throw conflict('終結した事案は変更できません', 'incident_closed');
}

/**
 * The PMS side (incidents.manage) or the 所属長 of the incident's department: who submits the
 * closure and opens the corrective action (J.4.4.2 y) z)).
 */
export function answersForIncident(actor: Actor, incident: { departmentId: string | null }): boolean {
  return can(actor, 'incidents.manage') || managesDepartment(actor, incident.departmentId);
}

/** What the actor may do with an incident now; the business functions refuse the rest. */
export type IncidentAbilities = z.output<typeof incidentAbilitiesResponse>;

/**
 * The actor's abilities on an incident they can see (STYLE 4: the SPA shows its buttons from
 * these and never re-derives the rules).
 *
 * @example
 * incidentAbilities(salesHead, { status: 'responding', departmentId: sales }, { correctiveOpened: false })
 * // → { edit: false, submitClosure: true, openCorrective: true }
 */
export function incidentAbilities(actor: Actor, incident: { status: IncidentStatus; departmentId: string | null }, options: { correctiveOpened: boolean }): IncidentAbilities {
  const answers = answersForIncident(actor, incident);
  return {
    // The record, the facts, the duties, the timeline, meetings and enquiries (the PMS side).
    edit: can(actor, 'incidents.manage') && isEditable(incident),
    // Once the facts are reviewed (報告受付 → 対応中) and until it is submitted.
    submitClosure: answers && incident.status === 'responding',
    // One per incident (J.4.4.2 z)); the cause is checked when it is opened.
    openCorrective: answers && !options.correctiveOpened,
  };
}
