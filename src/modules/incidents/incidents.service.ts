import type { Clock } from '../../domain/time.ts';
import { and, asc, count, desc, eq, ilike, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { evaluateIncidentDuties, type IncidentFacts } from '../../rules/incidentDuties.ts';
import { stampsForRecord, submitForApproval } from '../../platform/approvals/approvals.service.ts';
import type { ApprovalRecordType } from '../../platform/approvals/registry.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { correctiveActions } from '../corrective/corrective.tables.ts';
import { createCorrectiveAction } from '../corrective/corrective.service.ts';
import { describeDeadline, syncIncidentDuties } from './incidentDuties.sync.ts';
import { dutyDeadline, organizationFacts } from './incidentFacts.ts';
import { incidentPhases, type IncidentNarrative, type IncidentPhase, type IncidentReportDetails } from './incidents.labels.ts';
import { notifyIncidentRecipients } from './incidents.notify.ts';
import { assertChainApprovable, managesDepartment, visibleIncidents } from './incidents.policy.ts';
import {
  type dutyUpdateBody,
  type enquiryBody,
  type incidentListQuery,
  type meetingBody,
  type openCorrectiveBody,
  type reportIncidentBody,
  type timelineBody,
  toInstant,
  type updateIncidentBody,
} from './incidents.schema.ts';
import { incidentDuties, incidentEnquiries, incidentMeetings, incidents, incidentTimeline } from './incidents.tables.ts';

// Business functions of M4 緊急事態・事故等 (PA01 J.4.4.2, Toshima 4-8-11, 世田谷区フロー).
// Every function takes the tenant transaction first and the actor; visibility is the
// where-builder of incidents.policy.ts, so an incident the actor may not see is a 404.

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentDutyRow = typeof incidentDuties.$inferSelect;

/** Record type of the closure approval (終結: 個人情報保護管理者 → トップマネジメント). */
export const INCIDENT_CLOSURE = 'incident_closure';

/** Key space of the advisory lock that serializes number allocation per organization. */
const NUMBER_LOCK = 727280;

/** Tolerance for a 発見日時 a little ahead of the server clock (the reporter's clock may run fast). */
const CLOCK_SKEW_MS = 10 * 60_000;

// ---- reading helpers ----

/** The incident if the actor may see it (404 otherwise, also for other organizations). */
export async function findVisibleIncident(tx: Tx, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<IncidentRow> {
  const query = tx
    .select()
    .from(incidents)
    .where(and(visibleIncidents(actor), eq(incidents.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('事案');
  return row;
}

/** Refuses changes while the closure waits for approval or after closure (the approved record stays as approved). */
function assertEditable(incident: IncidentRow): void {
  if (incident.status === 'closing') throw conflict('終結の承認待ちのため変更できません。変更が必要なときは終結の申請を取り下げてください', 'incident_closing');
  if (incident.status === 'closed') throw conflict('終結した事案は変更できません', 'incident_closed');
}

async function assertDepartment(tx: Tx, organizationId: string, departmentId: string | null, field: string): Promise<void> {
  if (!departmentId) return;
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, departmentId)));
  if (!row) throw invalid(field, '指定された所属が見つかりません');
}

async function assertPerson(tx: Tx, organizationId: string, personId: string | null, field: string): Promise<void> {
  if (!personId) return;
  const [row] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.id, personId)));
  if (!row) throw invalid(field, '指定された従業者が見つかりません');
}

async function loadOrganization(tx: Tx, organizationId: string) {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!org) throw notFound('組織');
  return org;
}

/** `INC-2026-0001`: the next number of the organization for the year of `today`. */
export async function nextNumber(tx: Tx, organizationId: string, prefix: 'INC' | 'CA', today: string, existingNumbers: (like: string) => Promise<string[]>): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${NUMBER_LOCK}, hashtext(${`${organizationId}:${prefix}`}))`);
  const head = `${prefix}-${today.slice(0, 4)}-`;
  const taken = await existingNumbers(`${head}%`);
  const last = Math.max(0, ...taken.map((n) => Number(n.slice(head.length)) || 0));
  return `${head}${String(last + 1).padStart(4, '0')}`;
}

function personActor(actor: Actor) {
  return { organizationId: actor.organizationId, accountId: actor.accountId, personId: actor.personId };
}

// ---- report (anyone) ----

/**
 * 事故等の報告: anyone with an account reports at once, before the facts are confirmed
 * (Toshima 4-8-11 (1) 注; 世田谷区フロー ①「兆候含む」). The facts start from what is known — the
 * 知った日 (today unless given) and any events ticked — and are evaluated at once, so a
 * Privacy-Mark holder already sees its JIPDEC 確報. The 個人情報保護管理者 and the 所属長 of the
 * department are notified immediately (urgent: in-app now, e-mail by the urgent-mail job).
 * The e-mail names the case but carries none of the reported text (it may hold personal data).
 */
export async function reportIncident(tx: Tx, actor: Actor, input: z.output<typeof reportIncidentBody>, clock: Clock): Promise<IncidentRow> {
  const departmentId = input.departmentId ?? actor.departmentId;
  await assertDepartment(tx, actor.organizationId, departmentId, 'departmentId');
  const knownAt = input.knownAt ?? clock.today;
  if (knownAt > clock.today) throw invalid('knownAt', '知った日に未来の日付は指定できません');
  const discoveredAt = input.discoveredAt ? new Date(input.discoveredAt) : clock.now;
  if (discoveredAt.getTime() > clock.now.getTime() + CLOCK_SKEW_MS) throw invalid('discoveredAt', '発見日時に未来の日時は指定できません');
  const org = await loadOrganization(tx, actor.organizationId);
  const facts: IncidentFacts = { ...organizationFacts(org, knownAt), knownAt, ...(input.events && input.events.length > 0 ? { events: [...new Set(input.events)] } : {}) };
  const evaluation = evaluateIncidentDuties(facts);
  const number = await nextNumber(tx, actor.organizationId, 'INC', clock.today, async (like) =>
    (
      await tx
        .select({ number: incidents.number })
        .from(incidents)
        .where(and(eq(incidents.organizationId, actor.organizationId), sql`${incidents.number} like ${like}`))
    ).map((r) => r.number),
  );
  const [incident] = await tx
    .insert(incidents)
    .values({
      organizationId: actor.organizationId,
      number,
      title: input.title,
      status: 'reported',
      phase: 'discovery',
      departmentId,
      discoveredAt,
      knownOn: knownAt,
      reportedAt: clock.now,
      reportedByPersonId: actor.personId,
      reportedByAccountId: actor.accountId,
      reportSummary: input.summary,
      facts,
      rulesVersion: evaluation.rulesVersion,
      evaluation,
      isIncident: evaluation.isIncident,
      factsRevision: 1,
      factsUpdatedAt: clock.now,
      affectedRecords: [],
      createdAt: clock.now,
      updatedAt: clock.now,
    })
    .returning();
  if (!incident) throw new Error('incident insert returned nothing');
  await tx.insert(incidentTimeline).values({
    organizationId: actor.organizationId,
    incidentId: incident.id,
    phase: 'discovery',
    occurredAt: clock.now,
    action: `Mamoriで事故等の報告を受け付けました（受付番号 ${number}）`,
    actorName: actor.personName,
    createdByPersonId: actor.personId,
    createdAt: clock.now,
    updatedAt: clock.now,
  });
  const { added } = await syncIncidentDuties(tx, incident, evaluation, clock, { notify: false });
  const [dept] = departmentId ? await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, departmentId)) : [];
  const dutyLines = added.map((d) => `・${d.label}（${describeDeadline(d)}）`);
  await notifyIncidentRecipients(
    tx,
    actor.organizationId,
    clock.today,
    {
      kind: 'incident_reported',
      title: `【事故等の報告】${number} ${input.title}`,
      body: [
        `報告者: ${actor.personName}${dept ? `（${dept.name}）` : ''}`,
        `知った日: ${knownAt}`,
        '',
        dutyLines.length > 0
          ? `現時点の事実から判定した報告等の義務:\n${dutyLines.join('\n')}`
          : '事実（事象・本人の数・要配慮の有無など）を確認し、Mamoriの事案画面に入力してください。報告等の義務と期限が判定されます。',
        '',
        '報告内容は個人情報を含むおそれがあるため、メールには記載していません。Mamoriで確認してください。',
      ].join('\n'),
      link: `/incidents/${incident.id}`,
      urgent: true,
      dedupeKey: `incident:${incident.id}:reported`,
    },
    { departmentId },
  );
  return incident;
}

/** 自分の報告: what the actor reported, with its status (the reporter follows their report). */
export async function listMyReports(tx: Tx, actor: Actor) {
  return tx
    .select({ id: incidents.id, number: incidents.number, title: incidents.title, status: incidents.status, reportedAt: incidents.reportedAt })
    .from(incidents)
    .where(and(eq(incidents.organizationId, actor.organizationId), eq(incidents.reportedByPersonId, actor.personId)))
    .orderBy(desc(incidents.reportedAt))
    .limit(100);
}

// ---- list, dashboard, detail ----

/** Open, still-applicable duties (the countdown and the closure check read these). */
const openDuty = and(eq(incidentDuties.status, 'open'), isNull(incidentDuties.removedAt));

export type IncidentListItem = Awaited<ReturnType<typeof listIncidents>>['items'][number];

/** 事案一覧 (paged), newest first, with the number of open duties and the nearest deadline. */
export async function listIncidents(tx: Tx, actor: Actor, query: z.output<typeof incidentListQuery>) {
  const filters: SQL[] = [visibleIncidents(actor)];
  if (query.status === 'open') filters.push(ne(incidents.status, 'closed'));
  else if (query.status) filters.push(eq(incidents.status, query.status));
  if (query.q) filters.push(or(ilike(incidents.title, `%${query.q}%`), ilike(incidents.number, `%${query.q}%`)) as SQL);
  const where = and(...filters);
  const dutyStats = tx
    .select({
      incidentId: incidentDuties.incidentId,
      openDuties: sql<number>`count(*)::int`.as('open_duties'),
      nextDeadline: sql<string | null>`min(coalesce(${incidentDuties.dueOn}, ${incidentDuties.targetTo}))::text`.as('next_deadline'),
    })
    .from(incidentDuties)
    .where(and(eq(incidentDuties.organizationId, actor.organizationId), openDuty))
    .groupBy(incidentDuties.incidentId)
    .as('duty_stats');
  const [total] = await tx.select({ n: count() }).from(incidents).where(where);
  const rows = await tx
    .select({
      incident: {
        id: incidents.id,
        number: incidents.number,
        title: incidents.title,
        status: incidents.status,
        phase: incidents.phase,
        knownOn: incidents.knownOn,
        reportedAt: incidents.reportedAt,
        isIncident: incidents.isIncident,
        departmentId: incidents.departmentId,
      },
      departmentName: departments.name,
      openDuties: dutyStats.openDuties,
      nextDeadline: dutyStats.nextDeadline,
    })
    .from(incidents)
    .leftJoin(departments, eq(departments.id, incidents.departmentId))
    .leftJoin(dutyStats, eq(dutyStats.incidentId, incidents.id))
    .where(where)
    .orderBy(desc(incidents.reportedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/**
 * ダッシュボード: every open duty of every open incident the actor sees, nearest deadline first
 * (duties without a date — 速やかに with no 目安 — last), for the countdown.
 */
export async function incidentDashboard(tx: Tx, actor: Actor) {
  const rows = await tx
    .select({ duty: incidentDuties, incident: { id: incidents.id, number: incidents.number, title: incidents.title, status: incidents.status, knownOn: incidents.knownOn } })
    .from(incidentDuties)
    .innerJoin(incidents, eq(incidents.id, incidentDuties.incidentId))
    .where(and(visibleIncidents(actor), ne(incidents.status, 'closed'), openDuty))
    .orderBy(sql`coalesce(${incidentDuties.dueOn}, ${incidentDuties.targetTo}) asc nulls last`, asc(incidents.knownOn));
  const [open] = await tx
    .select({ n: count() })
    .from(incidents)
    .where(and(visibleIncidents(actor), ne(incidents.status, 'closed')));
  return { rows, openIncidents: open?.n ?? 0 };
}

/** Everything the incident screen shows. Reading it is a personal-data read (the route records it). */
export async function getIncidentDetail(tx: Tx, actor: Actor, id: string) {
  const incident = await findVisibleIncident(tx, actor, id);
  const reporter = alias(people, 'reporter');
  const [names] = await tx
    .select({ reporterName: reporter.name, departmentName: departments.name })
    .from(incidents)
    .innerJoin(reporter, eq(reporter.id, incidents.reportedByPersonId))
    .leftJoin(departments, eq(departments.id, incidents.departmentId))
    .where(eq(incidents.id, incident.id));
  const doneBy = alias(people, 'done_by');
  const duties = await tx
    .select({ duty: incidentDuties, doneByName: doneBy.name })
    .from(incidentDuties)
    .leftJoin(doneBy, eq(doneBy.id, incidentDuties.doneByPersonId))
    .where(and(eq(incidentDuties.organizationId, actor.organizationId), eq(incidentDuties.incidentId, incident.id)));
  const timeline = await tx
    .select()
    .from(incidentTimeline)
    .where(and(eq(incidentTimeline.organizationId, actor.organizationId), eq(incidentTimeline.incidentId, incident.id)))
    .orderBy(asc(incidentTimeline.occurredAt), asc(incidentTimeline.createdAt));
  const meetings = await tx
    .select()
    .from(incidentMeetings)
    .where(and(eq(incidentMeetings.organizationId, actor.organizationId), eq(incidentMeetings.incidentId, incident.id)))
    .orderBy(asc(incidentMeetings.heldAt));
  const handler = alias(people, 'handler');
  const enquiries = await tx
    .select({ enquiry: incidentEnquiries, handledByName: handler.name })
    .from(incidentEnquiries)
    .leftJoin(handler, eq(handler.id, incidentEnquiries.handledByPersonId))
    .where(and(eq(incidentEnquiries.organizationId, actor.organizationId), eq(incidentEnquiries.incidentId, incident.id)))
    .orderBy(asc(incidentEnquiries.receivedAt));
  const [corrective] = await tx
    .select({ id: correctiveActions.id, number: correctiveActions.number, status: correctiveActions.status, title: correctiveActions.title })
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, actor.organizationId), eq(correctiveActions.sourceType, 'incident'), eq(correctiveActions.sourceId, incident.id)));
  const closure = await stampsForRecord(tx, actor, INCIDENT_CLOSURE, incident.id);
  const org = await loadOrganization(tx, actor.organizationId);
  const manage = can(actor, 'incidents.manage');
  return {
    incident,
    reporterName: names?.reporterName ?? '',
    departmentName: names?.departmentName ?? null,
    duties,
    timeline,
    meetings,
    enquiries,
    correctiveAction: corrective ?? null,
    closure,
    organization: {
      name: org.name,
      profile: org.profile,
      privacyMarkNumber: org.privacyMarkNumber,
      privacyMarkValidFrom: org.privacyMarkValidFrom,
      privacyMarkValidTo: org.privacyMarkValidTo,
      address: org.address,
      representative: org.representative,
    },
    abilities: {
      manage,
      submitClosure: (manage || managesDepartment(actor, incident.departmentId)) && incident.status === 'responding',
      openCorrective: (manage || managesDepartment(actor, incident.departmentId)) && !corrective,
    },
  };
}

export type IncidentDetail = Awaited<ReturnType<typeof getIncidentDetail>>;

// ---- changes by the PMS side ----

/** Moves the incident out of 報告受付 on the first change by the PMS side. */
const responding = (incident: IncidentRow) => (incident.status === 'reported' ? { status: 'responding' as const } : {});

const phaseRank = (phase: IncidentPhase) => incidentPhases.indexOf(phase);

/** 事案の記録の更新: title, department, 5W1H, the report items, the affected 個人情報. */
export async function updateIncident(tx: Tx, actor: Actor, id: string, input: z.output<typeof updateIncidentBody>, clock: Clock): Promise<IncidentRow> {
  const incident = await findVisibleIncident(tx, actor, id, { forUpdate: true });
  assertEditable(incident);
  if (input.departmentId !== undefined) await assertDepartment(tx, actor.organizationId, input.departmentId, 'departmentId');
  if (input.discoveredAt && new Date(input.discoveredAt).getTime() > clock.now.getTime() + CLOCK_SKEW_MS) throw invalid('discoveredAt', '発見日時に未来の日時は指定できません');
  // The narrative and the report items are replaced as a whole (every key present, null when empty).
  const narrative: IncidentNarrative | undefined = input.narrative;
  const details: IncidentReportDetails | undefined = input.details;
  const [row] = await tx
    .update(incidents)
    .set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.departmentId !== undefined ? { departmentId: input.departmentId } : {}),
      ...(input.discoveredAt !== undefined ? { discoveredAt: new Date(input.discoveredAt) } : {}),
      ...(input.phase !== undefined ? { phase: input.phase } : {}),
      ...(input.reportSummary !== undefined ? { reportSummary: input.reportSummary } : {}),
      ...(narrative ? { narrative } : {}),
      ...(details ? { details } : {}),
      ...(input.affectedRecords !== undefined ? { affectedRecords: input.affectedRecords } : {}),
      ...responding(incident),
      updatedAt: clock.now,
    })
    .where(eq(incidents.id, incident.id))
    .returning();
  if (!row) throw notFound('事案');
  return row;
}

/**
 * 事実の更新 → 義務の再判定 (SPEC §5.1): the facts are validated by the engine's schema, the
 * organization's profile and Privacy-Mark status are taken from the organization (not from the
 * request), the rules in force on the 知った日 are applied and their version stored, and the
 * stored duties follow the new result — a duty that appears notifies the PMS manager.
 */
export async function updateIncidentFacts(tx: Tx, actor: Actor, id: string, input: IncidentFacts, clock: Clock) {
  const incident = await findVisibleIncident(tx, actor, id, { forUpdate: true });
  assertEditable(incident);
  if (input.knownAt > clock.today) throw invalid('facts.knownAt', '知った日に未来の日付は指定できません');
  const org = await loadOrganization(tx, actor.organizationId);
  const facts: IncidentFacts = { ...input, ...organizationFacts(org, input.knownAt) };
  const evaluation = evaluateIncidentDuties(facts);
  const [row] = await tx
    .update(incidents)
    .set({
      facts,
      knownOn: facts.knownAt,
      rulesVersion: evaluation.rulesVersion,
      evaluation,
      isIncident: evaluation.isIncident,
      factsRevision: incident.factsRevision + 1,
      factsUpdatedAt: clock.now,
      ...responding(incident),
      updatedAt: clock.now,
    })
    .where(eq(incidents.id, incident.id))
    .returning();
  if (!row) throw notFound('事案');
  const changes = await syncIncidentDuties(tx, row, evaluation, clock, { notify: true });
  return { incident: row, ...changes };
}

/** 義務の対応状況: done (when, by whom, reference number) or not required (with the reason). */
export async function updateDuty(tx: Tx, actor: Actor, dutyId: string, input: z.output<typeof dutyUpdateBody>, clock: Clock): Promise<IncidentDutyRow> {
  const [duty] = await tx
    .select()
    .from(incidentDuties)
    .where(and(eq(incidentDuties.organizationId, actor.organizationId), eq(incidentDuties.id, dutyId)));
  if (!duty) throw notFound('報告等の義務');
  const incident = await findVisibleIncident(tx, actor, duty.incidentId, { forUpdate: true });
  assertEditable(incident);
  if (duty.removedAt) throw conflict('事実の変更により不要になった義務のため、対応状況は記録できません', 'duty_removed');
  if (input.doneOn && input.doneOn > clock.today) throw invalid('doneOn', '対応日に未来の日付は指定できません');
  if (input.doneOn && input.doneOn < incident.knownOn) throw invalid('doneOn', `対応日は知った日（${incident.knownOn}）以降の日付で入力してください`);
  await assertPerson(tx, actor.organizationId, input.doneByPersonId, 'doneByPersonId');
  const done = input.status === 'done';
  const [row] = await tx
    .update(incidentDuties)
    .set({
      status: input.status,
      doneOn: input.status === 'open' ? null : input.doneOn,
      doneByPersonId: done ? (input.doneByPersonId ?? actor.personId) : input.status === 'open' ? null : input.doneByPersonId,
      referenceNumber: input.status === 'open' ? null : input.referenceNumber,
      note: input.note,
      updatedAt: clock.now,
    })
    .where(eq(incidentDuties.id, duty.id))
    .returning();
  if (!row) throw notFound('報告等の義務');
  await tx
    .update(incidents)
    .set({ ...responding(incident), updatedAt: clock.now })
    .where(eq(incidents.id, incident.id));
  return row;
}

// ---- timeline, meetings, enquiries ----

/** Advances the incident's current step when an entry of a later step is recorded. */
async function advancePhase(tx: Tx, incident: IncidentRow, phase: IncidentPhase, now: Date): Promise<void> {
  const next = phaseRank(phase) > phaseRank(incident.phase) ? { phase } : {};
  await tx
    .update(incidents)
    .set({ ...next, ...responding(incident), updatedAt: now })
    .where(eq(incidents.id, incident.id));
}

const timelineValues = (input: z.output<typeof timelineBody>) => ({ ...input, occurredAt: toInstant(input.occurredAt) });
const meetingValues = (input: z.output<typeof meetingBody>) => ({ ...input, heldAt: toInstant(input.heldAt) });
const enquiryValues = (input: z.output<typeof enquiryBody>) => ({ ...input, receivedAt: toInstant(input.receivedAt), respondedAt: toInstant(input.respondedAt) });

async function childOf<T extends typeof incidentTimeline | typeof incidentMeetings | typeof incidentEnquiries>(tx: Tx, actor: Actor, table: T, id: string, what: string) {
  const [row] = await tx
    .select({ incidentId: table.incidentId })
    .from(table as typeof incidentTimeline)
    .where(and(eq(table.organizationId, actor.organizationId), eq(table.id, id)));
  if (!row) throw notFound(what);
  const incident = await findVisibleIncident(tx, actor, row.incidentId, { forUpdate: true });
  assertEditable(incident);
  return incident;
}

export async function addTimelineEntry(tx: Tx, actor: Actor, incidentId: string, input: z.output<typeof timelineBody>, clock: Clock) {
  const incident = await findVisibleIncident(tx, actor, incidentId, { forUpdate: true });
  assertEditable(incident);
  const [row] = await tx
    .insert(incidentTimeline)
    .values({ organizationId: actor.organizationId, incidentId, ...timelineValues(input), createdByPersonId: actor.personId, createdAt: clock.now, updatedAt: clock.now })
    .returning();
  await advancePhase(tx, incident, input.phase, clock.now);
  return row;
}

export async function updateTimelineEntry(tx: Tx, actor: Actor, id: string, input: z.output<typeof timelineBody>, clock: Clock) {
  const incident = await childOf(tx, actor, incidentTimeline, id, '対応経過');
  const [row] = await tx
    .update(incidentTimeline)
    .set({ ...timelineValues(input), updatedAt: clock.now })
    .where(and(eq(incidentTimeline.organizationId, actor.organizationId), eq(incidentTimeline.id, id)))
    .returning();
  await advancePhase(tx, incident, input.phase, clock.now);
  return row;
}

export async function deleteTimelineEntry(tx: Tx, actor: Actor, id: string): Promise<void> {
  await childOf(tx, actor, incidentTimeline, id, '対応経過');
  await tx.delete(incidentTimeline).where(and(eq(incidentTimeline.organizationId, actor.organizationId), eq(incidentTimeline.id, id)));
}

export async function addMeeting(tx: Tx, actor: Actor, incidentId: string, input: z.output<typeof meetingBody>, clock: Clock) {
  const incident = await findVisibleIncident(tx, actor, incidentId, { forUpdate: true });
  assertEditable(incident);
  const [row] = await tx
    .insert(incidentMeetings)
    .values({ organizationId: actor.organizationId, incidentId, ...meetingValues(input), createdByPersonId: actor.personId, createdAt: clock.now, updatedAt: clock.now })
    .returning();
  await tx
    .update(incidents)
    .set({ ...responding(incident), updatedAt: clock.now })
    .where(eq(incidents.id, incident.id));
  return row;
}

export async function updateMeeting(tx: Tx, actor: Actor, id: string, input: z.output<typeof meetingBody>, clock: Clock) {
  await childOf(tx, actor, incidentMeetings, id, '緊急事態対策会議の記録');
  const [row] = await tx
    .update(incidentMeetings)
    .set({ ...meetingValues(input), updatedAt: clock.now })
    .where(and(eq(incidentMeetings.organizationId, actor.organizationId), eq(incidentMeetings.id, id)))
    .returning();
  return row;
}

export async function deleteMeeting(tx: Tx, actor: Actor, id: string): Promise<void> {
  await childOf(tx, actor, incidentMeetings, id, '緊急事態対策会議の記録');
  await tx.delete(incidentMeetings).where(and(eq(incidentMeetings.organizationId, actor.organizationId), eq(incidentMeetings.id, id)));
}

function checkEnquiryDates(input: z.output<typeof enquiryBody>): void {
  if (input.respondedAt && new Date(input.respondedAt) < new Date(input.receivedAt)) throw invalid('respondedAt', '回答日時は受付日時以降で入力してください');
}

export async function addEnquiry(tx: Tx, actor: Actor, incidentId: string, input: z.output<typeof enquiryBody>, clock: Clock) {
  const incident = await findVisibleIncident(tx, actor, incidentId, { forUpdate: true });
  assertEditable(incident);
  checkEnquiryDates(input);
  const [row] = await tx
    .insert(incidentEnquiries)
    .values({ organizationId: actor.organizationId, incidentId, ...enquiryValues(input), handledByPersonId: actor.personId, createdAt: clock.now, updatedAt: clock.now })
    .returning();
  await tx
    .update(incidents)
    .set({ ...responding(incident), updatedAt: clock.now })
    .where(eq(incidents.id, incident.id));
  return row;
}

export async function updateEnquiry(tx: Tx, actor: Actor, id: string, input: z.output<typeof enquiryBody>, clock: Clock) {
  await childOf(tx, actor, incidentEnquiries, id, '問い合わせの記録');
  checkEnquiryDates(input);
  const [row] = await tx
    .update(incidentEnquiries)
    .set({ ...enquiryValues(input), updatedAt: clock.now })
    .where(and(eq(incidentEnquiries.organizationId, actor.organizationId), eq(incidentEnquiries.id, id)))
    .returning();
  return row;
}

export async function deleteEnquiry(tx: Tx, actor: Actor, id: string): Promise<void> {
  await childOf(tx, actor, incidentEnquiries, id, '問い合わせの記録');
  await tx.delete(incidentEnquiries).where(and(eq(incidentEnquiries.organizationId, actor.organizationId), eq(incidentEnquiries.id, id)));
}

// ---- closure and corrective action ----

/**
 * 終結の申請 (PA01 J.4.4.2「トップマネジメントは…対応が完了したことを確認し、緊急事態対策会議を解散する」):
 * by the PMS side or the 所属長 of the department, once every duty that applies is done or
 * recorded as not required, and the cause and the recurrence-prevention measures (y) z)) are
 * written. The chain is 個人情報保護管理者 → トップマネジメント (record type `incident_closure`).
 */
export async function submitIncidentClosure(tx: Tx, actor: Actor, id: string, clock: Clock) {
  const incident = await findVisibleIncident(tx, actor, id, { forUpdate: true });
  if (!can(actor, 'incidents.manage') && !managesDepartment(actor, incident.departmentId)) throw forbidden('終結を申請できるのは個人情報保護管理者又は当該所属の所属長です');
  if (incident.status === 'closing') throw conflict('終結の申請は既に承認待ちです', 'approval_pending');
  if (incident.status === 'closed') throw conflict('この事案は既に終結しています', 'incident_closed');
  if (incident.status === 'reported') throw invalid('facts', '事実の確認（事実の入力と義務の判定）が済んでいないため、終結を申請できません');
  const open = await tx
    .select({ label: incidentDuties.label })
    .from(incidentDuties)
    .where(and(eq(incidentDuties.organizationId, actor.organizationId), eq(incidentDuties.incidentId, incident.id), openDuty));
  if (open.length > 0)
    throw invalid('duties', `未対応の報告等の義務があるため、終結を申請できません: ${open.map((d) => d.label).join('、')}（対応済み又は対応不要（理由）を記録してください）`);
  if (!incident.details?.cause) throw invalid('details.cause', '原因（J.4.4.2 y) 原因の究明）を記入してから終結を申請してください');
  if (!incident.details?.recurrencePrevention) throw invalid('details.recurrencePrevention', '再発防止のための措置を記入してから終結を申請してください');
  await assertChainApprovable(tx, actor, INCIDENT_CLOSURE, incident.departmentId, clock.today);
  return submitForApproval(tx, personActor(actor), INCIDENT_CLOSURE, incident.id, clock);
}

/**
 * 是正処置の起票 from the incident's cause (PA01 J.4.4.2 z)「原因が不適合による場合は…J.7.1 に基づく
 * 是正処置の実施」; J.7.1 g) 2)). One per incident: asking again returns the one already opened.
 */
export async function openCorrectiveFromIncident(tx: Tx, actor: Actor, id: string, input: z.output<typeof openCorrectiveBody>, clock: Clock) {
  const incident = await findVisibleIncident(tx, actor, id, { forUpdate: true });
  if (!can(actor, 'incidents.manage') && !managesDepartment(actor, incident.departmentId)) throw forbidden('是正処置を起票できるのは個人情報保護管理者又は当該所属の所属長です');
  const [existing] = await tx
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, actor.organizationId), eq(correctiveActions.sourceType, 'incident'), eq(correctiveActions.sourceId, incident.id)));
  if (existing) return { correctiveAction: existing, created: false };
  const cause = incident.details?.cause;
  if (!cause) throw invalid('details.cause', '原因を記入してから是正処置を起票してください（J.4.4.2 y) 原因の究明 → z) 是正処置）');
  const departmentId = input.departmentId ?? incident.departmentId;
  if (!departmentId) throw invalid('departmentId', '是正処置の当該所属を指定してください（所属長が根本原因と処置計画を立案します: J.7.1 h) 2)）');
  const correctiveAction = await createCorrectiveAction(
    tx,
    actor,
    {
      sourceType: 'incident',
      sourceId: incident.id,
      sourceRef: incident.number,
      departmentId,
      title: input.title ?? `${incident.number}「${incident.title}」の原因への是正処置`,
      content: `緊急事態・事故等 ${incident.number}「${incident.title}」の原因となった不適合。\n原因: ${cause}`,
      correction: null,
    },
    clock,
  );
  await tx.insert(incidentTimeline).values({
    organizationId: actor.organizationId,
    incidentId: incident.id,
    phase: 'recurrence_prevention',
    occurredAt: clock.now,
    action: `是正処置 ${correctiveAction.number} を起票しました（J.7.1）`,
    actorName: actor.personName,
    createdByPersonId: actor.personId,
    createdAt: clock.now,
    updatedAt: clock.now,
  });
  await advancePhase(tx, incident, 'recurrence_prevention', clock.now);
  return { correctiveAction, created: true };
}

// ---- approvals engine: the closure record type ----

/** Approval record type. Listed in the module manifest (index.ts). */
export const incidentClosureApprovalType: ApprovalRecordType = {
  type: INCIDENT_CLOSURE,
  label: '緊急事態・事故等の終結',
  // J.4.4.2: the PMS manager reports the 緊急事態対応記録 to top management, who confirm the
  // response is complete and dissolve the 緊急事態対策会議.
  defaultSteps: [{ role: 'pms_manager' }, { role: 'top_management' }],
  async snapshot(tx, organizationId, recordId) {
    const [incident] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.organizationId, organizationId), eq(incidents.id, recordId)));
    if (!incident) return null;
    const duties = await tx
      .select()
      .from(incidentDuties)
      .where(and(eq(incidentDuties.organizationId, organizationId), eq(incidentDuties.incidentId, recordId), isNull(incidentDuties.removedAt)));
    // No personal data in the snapshot: the approvals inbox is not a personal-data screen.
    return {
      title: `${incident.number} ${incident.title} の終結`,
      departmentId: incident.departmentId,
      data: {
        number: incident.number,
        title: incident.title,
        knownOn: incident.knownOn,
        rulesVersion: incident.rulesVersion,
        duties: duties
          .sort((a, b) => a.kind.localeCompare(b.kind))
          .map((d) => ({ kind: d.kind, label: d.label, status: d.status, doneOn: d.doneOn, referenceNumber: d.referenceNumber, due: dutyDeadline(d) })),
      },
    };
  },
  async onStatusChange(tx, { organizationId, recordId, status, now }) {
    const next =
      status === 'pending'
        ? { status: 'closing' as const }
        : status === 'approved'
          ? { status: 'closed' as const, closedAt: now }
          : status === 'returned' || status === 'withdrawn'
            ? { status: 'responding' as const }
            : null;
    if (!next) return;
    await tx
      .update(incidents)
      .set({ ...next, updatedAt: now })
      .where(and(eq(incidents.organizationId, organizationId), eq(incidents.id, recordId)));
    if (status === 'approved') {
      await tx.insert(incidentTimeline).values({
        organizationId,
        incidentId: recordId,
        phase: 'recurrence_prevention',
        occurredAt: now,
        action: 'トップマネジメントが対応の完了を確認し、終結を承認しました（緊急事態対策会議の解散）',
        createdAt: now,
        updatedAt: now,
      });
    }
  },
  async canView(tx, actor, recordId) {
    if (!can(actor, 'incidents.read')) return false;
    const [row] = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(visibleIncidents(actor), eq(incidents.id, recordId)));
    return Boolean(row);
  },
  link: (recordId) => `/incidents/${recordId}`,
};
