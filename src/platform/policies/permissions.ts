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
  // M4 緊急事態・事故等 / M10 是正処置 (src/modules/incidents, src/modules/corrective).
  'incidents.read',
  'incidents.manage',
  'corrective.read',
  'corrective.manage',
  // M1 個人情報管理台帳 / M2 リスク分析対策表 (src/modules/inventory, src/modules/risk).
  'inventory.read',
  'inventory.request',
  'inventory.manage',
  'risk.read',
  'risk.manage',
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
  security_manager: ['inventory.read', 'risk.read', 'people.read', 'people.readContact', 'accounts.manage', 'audit.read', 'incidents.read', 'corrective.read'],
  top_management: ['inventory.read', 'risk.read', 'people.read', 'audit.read', 'tasks.manage', 'incidents.read', 'corrective.read'],
  audit_manager: ['inventory.read', 'risk.read', 'people.read', 'audit.read', 'incidents.read', 'corrective.read', 'corrective.manage'],
  public_audit_manager: ['inventory.read', 'risk.read', 'people.read', 'audit.read', 'incidents.read', 'corrective.read', 'corrective.manage'],
  auditor: ['inventory.read', 'risk.read', 'people.read', 'corrective.read'],
  // 所属長: incidents and nonconformities of their own department (scoped in the module services).
  department_head: ['inventory.read', 'inventory.request', 'risk.read', 'risk.manage', 'people.read', 'incidents.read', 'corrective.read', 'corrective.manage'],
  protection_manager: ['inventory.read', 'inventory.request', 'risk.read', 'risk.manage', 'people.read', 'tasks.manage', 'incidents.read', 'corrective.read', 'corrective.manage'],
  handling_manager: ['inventory.read', 'inventory.request', 'risk.read', 'risk.manage', 'people.read', 'incidents.read', 'corrective.read'],
  // 個人情報管理者・特定個人情報等事務取扱責任者 keep their department's 台帳 (M1).
  info_manager: ['inventory.read', 'inventory.request', 'risk.read'],
  mynumber_manager: ['inventory.read', 'inventory.request', 'risk.read'],
};

/** Permissions granted by a set of roles (plus the baseline every account has). */
export function permissionsForRoles(roles: readonly PmsRole[]): Set<Permission> {
  const result = new Set<Permission>(['org.read']);
  for (const role of roles) for (const p of grants[role] ?? []) result.add(p);
  return result;
}

/** Roles counted as administrators for the "require TOTP for administrators" setting. */
export const administratorRoles: readonly PmsRole[] = ['pms_manager', 'general_protection_manager', 'security_manager'];
