import type { Tx } from '../../platform/db/connection.ts';
import { EXTRAS_HEADING, formatExtras } from '../../platform/imports/extras.ts';
import { prepareSheet, type SheetColumn, writeXlsx } from '../../platform/exports/xlsx.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { entrySummaries } from '../inventory/inventory.exports.ts';
import { type ContractorDocumentSummary, contractorDocumentSummaries } from './contractor-documents.ts';
import { certificationStatusLabels, contractorFieldLabels as L } from './contractors.labels.ts';
import { allContractors, type ContractorRow, clauseCheckOf } from './contractors.queries.ts';

// 委託先一覧 (J.9.4 4) as an Excel workbook: one row per 委託先, headers as on the screen.

/** Headings of the computed 契約書等 columns (the import lists them as exportOnly). */
export const CONTRACT_DOCUMENT_COUNT_HEADING = '契約書等の件数';
export const CONTRACT_DOCUMENT_RETENTION_HEADING = '契約書の保存期限';

type ExportRow = { contractor: ContractorRow; departmentName: string | null; entryNames: string; documents: ContractorDocumentSummary | undefined };

/** 契約書の保存期限 (J.9.4 5): the day, or 「未定（…が決まるまで）」 while it cannot be known. */
function documentRetentionCell(r: ExportRow): string | null {
  const retention = r.documents?.retention;
  if (!retention) return null;
  return retention.known ? retention.retainUntil : `未定（${retention.pendingOn}が決まるまで）`;
}

const columns: SheetColumn<ExportRow>[] = [
  { header: L.name, width: 30, value: (r) => r.contractor.name },
  { header: L.corporateNumber, width: 16, value: (r) => r.contractor.corporateNumber },
  { header: L.address, width: 30, value: (r) => r.contractor.address },
  { header: L.departmentId, width: 14, value: (r) => r.departmentName },
  { header: L.entrustedWork, width: 30, value: (r) => r.contractor.entrustedWork },
  { header: L.entryIds, width: 30, value: (r) => r.entryNames },
  { header: L.specificPersonalInfo, width: 10, value: (r) => (r.contractor.specificPersonalInfo ? 'あり' : 'なし') },
  { header: L.privacyMarkStatus, width: 12, value: (r) => certificationStatusLabels[r.contractor.privacyMarkStatus] },
  { header: L.privacyMarkExpiresOn, width: 12, type: 'date', value: (r) => r.contractor.privacyMarkExpiresOn },
  { header: L.ismsStatus, width: 12, value: (r) => certificationStatusLabels[r.contractor.ismsStatus] },
  { header: L.ismsExpiresOn, width: 12, type: 'date', value: (r) => r.contractor.ismsExpiresOn },
  { header: L.contactName, width: 14, value: (r) => r.contractor.contactName },
  { header: L.contactPhone, width: 14, value: (r) => r.contractor.contactPhone },
  { header: L.contactEmail, width: 24, value: (r) => r.contractor.contactEmail },
  { header: L.contractStartsOn, width: 12, type: 'date', value: (r) => r.contractor.contractStartsOn },
  { header: L.contractEndsOn, width: 12, type: 'date', value: (r) => r.contractor.contractEndsOn },
  {
    header: '契約書に不足する事項',
    width: 40,
    value: (r) =>
      clauseCheckOf(r.contractor)
        .missing.map((i) => i.clause)
        .join('、'),
  },
  // 契約書等 kept on the 委託先 (issue #13, J.9.4 5): computed, never read back (exportOnly in the import).
  { header: CONTRACT_DOCUMENT_COUNT_HEADING, width: 12, type: 'number', value: (r) => r.documents?.count ?? 0 },
  { header: CONTRACT_DOCUMENT_RETENTION_HEADING, width: 24, type: 'date', value: documentRetentionCell },
  { header: L.note, width: 30, value: (r) => r.contractor.note },
  // 取込時の追加情報 (issue #12): 「見出し: 値」 per line, read back by the import.
  { header: EXTRAS_HEADING, width: 40, value: (r) => formatExtras(r.contractor.importExtras) },
];

/** The register as an xlsx workbook (every 委託先 of the organization, by name). */
export async function exportContractorsXlsx(tx: Tx, actor: Actor): Promise<Buffer> {
  const rows = await allContractors(tx, actor);
  const entries = await entrySummaries(
    tx,
    actor.organizationId,
    rows.flatMap((r) => r.contractor.entryIds),
  );
  const names = new Map(entries.map((e) => [e.id, e.name]));
  const documents = await contractorDocumentSummaries(
    tx,
    actor.organizationId,
    rows.map((r) => r.contractor),
  );
  const exportRows = rows.map((r) => ({
    ...r,
    entryNames: r.contractor.entryIds.flatMap((id) => names.get(id) ?? []).join('、'),
    documents: documents.get(r.contractor.id),
  }));
  return writeXlsx(prepareSheet({ name: '委託先一覧', columns, rows: exportRows }));
}
