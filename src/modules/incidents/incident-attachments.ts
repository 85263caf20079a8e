import { and, eq } from 'drizzle-orm';
import type { AttachmentOwner } from '../../platform/attachments/owners.ts';
import { can } from '../../platform/policies/actor.ts';
import { isEditable, managesDepartment, visibleIncidents } from './incidents.policy.ts';
import { incidents } from './incidents.tables.ts';

/**
 * Files on an incident (添付ファイル, SPEC §3): evidence, the copy of a report sent to the
 * 個人情報保護委員会 or the 委託元, photographs. Visible to exactly who sees the incident
 * (incidents.policy.ts); added or removed by its handlers (incidents.manage), its reporter and
 * the 所属長 of its department, until the closure is submitted. Encrypted at rest: incidents hold
 * personal data, and each download is recorded as a read of it.
 */
export const incidentAttachmentOwner: AttachmentOwner = {
  type: 'incident',
  label: '事故等',
  personalData: true,
  kinds: [
    { code: 'evidence', label: '証跡・資料' },
    { code: 'report_copy', label: '報告書の控え' },
    { code: 'other', label: 'その他' },
  ],
  async canRead(tx, actor, ownerId) {
    const [row] = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(visibleIncidents(actor), eq(incidents.id, ownerId)));
    return !!row;
  },
  async canWrite(tx, actor, ownerId) {
    const [row] = await tx
      .select({ status: incidents.status, departmentId: incidents.departmentId, reportedByPersonId: incidents.reportedByPersonId })
      .from(incidents)
      .where(and(visibleIncidents(actor), eq(incidents.id, ownerId)));
    if (!row || !isEditable(row)) return false;
    return can(actor, 'incidents.manage') || row.reportedByPersonId === actor.personId || managesDepartment(actor, row.departmentId);
  },
};
