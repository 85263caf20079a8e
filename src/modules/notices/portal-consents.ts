import { and, desc, eq, inArray } from 'drizzle-orm';
import { todayInJapan } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { noticeConsents, noticeTemplates, noticeVersions } from './notices.tables.ts';

// 同意の取得を公開窓口で (issue #14 M6, J.8.5 j) Web のフォーム): the organization's public page shows
// a notice's current published version in full; the person gives their name or an identifier and
// ticks 同意する; the consent is recorded against that exact version with the channel Web, and can
// be withdrawn through a link given once. The portal calls these through notices.api.ts.

/** A notice as the public page shows it: its latest published version, in full. */
export type PublishedNotice = { templateId: string; title: string; versionId: string; versionNo: number; body: string; publishedOn: string | null };

/** The latest published version of each of the organization's notices among `templateIds` (those never published are left out), in the order asked. */
export async function publishedNotices(tx: Tx, organizationId: string, templateIds: readonly string[]): Promise<PublishedNotice[]> {
  if (templateIds.length === 0) return [];
  const rows = await tx
    .select({
      templateId: noticeTemplates.id,
      title: noticeTemplates.title,
      versionId: noticeVersions.id,
      versionNo: noticeVersions.versionNo,
      body: noticeVersions.body,
      publishedAt: noticeVersions.publishedAt,
    })
    .from(noticeVersions)
    .innerJoin(noticeTemplates, eq(noticeTemplates.id, noticeVersions.templateId))
    .where(and(eq(noticeVersions.organizationId, organizationId), inArray(noticeVersions.templateId, [...templateIds]), eq(noticeVersions.status, 'published')))
    .orderBy(desc(noticeVersions.versionNo));
  const latest = new Map<string, PublishedNotice>();
  for (const r of rows) if (!latest.has(r.templateId)) latest.set(r.templateId, { ...r, publishedOn: r.publishedAt ? todayInJapan(r.publishedAt) : null });
  return templateIds.flatMap((id) => latest.get(id) ?? []);
}

/** Records a consent given on the public page (channel Web, the day given) against the version shown. */
export async function recordPortalConsent(tx: Tx, organizationId: string, notice: PublishedNotice, subject: string, consentedOn: string, now: Date): Promise<string> {
  const [row] = await tx
    .insert(noticeConsents)
    .values({ organizationId, templateId: notice.templateId, versionId: notice.versionId, subject, channel: 'web', consentedOn, createdAt: now, updatedAt: now })
    .returning({ id: noticeConsents.id });
  if (!row) throw new Error('consent insert returned nothing');
  return row.id;
}

/** A consent as its withdrawal link shows it (the person's own entry: what, which version, when). */
export type PortalConsentView = { title: string; versionNo: number; subject: string; consentedOn: string; withdrawnOn: string | null };

export async function portalConsent(tx: Tx, organizationId: string, consentId: string): Promise<PortalConsentView | null> {
  const [row] = await tx
    .select({
      title: noticeTemplates.title,
      versionNo: noticeVersions.versionNo,
      subject: noticeConsents.subject,
      consentedOn: noticeConsents.consentedOn,
      withdrawnOn: noticeConsents.withdrawnOn,
    })
    .from(noticeConsents)
    .innerJoin(noticeVersions, eq(noticeVersions.id, noticeConsents.versionId))
    .innerJoin(noticeTemplates, eq(noticeTemplates.id, noticeConsents.templateId))
    .where(and(eq(noticeConsents.organizationId, organizationId), eq(noticeConsents.id, consentId)));
  return row ?? null;
}

/** 同意の撤回 through the link (channel Web, today). False when it was already withdrawn. */
export async function withdrawPortalConsent(tx: Tx, organizationId: string, consentId: string, withdrawnOn: string, now: Date): Promise<boolean> {
  const [row] = await tx
    .select({ withdrawnOn: noticeConsents.withdrawnOn })
    .from(noticeConsents)
    .where(and(eq(noticeConsents.organizationId, organizationId), eq(noticeConsents.id, consentId)))
    .for('update');
  if (!row || row.withdrawnOn) return false;
  await tx
    .update(noticeConsents)
    .set({ withdrawnOn, withdrawalChannel: 'web', updatedAt: now })
    .where(and(eq(noticeConsents.organizationId, organizationId), eq(noticeConsents.id, consentId)));
  return true;
}
