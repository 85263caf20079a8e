import type { PmsRole } from '../org/roles.ts';

/**
 * Every permission a route can require. Routes declare one in `config.permission`; the server
 * refuses to start if a route declares none (see http/authorize.ts).
 */
export const permissions = [
  'org.read',
  'org.manage',
  'departments.manage',
  'people.read',
  'people.manage',
  'people.readContact',
  'roles.manage',
  'accounts.manage',
  'audit.read',
  'approvals.configure',
  'calendar.manage',
  'tasks.manage',
] as const;
export type Permission = (typeof permissions)[number];

/** What a route needs: a permission, any signed-in account, or nothing (login, health). */
export type RouteAccess = Permission | 'authenticated' | 'public';

/**
 * Least privilege (SPEC §9): which PMS roles grant which permissions. Every signed-in account
 * (従業者) gets `org.read`; the rest follows the duties the seeds give each role.
 */
const grants: Partial<Record<PmsRole, readonly Permission[]>> = {
  // 個人情報保護管理者 runs the PMS (J.2.3.1): everything.
  pms_manager: permissions,
  general_protection_manager: permissions,
  // 情報セキュリティ責任者: accounts, access rights, technical measures (SPEC §0).
  security_manager: ['people.read', 'people.readContact', 'accounts.manage', 'audit.read'],
  top_management: ['people.read', 'audit.read', 'tasks.manage'],
  audit_manager: ['people.read', 'audit.read'],
  public_audit_manager: ['people.read', 'audit.read'],
  auditor: ['people.read'],
  department_head: ['people.read'],
  protection_manager: ['people.read', 'tasks.manage'],
  handling_manager: ['people.read'],
};

/** Permissions granted by a set of roles (plus the baseline every account has). */
export function permissionsForRoles(roles: readonly PmsRole[]): Set<Permission> {
  const result = new Set<Permission>(['org.read']);
  for (const role of roles) for (const p of grants[role] ?? []) result.add(p);
  return result;
}

/** Roles counted as administrators for the "require TOTP for administrators" setting. */
export const administratorRoles: readonly PmsRole[] = ['pms_manager', 'general_protection_manager', 'security_manager'];
