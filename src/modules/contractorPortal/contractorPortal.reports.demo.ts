import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { DemoContext } from '../../platform/moduleKit/manifest.ts';
import { contractorPortalReports } from './contractorPortal.reports.tables.ts';
import { contractorPortalLinks } from './contractorPortal.tables.ts';

/**
 * The demo's 委託先からの報告: 株式会社デモ発送サービス (connected by the portal demo) has sent one
 * 返還・廃棄報告, waiting for the 委託元's confirmation — so the contractor page shows the list.
 */
export async function seedDemoPortalReports(tx: Tx, context: DemoContext): Promise<void> {
  if (!context.contractorOrganizationId) return;
  const [link] = await tx
    .select()
    .from(contractorPortalLinks)
    .where(and(eq(contractorPortalLinks.organizationId, context.organizationId), eq(contractorPortalLinks.counterpartyOrganizationId, context.contractorOrganizationId)));
  if (!link) return;
  await tx.insert(contractorPortalReports).values({
    organizationId: context.organizationId,
    counterpartyOrganizationId: context.contractorOrganizationId,
    linkId: link.id,
    number: `CPR-${context.today.slice(0, 4)}-0001`,
    kind: 'return_disposal',
    title: '返還・廃棄報告（溶解）',
    details: {
      kind: 'return_disposal',
      performedAt: context.now.toISOString(),
      method: 'dissolve',
      methodDetail: '溶解処理業者に引き渡し、溶解証明書を受領',
      personInCharge: '発送 一郎',
      target: '2025年度 会報誌発送用の宛名ラベル（紙）一式',
    },
    reportedByName: '発送 一郎',
    reportedAt: context.now,
    createdAt: context.now,
    updatedAt: context.now,
  });
}
