import { type PmsRole, roleLabels } from '../../domain/roles.ts';
import { type AccountAction, accountActions } from '../org/org.responses.ts';
import type { Actor } from '../policies/actor.ts';
import { allPermissions, permissionsForRoles } from '../policies/permissions.ts';

// Privilege ordering of account administration (issue 11 #2, SPEC §9 least privilege). The
// 情報セキュリティ責任者 holds `accounts.manage`, and with it had set a new password on the
// 個人情報保護管理者's account, reset its second factor and disabled top management: whoever
// resets a password takes the account over. So:
//  1. Nobody resets the password or second factor of, disables or re-enables, or changes the
//     roles of an account holding a permission they lack (Immich: never beyond what the caller holds).
//  2. Accounts of the roles that hold every permission (個人情報保護管理者, 総括保護管理者) and of
//     トップマネジメント are reset or disabled by トップマネジメント only: top management appoints
//     the PMS manager and gives it its authority (J.2.3.1), so it stands above rule 1, and no
//     PMS manager can take over the top management that approves its own work.
//  3. Nobody does these to their own account here: a password is changed with the current one
//     (パスワード変更), which a borrowed session does not know.
// Unlocking (ロック解除) gives no access to anyone, so every `accounts.manage` holder may unlock.

export type { AccountAction };

/** The account acted upon: its id and the roles its person holds today. */
export type AccountTarget = { accountId: string; roles: readonly PmsRole[] };

const isTopManagement = (actor: Pick<Actor, 'roles'>) => actor.roles.some((r) => r.role === 'top_management');

/** Roles holding every permission (the platform's and every module's), and top management: their accounts need top management (rule 2). */
function guardedRoles(roles: readonly PmsRole[]): PmsRole[] {
  const everything = allPermissions();
  return [...new Set(roles)].filter((role) => role === 'top_management' || everything.every((p) => permissionsForRoles([role]).has(p)));
}

/** The target's roles that give a permission the actor lacks (rule 1). */
export function rolesBeyond(actor: Pick<Actor, 'permissions'>, roles: readonly PmsRole[]): PmsRole[] {
  return [...new Set(roles)].filter((role) => [...permissionsForRoles([role])].some((p) => !actor.permissions.has(p)));
}

const names = (roles: readonly PmsRole[]) => roles.map((r) => roleLabels[r].ja).join('・');

/**
 * Why the actor may not reset the password or second factor of, or disable, the target
 * account — a Japanese sentence saying which rule and which roles — or null when it may.
 * Creating an account (with its initial password) for a person is the same act (`what` names it).
 */
export function accountResetRefusal(actor: Actor, target: AccountTarget, what = 'パスワード・二要素認証の再設定と無効化'): string | null {
  if (target.accountId === actor.accountId) {
    return '自分のアカウントのパスワード・二要素認証の再設定と無効化は、この画面ではできません。パスワードは「パスワード変更」から、現在のパスワードを入力して変更してください';
  }
  const guarded = guardedRoles(target.roles);
  if (isTopManagement(actor)) return null;
  if (guarded.length > 0) {
    return `${names(guarded)}のアカウントの${what}は、トップマネジメントが行います（J.2.3.1）`;
  }
  const beyond = rolesBeyond(actor, target.roles);
  if (beyond.length > 0) {
    return `このアカウントは、あなたが持っていない権限を含む役割（${names(beyond)}）を持っているため、${what}はできません`;
  }
  return null;
}

/** What the actor may do to the account (sent with the account list so the page shows only those). */
export function accountAbilities(actor: Actor, target: AccountTarget): AccountAction[] {
  return accountResetRefusal(actor, target) ? ['unlock'] : [...accountActions];
}

/**
 * Why the actor may not change the roles of a person holding `currentRoles` by giving or
 * taking `role` (rule 1, for 役割の割当て): the person's roles and the role itself must give
 * nothing the actor lacks. Top management stands above it (rule 2), and only top management
 * makes itself top management: otherwise a 個人情報保護管理者 (who holds every permission) could
 * give itself the role and, with it, the accounts of top management. Null when it may.
 */
export function roleChangeRefusal(
  actor: Pick<Actor, 'personId' | 'roles' | 'permissions'>,
  change: { personId: string; currentRoles: readonly PmsRole[]; role: PmsRole },
): string | null {
  if (isTopManagement(actor)) return null;
  if (change.personId === actor.personId && change.role === 'top_management') {
    return '自分をトップマネジメントにする割当ては、トップマネジメントが行います（J.2.3.1）';
  }
  const beyond = rolesBeyond(actor, [...change.currentRoles, change.role]);
  if (beyond.length === 0) return null;
  return `あなたが持っていない権限を含む役割（${names(beyond)}）に関わるため、この役割の割当ては変更できません`;
}
