import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { roleAssignments } from '../../platform/org/org.tables.ts';
import { lawReviewItems, lawReviews, laws } from './laws.tables.ts';

type DemoLaw = Omit<typeof laws.$inferInsert, 'organizationId'>;

const PPC = '個人情報保護委員会';

/**
 * The 法令規範一覧 most Japanese organizations start from (J.1.3 a: 個人情報保護法, 各省庁が示す
 * ガイドライン, 業界が示す指針, and the 条例 of a municipality the organization works for —
 * 世田谷区 as in the Setagaya seed). Names and numbers as promulgated.
 */
export const demoLaws: readonly DemoLaw[] = [
  { name: '個人情報の保護に関する法律', kind: 'act', issuer: PPC, number: '平成15年法律第57号', url: 'https://laws.e-gov.go.jp/law/415AC0000000057' },
  { name: '個人情報の保護に関する法律施行令', kind: 'order', issuer: PPC, number: '平成15年政令第507号', url: 'https://laws.e-gov.go.jp/law/415CO0000000507' },
  { name: '個人情報の保護に関する法律施行規則', kind: 'order', issuer: PPC, number: '平成28年個人情報保護委員会規則第3号' },
  { name: '個人情報の保護に関する法律についてのガイドライン（通則編）', kind: 'guideline', issuer: PPC, number: '平成28年個人情報保護委員会告示第6号' },
  { name: '個人情報の保護に関する法律についてのガイドライン（外国にある第三者への提供編）', kind: 'guideline', issuer: PPC, number: '平成28年個人情報保護委員会告示第7号' },
  { name: '個人情報の保護に関する法律についてのガイドライン（第三者提供時の確認・記録義務編）', kind: 'guideline', issuer: PPC, number: '平成28年個人情報保護委員会告示第8号' },
  { name: '個人情報の保護に関する法律についてのガイドライン（仮名加工情報・匿名加工情報編）', kind: 'guideline', issuer: PPC, number: '平成28年個人情報保護委員会告示第9号' },
  {
    name: '行政手続における特定の個人を識別するための番号の利用等に関する法律',
    kind: 'act',
    issuer: 'デジタル庁・個人情報保護委員会',
    number: '平成25年法律第27号',
    application: '従業者の給与・社会保険事務（特定個人情報）',
    url: 'https://laws.e-gov.go.jp/law/425AC0000000027',
  },
  {
    name: 'JIS Q 15001:2023 個人情報保護マネジメントシステム－要求事項',
    kind: 'industry',
    issuer: '日本産業標準調査会',
    application: 'プライバシーマークの審査基準・個人情報保護規程',
  },
  {
    name: '世田谷区個人情報保護条例',
    kind: 'municipal',
    issuer: '世田谷区',
    application: '世田谷区から受託する業務（指定管理）',
    note: '自治体から業務を請け負う場合の当該自治体の条例（J.1.3 a）。令和5年4月1日以降は地方公共団体にも個人情報の保護に関する法律が適用されるため、区の現行の条例の名称・内容を見直しで確認すること。',
  },
];

/** Demo data of the 法令規範一覧 (once per organization): every entry identified today, the national ones approved by the 個人情報保護管理者. */
export async function seedDemoLaws(tx: Tx, organizationId: string, now: Date, today: string): Promise<void> {
  const [already] = await tx.select({ id: laws.id }).from(laws).where(eq(laws.organizationId, organizationId)).limit(1);
  if (already) return;
  const [manager] = await tx
    .select({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.organizationId, organizationId), eq(roleAssignments.role, 'pms_manager')))
    .limit(1);
  const inserted = await tx
    .insert(laws)
    .values(
      demoLaws.map((law) => {
        const approved = manager !== undefined && law.kind !== 'municipal';
        return { ...law, organizationId, identifiedOn: today, approvedAt: approved ? now : null, approvedByPersonId: approved ? manager.personId : null };
      }),
    )
    .returning({ id: laws.id });
  // Last year's December 見直し (J.1.3 c), completed with every entry 確認済み.
  const lastYear = Number(today.slice(0, 4)) - 1;
  const [review] = await tx
    .insert(lawReviews)
    .values({ organizationId, year: lastYear, status: 'completed', completedOn: `${lastYear}-12-20`, completedByPersonId: manager?.personId ?? null })
    .returning({ id: lawReviews.id });
  if (!review) throw new Error('demo law review insert returned nothing');
  await tx.insert(lawReviewItems).values(inserted.map((l) => ({ organizationId, reviewId: review.id, lawId: l.id, outcome: 'confirmed' as const })));
}
