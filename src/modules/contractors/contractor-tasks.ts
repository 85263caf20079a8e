import { eq } from 'drizzle-orm';
import { todayInJapan } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import type { Deps } from '../../platform/http/types.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { ensureTask, type GeneratedTask } from '../../platform/tasks/moduleTasks.ts';
import { japaneseDate } from '../../rules/retention/index.ts';
import { contractorDocumentSummaries } from './contractor-documents.ts';
import { inspectionDuesOf } from './contractor-inspections.ts';
import { contractors } from './contractors.tables.ts';

// The 委託先's dated duties as tasks (Principle 4), so they sit on the PMS calendar beside the
// yearly plan (the December 委託先評価 is the plan's `contractor_evaluation` item, J.9.4 t)):
// 委託契約の満了, the 委託先's Privacy Mark expiry (J.9.4 4 委託先の選定・評価: 有効性の確認), and the
// 委託先の実地検査 (豊島区 守るべき事項 5. 年1回以上), and the disposal of the 契約書等 once their
// 保存期限 has passed (J.9.4 5). Each is made once, a while before it falls due,
// and owned by the 所属長 of the 委託先's 所管の所属 (the 個人情報保護管理者 when it has none).

/** The task kinds (manifest `tasks`), with their Japanese names. */
export const contractorTaskSources = {
  contractor_contract_expiry: '委託契約の満了',
  contractor_privacy_mark_expiry: '委託先のプライバシーマークの有効期限',
  contractor_inspection_due: '委託先の実地検査',
  contractor_document_disposal: '契約書等の保存期限の経過',
} as const;
export type ContractorTaskSource = keyof typeof contractorTaskSources;

/** Days before the due date a task is made: a contract's renewal and an inspection's visit take a month; a P-mark's renewal is checked 90 days ahead. */
const leadDays: Record<ContractorTaskSource, number> = {
  contractor_contract_expiry: 30,
  contractor_privacy_mark_expiry: 90,
  contractor_inspection_due: 30,
  // The disposal task opens on the day after the 保存期限 and is due 30 days later (like the 台帳's disposal tasks).
  contractor_document_disposal: 30,
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Makes the tasks of the organization's 委託先 now within their lead time (idempotent). Returns how many were made. */
export async function generateContractorTasks(tx: Tx, organizationId: string, today: string): Promise<number> {
  const rows = await tx.select().from(contractors).where(eq(contractors.organizationId, organizationId));
  const dues = await inspectionDuesOf(tx, organizationId, rows, today);
  const documents = await contractorDocumentSummaries(tx, organizationId, rows);
  const wanted: GeneratedTask[] = [];
  const task = (c: (typeof rows)[number], kind: ContractorTaskSource, dueOn: string, description: string) => {
    if (dueOn > addDays(today, leadDays[kind])) return;
    wanted.push({
      generationKey: `${kind}:${c.id}:${dueOn}`,
      title: `${c.name} ${contractorTaskSources[kind]}`,
      description,
      ownerRole: c.departmentId ? 'department_head' : 'pms_manager',
      departmentId: c.departmentId,
      startsOn: addDays(dueOn, -leadDays[kind]),
      dueOn,
      sourceType: kind,
      sourceId: c.id,
    });
  };
  for (const c of rows) {
    if (c.contractEndsOn) task(c, 'contractor_contract_expiry', c.contractEndsOn, '契約の更新又は終了を決め、終了するときは個人情報の返還・廃棄を確認します（J.9.4 3 f)）。');
    if (c.privacyMarkStatus === 'certified' && c.privacyMarkExpiresOn)
      task(c, 'contractor_privacy_mark_expiry', c.privacyMarkExpiresOn, 'プライバシーマークの更新を確認し、委託先の登録を更新します（J.9.4 委託先の選定）。');
    const due = dues.get(c.id);
    if (due?.required) task(c, 'contractor_inspection_due', due.dueOn, due.reason);
    // J.9.4 5: once the contract documents' 保存期限 has passed, their disposal is decided.
    const kept = documents.get(c.id);
    if (kept && kept.retainedCount > 0 && kept.retention.known && kept.retention.disposalDueOn <= today) {
      task(
        c,
        'contractor_document_disposal',
        addDays(kept.retention.disposalDueOn, leadDays.contractor_document_disposal),
        `契約書等（${kept.retainedCount}件）の保存期限（${japaneseDate(kept.retention.retainUntil)}）が過ぎました。${kept.retention.reason}\n廃棄するときは委託先の画面の「契約書等」から理由を添えて削除してください（J.9.4 5「委託契約書は当該個人データの保有期間にわたって保存する。」）。`,
      );
    }
  }
  let created = 0;
  for (const t of wanted) if (await ensureTask(tx, organizationId, t, today)) created += 1;
  return created;
}

/** Job: every organization's 委託先 tasks, each in its own tenant transaction (idempotent). */
export async function runContractorTaskGeneration(deps: Deps): Promise<{ created: number }> {
  const today = todayInJapan(deps.now());
  const orgs = await asSystem(deps.database, (tx) => tx.select({ id: organizations.id }).from(organizations));
  let created = 0;
  for (const org of orgs) created += await inOrg(deps.database, { organizationId: org.id }, (tx) => generateContractorTasks(tx, org.id, today));
  return { created };
}
