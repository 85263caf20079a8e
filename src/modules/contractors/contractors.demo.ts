import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { activeEntriesOfDepartment } from '../inventory/inventory.exports.ts';
import { defaultContractorCriteria } from '../../rules/data/contractorCriteria.ts';
import { contractorEvaluations, contractors } from './contractors.tables.ts';

/**
 * Demo 委託先 (the demo organization only, once): a Privacy-Mark holding mailing house whose
 * contract has every J.9.4 3 a)〜h) clause but lacks some of 豊島区 守るべき事項 2., linked to 営業部's
 * 台帳 entries; and a payroll bureau entrusted with 特定個人情報 whose contract is only pasted text.
 */
export async function seedDemoContractors(tx: Tx, organizationId: string, today: string): Promise<void> {
  const [already] = await tx.select({ id: contractors.id }).from(contractors).where(eq(contractors.organizationId, organizationId)).limit(1);
  if (already) return;
  const deptId = async (name: string) =>
    (
      await tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.organizationId, organizationId), eq(departments.name, name)))
    )[0]?.id ?? null;
  const sales = await deptId('営業部');
  const general = await deptId('総務部');
  const salesEntries = sales ? await activeEntriesOfDepartment(tx, organizationId, sales) : [];
  const [mailing] = await tx
    .insert(contractors)
    .values([
      {
        organizationId,
        departmentId: sales,
        name: '株式会社デモ発送サービス',
        corporateNumber: '7000012050002',
        address: '東京都千代田区霞が関3-1-1',
        privacyMarkStatus: 'certified',
        privacyMarkExpiresOn: '2027-03-31',
        ismsStatus: 'none',
        contactName: '発送 太郎',
        contactPhone: '03-0000-0000',
        contactEmail: 'contact@hassou.example.jp',
        entrustedWork: 'ダイレクトメールの印刷・封入・発送',
        entryIds: salesEntries.slice(0, 1).map((e) => e.id),
        contractStartsOn: '2026-04-01',
        contractEndsOn: '2027-03-31',
        specificPersonalInfo: false,
        contractClauses: ['J.9.4-3-a', 'J.9.4-3-b', 'J.9.4-3-c', 'J.9.4-3-d', 'J.9.4-3-e', 'J.9.4-3-f', 'J.9.4-3-g', 'J.9.4-3-h', 'toshima-2-1', 'toshima-2-2', 'toshima-2-4'],
      },
      {
        organizationId,
        departmentId: general,
        name: 'デモ給与計算センター株式会社',
        address: '東京都港区',
        privacyMarkStatus: 'unknown',
        ismsStatus: 'certified',
        ismsExpiresOn: '2026-12-15',
        entrustedWork: '給与計算・源泉徴収票の作成',
        specificPersonalInfo: true,
        contractText: '第1条 乙は秘密保持の義務を負う。第2条 乙は甲の承諾なく再委託してはならない。第3条 事故が発生したときは直ちに甲に報告する。',
      },
    ])
    .returning();
  // Last year's 委託先審査表 of the mailing house (approved on paper before Mamori: stored as approved).
  if (mailing) {
    const answers = Object.fromEntries(defaultContractorCriteria.items.map((i) => [i.code, 'suitable' as const]));
    await tx.insert(contractorEvaluations).values({
      organizationId,
      contractorId: mailing.id,
      year: Number(today.slice(0, 4)) - 1,
      criteriaVersion: defaultContractorCriteria.version,
      answers,
      status: 'approved',
    });
  }
}
