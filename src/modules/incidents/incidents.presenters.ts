import type { z } from 'zod';
import type { submittedResponse } from '../../platform/approvals/approvals.responses.ts';
import { presentRecordApprovals } from '../../platform/approvals/approvals.presenters.ts';
import type { ApprovalRequestRow } from '../../platform/approvals/registry.ts';
import { dutyKinds, evaluateIncidentDuties, type IncidentDutiesResult, type MissingFact } from '../../rules/incidentDuties.ts';
import { presentCorrectiveLink } from '../corrective/corrective.api.ts';
import { dutyDaysLeft, dutyDeadline } from './duty-deadlines.ts';
import { engineTextForDisplay, evaluationTextsForDisplay } from './engine-text.ts';
import type { DutySyncResult } from './incidentDuties.sync.ts';
import { dutyStatusLabels, enquirerKindLabels, enquiryChannelLabels, incidentPhaseLabels, incidentStatusLabels } from './incidents.labels.ts';
import type { IncidentDashboard, IncidentDetail, IncidentDutyRow, IncidentListItem, IncidentPage, IncidentRow, MyReport } from './incidents.queries.ts';
import type {
  dashboardResponse,
  dutyResponse,
  entryIdResponse,
  factsUpdatedResponse,
  incidentDetailResponse,
  incidentListItemResponse,
  incidentPageResponse,
  incidentUpdatedResponse,
  myReportResponse,
  reportedResponse,
} from './incidents.responses.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline). Each returns its response
// schema's output type (incidents.responses.ts), so a field the schema lacks is a type error here
// rather than a field silently stripped by the serializer. Dates travel as `YYYY-MM-DD`, instants
// as ISO strings; labels are Japanese (the web has its own catalog for the English switch).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** One duty with its countdown against `today`. */
export function presentDuty(duty: IncidentDutyRow, today: string, doneByName: string | null = null): z.output<typeof dutyResponse> {
  const daysLeft = dutyDaysLeft(duty, today);
  const active = duty.removedAt === null;
  return {
    id: duty.id,
    kind: duty.kind,
    label: duty.label,
    recipient: duty.recipient,
    basis: duty.basis,
    // Saved before the engine wrote 2026/11/28: written as the screens show dates (engine-text.ts).
    reason: engineTextForDisplay(duty.reason),
    timing: duty.timing,
    dueOn: duty.dueOn,
    targetFrom: duty.targetFrom,
    targetTo: duty.targetTo,
    deadline: dutyDeadline(duty),
    daysLeft,
    overdue: active && duty.status === 'open' && daysLeft !== null && daysLeft < 0,
    triggers: duty.triggers,
    rulesVersion: duty.rulesVersion,
    status: duty.status,
    statusLabel: dutyStatusLabels[duty.status].ja,
    doneOn: duty.doneOn,
    doneByPersonId: duty.doneByPersonId,
    doneByName,
    referenceNumber: duty.referenceNumber,
    note: duty.note,
    active,
    addedAt: duty.addedAt.toISOString(),
    removedAt: iso(duty.removedAt),
  };
}

const kindOrder = (kind: (typeof dutyKinds)[number]) => dutyKinds.indexOf(kind);

/** What a report returns: the 受付番号 the reporter quotes. */
export function presentReported(row: IncidentRow): z.output<typeof reportedResponse> {
  return { id: row.id, number: row.number, title: row.title, status: row.status, reportedAt: row.reportedAt.toISOString() };
}

export function presentMyReport(row: MyReport): z.output<typeof myReportResponse> {
  return { id: row.id, number: row.number, title: row.title, status: row.status, statusLabel: incidentStatusLabels[row.status].ja, reportedAt: row.reportedAt.toISOString() };
}

/** 自分の報告. */
export function presentMyReports(rows: readonly MyReport[]): { items: z.output<typeof myReportResponse>[] } {
  return { items: rows.map(presentMyReport) };
}

export function presentIncidentListItem(row: IncidentListItem): z.output<typeof incidentListItemResponse> {
  const i = row.incident;
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    status: i.status,
    statusLabel: incidentStatusLabels[i.status].ja,
    phase: i.phase,
    phaseLabel: incidentPhaseLabels[i.phase].ja,
    knownOn: i.knownOn,
    reportedAt: i.reportedAt.toISOString(),
    isIncident: i.isIncident,
    departmentId: i.departmentId,
    departmentName: row.departmentName,
    openDuties: row.openDuties ?? 0,
    nextDeadline: row.nextDeadline ?? null,
  };
}

/** 事案一覧: a page of rows. */
export function presentIncidentPage(page: IncidentPage): z.output<typeof incidentPageResponse> {
  return { items: page.items.map(presentIncidentListItem), total: page.total, page: page.page, pageSize: page.pageSize };
}

/** ダッシュボード: the countdown of open duties (overdue first, then nearest deadline). */
export function presentDashboard(data: IncidentDashboard, today: string): z.output<typeof dashboardResponse> {
  const duties = data.rows.map(({ duty, incident }) => ({
    ...presentDuty(duty, today),
    incident: { id: incident.id, number: incident.number, title: incident.title, status: incident.status, knownOn: incident.knownOn },
  }));
  return {
    today,
    openIncidents: data.openIncidents,
    openDuties: duties.length,
    overdue: duties.filter((d) => d.overdue).length,
    dueWithin3Days: duties.filter((d) => d.daysLeft !== null && d.daysLeft >= 0 && d.daysLeft <= 2).length,
    duties,
  };
}

/**
 * The facts still missing (事実の不足, issue #10). An evaluation stored before the engine listed
 * them is re-run on its stored facts and rules version (the engine is pure and versioned).
 */
function missingFactsOf(i: IncidentDetail['incident']): MissingFact[] {
  const stored = (i.evaluation as Partial<IncidentDutiesResult>).missingFacts;
  if (stored) return stored;
  try {
    return evaluateIncidentDuties(i.facts, i.rulesVersion).missingFacts;
  } catch {
    return [];
  }
}

/** The incident screen's data (personal data included: the route records the read). */
export function presentIncidentDetail(d: IncidentDetail, today: string): z.output<typeof incidentDetailResponse> {
  const i = d.incident;
  const e = i.evaluation;
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    status: i.status,
    statusLabel: incidentStatusLabels[i.status].ja,
    phase: i.phase,
    phaseLabel: incidentPhaseLabels[i.phase].ja,
    departmentId: i.departmentId,
    departmentName: d.departmentName,
    discoveredAt: i.discoveredAt.toISOString(),
    knownOn: i.knownOn,
    reportedAt: i.reportedAt.toISOString(),
    reportedByName: d.reporterName,
    receivedByName: d.receivedByName,
    reportSummary: i.reportSummary,
    facts: i.facts,
    factsRevision: i.factsRevision,
    factsUpdatedAt: i.factsUpdatedAt.toISOString(),
    rulesVersion: i.rulesVersion,
    evaluation: {
      isIncident: e.isIncident,
      countedFrom: e.countedFrom,
      triggers: e.triggers,
      ...evaluationTextsForDisplay({ missingFacts: missingFactsOf(i), exclusions: e.exclusions, notIncidentReasons: e.notIncidentReasons, notes: e.notes }),
    },
    affectedRecords: i.affectedRecords,
    narrative: i.narrative ?? { when: null, where: null, who: null, what: null, why: null, how: null },
    details: i.details ?? { cause: null, secondaryDamage: null, individualResponse: null, publicationStatus: null, recurrencePrevention: null, otherNotes: null },
    duties: d.duties
      .map(({ duty, doneByName }) => presentDuty(duty, today, doneByName))
      .sort((a, b) => Number(b.active) - Number(a.active) || kindOrder(a.kind) - kindOrder(b.kind)),
    timeline: d.timeline.map((t) => ({
      id: t.id,
      phase: t.phase,
      phaseLabel: incidentPhaseLabels[t.phase].ja,
      occurredAt: t.occurredAt.toISOString(),
      action: t.action,
      actorName: t.actorName,
    })),
    meetings: d.meetings.map((m) => ({ id: m.id, heldAt: m.heldAt.toISOString(), place: m.place, attendees: m.attendees, minutes: m.minutes, decisions: m.decisions })),
    enquiries: d.enquiries.map(({ enquiry: q, handledByName }) => ({
      id: q.id,
      receivedAt: q.receivedAt.toISOString(),
      channel: q.channel,
      channelLabel: enquiryChannelLabels[q.channel].ja,
      enquirerKind: q.enquirerKind,
      enquirerKindLabel: enquirerKindLabels[q.enquirerKind].ja,
      enquirerName: q.enquirerName,
      enquirerContact: q.enquirerContact,
      content: q.content,
      response: q.response,
      respondedAt: iso(q.respondedAt),
      handledByName,
    })),
    correctiveAction: d.correctiveAction ? presentCorrectiveLink(d.correctiveAction) : null,
    closure: presentRecordApprovals(d.closure),
    closedAt: iso(i.closedAt),
    organization: {
      profile: d.organization.profile,
      privacyMarkNumber: d.organization.privacyMarkNumber,
      privacyMarkValidFrom: d.organization.privacyMarkValidFrom,
      privacyMarkValidTo: d.organization.privacyMarkValidTo,
    },
    abilities: d.abilities,
  };
}

/** What 事案の記録の更新 returns. */
export function presentIncidentUpdated(row: IncidentRow): z.output<typeof incidentUpdatedResponse> {
  return { id: row.id, status: row.status, phase: row.phase, updatedAt: row.updatedAt.toISOString() };
}

/** What 事実の更新 returns: the new evaluation and the duties it added or removed. */
export function presentFactsUpdated(result: { incident: IncidentRow } & DutySyncResult, today: string): z.output<typeof factsUpdatedResponse> {
  return {
    id: result.incident.id,
    rulesVersion: result.incident.rulesVersion,
    factsRevision: result.incident.factsRevision,
    isIncident: result.incident.isIncident,
    added: result.added.map((d) => presentDuty(d, today)),
    removed: result.removed.map((d) => presentDuty(d, today)),
  };
}

/** The id of the timeline entry, meeting or enquiry added or changed. */
export function presentEntryId(row: { id: string }): z.output<typeof entryIdResponse> {
  return { id: row.id };
}

/** What 終結の申請 returns: the approval request created. */
export function presentSubmitted(row: Pick<ApprovalRequestRow, 'id' | 'status'>): z.output<typeof submittedResponse> {
  return { approvalRequestId: row.id, status: row.status };
}
