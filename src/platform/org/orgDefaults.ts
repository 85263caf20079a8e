import { seedApprovalChains } from '../approvals/approvals.service.ts';
import type { Tx } from '../db/connection.ts';
import { seedPmsCalendar } from '../tasks/calendar.service.ts';

/**
 * Seeds what every new organization starts with (calendar of PA01 timings, default approval
 * chains, …). Each platform part or module adds its own seeding function to `defaultSeeders`.
 * Seeders must be idempotent (run again, change nothing).
 */
export type OrganizationSeeder = (tx: Tx, organizationId: string, today: string) => Promise<void>;

export const defaultSeeders: OrganizationSeeder[] = [seedApprovalChains, seedPmsCalendar];

export async function seedOrganizationDefaults(tx: Tx, organizationId: string, today: string): Promise<void> {
  for (const seed of defaultSeeders) await seed(tx, organizationId, today);
}
