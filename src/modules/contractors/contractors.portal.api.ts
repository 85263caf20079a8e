import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { contractors } from './contractors.tables.ts';

// What the 委託先 portal (src/modules/contractorPortal/) may read of the 委託先 register: the
// contractor a link or an exchange is about, by id, within the 委託元's organization.

export async function contractorForPortal(tx: Tx, organizationId: string, id: string): Promise<{ id: string; name: string; departmentId: string | null } | null> {
  const [row] = await tx
    .select({ id: contractors.id, name: contractors.name, departmentId: contractors.departmentId })
    .from(contractors)
    .where(and(eq(contractors.organizationId, organizationId), eq(contractors.id, id)));
  return row ?? null;
}

/** Several 委託先 of one organization by id, in one query (unknown ids and other organizations' rows left out). */
export async function contractorsForPortal(
  tx: Tx,
  organizationId: string,
  ids: readonly string[],
): Promise<Map<string, { id: string; name: string; departmentId: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: contractors.id, name: contractors.name, departmentId: contractors.departmentId })
    .from(contractors)
    .where(and(eq(contractors.organizationId, organizationId), inArray(contractors.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The demo's contractor of a name (the 委託先 portal's demo link). */
export async function contractorNamed(tx: Tx, organizationId: string, name: string): Promise<{ id: string; name: string } | null> {
  const [row] = await tx
    .select({ id: contractors.id, name: contractors.name })
    .from(contractors)
    .where(and(eq(contractors.organizationId, organizationId), eq(contractors.name, name)));
  return row ?? null;
}

// 再委託申請 from the portal (issue #13): filed by the 委託先, put to approval by the 委託元.
export {
  contractTermsForPortal,
  fileSubcontractFromPortal,
  type PortalContractTerms,
  portalSubcontractingNotice,
  type PortalSubcontractInput,
  type PortalSubcontractStatus,
  submitPortalSubcontract,
  subcontractStatuses,
} from './subcontracting.portal.ts';

/** The contractor's 所管の所属 (the 委託先's incident report notifies its 所属長). */
export async function contractorDepartment(tx: Tx, organizationId: string, id: string): Promise<string | null> {
  const [row] = await tx
    .select({ departmentId: contractors.departmentId })
    .from(contractors)
    .where(and(eq(contractors.organizationId, organizationId), eq(contractors.id, id)));
  return row?.departmentId ?? null;
}

/**
 * The 委託元's criteria set in force (J.9.4 s)): what a new 調査票 sends and what an evaluation
 * pre-filled from an accepted 調査票 is mapped onto (by item code).
 */
export { currentCriteria as currentContractorCriteria } from './contractor-criteria.ts';
