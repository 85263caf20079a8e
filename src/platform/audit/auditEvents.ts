import type { Tx } from '../db/connection.ts';
import { auditLog } from './audit.tables.ts';

/** Events that are not row writes: logins, reads of personal data, exports, approvals. */
export type AuditEvent = {
  organizationId: string;
  action: 'login' | 'login_failed' | 'logout' | 'read' | 'export' | 'import' | 'approve' | 'return' | 'session_expired' | 'alert' | (string & {});
  entityType: string;
  entityId?: string | null;
  actorAccountId?: string | null;
  /** Number of personal-data records read or exported (drives the bulk-access alert). */
  rowCount?: number;
  meta?: Record<string, unknown>;
};

/**
 * Appends an event to the audit trail inside the caller's transaction. The chain trigger
 * numbers and hashes it; placeholders below are overwritten there.
 */
export async function recordAuditEvent(tx: Tx, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    organizationId: event.organizationId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    actorAccountId: event.actorAccountId ?? null,
    rowCount: event.rowCount ?? 0,
    meta: event.meta ?? null,
    chainSeq: 0,
    createdAt: new Date(),
    prevHash: '',
    hash: '',
  });
}
