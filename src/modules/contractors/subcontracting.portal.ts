import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import { submitForApproval } from '../../platform/approvals/submit-for-approval.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { SUBCONTRACT_REQUEST, type SubcontractStatus } from './contractors.labels.ts';
import { audienceOf, findContractor } from './contractors.queries.ts';
import { contractors, subcontractRequests } from './contractors.tables.ts';
import type { RuleAudience } from '../../rules/data/seedSources.ts';
import type { SubcontractingClause } from './contractors.labels.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// 再委託申請 from the 委託先 portal (issue #13): the 委託先 asks, on its own, to sub-contract part of
// the work (豊島区 個人情報特記事項 資料B 第6条第2項 / 資料A 第7条第2項 「業務の着手前に、書面により再委託する
// 旨を甲に申請し、その承認を得なければならない」). The request lands in the 委託元's register as a 再委託承認申請
// (draft, filed by the portal account) with its 再委託先 as a child contractor; the 委託元's person
// in charge then puts it to the approvals engine (submitPortalSubcontract) — the approvals engine
// only knows the 委託元's own people as submitters.

export type PortalSubcontractInput = {
  subContractorName: string;
  corporateNumber: string | null;
  work: string;
  personalData: string;
  safetyMeasures: string;
  supervision: string;
  startsOn: string;
  endsOn: string | null;
  reason: string;
  /** 作業責任者・作業従事者 (豊島区 守るべき事項 3 ウ, 特記事項 第2条第2項). */
  workLeadName: string;
  workLeadTitle: string;
  workLeadContact: string;
  workers: string[];
};

/** What the portal tells a 委託先 of its contract's 再委託 terms (the 委託元's register, read for the portal). */
export type PortalContractTerms = {
  /** 特記事項の再委託の条項. */
  subcontracting: SubcontractingClause;
  /** 承認済みの再委託 under the contractor. */
  approvedSubcontracts: number;
  /** The 委託元's organization: a public body (its seeds' wording) or a company. */
  audience: RuleAudience;
};

/** The 再委託 terms of several contractors of one 委託元, by contractor id (unknown ids left out). */
export async function contractTermsForPortal(tx: Tx, organizationId: string, contractorIds: readonly string[]): Promise<Map<string, PortalContractTerms>> {
  if (contractorIds.length === 0) return new Map();
  const wanted = [...new Set(contractorIds)];
  const rows = await tx
    .select({ id: contractors.id, clause: contractors.subcontractingClause })
    .from(contractors)
    .where(and(eq(contractors.organizationId, organizationId), inArray(contractors.id, wanted)));
  const approved = await tx
    .select({ contractorId: subcontractRequests.contractorId })
    .from(subcontractRequests)
    .where(and(eq(subcontractRequests.organizationId, organizationId), inArray(subcontractRequests.contractorId, wanted), eq(subcontractRequests.status, 'approved')));
  const audience = await audienceOf(tx, organizationId);
  return new Map(rows.map((r) => [r.id, { subcontracting: r.clause, approvedSubcontracts: approved.filter((a) => a.contractorId === r.id).length, audience }]));
}

/**
 * The refusal a 委託先 reads when the 特記事項 is 再委託の禁止: the clause as agreed, with the 豊島区
 * article only for a public body's 委託先 (資料B 第6条第1項 / 資料A 第7条第1項; a company's 特記事項 numbers
 * its articles its own way — J.9.4 3 c)).
 */
export function portalSubcontractingProhibited(audience: RuleAudience): string {
  const where = audience === 'public_body' ? '（個人情報特記事項 第6条（条例時代のひな型 第7条））' : '';
  return `特記事項の再委託の条項が「再委託の禁止」（乙は、受託業務の処理を第三者に再委託してはならない。）${where}のため、この委託元には再委託を申請できません`;
}

/**
 * The 再委託 clause stated to the 委託先 before it fills a 再委託申請: the refusal under 禁止; under 制限
 * (資料B 第6条第2項 / 資料A 第7条第2項; 民間 J.9.4 3 c)) the approval to obtain before the work starts.
 */
export function portalSubcontractingNotice(terms: Pick<PortalContractTerms, 'subcontracting' | 'audience'>, principalName: string): string {
  if (terms.subcontracting === 'prohibit') return portalSubcontractingProhibited(terms.audience);
  const where = terms.audience === 'public_body' ? '個人情報特記事項 第6条第2項' : '特記事項「再委託の制限」';
  return `再委託は、業務の着手前に書面により${principalName}に申請し、その承認を得てください（${where}）。`;
}

/**
 * Files the portal's 再委託申請 for the 委託元 `organizationId`'s contractor `contractorId`. Refused with
 * the clause when the 特記事項 is the 再委託の禁止 variant (資料B 第6条第1項 / 資料A 第7条第1項).
 */
export async function fileSubcontractFromPortal(
  tx: Tx,
  organizationId: string,
  contractorId: string,
  input: PortalSubcontractInput,
  portalAccountId: string | null,
  clock: Clock,
): Promise<{ requestId: string; subContractorId: string }> {
  const parent = await findContractor(tx, organizationId, contractorId, true);
  if (parent.subcontractingClause === 'prohibit') throw conflict(portalSubcontractingProhibited(await audienceOf(tx, organizationId)), 'subcontracting_prohibited');
  if (input.startsOn < clock.today)
    throw invalid('startsOn', `再委託の開始日（${displayDate(input.startsOn)}）が申請日より前です: 承認は業務の着手前に得てください（個人情報特記事項 第6条第2項）`);
  // The 再委託先 is the register row of its 法人番号 when the 委託元 already has one under this
  // contractor (or free); a row under another contractor is refused, as on the 委託元's form.
  const [existing] = input.corporateNumber
    ? await tx
        .select()
        .from(contractors)
        .where(and(eq(contractors.organizationId, organizationId), eq(contractors.corporateNumber, input.corporateNumber)))
    : [];
  if (existing && (existing.id === parent.id || (existing.parentContractorId && existing.parentContractorId !== parent.id))) {
    throw invalid('corporateNumber', `法人番号 ${input.corporateNumber} の「${existing.name}」は、委託元の台帳で既に別の委託関係にあるため、再委託先にできません`);
  }
  let subId = existing?.id;
  if (existing && !existing.parentContractorId) {
    await tx.update(contractors).set({ parentContractorId: parent.id, updatedAt: clock.now }).where(eq(contractors.id, existing.id));
  }
  if (!subId) {
    const [created] = await tx
      .insert(contractors)
      .values({
        organizationId,
        departmentId: parent.departmentId,
        name: input.subContractorName,
        corporateNumber: input.corporateNumber,
        entrustedWork: input.work,
        parentContractorId: parent.id,
        createdAt: clock.now,
        updatedAt: clock.now,
      })
      .returning({ id: contractors.id });
    if (!created) throw new Error('sub-contractor insert returned nothing');
    subId = created.id;
  }
  const [row] = await tx
    .insert(subcontractRequests)
    .values({
      organizationId,
      contractorId: parent.id,
      subContractorId: subId,
      work: `${input.work}\n（取り扱う個人情報: ${input.personalData}）`,
      // 第6条第2項 「再委託先に対する管理及び監督の方法」 has no column of its own: kept with the measures.
      safetyMeasures: `${input.safetyMeasures}\n（再委託先に対する管理及び監督の方法: ${input.supervision}）`,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      reason: input.reason,
      staff: { workLead: { name: input.workLeadName, title: input.workLeadTitle, contact: input.workLeadContact }, workers: input.workers },
      status: 'draft',
      filedByPortalAccountId: portalAccountId,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning({ id: subcontractRequests.id });
  if (!row) throw new Error('subcontract request insert returned nothing');
  return { requestId: row.id, subContractorId: subId };
}

/** 承認手続へ: the 委託元's person puts the portal's 再委託申請 to the approvals engine. */
export async function submitPortalSubcontract(tx: Tx, actor: Actor, requestId: string, clock: Clock): Promise<{ approvalRequestId: string }> {
  const [row] = await tx
    .select()
    .from(subcontractRequests)
    .where(and(eq(subcontractRequests.organizationId, actor.organizationId), eq(subcontractRequests.id, requestId)))
    .for('update');
  if (!row) throw notFound('再委託承認申請');
  if (row.status !== 'draft') throw conflict('この再委託承認申請はすでに承認手続中か承認済みです');
  // After a 差戻し the same request may be put to approval again (the approvals engine links the new one).
  const approval = await submitForApproval(tx, { organizationId: actor.organizationId, accountId: actor.accountId, personId: actor.personId }, SUBCONTRACT_REQUEST, row.id, clock);
  return { approvalRequestId: approval.id };
}

/** Where a 再委託承認申請 stands; `returned` when the 委託元's approval sent it back (差戻し: not approved). */
export type PortalSubcontractStatus = SubcontractStatus | 'returned';

/** The statuses of 再委託承認申請 by id (the portal shows both sides where the request stands). */
export async function subcontractStatuses(tx: Tx, organizationId: string, ids: readonly string[]): Promise<Map<string, PortalSubcontractStatus>> {
  if (ids.length === 0) return new Map();
  const wanted = [...new Set(ids)];
  const rows = await tx
    .select({ id: subcontractRequests.id, status: subcontractRequests.status })
    .from(subcontractRequests)
    .where(and(eq(subcontractRequests.organizationId, organizationId), inArray(subcontractRequests.id, wanted)));
  // A draft whose latest approval request was returned (差戻し) is a refusal until put to approval again.
  const approvals = await tx
    .select({ recordId: approvalRequests.recordId, status: approvalRequests.status })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.organizationId, organizationId), eq(approvalRequests.recordType, SUBCONTRACT_REQUEST), inArray(approvalRequests.recordId, wanted)))
    .orderBy(desc(approvalRequests.submittedAt));
  const latest = new Map<string, string>();
  for (const a of approvals) if (!latest.has(a.recordId)) latest.set(a.recordId, a.status);
  return new Map(rows.map((r) => [r.id, r.status === 'draft' && latest.get(r.id) === 'returned' ? 'returned' : r.status]));
}
