import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { departments, organizations, people, roleAssignments } from '../../platform/org/org.tables.ts';
import { generatePublicItems, type PublicItemsFacts } from '../../rules/publicItems/publicItems.ts';
import { portalSettings } from './portal.tables.ts';

/** The demo's public page: `/p/mamori-demo` (README). */
export const DEMO_PORTAL_SLUG = 'mamori-demo';

/**
 * The demo organization's 公開窓口, published (J.10.3 a)〜g): 本人の知り得る状態に置く), so that the public
 * page and its request form can be tried at once. a) and b) come from the organization and its
 * 個人情報保護管理者 as the demo seeded them; the rest is sample wording a real organization rewrites.
 * Once only: settings already made (by the seed or by a person) are left alone.
 */
export async function seedDemoPortal(tx: Tx, organizationId: string, now: Date): Promise<void> {
  const [already] = await tx.select({ id: portalSettings.id }).from(portalSettings).where(eq(portalSettings.organizationId, organizationId));
  if (already) return;
  const [org] = await tx
    .select({ name: organizations.name, address: organizations.address, representative: organizations.representative })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) return;
  const [manager] = await tx
    .select({ name: people.name, department: departments.name })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .leftJoin(departments, eq(departments.id, people.departmentId))
    .where(and(eq(roleAssignments.organizationId, organizationId), eq(roleAssignments.role, 'pms_manager')))
    .limit(1);
  const facts: PublicItemsFacts = {
    organization: { name: org.name, address: org.address, representative: org.representative },
    manager: { nameOrTitle: `個人情報保護管理者 ${manager?.name ?? ''}`.trim(), department: manager?.department ?? '総務部', contact: '03-0000-0001（平日 9:00〜17:00）' },
    purposes: [
      { text: '商品・サービスのご案内、契約の履行及びアフターサービスのため' },
      { text: '取引先との連絡のため' },
      { text: '人事労務管理、社会保険・源泉徴収に関する事務のため' },
      { text: '労働安全衛生法に基づく健康管理のため' },
    ],
    complaintDesk: '個人情報お問合せ窓口（総務部） 03-0000-0001（平日 9:00〜17:00）',
    accreditedBody: null,
    procedure: {
      desk: `個人情報お問合せ窓口（${org.name} 総務部、${org.address ?? ''}）`,
      method: '当社所定の請求書を郵送又は窓口にご提出ください（このページのフォームでも受け付けます）',
      identityCheck: '運転免許証等の写し（本籍地は都道府県以外、個人番号は黒塗り）。代理人による請求は、委任状と代理人の本人確認書類の写し',
      fees: { purposeNotice: { amountYen: 1000, collectionMethod: '現金書留又は定額小為替' }, disclosure: { amountYen: 1000, collectionMethod: '現金書留又は定額小為替' } },
    },
    safetyMeasures: ['個人情報保護規程の策定', '従業者の教育', '入退室管理と施錠保管', 'アクセス制御と不正アクセス対策'],
  };
  // Published only when complete, as saving from the settings screen requires.
  const published = generatePublicItems(facts).missing.length === 0;
  await tx.insert(portalSettings).values({ organizationId, slug: DEMO_PORTAL_SLUG, published, facts, consentNoticeIds: [], createdAt: now, updatedAt: now });
}
