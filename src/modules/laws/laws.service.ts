import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { updateMany } from '../../platform/db/updateMany.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { ImportExtra } from '../../platform/imports/extras.ts';
import { people } from '../../platform/org/org.tables.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import type { lawListResponse, lawResponse } from './laws.responses.ts';
import type { LawInput, lawListQuery } from './laws.schema.ts';
import { laws } from './laws.tables.ts';

// 法令規範一覧 (J.1.3): register, change and approve the entries. Each function runs in the
// request's tenant transaction; the audit triggers record every change with the actor.

export type LawRow = typeof laws.$inferSelect;
type LawView = z.output<typeof lawResponse>;

/** The fields of an entry that its approval covers: a change to any of them makes it 未承認 again. */
const contentKeys = ['name', 'kind', 'issuer', 'number', 'lastAmendedOn', 'url', 'application', 'status', 'identifiedOn', 'note'] as const;

/** Escapes LIKE wildcards so a search for 「100%」 finds that text. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function rowsWithApprover(tx: Tx, where: SQL | undefined): Promise<{ law: LawRow; approverName: string | null }[]> {
  return tx
    .select({ law: laws, approverName: people.name })
    .from(laws)
    .leftJoin(people, eq(people.id, laws.approvedByPersonId))
    .where(where)
    .orderBy(asc(laws.kind), asc(laws.name));
}

/** An entry as the API presents it, with what the caller may do. */
export function presentLaw(actor: Actor, law: LawRow, approverName: string | null): LawView {
  const manage = can(actor, 'laws.manage');
  return {
    id: law.id,
    name: law.name,
    kind: law.kind,
    issuer: law.issuer,
    number: law.number,
    lastAmendedOn: law.lastAmendedOn,
    url: law.url,
    application: law.application,
    status: law.status,
    identifiedOn: law.identifiedOn,
    note: law.note,
    importExtras: law.importExtras ?? [],
    approval: law.approvedAt ? { approvedAt: law.approvedAt.toISOString(), approvedBy: approverName } : null,
    lastReviewedOn: law.lastReviewedOn,
    updatedAt: law.updatedAt.toISOString(),
    abilities: { edit: manage, approve: manage && law.approvedAt === null },
  };
}

/** 法令規範一覧 (J.1.3 b: every 従業者 of the organization reads it), by 種別 and 名称. */
export async function listLaws(tx: Tx, actor: Actor, query: z.output<typeof lawListQuery>): Promise<z.output<typeof lawListResponse>> {
  const filters: (SQL | undefined)[] = [eq(laws.organizationId, actor.organizationId)];
  if (query.status) filters.push(eq(laws.status, query.status));
  if (query.q) filters.push(or(ilike(laws.name, likeText(query.q)), ilike(laws.issuer, likeText(query.q)), ilike(laws.number, likeText(query.q))));
  const rows = await rowsWithApprover(tx, and(...filters));
  return { items: rows.map((r) => presentLaw(actor, r.law, r.approverName)), canManage: can(actor, 'laws.manage') };
}

/** One entry of the caller's organization (another organization's is 404). */
export async function getLaw(tx: Tx, actor: Actor, id: string): Promise<LawView> {
  const [row] = await rowsWithApprover(tx, and(eq(laws.organizationId, actor.organizationId), eq(laws.id, id)));
  if (!row) throw notFound('法令規範');
  return presentLaw(actor, row.law, row.approverName);
}

async function lockLaw(tx: Tx, organizationId: string, id: string): Promise<LawRow> {
  const [row] = await tx
    .select()
    .from(laws)
    .where(and(eq(laws.organizationId, organizationId), eq(laws.id, id)))
    .for('update');
  if (!row) throw notFound('法令規範');
  return row;
}

/** 法令規範の登録 (J.1.3 a): 未承認 until the 個人情報保護管理者 approves it. */
export async function createLaw(tx: Tx, actor: Actor, input: LawInput, now: Date): Promise<string> {
  const [row] = await tx
    .insert(laws)
    .values({ organizationId: actor.organizationId, ...input, createdAt: now, updatedAt: now })
    .returning({ id: laws.id });
  if (!row) throw new Error('law insert returned nothing');
  return row.id;
}

/**
 * 法令規範の変更. SPEC §3 (re-approval when an approved record changes): a change to the content
 * withdraws the approval, so the list never shows as approved a text nobody approved. Saving the
 * same content keeps it.
 */
export async function updateLaw(tx: Tx, actor: Actor, id: string, input: LawInput, now: Date): Promise<void> {
  await updateLaws(tx, actor, [{ id, input }], now);
}

/** A change of one entry: the form's input and, from an import, its 取込時の追加情報 (undefined: kept). */
export type LawChange = { id: string; input: LawInput; importExtras?: ImportExtra[] | null | undefined };

/**
 * 法令規範の変更 of many entries at once (the form's one, and the 法令規範一覧 re-imported, issue #12
 * Scale): the entries locked by one statement, then one UPDATE for the entries whose content changed
 * (their approval withdrawn, as {@link updateLaw} says) and one for those whose only change is the
 * 取込時の追加情報 (not content: the approval stays). Unchanged entries are not written.
 */
export async function updateLaws(tx: Tx, actor: Actor, changes: readonly LawChange[], now: Date): Promise<void> {
  if (changes.length === 0) return;
  const ids = [...new Set(changes.map((c) => c.id))];
  const locked = await tx
    .select()
    .from(laws)
    .where(and(eq(laws.organizationId, actor.organizationId), inArray(laws.id, ids)))
    .for('update');
  if (locked.length !== ids.length) throw notFound('法令規範');
  const current = new Map(locked.map((l) => [l.id, l]));
  const extras = (c: LawChange) => (c.importExtras !== undefined ? { importExtras: c.importExtras } : {});
  const changed = changes.filter((c) => {
    const row = current.get(c.id) as LawRow;
    return contentKeys.some((k) => (row[k] ?? null) !== (c.input[k] ?? null));
  });
  await updateMany(
    tx,
    laws,
    actor.organizationId,
    changed.map((c) => ({ id: c.id, set: { ...c.input, ...extras(c) } })),
    { common: { approvedAt: null, approvedByPersonId: null, updatedAt: now } },
  );
  await updateMany(
    tx,
    laws,
    actor.organizationId,
    changes.filter((c) => !changed.includes(c) && c.importExtras !== undefined).map((c) => ({ id: c.id, set: extras(c) })),
  );
}

/** 法令規範の承認 (J.1.3 a: 個人情報保護管理者が承認する): records who and when; an approved entry is refused (409). */
export async function approveLaw(tx: Tx, actor: Actor, id: string, now: Date): Promise<void> {
  const current = await lockLaw(tx, actor.organizationId, id);
  if (current.approvedAt) throw conflict('この法令規範はすでに承認されています', 'law_already_approved');
  await tx.update(laws).set({ approvedAt: now, approvedByPersonId: actor.personId, updatedAt: now }).where(eq(laws.id, current.id));
}
