import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { PmsRole } from '../../domain/roles.ts';
import { accountAbilities, type AccountAction, accountResetRefusal, roleChangeRefusal } from '../auth/accountPrivilege.ts';
import { accounts } from '../auth/auth.tables.ts';
import { hashPassword } from '../auth/hashing.ts';
import { endAccountSessions } from '../auth/sessions.ts';
import type { Tx } from '../db/connection.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { notifyAccounts } from '../notifications/notify.ts';
import type { Actor } from '../policies/actor.ts';
import { roleAssignments } from './org.tables.ts';
import type { accountUpdateBody } from './org.schema.ts';

// アカウントの管理 (SPEC §9): what an `accounts.manage` holder does to another account, under
// the privilege ordering of auth/accountPrivilege.ts (issue 11 #2). Listing and creating
// accounts stay in org.service.ts.

/** The roles each person holds on `today`, by person id. */
export async function rolesOfPeople(tx: Tx, organizationId: string, personIds: readonly string[], today: string): Promise<Map<string, PmsRole[]>> {
  const byPerson = new Map<string, PmsRole[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await tx
    .select({ personId: roleAssignments.personId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.organizationId, organizationId),
        inArray(roleAssignments.personId, [...personIds]),
        lte(roleAssignments.startsOn, today),
        or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
      ),
    );
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r.role]);
  return byPerson;
}

/** What the actor may do to each listed account (アカウント一覧: the page offers only these). */
export async function abilitiesOnAccounts(tx: Tx, actor: Actor, rows: readonly { id: string; personId: string }[], today: string): Promise<Map<string, AccountAction[]>> {
  const roles = await rolesOfPeople(
    tx,
    actor.organizationId,
    rows.map((r) => r.personId),
    today,
  );
  return new Map(rows.map((r) => [r.id, accountAbilities(actor, { accountId: r.id, roles: roles.get(r.personId) ?? [] })]));
}

const resetNotice = (what: string, actor: Actor, now: Date) => ({
  kind: 'account_reset',
  title: `あなたのアカウントの${what}が再設定されました`,
  body: `${actor.personName}さんが${now.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}に、あなたのアカウントの${what}を再設定しました。心当たりがない場合は、すぐに個人情報保護管理者または情報セキュリティ責任者に連絡してください。`,
  // Urgent: e-mailed as well by the notification e-mail job (reminders.ts), so the holder hears of it even before signing in.
  urgent: true,
});

/**
 * 無効化・ロック解除・二要素認証リセット・パスワード再設定. Resets and (re-)enabling follow
 * the privilege ordering (403 with the reason in Japanese, nothing written); unlocking is open
 * to every `accounts.manage` holder. A reset ends the account's sessions and is told to its
 * holder in the app and by e-mail (issue 11 #2).
 */
export async function updateAccount(tx: Tx, actor: Actor, id: string, input: z.infer<typeof accountUpdateBody>, today: string, now: Date): Promise<void> {
  const [target] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.organizationId, actor.organizationId), eq(accounts.id, id)));
  if (!target) throw notFound('アカウント');
  if (input.disabled !== undefined || input.newPassword || input.resetTotp) {
    const roles = (await rolesOfPeople(tx, actor.organizationId, [target.personId], today)).get(target.personId) ?? [];
    const refusal = accountResetRefusal(actor, { accountId: target.id, roles });
    if (refusal) throw forbidden(refusal);
  }
  const patch: Partial<typeof accounts.$inferInsert> = { updatedAt: now };
  if (input.disabled !== undefined) patch.disabledAt = input.disabled ? now : null;
  if (input.unlock) Object.assign(patch, { lockedUntil: null, failedLoginCount: 0 });
  if (input.resetTotp) Object.assign(patch, { totpEnabled: false, totpSecret: null, totpLastStep: null });
  if (input.newPassword) Object.assign(patch, { previousPasswordHash: target.passwordHash, passwordHash: await hashPassword(input.newPassword), passwordChangedAt: now });
  await tx.update(accounts).set(patch).where(eq(accounts.id, id));
  if (input.disabled || input.newPassword || input.resetTotp) await endAccountSessions(tx, id);
  if (input.newPassword) await notifyAccounts(tx, actor.organizationId, [id], resetNotice('パスワード', actor, now));
  if (input.resetTotp) await notifyAccounts(tx, actor.organizationId, [id], resetNotice('二要素認証', actor, now));
}

/**
 * アカウントの作成 sets the initial password of a person's login: for a person holding a
 * permission the actor lacks, or a 個人情報保護管理者 / トップマネジメント, that is a takeover
 * like a reset, so the same ordering applies (issue 11 #2).
 */
export async function assertMayCreateAccountFor(tx: Tx, actor: Actor, personId: string, today: string): Promise<void> {
  const roles = (await rolesOfPeople(tx, actor.organizationId, [personId], today)).get(personId) ?? [];
  const refusal = accountResetRefusal(actor, { accountId: '', roles }, '作成（初期パスワードの設定）');
  if (refusal) throw forbidden(refusal);
}

/** A role given or taken: whose, and which. */
export type RoleChange = { personId: string; role: PmsRole };

/** The person and role of a stored 役割の割当て (none when the id is not this organization's: the service then answers 404). */
export async function roleChangeOf(tx: Tx, organizationId: string, assignmentId: string): Promise<RoleChange[]> {
  return tx
    .select({ personId: roleAssignments.personId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.organizationId, organizationId), eq(roleAssignments.id, assignmentId)));
}

/**
 * 役割の割当て follows the privilege ordering too (issue 11 #2, auth/accountPrivilege.ts): nobody
 * changes the roles of a person holding a permission they lack, or gives or takes a role giving one.
 */
export async function assertMayChangeRoles(tx: Tx, actor: Actor, changes: readonly RoleChange[], today: string): Promise<void> {
  const roles = await rolesOfPeople(
    tx,
    actor.organizationId,
    changes.map((c) => c.personId),
    today,
  );
  for (const change of changes) {
    const refusal = roleChangeRefusal(actor, { personId: change.personId, currentRoles: roles.get(change.personId) ?? [], role: change.role });
    if (refusal) throw forbidden(refusal);
  }
}
