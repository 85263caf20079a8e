import { and, eq, inArray, lte, ne, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { ModuleDeadline } from '../../platform/moduleKit/manifest.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { EXCHANGE_REMINDER_DAYS } from '../../rules/contractors/exchangeReminders.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { contractorPortalExchanges } from './contractorPortal.tables.ts';

/**
 * The 依頼 on the home's 期限 card (manifest `deadlines`; J.9.4 委託先の監督, 特記事項 第11条): on the
 * 委託元's side (contractorPortal.manage) every 依頼 still waiting for its 委託先 from 7 days before
 * its 提出期限 and while overdue; on the 委託先's side (contractorPortal.respond) what it must answer.
 */
export async function exchangeDeadlines(tx: Tx, actor: Actor, today: string): Promise<ModuleDeadline[]> {
  const principal = can(actor, 'contractorPortal.manage');
  const contractor = can(actor, 'contractorPortal.respond');
  if (!principal && !contractor) return [];
  const horizon = addCalendarDays(today, Math.max(...EXCHANGE_REMINDER_DAYS));
  const sides = [
    principal ? eq(contractorPortalExchanges.organizationId, actor.organizationId) : undefined,
    contractor
      ? and(eq(contractorPortalExchanges.counterpartyOrganizationId, actor.organizationId), ne(contractorPortalExchanges.organizationId, actor.organizationId))
      : undefined,
  ].filter((c) => c !== undefined);
  const rows = await tx
    .select()
    .from(contractorPortalExchanges)
    .where(and(or(...sides), inArray(contractorPortalExchanges.status, ['requested', 'returned']), lte(contractorPortalExchanges.dueOn, horizon)));
  return rows.map((x) => {
    const ours = x.organizationId === actor.organizationId;
    return {
      sourceType: 'contractor_exchange',
      sourceId: x.id,
      sourceLabel: ours ? '委託先からの提出（遵守報告書・調査票）' : '委託元への提出',
      title: x.title,
      detail: ours ? '委託先の回答を待っています' : '委託元から回答を求められています',
      dueOn: x.dueOn,
      departmentId: null,
      link: ours || x.kind === 'questionnaire' ? `/contractor-exchanges/${x.id}` : '/contractor-portal',
      // The 特記事項's 報告 (第11条) and the 委託元's 調査票: what the contract asks.
      authority: 'contract',
    };
  });
}
