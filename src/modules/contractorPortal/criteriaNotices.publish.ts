import { and, eq, inArray, lt } from 'drizzle-orm';
import { todayInJapan } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { outsideTenant } from '../../platform/db/tenancy.ts';
import { notifyAccounts } from '../../platform/notifications/notify.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { contractorPortalExchanges } from './contractorPortal.tables.ts';
import { criteriaNoticeNotificationTitle, type PublishedCriterion } from './criteriaNotices.labels.ts';
import { contractorPortalCriteriaNotices } from './criteriaNotices.tables.ts';
import { accountsWithPermission } from './exchange-reminders.ts';

// 評価基準の改定のお知らせ (issue #13; J.9.4 s)): writing the notices and telling the 委託先's people.
// Two paths publish: the 委託元's approval of a new version (criteriaNotices.api.ts, every accepted
// link) and a 委託先's acceptance of the invitation (criteria-notices.ts, the new link gets the version
// in force). Both write here, in their own transaction.

/** An approved criteria version as the 委託元 publishes it: its key, number, name and items — nothing else. */
export type PublishedCriteria = { version: string; versionNo: number; name: string; items: readonly PublishedCriterion[] };

/** An accepted link of the 委託元, with the 委託先's organization. */
export type NoticeTarget = { linkId: string; counterpartyOrganizationId: string };

/**
 * Writes one notice per link for `criteria` (idempotent per link and version: a link told of the
 * version already gets nothing new) and notifies, in-app, the people of each newly told 委託先 who
 * answer the portal (`contractorPortal.respond`), linking to the inbox. Returns how many were written.
 */
export async function publishToLinks(tx: Tx, organizationId: string, targets: readonly NoticeTarget[], criteria: PublishedCriteria, now: Date): Promise<number> {
  const rows = targets
    .filter((t) => t.counterpartyOrganizationId !== organizationId)
    .map((t) => ({
      organizationId,
      counterpartyOrganizationId: t.counterpartyOrganizationId,
      linkId: t.linkId,
      criteriaVersion: criteria.version,
      versionNo: criteria.versionNo,
      name: criteria.name,
      // Items only, as the 委託先 answers them (the 調査票 snapshot's shape).
      items: criteria.items.map((i) => ({ code: i.code, text: i.text, coversOthers: i.coversOthers === true })),
      publishedAt: now,
      createdAt: now,
    }));
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(contractorPortalCriteriaNotices).values(rows).onConflictDoNothing().returning({
    id: contractorPortalCriteriaNotices.id,
    linkId: contractorPortalCriteriaNotices.linkId,
    counterpartyOrganizationId: contractorPortalCriteriaNotices.counterpartyOrganizationId,
  });
  if (inserted.length > 0) await notifyContractors(tx, organizationId, inserted, criteria, now);
  return inserted.length;
}

/**
 * Links on which the 委託先 saw criteria of this 委託元 before `criteria` — an earlier version's notice
 * or a 調査票 — as the inbox's `changesFrom` finds them: their notice is a revision, the others' a
 * first notice (「現在の評価基準のお知らせ」).
 */
async function linksWithEarlierCriteria(tx: Tx, organizationId: string, linkIds: readonly string[], criteria: PublishedCriteria, now: Date): Promise<Set<string>> {
  const notices = await tx
    .select({ linkId: contractorPortalCriteriaNotices.linkId })
    .from(contractorPortalCriteriaNotices)
    .where(
      and(
        eq(contractorPortalCriteriaNotices.organizationId, organizationId),
        inArray(contractorPortalCriteriaNotices.linkId, [...linkIds]),
        lt(contractorPortalCriteriaNotices.versionNo, criteria.versionNo),
      ),
    );
  const questionnaires = await tx
    .select({ linkId: contractorPortalExchanges.linkId })
    .from(contractorPortalExchanges)
    .where(
      and(
        eq(contractorPortalExchanges.organizationId, organizationId),
        inArray(contractorPortalExchanges.linkId, [...linkIds]),
        eq(contractorPortalExchanges.kind, 'questionnaire'),
        lt(contractorPortalExchanges.createdAt, now),
      ),
    );
  return new Set([...notices, ...questionnaires].map((r) => r.linkId));
}

/**
 * 「株式会社まもりデモから評価基準の改定のお知らせが届きました（第3版）」 to each 委託先's respond-permission
 * accounts — never the 委託元's, never another 委託先's: each notification is written in the organization
 * its notice is addressed to, for that organization's accounts only. One per notice (dedupe key).
 * Not urgent, so it is not e-mailed (the delivery job e-mails urgent notifications only).
 */
async function notifyContractors(tx: Tx, organizationId: string, notices: readonly (NoticeTarget & { id: string })[], criteria: PublishedCriteria, now: Date): Promise<void> {
  const today = todayInJapan(now);
  const earlier = await linksWithEarlierCriteria(
    tx,
    organizationId,
    notices.map((n) => n.linkId),
    criteria,
    now,
  );
  await outsideTenant(tx, async () => {
    const [principal] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
    const principalName = principal?.name ?? '委託元';
    for (const notice of notices) {
      const to = await accountsWithPermission(tx, notice.counterpartyOrganizationId, 'contractorPortal.respond', today);
      await notifyAccounts(tx, notice.counterpartyOrganizationId, to, {
        kind: 'contractor_criteria_notice',
        title: criteriaNoticeNotificationTitle(principalName, criteria.versionNo, !earlier.has(notice.linkId)),
        body: `評価基準「${criteria.name}」（${criteria.items.length}項目）。「委託元からの依頼」で評価項目を確かめ、次の調査票の前に自社のプロフィールで回答を用意できます。`,
        link: '/contractor-portal',
        dedupeKey: `contractor-criteria-notice:${notice.id}`,
      });
    }
  });
}
