import type { z } from 'zod';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { subcontractStatusLabels } from './contractors.labels.ts';
import { canManageContractor } from './contractors.policy.ts';
import { findContractor } from './contractors.queries.ts';
import type { subcontractChainResponse, subcontractRequestResponse } from './contractors.responses.ts';
import { subcontractRequests } from './contractors.tables.ts';
import { supervisionsOf } from './subcontract-supervision.ts';
import { type ChainNode, type SubcontractRequestRow, subcontractChain } from './subcontracting.ts';

/** 再委託承認申請 as the API shows it. */
export function presentSubcontractRequest(row: SubcontractRequestRow): z.output<typeof subcontractRequestResponse> {
  return {
    id: row.id,
    contractorId: row.contractorId,
    subContractorId: row.subContractorId,
    work: row.work,
    entryIds: row.entryIds,
    safetyMeasures: row.safetyMeasures,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    reason: row.reason,
    workLead: row.staff?.workLead ?? null,
    workers: row.staff?.workers ?? [],
    status: row.status,
    statusLabel: subcontractStatusLabels[row.status],
    approvedOn: row.approvedOn,
  };
}

/** 再委託の系列 of a contractor: the levels above, the tree below, its requests (as 委託先 or 再委託先). */
export async function presentSubcontractChain(tx: Tx, actor: Actor, contractorId: string): Promise<z.output<typeof subcontractChainResponse>> {
  const contractor = await findContractor(tx, actor.organizationId, contractorId);
  const chain = await subcontractChain(tx, actor, contractor.id);
  const rows = await tx
    .select()
    .from(subcontractRequests)
    .where(and(eq(subcontractRequests.organizationId, actor.organizationId), eq(subcontractRequests.contractorId, contractor.id)))
    .orderBy(desc(subcontractRequests.createdAt));
  const ids: string[] = [];
  const walk = (node: ChainNode) => {
    ids.push(node.id);
    node.children.forEach(walk);
  };
  walk(chain.tree);
  const canManage = canManageContractor(actor, contractor);
  return {
    ...chain,
    requests: rows.map(presentSubcontractRequest),
    supervisions: await supervisionsOf(tx, actor.organizationId, ids),
    canRequest: canManage && contractor.subcontractingClause === 'restrict',
    canSupervise: canManage && contractor.parentContractorId !== null,
  };
}
