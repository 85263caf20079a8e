/**
 * Types of the 台帳 screens. Responses come from the 台帳's contract (the schemas the server
 * encodes its responses with: src/modules/inventory/inventory.contract.ts), so the screens and the
 * API cannot drift apart; request bodies from the same contract (BodyOf) or the shared zod
 * schemas. The names below only point into those types.
 */
import type { inventoryContract } from '../../../../src/modules/inventory/inventory.contract.ts';
import type { approvalsContract } from '../../../../src/platform/approvals/approvals.contract.ts';
import type { z } from 'zod';
import type { BodyOf, ResponseOf } from '../../../../src/platform/http/contract.ts';
import type { registerImportReportResponse, registerInspectionResponse } from '../../../../src/platform/imports/imports.schema.ts';

export type EntryPage = ResponseOf<typeof inventoryContract.entries>;
export type EntryListItem = EntryPage['items'][number];
export type EntrySummary = ResponseOf<typeof inventoryContract.summary>;
export type EntryDetail = ResponseOf<typeof inventoryContract.entry>;
/** The content of an entry (the 台帳's row) as the API returns it. */
export type EntryContent = EntryDetail['content'];
export type RiskStatusCode = EntryDetail['riskStatus'];
export type Finding = EntryDetail['findings'][number];
export type Duty = EntryDetail['duties'][number];
export type HistoryItem = EntryDetail['history'][number];
export type Change = HistoryItem['changes'][number];

export type RequestListItem = ResponseOf<typeof inventoryContract.requests>['items'][number];
export type RequestDetail = ResponseOf<typeof inventoryContract.request>;

/** 台帳の取込 on the one import pipeline (/api/imports/inventory, issue #12): the platform's shapes. */
export type InspectResult = z.output<typeof registerInspectionResponse>;
export type ImportReport = z.output<typeof registerImportReportResponse>;
/** The 台帳's リスク分析 sheet in the report (the companion sheet: its rows name their entries). */
type Companion = NonNullable<ImportReport['companion']>;
type Problem = Companion['rows'][number]['errors'][number];
export type RiskReport = {
  label: string;
  sheet: string;
  headerRow: number;
  columns: { heading: string; field: string }[];
  total: number;
  valid: number;
  assessments: number;
  records: number;
  rows: { row: number; risk: string | null; entries: string[]; action: 'create' | 'error'; errors: Problem[]; warnings: Problem[] }[];
};

export type ReviewList = ResponseOf<typeof inventoryContract.reviews>;
export type ReviewListItem = ReviewList['items'][number];
export type ReviewStartBody = BodyOf<typeof inventoryContract.startReview>;
export type ReviewConfirmBody = BodyOf<typeof inventoryContract.confirmReviewItem>;

/** The approval of a record as the approval panel shows it (the approvals engine's contract). */
export type ApprovalDetail = ResponseOf<typeof approvalsContract.detail>;
