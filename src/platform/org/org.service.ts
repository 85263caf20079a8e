import type { ImportExtra } from '../imports/extras.ts';
import { and, asc, count, eq, gte, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { accounts } from '../auth/auth.tables.ts';
import { hashPassword } from '../auth/hashing.ts';
import { endAccountSessions, endSessionsOfAccounts } from '../auth/sessions.ts';
import type { Tx } from '../db/connection.ts';
import { containsPattern } from '../db/likePattern.ts';
import { updateMany } from '../db/updateMany.ts';
import { type Bind, inlineValues, placeholders, runPrepared } from '../db/preparedQueries.ts';
import { HttpError, conflict, invalid, notFound } from '../http/errors.ts';
import { checkRoleAssignment } from '../../rules/separationOfDuties.ts';
import { departments, organizations, people, roleAssignments } from './org.tables.ts';
import type { accountCreateBody, departmentBody, organizationBody, organizationSettingsSchema, peopleQuery, personBody, roleAssignmentBody } from './org.schema.ts';

// Business functions of the organization model (SPEC §2). Each takes the tenant transaction
// first; RLS already confines it to the actor's organization, and each also filters by
// organization_id explicitly (two walls).

export async function getOrganization(tx: Tx, organizationId: string) {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!org) throw notFound('組織');
  return org;
}

export async function updateOrganization(tx: Tx, organizationId: string, input: z.infer<typeof organizationBody>) {
  const [org] = await tx
    .update(organizations)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(organizations.id, organizationId))
    .returning();
  if (!org) throw notFound('組織');
  return org;
}

export async function updateOrganizationSettings(tx: Tx, organizationId: string, input: z.infer<typeof organizationSettingsSchema>) {
  // Merged into the stored settings: a field the request leaves out (dateStyle) keeps its value.
  const [org] = await tx
    .update(organizations)
    .set({ settings: sql`${organizations.settings} || ${JSON.stringify(input)}::jsonb`, updatedAt: new Date() })
    .where(eq(organizations.id, organizationId))
    .returning();
  if (!org) throw notFound('組織');
  return org;
}

// ---- 所属 (departments) ----

/** The heads (所属長) in force on `today`, of one department or of all. */
async function departmentHeads(tx: Tx, organizationId: string, today: string, departmentId?: string) {
  return tx
    .select({ departmentId: roleAssignments.departmentId, personId: people.id, name: people.name })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.organizationId, organizationId),
        eq(roleAssignments.role, 'department_head'),
        departmentId ? eq(roleAssignments.departmentId, departmentId) : undefined,
        lte(roleAssignments.startsOn, today),
        or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
      ),
    );
}

type HeadRow = Awaited<ReturnType<typeof departmentHeads>>[number];
const withHeads = (d: typeof departments.$inferSelect, heads: HeadRow[]) => ({
  ...d,
  heads: heads.filter((h) => h.departmentId === d.id).map((h) => ({ personId: h.personId, name: h.name })),
});

export async function listDepartments(tx: Tx, organizationId: string, today: string) {
  const rows = await tx.select().from(departments).where(eq(departments.organizationId, organizationId)).orderBy(asc(departments.sortOrder), asc(departments.name));
  const heads = await departmentHeads(tx, organizationId, today);
  return rows.map((d) => withHeads(d, heads));
}

/** One department with its heads in force on `today` (what a save answers with). */
export async function getDepartment(tx: Tx, organizationId: string, id: string, today: string) {
  return withHeads(await requireDepartment(tx, organizationId, id), await departmentHeads(tx, organizationId, today, id));
}

async function requireDepartment(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, id)));
  if (!row) throw notFound('所属');
  return row;
}

async function requirePerson(tx: Tx, organizationId: string, id: string, field = 'personId') {
  const [row] = await tx
    .select()
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.id, id)));
  if (!row) throw invalid(field, '指定された従業者が見つかりません');
  return row;
}

/** Refuses a parent that is the department itself or one of its descendants (the tree stays a tree). */
async function assertNoCycle(tx: Tx, organizationId: string, id: string, parentId: string | null) {
  let current = parentId;
  for (let depth = 0; current && depth < 100; depth++) {
    if (current === id) throw invalid('parentId', '上位所属に自分自身または配下の所属は指定できません');
    const parent = await requireDepartment(tx, organizationId, current);
    current = parent.parentId;
  }
}

/** Sets the department's head (所属長) from `today`: ends the previous head's assignment. */
async function setDepartmentHead(tx: Tx, organizationId: string, departmentId: string, personId: string | null, today: string) {
  const current = await tx
    .select()
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.organizationId, organizationId),
        eq(roleAssignments.role, 'department_head'),
        eq(roleAssignments.departmentId, departmentId),
        or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
      ),
    );
  if (personId && current.some((a) => a.personId === personId)) return;
  const yesterday = new Date(`${today}T00:00:00Z`);
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  for (const a of current) {
    const endsOn = a.startsOn >= today ? a.startsOn : yesterday.toISOString().slice(0, 10);
    if (a.startsOn >= today) await tx.delete(roleAssignments).where(eq(roleAssignments.id, a.id));
    else await tx.update(roleAssignments).set({ endsOn, updatedAt: new Date() }).where(eq(roleAssignments.id, a.id));
  }
  if (personId) {
    await requirePerson(tx, organizationId, personId, 'headPersonId');
    await tx.insert(roleAssignments).values({ organizationId, personId, role: 'department_head', departmentId, startsOn: today });
  }
}

export async function createDepartment(tx: Tx, organizationId: string, input: z.infer<typeof departmentBody>, today: string) {
  if (input.parentId) await requireDepartment(tx, organizationId, input.parentId).catch(() => Promise.reject(invalid('parentId', '上位所属が見つかりません')));
  const { headPersonId, ...values } = input;
  const [row] = await tx
    .insert(departments)
    .values({ ...values, organizationId })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  if (headPersonId) await setDepartmentHead(tx, organizationId, row.id, headPersonId, today);
  return getDepartment(tx, organizationId, row.id, today);
}

export async function updateDepartment(tx: Tx, organizationId: string, id: string, input: z.infer<typeof departmentBody>, today: string) {
  await requireDepartment(tx, organizationId, id);
  await assertNoCycle(tx, organizationId, id, input.parentId);
  const { headPersonId, ...values } = input;
  await tx
    .update(departments)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, id)));
  await setDepartmentHead(tx, organizationId, id, headPersonId, today);
  return getDepartment(tx, organizationId, id, today);
}

export async function deleteDepartment(tx: Tx, organizationId: string, id: string) {
  await requireDepartment(tx, organizationId, id);
  const [children] = await tx
    .select({ n: count() })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.parentId, id)));
  const [members] = await tx
    .select({ n: count() })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.departmentId, id)));
  if ((children?.n ?? 0) > 0 || (members?.n ?? 0) > 0) throw conflict('配下の所属または所属する従業者がいるため削除できません', 'department_in_use');
  await tx.delete(roleAssignments).where(and(eq(roleAssignments.organizationId, organizationId), eq(roleAssignments.departmentId, id)));
  await tx.delete(departments).where(and(eq(departments.organizationId, organizationId), eq(departments.id, id)));
}

// ---- 従業者 (people) ----

/** The values of a 従業者 list query (written in, or placeholders of a prepared query). */
type PeopleListValues = {
  organizationId: string;
  departmentId: string | null;
  employmentType: string | null;
  today: string;
  pattern: string | null;
  limit: number;
  offset: number;
};
type PeopleFilterQuery = Pick<z.infer<typeof peopleQuery>, 'q' | 'departmentId' | 'employmentType' | 'status'>;

/**
 * Builds the filter of the people list; the same conditions serve the list, the export and the
 * bench. `bind` turns the values into placeholders for the prepared list query.
 */
export function peopleFilter(organizationId: string, query: PeopleFilterQuery, today: string, bind: Bind<PeopleListValues> = inlineValues()): SQL {
  const conditions: (SQL | undefined)[] = [eq(people.organizationId, bind('organizationId', organizationId))];
  if (query.departmentId) conditions.push(eq(people.departmentId, bind('departmentId', query.departmentId)));
  if (query.employmentType) conditions.push(eq(people.employmentType, bind('employmentType', query.employmentType)));
  if (query.status === 'active') conditions.push(or(isNull(people.leftOn), sql`${people.leftOn} > ${bind('today', today)}`));
  if (query.status === 'left') conditions.push(and(isNotNull(people.leftOn), sql`${people.leftOn} <= ${bind('today', today)}`));
  if (query.q) {
    const pattern = bind('pattern', containsPattern(query.q));
    conditions.push(or(ilike(people.name, pattern), ilike(people.nameKana, pattern), ilike(people.employeeNumber, pattern)));
  }
  return and(...conditions) as SQL;
}

/** The list's queries, built with placeholders: the page with the total, and the total alone. */
function peopleListQueries(tx: Tx, query: PeopleFilterQuery) {
  // Built with placeholders: the values given here ('') are never used.
  const where = peopleFilter('', query, '', placeholders());
  return {
    page: tx
      .select({
        id: people.id,
        name: people.name,
        nameKana: people.nameKana,
        employeeNumber: people.employeeNumber,
        employmentType: people.employmentType,
        departmentId: people.departmentId,
        departmentName: departments.name,
        joinedOn: people.joinedOn,
        leftOn: people.leftOn,
        hasAccount: sql<boolean>`exists (select 1 from accounts a where a.organization_id = ${people.organizationId} and a.person_id = ${people.id})`,
        // The total comes with the page (one round trip) from an uncorrelated subquery, which
        // PostgreSQL counts once; a window count would make it evaluate every column above for every
        // matching row before the sort (measured in bench/: 1,000 rows per page of 50).
        // An empty page falls back to a count.
        total: sql<number>`(select count(*) from ${people} where ${where})`.mapWith(Number),
      })
      .from(people)
      .leftJoin(departments, eq(departments.id, people.departmentId))
      .where(where)
      // Japanese lists sort by reading (カナ), not by kanji code point; people without a reading last.
      .orderBy(sql`${people.nameKana} asc nulls last`, asc(people.name), asc(people.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset')),
    total: tx.select({ n: count() }).from(people).where(where),
  };
}

/**
 * 従業者一覧: paged, without contact details (those are read one record at a time, audited).
 * Its queries are prepared once per database handle and shape (runPrepared, as the 台帳 list).
 */
export async function listPeople(tx: Tx, organizationId: string, query: z.infer<typeof peopleQuery>, today: string) {
  const values: PeopleListValues = {
    organizationId,
    departmentId: query.departmentId ?? null,
    employmentType: query.employmentType ?? null,
    today,
    pattern: query.q ? containsPattern(query.q) : null,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
  const shape = JSON.stringify([Boolean(query.departmentId), Boolean(query.employmentType), query.status, Boolean(query.q)]);
  const items = await runPrepared(tx, `people.list.page ${shape}`, () => peopleListQueries(tx, query).page, values);
  const total = items[0]?.total ?? (query.page > 1 ? ((await runPrepared(tx, `people.list.total ${shape}`, () => peopleListQueries(tx, query).total, values))[0]?.n ?? 0) : 0);
  return { items: items.map(({ total: _total, ...item }) => item), total, page: query.page, pageSize: query.pageSize };
}

/** A page of the 従業者 list, and one of its rows. */
export type PeoplePage = Awaited<ReturnType<typeof listPeople>>;
export type PersonListRow = PeoplePage['items'][number];

export async function getPerson(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.id, id)));
  if (!row) throw notFound('従業者');
  return row;
}

async function assertDepartmentOf(tx: Tx, organizationId: string, departmentId: string | null) {
  if (!departmentId) return;
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, departmentId)));
  if (!row) throw invalid('departmentId', '指定された所属が見つかりません');
}

/**
 * J.9.2 c) 7) ③: a person whose leaving date has come loses access at once — the account is
 * disabled and every session ends in the same transaction.
 */
async function applyLeaving(tx: Tx, organizationId: string, personId: string, leftOn: string | null, today: string) {
  if (!leftOn || leftOn > today) return;
  const owned = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.organizationId, organizationId), eq(accounts.personId, personId), isNull(accounts.disabledAt)));
  for (const a of owned) {
    await tx.update(accounts).set({ disabledAt: new Date(), updatedAt: new Date() }).where(eq(accounts.id, a.id));
    await endAccountSessions(tx, a.id);
  }
}

export async function createPerson(tx: Tx, organizationId: string, input: z.infer<typeof personBody>, today: string) {
  await assertDepartmentOf(tx, organizationId, input.departmentId);
  const [row] = await tx
    .insert(people)
    .values({ ...input, organizationId })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await applyLeaving(tx, organizationId, row.id, row.leftOn, today);
  return row;
}

/** People written by one multi-row INSERT (the import of a roster, issue #12 Scale). */
export const PEOPLE_BATCH_ROWS = 500;

/**
 * Adds many people at once (従業者の取込, with the 備考 and 取込時の追加情報 the file gives): one multi-row INSERT per {@link PEOPLE_BATCH_ROWS},
 * `onBatch` told the number written so far. Each department must be checked by the caller (the
 * import resolves them against the organization's list). A new person has no account yet, so there
 * is nothing for a 退職日 to disable (J.9.2 c) 7) ③ is applied when an existing person leaves).
 */
export async function createPeople(
  tx: Tx,
  organizationId: string,
  inputs: readonly (z.infer<typeof personBody> & { note?: string | null; importExtras?: ImportExtra[] | null })[],
  onBatch: (written: number) => void = () => {},
) {
  let written = 0;
  for (let start = 0; start < inputs.length; start += PEOPLE_BATCH_ROWS) {
    const batch = inputs.slice(start, start + PEOPLE_BATCH_ROWS);
    await tx.insert(people).values(batch.map((input) => ({ ...input, organizationId })));
    written += batch.length;
    onBatch(written);
  }
}

/**
 * Updates a person. An editor who may not read contact details never sees them, so their form
 * cannot carry them: `keepContact` keeps the stored e-mail and phone instead of erasing them.
 */
export async function updatePerson(tx: Tx, organizationId: string, id: string, input: z.infer<typeof personBody>, today: string, options: { keepContact?: boolean } = {}) {
  await getPerson(tx, organizationId, id);
  await assertDepartmentOf(tx, organizationId, input.departmentId);
  const { email, phone, ...rest } = input;
  const values = options.keepContact ? rest : { ...rest, email, phone };
  const [row] = await tx
    .update(people)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(people.organizationId, organizationId), eq(people.id, id)))
    .returning();
  if (!row) throw notFound('従業者');
  await applyLeaving(tx, organizationId, id, row.leftOn, today);
  return row;
}

/** A person changed by the import: the form's input, and what the import adds (備考, 取込時の追加情報). */
export type PersonChange = { id: string; input: z.infer<typeof personBody>; imported?: { note?: string | null; importExtras?: ImportExtra[] | null } };

/**
 * Changes many people at once (従業者の取込 of a roster matching existing people, issue #12 Scale):
 * the form's rules for each — the person and the 所属 the organization's (one query each for the
 * batch), a 退職日 come disables the account and ends its sessions at once (J.9.2 c) 7) ③) — with
 * one UPDATE per batch (`updateMany`; the audit trigger still records each person changed).
 */
export async function updatePeople(tx: Tx, organizationId: string, changes: readonly PersonChange[], today: string): Promise<void> {
  if (changes.length === 0) return;
  const ids = [...new Set(changes.map((c) => c.id))];
  const found = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, ids)));
  if (found.length !== ids.length) throw notFound('従業者');
  const departmentIds = [...new Set(changes.flatMap((c) => (c.input.departmentId ? [c.input.departmentId] : [])))];
  if (departmentIds.length > 0) {
    const known = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.organizationId, organizationId), inArray(departments.id, departmentIds)));
    if (known.length !== departmentIds.length) throw invalid('departmentId', '指定された所属が見つかりません');
  }
  await updateMany(
    tx,
    people,
    organizationId,
    changes.map((c) => ({ id: c.id, set: { ...c.input, ...c.imported } })),
    { common: { updatedAt: new Date() } },
  );
  await applyLeavingOf(
    tx,
    organizationId,
    changes.filter((c) => c.input.leftOn && c.input.leftOn <= today).map((c) => c.id),
  );
}

/** J.9.2 c) 7) ③ for many people whose 退職日 has come: their accounts disabled and their sessions ended, one statement each. */
async function applyLeavingOf(tx: Tx, organizationId: string, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  const disabled = await tx
    .update(accounts)
    .set({ disabledAt: new Date(), updatedAt: new Date() })
    .where(and(eq(accounts.organizationId, organizationId), inArray(accounts.personId, [...personIds]), isNull(accounts.disabledAt)))
    .returning({ id: accounts.id });
  await endSessionsOfAccounts(
    tx,
    disabled.map((a) => a.id),
  );
}

// ---- 役割の割当て (role assignments) ----

export async function listRoleAssignments(tx: Tx, organizationId: string) {
  return tx
    .select({
      id: roleAssignments.id,
      personId: roleAssignments.personId,
      personName: people.name,
      role: roleAssignments.role,
      departmentId: roleAssignments.departmentId,
      departmentName: departments.name,
      startsOn: roleAssignments.startsOn,
      endsOn: roleAssignments.endsOn,
      note: roleAssignments.note,
    })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .leftJoin(departments, eq(departments.id, roleAssignments.departmentId))
    .where(eq(roleAssignments.organizationId, organizationId))
    .orderBy(asc(roleAssignments.role), asc(roleAssignments.startsOn));
}

export type RoleAssignmentListRow = Awaited<ReturnType<typeof listRoleAssignments>>[number];

/** Creates or updates an assignment after the separation-of-duty rules (J.2.3.2 留意事項). */
export async function saveRoleAssignment(tx: Tx, organizationId: string, input: z.infer<typeof roleAssignmentBody>, id?: string) {
  // The record itself first: another organization's id is "not found", whatever the body says.
  if (id) {
    const [current] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.organizationId, organizationId), eq(roleAssignments.id, id)));
    if (!current) throw notFound('役割の割当て');
  }
  await requirePerson(tx, organizationId, input.personId);
  await assertDepartmentOf(tx, organizationId, input.departmentId);
  if (['department_head', 'handling_manager', 'info_manager', 'protection_manager', 'protection_staff'].includes(input.role) && !input.departmentId) {
    throw invalid('departmentId', 'この役割には対象の所属を指定してください');
  }
  // Lock the person's assignments so two concurrent requests cannot both pass the check.
  await tx.execute(sql`select pg_advisory_xact_lock(727263, hashtext(${input.personId}))`);
  const existing = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.organizationId, organizationId), eq(roleAssignments.personId, input.personId)));
  const violation = checkRoleAssignment(input, existing, id);
  if (violation) throw invalid('role', violation.message, 'separation_of_duties');
  if (id) {
    const [row] = await tx
      .update(roleAssignments)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(roleAssignments.organizationId, organizationId), eq(roleAssignments.id, id)))
      .returning();
    if (!row) throw notFound('役割の割当て');
    return row;
  }
  const [row] = await tx
    .insert(roleAssignments)
    .values({ ...input, organizationId })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function deleteRoleAssignment(tx: Tx, organizationId: string, id: string) {
  const deleted = await tx
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.organizationId, organizationId), eq(roleAssignments.id, id)))
    .returning({ id: roleAssignments.id });
  if (deleted.length === 0) throw notFound('役割の割当て');
}

// ---- アカウント (accounts) ----

export async function listAccounts(tx: Tx, organizationId: string) {
  return tx
    .select({
      id: accounts.id,
      personId: accounts.personId,
      personName: people.name,
      loginId: accounts.loginId,
      totpEnabled: accounts.totpEnabled,
      disabledAt: accounts.disabledAt,
      lockedUntil: accounts.lockedUntil,
      lastLoginAt: accounts.lastLoginAt,
      leftOn: people.leftOn,
    })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(eq(accounts.organizationId, organizationId))
    .orderBy(asc(people.name));
}

export type AccountListRow = Awaited<ReturnType<typeof listAccounts>>[number];

export async function createAccount(tx: Tx, organizationId: string, input: z.infer<typeof accountCreateBody>, today: string) {
  const person = await requirePerson(tx, organizationId, input.personId);
  if (person.leftOn && person.leftOn <= today) throw invalid('personId', '退職済みの従業者にはアカウントを作成できません');
  // Login ids are unique across the deployment; say so on the field rather than as a bare 409.
  const taken = await tx.execute(sql`select mamori_login_taken(${input.loginId}) as taken`);
  if ((taken as unknown as { rows: { taken: boolean }[] }).rows[0]?.taken) {
    throw new HttpError(409, 'このログインIDは既に使われています', 'login_id_taken', [{ path: 'loginId', message: 'このログインIDは既に使われています' }]);
  }
  const [existing] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.organizationId, organizationId), eq(accounts.personId, input.personId)));
  if (existing) throw new HttpError(409, 'この従業者には既にアカウントがあります', 'account_exists', [{ path: 'personId', message: 'この従業者には既にアカウントがあります' }]);
  const [row] = await tx
    .insert(accounts)
    .values({ organizationId, personId: input.personId, loginId: input.loginId, passwordHash: await hashPassword(input.password) })
    .returning({ id: accounts.id, loginId: accounts.loginId });
  if (!row) throw new Error('insert returned nothing');
  return row;
}

// Resets, disabling and unlocking of accounts: accounts.service.ts (privilege ordering, issue 11 #2).
