import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { attachments } from '../../platform/attachments/attachments.tables.ts';
import type { AttachmentOwner, AttachmentRetention } from '../../platform/attachments/owners.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { can } from '../../platform/policies/actor.ts';
import { type ContractDocumentRetention, contractDocumentRemovable, contractDocumentRetention } from '../../rules/retention/index.ts';
import { type EntryHolding, entryHoldings } from '../inventory/inventory.exports.ts';
import { canManageContractor } from './contractors.policy.ts';
import { contractors } from './contractors.tables.ts';

// 契約書等 (issue #13, SPEC §3 Attachments, §5.3): the signed papers of a 委託 kept on the 委託先's
// record — the 契約書, the signed 特記事項, 覚書・変更契約, 秘密保持誓約書 — for the data's holding
// period (J.9.4 5「委託契約書は当該個人データの保有期間にわたって保存する。」). Who sees and adds
// them follows the 委託先 itself (contractors.policy.ts).

/** 種別 of a file on a 委託先 (chosen by who attaches it: a 委任状 is never filed as a 契約書 by default). */
export const contractorDocumentKinds = [
  { code: 'contract', label: '契約書' },
  { code: 'special_clauses', label: '特記事項（署名済み）' },
  { code: 'memorandum', label: '覚書・変更契約' },
  { code: 'confidentiality_pledge', label: '秘密保持誓約書' },
  { code: 'other', label: 'その他' },
] as const;
export type ContractorDocumentKind = (typeof contractorDocumentKinds)[number]['code'];

/** The kinds kept until the 保存期限 (J.9.4 5: the 委託契約書 and the papers that form part of it); その他 may be removed at any time. */
export const retainedContractorDocumentKinds: readonly ContractorDocumentKind[] = ['contract', 'special_clauses', 'memorandum', 'confidentiality_pledge'];

type RetentionInput = { contractEndsOn: string | null; entryIds: readonly string[] };

function retentionFrom(row: RetentionInput, holdings: ReadonlyMap<string, EntryHolding>): ContractDocumentRetention {
  const entries = row.entryIds.flatMap((id) => {
    const e = holdings.get(id);
    return e ? [{ name: e.name, retainUntilDate: e.retainUntilDate, retainUntilText: e.retainUntilText, disposedOn: e.disposedOn }] : [];
  });
  return contractDocumentRetention({ contractEndsOn: row.contractEndsOn, entries });
}

/** The 保存期限 of one 委託先's contract documents (the 台帳 read through the inventory module's public reads). */
export async function contractorDocumentRetention(tx: Tx, organizationId: string, row: RetentionInput): Promise<ContractDocumentRetention> {
  const holdings = await entryHoldings(tx, organizationId, row.entryIds);
  return retentionFrom(row, new Map(holdings.map((h) => [h.id, h])));
}

/** Per 委託先: how many files it holds (removed ones not counted), how many of the kept kinds, and the 保存期限. */
export type ContractorDocumentSummary = { count: number; retainedCount: number; retention: ContractDocumentRetention };

/** The summaries of several 委託先 at once (the 委託先一覧 xlsx, the daily disposal check). */
export async function contractorDocumentSummaries(
  tx: Tx,
  organizationId: string,
  rows: readonly ({ id: string } & RetentionInput)[],
): Promise<Map<string, ContractorDocumentSummary>> {
  const result = new Map<string, ContractorDocumentSummary>();
  if (rows.length === 0) return result;
  const counts = await tx
    .select({ ownerId: attachments.ownerId, kind: attachments.kind, n: count() })
    .from(attachments)
    .where(
      and(
        eq(attachments.organizationId, organizationId),
        eq(attachments.ownerType, contractorAttachmentOwner.type),
        inArray(
          attachments.ownerId,
          rows.map((r) => r.id),
        ),
        isNull(attachments.deletedAt),
      ),
    )
    .groupBy(attachments.ownerId, attachments.kind);
  const holdings = new Map((await entryHoldings(tx, organizationId, [...new Set(rows.flatMap((r) => r.entryIds))])).map((h) => [h.id, h]));
  for (const row of rows) {
    const mine = counts.filter((c) => c.ownerId === row.id);
    result.set(row.id, {
      count: mine.reduce((sum, c) => sum + c.n, 0),
      retainedCount: mine.filter((c) => (retainedContractorDocumentKinds as readonly string[]).includes(c.kind)).reduce((sum, c) => sum + c.n, 0),
      retention: retentionFrom(row, holdings),
    });
  }
  return result;
}

async function contractorRow(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select({ departmentId: contractors.departmentId, contractEndsOn: contractors.contractEndsOn, entryIds: contractors.entryIds })
    .from(contractors)
    .where(and(eq(contractors.organizationId, organizationId), eq(contractors.id, id)));
  return row ?? null;
}

/**
 * 契約書等 on a 委託先 (SPEC §3 Attachments): seen by who sees the register (contractors.read),
 * added or removed by who may change the 委託先 (its 所属長 or an organization-wide manager). The
 * contract kinds are kept until their 保存期限 (J.9.4 5). Encrypted at rest (a 秘密保持誓約書 names
 * people), each download recorded as a read of personal data.
 */
export const contractorAttachmentOwner: AttachmentOwner = {
  type: 'contractor',
  label: '委託先',
  personalData: true,
  kinds: contractorDocumentKinds,
  async canRead(tx, actor, ownerId) {
    if (!can(actor, 'contractors.read') && !can(actor, 'contractors.manage')) return false;
    return !!(await contractorRow(tx, actor.organizationId, ownerId));
  },
  async canWrite(tx, actor, ownerId) {
    const row = await contractorRow(tx, actor.organizationId, ownerId);
    return !!row && canManageContractor(actor, row);
  },
  async retention(tx, actor, ownerId, today): Promise<AttachmentRetention | null> {
    const row = await contractorRow(tx, actor.organizationId, ownerId);
    if (!row) return null;
    const r = await contractorDocumentRetention(tx, actor.organizationId, row);
    return { kinds: retainedContractorDocumentKinds, until: r.retainUntil, removable: contractDocumentRemovable(r, today), reason: `${r.reason}（${r.basis}）` };
  },
};
