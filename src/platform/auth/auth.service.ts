import { and, eq, isNull, lt, or } from 'drizzle-orm';
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
import { claimAttempt, claimAttemptCommitted, clearFailures, lockedError } from './lockout.ts';
import { endAccountSessions, endSession } from './sessions.ts';
import { matchTotp, newTotpSecret } from './totp.ts';

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
 * 確認コードの入力: completes a half-signed-in session with the account's TOTP code. Issue 11 #9:
 * each code counts as an attempt with the passwords (one counter, one lockout: lockout.ts), and a
 * code of a step already accepted is refused (RFC 6238 §5.2). Once the account locks, the
 * half-signed-in session ends: signing in again needs the password after the lock. Wrong codes
 * are recorded as failed logins (SPEC §3 audit trail).
 */
export async function verifySecondFactor(database: Database, session: ResolvedSession, code: string, ip: string | null, now: Date): Promise<void> {
  const [account] = await asSystem(database, (tx) => tx.select().from(accounts).where(eq(accounts.id, session.accountId)));
  if (!account?.totpEnabled || !account.totpSecret) throw invalid('code', '二要素認証が設定されていません');
  const failed = async (reason: string, end: boolean) =>
    asSystem(
      database,
      async (tx) => {
        if (end) await endSession(tx, session.sessionId);
        await recordAuditEvent(tx, {
          organizationId: session.organizationId,
          action: 'login_failed',
          entityType: 'accounts',
          entityId: session.accountId,
          actorAccountId: session.accountId,
          meta: { reason, ip },
        });
      },
      { accountId: session.accountId, ip },
    );
  const claim = await asSystem(database, (tx) => claimAttempt(tx, account.id, now), { accountId: account.id, ip });
  if (!claim) {
    await failed('locked', true);
    throw lockedError();
  }
  const match = await matchTotp(account.totpSecret, code);
  // Accepted only if no code of this step or a later one was (one statement, so two requests
  // with the same code cannot both pass).
  const accepted =
    match &&
    (await asSystem(database, async (tx) => {
      const updated = await tx
        .update(accounts)
        .set({ totpLastStep: match.timeStep })
        .where(and(eq(accounts.id, account.id), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, match.timeStep))))
        .returning({ id: accounts.id });
      if (updated.length === 0) return false;
      await clearFailures(tx, account.id);
      await tx.update(sessions).set({ secondFactorDone: true }).where(eq(sessions.id, session.sessionId));
      return true;
    }));
  if (accepted) return;
  await failed(match ? 'reused_totp' : 'bad_totp', claim.lockedNow);
  if (claim.lockedNow) throw lockedError();
  throw match
    ? invalid('code', '既に使われた確認コードです。認証アプリに次のコードが表示されてから入力してください', 'totp_reused')
    : invalid('code', '確認コードが正しくありません');
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
    const match = await matchTotp(account.totpSecret, code);
    if (!match) throw invalid('code', '確認コードが正しくありません');
    // The code used here is spent: it cannot sign in afterwards (issue 11 #9, RFC 6238 §5.2).
    await tx.update(accounts).set({ totpEnabled: true, totpLastStep: match.timeStep }).where(eq(accounts.id, session.accountId));
  });
}

/**
 * パスワード変更: checks the current password, refuses the previous one (SPEC §9: the previous
 * password may not be reused), and ends every session of the account. Issue 11 #10: a wrong
 * current password counts with failed logins (one counter, one lockout: lockout.ts) — claimed
 * and committed before the check, since this transaction rolls back on the error — and a
 * locked account cannot change its password either.
 */
export async function changePassword(database: Database, scope: Scope, input: z.output<typeof changePasswordBody>, now: Date): Promise<void> {
  const accountId = scope.actorAccountId ?? '';
  const claim = await claimAttemptCommitted(database, accountId, now, { ip: scope.ip ?? null });
  const [account] = await inOrg(database, scope, (tx) => tx.select().from(accounts).where(eq(accounts.id, accountId)));
  if (!account) throw new HttpError(404, 'アカウントが見つかりません', 'not_found');
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    if (claim.lockedNow) throw lockedError();
    throw invalid('currentPassword', '現在のパスワードが正しくありません');
  }
  // The right current password: the attempt is not a failure, whatever the new password's fate.
  await asSystem(database, (tx) => clearFailures(tx, account.id), { accountId: account.id, ip: scope.ip ?? null });
  if (
    (await verifyPassword(account.passwordHash, input.newPassword)) ||
    (account.previousPasswordHash && (await verifyPassword(account.previousPasswordHash, input.newPassword)))
  ) {
    throw invalid('newPassword', '以前と同じパスワードは使用できません');
  }
  const newHash = await hashPassword(input.newPassword);
  await inOrg(database, scope, async (tx) => {
    // Only over the password that was checked: a change in between (another session) wins.
    const changed = await tx
      .update(accounts)
      .set({ previousPasswordHash: account.passwordHash, passwordHash: newHash, passwordChangedAt: now })
      .where(and(eq(accounts.id, account.id), eq(accounts.passwordHash, account.passwordHash)))
      .returning({ id: accounts.id });
    if (changed.length === 0) throw invalid('currentPassword', '現在のパスワードが正しくありません');
    await endAccountSessions(tx, account.id);
  });
}
