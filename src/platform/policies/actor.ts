import type { PmsRole } from '../../domain/roles.ts';
import { administratorRoles, type Permission, permissionsForRoles } from './permissions.ts';

/** A held role; department-bound roles (所属長 …) carry their department. */
export type HeldRole = { role: PmsRole; departmentId: string | null };

/** The signed-in account acting on a request. */
export type Actor = {
  accountId: string;
  personId: string;
  personName: string;
  organizationId: string;
  departmentId: string | null;
  roles: HeldRole[];
  permissions: Set<Permission>;
  locale: string;
};

export function buildActor(base: Omit<Actor, 'permissions'>): Actor {
  return { ...base, permissions: permissionsForRoles(base.roles.map((r) => r.role)) };
}

/** `can(actor, permission)`: the one question every route asks (STYLE: one policy registry). */
export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function hasRole(actor: Actor, role: PmsRole, departmentId?: string | null): boolean {
  return actor.roles.some((r) => r.role === role && (departmentId === undefined || r.departmentId === departmentId));
}

export function isAdministrator(roles: readonly HeldRole[]): boolean {
  return roles.some((r) => administratorRoles.includes(r.role));
}
