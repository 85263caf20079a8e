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
  /** The caller's own 「内容を確認しました」 of this version (J.2.2 3 周知), when they pressed it. */
  acknowledgedAt: z.string().nullable(),
});

export const policyListResponse = z.object({
  items: z.array(policyVersionResponse),
  abilities: z.object({ edit: z.boolean(), viewAcknowledgements: z.boolean() }),
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

/** 「内容を確認しました」 recorded (J.2.2 3 周知). */
export const policyAcknowledgeResponse = z.object({ versionId: z.uuid(), acknowledgedAt: z.string() });

/** 周知状況 of one version (J.2.2 3): per person, 確認済み (when) or 未確認. */
export const policyAcknowledgementsResponse = z.object({
  version: z.object({ id: z.uuid(), kind: z.enum(policyKinds), kindLabel: z.string(), versionNo: z.number().int(), statusLabel: z.string(), publishedAt: z.string().nullable() }),
  counts: z.object({ total: z.number().int(), confirmed: z.number().int(), pending: z.number().int() }),
  items: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      employeeNumber: z.string().nullable(),
      departmentId: z.uuid().nullable(),
      departmentName: z.string().nullable(),
      status: z.enum(['confirmed', 'pending']),
      statusLabel: z.string(),
      acknowledgedAt: z.string().nullable(),
    }),
  ),
  departments: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
