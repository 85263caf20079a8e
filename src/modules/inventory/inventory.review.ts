import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { type InventoryEntry, reviewDiff } from '../../rules/inventoryRules.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { reviewApprovalType } from '../../platform/reviews/reviews.service.ts';
import { namesFor } from './entry-references.ts';
import { toEngineEntry } from './inventory.content.shared.ts';
import { keepsDepartment } from './inventory.keepers.ts';
import { INVENTORY_REVIEW } from './inventory.labels.ts';
import { inventoryEntries, inventoryEntryHistory, inventoryRequests } from './inventory.tables.ts';

// The 台帳's part of the yearly review (J.3.1.1 留意事項: 「毎年12月及び必要に応じて随時、各所属長が
// 見直しを行い、個人情報保護管理者の承認を得る。見直しを行なう際は、個人情報の件数、アクセス権者や
// 管理者、保管期間が適切に留意する。」). Snapshots hold the entries as people read them (names, not
// ids), so the diff stays readable after people leave or departments are renamed.

/** The department's active entries as the engine's display entries (names resolved). */
async function displayEntries(tx: Tx, organizationId: string, departmentId: string): Promise<InventoryEntry[]> {
  const rows = await tx
    .select()
    .from(inventoryEntries)
    .where(and(eq(inventoryEntries.organizationId, organizationId), eq(inventoryEntries.departmentId, departmentId), eq(inventoryEntries.status, 'active')))
    .orderBy(asc(inventoryEntries.name));
  const names = await namesFor(
    tx,
    organizationId,
    rows.map((r) => r.data),
  );
  return rows.map((r) => toEngineEntry(r.id, r.revision, r.data, names.of(r.data), { forDisplay: true }));
}

/** The end of 31 December of `year` in Japan. */
function endOfYearJst(year: number): Date {
  return new Date(`${year}-12-31T23:59:59.999+09:00`);
}

/** The yearly review of this subject as an approval record type. Listed in the module manifest (index.ts). */
export const inventoryReviewApprovalType = reviewApprovalType({
  subject: 'inventory',
  recordType: INVENTORY_REVIEW,
  label: '個人情報管理台帳の見直し',
  calendarCode: 'inventory_review',
  // 各所属長が見直しを行い (J.3.1.1 留意事項): the department's keepers, and the PMS manager for every department.
  keeps: keepsDepartment,
  readPermission: 'inventory.read',
  link: (id) => `/inventory/reviews/${id}`,
  async items(tx, organizationId, departmentId) {
    const rows = await tx
      .select({ id: inventoryEntries.id, name: inventoryEntries.name })
      .from(inventoryEntries)
      .where(and(eq(inventoryEntries.organizationId, organizationId), eq(inventoryEntries.departmentId, departmentId), eq(inventoryEntries.status, 'active')))
      .orderBy(asc(inventoryEntries.name));
    return rows.map((r) => ({ subjectId: r.id, label: r.name }));
  },
  async confirmable() {
    return null;
  },
  async beforeSubmit(tx, review) {
    const requestIds = review.items.flatMap((i) => (i.requestId ? [i.requestId] : []));
    const requests =
      requestIds.length === 0
        ? []
        : await tx
            .select({ id: inventoryRequests.id, status: inventoryRequests.status })
            .from(inventoryRequests)
            .where(and(eq(inventoryRequests.organizationId, review.organizationId), inArray(inventoryRequests.id, requestIds)));
    const status = new Map(requests.map((r) => [r.id, r.status]));
    const problems: string[] = [];
    const items = review.items.map((item) => {
      if (item.decision !== 'changed' || !item.requestId) return item;
      const s = status.get(item.requestId);
      if (s === 'approved') return item;
      if (s === 'pending' || s === 'draft') {
        problems.push(`「${item.label}」の個人情報取扱変更等申請書が${s === 'pending' ? '承認待ち' : '下書き'}です。承認されてから見直しを申請してください`);
        return item;
      }
      // Returned or withdrawn: the change did not happen; the item is to be decided again.
      return { ...item, decision: 'pending' as const, requestId: null };
    });
    return { items, problems };
  },
  async snapshot(tx, organizationId, departmentId) {
    return displayEntries(tx, organizationId, departmentId);
  },
  async baseline(tx, organizationId, departmentId, year, previous) {
    if (previous?.snapshot) return { data: previous.snapshot, label: `${previous.year}年の見直し（承認済み）` };
    // No approved review last year: rebuild the 台帳 as it stood at the end of last year from the
    // entries' history (each entry's latest version written by then).
    const cutoff = endOfYearJst(year - 1);
    const rows = await tx
      .select()
      .from(inventoryEntryHistory)
      .where(and(eq(inventoryEntryHistory.organizationId, organizationId), lte(inventoryEntryHistory.createdAt, cutoff)))
      .orderBy(asc(inventoryEntryHistory.entryId), asc(inventoryEntryHistory.revision));
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) latest.set(row.entryId, row);
    const kept = [...latest.values()].filter((h) => h.data.departmentId === departmentId && !h.data.disposedAt);
    const names = await namesFor(
      tx,
      organizationId,
      kept.map((h) => h.data),
    );
    return {
      data: kept.map((h) => toEngineEntry(h.entryId, h.revision, h.data, names.of(h.data), { forDisplay: true })),
      label: `${year - 1}年12月31日時点の台帳（履歴から再構成）`,
    };
  },
  diff(baseline, snapshot, baselineLabel) {
    return { subject: 'inventory', baselineLabel, inventory: reviewDiff(baseline as InventoryEntry[], snapshot as InventoryEntry[]) };
  },
});
