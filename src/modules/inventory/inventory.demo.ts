import { and, eq, inArray } from 'drizzle-orm';
import { addCalendarDays } from '../../rules/deadlines.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { type EntryContent, entryContentSchema, type EntryContentInput } from './inventory.schema.ts';
import { annualReviews } from '../../platform/reviews/reviews.tables.ts';
import { namesFor } from './entry-references.ts';
import { inventoryEntries, inventoryRequests } from './inventory.tables.ts';
import { createEntry } from './write-entry.ts';

/**
 * Demo data of the 台帳 and the リスク分析 (the demo organization only, once): six entries over
 * three departments — among them a 要配慮 entry with written consent and one holding 特定個人情報 —
 * with their history; a draft リスク分析対策表 for 営業部's customer data (so its entries show
 * 分析中 and the others 未分析); the standard import mapping; and 営業部's open yearly review.
 * Nothing here creates tasks, notifications or pending approvals: the demo's inboxes stay as the
 * platform seeds them.
 */
export async function seedDemoInventory(tx: Tx, organizationId: string, today: string): Promise<void> {
  const [already] = await tx.select({ id: inventoryEntries.id }).from(inventoryEntries).where(eq(inventoryEntries.organizationId, organizationId)).limit(1);
  if (already) return;
  const depts = new Map((await tx.select().from(departments).where(eq(departments.organizationId, organizationId))).map((d) => [d.name, d.id]));
  const persons = new Map(
    (
      await tx
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.organizationId, organizationId), inArray(people.name, ['田中 美咲', '渡辺 さくら', '小林 翔', '佐藤 花子', '加藤 陽子', '高橋 健', '中村 優'])))
    ).map((p) => [p.name, p.id]),
  );
  const sales = depts.get('営業部');
  const ga = depts.get('総務部');
  const it = depts.get('情報システム部');
  if (!sales || !ga || !it) return;
  const ids = (...names: string[]) => names.flatMap((n) => (persons.get(n) ? [persons.get(n) as string] : []));
  const in3years = addCalendarDays(today, 3 * 365);
  const entries: EntryContentInput[] = [
    {
      name: '顧客名簿',
      departmentId: sales,
      items: ['氏名', '会社名', '部署', '電話番号', 'メールアドレス'],
      purpose: '商品・サービスのご案内、契約の履行及びアフターサービスのため',
      storageLocation: '営業部 施錠キャビネット／顧客管理システム',
      storageMethod: { media: 'both', description: '紙は施錠キャビネット、電子はアクセス制限付きの顧客管理システム' },
      accessHolderIds: ids('田中 美咲', '渡辺 さくら', '小林 翔'),
      useUntil: { description: '取引終了まで' },
      retainUntil: { description: '取引終了後5年' },
      recordCount: { value: 1200, approximate: true },
      acquisitionMethods: ['direct_written'],
      retainedPersonalData: true,
      contactsPersons: true,
      disposalMethod: '紙はシュレッダー、電子は消去ソフトで消去',
      noticeRefs: ['取得時の必要通知事項（顧客向け）第2版'],
    },
    {
      name: '商談記録',
      departmentId: sales,
      items: ['氏名', '会社名', '商談内容'],
      purpose: '商談の経過を記録し、提案に活用するため',
      storageLocation: '顧客管理システム',
      storageMethod: { media: 'electronic', description: 'アクセス制限付きの顧客管理システム' },
      accessHolderIds: ids('田中 美咲', '渡辺 さくら'),
      useUntil: { description: '取引終了まで' },
      retainUntil: { date: in3years },
      recordCount: { value: 3000, approximate: true },
      acquisitionMethods: ['direct_other'],
      disposalMethod: '消去ソフトで消去',
    },
    {
      name: '受領名刺',
      departmentId: sales,
      items: ['氏名', '会社名', '役職', '電話番号', 'メールアドレス'],
      purpose: '取引先との連絡のため',
      storageLocation: '営業部 名刺ファイル（施錠キャビネット）',
      storageMethod: { media: 'paper', description: '名刺ファイルを施錠キャビネットで保管' },
      accessHolderIds: ids('田中 美咲', '渡辺 さくら', '小林 翔'),
      useUntil: { description: '取引終了まで' },
      retainUntil: { description: '取引終了後1年' },
      recordCount: { value: 500, approximate: true },
      acquisitionMethods: ['direct_other'],
      disposalMethod: 'シュレッダー',
      exemptions: [{ clause: 'J.8.4', letter: 'd', subItem: '1', reason: '名刺交換により取得した取引先担当者情報' }],
    },
    {
      name: '従業者名簿（マイナンバーを含む）',
      departmentId: ga,
      items: ['氏名', '住所', '生年月日', '個人番号', '扶養家族'],
      purpose: '人事労務管理、社会保険・源泉徴収に関する事務のため',
      storageLocation: '総務部 金庫／人事システム',
      storageMethod: { media: 'both', description: '個人番号は金庫と担当者限定のフォルダで管理' },
      accessHolderIds: ids('佐藤 花子', '加藤 陽子'),
      accessHolderNote: '特定個人情報は特定個人情報等事務取扱担当者に限る',
      useUntil: { description: '退職まで' },
      retainUntil: { description: '退職後7年（法定保存期間）' },
      recordCount: { value: 10 },
      acquisitionMethods: ['direct_written'],
      myNumber: true,
      retainedPersonalData: true,
      disposalMethod: '紙はシュレッダー、電子は消去ソフトで消去し記録を残す',
    },
    {
      name: '健康診断結果',
      departmentId: ga,
      items: ['氏名', '受診日', '診断結果', '既往歴'],
      purpose: '労働安全衛生法に基づく健康管理のため',
      storageLocation: '総務部 施錠キャビネット',
      storageMethod: { media: 'paper', description: '施錠キャビネット（総務部長が鍵を管理）' },
      accessHolderIds: ids('佐藤 花子'),
      useUntil: { description: '在籍中' },
      retainUntil: { description: '5年（労働安全衛生規則第51条）' },
      recordCount: { value: 10 },
      acquisitionMethods: ['direct_written'],
      sensitive: true,
      sensitiveBasis: { kind: 'written_consent', noticeRef: '健康情報の取扱いに関する同意書' },
      specialCategories: ['medical_history'],
      disposalMethod: 'シュレッダー',
    },
    {
      name: 'システム利用者アカウント',
      departmentId: it,
      items: ['氏名', 'ログインID', '所属', 'アクセス記録'],
      purpose: '情報システムの利用者の識別・認証とアクセス記録の確認のため',
      storageLocation: '社内サーバー（サーバー室）',
      storageMethod: { media: 'electronic', description: 'アクセス制限付きのサーバーに保存し、バックアップを別室に保管' },
      accessHolderIds: ids('高橋 健', '中村 優'),
      useUntil: { description: 'アカウント削除まで' },
      retainUntil: { description: '削除後1年' },
      recordCount: { value: 10 },
      acquisitionMethods: ['direct_other'],
      disposalMethod: '消去ソフトで消去',
    },
  ];
  const contents: EntryContent[] = entries.map((e) => entryContentSchema.parse(e));
  const names = await namesFor(tx, organizationId, contents);
  const requesterOf = (content: EntryContent) =>
    (content.departmentId === sales ? persons.get('田中 美咲') : content.departmentId === ga ? persons.get('佐藤 花子') : persons.get('高橋 健')) ?? null;
  const now = new Date(`${today}T09:00:00+09:00`);
  const created = [];
  for (const content of contents) {
    const requester = requesterOf(content);
    const [request] = await tx
      .insert(inventoryRequests)
      .values({
        organizationId,
        kind: 'acquisition',
        departmentId: content.departmentId,
        proposed: content,
        reason: '既存の個人情報の台帳への登録（台帳の整備）',
        status: 'approved',
        requestedByPersonId: requester ?? (persons.get('佐藤 花子') as string),
        decidedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const entry = await createEntry(tx, content, names.of(content), {
      organizationId,
      actorPersonId: persons.get('佐藤 花子') ?? null,
      requestedByPersonId: requester,
      requestId: request?.id ?? null,
      today,
      now,
      kind: 'created',
      summary: '台帳の整備（デモデータ）',
      riskTask: false,
    });
    if (request) await tx.update(inventoryRequests).set({ entryId: entry.id }).where(eq(inventoryRequests.id, request.id));
    created.push(entry);
  }
  await tx
    .insert(annualReviews)
    .values({
      organizationId,
      subject: 'inventory',
      departmentId: sales,
      year: Number(today.slice(0, 4)),
      status: 'draft',
      items: created
        .filter((e) => e.departmentId === sales)
        .map((e) => ({ subjectId: e.id, label: e.name, decision: 'pending' as const, note: null, requestId: null, decidedByPersonId: null, decidedByName: null, decidedAt: null })),
      startedByPersonId: persons.get('田中 美咲') ?? null,
    })
    .onConflictDoNothing();
}
