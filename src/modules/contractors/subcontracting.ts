import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Clock, todayInJapan } from '../../domain/time.ts';
import type { ApprovalRecordType } from '../../platform/approvals/registry.ts';
import { displayDate, snapshotText } from '../../platform/approvals/snapshot-fields.ts';
import { submitForApproval } from '../../platform/approvals/submit-for-approval.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, forbidden, invalid } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { SUBCONTRACT_REQUEST, type SubcontractStaff, subcontractStatusLabels } from './contractors.labels.ts';
import { canManageContractor } from './contractors.policy.ts';
import { type ContractorRow, findContractor } from './contractors.queries.ts';
import { contractors, subcontractRequests } from './contractors.tables.ts';
import type { subcontractRequestBody } from './subcontracting.schema.ts';

// 再委託・再々委託 (issue 13). A sub-contractor is a contractor record of the register with a parent
// contractor (any depth). Sub-contracting needs the 委託元's approval before the work starts:
// 豊島区 資料B（現行）第6条第2項 / 資料A（条例時代）第7条第2項 「…業務の着手前に、書面により再委託する旨を
// 甲に申請し、その承認を得なければならない。」 When the contract's 特記事項 is the 再委託の禁止 variant
// (第6条 / 第7条 「乙は、受託業務の処理を第三者に再委託してはならない。」) no request is accepted.

export type SubcontractRequestRow = typeof subcontractRequests.$inferSelect;

/** The message naming the 禁止 clause (資料B 第6条 / 資料A 第7条). */
export const SUBCONTRACTING_PROHIBITED =
  '特記事項の再委託の条項が「再委託の禁止」（豊島区 個人情報特記事項 第6条（条例時代のひな型 第7条）「乙は、受託業務の処理を第三者に再委託してはならない。」）のため、再委託の承認を申請できません';

/** The ids of `id` and every contractor above it (its parent, the parent's parent …). */
async function ancestorsOf(tx: Tx, organizationId: string, id: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = id;
  while (current && !chain.includes(current)) {
    chain.push(current);
    const [row] = await tx
      .select({ parent: contractors.parentContractorId })
      .from(contractors)
      .where(and(eq(contractors.organizationId, organizationId), eq(contractors.id, current)));
    current = row?.parent ?? null;
  }
  return chain;
}

/**
 * 再委託承認申請: the contractor `contractorId` asks to sub-contract to `subContractorId` (a register
 * row that becomes its child). Refused: the 禁止 variant (409, with the clause), a cycle in the chain,
 * a sub-contractor already under another contractor, 台帳 entries not entrusted to the parent.
 * Submitted to the approvals engine at once; nothing is written when a check fails.
 */
export async function requestSubcontract(tx: Tx, actor: Actor, contractorId: string, input: z.output<typeof subcontractRequestBody>, clock: Clock) {
  const parent = await findContractor(tx, actor.organizationId, contractorId, true);
  if (!canManageContractor(actor, parent)) throw forbidden('この委託先の再委託を申請できるのは、所管の所属の所属長又は個人情報保護管理者です');
  if (parent.subcontractingClause === 'prohibit') throw conflict(SUBCONTRACTING_PROHIBITED, 'subcontracting_prohibited');
  const sub = await findContractor(tx, actor.organizationId, input.subContractorId, true).catch(() => {
    throw invalid('subContractorId', '指定された再委託先が委託先の台帳に見つかりません');
  });
  // A cycle (the sub-contractor is the contractor itself or above it) is refused.
  if ((await ancestorsOf(tx, actor.organizationId, parent.id)).includes(sub.id)) {
    throw invalid('subContractorId', `再委託先「${sub.name}」は「${parent.name}」自身又はその委託元にあたるため、再委託先にできません（再委託の関係が循環します）`);
  }
  if (sub.parentContractorId && sub.parentContractorId !== parent.id) throw invalid('subContractorId', `再委託先「${sub.name}」は既に別の委託先の再委託先です`);
  const outside = input.entryIds.filter((e) => !parent.entryIds.includes(e));
  if (outside.length > 0) throw invalid('entryIds', `再委託において取り扱う個人情報に、「${parent.name}」に委託していない台帳の項目が含まれています`);
  if (input.startsOn < clock.today)
    throw invalid('startsOn', `再委託の開始日（${displayDate(input.startsOn)}）が申請日より前です: 承認は業務の着手前に得てください（個人情報特記事項 第6条第2項）`);
  if (!sub.parentContractorId) {
    await tx
      .update(contractors)
      .set({ parentContractorId: parent.id, updatedAt: clock.now })
      .where(and(eq(contractors.organizationId, actor.organizationId), eq(contractors.id, sub.id)));
  }
  const { workLeadName, workLeadTitle, workLeadContact, workers, ...request } = input;
  const [row] = await tx
    .insert(subcontractRequests)
    .values({
      ...request,
      // 豊島区 守るべき事項 3 ウ: the 再委託先's 作業責任者 and 作業従事者 named on the request.
      staff: { workLead: { name: workLeadName, title: workLeadTitle, contact: workLeadContact }, workers },
      organizationId: actor.organizationId,
      contractorId: parent.id,
      subContractorId: sub.id,
      filedByPersonId: actor.personId,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!row) throw new Error('subcontract request insert returned nothing');
  const approval = await submitForApproval(tx, { organizationId: actor.organizationId, accountId: actor.accountId, personId: actor.personId }, SUBCONTRACT_REQUEST, row.id, clock);
  const [stored] = await tx.select().from(subcontractRequests).where(eq(subcontractRequests.id, row.id));
  return { row: stored ?? row, approvalRequestId: approval.id };
}

/** The approved request of a sub-contractor, if any. */
async function approvalOf(tx: Tx, organizationId: string, subContractorId: string): Promise<SubcontractRequestRow | undefined> {
  const rows = await tx
    .select()
    .from(subcontractRequests)
    .where(and(eq(subcontractRequests.organizationId, organizationId), eq(subcontractRequests.subContractorId, subContractorId)));
  return rows.find((r) => r.status === 'approved') ?? rows[0];
}

/**
 * A sub-contractor's work (its 契約開始日) may not start before the 委託元 approved the 再委託
 * (個人情報特記事項 第6条第2項 「業務の着手前に…承認を得なければならない」): refused while not approved, or
 * when the date is before the approval day.
 */
export async function assertWorkStartAllowed(tx: Tx, row: Pick<ContractorRow, 'organizationId' | 'id' | 'parentContractorId'>, startsOn: string | null | undefined) {
  if (!row.parentContractorId || !startsOn) return;
  const request = await approvalOf(tx, row.organizationId, row.id);
  if (request?.status !== 'approved' || !request.approvedOn) {
    throw invalid('contractStartsOn', '再委託の承認前のため、契約開始日（業務の着手日）は入力できません（個人情報特記事項 第6条第2項: 業務の着手前に甲の承認を得る）');
  }
  if (startsOn < request.approvedOn) {
    throw invalid('contractStartsOn', `契約開始日（${displayDate(startsOn)}）が再委託の承認日（${displayDate(request.approvedOn)}）より前です（個人情報特記事項 第6条第2項）`);
  }
}

/** The chain below a contractor, as a tree (every level above sees the levels below). */
export type ChainNode = { id: string; name: string; status: keyof typeof subcontractStatusLabels | null; statusLabel: string | null; children: ChainNode[] };

export async function subcontractChain(tx: Tx, actor: Actor, contractorId: string): Promise<{ ancestors: { id: string; name: string }[]; tree: ChainNode }> {
  const root = await findContractor(tx, actor.organizationId, contractorId);
  const all = await tx
    .select({ id: contractors.id, name: contractors.name, parent: contractors.parentContractorId })
    .from(contractors)
    .where(eq(contractors.organizationId, actor.organizationId));
  const requests = await tx.select().from(subcontractRequests).where(eq(subcontractRequests.organizationId, actor.organizationId));
  const statusOf = (id: string) => {
    const mine = requests.filter((r) => r.subContractorId === id);
    return mine.find((r) => r.status === 'approved')?.status ?? mine.find((r) => r.status === 'pending')?.status ?? mine[0]?.status ?? null;
  };
  const seen = new Set<string>();
  const build = (id: string, name: string, parent: string | null): ChainNode => {
    seen.add(id);
    const status = parent ? (statusOf(id) ?? 'draft') : null;
    return {
      id,
      name,
      status,
      statusLabel: status ? subcontractStatusLabels[status] : null,
      children: all.filter((c) => c.parent === id && !seen.has(c.id)).map((c) => build(c.id, c.name, c.parent)),
    };
  };
  const byId = new Map(all.map((c) => [c.id, c]));
  const ancestors = (await ancestorsOf(tx, actor.organizationId, root.id))
    .slice(1)
    .reverse()
    .map((id) => ({ id, name: byId.get(id)?.name ?? '' }));
  return { ancestors, tree: build(root.id, root.name, root.parentContractorId) };
}

/** 作業責任者 as one line: 氏名（役職）連絡先. */
export function workLeadText(lead: SubcontractStaff['workLead']): string {
  return `${lead.name}（${lead.title}） 連絡先: ${lead.contact}`;
}

async function setStatus(tx: Tx, organizationId: string, id: string, values: Partial<SubcontractRequestRow>) {
  await tx
    .update(subcontractRequests)
    .set(values)
    .where(and(eq(subcontractRequests.organizationId, organizationId), eq(subcontractRequests.id, id)));
}

/** Approval record type 再委託承認申請 (資料B 第6条第2項). Listed in the module manifest (index.ts). */
export const subcontractRequestApprovalType: ApprovalRecordType = {
  type: SUBCONTRACT_REQUEST,
  label: '再委託承認申請',
  describeSnapshot: (data) => [
    { key: 'contractorName', label: '委託先', value: snapshotText(data, 'contractorName') },
    { key: 'subContractorName', label: '再委託先', value: snapshotText(data, 'subContractorName') },
    { key: 'work', label: '再委託して処理する内容', value: snapshotText(data, 'work') },
    { key: 'safetyMeasures', label: '再委託先における安全管理措置', value: snapshotText(data, 'safetyMeasures') },
    // Dates as the app shows them (2027/01/10), not the stored ISO text.
    { key: 'startsOn', label: '再委託の開始日', value: displayDate(snapshotText(data, 'startsOn')) },
    { key: 'endsOn', label: '再委託の終了日', value: displayDate(snapshotText(data, 'endsOn')) },
    { key: 'reason', label: '再委託する理由', value: snapshotText(data, 'reason') },
    // 豊島区 守るべき事項 3 ウ 「再委託先において個人情報を取り扱う作業責任者及び作業従事者の氏名等」
    { key: 'workLead', label: '再委託先の作業責任者', value: snapshotText(data, 'workLead') },
    { key: 'workers', label: '再委託先の作業従事者', value: snapshotText(data, 'workers') },
  ],
  async snapshot(tx, organizationId, recordId) {
    const [row] = await tx
      .select()
      .from(subcontractRequests)
      .where(and(eq(subcontractRequests.organizationId, organizationId), eq(subcontractRequests.id, recordId)));
    if (!row) return null;
    const parent = await findContractor(tx, organizationId, row.contractorId);
    const sub = await findContractor(tx, organizationId, row.subContractorId);
    return {
      title: `${parent.name} → ${sub.name} 再委託承認申請`,
      departmentId: parent.departmentId,
      data: {
        contractorName: parent.name,
        subContractorName: sub.name,
        work: row.work,
        safetyMeasures: row.safetyMeasures,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        reason: row.reason,
        workLead: row.staff ? workLeadText(row.staff.workLead) : null,
        workers: row.staff ? `${row.staff.workers.join('、')}（${row.staff.workers.length}人）` : null,
      },
    };
  },
  async onStatusChange(tx, { organizationId, recordId, status, now }) {
    if (status === 'pending') await setStatus(tx, organizationId, recordId, { status: 'pending', updatedAt: now });
    else if (status === 'approved') await setStatus(tx, organizationId, recordId, { status: 'approved', approvedOn: todayInJapan(now), updatedAt: now });
    else if (status === 'returned' || status === 'withdrawn') await setStatus(tx, organizationId, recordId, { status: 'draft', updatedAt: now });
  },
  link: () => null,
};
