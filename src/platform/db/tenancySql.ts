/**
 * The database-side walls, applied idempotently after the SQL migrations by `migrate()`:
 *
 * 1. Row-level security on every table with an `organization_id` column (and `organizations`
 *    itself): rows are visible only when `app.organization_id` names their organization. The
 *    application runs each request as the non-superuser role `mamori_app`, so RLS applies even
 *    to a query that forgets its scope (superusers would bypass it).
 * 2. Audit triggers: every INSERT/UPDATE/DELETE on a tenant table writes its before/after into
 *    `audit_log` in the same transaction, and `audit_log` numbers and hash-chains each row.
 *    Because the trigger is the writer, no code path can change a row without an audit row.
 */

export const APP_ROLE = 'mamori_app';
/**
 * The group role of the application's own login role on PostgreSQL (issue 11 #5): row access
 * to every organization (a policy, not BYPASSRLS, which only a superuser could grant) and
 * SELECT/INSERT/UPDATE/DELETE on the tables — no ownership, so it cannot ALTER a table, disable
 * a trigger or DROP anything, and only SELECT/INSERT on `audit_log`. The tables are owned by
 * the role that runs `mamori migrate`; docs/operations.md has the set-up.
 */
export const SYSTEM_ROLE = 'mamori_system';

/** Tables whose writes are not business records (sessions, delivery bookkeeping), and attachments' bytes (their `attachments` row is audited, with the file's SHA-256): no row audit. */
export const AUDIT_EXCLUDED_TABLES = ['audit_log', 'sessions', 'notifications', 'reminder_deliveries', 'attachment_contents'];

/**
 * Columns whose change alone is sign-in bookkeeping, not a change of the record: an UPDATE that
 * changes nothing else writes no row (issue 10: a login is one row in the audit log, not four —
 * the failure count claimed and released by lockout.ts, the last login time, the TOTP time-step).
 * Each sign-in is still recorded once, by its own event (`login`, `login_failed`), and a lock or
 * unlock (`locked_until`) is a change of the record and stays audited.
 */
export const AUDIT_BOOKKEEPING_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  accounts: ['failed_login_count', 'last_login_at', 'totp_last_step', 'updated_at'],
};

const bookkeepingCases = Object.entries(AUDIT_BOOKKEEPING_COLUMNS)
  .map(([table, columns]) => `WHEN '${table}' THEN ARRAY[${columns.map((c) => `'${c}'`).join(', ')}]`)
  .join(' ');

export const tenancyFunctionsSql = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${SYSTEM_ROLE}') THEN
    CREATE ROLE ${SYSTEM_ROLE} NOLOGIN;
  END IF;
  -- A role created with CREATEROLE is not a member of it (PostgreSQL 15; 16+ gives ADMIN only),
  -- so a single-role installation then failed on SET ROLE (issue 11 #8). Where this role may
  -- grant it (superuser, CREATEROLE, ADMIN), it joins; otherwise the set-up in
  -- docs/operations.md has the superuser grant it to the application's login role.
  IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
      NULL;
    END;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION mamori_current_org() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.organization_id', true), '')::uuid
$$;

-- Canonical text of an audit row; its SHA-256 is the row hash. The verifier (mamori audit verify)
-- recomputes the hash in Node from the same fields, so it does not trust this function.
CREATE OR REPLACE FUNCTION mamori_audit_canonical(a audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', a.prev_hash, a.chain_seq::text, a.organization_id::text, coalesce(a.actor_account_id::text, ''),
    a.action, a.entity_type, coalesce(a.entity_id, ''), coalesce(a.before::text, ''), coalesce(a.after::text, ''),
    coalesce(a.meta::text, ''), a.row_count::text,
    to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
$$;

CREATE OR REPLACE FUNCTION mamori_audit_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_prev text;
  v_seq bigint;
BEGIN
  -- One chain per organization; the advisory lock serializes appends to it across connections.
  PERFORM pg_advisory_xact_lock(727262, hashtext(NEW.organization_id::text));
  SELECT hash, chain_seq INTO v_prev, v_seq FROM audit_log
    WHERE organization_id = NEW.organization_id ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(v_seq, 0) + 1;
  NEW.prev_hash := coalesce(v_prev, '');
  NEW.created_at := date_trunc('microseconds', clock_timestamp());
  IF NEW.actor_account_id IS NULL THEN
    NEW.actor_account_id := nullif(current_setting('app.actor_id', true), '')::uuid;
  END IF;
  IF NEW.meta IS NULL AND nullif(current_setting('app.ip', true), '') IS NOT NULL THEN
    NEW.meta := jsonb_build_object('ip', current_setting('app.ip', true));
  END IF;
  NEW.hash := encode(sha256(convert_to(mamori_audit_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END $$;

-- Login ids are unique across organizations, which RLS hides from each other: this answers
-- only "is the id taken", so an account form can say so on the field.
CREATE OR REPLACE FUNCTION mamori_login_taken(p_login text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM accounts WHERE login_id = p_login)
$$;

CREATE OR REPLACE FUNCTION mamori_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '監査証跡は追記のみです（変更・削除はできません）' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION mamori_audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_before jsonb;
  v_after jsonb;
  v_row jsonb;
  v_org uuid;
BEGIN
  IF TG_OP <> 'INSERT' THEN v_before := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN v_after := to_jsonb(NEW); END IF;
  IF TG_OP = 'UPDATE' AND v_before = v_after THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' AND (v_before - (CASE TG_TABLE_NAME ${bookkeepingCases} ELSE ARRAY[]::text[] END)) = (v_after - (CASE TG_TABLE_NAME ${bookkeepingCases} ELSE ARRAY[]::text[] END)) THEN RETURN NULL; END IF;
  v_row := coalesce(v_after, v_before);
  v_org := coalesce(v_row->>'organization_id', CASE WHEN TG_TABLE_NAME = 'organizations' THEN v_row->>'id' END)::uuid;
  INSERT INTO audit_log (organization_id, chain_seq, action, entity_type, entity_id, before, after, created_at, prev_hash, hash)
  VALUES (v_org, 0, lower(TG_OP), TG_TABLE_NAME, v_row->>'id', v_before, v_after, now(), '', '');
  -- A record two organizations share (the 委託先 portal's exchanges): the other side's trail too.
  IF (v_row ? 'counterparty_organization_id') AND (v_row->>'counterparty_organization_id') IS NOT NULL
     AND (v_row->>'counterparty_organization_id')::uuid IS DISTINCT FROM v_org THEN
    INSERT INTO audit_log (organization_id, chain_seq, action, entity_type, entity_id, before, after, created_at, prev_hash, hash)
    VALUES ((v_row->>'counterparty_organization_id')::uuid, 0, lower(TG_OP), TG_TABLE_NAME, v_row->>'id', v_before, v_after, now(), '', '');
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS audit_log_chain ON audit_log;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION mamori_audit_chain();
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION mamori_audit_append_only();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION mamori_audit_append_only();

GRANT USAGE ON SCHEMA public TO ${APP_ROLE};

-- The application's login role (member of ${SYSTEM_ROLE}): rows, never the tables' structure.
GRANT USAGE ON SCHEMA public TO ${SYSTEM_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${SYSTEM_ROLE};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${SYSTEM_ROLE};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${SYSTEM_ROLE};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON mamori_meta FROM ${SYSTEM_ROLE};
DO $$ BEGIN
  -- The applied-migration list, so the application can tell that the schema is current.
  IF to_regclass('drizzle.__drizzle_migrations') IS NOT NULL THEN
    GRANT USAGE ON SCHEMA drizzle TO ${SYSTEM_ROLE};
    GRANT SELECT ON drizzle.__drizzle_migrations TO ${SYSTEM_ROLE};
  END IF;
END $$;
`;

/**
 * SQL that enables RLS, the tenant policy, grants and the audit trigger on one table. A table with
 * a `counterparty_organization_id` column (a record two organizations share: the 委託元's
 * exchange with its 委託先, issue #13) is visible to, and writable by, either organization —
 * never a third.
 */
export function tenantTableSql(table: string, tenantColumn: 'organization_id' | 'id', shared = false): string {
  const audited = !AUDIT_EXCLUDED_TABLES.includes(table);
  const grants = table === 'audit_log' ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
  const visible = shared ? `(${tenantColumn} = mamori_current_org() OR counterparty_organization_id = mamori_current_org())` : `(${tenantColumn} = mamori_current_org())`;
  return `
ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON "${table}";
CREATE POLICY tenant_isolation ON "${table}" TO ${APP_ROLE}
  USING ${visible} WITH CHECK ${visible};
GRANT ${grants} ON "${table}" TO ${APP_ROLE};
DROP POLICY IF EXISTS system_access ON "${table}";
CREATE POLICY system_access ON "${table}" TO ${SYSTEM_ROLE} USING (true) WITH CHECK (true);
${
  audited
    ? `DROP TRIGGER IF EXISTS audit_row ON "${table}";
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION mamori_audit_row();`
    : ''
}`;
}
