import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, encryptedJson, updatedAt } from '../../platform/db/columns.ts';
import type { ReportDetails, ReportKind, ReportStatus } from './contractorPortal.reports.labels.ts';
import { sharedExchangeColumns } from './contractorPortal.tables.ts';

/**
 * 委託先からの報告 (issue #13): what the 委託先 sends the 委託元 on its own initiative through the portal —
 * 再委託申請 (豊島区 特記事項 資料B 第6条第2項 / 資料A 第7条第2項), 返還・廃棄報告 (資料B 第17条 / 資料A
 * 第10条), 事故等の報告 (資料B 第16条第2項 / 資料A 第15条 「直ちに…報告」). `organization_id` is the 委託元,
 * `counterparty_organization_id` the 委託先 that reported: both see the row (the shared-table policy of
 * platform/db/tenancySql.ts), a third organization never does. The report's text may name people:
 * encrypted. It links to what it became on the 委託元's side: the incident (M4) or the 再委託承認申請.
 */
export const contractorPortalReports = pgTable(
  'contractor_portal_reports',
  {
    ...sharedExchangeColumns(),
    /** 受付番号 shown to the 委託先, e.g. `CPR-2026-0001` (per 委託元 and year). */
    number: text('number').notNull(),
    kind: text('kind').$type<ReportKind>().notNull(),
    title: text('title').notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('submitted'),
    details: encryptedJson<ReportDetails>('details_enc').notNull(),
    /** Who reported, as the 委託先 names them (their person belongs to their organization). */
    reportedByName: text('reported_by_name').notNull(),
    reportedByAccountId: uuid('reported_by_account_id'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /** 事故等の報告: the 委託元's incident (M4) created with the report, in the same transaction. */
    incidentId: uuid('incident_id'),
    /** 再委託申請: the 委託元's 再委託承認申請 (contractors module) it became. */
    subcontractRequestId: uuid('subcontract_request_id'),
    /** 返還・廃棄報告: the 委託元's confirmation. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedByPersonId: uuid('confirmed_by_person_id'),
    confirmNote: text('confirm_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('contractor_portal_reports_number_uq').on(t.organizationId, t.number),
    index('contractor_portal_reports_link_idx').on(t.organizationId, t.linkId),
    index('contractor_portal_reports_counterparty_idx').on(t.counterpartyOrganizationId, t.createdAt),
  ],
);
