/**
 * Types of the 台帳 screens. Responses come from the 台帳's contract (the schemas the server
 * encodes its responses with: src/modules/inventory/inventory.contract.ts), so the screens and the
 * API cannot drift apart; request bodies from the same contract (BodyOf) or the shared zod
 * schemas. The names below only point into those types.
 */
import type { inventoryContract } from '../../../../src/modules/inventory/inventory.contract.ts';
import type { approvalsContract } from '../../../../src/platform/approvals/approvals.contract.ts';
import type { BodyOf, ResponseOf } from '../../../../src/platform/http/contract.ts';

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

export type ImportMappingRow = ResponseOf<typeof inventoryContract.saveMapping>;
export type ImportMappingBody = BodyOf<typeof inventoryContract.saveMapping>;
export type InspectResult = ResponseOf<typeof inventoryContract.inspectImport>;
export type ImportReport = ResponseOf<typeof inventoryContract.importLedger>;

export type ReviewList = ResponseOf<typeof inventoryContract.reviews>;
export type ReviewListItem = ReviewList['items'][number];
export type ReviewStartBody = BodyOf<typeof inventoryContract.startReview>;
export type ReviewConfirmBody = BodyOf<typeof inventoryContract.confirmReviewItem>;

/** The approval of a record as the approval panel shows it (the approvals engine's contract). */
export type ApprovalDetail = ResponseOf<typeof approvalsContract.detail>;
