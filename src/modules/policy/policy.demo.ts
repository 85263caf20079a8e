import type { Tx } from '../../platform/db/connection.ts';
import { policyItems } from '../../rules/data/requiredItems.ts';
import { openAcknowledgementTasks } from './policy.acknowledgements.ts';
import { policyVersions } from './policy.tables.ts';

/**
 * Demo data: the 内部向け個人情報保護方針 第1版, published (J.2.2 3 財団内に周知), with each demo account's
 * 確認 task opened at once — what the daily job `policy-acknowledgement-tasks` would do the next
 * morning (its per-version function, in the seed's transaction). The 外部向け one is left to write.
 */
export async function seedDemoPolicy(tx: Tx, organizationId: string, now: Date, today: string): Promise<void> {
  const [version] = await tx
    .insert(policyVersions)
    .values({
      organizationId,
      kind: 'internal',
      versionNo: 1,
      status: 'published',
      body: [
        '1. 事業の内容及び規模を考慮し、適切に個人情報を取得・利用・提供し、目的外利用を行わないための措置を講じます。',
        '2. 個人情報の取扱いに関する法令、国が定める指針その他の規範を遵守します。',
        '3. 個人情報の漏えい、滅失又は毀損を防止し、是正に努めます。',
        '4. 苦情及び相談に迅速かつ誠実に対応します。',
        '5. 個人情報保護マネジメントシステムを継続的に改善します。',
        'お問合せ先: 総務部 個人情報保護担当',
      ].join('\n'),
      ticked: policyItems.map((i) => i.code),
      topManagementName: '山田 太郎',
      establishedOn: today,
      publishedAt: now,
    })
    .returning();
  if (!version) throw new Error('demo policy insert failed');
  // The seed runs after the demo's people and accounts are written (platform/demo.ts).
  await openAcknowledgementTasks(tx, organizationId, version, today);
}
