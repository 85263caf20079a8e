import { todayInJapan } from '../../domain/time.ts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/auditEvents.ts';
import { SYSTEM_CHAIN } from '../audit/audit.tables.ts';
import type { Database, Tx } from '../db/connection.ts';
import { asSystem, rowsOf } from '../db/tenancy.ts';
import { HttpError } from '../http/errors.ts';
import { people } from '../org/org.tables.ts';
import { resolveSettings } from '../org/orgSettings.ts';
import type { HeldRole } from '../policies/actor.ts';
import { isAdministrator } from '../policies/actor.ts';
import { accounts, sessions } from './auth.tables.ts';
import { hashPassword, verifyPassword } from './hashing.ts';
import { claimAttempt, clearFailures, lockedError, withdrawAttempt } from './lockout.ts';
import { createSession, endSession } from './sessions.ts';

const badCredentials = () => new HttpError(401, 'ログインIDまたはパスワードが正しくありません', 'bad_credentials');

// A real hash to verify against when the login id is unknown, so both paths take the same time.
const dummyHash = hashPassword('Dummy-password-1!');

export type LoginResult = {
  token: string;
  csrfToken: string;
  needsTotp: boolean;
  mustEnrollTotp: boolean;
};

/** Active role assignments of a person on a date. */
export async function activeRoles(tx: Tx, personId: string, today: string): Promise<HeldRole[]> {
  const rows = await tx.execute<{ role: HeldRole['role']; department_id: string | null }>(sql`
    select role, department_id from role_assignments
    where person_id = ${personId} and starts_on <= ${today} and (ends_on is null or ends_on >= ${today})`);
  return rowsOf<{ role: HeldRole['role']; department_id: string | null }>(rows).map((r) => ({ role: r.role, departmentId: r.department_id }));
}

/**
 * ログイン: checks the password (argon2id), the lockout and the account state, records the
 * attempt in the audit trail either way, and opens a server-side session.
 */
export async function login(database: Database, input: { loginId: string; password: string; ip: string | null; userAgent: string | null }, now: Date): Promise<LoginResult> {
  const found = await asSystem(database, async (tx) => {
    const [row] = await tx
      .select({ account: accounts, leftOn: people.leftOn })
      .from(accounts)
      .innerJoin(people, eq(people.id, accounts.personId))
      .where(eq(accounts.loginId, input.loginId.trim().toLowerCase()))
      .limit(1);
    return row ?? null;
  });
  if (!found) {
    await verifyPassword(await dummyHash, input.password);
    await asSystem(database, (tx) =>
      recordAuditEvent(tx, {
        organizationId: SYSTEM_CHAIN,
        action: 'login_failed',
        entityType: 'accounts',
        meta: { loginId: input.loginId, reason: 'unknown_login', ip: input.ip },
      }),
    );
    throw badCredentials();
  }
  const { account } = found;
  const today = todayInJapan(now);
  const fail = async (reason: string) => {
    await asSystem(
      database,
      async (tx) => {
        await recordAuditEvent(tx, {
          organizationId: account.organizationId,
          action: 'login_failed',
          entityType: 'accounts',
          entityId: account.id,
          meta: { reason, ip: input.ip },
        });
      },
      { accountId: account.id, ip: input.ip },
    );
  };
  if (account.disabledAt || (found.leftOn && found.leftOn <= today)) {
    await fail('disabled');
    throw badCredentials();
  }
  // Issue 11 #1: the attempt is counted before the password is checked, in one statement, so
  // parallel attempts cannot overwrite each other's count (lockout.ts). A locked account is
  // refused here without checking the password at all.
  const claim = await asSystem(database, (tx) => claimAttempt(tx, account.id, now), { accountId: account.id, ip: input.ip });
  if (!claim) {
    await fail('locked');
    throw lockedError();
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await fail('bad_password');
    throw badCredentials();
  }
  return asSystem(
    database,
    async (tx) => {
      const roles = await activeRoles(tx, account.personId, today);
      const org = await tx.execute<{ settings: Record<string, unknown> }>(sql`select settings from organizations where id = ${account.organizationId}`);
      const settings = resolveSettings(rowsOf<{ settings: Record<string, unknown> }>(org)[0]?.settings);
      // With a second factor, the password alone does not reset the count (issue 11 #9: each
      // login would otherwise give TOTP guesses a fresh five); the code does, in auth.service.ts.
      if (account.totpEnabled) await withdrawAttempt(tx, account.id, claim);
      else await clearFailures(tx, account.id);
      await tx.update(accounts).set({ lastLoginAt: now }).where(eq(accounts.id, account.id));
      const session = await createSession(
        tx,
        {
          organizationId: account.organizationId,
          accountId: account.id,
          secondFactorDone: !account.totpEnabled,
          ip: input.ip,
          userAgent: input.userAgent,
        },
        now,
      );
      await recordAuditEvent(tx, {
        organizationId: account.organizationId,
        action: 'login',
        entityType: 'accounts',
        entityId: account.id,
        actorAccountId: account.id,
        meta: { ip: input.ip },
      });
      return {
        token: session.token,
        csrfToken: session.csrfToken,
        needsTotp: account.totpEnabled,
        mustEnrollTotp: !account.totpEnabled && settings.requireTotpForAdmins && isAdministrator(roles),
      };
    },
    { accountId: account.id, ip: input.ip },
  );
}

/** The session row behind a cookie token, with what request handling needs. */
export type ResolvedSession = {
  sessionId: string;
  csrfToken: string;
  secondFactorDone: boolean;
  lastSeenAt: Date;
  accountId: string;
  organizationId: string;
  personId: string;
  personName: string;
  departmentId: string | null;
  locale: string;
  totpEnabled: boolean;
  disabled: boolean;
  idleTimeoutMinutes: number;
  requireTotpForAdmins: boolean;
  roles: HeldRole[];
};

type SessionRow = {
  session_id: string;
  csrf_token: string;
  second_factor_done: boolean;
  last_seen_at: string | Date;
  account_id: string;
  organization_id: string;
  person_id: string;
  person_name: string;
  department_id: string | null;
  locale: string;
  totp_enabled: boolean;
  disabled: boolean;
  settings: Record<string, unknown>;
  roles: HeldRole[] | null;
};

/** Looks a session up by its cookie token's hash, with account, person, settings and active roles in one query. */
export async function resolveSession(database: Database, tokenHash: string, now: Date): Promise<ResolvedSession | null> {
  const today = todayInJapan(now);
  // One statement, outside a transaction: this runs on every request.
  const result = await database.db.execute<SessionRow>(sql`
    select s.id as session_id, s.csrf_token, s.second_factor_done, s.last_seen_at,
      a.id as account_id, a.organization_id, a.person_id, p.name as person_name, p.department_id, a.locale, a.totp_enabled,
      (a.disabled_at is not null or (p.left_on is not null and p.left_on <= ${today})) as disabled,
      o.settings,
      (select json_agg(json_build_object('role', r.role, 'departmentId', r.department_id)) from role_assignments r
        where r.person_id = p.id and r.starts_on <= ${today} and (r.ends_on is null or r.ends_on >= ${today})) as roles
    from sessions s
    join accounts a on a.id = s.account_id
    join people p on p.id = a.person_id
    join organizations o on o.id = a.organization_id
    where s.token_hash = ${tokenHash} and s.ended_at is null`);
  const row = rowsOf<SessionRow>(result)[0];
  if (!row) return null;
  const settings = resolveSettings(row.settings);
  return {
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    secondFactorDone: row.second_factor_done,
    lastSeenAt: new Date(row.last_seen_at),
    accountId: row.account_id,
    organizationId: row.organization_id,
    personId: row.person_id,
    personName: row.person_name,
    departmentId: row.department_id,
    locale: row.locale,
    totpEnabled: row.totp_enabled,
    disabled: row.disabled,
    idleTimeoutMinutes: settings.idleTimeoutMinutes,
    requireTotpForAdmins: settings.requireTotpForAdmins,
    roles: row.roles ?? [],
  };
}

/** Marks activity on the session (the caller throttles how often). */
export async function touchSession(database: Database, sessionId: string, now: Date): Promise<void> {
  await asSystem(database, (tx) =>
    tx
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt))),
  );
}

/** Ends a session and records why (logout, idle expiry: J.9.2 c) 13) in the audit trail, in one transaction. */
export async function endSessionAudited(
  database: Database,
  session: Pick<ResolvedSession, 'sessionId' | 'organizationId' | 'accountId'>,
  action: 'logout' | 'session_expired',
  ip: string | null,
): Promise<void> {
  await asSystem(
    database,
    async (tx) => {
      await endSession(tx, session.sessionId);
      await recordAuditEvent(tx, { organizationId: session.organizationId, action, entityType: 'sessions', entityId: session.sessionId, actorAccountId: session.accountId });
    },
    { accountId: session.accountId, ip },
  );
}
