import { and, eq } from 'drizzle-orm';
import type { AttachmentOwner } from '../../platform/attachments/owners.ts';
import { seedAttachment } from '../../platform/attachments/attachments.service.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { can } from '../../platform/policies/actor.ts';
import { closedRequestStatuses } from './requests.labels.ts';
import { canManageRequests } from './requests.policy.ts';
import { requests } from './requests.tables.ts';

/** 種別 of a file on a request: J.10.2 本人確認 (本人確認書類, 委任状) and a 補正's answer. */
export const requestAttachmentKinds = [
  { code: 'identity_document', label: '本人確認書類' },
  { code: 'power_of_attorney', label: '委任状' },
  { code: 'agent_authority', label: '法定代理権を示す書類' },
  { code: 'correction_answer', label: '補正の回答' },
  { code: 'other', label: 'その他' },
] as const;
export type RequestAttachmentKind = (typeof requestAttachmentKinds)[number]['code'];

/**
 * Files on a 開示等の請求・苦情 (添付ファイル, SPEC §3): the 委任状 and 本人確認書類 a requester sends
 * from the public portal (J.10.2), a 補正's answer, papers staff scan. Seen by who sees requests
 * (requests.read / requests.manage); added or removed by requests.manage while the request is open.
 * Encrypted at rest, each download recorded as a read of personal data.
 */
export const requestAttachmentOwner: AttachmentOwner = {
  type: 'request',
  label: '開示等の請求・苦情',
  personalData: true,
  kinds: requestAttachmentKinds,
  async canRead(tx, actor, ownerId) {
    if (!can(actor, 'requests.read') && !canManageRequests(actor)) return false;
    const [row] = await tx
      .select({ id: requests.id })
      .from(requests)
      .where(and(eq(requests.organizationId, actor.organizationId), eq(requests.id, ownerId)));
    return !!row;
  },
  async canWrite(tx, actor, ownerId) {
    if (!canManageRequests(actor)) return false;
    const [row] = await tx
      .select({ status: requests.status })
      .from(requests)
      .where(and(eq(requests.organizationId, actor.organizationId), eq(requests.id, ownerId)));
    return !!row && !closedRequestStatuses.includes(row.status);
  },
};

/** The name shown as the uploader of a file the requester sent from the public portal. */
export const PORTAL_UPLOADER_NAME = '請求者（Web受付）';

/**
 * Stores a file the requester sent from the public portal on their request (no acting account:
 * the portal has checked the follow-up token or the bot check, and the file's type and size).
 */
export async function attachPortalFile(tx: Tx, organizationId: string, requestId: string, file: { kind: RequestAttachmentKind; fileName: string; bytes: Buffer }): Promise<void> {
  await seedAttachment(tx, {
    organizationId,
    ownerType: 'request',
    ownerId: requestId,
    kind: file.kind,
    fileName: file.fileName,
    bytes: file.bytes,
    uploadedByName: PORTAL_UPLOADER_NAME,
  });
}
