import { z } from 'zod';
import { recordApprovalsResponse } from '../../platform/approvals/approvals.responses.ts';
import { pageResponse } from '../../platform/http/contract.ts';
import { correctiveSources, correctiveStatuses } from './corrective.labels.ts';

// Response shapes of M10 不適合・是正処置 (J.7.1). Pure (zod only): the contract, the incident
// module's contract (the corrective action opened from an incident) and the web import it.

/** 是正処置実施記録: a corrective action's own fields (presentCorrective). */
export const correctiveResponse = z.object({
  id: z.uuid(),
  /** 管理番号, e.g. `CA-2026-0001`. */
  number: z.string(),
  sourceType: z.enum(correctiveSources),
  sourceLabel: z.string(),
  /** The clause of the source (J.7.1 g) 1)〜4)). */
  sourceBasis: z.string(),
  sourceId: z.uuid().nullable(),
  sourceRef: z.string().nullable(),
  departmentId: z.uuid(),
  departmentName: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  correction: z.string().nullable(),
  rootCause: z.string().nullable(),
  similarCases: z.string().nullable(),
  plan: z.string().nullable(),
  dueOn: z.iso.date().nullable(),
  implementation: z.string().nullable(),
  implementedOn: z.iso.date().nullable(),
  effectivenessReview: z.string().nullable(),
  effective: z.boolean().nullable(),
  effectivenessReviewedOn: z.iso.date().nullable(),
  status: z.enum(correctiveStatuses),
  statusLabel: z.string(),
  reportedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
});

/** One row of 是正処置の一覧 (presentCorrectiveListItem). */
export const correctiveListItemResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  sourceType: z.enum(correctiveSources),
  sourceLabel: z.string(),
  sourceRef: z.string().nullable(),
  departmentId: z.uuid(),
  departmentName: z.string().nullable(),
  status: z.enum(correctiveStatuses),
  statusLabel: z.string(),
  dueOn: z.iso.date().nullable(),
  /** 実施期限 passed with nothing implemented yet. */
  overdue: z.boolean(),
  reportedAt: z.iso.datetime(),
});

/** 是正処置の一覧: a page of rows. */
export const correctivePageResponse = pageResponse(correctiveListItemResponse);

/**
 * What the caller may do with the record now (corrective.policy.ts): the SPA enables the form
 * sections and shows the buttons from these and never re-derives the rules of J.7.1 h).
 */
export const correctiveAbilitiesResponse = z.object({
  /** Some section may be saved (the 保存 button). */
  edit: z.boolean(),
  /** 不適合の内容・根本原因・処置計画 (h) 2); after approval a change asks for re-approval). */
  editPlan: z.boolean(),
  /** 処置の実施 (h) 4): once the plan is approved. */
  recordImplementation: z.boolean(),
  /** 有効性のレビュー (h) 6): the 個人情報保護管理者, after the plan is approved. */
  reviewEffectiveness: z.boolean(),
  /** 処置計画の申請 (h) 3)). */
  submitPlan: z.boolean(),
  /** 処置結果の申請 (h) 5)・6)). */
  submitResult: z.boolean(),
});

/** 是正処置の画面 (presentCorrectiveDetail): the record, its source, both approvals and the caller's abilities. */
export const correctiveDetailResponse = correctiveResponse.extend({
  reportedByName: z.string(),
  effectivenessReviewedByName: z.string().nullable(),
  /** The incident it came from, only for those who may see the incident (it holds personal data). */
  incident: z.object({ id: z.uuid(), number: z.string(), title: z.string() }).nullable(),
  /** The complaint it came from (J.11.1 d)), only for those who may see it (requests.read); others read 「苦情・相談」 and the 受付番号. */
  complaint: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  /** The 委託先の実地検査 it came from (「実地検査 YYYY-MM-DD 委託先名」), only for those who may see the 委託先 register. */
  contractorInspection: z.object({ contractorId: z.uuid(), inspectionId: z.uuid(), label: z.string() }).nullable(),
  planApproval: recordApprovalsResponse,
  resultApproval: recordApprovalsResponse,
  abilities: correctiveAbilitiesResponse,
});

/** A corrective action as another record links to it (the incident screen's 是正処置). */
export const correctiveLinkResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  status: z.enum(correctiveStatuses),
  statusLabel: z.string(),
});
