import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { touchIncident } from './incident-writes.ts';
import { assertEditable } from './incidents.policy.ts';
import { findVisibleIncident, type IncidentRow } from './incidents.queries.ts';
import { type enquiryBody, type meetingBody, type timelineBody, toInstant } from './incidents.schema.ts';
import { incidentEnquiries, incidentMeetings, incidentTimeline } from './incidents.tables.ts';

// The response log of an incident (PA01 J.4.4.2 v)〜x) 緊急事態対応記録): 対応経過 in the steps of
// the response flow, 緊急事態対策会議 minutes (r)) and 外部からの問い合わせ・クレーム (v)). Each
// entry belongs to an incident the actor may see and change (not while closing or closed).

type LogTable = typeof incidentTimeline | typeof incidentMeetings | typeof incidentEnquiries;

const timelineValues = (input: z.output<typeof timelineBody>) => ({ ...input, occurredAt: toInstant(input.occurredAt) });
const meetingValues = (input: z.output<typeof meetingBody>) => ({ ...input, heldAt: toInstant(input.heldAt) });
const enquiryValues = (input: z.output<typeof enquiryBody>) => ({ ...input, receivedAt: toInstant(input.receivedAt), respondedAt: toInstant(input.respondedAt) });

/** The incident an entry may be added to (visible and still editable), locked for the change. */
async function editableIncident(tx: Tx, actor: Actor, incidentId: string): Promise<IncidentRow> {
  const incident = await findVisibleIncident(tx, actor, incidentId, { forUpdate: true });
  assertEditable(incident);
  return incident;
}

/** The incident of an existing entry (404 for an entry of another organization or an invisible incident). */
async function incidentOfEntry(tx: Tx, actor: Actor, table: LogTable, id: string, what: string): Promise<IncidentRow> {
  const [row] = await tx
    .select({ incidentId: table.incidentId })
    .from(table as typeof incidentTimeline)
    .where(and(eq(table.organizationId, actor.organizationId), eq(table.id, id)));
  if (!row) throw notFound(what);
  return editableIncident(tx, actor, row.incidentId);
}

/** The changed or added row, or 404 (a row gone between the check and the change). */
function found<T>(row: T | undefined, what: string): T {
  if (!row) throw notFound(what);
  return row;
}

// ---- 対応経過: recording a later step of the flow moves the incident to it ----

export async function addTimelineEntry(tx: Tx, actor: Actor, incidentId: string, input: z.output<typeof timelineBody>, clock: Clock) {
  const incident = await editableIncident(tx, actor, incidentId);
  const [row] = await tx
    .insert(incidentTimeline)
    .values({ organizationId: actor.organizationId, incidentId, ...timelineValues(input), createdByPersonId: actor.personId, createdAt: clock.now, updatedAt: clock.now })
    .returning();
  await touchIncident(tx, incident, clock.now, input.phase);
  return found(row, '対応経過');
}

export async function updateTimelineEntry(tx: Tx, actor: Actor, id: string, input: z.output<typeof timelineBody>, clock: Clock) {
  const incident = await incidentOfEntry(tx, actor, incidentTimeline, id, '対応経過');
  const [row] = await tx
    .update(incidentTimeline)
    .set({ ...timelineValues(input), updatedAt: clock.now })
    .where(and(eq(incidentTimeline.organizationId, actor.organizationId), eq(incidentTimeline.id, id)))
    .returning();
  await touchIncident(tx, incident, clock.now, input.phase);
  return found(row, '対応経過');
}

export async function deleteTimelineEntry(tx: Tx, actor: Actor, id: string): Promise<void> {
  await incidentOfEntry(tx, actor, incidentTimeline, id, '対応経過');
  await tx.delete(incidentTimeline).where(and(eq(incidentTimeline.organizationId, actor.organizationId), eq(incidentTimeline.id, id)));
}

// ---- 緊急事態対策会議 (J.4.4.2 r)) ----

export async function addMeeting(tx: Tx, actor: Actor, incidentId: string, input: z.output<typeof meetingBody>, clock: Clock) {
  const incident = await editableIncident(tx, actor, incidentId);
  const [row] = await tx
    .insert(incidentMeetings)
    .values({ organizationId: actor.organizationId, incidentId, ...meetingValues(input), createdByPersonId: actor.personId, createdAt: clock.now, updatedAt: clock.now })
    .returning();
  await touchIncident(tx, incident, clock.now);
  return found(row, '緊急事態対策会議の記録');
}

export async function updateMeeting(tx: Tx, actor: Actor, id: string, input: z.output<typeof meetingBody>, clock: Clock) {
  await incidentOfEntry(tx, actor, incidentMeetings, id, '緊急事態対策会議の記録');
  const [row] = await tx
    .update(incidentMeetings)
    .set({ ...meetingValues(input), updatedAt: clock.now })
    .where(and(eq(incidentMeetings.organizationId, actor.organizationId), eq(incidentMeetings.id, id)))
    .returning();
  return found(row, '緊急事態対策会議の記録');
}

export async function deleteMeeting(tx: Tx, actor: Actor, id: string): Promise<void> {
  await incidentOfEntry(tx, actor, incidentMeetings, id, '緊急事態対策会議の記録');
  await tx.delete(incidentMeetings).where(and(eq(incidentMeetings.organizationId, actor.organizationId), eq(incidentMeetings.id, id)));
}

// ---- 外部からの問い合わせ・クレーム (J.4.4.2 v)) ----

function checkEnquiryDates(input: z.output<typeof enquiryBody>): void {
  if (input.respondedAt && new Date(input.respondedAt) < new Date(input.receivedAt)) throw invalid('respondedAt', '回答日時は受付日時以降で入力してください');
}

export async function addEnquiry(tx: Tx, actor: Actor, incidentId: string, input: z.output<typeof enquiryBody>, clock: Clock) {
  const incident = await editableIncident(tx, actor, incidentId);
  checkEnquiryDates(input);
  const [row] = await tx
    .insert(incidentEnquiries)
    .values({ organizationId: actor.organizationId, incidentId, ...enquiryValues(input), handledByPersonId: actor.personId, createdAt: clock.now, updatedAt: clock.now })
    .returning();
  await touchIncident(tx, incident, clock.now);
  return found(row, '問い合わせの記録');
}

export async function updateEnquiry(tx: Tx, actor: Actor, id: string, input: z.output<typeof enquiryBody>, clock: Clock) {
  await incidentOfEntry(tx, actor, incidentEnquiries, id, '問い合わせの記録');
  checkEnquiryDates(input);
  const [row] = await tx
    .update(incidentEnquiries)
    .set({ ...enquiryValues(input), updatedAt: clock.now })
    .where(and(eq(incidentEnquiries.organizationId, actor.organizationId), eq(incidentEnquiries.id, id)))
    .returning();
  return found(row, '問い合わせの記録');
}

export async function deleteEnquiry(tx: Tx, actor: Actor, id: string): Promise<void> {
  await incidentOfEntry(tx, actor, incidentEnquiries, id, '問い合わせの記録');
  await tx.delete(incidentEnquiries).where(and(eq(incidentEnquiries.organizationId, actor.organizationId), eq(incidentEnquiries.id, id)));
}
