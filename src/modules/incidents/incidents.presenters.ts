import { dutyKinds } from '../../rules/incidentDuties.ts';
import { presentRecordApprovals } from '../../platform/approvals/approvals.presenters.ts';
import { correctiveStatusLabels } from '../corrective/corrective.labels.ts';
import { dutyDaysLeft, dutyDeadline } from './incidentFacts.ts';
import { dutyStatusLabels, enquirerKindLabels, enquiryChannelLabels, incidentPhaseLabels, incidentStatusLabels } from './incidents.labels.ts';
import type { IncidentDetail, IncidentDutyRow, IncidentListItem, incidentDashboard, listMyReports } from './incidents.service.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline). Dates travel as
// `YYYY-MM-DD`, instants as ISO strings; labels are Japanese (the web has its own catalog for
// the English switch and uses the codes).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** One duty with its countdown against `today`. */
export function presentDuty(duty: IncidentDutyRow, today: string, doneByName: string | null = null) {
  const deadline = dutyDeadline(duty);
  const daysLeft = dutyDaysLeft(duty, today);
  const active = duty.removedAt === null;
  return {
    id: duty.id,
    kind: duty.kind,
    label: duty.label,
    recipient: duty.recipient,
    basis: duty.basis,
    reason: duty.reason,
    timing: duty.timing,
    dueOn: duty.dueOn,
    targetFrom: duty.targetFrom,
    targetTo: duty.targetTo,
    deadline,
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

const kindOrder = (kind: string) => dutyKinds.indexOf(kind as (typeof dutyKinds)[number]);

export function presentIncidentListItem(row: IncidentListItem) {
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

export function presentMyReport(row: Awaited<ReturnType<typeof listMyReports>>[number]) {
  return { id: row.id, number: row.number, title: row.title, status: row.status, statusLabel: incidentStatusLabels[row.status].ja, reportedAt: row.reportedAt.toISOString() };
}

/** ダッシュボード: the countdown of open duties (overdue first, then nearest deadline). */
export function presentDashboard(data: Awaited<ReturnType<typeof incidentDashboard>>, today: string) {
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

/** The incident screen's data (personal data included: the route records the read). */
export function presentIncidentDetail(d: IncidentDetail, today: string) {
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
    reportSummary: i.reportSummary,
    facts: i.facts,
    factsRevision: i.factsRevision,
    factsUpdatedAt: i.factsUpdatedAt.toISOString(),
    rulesVersion: i.rulesVersion,
    evaluation: {
      isIncident: e.isIncident,
      countedFrom: e.countedFrom,
      triggers: e.triggers,
      exclusions: e.exclusions,
      notIncidentReasons: e.notIncidentReasons,
      notes: e.notes,
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
    correctiveAction: d.correctiveAction ? { ...d.correctiveAction, statusLabel: correctiveStatusLabels[d.correctiveAction.status].ja } : null,
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
