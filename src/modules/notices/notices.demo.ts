import type { Tx } from '../../platform/db/connection.ts';
import { noticeItems } from '../../rules/data/requiredItems.ts';
import { noticeTemplates, noticeVersions } from './notices.tables.ts';

/** Demo data of M6: one 取得時の通知・同意文書 with every J.8.5 1 item, published as 第1版. */
export async function seedDemoNotices(tx: Tx, organizationId: string, now: Date): Promise<void> {
  const [template] = await tx.insert(noticeTemplates).values({ organizationId, title: '会員申込書の個人情報の取扱いについて' }).returning();
  if (!template) throw new Error('demo notice insert returned nothing');
  await tx.insert(noticeVersions).values({
    organizationId,
    templateId: template.id,
    versionNo: 1,
    status: 'published',
    body: 'ご記入いただいた個人情報は、会員管理及び会報の送付の利用目的の範囲内で利用します。ご提供は任意です。',
    ticked: noticeItems.map((i) => i.code),
    publishedAt: now,
  });
}
