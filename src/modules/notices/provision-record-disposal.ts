import { and, eq, isNull, lte } from 'drizzle-orm';
import { todayInJapan } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import type { Deps } from '../../platform/http/types.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { ensureTask } from '../../platform/tasks/moduleTasks.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { provisionRecordKindLabels, provisionRecordRetention } from '../../rules/retention/index.ts';
import { provisionRecords } from './notices.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// The disposal task of a 第三者提供記録 / 確認記録 whose retention (規則第21条・第25条, SPEC §5.3,
// J.8.8.2 3・J.8.8.3 4) has ended: one task per record and disposal-due day (a generation key), owned
// by the 個人情報保護管理者, done when the record's disposal is recorded.

export const provisionRecordDisposalSource = 'provision_record_disposal';

type Row = typeof provisionRecords.$inferSelect;

/** Opens the disposal task of one record whose retention has ended (idempotent). */
export async function ensureProvisionRecordDisposalTask(tx: Tx, row: Row, today: string): Promise<boolean> {
  const due = row.disposalDueOn;
  if (row.disposedOn || !due || !row.retentionRulesVersion || due > today) return false;
  const retention = provisionRecordRetention(
    { recordKind: row.kind, form: row.form, createdOn: row.recordedOn, lastProvidedOn: row.lastProvidedOn ?? undefined },
    row.retentionRulesVersion,
  );
  const who = row.counterpartyName ?? '不特定かつ多数の者';
  const created = await ensureTask(
    tx,
    row.organizationId,
    {
      generationKey: `${provisionRecordDisposalSource}:${row.id}:${due}`,
      title: `${provisionRecordKindLabels[row.kind]}の廃棄（${who}、${displayDate(row.recordedOn)}作成）`,
      description: [retention.reason, `根拠: ${retention.basis}`, '廃棄したら記録の画面で廃棄した日を記録してください。'].join('\n'),
      ownerRole: 'pms_manager',
      departmentId: null,
      startsOn: due,
      dueOn: addCalendarDays(due > today ? due : today, 30),
      sourceType: provisionRecordDisposalSource,
      sourceId: row.id,
    },
    today,
  );
  return created !== null;
}

/**
 * Cancels the open disposal task of a record whose disposal-due day has moved (a further provision,
 * a correction): the old period no longer applies, and `note` says why.
 */
export async function cancelOpenDisposalTasks(tx: Tx, organizationId: string, recordId: string, note: string, now: Date): Promise<void> {
  await tx
    .update(tasks)
    .set({ status: 'cancelled', evidenceNote: note, updatedAt: now })
    .where(and(eq(tasks.organizationId, organizationId), eq(tasks.sourceType, provisionRecordDisposalSource), eq(tasks.sourceId, recordId), eq(tasks.status, 'open')));
}

/** The daily check of one organization: a disposal task for every record whose retention has ended. */
export async function createDueProvisionRecordDisposalTasks(tx: Tx, organizationId: string, today: string): Promise<number> {
  const rows = await tx
    .select()
    .from(provisionRecords)
    .where(and(eq(provisionRecords.organizationId, organizationId), isNull(provisionRecords.disposedOn), lte(provisionRecords.disposalDueOn, today)));
  let created = 0;
  for (const row of rows) if (await ensureProvisionRecordDisposalTask(tx, row, today)) created++;
  return created;
}

/** Job: 保存期間が経過した提供記録・確認記録 → 廃棄タスク, for every organization in its own tenant transaction (idempotent). */
export async function runProvisionRecordDisposalCheck(deps: Deps): Promise<{ created: number }> {
  const today = todayInJapan(deps.now());
  const orgs = await asSystem(deps.database, (tx) => tx.select({ id: organizations.id }).from(organizations));
  let created = 0;
  for (const org of orgs) created += await inOrg(deps.database, { organizationId: org.id }, (tx) => createDueProvisionRecordDisposalTasks(tx, org.id, today));
  return { created };
}
