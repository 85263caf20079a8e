import { and, eq, lt, or } from 'drizzle-orm';
import { roleLabels } from '../../domain/roles.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { disposalDue } from '../../rules/inventoryRules.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { ensureTask } from '../../platform/tasks/moduleTasks.ts';
import { namesFor } from './entry-references.ts';
import { type EntryNames, toEngineEntry } from './inventory.content.shared.ts';
import type { EntryRow } from './inventory.queries.ts';
import { inventoryEntries } from './inventory.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// The tasks an entry creates (Principle 4): its risk analysis when it is new or its handling
// changed (SPEC M2, J.3.1.3 j)), and its disposal once a 利用期限・保管期限 has passed (SPEC M1).

/**
 * SPEC M2: 「A new or changed inventory entry creates a task to analyse its risks」 — owned by the
 * department's 所属長 (J.3.1.3 j): 各所属長は…リスク分析を行い), due in 30 days, one per revision.
 */
export async function ensureRiskAnalysisTask(
  tx: Tx,
  row: Pick<EntryRow, 'id' | 'organizationId' | 'name' | 'revision' | 'departmentId'>,
  reason: 'new' | 'changed' | 'imported',
  today: string,
): Promise<void> {
  const why = reason === 'new' ? '新規取得' : reason === 'changed' ? '取扱いの変更' : '台帳の取込';
  await ensureTask(
    tx,
    row.organizationId,
    {
      generationKey: `risk-analysis:${row.id}:r${row.revision}`,
      title: `リスク分析: ${row.name}（${why}）`,
      description: `個人情報管理台帳の「${row.name}」（版${row.revision}）のリスクを局面（取得・入力、移送・送信、利用・加工、保管・バックアップ、消去・廃棄）ごとに分析し、リスク分析対策表を作成して承認を受けてください（J.3.1.3 j)、${roleLabels.department_head.ja} → ${roleLabels.pms_manager.ja} → ${roleLabels.top_management.ja}）。`,
      ownerRole: 'department_head',
      departmentId: row.departmentId,
      startsOn: today,
      dueOn: addCalendarDays(today, 30),
      sourceType: 'risk_analysis',
      sourceId: row.id,
    },
    today,
  );
}

/**
 * 利用期限・保管期限の経過 → 消去・廃棄タスク (SPEC M1, the engine's `disposalDue`): owned by the
 * 所属長, starting the day after the 期限, due 30 days later, once per 期限.
 */
export async function ensureDisposalTask(
  tx: Tx,
  row: Pick<EntryRow, 'id' | 'organizationId' | 'departmentId' | 'revision' | 'status' | 'data'>,
  names: EntryNames,
  today: string,
): Promise<boolean> {
  if (row.status !== 'active') return false;
  const due = disposalDue(toEngineEntry(row.id, row.revision, row.data, names), today);
  if (!due) return false;
  const kinds = due.reasons.map((r) => (r.kind === 'retention_period_ended' ? 'retain' : 'use')).join('+');
  const description = [
    ...due.reasons.map((r) => `${r.label}（${displayDate(r.date)}）: ${r.quote}（${r.clause}）`),
    due.keepUntil ? `保管期限（${displayDate(due.keepUntil)}）までは保管を続けることができます。` : '',
    '方法:',
    ...due.task.methods.map((m) => `・${m.text}（${m.clause}）`),
    '廃棄したら「個人情報取扱変更等申請書」で廃棄日を記録してください。',
  ]
    .filter(Boolean)
    .join('\n');
  const created = await ensureTask(
    tx,
    row.organizationId,
    {
      generationKey: `inventory-disposal:${row.id}:${kinds}:${due.dueSince}`,
      title: due.task.title,
      description,
      ownerRole: due.task.ownerRole,
      departmentId: row.departmentId,
      startsOn: due.dueSince,
      dueOn: addCalendarDays(due.dueSince > today ? due.dueSince : today, 30),
      sourceType: 'inventory_disposal',
      sourceId: row.id,
    },
    today,
  );
  return created !== null;
}

/** The daily check: a disposal task for every active entry whose 利用期限 or 保管期限 has passed (idempotent). */
export async function createDueDisposalTasks(tx: Tx, organizationId: string, today: string): Promise<number> {
  const rows = await tx
    .select()
    .from(inventoryEntries)
    .where(
      and(
        eq(inventoryEntries.organizationId, organizationId),
        eq(inventoryEntries.status, 'active'),
        or(lt(inventoryEntries.useUntilDate, today), lt(inventoryEntries.retainUntilDate, today)),
      ),
    );
  if (rows.length === 0) return 0;
  const names = await namesFor(
    tx,
    organizationId,
    rows.map((r) => r.data),
  );
  let created = 0;
  for (const row of rows) if (await ensureDisposalTask(tx, row, names.of(row.data), today)) created++;
  return created;
}
