import { todayInJapan } from '../../domain/time.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import type { Deps } from '../http/types.ts';
import { organizations } from '../org/org.tables.ts';
import { generateCalendarTasks } from './calendar.service.ts';

/**
 * Job: creates the tasks of every organization's upcoming calendar occurrences. Idempotent
 * (unique generation keys), so several instances may run it at once; each organization is
 * handled in its own tenant transaction.
 */
export async function runCalendarTaskGeneration(deps: Deps, options: { lookaheadDays?: number } = {}): Promise<{ created: number }> {
  const today = todayInJapan(deps.now());
  const orgs = await asSystem(deps.database, (tx) => tx.select({ id: organizations.id }).from(organizations));
  let created = 0;
  for (const org of orgs) {
    created += await inOrg(deps.database, { organizationId: org.id }, (tx) => generateCalendarTasks(tx, org.id, today, options));
  }
  return { created };
}
