import { activePrincipalLink, principalLinksOf } from './principal-links.ts';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { countText } from '../../domain/numberInput.ts';
import type { Clock } from '../../domain/time.ts';
import type { Database, Tx } from '../../platform/db/connection.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { accountsWithRole, notifyAccounts } from '../../platform/notifications/notify.ts';
import { pmsManagerRoles } from '../../domain/roles.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import {
  contractorDepartment,
  contractorForPortal,
  contractorsForPortal,
  fileSubcontractFromPortal,
  submitPortalSubcontract,
  subcontractStatuses,
} from '../contractors/contractors.portal.api.ts';
import { type ContractorIncidentReport, incidentStatusesFor, receiveContractorIncident } from '../incidents/incidents.api.ts';
import {
  disposalMethodLabels,
  factAnswerLabel,
  incidentReportFactLabels,
  incidentReportFacts,
  type ReportDetails,
  type ReportStatus,
  reportKindLabels,
  reportStatusLabels,
} from './contractorPortal.reports.labels.ts';
import type { confirmReportBody, incidentReportBody, returnDisposalReportBody, subcontractReportBody } from './contractorPortal.reports.schema.ts';
import type { Certificate } from './contractorPortal.reports.certificate.ts';
import { contractorPortalReports } from './contractorPortal.reports.tables.ts';
import { contractorPortalLinks } from './contractorPortal.tables.ts';

// 委託先からの報告 (issue #13): the 委託先 reports to its 委託元 on its own initiative. The report is
// written with the system role, in one transaction with what it becomes on the 委託元's side (the
// 委託先's tenant scope cannot write the 委託元's incident or register), after the link is checked to
// be active and addressed to the caller's organization — so a 委託先 reports only to its own 委託元.
// Reading stays in the caller's tenant scope (RLS: the two organizations of the row, never a third).

export type ReportRow = typeof contractorPortalReports.$inferSelect;
type LinkRow = typeof contractorPortalLinks.$inferSelect;

/** Key space of the advisory lock that serializes 受付番号 allocation per 委託元. */
const NUMBER_LOCK = 727281;

/** `CPR-2026-0001`: the next 受付番号 of the 委託元's portal reports for the year of `today`. */
async function nextReportNumber(tx: Tx, organizationId: string, today: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${NUMBER_LOCK}, hashtext(${`${organizationId}:CPR`}))`);
  const head = `CPR-${today.slice(0, 4)}-`;
  const taken = await tx
    .select({ number: contractorPortalReports.number })
    .from(contractorPortalReports)
    .where(and(eq(contractorPortalReports.organizationId, organizationId), sql`${contractorPortalReports.number} like ${`${head}%`}`));
  const last = Math.max(0, ...taken.map((r) => Number(r.number.slice(head.length)) || 0));
  return `${head}${String(last + 1).padStart(4, '0')}`;
}

/** The link the caller's organization reports through: active, and addressed to it (else 404). */
async function reportingLink(tx: Tx, actor: Actor, linkId: string): Promise<LinkRow> {
  return activePrincipalLink(tx, actor, linkId, { missing: '委託元', inactive: 'この委託元との接続は解除されています。委託元に直接連絡してください' });
}

type Submission =
  | { kind: 'subcontract'; body: z.output<typeof subcontractReportBody> }
  | { kind: 'return_disposal'; body: z.output<typeof returnDisposalReportBody> }
  | { kind: 'incident'; body: z.output<typeof incidentReportBody> };

function detailsOf(s: Submission): ReportDetails {
  if (s.kind === 'subcontract') {
    const { reportedByName: _, ...rest } = s.body;
    return { kind: 'subcontract', ...rest };
  }
  if (s.kind === 'return_disposal') {
    const { reportedByName: _, ...rest } = s.body;
    return { kind: 'return_disposal', ...rest };
  }
  return {
    kind: 'incident',
    whatHappened: s.body.whatHappened,
    place: s.body.place,
    occurredAt: s.body.occurredAt,
    knownAt: s.body.knownAt,
    personalData: s.body.personalData,
    persons: s.body.persons,
    personsApproximate: s.body.personsApproximate,
    measures: s.body.measures,
    sensitive: s.body.sensitive,
    improperPurpose: s.body.improperPurpose,
    financialDamageRisk: s.body.financialDamageRisk,
    myNumber: s.body.myNumber,
  };
}

function titleOf(s: Submission): string {
  if (s.kind === 'subcontract') return `再委託承認申請（再委託先: ${s.body.subContractorName}）`;
  if (s.kind === 'return_disposal') return `返還・廃棄報告（${disposalMethodLabels[s.body.method]}）`;
  return s.body.title;
}

/** A date-time as the app shows it, in Japan time: 2026/12/05 09:30. */
function shownDateTime(iso: string | null): string {
  if (!iso) return '不明';
  return new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** The incident's 報告の概要 as M4 keeps it: everything the 委託先 wrote, labelled, and who reported. */
function incidentSummary(body: z.output<typeof incidentReportBody>, contractorName: string, number: string): string {
  return [
    `【委託先ポータルからの事故等の報告（受付番号 ${number}）】`,
    `報告者（委託先）: ${contractorName} ${body.reportedByName}`,
    `発生した事故等の内容: ${body.whatHappened}`,
    `事故の発生場所: ${body.place ?? '不明'}`,
    `発生日時: ${shownDateTime(body.occurredAt)}`,
    `事故等を知った日時（委託先）: ${shownDateTime(body.knownAt)}`,
    `漏えい等した個人情報の項目: ${body.personalData}`,
    `本人の数: ${body.persons === null ? '不明' : countText(body.persons, body.personsApproximate)}`,
    ...incidentReportFacts.map((key) => `${incidentReportFactLabels[key]}: ${factAnswerLabel(body[key])}`),
    `講じた措置: ${body.measures}`,
  ].join('\n');
}

/**
 * 報告する (委託先): stores the report and, in the same transaction, what it becomes for the 委託元 —
 * the 再委託承認申請 in its register (再委託の禁止 refuses it, citing the clause) or its incident in M4.
 * Refused whole: nothing is written when any part fails.
 */
export async function submitReport(database: Database, actor: Actor, linkId: string, submission: Submission, clock: Clock, ip: string): Promise<ReportRow> {
  return asSystem(
    database,
    async (tx) => {
      const link = await reportingLink(tx, actor, linkId);
      const contractor = await contractorForPortal(tx, link.organizationId, link.contractorId);
      if (!contractor) throw notFound('委託元');
      const number = await nextReportNumber(tx, link.organizationId, clock.today);
      let incidentId: string | null = null;
      let subcontractRequestId: string | null = null;
      if (submission.kind === 'subcontract') {
        const filed = await fileSubcontractFromPortal(tx, link.organizationId, contractor.id, submission.body, actor.accountId, clock);
        subcontractRequestId = filed.requestId;
      } else if (submission.kind === 'incident') {
        const incident = await receiveContractorIncident(
          tx,
          {
            organizationId: link.organizationId,
            departmentId: await contractorDepartment(tx, link.organizationId, contractor.id),
            receiverPersonId: link.invitedByPersonId,
            contractorName: contractor.name,
            reporterName: submission.body.reportedByName,
            portalReportNumber: number,
            title: `【委託先 ${contractor.name}】${submission.body.title}`,
            summary: incidentSummary(submission.body, contractor.name, number),
            discoveredAt: new Date(submission.body.knownAt),
            events: submission.body.events,
            persons: submission.body.persons,
            personsApproximate: submission.body.personsApproximate,
            facts: Object.fromEntries(incidentReportFacts.map((key) => [key, submission.body[key]])) as ContractorIncidentReport['facts'],
          },
          clock,
        );
        incidentId = incident.id;
      }
      const [row] = await tx
        .insert(contractorPortalReports)
        .values({
          organizationId: link.organizationId,
          counterpartyOrganizationId: actor.organizationId,
          linkId: link.id,
          number,
          kind: submission.kind,
          title: titleOf(submission),
          status: submission.kind === 'incident' ? 'handling' : 'submitted',
          details: detailsOf(submission),
          reportedByName: submission.body.reportedByName,
          reportedByAccountId: actor.accountId,
          reportedAt: clock.now,
          incidentId,
          subcontractRequestId,
          createdAt: clock.now,
          updatedAt: clock.now,
        })
        .returning();
      if (!row) throw new Error('report insert returned nothing');
      // 再委託申請 and 返還・廃棄報告 reach the 委託元's 個人情報保護管理者 at once (the incident notifies
      // through M4 itself). The notice names the 委託先 and the kind, never what was reported.
      if (submission.kind !== 'incident') {
        const recipients = new Set<string>();
        for (const role of pmsManagerRoles) for (const id of await accountsWithRole(tx, link.organizationId, role, clock.today)) recipients.add(id);
        await notifyAccounts(tx, link.organizationId, [...recipients], {
          kind: 'contractor_portal_report',
          title: `【委託先からの報告】${contractor.name}: ${reportKindLabels[submission.kind]}（受付番号 ${number}）`,
          body:
            submission.kind === 'subcontract'
              ? '委託先から再委託の承認の申請が届きました。委託先の画面の「委託先からの報告」で内容を確かめ、承認手続に回してください（個人情報特記事項 第6条第2項: 業務の着手前に承認）。'
              : '委託先から返還・廃棄の報告が届きました。委託先の画面の「委託先からの報告」で内容と証明書を確かめ、確認してください。',
          link: `/contractors/${contractor.id}`,
          dedupeKey: `contractor_portal_report:${row.id}`,
        });
      }
      return row;
    },
    { accountId: actor.accountId, ip },
  );
}

/** Where each report stands, from what it became on the 委託元's side (read in the 委託元's rows). */
export type ReportProgress = { status: ReportStatus; incidentNumber: string | null };

export async function progressOf(tx: Tx, rows: readonly ReportRow[]): Promise<Map<string, ReportProgress>> {
  const out = new Map<string, ReportProgress>();
  const byOrg = new Map<string, ReportRow[]>();
  for (const r of rows) byOrg.set(r.organizationId, [...(byOrg.get(r.organizationId) ?? []), r]);
  for (const [organizationId, list] of byOrg) {
    const subs = await subcontractStatuses(
      tx,
      organizationId,
      list.flatMap((r) => (r.subcontractRequestId ? [r.subcontractRequestId] : [])),
    );
    const incs = await incidentStatusesFor(
      tx,
      organizationId,
      list.flatMap((r) => (r.incidentId ? [r.incidentId] : [])),
    );
    for (const r of list) {
      if (r.kind === 'subcontract' && r.subcontractRequestId) {
        const s = subs.get(r.subcontractRequestId);
        out.set(r.id, { status: s === 'approved' ? 'approved' : s === 'pending' ? 'in_approval' : s === 'returned' ? 'refused' : 'submitted', incidentNumber: null });
      } else if (r.kind === 'incident' && r.incidentId) {
        const i = incs.get(r.incidentId);
        out.set(r.id, { status: i?.closed ? 'closed' : 'handling', incidentNumber: i?.number ?? null });
      } else out.set(r.id, { status: r.status, incidentNumber: null });
    }
  }
  return out;
}

export function presentReport(
  row: ReportRow,
  progress: ReportProgress | undefined,
  otherPartyName: string | null,
  side: 'principal' | 'contractor',
  certificate: Certificate | undefined,
) {
  const status = progress?.status ?? row.status;
  const d = row.details;
  return {
    id: row.id,
    linkId: row.linkId,
    number: row.number,
    kind: row.kind,
    kindLabel: reportKindLabels[row.kind],
    title: row.title,
    status,
    statusLabel: reportStatusLabels[status],
    otherPartyName,
    details:
      d.kind === 'return_disposal'
        ? { ...d, methodLabel: disposalMethodLabels[d.method] }
        : d.kind === 'subcontract'
          ? { ...d, workLeadName: d.workLeadName ?? null, workLeadTitle: d.workLeadTitle ?? null, workLeadContact: d.workLeadContact ?? null, workers: d.workers ?? [] }
          : {
              ...d,
              // A report sent before these facts were asked answers 不明.
              sensitive: d.sensitive ?? null,
              improperPurpose: d.improperPurpose ?? null,
              financialDamageRisk: d.financialDamageRisk ?? null,
              myNumber: d.myNumber ?? null,
              personsApproximate: d.personsApproximate ?? false,
            },
    reportedByName: row.reportedByName,
    reportedAt: row.reportedAt.toISOString(),
    incidentId: side === 'principal' ? row.incidentId : null,
    incidentNumber: side === 'principal' ? (progress?.incidentNumber ?? null) : null,
    subcontractRequestId: side === 'principal' ? row.subcontractRequestId : null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    confirmNote: row.confirmNote,
    certificate: certificate
      ? {
          label: certificate.label,
          fileName: certificate.fileName,
          size: certificate.size,
          contentTypeLabel: certificate.contentTypeLabel,
          url: side === 'principal' ? `/api/attachment-files/${certificate.id}` : null,
        }
      : null,
  };
}

/** The 委託先's reports (its organization's only) and the 委託元 it is connected to. */
export async function myReports(tx: Tx, actor: Actor): Promise<{ links: LinkRow[]; rows: ReportRow[] }> {
  const links = await principalLinksOf(tx, actor);
  const rows = await tx
    .select()
    .from(contractorPortalReports)
    .where(and(eq(contractorPortalReports.counterpartyOrganizationId, actor.organizationId), ne(contractorPortalReports.organizationId, actor.organizationId)))
    .orderBy(desc(contractorPortalReports.reportedAt));
  return { links, rows };
}

/** The 委託元's received reports, optionally of one contractor (its links). */
export async function receivedReports(tx: Tx, actor: Actor, contractorId: string | undefined): Promise<{ rows: ReportRow[]; contractorNames: Map<string, string> }> {
  const links = await tx
    .select({ id: contractorPortalLinks.id, contractorId: contractorPortalLinks.contractorId })
    .from(contractorPortalLinks)
    .where(and(eq(contractorPortalLinks.organizationId, actor.organizationId), contractorId ? eq(contractorPortalLinks.contractorId, contractorId) : undefined));
  if (links.length === 0) return { rows: [], contractorNames: new Map() };
  const rows = await tx
    .select()
    .from(contractorPortalReports)
    .where(
      and(
        eq(contractorPortalReports.organizationId, actor.organizationId),
        inArray(
          contractorPortalReports.linkId,
          links.map((l) => l.id),
        ),
      ),
    )
    .orderBy(desc(contractorPortalReports.reportedAt));
  const contractorNames = new Map<string, string>();
  const found = await contractorsForPortal(
    tx,
    actor.organizationId,
    links.map((l) => l.contractorId),
  );
  for (const l of links) {
    const c = found.get(l.contractorId);
    if (c) contractorNames.set(l.id, c.name);
  }
  return { rows, contractorNames };
}

async function ownReport(tx: Tx, actor: Actor, id: string): Promise<ReportRow> {
  const [row] = await tx
    .select()
    .from(contractorPortalReports)
    .where(and(eq(contractorPortalReports.organizationId, actor.organizationId), eq(contractorPortalReports.id, id)));
  if (!row) throw notFound('委託先からの報告');
  return row;
}

/** 確認 (委託元): a 返還・廃棄報告 is confirmed once. */
export async function confirmReport(tx: Tx, actor: Actor, id: string, input: z.output<typeof confirmReportBody>, clock: Clock): Promise<ReportRow> {
  const row = await ownReport(tx, actor, id);
  if (row.kind !== 'return_disposal') throw conflict('確認できるのは返還・廃棄報告です（再委託申請は承認手続で、事故等の報告は事故等の画面で扱います）');
  if (row.status === 'confirmed') throw conflict('この返還・廃棄報告はすでに確認済みです');
  const [saved] = await tx
    .update(contractorPortalReports)
    .set({ status: 'confirmed', confirmedAt: clock.now, confirmedByPersonId: actor.personId, confirmNote: input.note, updatedAt: clock.now })
    .where(eq(contractorPortalReports.id, row.id))
    .returning();
  if (!saved) throw new Error('report update returned nothing');
  return saved;
}

/** 承認手続へ (委託元): the 委託先's 再委託申請 goes to the approvals engine as a 再委託承認申請. */
export async function submitSubcontractForApproval(tx: Tx, actor: Actor, id: string, clock: Clock): Promise<ReportRow> {
  const row = await ownReport(tx, actor, id);
  if (row.kind !== 'subcontract' || !row.subcontractRequestId) throw conflict('承認手続に回せるのは再委託申請です');
  await submitPortalSubcontract(tx, actor, row.subcontractRequestId, clock);
  return row;
}
