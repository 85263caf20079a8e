import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { organizationFacts } from '../../domain/incidentFacts.ts';
import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { invalid } from '../../platform/http/errors.ts';
import { departments } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { evaluateIncidentDuties, type IncidentFacts } from '../../rules/incidentDuties.ts';
import { describeDeadline } from './duty-deadlines.ts';
import { syncIncidentDuties } from './incidentDuties.sync.ts';
import { assertDepartment, assertNotFuture } from './incident-writes.ts';
import { notifyIncidentRecipients } from './incidents.notify.ts';
import { type IncidentRow, loadOrganization } from './incidents.queries.ts';
import type { reportIncidentBody } from './incidents.schema.ts';
import { incidents, incidentTimeline } from './incidents.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

/** Key space of the advisory lock that serializes number allocation per organization. */
const NUMBER_LOCK = 727280;

/** `INC-2026-0001`: the next 受付番号 of the organization for the year of `today`. */
export async function nextIncidentNumber(tx: Tx, organizationId: string, today: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${NUMBER_LOCK}, hashtext(${`${organizationId}:INC`}))`);
  const head = `INC-${today.slice(0, 4)}-`;
  const taken = await tx
    .select({ number: incidents.number })
    .from(incidents)
    .where(and(eq(incidents.organizationId, organizationId), sql`${incidents.number} like ${`${head}%`}`));
  const last = Math.max(0, ...taken.map((r) => Number(r.number.slice(head.length)) || 0));
  return `${head}${String(last + 1).padStart(4, '0')}`;
}

/** What a newly reported incident is opened with (by a 従業者 on the form, or from a 委託先's portal report). */
export type NewIncident = {
  organizationId: string;
  title: string;
  summary: string;
  departmentId: string | null;
  discoveredAt: Date;
  knownOn: string;
  reportedByPersonId: string;
  reportedByAccountId: string | null;
  /** 報告者 outside the organization (a 委託先 through its portal), as given; null for a 従業者's report. */
  reportedByOutsider?: string | null;
  facts: IncidentFacts;
  /** The first line of its 対応記録 (the discovery), and who it names. */
  timeline: { action: (number: string) => string; actorName: string; createdByPersonId: string | null };
};

/**
 * Opens a reported incident: its 受付番号, the facts evaluated at once, the first 対応記録 line and
 * the duties (not yet notified: the caller notifies with its own wording). The one way an incident
 * row is first written (reportIncident, receiveContractorIncident).
 */
export async function openReportedIncident(tx: Tx, input: NewIncident, clock: Clock) {
  const evaluation = evaluateIncidentDuties(input.facts);
  const number = await nextIncidentNumber(tx, input.organizationId, clock.today);
  const [incident] = await tx
    .insert(incidents)
    .values({
      organizationId: input.organizationId,
      number,
      title: input.title,
      status: 'reported',
      phase: 'discovery',
      departmentId: input.departmentId,
      discoveredAt: input.discoveredAt,
      knownOn: input.knownOn,
      reportedAt: clock.now,
      reportedByPersonId: input.reportedByPersonId,
      reportedByAccountId: input.reportedByAccountId,
      reportedByOutsider: input.reportedByOutsider ?? null,
      reportSummary: input.summary,
      facts: input.facts,
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
    organizationId: input.organizationId,
    incidentId: incident.id,
    phase: 'discovery',
    occurredAt: clock.now,
    action: input.timeline.action(number),
    actorName: input.timeline.actorName,
    createdByPersonId: input.timeline.createdByPersonId,
    createdAt: clock.now,
    updatedAt: clock.now,
  });
  const { added } = await syncIncidentDuties(tx, incident, evaluation, clock, { notify: false });
  return { incident, number, dutyLines: added.map((d) => `・${d.label}（${describeDeadline(d)}）`) };
}

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
  const knownOn = input.knownOn ?? clock.today;
  if (knownOn > clock.today) throw invalid('knownOn', '知った日に未来の日付は指定できません');
  const discoveredAt = input.discoveredAt ? new Date(input.discoveredAt) : clock.now;
  assertNotFuture(discoveredAt, clock.now);
  const org = await loadOrganization(tx, actor.organizationId);
  const facts: IncidentFacts = { ...organizationFacts(org, knownOn), knownOn, ...(input.events && input.events.length > 0 ? { events: [...new Set(input.events)] } : {}) };
  const { incident, number, dutyLines } = await openReportedIncident(
    tx,
    {
      organizationId: actor.organizationId,
      title: input.title,
      summary: input.summary,
      departmentId,
      discoveredAt,
      knownOn,
      reportedByPersonId: actor.personId,
      reportedByAccountId: actor.accountId,
      facts,
      timeline: { action: (n) => `Mamoriで事故等の報告を受け付けました（受付番号 ${n}）`, actorName: actor.personName, createdByPersonId: actor.personId },
    },
    clock,
  );
  const [dept] = departmentId ? await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, departmentId)) : [];
  await notifyIncidentRecipients(
    tx,
    actor.organizationId,
    clock.today,
    {
      kind: 'incident_reported',
      title: `【事故等の報告】${number} ${input.title}`,
      body: [
        `報告者: ${actor.personName}${dept ? `（${dept.name}）` : ''}`,
        `知った日: ${displayDate(knownOn)}`,
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
