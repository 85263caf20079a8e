import { and, asc, count, desc, eq, ilike, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { stampsForRecord } from '../../platform/approvals/approvals.service.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { notFound } from '../../platform/http/errors.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import { resolveSettings } from '../../platform/org/orgSettings.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { findCorrectiveForSource } from '../corrective/corrective.api.ts';
import { INCIDENT_CLOSURE } from './incidents.labels.ts';
import { incidentAbilities, visibleIncidents } from './incidents.policy.ts';
import type { incidentListQuery } from './incidents.schema.ts';
import { incidentDuties, incidentEnquiries, incidentMeetings, incidents, incidentTimeline } from './incidents.tables.ts';

// Reads of M4 緊急事態・事故等. Visibility is the where-builder of incidents.policy.ts, so an
// incident the actor may not see is a 404, like one of another organization.

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentDutyRow = typeof incidentDuties.$inferSelect;

/** Open, still-applicable duties (the countdown and the closure check read these). */
export const openDuty = and(eq(incidentDuties.status, 'open'), isNull(incidentDuties.removedAt));

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

/** The actor's organization (its profile and Privacy Mark feed the facts; its name the PDFs). */
export async function loadOrganization(tx: Tx, organizationId: string) {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!org) throw notFound('組織');
  return org;
}

export type MyReport = Awaited<ReturnType<typeof listMyReports>>[number];

/** 自分の報告: what the actor reported, with its status (the reporter follows their report). */
export async function listMyReports(tx: Tx, actor: Actor) {
  return tx
    .select({ id: incidents.id, number: incidents.number, title: incidents.title, status: incidents.status, reportedAt: incidents.reportedAt })
    .from(incidents)
    .where(and(eq(incidents.organizationId, actor.organizationId), eq(incidents.reportedByPersonId, actor.personId)))
    .orderBy(desc(incidents.reportedAt))
    .limit(100);
}

export type IncidentPage = Awaited<ReturnType<typeof listIncidents>>;
export type IncidentListItem = IncidentPage['items'][number];

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

export type IncidentDashboard = Awaited<ReturnType<typeof incidentDashboard>>;

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

/** Everything the incident screen and its PDFs show. Reading it is a personal-data read (the route records it). */
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
  const correctiveAction = await findCorrectiveForSource(tx, actor.organizationId, 'incident', incident.id);
  const closure = await stampsForRecord(tx, actor, INCIDENT_CLOSURE, incident.id);
  const org = await loadOrganization(tx, actor.organizationId);
  return {
    incident,
    // A 委託先's report names the 委託先 and its person, not the 委託元's person who received it.
    reporterName: incident.reportedByOutsider ?? names?.reporterName ?? '',
    receivedByName: incident.reportedByOutsider ? (names?.reporterName ?? null) : null,
    departmentName: names?.departmentName ?? null,
    duties,
    timeline,
    meetings,
    enquiries,
    correctiveAction,
    closure,
    organization: {
      name: org.name,
      profile: org.profile,
      privacyMarkNumber: org.privacyMarkNumber,
      privacyMarkValidFrom: org.privacyMarkValidFrom,
      privacyMarkValidTo: org.privacyMarkValidTo,
      address: org.address,
      representative: org.representative,
      /** 日付の表記 of the PDFs (organization setting). */
      dateStyle: resolveSettings(org.settings).dateStyle,
    },
    abilities: incidentAbilities(actor, incident, { correctiveOpened: correctiveAction !== null }),
  };
}

export type IncidentDetail = Awaited<ReturnType<typeof getIncidentDetail>>;
