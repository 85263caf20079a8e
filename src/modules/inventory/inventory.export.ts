import { and, asc, desc, eq } from 'drizzle-orm';
import { stepLabel } from '../../rules/approvalChains.ts';
import { acquisitionMethodLabels, specialCategories, storageMediumLabels } from '../../rules/inventoryRules.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import { stampsOf } from '../../platform/approvals/approvals.service.ts';
import { recordAuditEvent } from '../../platform/audit/auditEvents.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { PdfReport } from '../../platform/exports/pdf.ts';
import { pdfHeaderOf } from '../../platform/exports/pdfHeader.ts';
import { prepareSheet, type SheetColumn, writeXlsx } from '../../platform/exports/xlsx.ts';
import { EXTRAS_HEADING, formatExtras } from '../../platform/imports/extras.ts';
import { departments } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { accessHolderLabels } from './inventory.content.shared.ts';
import { importFields } from './inventory.import.schema.ts';
import { INVENTORY_REVIEW, overseasBasisLabels, processedKindLabels, riskStatusCodeLabels } from './inventory.labels.ts';
import type { EntriesQuery, EntryContent } from './inventory.schema.ts';
import { noticeVersionLabel, noticeVersionSummaries } from '../notices/notices.api.ts';
import { namesFor } from './entry-references.ts';
import { entriesFilter } from './inventory.queries.ts';
import { inventoryEntries } from './inventory.tables.ts';
import { formatExemption } from './parse-ledger-values.ts';
import { annualReviews } from '../../platform/reviews/reviews.tables.ts';

// 個人情報管理台帳 as Excel (the J.3.1.1 3 columns, in the layout the import reads back) and as PDF.

type ExportFilters = Omit<EntriesQuery, 'page' | 'pageSize'>;

/** Most rows one PDF holds (a 100,000-row PDF helps nobody; Excel has no such limit). */
export const PDF_MAX_ROWS = 3000;

async function loadRows(tx: Tx, organizationId: string, filters: ExportFilters, today: string, limit?: number) {
  const rows = await tx
    .select({ entry: inventoryEntries, departmentName: departments.name })
    .from(inventoryEntries)
    .innerJoin(departments, eq(departments.id, inventoryEntries.departmentId))
    .where(entriesFilter(organizationId, filters, today))
    .orderBy(asc(departments.sortOrder), asc(departments.name), asc(inventoryEntries.name), asc(inventoryEntries.id))
    .limit(limit ?? 1_000_000);
  const names = await namesFor(
    tx,
    organizationId,
    rows.map((r) => r.entry.data),
  );
  // 通知文（公開済みの版） as 「名称 第N版」, one per line: what the import reads back (issue #12 round trip).
  const versions = await noticeVersionSummaries(tx, organizationId, [...new Set(rows.flatMap((r) => r.entry.data.noticeVersionIds ?? []))]);
  const versionLabels = new Map(versions.map((v) => [v.id, noticeVersionLabel(v)]));
  return {
    rows: rows.map((r) => ({ ...r, noticeVersions: (r.entry.data.noticeVersionIds ?? []).flatMap((id) => versionLabels.get(id) ?? []).join('\n') })),
    people: names.personNames,
  };
}

type LedgerRow = Awaited<ReturnType<typeof loadRows>>['rows'][number];

const yesNo = (v: boolean) => (v ? '○' : '');
const term = (t: EntryContent['useUntil']) => [t.date, t.description].filter(Boolean).join(' ');
const count = (c: EntryContent['recordCount']) => (c ? `${c.approximate ? '約' : ''}${c.value.toLocaleString('ja-JP')}` : '');
const basis = (b: EntryContent['sensitiveBasis']) =>
  !b ? '' : b.kind === 'written_consent' ? `書面同意${b.noticeRef ? `（${b.noticeRef}）` : ''}` : `例外 ${b.letter}: ${b.reason ?? ''}`;
const categoryLabels = new Map(specialCategories.map((c) => [c.id, c.label]));

/** The export's columns: the import's fields in their order (so the file re-imports), then the record's state. */
function ledgerColumns(people: ReadonlyMap<string, string>): SheetColumn<LedgerRow>[] {
  const value: Record<(typeof importFields)[number]['key'], (r: LedgerRow) => string | number | null> = {
    name: (r) => r.entry.name,
    department: (r) => r.departmentName,
    items: (r) => r.entry.data.items.join('、'),
    purpose: (r) => r.entry.data.purpose,
    storageLocation: (r) => r.entry.data.storageLocation,
    storageMedia: (r) => (r.entry.data.storageMethod.media ? storageMediumLabels[r.entry.data.storageMethod.media] : null),
    storageDescription: (r) => r.entry.data.storageMethod.description,
    accessHolders: (r) => r.entry.data.accessHolderIds.map((id) => people.get(id) ?? '').join('、'),
    accessHolderNote: (r) => r.entry.data.accessHolderNote,
    useUntil: (r) => term(r.entry.data.useUntil),
    retainUntil: (r) => term(r.entry.data.retainUntil),
    recordCount: (r) => count(r.entry.data.recordCount),
    acquisitionMethods: (r) => r.entry.data.acquisitionMethods.map((m) => acquisitionMethodLabels[m]).join('、'),
    sensitive: (r) => yesNo(r.entry.sensitive),
    sensitiveBasis: (r) => basis(r.entry.data.sensitiveBasis),
    myNumber: (r) => yesNo(r.entry.myNumber),
    retainedPersonalData: (r) => yesNo(r.entry.retainedPersonalData),
    processedKind: (r) => (r.entry.processedKind === 'none' ? '' : processedKindLabels[r.entry.processedKind]),
    entrustedTo: (r) => r.entry.data.entrustedTo.join('、'),
    thirdPartyProvision: (r) => yesNo(r.entry.thirdPartyProvision),
    thirdPartyDetails: (r) => r.entry.data.thirdPartyDetails,
    jointUseDetails: (r) => r.entry.data.jointUseDetails,
    overseasCountries: (r) => r.entry.data.overseasCountries.join('、'),
    disposalMethod: (r) => r.entry.data.disposalMethod,
    noticeRefs: (r) => r.entry.data.noticeRefs.join('、'),
    // One per line: a label may itself hold 、 (parse-ledger-values.ts reads them back).
    specialCategories: (r) => r.entry.data.specialCategories.map((id) => categoryLabels.get(id) ?? id).join('\n'),
    overseasBasis: (r) => (r.entry.data.overseasBasis ? overseasBasisLabels[r.entry.data.overseasBasis] : null),
    contactsPersons: (r) => yesNo(r.entry.data.contactsPersons),
    exemptions: (r) => r.entry.data.exemptions.map(formatExemption).join('\n'),
    noticeVersions: (r) => r.noticeVersions,
  };
  const widths: Partial<Record<(typeof importFields)[number]['key'], number>> = { name: 24, items: 36, purpose: 36, storageLocation: 20, accessHolders: 28, department: 14 };
  return [
    ...importFields.map((f) => ({ header: f.header, width: widths[f.key] ?? 16, value: value[f.key] })),
    { header: '廃棄日', width: 12, type: 'date' as const, value: (r: LedgerRow) => r.entry.disposedAt },
    { header: 'リスク分析', width: 10, value: (r: LedgerRow) => riskStatusCodeLabels[r.entry.riskStatus] },
    { header: '版', width: 6, type: 'number' as const, value: (r: LedgerRow) => r.entry.revision },
    { header: '最終更新', width: 18, type: 'datetime' as const, value: (r: LedgerRow) => r.entry.updatedAt },
    // 取込時の追加情報 (issue #12): the imported file's other columns, 「見出し: 値」 per line (the import reads it back).
    { header: EXTRAS_HEADING, width: 40, value: (r: LedgerRow) => formatExtras(r.entry.importExtras) },
  ];
}

/** Records the export in the audit trail with its row count (SPEC §3: every export). */
async function auditExport(tx: Tx, actor: Actor, format: 'xlsx' | 'pdf', rows: number, filters: ExportFilters): Promise<void> {
  // The 台帳 describes personal data but holds none of the persons': the count goes in `meta`, not
  // in `rowCount`, which feeds the bulk-access alert on personal-data records (Toshima 4-8-6 (5)).
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorAccountId: actor.accountId,
    action: 'export',
    entityType: 'inventory_entries',
    meta: { format, rows, filters: { ...filters } },
  });
}

/** 個人情報管理台帳 (.xlsx): the entries matching the list's filters, one row each, J.3.1.1 3 columns. */
export async function exportLedgerXlsx(tx: Tx, actor: Actor, filters: ExportFilters, today: string): Promise<Buffer> {
  const { rows, people } = await loadRows(tx, actor.organizationId, filters, today);
  const body = await writeXlsx(prepareSheet({ name: '個人情報管理台帳', columns: ledgerColumns(people), rows }));
  await auditExport(tx, actor, 'xlsx', rows.length, filters);
  return body;
}

/**
 * 個人情報管理台帳 (PDF, A4 横): the J.3.1.1 3 items per entry; for one department, the stamps of
 * its latest approved yearly review (個人情報保護管理者の承認, J.3.1.1 留意事項).
 */
export async function exportLedgerPdf(tx: Tx, actor: Actor, filters: ExportFilters, today: string, now: Date): Promise<Buffer> {
  const { rows, people } = await loadRows(tx, actor.organizationId, filters, today, PDF_MAX_ROWS + 1);
  const header = await pdfHeaderOf(tx, actor.organizationId);
  const pdf = new PdfReport({
    title: '個人情報管理台帳',
    ...header,
    printedAt: now,
    layout: 'landscape',
    subject: '個人情報管理台帳（JIS Q 15001 J.3.1.1）',
  });
  // A 利用期限・保管期限 date in the document's one 日付の表記 (issue #10).
  const pdfTerm = (t: EntryContent['useUntil']) => [t.date ? pdf.date(t.date) : null, t.description].filter(Boolean).join(' ');
  const departmentName = filters.departmentId ? (rows[0]?.departmentName ?? null) : null;
  pdf.keyValues(
    [
      ['対象', departmentName ? `${departmentName}` : '全所属'],
      [
        '件数',
        `${Math.min(rows.length, PDF_MAX_ROWS).toLocaleString('ja-JP')}件${rows.length > PDF_MAX_ROWS ? `（先頭${PDF_MAX_ROWS.toLocaleString('ja-JP')}件。全件は Excel 出力をご利用ください）` : ''}`,
      ],
      ['根拠', 'JIS Q 15001 J.3.1.1 3（台帳には、少なくとも次の項目を含む。）'],
    ],
    { labelWidth: 0.12 },
  );
  pdf.table(
    [
      { header: 'No', width: 0.35, align: 'right' },
      { header: '個人情報の名称\n所管部署', width: 1.5 },
      { header: '個人情報の項目', width: 1.8 },
      { header: '利用目的', width: 1.8 },
      { header: '保管場所\n保管方法', width: 1.4 },
      { header: 'アクセス権を有する者', width: 1.3 },
      { header: '利用期限\n保管期限', width: 1.1 },
      { header: '件数', width: 0.6, align: 'right' },
      { header: '区分', width: 1 },
    ],
    rows.slice(0, PDF_MAX_ROWS).map((r, i) => {
      const d = r.entry.data;
      const kinds = [
        r.entry.sensitive ? '要配慮' : '',
        r.entry.myNumber ? '特定個人情報' : '',
        r.entry.retainedPersonalData ? '保有個人データ' : '',
        r.entry.entrusted ? '委託' : '',
        r.entry.thirdPartyProvision ? '第三者提供' : '',
        r.entry.disposedAt ? `廃棄 ${pdf.date(r.entry.disposedAt)}` : '',
        `リスク分析: ${riskStatusCodeLabels[r.entry.riskStatus]}`,
      ].filter(Boolean);
      return [
        i + 1,
        `${r.entry.name}\n（${r.departmentName}）`,
        d.items.join('、'),
        d.purpose ?? '',
        [d.storageLocation ?? '', [d.storageMethod.media ? storageMediumLabels[d.storageMethod.media] : '', d.storageMethod.description ?? ''].filter(Boolean).join('・')]
          .filter(Boolean)
          .join('\n'),
        accessHolderLabels(d, people).join('、'),
        `利用: ${pdfTerm(d.useUntil) || '—'}\n保管: ${pdfTerm(d.retainUntil) || '—'}`,
        count(d.recordCount),
        kinds.join('\n'),
      ];
    }),
    { fontSize: 7.5 },
  );
  if (filters.departmentId) {
    const [review] = await tx
      .select()
      .from(annualReviews)
      .where(
        and(
          eq(annualReviews.organizationId, actor.organizationId),
          eq(annualReviews.subject, 'inventory'),
          eq(annualReviews.departmentId, filters.departmentId),
          eq(annualReviews.status, 'approved'),
        ),
      )
      .orderBy(desc(annualReviews.year))
      .limit(1);
    if (review) {
      const [request] = await tx
        .select()
        .from(approvalRequests)
        .where(
          and(
            eq(approvalRequests.organizationId, actor.organizationId),
            eq(approvalRequests.recordType, INVENTORY_REVIEW),
            eq(approvalRequests.recordId, review.id),
            eq(approvalRequests.status, 'approved'),
          ),
        )
        .orderBy(desc(approvalRequests.submittedAt))
        .limit(1);
      if (request) {
        const stamps = (await stampsOf(tx, actor.organizationId, [request])).get(request.id) ?? [];
        pdf.heading(`${review.year}年の見直し（承認）`);
        pdf.stampBox(
          request.steps.map((step, index) => {
            const stamp = [...stamps].reverse().find((s) => s.step === index && s.action === 'approve');
            return { label: stepLabel(step), name: stamp?.actorName ?? null, at: stamp?.at ?? null };
          }),
        );
      }
    }
  }
  const body = await pdf.toBuffer();
  await auditExport(tx, actor, 'pdf', Math.min(rows.length, PDF_MAX_ROWS), filters);
  return body;
}
