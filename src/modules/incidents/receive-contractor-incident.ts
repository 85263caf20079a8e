import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../domain/time.ts';
import { organizationFacts } from '../../domain/incidentFacts.ts';
import { todayInJapan } from '../../domain/time.ts';
import { roleHoldersOn } from '../../platform/approvals/approvers.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { IncidentEventKind, IncidentFacts } from '../../rules/incidentDuties.ts';
import { notifyIncidentRecipients } from './incidents.notify.ts';
import { type IncidentRow, loadOrganization } from './incidents.queries.ts';
import { incidents } from './incidents.tables.ts';
import { openReportedIncident } from './report-incident.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

/** What the 委託先 reported through the portal, as M4 records it on the 委託元's side. */
export type ContractorIncidentReport = {
  /** The 委託元. */
  organizationId: string;
  /** 所管の所属 of the 委託先 (its 所属長 is notified with the 個人情報保護管理者). */
  departmentId: string | null;
  /** Who of the 委託元 keeps the 委託先 (the person who invited it), when known. */
  receiverPersonId: string | null;
  contractorName: string;
  reporterName: string;
  /** The portal report's 受付番号 (the incident links back to it). */
  portalReportNumber: string;
  title: string;
  summary: string;
  /** When the 委託先 found it (発見日時), if it said. */
  discoveredAt: Date | null;
  events: readonly IncidentEventKind[];
  persons: number | null;
  /** 本人の数 is a 概数 (the 委託先 typed 「約1,200人」): kept in the facts as the 委託元's own form keeps it. */
  personsApproximate?: boolean;
  /**
   * What the 委託先 answered (true: はい, false: いいえ, null: 不明) to the facts the duties turn on:
   * 要配慮個人情報 (規則第7条第1号), 財産的被害のおそれ (第2号), 不正の目的 (第3号), 特定個人情報
   * (番号法第29条の4). 不明 is left out of the facts, as the engine reads a fact not given.
   */
  facts?: Partial<Record<'sensitive' | 'improperPurpose' | 'financialDamageRisk' | 'myNumber', boolean | null>>;
};

/** The 報告者 as the incident shows it: the 委託先, its person and the channel. */
export function contractorReporter(input: Pick<ContractorIncidentReport, 'contractorName' | 'reporterName'>): string {
  return `${input.contractorName} ${input.reporterName}（委託先ポータル）`;
}

/**
 * 事故等の報告 received from a 委託先 through the portal (豊島区 個人情報特記事項 資料B 第16条第2項 / 資料A
 * 第15条: 乙は…直ちに甲に対して…報告し). The 委託元's incident is created at once with the facts
 * `entrustment: "principal"` and `principalNotifiedAt` = the day of the portal report: a 委託元 has
 * "known" at the latest when its 委託先 told it (個人情報保護法ガイドライン通則編 3-5-3-5), so its own
 * periods count from that day. The 委託先's relief (法第26条第1項ただし書) is the 委託先's own matter.
 * The caller runs this in the transaction that stores the portal report (one or neither).
 */
export async function receiveContractorIncident(tx: Tx, input: ContractorIncidentReport, clock: Clock): Promise<IncidentRow> {
  const today = todayInJapan(clock.now);
  const org = await loadOrganization(tx, input.organizationId);
  const facts: IncidentFacts = {
    ...organizationFacts(org, today),
    knownOn: today,
    entrustment: 'principal',
    principalNotifiedAt: today,
    ...(input.events.length > 0 ? { events: [...new Set(input.events)] } : {}),
    ...(input.persons !== null ? { persons: input.persons, ...(input.personsApproximate ? { personsApproximate: true } : {}) } : {}),
    ...Object.fromEntries(Object.entries(input.facts ?? {}).filter(([, v]) => typeof v === 'boolean')),
  };
  // The 報告者 is the 委託先 and its person (reportedByOutsider); the incident also names a person of
  // the 委託元 as who received the report: the 委託先's keeper, else the 個人情報保護管理者.
  const receiver = input.receiverPersonId ?? (await roleHoldersOn(tx, input.organizationId, ['pms_manager', 'protection_manager'], today))[0]?.personId ?? null;
  if (!receiver) throw conflict('委託元に個人情報保護管理者が登録されていないため、事故等の報告を受け付けられません。委託元に電話等で直ちに連絡してください');
  const { incident, number, dutyLines } = await openReportedIncident(
    tx,
    {
      organizationId: input.organizationId,
      title: input.title,
      summary: input.summary,
      departmentId: input.departmentId,
      discoveredAt: input.discoveredAt && input.discoveredAt <= clock.now ? input.discoveredAt : clock.now,
      knownOn: today,
      reportedByPersonId: receiver,
      reportedByAccountId: null,
      reportedByOutsider: contractorReporter(input),
      facts,
      timeline: {
        action: () =>
          `委託先「${input.contractorName}」から委託先ポータルで事故等の報告を受けました（ポータルの受付番号 ${input.portalReportNumber}、報告者 ${input.reporterName}。個人情報特記事項 第16条第2項（条例時代のひな型 第15条））`,
        actorName: `${input.contractorName} ${input.reporterName}`,
        createdByPersonId: null,
      },
    },
    { ...clock, today },
  );
  await notifyIncidentRecipients(
    tx,
    input.organizationId,
    today,
    {
      kind: 'incident_reported',
      title: `【委託先からの事故等の報告】${number} ${input.title}`,
      body: [
        `委託先: ${input.contractorName}（報告者: ${input.reporterName}）`,
        `委託先から通知を受けた日: ${displayDate(today)}（この日から報告等の期限を数えます）`,
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
    { departmentId: input.departmentId },
  );
  return incident;
}

/** The incident's number and status, read for the 委託先's view of its report (no content). */
export async function incidentStatusesFor(tx: Tx, organizationId: string, ids: readonly string[]): Promise<Map<string, { number: string; status: string; closed: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: incidents.id, number: incidents.number, status: incidents.status, closedAt: incidents.closedAt })
    .from(incidents)
    .where(and(eq(incidents.organizationId, organizationId), inArray(incidents.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { number: r.number, status: r.status, closed: r.closedAt !== null }]));
}
