import { z } from 'zod';
import { acquisitionMethods, exemptionClauses, processedKinds, sensitiveExceptionLetters, specialCategoryIds, storageMedia } from '../../rules/inventoryRules.ts';
import { recordStatuses } from '../../platform/reviews/reviews.schema.ts';
import { reviewDiffBaseResponse } from '../../platform/reviews/reviews.responses.ts';
import { entryStatuses, historyKinds, requestKinds, riskStatusCodes } from './inventory.schema.ts';

// Response shapes of the 個人情報管理台帳 API (SPEC M1): what each presenter returns
// (inventory.presenters.ts). Pure (zod only): the contract and the web import them. Dates are
// YYYY-MM-DD (z.iso.date), instants ISO 8601 (z.iso.datetime).

const term = z.object({ date: z.iso.date().nullable(), description: z.string().nullable() });

/**
 * The stored content of an entry (inventory.schema.ts `EntryContent`, the output of
 * entryContentSchema): every item J.3.1.1 3 names and the classification of SPEC M1.
 */
export const entryContentResponse = z.object({
  name: z.string(),
  departmentId: z.uuid(),
  items: z.array(z.string()),
  purpose: z.string().nullable(),
  storageLocation: z.string().nullable(),
  storageMethod: z.object({ media: z.enum(storageMedia).nullable(), description: z.string().nullable() }),
  accessHolderIds: z.array(z.uuid()),
  accessHolderNote: z.string().nullable(),
  useUntil: term,
  retainUntil: term,
  recordCount: z.object({ value: z.number().int(), approximate: z.boolean() }).nullable(),
  acquisitionMethods: z.array(z.enum(acquisitionMethods)),
  sensitive: z.boolean(),
  /** J.8.3: written consent, or one lettered exception with its reason. */
  sensitiveBasis: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('written_consent'), noticeRef: z.string().nullable() }),
      z.object({ kind: z.literal('exception'), letter: z.enum(sensitiveExceptionLetters), reason: z.string().nullable() }),
    ])
    .nullable(),
  specialCategories: z.array(z.enum(specialCategoryIds)),
  myNumber: z.boolean(),
  retainedPersonalData: z.boolean(),
  processedKind: z.enum(processedKinds),
  entrustedTo: z.array(z.string()),
  thirdPartyProvision: z.boolean(),
  thirdPartyDetails: z.string().nullable(),
  jointUseDetails: z.string().nullable(),
  overseasCountries: z.array(z.string()),
  overseasBasis: z.enum(['a', 'b', 'c']).nullable(),
  contactsPersons: z.boolean(),
  disposalMethod: z.string().nullable(),
  disposedAt: z.iso.date().nullable(),
  noticeRefs: z.array(z.string()),
  /** 通知文の版 the entry relies on (absent on entries written before M6). */
  noticeVersionIds: z.array(z.uuid()).optional(),
  /** Recorded exceptions to a notice / consent / confirmation duty (J.8.4, J.8.5, J.8.7, J.8.8, J.8.8.3). */
  exemptions: z.array(
    z.object({
      clause: z.enum(exemptionClauses),
      letter: z.string(),
      subItem: z.enum(['1', '2', '3', '4']).nullish(),
      reason: z.string().nullable(),
    }),
  ),
});

/** One changed field, with values as people read them (inventory.content.shared.ts `ContentChange`). */
export const contentChangeResponse = z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() });

/** A clause-cited finding of the rule engine, with the API field path the form marks. */
export const findingResponse = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  path: z.string(),
  clause: z.string(),
  quote: z.string(),
  message: z.string(),
});

/** A notice / consent / confirmation / record duty the entry triggers (J.8.2–J.8.8.3; rules `HandlingDuty`). */
export const dutyResponse = z.object({
  id: z.string(),
  label: z.string(),
  clause: z.string(),
  quote: z.string(),
  timing: z.string(),
  triggeredBy: z.array(z.string()),
  status: z.enum(['required', 'exempted']),
  exemptedBy: z.object({ clause: z.string(), letter: z.string(), text: z.string(), reason: z.string() }).nullable(),
  items: z.array(z.object({ letter: z.string(), text: z.string() })),
  procedure: z.string().nullable(),
  certainty: z.enum(['seed', 'interpretation']),
  note: z.string().nullable(),
});

/** 利用期限・保管期限の経過 → 消去・廃棄 (rules `DisposalDue`; J.9.1 2, J.9.2 b) 3) ⑤・6)). */
export const disposalResponse = z.object({
  entryId: z.string(),
  entryName: z.string(),
  reasons: z.array(z.object({ kind: z.enum(['use_period_ended', 'retention_period_ended']), label: z.string(), date: z.iso.date(), clause: z.string(), quote: z.string() })),
  dueSince: z.iso.date(),
  keepUntil: z.iso.date().nullable(),
  task: z.object({
    kind: z.literal('disposal'),
    title: z.string(),
    ownerRole: z.literal('department_head'),
    methods: z.array(z.object({ text: z.string(), clause: z.string() })),
  }),
});

/** A person named as アクセス権を有する者. */
const personRef = z.object({ id: z.uuid(), name: z.string() });

// ---- entries ----

/** One row of 台帳一覧: what the table shows (the content stays on the detail). */
export const entryListItemResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  revision: z.number().int(),
  status: z.enum(entryStatuses),
  items: z.array(z.string()),
  purpose: z.string().nullable(),
  storageMedia: z.enum(storageMedia).nullable(),
  sensitive: z.boolean(),
  myNumber: z.boolean(),
  retainedPersonalData: z.boolean(),
  entrusted: z.boolean(),
  thirdPartyProvision: z.boolean(),
  overseas: z.boolean(),
  processedKind: z.enum(processedKinds),
  recordCount: z.number().int().nullable(),
  approximate: z.boolean(),
  useUntilDate: z.iso.date().nullable(),
  retainUntilDate: z.iso.date().nullable(),
  retainUntilText: z.string().nullable(),
  disposedAt: z.iso.date().nullable(),
  /** A 期限 has passed and the entry is not disposed of yet (SPEC M1). */
  disposalDue: z.boolean(),
  riskStatus: z.enum(riskStatusCodes),
  riskStatusLabel: z.string(),
  updatedAt: z.iso.datetime(),
});

/** Counts of the active entries: 未分析・要見直し・要配慮・期限経過 (the list's summary tags). */
export const entrySummaryResponse = z.object({
  total: z.number().int(),
  unanalysed: z.number().int(),
  needsReview: z.number().int(),
  sensitive: z.number().int(),
  disposalDue: z.number().int(),
});

/** One version of an entry in 台帳の履歴: who asked, who made it happen, what changed, through which request or import. */
export const historyItemResponse = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  kind: z.enum(historyKinds),
  kindLabel: z.string(),
  summary: z.string(),
  changes: z.array(contentChangeResponse),
  requestId: z.uuid().nullable(),
  requestKindLabel: z.string().nullable(),
  importId: z.uuid().nullable(),
  requestedByName: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.iso.datetime(),
});

/** What the caller may do with an entry (get-entry-detail.ts `EntryAbilities`). */
export const entryAbilitiesResponse = z.object({
  /** 個人情報取扱変更等申請書 for it (J.3.1.1 d), J.8.6). */
  requestChange: z.boolean(),
});

/** One 台帳 entry: its content, rule findings, duties, disposal, リスク分析, open 申請書, history and the caller's abilities. */
export const entryDetailResponse = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  status: z.enum(entryStatuses),
  name: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  content: entryContentResponse,
  /** 取込時の追加情報 (issue #12): the imported file's columns no field took, heading and value as written. */
  importExtras: z.array(z.object({ heading: z.string(), value: z.string() })),
  accessHolders: z.array(personRef),
  /** 通知文の版 it refers to (M6), with their names. */
  noticeVersions: z.array(z.object({ id: z.uuid(), templateId: z.uuid(), title: z.string(), versionNo: z.number().int(), published: z.boolean() })),
  riskStatus: z.enum(riskStatusCodes),
  riskStatusLabel: z.string(),
  findings: z.array(findingResponse),
  duties: z.array(dutyResponse),
  disposal: disposalResponse.nullable(),
  /** The リスク分析対策表 covering it; `current` when it analysed this revision. */
  assessments: z.array(
    z.object({
      id: z.uuid(),
      category: z.string(),
      status: z.enum(recordStatuses),
      statusLabel: z.string(),
      entryRevision: z.number().int(),
      approvedAt: z.iso.datetime().nullable(),
      current: z.boolean(),
    }),
  ),
  openRequests: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(requestKinds),
      kindLabel: z.string(),
      status: z.enum(recordStatuses),
      statusLabel: z.string(),
      createdAt: z.iso.datetime(),
    }),
  ),
  history: z.array(historyItemResponse),
  abilities: entryAbilitiesResponse,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

// ---- 申請書 ----

/** One row of 申請書の一覧. */
export const requestListItemResponse = z.object({
  id: z.uuid(),
  kind: z.enum(requestKinds),
  kindLabel: z.string(),
  name: z.string(),
  entryId: z.uuid().nullable(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  status: z.enum(recordStatuses),
  statusLabel: z.string(),
  requestedByName: z.string(),
  reason: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});

/** What the caller may do with a 申請書 (inventory.requests.ts `RequestAbilities`). */
export const requestAbilitiesResponse = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  withdraw: z.boolean(),
});

/**
 * 新規個人情報取得申請書 / 個人情報取扱変更等申請書: the proposed content, the entry as it is and
 * the diff for a change, the rules' findings and duties, its approval request, the caller's abilities.
 */
export const requestDetailResponse = z.object({
  id: z.uuid(),
  kind: z.enum(requestKinds),
  kindLabel: z.string(),
  recordType: z.string(),
  status: z.enum(recordStatuses),
  statusLabel: z.string(),
  entryId: z.uuid().nullable(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  proposed: entryContentResponse,
  accessHolders: z.array(personRef),
  reason: z.string(),
  noticeDraft: z.string().nullable(),
  baseRevision: z.number().int().nullable(),
  reviewId: z.uuid().nullable(),
  requestedByName: z.string(),
  /** The entry as it is now (a change), or null (an acquisition before approval). */
  entry: z.object({ id: z.uuid(), name: z.string(), revision: z.number().int(), data: entryContentResponse }).nullable(),
  changes: z.array(contentChangeResponse),
  /** The entry changed after the request was written: the approval would be refused. */
  stale: z.boolean(),
  findings: z.array(findingResponse),
  duties: z.array(dutyResponse),
  approvalRequestId: z.uuid().nullable(),
  /** Edited after submission: approving asks for a new submission (Principle 3). */
  changedSinceSubmission: z.boolean(),
  abilities: requestAbilitiesResponse,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});

// ---- 見直し ----

/** One follow-up a change of the 台帳 calls for in the yearly review (J.3.1.1 c)・d), J.3.1.3, J.8.6). */
const followUpResponse = z.object({
  kind: z.enum(['acquisition_request', 'change_request', 'purpose_change', 'risk_analysis', 'risk_removal']),
  clause: z.string(),
  message: z.string(),
});

/** The 台帳 against last year's (rules `reviewDiff`): entries added, removed and changed field by field. */
export const inventoryReviewDiffResponse = z.object({
  added: z.array(z.object({ id: z.string(), name: z.string(), followUps: z.array(followUpResponse) })),
  removed: z.array(z.object({ id: z.string(), name: z.string(), followUps: z.array(followUpResponse) })),
  changed: z.array(z.object({ id: z.string(), name: z.string(), changes: z.array(contentChangeResponse), followUps: z.array(followUpResponse) })),
  unchangedIds: z.array(z.string()),
});

/** The diff a 台帳 review keeps (reviews.tables.ts `StoredReviewDiff`, subject `inventory`). */
export const inventoryStoredReviewDiffResponse = reviewDiffBaseResponse.extend({ inventory: inventoryReviewDiffResponse.optional() });
