import { and, asc, eq, isNull } from 'drizzle-orm';
import { type Clock, todayInJapan } from '../../domain/time.ts';
import { attachments } from '../../platform/attachments/attachments.tables.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { PORTAL_UPLOADER_NAME, requestAttachmentKinds } from './request-attachments.ts';
import { computeDeadline } from './request-deadline.ts';
import { type AgentKind, type ReplyTo, type RequestKind, type RequestStatus, requestStatusLabels } from './requests.labels.ts';
import { deadlineSettingsOf } from './requests.queries.ts';
import { nextRequestNumber } from './requests.service.ts';
import { requestCorrections, requests } from './requests.tables.ts';

// 公開窓口からの受付 (issue #14 M5: a person files a 開示等の請求 or a 苦情・相談 on the
// organization's public page, without an account). The request is the same 苦情・相談等受付処理票
// staff keep (channel `web`), received today, its deadline from the engine like any other; what
// the requester later sees through the follow-up link is only its progress, never staff notes.

export type PortalRequestInput = {
  kind: RequestKind;
  requesterName: string;
  requesterAddress: string | null;
  /** 本人's contact; with an agent it may be empty (agentContact is then given). */
  requesterContact: string | null;
  agentKind: AgentKind;
  agentName: string | null;
  agentAddress: string | null;
  agentContact: string | null;
  /** Who receives the reply; 本人 when there is no agent (resolveReplyTo). */
  replyTo: ReplyTo;
  content: string;
};

/** Records a request sent from the public page: 受付日 is today (JST), the 受付方法 「Web」. */
export async function receivePortalRequest(
  tx: Tx,
  organizationId: string,
  input: PortalRequestInput,
  portalReference: string,
  clock: Clock,
): Promise<{ id: string; number: string; receivedOn: string }> {
  const number = await nextRequestNumber(tx, organizationId, clock.today);
  const { result, dueOn } = computeDeadline({
    ...(await deadlineSettingsOf(tx, organizationId)),
    kind: input.kind,
    receivedOn: clock.today,
    corrections: [],
    extended: false,
    specialProvision: false,
    today: clock.today,
  });
  const [row] = await tx
    .insert(requests)
    .values({
      ...input,
      organizationId,
      number,
      receivedOn: clock.today,
      channel: 'web',
      portalReference,
      deadline: result,
      dueOn,
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning({ id: requests.id, number: requests.number, receivedOn: requests.receivedOn });
  if (!row) throw new Error('request insert returned nothing');
  return row;
}

/** What the requester may see of their request through the follow-up link (受付状況). */
export type PortalRequestProgress = {
  number: string;
  kind: RequestKind;
  receivedOn: string;
  status: RequestStatus;
  statusLabel: string;
  /** 補正のお願い: what the office asked and when, and whether it is done. */
  corrections: { askedOn: string; what: string; completedOn: string | null; answer: string | null }[];
  repliedOn: string | null;
  /** The files the requester sent (names and kinds; staff's own files are not shown). */
  files: { kind: string; kindLabel: string; fileName: string; sentOn: string }[];
};

export async function portalRequestProgress(tx: Tx, organizationId: string, requestId: string): Promise<PortalRequestProgress | null> {
  const [row] = await tx
    .select({ number: requests.number, kind: requests.kind, receivedOn: requests.receivedOn, status: requests.status, repliedOn: requests.repliedOn })
    .from(requests)
    .where(and(eq(requests.organizationId, organizationId), eq(requests.id, requestId)));
  if (!row) return null;
  const corrections = await tx
    .select({ askedOn: requestCorrections.askedOn, what: requestCorrections.what, completedOn: requestCorrections.completedOn, answer: requestCorrections.answer })
    .from(requestCorrections)
    .where(and(eq(requestCorrections.organizationId, organizationId), eq(requestCorrections.requestId, requestId)))
    .orderBy(asc(requestCorrections.askedOn), asc(requestCorrections.createdAt));
  const files = await tx
    .select({ kind: attachments.kind, fileName: attachments.fileName, createdAt: attachments.createdAt })
    .from(attachments)
    .where(
      and(
        eq(attachments.organizationId, organizationId),
        eq(attachments.ownerType, 'request'),
        eq(attachments.ownerId, requestId),
        isNull(attachments.uploadedByAccountId),
        eq(attachments.uploadedByName, PORTAL_UPLOADER_NAME),
        isNull(attachments.deletedAt),
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return {
    ...row,
    statusLabel: requestStatusLabels[row.status],
    corrections: corrections.map((c) => ({ ...c, answer: c.answer ?? null })),
    files: files.map((f) => ({
      kind: f.kind,
      kindLabel: requestAttachmentKinds.find((k) => k.code === f.kind)?.label ?? 'その他',
      fileName: f.fileName,
      sentOn: todayInJapan(f.createdAt),
    })),
  };
}
