import { and, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { type PmsRole, pmsRoles, roleLabels } from '../../domain/roles.ts';
import { todayInJapan } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import type { Deps } from '../../platform/http/types.ts';
import { accountsWithRole, notifyAccounts } from '../../platform/notifications/notify.ts';
import { permissionsForRoles } from '../../platform/policies/permissions.ts';
import type { Permission } from '../../platform/policies/permissions.ts';
import { completeTasks, ensureTask } from '../../platform/tasks/moduleTasks.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { EXCHANGE_REMINDER_DAYS, exchangeReminderStep } from '../../rules/contractors/exchangeReminders.ts';
import { contractorForPortal } from '../contractors/contractors.portal.api.ts';
import { contractorPortalExchanges, contractorPortalLinks } from './contractorPortal.tables.ts';
import { organizationNames } from './contractorPortal.service.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// Job: 依頼の期限前リマインダーと期限超過のエスカレーション (issue #13; J.9.4 委託先の監督, 豊島区
// 特記事項 第11条 遵守状況の報告). Daily, idempotent (each notification has a dedupe key, each task a
// generation key), so several instances may run it and a rerun the same day sends nothing new:
// - 7 days and 1 day before the 提出期限: the 委託先's users who answer (contractorPortal.respond);
// - from the day after: the 委託元's requester and its holders of contractorPortal.manage are told,
//   and a task 「遵守報告書（調査票）の未提出」 opens on the 委託元's side (closed by the answer).

export const EXCHANGE_OVERDUE_TASK = 'contractor_exchange_overdue';

/**
 * Accounts of an organization holding a permission (through any of its roles). A role held per
 * department (所属長) counts only in `departmentId` when given, and not at all without one.
 */
export async function accountsWithPermission(tx: Tx, organizationId: string, permission: Permission, today: string, departmentId?: string | null): Promise<string[]> {
  const roles = pmsRoles.filter((role: PmsRole) => permissionsForRoles([role]).has(permission));
  const ids = new Set<string>();
  for (const role of roles) {
    const bound = roleLabels[role].perDepartment === true;
    if (bound && !departmentId) continue;
    for (const id of await accountsWithRole(tx, organizationId, role, today, bound ? departmentId : undefined)) ids.add(id);
  }
  return [...ids];
}

async function accountsOfPerson(tx: Tx, organizationId: string, personId: string | null): Promise<string[]> {
  if (!personId) return [];
  const rows = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.organizationId, organizationId), eq(accounts.personId, personId)));
  return rows.map((r) => r.id);
}

export type ExchangeReminderRun = { reminded: number; escalated: number; tasks: number };

export async function runExchangeReminders(deps: Pick<Deps, 'database' | 'now'>): Promise<ExchangeReminderRun> {
  const today = todayInJapan(deps.now());
  const latest = addCalendarDays(today, Math.max(...EXCHANGE_REMINDER_DAYS));
  const open = await asSystem(deps.database, (tx) =>
    tx
      .select({ exchange: contractorPortalExchanges, contractorId: contractorPortalLinks.contractorId })
      .from(contractorPortalExchanges)
      .innerJoin(contractorPortalLinks, eq(contractorPortalLinks.id, contractorPortalExchanges.linkId))
      .where(and(inArray(contractorPortalExchanges.status, ['requested', 'returned']), lte(contractorPortalExchanges.dueOn, latest), eq(contractorPortalLinks.status, 'active'))),
  );
  const names = await organizationNames(
    deps.database,
    open.map((o) => o.exchange.organizationId),
  );
  const result: ExchangeReminderRun = { reminded: 0, escalated: 0, tasks: 0 };
  // An overdue task whose 依頼 was answered since (遵守報告書 answered in the 委託先's tenant) is done.
  await asSystem(deps.database, async (tx) => {
    const answered = await tx
      .select({ organizationId: tasks.organizationId, exchangeId: contractorPortalExchanges.id, answeredByName: contractorPortalExchanges.answeredByName })
      .from(tasks)
      .innerJoin(contractorPortalExchanges, sql`${contractorPortalExchanges.id}::text = ${tasks.sourceId}`)
      .where(and(eq(tasks.sourceType, EXCHANGE_OVERDUE_TASK), eq(tasks.status, 'open'), notInArray(contractorPortalExchanges.status, ['requested', 'returned'])));
    for (const a of answered)
      await completeTasks(
        tx,
        a.organizationId,
        { sourceType: EXCHANGE_OVERDUE_TASK, sourceIds: [a.exchangeId] },
        { url: `/contractor-exchanges/${a.exchangeId}`, note: `委託先が回答（${a.answeredByName ?? ''}）`, now: deps.now() },
      );
  });
  for (const { exchange: x, contractorId } of open) {
    const step = exchangeReminderStep(x.status, x.dueOn, today);
    if (!step) continue;
    await asSystem(deps.database, async (tx) => {
      if (step.kind === 'due_soon') {
        const to = await accountsWithPermission(tx, x.counterpartyOrganizationId, 'contractorPortal.respond', today);
        result.reminded += await notifyAccounts(tx, x.counterpartyOrganizationId, to, {
          kind: 'contractor_exchange_due_soon',
          title: `${names.get(x.organizationId) ?? '委託元'}からの依頼「${x.title}」の提出期限まで${step.daysLeft}日です`,
          body: `提出期限 ${displayDate(x.dueOn)}`,
          link: `/contractor-portal`,
          urgent: step.daysLeft === 1,
          dedupeKey: `contractor-exchange:${x.id}:due:${x.dueOn}:${step.daysLeft}`,
        });
        return;
      }
      const contractor = await contractorForPortal(tx, x.organizationId, contractorId);
      const contractorName = contractor?.name ?? '委託先';
      const link = `/contractors/${contractorId}`;
      // The 委託元's owner: who asked, who runs the portal, and who keeps this 委託先 in the register
      // (contractors.manage: its department's 所属長, the 保護管理者).
      const to = new Set([
        ...(await accountsOfPerson(tx, x.organizationId, x.requestedByPersonId)),
        ...(await accountsWithPermission(tx, x.organizationId, 'contractorPortal.manage', today)),
        ...(await accountsWithPermission(tx, x.organizationId, 'contractors.manage', today, contractor?.departmentId ?? null)),
      ]);
      result.escalated += await notifyAccounts(tx, x.organizationId, [...to], {
        kind: 'contractor_exchange_overdue',
        title: `${contractorName}の「${x.title}」が提出期限（${displayDate(x.dueOn)}）を過ぎても届いていません`,
        body: '委託先に督促し、監督の記録を残してください（JIS Q 15001 J.9.4、特記事項 第11条 遵守状況の報告）',
        link,
        urgent: true,
        dedupeKey: `contractor-exchange:${x.id}:overdue:${x.dueOn}`,
      });
      const created = await ensureTask(
        tx,
        x.organizationId,
        {
          generationKey: `contractor-exchange-overdue:${x.id}:${x.dueOn}`,
          title: `遵守報告書（調査票）の未提出: ${contractorName}「${x.title}」`,
          description: `提出期限 ${displayDate(x.dueOn)} を過ぎても委託先から回答がありません。委託先に督促し、回答を確認してください（JIS Q 15001 J.9.4 委託先の監督、豊島区 特記事項 第11条 遵守状況の報告）。`,
          ownerPersonId: x.requestedByPersonId,
          ownerRole: x.requestedByPersonId ? null : 'pms_manager',
          departmentId: null,
          dueOn: x.dueOn,
          sourceType: EXCHANGE_OVERDUE_TASK,
          sourceId: x.id,
        },
        today,
      );
      if (created) result.tasks += 1;
    });
  }
  return result;
}
