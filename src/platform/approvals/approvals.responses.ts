import { z } from 'zod';
import { pmsRoles } from '../../domain/roles.ts';
import { approvalStatuses } from '../../rules/approvalChains.ts';

// Response shapes of the approvals engine that records embed (a record's 承認印 on its own
// screen). Pure (zod only): module contracts and the web import it.

/** One 承認印: who approved or returned a step, when, with what comment (代理 in onBehalfOfName). */
export const stampResponse = z.object({
  step: z.number().int(),
  stepLabel: z.string(),
  action: z.enum(['approve', 'return']),
  actorName: z.string(),
  onBehalfOfName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.iso.datetime(),
});

/** One approval request of a record, with its chain and stamps. */
export const recordApprovalResponse = z.object({
  requestId: z.uuid(),
  status: z.enum(approvalStatuses),
  statusLabel: z.string(),
  submittedByName: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  steps: z.array(z.object({ index: z.number().int(), role: z.enum(pmsRoles), roleLabel: z.string(), label: z.string() })),
  stamps: z.array(stampResponse),
});

/** A record's approvals: the current request and the earlier ones (presentRecordApprovals). */
export const recordApprovalsResponse = z.object({ current: recordApprovalResponse.nullable(), history: z.array(recordApprovalResponse) });

/** What a submission returns: the approval request created. */
export const submittedResponse = z.object({ approvalRequestId: z.uuid(), status: z.enum(approvalStatuses) });
