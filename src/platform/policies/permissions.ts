import type { PmsRole } from '../../domain/roles.ts';

import { installedModules } from '../moduleKit/registry.ts';

/**
 * The platform's own permissions. Modules add theirs in their manifest (`permissions`, keys
 * `<module>.<verb>`), with the roles that hold them. Routes declare one in `config.access`; the
 * server refuses to start if a route declares none, or one that nobody declared (http/authorize.ts).
 */
export const platformPermissions = [
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
export type PlatformPermission = (typeof platformPermissions)[number];
/** A platform permission, or a module's (`incidents.read`), declared in its manifest. */
export type Permission = PlatformPermission | `${string}.${string}`;

/** What a route needs: a permission, any signed-in account, or nothing (login, health). */
export type RouteAccess = Permission | 'authenticated' | 'public';

/** The roles that hold every permission, the modules' included: they run the PMS (J.2.3.1). */
const holdsEverything: readonly PmsRole[] = ['pms_manager', 'general_protection_manager'];

/**
 * Least privilege (SPEC §9): which PMS roles grant which platform permissions. Every signed-in
 * account (従業者) gets `org.read`; the rest follows the duties the seeds give each role.
 */
const platformGrants: Partial<Record<PmsRole, readonly PlatformPermission[]>> = {
  // 情報セキュリティ責任者: accounts, access rights, technical measures (SPEC §0).
  security_manager: ['people.read', 'people.readContact', 'accounts.manage', 'audit.read'],
  // トップマネジメント: also accounts, since resets of the PMS manager's and its own accounts need it (issue 11 #2, auth/accountPrivilege.ts).
  top_management: ['people.read', 'audit.read', 'tasks.manage', 'accounts.manage'],
  audit_manager: ['people.read', 'audit.read'],
  public_audit_manager: ['people.read', 'audit.read'],
  auditor: ['people.read'],
  department_head: ['people.read'],
  protection_manager: ['people.read', 'tasks.manage'],
  handling_manager: ['people.read'],
};

/** Every permission: the platform's and each installed module's. */
export function allPermissions(): Permission[] {
  return [...platformPermissions, ...installedModules().flatMap((m) => Object.keys(m.permissions) as Permission[])];
}

/** Whether a permission was declared by the platform or an installed module. */
export function isDeclaredPermission(permission: string): permission is Permission {
  return (platformPermissions as readonly string[]).includes(permission) || installedModules().some((m) => Object.hasOwn(m.permissions, permission));
}

/** Each role's permissions, the platform's and the installed modules', worked out once per module list. */
let grantsFor: { modules: readonly unknown[]; byRole: Map<PmsRole, readonly Permission[]> } | null = null;

function grantsOf(role: PmsRole): readonly Permission[] {
  const modules = installedModules();
  if (grantsFor?.modules !== modules) grantsFor = { modules, byRole: new Map() };
  let granted = grantsFor.byRole.get(role);
  if (!granted) {
    granted = holdsEverything.includes(role)
      ? allPermissions()
      : [
          ...(platformGrants[role] ?? []),
          ...modules.flatMap((m) => Object.entries(m.permissions).flatMap(([key, permission]) => (permission.grantedTo.includes(role) ? [key as Permission] : []))),
        ];
    grantsFor.byRole.set(role, granted);
  }
  return granted;
}

/**
 * Permissions granted by a set of roles (plus the baseline every account has). Runs on every
 * signed-in request (buildActor), so each role's list is computed once per installed module list.
 */
export function permissionsForRoles(roles: readonly PmsRole[]): Set<Permission> {
  const result = new Set<Permission>(['org.read']);
  for (const role of roles) for (const p of grantsOf(role)) result.add(p);
  return result;
}

/** Roles counted as administrators for the "require TOTP for administrators" setting. */
export const administratorRoles: readonly PmsRole[] = ['pms_manager', 'general_protection_manager', 'security_manager'];
