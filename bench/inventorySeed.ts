import { sql } from 'drizzle-orm';
import { hashPassword } from '../src/platform/auth/hashing.ts';
import type { Database } from '../src/platform/db/connection.ts';
import { accounts, departments, organizations, people, roleAssignments } from '../src/platform/db/schema.ts';
import { asSystem } from '../src/platform/db/tenancy.ts';
import { derivedColumns } from '../src/modules/inventory/inventory.content.shared.ts';
import { entryContentSchema } from '../src/modules/inventory/inventory.schema.ts';
import { inventoryEntries } from '../src/modules/inventory/inventory.tables.ts';
import { vacuumUntilAllVisible } from './postgres.ts';

const TOPICS = ['顧客名簿', '会員名簿', 'セミナー申込者名簿', '採用応募者', '問い合わせ記録', 'アンケート回答', '取引先担当者', '来訪者記録', '配送先リスト', 'ポイント会員'];
const ITEMS = ['氏名', '住所', '電話番号', 'メールアドレス', '生年月日', '会社名', '部署', '性別', '購入履歴', '問い合わせ内容'];
const PURPOSES = ['商品の発送と請求のため', 'サービスのご案内のため', '採用選考のため', 'お問い合わせへの回答のため', 'セミナーの運営のため'];
const LOCATIONS = ['本社 書庫', '顧客管理システム', '営業所 施錠キャビネット', 'ファイルサーバー', 'クラウドストレージ'];
const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健', '直樹', 'さくら', '優', '翔', '陽子'];

/**
 * Seeds one organization with `entries` 台帳 entries (10 departments, 200 people, realistic text in
 * the searchable columns; ~0.1 % stored in 「第三別館 地下書庫」 for the selective search) and a
 * PMS manager signing in as `loginId` / `Bench-pass1!`. Shared by the inventory and scale benches.
 */
export async function seedInventoryOrganization(database: Database, entries: number, loginId = 'bench-inventory@bench.example', log: (m: string) => void = () => {}) {
  const [org] = await asSystem(database, (tx) => tx.insert(organizations).values({ name: '台帳ベンチマーク株式会社' }).returning());
  if (!org) throw new Error('organization insert failed');
  const deptIds = await asSystem(database, async (tx) =>
    (
      await tx
        .insert(departments)
        .values(Array.from({ length: 10 }, (_, i) => ({ organizationId: org.id, name: `第${i + 1}事業部`, sortOrder: i })))
        .returning({ id: departments.id })
    ).map((d) => d.id),
  );
  const personIds = await asSystem(database, async (tx) =>
    (
      await tx
        .insert(people)
        .values(
          Array.from({ length: 200 }, (_, i) => ({
            organizationId: org.id,
            name: `${FAMILY[i % 10]} ${GIVEN[Math.floor(i / 10) % 10]}${i}`,
            departmentId: deptIds[i % 10] ?? null,
          })),
        )
        .returning({ id: people.id, name: people.name })
    ).map((p) => p),
  );
  const names = new Map(personIds.map((p) => [p.id, p.name]));
  const departmentNames = deptIds.map((_, i) => `第${i + 1}事業部`);
  const started = performance.now();
  const batch = 2000;
  for (let start = 0; start < entries; start += batch) {
    const values = Array.from({ length: Math.min(batch, entries - start) }, (_, j) => {
      const i = start + j;
      const d = i % 10;
      // A hash of i, so the flags do not line up with the departments.
      const h = Math.imul(i + 1, 2654435761) >>> 0;
      const holders = [personIds[(i * 7) % 200], personIds[(i * 13 + 1) % 200]].flatMap((p) => (p ? [p.id] : []));
      const content = entryContentSchema.parse({
        name: `${TOPICS[(i >> 3) % TOPICS.length]}-${String(i).padStart(6, '0')}`,
        departmentId: deptIds[d],
        items: ITEMS.filter((_, k) => (i + k) % 3 !== 0).slice(0, 6),
        purpose: PURPOSES[i % PURPOSES.length],
        // ~0.1 % of the entries are kept in a rarely used store: the selective search.
        storageLocation: i % 1000 === 7 ? '第三別館 地下書庫' : `${departmentNames[d]} ${LOCATIONS[i % LOCATIONS.length]}`,
        storageMethod: { media: (['paper', 'electronic', 'both'] as const)[i % 3] },
        accessHolderIds: holders,
        useUntil: { description: '取引終了まで' },
        retainUntil: { date: `20${30 + (i % 9)}-03-31` },
        recordCount: { value: 100 + (i % 5000), approximate: i % 2 === 0 },
        acquisitionMethods: [i % 4 === 0 ? 'from_third_party' : 'direct_written'],
        sensitive: h % 20 === 3,
        sensitiveBasis: h % 20 === 3 ? { kind: 'written_consent' } : null,
        myNumber: h % 50 === 7,
        retainedPersonalData: (h >>> 3) % 5 < 2,
        entrustedTo: (h >>> 5) % 5 === 0 ? ['株式会社配送サービス'] : [],
        thirdPartyProvision: (h >>> 7) % 10 === 0,
      });
      return {
        organizationId: org.id,
        revision: 1,
        data: content,
        ...derivedColumns(content, { departmentName: departmentNames[d], people: names }),
        riskStatus: (['unanalysed', 'approved', 'in_progress', 'needs_review'] as const)[i % 4],
      };
    });
    await asSystem(database, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.insert(inventoryEntries).values(values);
    });
    if ((start / batch) % 10 === 0) log(`entries ${start + values.length}/${entries}`);
  }
  log(`seeded ${entries} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const passwordHash = await hashPassword('Bench-pass1!');
  await asSystem(database, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: org.id, name: 'ベンチ 管理者' }).returning();
    if (!p) throw new Error('person insert failed');
    await tx.insert(roleAssignments).values({ organizationId: org.id, personId: p.id, role: 'pms_manager', startsOn: '2020-01-01' });
    await tx.insert(accounts).values({ organizationId: org.id, personId: p.id, loginId, passwordHash });
  });
  // A bulk load leaves the visibility map unset; autovacuum would set it soon, the bench does it now
  // (the count of a filtered list is an index-only scan only on all-visible pages).
  await vacuumUntilAllVisible(database, ['inventory_entries']);
  return { organizationId: org.id, departmentIds: deptIds };
}
