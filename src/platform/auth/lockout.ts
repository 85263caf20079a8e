import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/connection.ts';
import { asSystem, rowsOf } from '../db/tenancy.ts';
import { HttpError } from '../http/errors.ts';

/** Failed attempts before the account is locked, and for how long (SPEC §9 ログイン失敗の制限). */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

/** 423 with the Japanese message every locked path shows. */
export const lockedError = () => new HttpError(423, `ログインの失敗が続いたため、アカウントをロックしています。${LOCK_MINUTES}分後に再度お試しください`, 'locked');

/**
 * One attempt's place in the account's count of failures: `lockedNow` when it is the last one
 * allowed (the account is locked from this attempt on, and a success lifts the lock again).
 */
export type AttemptClaim = { lockedNow: boolean };

/**
 * Counts an attempt (a password at login or at パスワード変更, a TOTP code) before it is
 * checked, in one UPDATE … RETURNING (issue 11 #1: a read-check-write let parallel attempts
 * overwrite each other's count, so six wrong passwords at once locked nothing). The row lock of
 * the UPDATE orders concurrent attempts on PGlite and PostgreSQL alike: the fifth locks the
 * account, and any attempt after it is refused here, unchecked. So at most five secrets are
 * ever tried per lock period, however many requests arrive together. A lock whose time has
 * passed starts the count again from this attempt. Returns null when the account is locked.
 */
export async function claimAttempt(tx: Tx, accountId: string, now: Date): Promise<AttemptClaim | null> {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  // Every SET expression reads the row as it was before this statement.
  const result = await tx.execute<{ locked_now: boolean }>(sql`
    update accounts set
      failed_login_count = case when locked_until is not null then 1 else failed_login_count + 1 end,
      locked_until = case when (case when locked_until is not null then 1 else failed_login_count + 1 end) >= ${MAX_FAILED_ATTEMPTS}
        then ${lockUntil.toISOString()}::timestamptz else null end
    where id = ${accountId} and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
    returning locked_until is not null as locked_now`);
  const row = rowsOf<{ locked_now: boolean }>(result)[0];
  return row ? { lockedNow: row.locked_now } : null;
}

/**
 * The account's owner is fully signed in (password, and the second factor where it is on): the
 * count starts again and any lock this attempt set is lifted.
 */
export async function clearFailures(tx: Tx, accountId: string): Promise<void> {
  await tx.execute(sql`update accounts set failed_login_count = 0, locked_until = null where id = ${accountId}`);
}

/**
 * The password was right but the second factor is still to come: this attempt no longer counts
 * as a failure, while the failures before it still do (a password alone never resets the count,
 * or each new login would give TOTP guesses a fresh five). A lock this very attempt set is
 * lifted; one set by a later attempt stays.
 */
export async function withdrawAttempt(tx: Tx, accountId: string, claim: AttemptClaim): Promise<void> {
  if (claim.lockedNow) await tx.execute(sql`update accounts set failed_login_count = greatest(failed_login_count - 1, 0), locked_until = null where id = ${accountId}`);
  else await tx.execute(sql`update accounts set failed_login_count = greatest(failed_login_count - 1, 0) where id = ${accountId}`);
}

/**
 * Claims an attempt in a transaction of its own, committed before the secret is checked: a
 * failure must stay counted although the request's own transaction rolls back on the error it
 * answers with. Throws 423 when the account is locked.
 */
export async function claimAttemptCommitted(database: Database, accountId: string, now: Date, actor: { ip: string | null }): Promise<AttemptClaim> {
  const claim = await asSystem(database, (tx) => claimAttempt(tx, accountId, now), { accountId, ip: actor.ip });
  if (!claim) throw lockedError();
  return claim;
}
