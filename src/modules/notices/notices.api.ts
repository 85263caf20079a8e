import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { noticeTemplates, noticeVersions, provisionRecords } from './notices.tables.ts';

// The public face of M6 通知・同意 for other modules (the 台帳 refers to the notice versions an
// entry relies on, J.3.1.1・J.8.5; a 第三者提供記録の開示 request (M5, 法第33条第5項) looks up the
// records about a person). It imports nothing of theirs, so no import cycle runs through it.

/** A notice version as another record shows its link: 名称 and 第N版. */
export type NoticeVersionSummary = { id: string; templateId: string; title: string; versionNo: number; published: boolean };

/** The organization's notice versions among `ids` (unknown ids are left out), in the order asked. */
export async function noticeVersionSummaries(tx: Tx, organizationId: string, ids: readonly string[]): Promise<NoticeVersionSummary[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: noticeVersions.id, templateId: noticeVersions.templateId, title: noticeTemplates.title, versionNo: noticeVersions.versionNo, status: noticeVersions.status })
    .from(noticeVersions)
    .innerJoin(noticeTemplates, eq(noticeTemplates.id, noticeVersions.templateId))
    .where(and(eq(noticeVersions.organizationId, organizationId), inArray(noticeVersions.id, [...ids])));
  const byId = new Map(rows.map((r) => [r.id, { id: r.id, templateId: r.templateId, title: r.title, versionNo: r.versionNo, published: r.status === 'published' }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The organization's published notice versions (名称・第N版), for reading 「名称 第N版」 back from a 台帳 file (issue #12). */
export async function publishedNoticeVersions(tx: Tx, organizationId: string): Promise<NoticeVersionSummary[]> {
  const rows = await tx
    .select({ id: noticeVersions.id, templateId: noticeVersions.templateId, title: noticeTemplates.title, versionNo: noticeVersions.versionNo })
    .from(noticeVersions)
    .innerJoin(noticeTemplates, eq(noticeTemplates.id, noticeVersions.templateId))
    .where(and(eq(noticeVersions.organizationId, organizationId), eq(noticeVersions.status, 'published')));
  return rows.map((r) => ({ ...r, published: true }));
}

/** A notice version as a cell of the 台帳's export writes it, and its import reads it back: 「会員規約の通知文 第2版」. */
export const noticeVersionLabel = (v: Pick<NoticeVersionSummary, 'title' | 'versionNo'>) => `${v.title} 第${v.versionNo}版`;

/** A 第三者提供記録 / 確認記録 as a 開示 request shows it. */
export type ProvisionRecordAbout = {
  id: string;
  kind: 'provision' | 'receipt';
  recordedOn: string;
  providedOn: string | null;
  counterpartyName: string | null;
  subject: string;
  dataItems: string | null;
  disposedOn: string | null;
};

/** Folds width and spaces so 「山田　花子」 finds 「山田 花子」. */
const folded = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * 第三者提供記録の開示 (法第33条第5項, J.10.3): the records of 法第29条第1項・第30条第3項 (not
 * exemption entries, not the 個人関連情報 確認記録 of 法第31条第3項, which names no 本人, nor the 提供先's
 * 確認記録 of J.8.8.4 4 g)〜j), a JIS Q 15001 record outside 法第33条第5項) whose
 * 本人を特定するに足りる事項 contains `who`. The person is encrypted at rest, so the records are read
 * and matched here; the caller records the read of the matches (recordPersonalDataAccess).
 */
export async function provisionRecordsAbout(tx: Tx, organizationId: string, who: string): Promise<ProvisionRecordAbout[]> {
  const wanted = folded(who);
  if (!wanted) return [];
  const rows = await tx.select().from(provisionRecords).where(eq(provisionRecords.organizationId, organizationId)).orderBy(provisionRecords.recordedOn);
  return rows
    .filter((r): r is typeof r & { kind: ProvisionRecordAbout['kind'] } => r.kind === 'provision' || r.kind === 'receipt')
    .filter((r) => !r.exemptionGround && r.subject && folded(r.subject).includes(wanted))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      recordedOn: r.recordedOn,
      providedOn: r.providedOn,
      counterpartyName: r.counterpartyName,
      subject: r.subject ?? '',
      dataItems: r.dataItems,
      disposedOn: r.disposedOn,
    }));
}

// 同意の取得を公開窓口で (issue #14 M6): the portal shows published notices and records consents and withdrawals.
export { type PortalConsentView, type PublishedNotice, portalConsent, publishedNotices, recordPortalConsent, withdrawPortalConsent } from './portal-consents.ts';

// 外国にある第三者への提供に係る情報提供の求め (J.8.8.1 3 l), M5): the ground-b) provisions about a person with items 1)〜7).
export { type OverseasProvisionAbout, overseasProvisionsAbout } from './overseas-info.ts';
