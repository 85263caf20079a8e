import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAuditEvent } from '../audit/auditEvents.ts';
import type { Database } from '../db/connection.ts';
import { asSystem, inOrg, type Scope } from '../db/tenancy.ts';
import { HttpError, invalid } from '../http/errors.ts';
import { organizations } from '../org/org.tables.ts';
import type { changePasswordBody } from './auth.schema.ts';
import { accounts, sessions } from './auth.tables.ts';
import { hashPassword, verifyPassword } from './hashing.ts';
import type { ResolvedSession } from './login.ts';
import { endAccountSessions } from './sessions.ts';
import { checkTotp, newTotpSecret } from './totp.ts';

// The signed-in account's own security (SPEC §9): the second factor and the password. Login and
// logout themselves are in login.ts. A half-signed-in session (second factor pending) may only
// enter its code; setting up a second factor needs a session past it.

const signInFirst = () => new HttpError(401, 'ログインしてください', 'unauthorized');
const secondFactorFirst = () => new HttpError(401, '確認コード（二要素認証）を入力してください', 'totp_required');

/** The session of a route that requires one (the authorization hook has already checked it). */
export function requireSession(session: ResolvedSession | null): ResolvedSession {
  if (!session) throw signInFirst();
  return session;
}

/** The name of the session's organization (shown in the header). */
export async function organizationNameOf(database: Database, organizationId: string): Promise<string> {
  const [org] = await asSystem(database, (tx) => tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId)));
  return org?.name ?? '';
}

/**
 * 確認コードの入力: completes a half-signed-in session with the account's TOTP code. A wrong
 * code is recorded as a failed login (SPEC §3 audit trail) and refused.
 */
export async function verifySecondFactor(database: Database, session: ResolvedSession, code: string, ip: string | null): Promise<void> {
  const [account] = await asSystem(database, (tx) => tx.select().from(accounts).where(eq(accounts.id, session.accountId)));
  if (!account?.totpEnabled || !account.totpSecret) throw invalid('code', '二要素認証が設定されていません');
  if (!(await checkTotp(account.totpSecret, code))) {
    await asSystem(database, (tx) =>
      recordAuditEvent(tx, {
        organizationId: session.organizationId,
        action: 'login_failed',
        entityType: 'accounts',
        entityId: session.accountId,
        actorAccountId: session.accountId,
        meta: { reason: 'bad_totp', ip },
      }),
    );
    throw invalid('code', '確認コードが正しくありません');
  }
  await asSystem(database, (tx) => tx.update(sessions).set({ secondFactorDone: true }).where(eq(sessions.id, session.sessionId)));
}

/** The tenant scope of the session's own account (its writes are audited as its own). */
const ownScope = (session: ResolvedSession, ip: string | null): Scope => ({ organizationId: session.organizationId, actorAccountId: session.accountId, ip });

/** 二要素認証の設定開始: stores a new secret (not yet in force) and returns it with its URI. */
export async function startTotpSetup(database: Database, session: ResolvedSession, ip: string | null): Promise<{ secret: string; uri: string }> {
  if (!session.secondFactorDone) throw secondFactorFirst();
  const [account] = await asSystem(database, (tx) =>
    tx.select({ loginId: accounts.loginId, totpEnabled: accounts.totpEnabled }).from(accounts).where(eq(accounts.id, session.accountId)),
  );
  if (account?.totpEnabled) throw new HttpError(409, '二要素認証は既に有効です', 'totp_already_enabled');
  const fresh = newTotpSecret(account?.loginId ?? session.accountId);
  await inOrg(database, ownScope(session, ip), (tx) => tx.update(accounts).set({ totpSecret: fresh.secret }).where(eq(accounts.id, session.accountId)));
  return fresh;
}

/** 二要素認証の有効化: puts the stored secret in force once a code from it is entered. */
export async function enableTotp(database: Database, session: ResolvedSession, code: string, ip: string | null): Promise<void> {
  if (!session.secondFactorDone) throw secondFactorFirst();
  await inOrg(database, ownScope(session, ip), async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, session.accountId));
    if (!account?.totpSecret) throw invalid('code', '先に二要素認証の設定を開始してください');
    if (!(await checkTotp(account.totpSecret, code))) throw invalid('code', '確認コードが正しくありません');
    await tx.update(accounts).set({ totpEnabled: true }).where(eq(accounts.id, session.accountId));
  });
}

/**
 * パスワード変更: checks the current password, refuses the previous one (SPEC §9: the previous
 * password may not be reused), and ends every session of the account.
 */
export async function changePassword(database: Database, scope: Scope, input: z.output<typeof changePasswordBody>, now: Date): Promise<void> {
  await inOrg(database, scope, async (tx) => {
    const [account] = await tx
      .select()
      .from(accounts)
      .where(eq(accounts.id, scope.actorAccountId ?? ''));
    if (!account) throw new HttpError(404, 'アカウントが見つかりません', 'not_found');
    if (!(await verifyPassword(account.passwordHash, input.currentPassword))) throw invalid('currentPassword', '現在のパスワードが正しくありません');
    if (
      (await verifyPassword(account.passwordHash, input.newPassword)) ||
      (account.previousPasswordHash && (await verifyPassword(account.previousPasswordHash, input.newPassword)))
    ) {
      throw invalid('newPassword', '以前と同じパスワードは使用できません');
    }
    await tx
      .update(accounts)
      .set({ previousPasswordHash: account.passwordHash, passwordHash: await hashPassword(input.newPassword), passwordChangedAt: now })
      .where(eq(accounts.id, account.id));
    await endAccountSessions(tx, account.id);
  });
}
