import { todayInJapan } from '../../domain/time.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import type { Deps } from '../../platform/http/types.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { createDueDisposalTasks } from './entry-tasks.ts';

/**
 * Job: 利用期限・保管期限が経過した台帳の項目 → 消去・廃棄タスク (SPEC M1), for every organization in
 * its own tenant transaction. Idempotent (each task has a generation key), so several instances may
 * run it at once.
 */
export async function runInventoryDisposalCheck(deps: Deps): Promise<{ created: number }> {
  const today = todayInJapan(deps.now());
  const orgs = await asSystem(deps.database, (tx) => tx.select({ id: organizations.id }).from(organizations));
  let created = 0;
  for (const org of orgs) created += await inOrg(deps.database, { organizationId: org.id }, (tx) => createDueDisposalTasks(tx, org.id, today));
  return { created };
}
