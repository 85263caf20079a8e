import { z } from 'zod';
import { policyKinds } from '../../rules/policy/policyChecker.ts';
import { policyStatuses } from './policy.labels.ts';

// Response schemas of 個人情報保護方針 (J.2.2).

const item = z.object({ code: z.string(), clause: z.string(), text: z.string() });

/** The J.2.2 2 a)〜h) check of a version. */
export const policyCheckResponse = z.object({
  version: z.string(),
  missing: z.array(item),
  present: z.array(item.extend({ by: z.enum(['ticked', 'text']), keyword: z.string().nullable() })),
});

export const policyVersionResponse = z.object({
  id: z.uuid(),
  kind: z.enum(policyKinds),
  kindLabel: z.string(),
  versionNo: z.number().int(),
  status: z.enum(policyStatuses),
  statusLabel: z.string(),
  body: z.string(),
  ticked: z.array(z.string()),
  topManagementName: z.string().nullable(),
  establishedOn: z.string().nullable(),
  lastRevisedOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  check: policyCheckResponse,
});

export const policyListResponse = z.object({
  items: z.array(policyVersionResponse),
  abilities: z.object({ edit: z.boolean() }),
});

export const policySubmitResponse = policyVersionResponse.extend({ approvalRequestId: z.uuid() });

/** The published 外部向け policy on the public page (no account). */
export const publicPolicyResponse = z.object({
  organizationName: z.string(),
  title: z.string(),
  versionNo: z.number().int(),
  body: z.string(),
  topManagementName: z.string(),
  establishedOn: z.string(),
  lastRevisedOn: z.string().nullable(),
});
