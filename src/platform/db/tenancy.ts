import { sql } from 'drizzle-orm';
import type { Database, Tx } from './connection.ts';
import { APP_ROLE } from './tenancySql.ts';

/** Who is acting and for which organization: set on every tenant transaction. */
export type Scope = {
  organizationId: string;
  /** The account acting; recorded by the audit triggers as the actor. */
  actorAccountId?: string | null;
  ip?: string | null;
};

/**
 * Runs `fn` in a transaction scoped to one organization: as the non-superuser role
 * `mamori_app`, with `app.organization_id` set, so row-level security hides every other
 * organization's rows even from a query that forgets its `where organization_id = …`.
 * Audit triggers read `app.actor_id` and `app.ip` from the same settings.
 */
export async function inOrg<T>(database: Database, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await enterOrg(tx, scope);
    return fn(tx);
  });
}

/**
 * Turns the rest of a transaction begun by {@link asSystem} into a tenant transaction (the role
 * `mamori_app` and the organization, as `inOrg` sets them): for the commands that create an
 * organization and then fill it, all or nothing in one transaction (`mamori demo`,
 * `mamori user create`; issue 11 #8).
 */
export async function enterOrg(tx: Tx, scope: Scope): Promise<void> {
  await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.organization_id', ${scope.organizationId}, true),
    set_config('app.actor_id', ${scope.actorAccountId ?? ''}, true), set_config('app.ip', ${scope.ip ?? ''}, true)`);
}

/**
 * Runs `fn` as the database owner, outside any tenant: only for the few paths that must find
 * the tenant first (login by login id, session lookup, the scheduler, CLI maintenance).
 * Writes made here are still audited by the triggers (the actor may be given).
 */
export async function asSystem<T>(database: Database, fn: (tx: Tx) => Promise<T>, actor?: { accountId?: string | null; ip?: string | null }): Promise<T> {
  return database.db.transaction(async (tx) => {
    if (actor) {
      await tx.execute(sql`select set_config('app.actor_id', ${actor.accountId ?? ''}, true), set_config('app.ip', ${actor.ip ?? ''}, true)`);
    }
    return fn(tx);
  });
}

/** Rows of a raw `tx.execute` result, for both drivers (both return `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Runs read-only work for one organization, for the hot list and search screens. On
 * PostgreSQL it runs on the tenant reader pool (`readAsTenant` in connection.ts): the same
 * role and row-level security as `inOrg`, but no transaction around it and the organization
 * set once per connection, so a one-query read costs one round trip. The connection is
 * read-only: a write — even an audit event — fails there, so work that records anything (a read
 * of a personal-data record is recorded, SPEC §3) must use `inOrg`. On PGlite it is a read-only
 * tenant transaction through one long-lived handle (so prepared queries are built once), with the
 * role, the organization and the read-only mode set in one statement. On both, the handle given
 * to `fn` fails if used after `fn` ends.
 * Statements see READ COMMITTED snapshots each, as they would inside a tenant transaction.
 */
export async function readInOrg<T>(database: Database, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // The handle is a plain drizzle database bound to one connection; the services take `Tx`
  // and only query through it (none of them rolls back or nests a transaction on a read).
  if (database.readAsTenant) return database.readAsTenant(scope.organizationId, (db) => fn(db as unknown as Tx));
  // A database without a reader: a tenant transaction made read-only, so a write fails here too.
  return inOrg(database, scope, async (tx) => {
    await tx.execute(sql`set transaction read only`);
    return fn(tx);
  });
}

/**
 * Runs `fn` with the database's own role (as `asSystem` runs), then returns to the tenant role, in
 * the same transaction: for the rare write a tenant transaction owes another organization — the
 * 委託元's approval of new criteria notifies its 委託先's people (issue #13), where row-level security
 * hides the 委託先's accounts and refuses its notification rows. A second transaction could neither
 * see the uncommitted rows nor roll back with them, and PGlite's one connection would wait on it.
 * A transaction already outside a tenant runs `fn` as is. Keep `fn` to the few statements that need it.
 */
export async function outsideTenant<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const [current] = rowsOf<{ role: string }>(await tx.execute(sql`select current_setting('role') as role`));
  if (current?.role !== APP_ROLE) return fn();
  await tx.execute(sql`select set_config('role', 'none', true)`);
  const back = () => tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    // Back to the tenant role if the transaction still runs (a caller may catch); an aborted
    // transaction refuses the statement, and the error that aborted it is the one to see.
    await back().catch(() => undefined);
    throw error;
  }
  await back();
  return result;
}
