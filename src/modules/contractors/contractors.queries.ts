import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { notFound } from '../../platform/http/errors.ts';
import { departments, organizations } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { checkContractClauses } from '../../rules/contractors/contractClauses.ts';
import { type RuleAudience, ruleAudience } from '../../rules/data/seedSources.ts';
import { entrySummaries } from '../inventory/inventory.exports.ts';
import { canCreateContractor, contractorAbilities } from './contractors.policy.ts';
import type { contractorListQuery } from './contractors.schema.ts';
import { contractors } from './contractors.tables.ts';

// Reads of M7 委託先管理 (J.9.4). Every query is scoped to the actor's organization (and RLS).

/** 委託先 as stored. */
export type ContractorRow = typeof contractors.$inferSelect;

/** The clause check of a stored contract (J.9.4 3, 豊島区 守るべき事項 2.). */
export function clauseCheckOf(row: Pick<ContractorRow, 'contractClauses' | 'contractText' | 'specificPersonalInfo'>) {
  return checkContractClauses({ ticked: row.contractClauses, text: row.contractText, specificPersonalInfo: row.specificPersonalInfo });
}

/** The row (404 when it is not the organization's). */
export async function findContractor(tx: Tx, organizationId: string, id: string, forUpdate = false): Promise<ContractorRow> {
  const query = tx
    .select()
    .from(contractors)
    .where(and(eq(contractors.organizationId, organizationId), eq(contractors.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('委託先');
  return row;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** 委託先一覧の検索条件. */
function listFilter(actor: Actor, q: string | null | undefined): SQL {
  const inOrg = eq(contractors.organizationId, actor.organizationId);
  if (!q) return inOrg;
  const like = `%${escapeLike(q)}%`;
  return and(inOrg, or(ilike(contractors.name, like), ilike(contractors.corporateNumber, like), ilike(contractors.entrustedWork, like))) as SQL;
}

/** Every row of the register with its department's name, by name (the xlsx export; no paging). */
export async function allContractors(tx: Tx, actor: Actor) {
  return tx
    .select({ contractor: contractors, departmentName: departments.name })
    .from(contractors)
    .leftJoin(departments, eq(departments.id, contractors.departmentId))
    .where(eq(contractors.organizationId, actor.organizationId))
    .orderBy(asc(contractors.name), asc(contractors.id));
}

export type ContractorPage = Awaited<ReturnType<typeof listContractors>>;

/** 委託先一覧 (paged, by name; searched by 名称・法人番号・委託する業務). */
export async function listContractors(tx: Tx, actor: Actor, query: z.output<typeof contractorListQuery>) {
  const where = listFilter(actor, query.q);
  const [total] = await tx.select({ n: count() }).from(contractors).where(where);
  const rows = await tx
    .select({ contractor: contractors, departmentName: departments.name })
    .from(contractors)
    .leftJoin(departments, eq(departments.id, contractors.departmentId))
    .where(where)
    .orderBy(asc(contractors.name), asc(contractors.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize, canCreate: canCreateContractor(actor) };
}

/** One 委託先 with its department, the linked 台帳 entries (by name) and the caller's abilities. */
export async function getContractorDetail(tx: Tx, actor: Actor, id: string) {
  return detailOf(tx, actor, await findContractor(tx, actor.organizationId, id));
}

/** The detail of a row already read (after a write). */
export async function detailOf(tx: Tx, actor: Actor, row: ContractorRow) {
  const [department] = row.departmentId ? await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, row.departmentId)) : [];
  const entries = await entrySummaries(tx, actor.organizationId, row.entryIds);
  return {
    contractor: row,
    departmentName: department?.name ?? null,
    entries: entries.map((e) => ({ id: e.id, name: e.name })),
    abilities: contractorAbilities(actor, row),
  };
}

export type ContractorDetail = Awaited<ReturnType<typeof getContractorDetail>>;

/**
 * Whose rules the organization follows (SPEC §0 profile, issue 10): a company sees the 豊島区 items
 * of the clause check labelled 「参考例」; a public body or 指定管理者 sees them as its own rules.
 */
export async function audienceOf(tx: Tx, organizationId: string): Promise<RuleAudience> {
  const [org] = await tx.select({ profile: organizations.profile }).from(organizations).where(eq(organizations.id, organizationId));
  return ruleAudience(org?.profile);
}
