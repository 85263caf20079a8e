import { z } from 'zod';
import { organizationProfiles } from '../../domain/roles.ts';
import { recordApprovalsResponse } from '../../platform/approvals/approvals.responses.ts';
import { pageResponse } from '../../platform/http/contract.ts';
import { dutyKinds, entrustmentKinds, type IncidentFacts, incidentEventKinds } from '../../rules/incidentDuties.ts';
import { correctiveLinkResponse } from '../corrective/corrective.responses.ts';
import { dutyStatuses, enquirerKinds, enquiryChannels, incidentPhases, incidentStatuses } from './incidents.labels.ts';

// Response shapes of M4 緊急事態・事故等. Pure (zod only): the contract and the web import it.
// Dates travel as `YYYY-MM-DD`, instants as ISO strings; labels are Japanese (the web has its
// own catalog for the English switch and uses the codes).

/** How a duty's deadline is expressed (rules/incidentDuties: DutyTiming). */
const dutyTimings = ['by_date', 'promptly', 'immediately'] as const;

/** One 報告等の義務 with its countdown (presentDuty). */
export const dutyResponse = z.object({
  id: z.uuid(),
  kind: z.enum(dutyKinds),
  label: z.string(),
  recipient: z.string(),
  basis: z.string(),
  reason: z.string(),
  timing: z.enum(dutyTimings),
  dueOn: z.iso.date().nullable(),
  targetFrom: z.iso.date().nullable(),
  targetTo: z.iso.date().nullable(),
  /** The date it counts down to (期限, else the end of the 目安 window). */
  deadline: z.iso.date().nullable(),
  /** Days left to the deadline (0 = today, negative = overdue). */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  triggers: z.array(z.string()),
  rulesVersion: z.string(),
  status: z.enum(dutyStatuses),
  statusLabel: z.string(),
  doneOn: z.iso.date().nullable(),
  doneByPersonId: z.uuid().nullable(),
  doneByName: z.string().nullable(),
  referenceNumber: z.string().nullable(),
  note: z.string().nullable(),
  /** False once a fact change removed it (kept with its history). */
  active: z.boolean(),
  addedAt: z.iso.datetime(),
  removedAt: z.iso.datetime().nullable(),
});

/** What a report returns: the 受付番号 the reporter quotes. */
export const reportedResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  status: z.enum(incidentStatuses),
  reportedAt: z.iso.datetime(),
});

/** 自分の報告 (presentMyReport). */
export const myReportResponse = reportedResponse.extend({ statusLabel: z.string() });

/** One row of 事案一覧 (presentIncidentListItem). */
export const incidentListItemResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  status: z.enum(incidentStatuses),
  statusLabel: z.string(),
  phase: z.enum(incidentPhases),
  phaseLabel: z.string(),
  knownOn: z.iso.date(),
  reportedAt: z.iso.datetime(),
  isIncident: z.boolean(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  openDuties: z.number().int(),
  nextDeadline: z.iso.date().nullable(),
});

/** 事案一覧: a page of rows. */
export const incidentPageResponse = pageResponse(incidentListItemResponse);

/** ダッシュボード: the countdown of open duties of open incidents (presentDashboard). */
export const dashboardResponse = z.object({
  today: z.iso.date(),
  openIncidents: z.number().int(),
  openDuties: z.number().int(),
  overdue: z.number().int(),
  dueWithin3Days: z.number().int(),
  duties: z.array(
    dutyResponse.extend({
      incident: z.object({ id: z.uuid(), number: z.string(), title: z.string(), status: z.enum(incidentStatuses), knownOn: z.iso.date() }),
    }),
  ),
});

const flag = z.boolean().optional();
const personCount = z.number().int().nullable().optional();

/**
 * The facts as stored (SPEC §5.1 facts JSON; the engine's schema validated them when saved).
 * Listed field by field — without the engine's input checks — so an incident saved under an
 * earlier rule set still reads back.
 */
export const incidentFactsResponse = z.object({
  profile: z.enum(organizationProfiles),
  privacyMark: flag,
  knownOn: z.iso.date(),
  events: z.array(z.enum(incidentEventKinds)).optional(),
  possibleOnly: flag,
  recoveredBeforeViewed: flag,
  intentionalProvision: flag,
  rationalDeletion: flag,
  identicalCopyExists: flag,
  sensitive: flag,
  ordinanceSensitive: flag,
  financialDamageRisk: flag,
  improperPurpose: flag,
  plannedPersonalData: flag,
  myNumber: flag,
  myNumberSystem: flag,
  viewableByUnspecifiedMany: flag,
  pseudonymized: flag,
  highLevelEncryption: flag,
  persons: personCount,
  /** 本人の数 was typed as a 概数 (約1,200人): shown and printed as one. */
  personsApproximate: flag,
  personsMayExceed: personCount,
  entrustment: z.enum(entrustmentKinds).optional(),
  principalNotifiedAt: z.iso.date().nullable().optional(),
  municipalContract: flag,
});

// Every fact the engine reads is in the response: the serializer strips keys a schema lacks, and a
// fact missing here would vanish from the facts form. (A compile error here names the missing key.)
const everyFactListed: Record<keyof IncidentFacts, unknown> = incidentFactsResponse.shape;
void everyFactListed;

/** The stored evaluation, without the duties (they come as `duties`, with their status). */
export const evaluationResponse = z.object({
  isIncident: z.boolean(),
  /** Facts not yet given that the answer depends on; while any is listed, no duty is "no duty" yet (#10). */
  missingFacts: z.array(z.object({ field: z.enum(['events', 'persons']), label: z.string(), reason: z.string() })),
  countedFrom: z.iso.date(),
  triggers: z.array(z.object({ id: z.string(), label: z.string(), basis: z.string() })),
  exclusions: z.array(z.object({ id: z.string(), label: z.string(), basis: z.string(), reason: z.string(), removes: z.array(z.enum(dutyKinds)) })),
  notIncidentReasons: z.array(z.string()),
  notes: z.array(z.string()),
});

/** 影響を受けた個人情報 (AffectedRecord). */
export const affectedRecordResponse = z.object({
  inventoryEntryId: z.uuid().nullable(),
  name: z.string(),
  items: z.string().nullable(),
  persons: z.number().int().nullable(),
  medium: z.string().nullable(),
});

const text = z.string().nullable();

/** 5W1H (世田谷区フロー ③調査). */
export const narrativeResponse = z.object({ when: text, where: text, who: text, what: text, why: text, how: text });

/** The free-text items 4–9 of the 漏えい等報告 (施行規則第8条第1項). */
export const reportDetailsResponse = z.object({
  cause: text,
  secondaryDamage: text,
  individualResponse: text,
  publicationStatus: text,
  recurrencePrevention: text,
  otherNotes: text,
});

/** 対応経過. */
export const timelineEntryResponse = z.object({
  id: z.uuid(),
  phase: z.enum(incidentPhases),
  phaseLabel: z.string(),
  occurredAt: z.iso.datetime(),
  action: z.string(),
  actorName: z.string().nullable(),
});

/** 緊急事態対策会議の議事録 (J.4.4.2 r)). */
export const meetingResponse = z.object({
  id: z.uuid(),
  heldAt: z.iso.datetime(),
  place: z.string().nullable(),
  attendees: z.string(),
  minutes: z.string(),
  decisions: z.string().nullable(),
});

/** 外部からの問い合わせ・クレーム (J.4.4.2 v)). */
export const enquiryResponse = z.object({
  id: z.uuid(),
  receivedAt: z.iso.datetime(),
  channel: z.enum(enquiryChannels),
  channelLabel: z.string(),
  enquirerKind: z.enum(enquirerKinds),
  enquirerKindLabel: z.string(),
  enquirerName: z.string().nullable(),
  enquirerContact: z.string().nullable(),
  content: z.string(),
  response: z.string().nullable(),
  respondedAt: z.iso.datetime().nullable(),
  handledByName: z.string().nullable(),
});

/**
 * What the caller may do with the incident now (incidents.policy.ts incidentAbilities): the SPA
 * shows its forms and buttons from these and never re-derives the rules.
 */
export const incidentAbilitiesResponse = z.object({
  /** Change the record, the facts, the duties, the timeline, meetings and enquiries (not while closing or closed). */
  edit: z.boolean(),
  /** 終結の申請 (J.4.4.2): the PMS side or the department's 所属長, while 対応中. */
  submitClosure: z.boolean(),
  /** 是正処置の起票 from the cause (J.4.4.2 z)): the same people, once per incident. */
  openCorrective: z.boolean(),
});

/** The incident screen (presentIncidentDetail): personal data included — the route records the read. */
export const incidentDetailResponse = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  status: z.enum(incidentStatuses),
  statusLabel: z.string(),
  phase: z.enum(incidentPhases),
  phaseLabel: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  discoveredAt: z.iso.datetime(),
  knownOn: z.iso.date(),
  reportedAt: z.iso.datetime(),
  /** 報告者: a person of the organization, or a 委託先 and its person (「…（委託先ポータル）」). */
  reportedByName: z.string(),
  /** Who of the organization received a 委託先's report; null when a 従業者 reported it. */
  receivedByName: z.string().nullable(),
  reportSummary: z.string(),
  facts: incidentFactsResponse,
  factsRevision: z.number().int(),
  factsUpdatedAt: z.iso.datetime(),
  rulesVersion: z.string(),
  evaluation: evaluationResponse,
  affectedRecords: z.array(affectedRecordResponse),
  narrative: narrativeResponse,
  details: reportDetailsResponse,
  duties: z.array(dutyResponse),
  timeline: z.array(timelineEntryResponse),
  meetings: z.array(meetingResponse),
  enquiries: z.array(enquiryResponse),
  /** The corrective action opened from the cause (J.7.1), if any. */
  correctiveAction: correctiveLinkResponse.nullable(),
  closure: recordApprovalsResponse,
  closedAt: z.iso.datetime().nullable(),
  /** The organization's facts (profile and Privacy Mark) the facts form shows read-only. */
  organization: z.object({
    profile: z.enum(organizationProfiles),
    privacyMarkNumber: z.string().nullable(),
    privacyMarkValidFrom: z.iso.date().nullable(),
    privacyMarkValidTo: z.iso.date().nullable(),
  }),
  abilities: incidentAbilitiesResponse,
});

/** What 事案の記録の更新 returns. */
export const incidentUpdatedResponse = z.object({
  id: z.uuid(),
  status: z.enum(incidentStatuses),
  phase: z.enum(incidentPhases),
  updatedAt: z.iso.datetime(),
});

/** What 事実の更新 returns: the new evaluation's version and the duties it added or removed. */
export const factsUpdatedResponse = z.object({
  id: z.uuid(),
  rulesVersion: z.string(),
  factsRevision: z.number().int(),
  isIncident: z.boolean(),
  added: z.array(dutyResponse),
  removed: z.array(dutyResponse),
});

/** The id of a timeline entry, meeting or enquiry that was added or changed. */
export const entryIdResponse = z.object({ id: z.uuid() });
