import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { requests } from './requests.tables.ts';

// Who may see a 苦情・相談 from another record (the 是正処置 opened from it, J.11.1 d) → J.7.1 g) 3)):
// holders of requests.read. Others see only 「苦情・相談」 and its 受付番号 on the corrective action —
// never a link, the complainant or the content (SPEC §9 least privilege, as issue #11 finding 6
// did for incidents).

/** A complaint as a linked record shows it: its id and 受付番号 (no personal data). */
export type ComplaintSummary = { id: string; number: string };

/** The complaint `id` if the actor may see it (requests.read), else null. */
export async function complaintSummaryFor(tx: Tx, actor: Actor, id: string): Promise<ComplaintSummary | null> {
  if (!can(actor, 'requests.read')) return null;
  const [row] = await tx
    .select({ id: requests.id, number: requests.number })
    .from(requests)
    .where(and(eq(requests.organizationId, actor.organizationId), eq(requests.id, id), eq(requests.kind, 'complaint')));
  return row ?? null;
}

/** Of `ids`, the complaints the actor may see. */
export async function visibleComplaintIds(tx: Tx, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0 || !can(actor, 'requests.read')) return new Set();
  const rows = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.organizationId, actor.organizationId), inArray(requests.id, [...ids]), eq(requests.kind, 'complaint')));
  return new Set(rows.map((r) => r.id));
}
