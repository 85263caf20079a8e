import { randomBytes } from 'node:crypto';
import { hashToken } from '../../platform/auth/sessions.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import type { Tx } from '../../platform/db/connection.ts';
import type { DemoContext } from '../../platform/moduleKit/manifest.ts';
import { contractorNamed } from '../contractors/contractors.portal.api.ts';
import { contractorPortalExchanges, contractorPortalLinks } from './contractorPortal.tables.ts';

/**
 * The demo's 委託先 portal: 株式会社デモ発送サービス (a contractor of the register, and an organization
 * of its own with the account vendor@demo.mamori.local) is connected, and its 特記事項遵守報告書 is
 * asked for, due in 30 days — so both sides can be walked in the browser.
 */
export async function seedDemoContractorPortal(tx: Tx, context: DemoContext): Promise<void> {
  if (!context.contractorOrganizationId) return;
  const contractor = await contractorNamed(tx, context.organizationId, '株式会社デモ発送サービス');
  if (!contractor) return;
  const [link] = await tx
    .insert(contractorPortalLinks)
    .values({
      organizationId: context.organizationId,
      contractorId: contractor.id,
      counterpartyOrganizationId: context.contractorOrganizationId,
      invitedEmail: 'vendor@demo.mamori.local',
      invitationTokenHash: hashToken(randomBytes(24).toString('base64url')),
      invitationExpiresAt: context.now,
      acceptedAt: context.now,
      status: 'active',
      createdAt: context.now,
      updatedAt: context.now,
    })
    .returning();
  if (!link) return;
  await tx.insert(contractorPortalExchanges).values({
    organizationId: context.organizationId,
    counterpartyOrganizationId: context.contractorOrganizationId,
    linkId: link.id,
    kind: 'compliance_report',
    title: '個人情報特記事項の遵守に関する報告書',
    dueOn: addCalendarDays(context.today, 30),
    createdAt: context.now,
    updatedAt: context.now,
  });
}
