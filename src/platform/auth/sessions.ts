import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { sessions } from './auth.tables.ts';

export const SESSION_COOKIE = 'mamori_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a server-side session; returns the cookie token (only its hash is stored). */
export async function createSession(
  tx: Tx,
  input: { organizationId: string; accountId: string; secondFactorDone: boolean; ip: string | null; userAgent: string | null },
  now: Date,
): Promise<{ token: string; csrfToken: string; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const [row] = await tx
    .insert(sessions)
    .values({ ...input, tokenHash: hashToken(token), csrfToken, createdAt: now, lastSeenAt: now })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return { token, csrfToken, sessionId: row.id };
}

export async function endSession(tx: Tx, sessionId: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every open session of an account (leaving, disabling, password reset). */
export async function endAccountSessions(tx: Tx, accountId: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt)));
}

/** Ends every open session of these accounts (one statement: many people leaving at once, J.9.2 c) 7) ③). */
export async function endSessionsOfAccounts(tx: Tx, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await tx
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(inArray(sessions.accountId, [...accountIds]), isNull(sessions.endedAt)));
}

/** Removes sessions ended or idle for a day (housekeeping job). */
export async function purgeOldSessions(tx: Tx, now: Date): Promise<void> {
  await tx.delete(sessions).where(lte(sessions.lastSeenAt, new Date(now.getTime() - 24 * 3600_000)));
}
