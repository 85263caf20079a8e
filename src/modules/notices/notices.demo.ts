import type { Tx } from '../../platform/db/connection.ts';
import { noticeItems } from '../../rules/data/requiredItems.ts';
import { provisionRecordRetention } from '../../rules/retention/index.ts';
import { noticeConsents, noticeTemplates, noticeVersions, provisionRecords } from './notices.tables.ts';

/** Demo data of M6: one 取得時の通知・同意文書 with every J.8.5 1 item, published as 第1版, and one 第三者提供記録 (規則第20条第1項第2号). */
export async function seedDemoNotices(tx: Tx, organizationId: string, now: Date, today: string): Promise<void> {
  const [template] = await tx.insert(noticeTemplates).values({ organizationId, title: '会員申込書の個人情報の取扱いについて' }).returning();
  if (!template) throw new Error('demo notice insert returned nothing');
  const [version] = await tx
    .insert(noticeVersions)
    .values({
      organizationId,
      templateId: template.id,
      versionNo: 1,
      status: 'published',
      body: 'ご記入いただいた個人情報は、会員管理及び会報の送付の利用目的の範囲内で利用します。ご提供は任意です。',
      ticked: noticeItems.map((i) => i.code),
      publishedAt: now,
    })
    .returning();
  if (!version) throw new Error('demo notice version insert returned nothing');
  await tx.insert(noticeConsents).values({ organizationId, templateId: template.id, versionId: version.id, subject: '会員番号 A-0001', channel: 'paper', consentedOn: today });
  const retention = provisionRecordRetention({ recordKind: 'provision', form: 'individual', createdOn: today });
  await tx.insert(provisionRecords).values({
    organizationId,
    kind: 'provision',
    basis: 'consent',
    form: 'individual',
    recordedOn: today,
    providedOn: today,
    counterpartyKind: 'corporation',
    counterpartyName: '豊島印刷株式会社',
    subject: '会員番号 A-0001',
    dataItems: '氏名、住所',
    consentObtained: true,
    retainUntil: retention.retainUntil,
    disposalDueOn: retention.disposalDueOn,
    retentionRulesVersion: retention.rulesVersion,
  });
}
