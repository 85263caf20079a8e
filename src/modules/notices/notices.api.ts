import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { noticeTemplates, noticeVersions } from './notices.tables.ts';

// The public face of M6 通知・同意 for other modules (the 台帳 refers to the notice versions an
// entry relies on, J.3.1.1 ・J.8.5). It imports nothing of theirs, so no import cycle runs through it.

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
