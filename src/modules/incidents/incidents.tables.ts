import { boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DutyAuthority, DutyKind, DutyTiming, IncidentDutiesResult, IncidentFacts } from '../../rules/incidentDuties.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { decryptField, encryptField } from '../../platform/config/fieldCrypto.ts';
import { createdAt, encryptedText, id, organizationId, updatedAt } from '../../platform/db/columns.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import type { AffectedRecord, DutyStatus, EnquirerKind, EnquiryChannel, IncidentNarrative, IncidentPhase, IncidentReportDetails, IncidentStatus } from './incidents.labels.ts';

/**
 * A JSON value holding personal data, encrypted at rest like `encryptedText` (SPEC §9: personal
 * data of incidents is encrypted with a key outside the database). Used for the 5W1H narrative
 * and the report items, which name people, places and what happened to them.
 */
function encryptedJson<T>(name: string) {
  return customType<{ data: T; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => encryptField(JSON.stringify(value)),
    fromDriver: (value) => JSON.parse(decryptField(value)) as T,
  })(name);
}

/**
 * 緊急事態・事故等 (M4, PA01 J.4.4.2): one incident, from the first report (before facts are
 * confirmed, 4-8-11 (1) 注) to closure by top management. The facts the reportability engine
 * reads are kept as given, with the rules version and result of the last evaluation, so an
 * earlier decision can always be reproduced (SPEC §5.1 rule versions).
 */
export const incidents = pgTable(
  'incidents',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    /** 受付番号 shown to the reporter, e.g. `INC-2026-0001` (per organization and year). */
    number: text('number').notNull(),
    title: text('title').notNull(),
    status: text('status').$type<IncidentStatus>().notNull().default('reported'),
    /** Current step of the response flow (世田谷区フロー ①〜⑥). */
    phase: text('phase').$type<IncidentPhase>().notNull().default('discovery'),
    /** 発生部署: its 所属長 is notified with the PMS manager. */
    departmentId: uuid('department_id').references(() => departments.id),
    /** 発見日時. */
    discoveredAt: timestamp('discovered_at', { withTimezone: true }).notNull(),
    /** 知った日 (= facts.knownOn), day 1 of every reporting period; a column for lists and indexes. */
    knownOn: date('known_on').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    reportedByPersonId: uuid('reported_by_person_id')
      .notNull()
      .references(() => people.id),
    reportedByAccountId: uuid('reported_by_account_id').references(() => accounts.id),
    /**
     * 報告者 who is not a person of the organization, as given: a 委託先 reporting through the portal
     * (資料B 第16条第2項) is 「<委託先> <報告者>（委託先ポータル）」. Then `reportedByPersonId` is the
     * person of the 委託元 who received the report (who keeps the incident in view), not its reporter.
     * Names a person: encrypted.
     */
    reportedByOutsider: encryptedText('reported_by_outsider_enc'),
    /** What the reporter wrote (may name people): encrypted. */
    reportSummary: encryptedText('report_summary_enc').notNull(),
    /** Facts as the engine reads them (SPEC §5.1 facts JSON); profile and privacyMark come from the organization. */
    facts: jsonb('facts').$type<IncidentFacts>().notNull(),
    /** Rules version of the last evaluation, e.g. `appi-2024-04`. */
    rulesVersion: text('rules_version').notNull(),
    /** The engine's whole result of the last evaluation (duties, exclusions, reasons, notes). */
    evaluation: jsonb('evaluation').$type<IncidentDutiesResult>().notNull(),
    isIncident: boolean('is_incident').notNull(),
    /** How many times the facts were saved (1 = at the report). */
    factsRevision: integer('facts_revision').notNull().default(1),
    factsUpdatedAt: timestamp('facts_updated_at', { withTimezone: true }).notNull(),
    /** Affected 個人情報 (free text until M1; see AffectedRecord.inventoryEntryId). */
    affectedRecords: jsonb('affected_records').$type<AffectedRecord[]>().notNull().default([]),
    narrative: encryptedJson<IncidentNarrative>('narrative_enc'),
    details: encryptedJson<IncidentReportDetails>('details_enc'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('incidents_number_uq').on(t.organizationId, t.number), index('incidents_org_status_idx').on(t.organizationId, t.status, t.knownOn)],
);

/**
 * 報告等の義務 (incidentDuty): one row per duty kind of an incident, kept across fact changes.
 * A duty the engine no longer returns is marked `removedAt` (its status history stays); one that
 * comes back is reactivated and counts as new (the PMS manager is notified).
 */
export const incidentDuties = pgTable(
  'incident_duties',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    kind: text('kind').$type<DutyKind>().notNull(),
    label: text('label').notNull(),
    recipient: text('recipient').notNull(),
    basis: text('basis').notNull(),
    /** What sets the duty: a statute, the certified standard, or a contract (the home counts only statutes as 法令). */
    authority: text('authority').$type<DutyAuthority>().notNull().default('law'),
    reason: text('reason').notNull(),
    timing: text('timing').$type<DutyTiming>().notNull(),
    /** 期限 (by_date / immediately), null for 速やかに. */
    dueOn: date('due_on'),
    /** 目安 window for 速やかに. */
    targetFrom: date('target_from'),
    targetTo: date('target_to'),
    triggers: jsonb('triggers').$type<string[]>().notNull().default([]),
    rulesVersion: text('rules_version').notNull(),
    status: text('status').$type<DutyStatus>().notNull().default('open'),
    /** 対応日 (報告日・通知日). */
    doneOn: date('done_on'),
    doneByPersonId: uuid('done_by_person_id').references(() => people.id),
    /** 受付番号・報告番号 (e.g. the PPC's receipt number). */
    referenceNumber: text('reference_number'),
    note: text('note'),
    /** When the engine first (or again, after a removal) returned this duty. */
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    /** When a fact change removed the duty; null while it applies. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('incident_duties_kind_uq').on(t.organizationId, t.incidentId, t.kind), index('incident_duties_open_idx').on(t.organizationId, t.status, t.dueOn)],
);

/** 対応経過 (timeline): what was done when, in which step of the response flow. */
export const incidentTimeline = pgTable(
  'incident_timeline',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    phase: text('phase').$type<IncidentPhase>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** What was done (may name people): encrypted. */
    action: encryptedText('action_enc').notNull(),
    /** 担当者 (free text: may be someone without an account, e.g. the police officer). */
    actorName: text('actor_name'),
    createdByPersonId: uuid('created_by_person_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('incident_timeline_incident_idx').on(t.organizationId, t.incidentId, t.occurredAt)],
);

/** 緊急事態対策会議 minutes (PA01 J.4.4.2 r): 対応方針決定, 対応策の実施と記録). */
export const incidentMeetings = pgTable(
  'incident_meetings',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    place: text('place'),
    attendees: text('attendees').notNull(),
    /** 議事・決定事項 (may name people): encrypted. */
    minutes: encryptedText('minutes_enc').notNull(),
    decisions: encryptedText('decisions_enc'),
    createdByPersonId: uuid('created_by_person_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('incident_meetings_incident_idx').on(t.organizationId, t.incidentId, t.heldAt)],
);

/** 外部からの問い合わせ・クレーム (PA01 J.4.4.2 v)) and their answers. */
export const incidentEnquiries = pgTable(
  'incident_enquiries',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    channel: text('channel').$type<EnquiryChannel>().notNull(),
    enquirerKind: text('enquirer_kind').$type<EnquirerKind>().notNull(),
    /** 問い合わせ者の氏名・連絡先: personal data, encrypted. */
    enquirerName: encryptedText('enquirer_name_enc'),
    enquirerContact: encryptedText('enquirer_contact_enc'),
    content: encryptedText('content_enc').notNull(),
    response: encryptedText('response_enc'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    handledByPersonId: uuid('handled_by_person_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('incident_enquiries_incident_idx').on(t.organizationId, t.incidentId, t.receivedAt)],
);
