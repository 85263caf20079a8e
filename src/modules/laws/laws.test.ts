import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { hashPassword } from '../../platform/auth/hashing.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { organizations, people, roleAssignments } from '../../platform/org/org.tables.ts';
import { lawsContract as C } from './laws.contract.ts';
import { demoLaws } from './laws.demo.ts';
import { laws } from './laws.tables.ts';

// HTTP tests of the 法令規範一覧 (J.1.3) against a real database: J.1.3 a) the 個人情報保護管理者
// identifies and approves (who and when; 未承認 until then, and again after a change), J.1.3 b) every
// 従業者 reads it, field errors in Japanese with no partial write, and tenancy.

let t: TestApp;
let pms: Client;
let staff: Client;
let head: Client;
let outsider: Client;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-12-07T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  head = await t.login('sales-head@demo.mamori.local');
  const [other] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '別組織株式会社' }).returning());
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inOrg(t.database, { organizationId: other!.id }, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: other!.id, name: '別組織 管理者' }).returning();
    await tx.insert(roleAssignments).values({ organizationId: other!.id, personId: p!.id, role: 'pms_manager', startsOn: '2020-01-01' });
    await tx.insert(accounts).values({ organizationId: other!.id, personId: p!.id, loginId: 'pms@other.example', passwordHash });
  });
  outsider = await t.login('pms@other.example');
});
afterAll(() => t.close());

const lawCount = async () => (await asSystem(t.database, (tx) => tx.select().from(laws))).length;

describe('法令規範の登録と承認（J.1.3 a: 個人情報保護管理者が特定し、承認する）', () => {
  it('登録した法令規範は未承認で、承認すると承認者と日時が記録される', async () => {
    const created = await pms.call(C.create, {
      body: {
        name: '個人情報の保護に関する法律についてのガイドライン（認定個人情報保護団体編）',
        kind: 'guideline',
        issuer: '個人情報保護委員会',
        number: '令和3年個人情報保護委員会告示第7号',
        identifiedOn: '2026/12/7',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.approval).toBeNull();
    expect(created.body.identifiedOn).toBe('2026-12-07');
    expect(created.body.abilities).toEqual({ edit: true, approve: true });
    const approved = await pms.call(C.approve, { params: { id: created.body.id } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.approval?.approvedBy).toBe('佐藤 花子');
    expect(approved.body.approval?.approvedAt).toBe(new Date('2026-12-07T10:00:00+09:00').toISOString());
    const again = await pms.call(C.approve, { params: { id: created.body.id } });
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toBe('この法令規範はすでに承認されています');
  });

  it('承認済みの内容を変えると未承認に戻り、同じ内容の保存では承認が残る（SPEC §3 再承認）', async () => {
    const created = await pms.call(C.create, { body: { name: '個人情報の保護に関する法律施行令（テスト）', kind: 'order', number: '平成15年政令第507号' } });
    const id = created.body.id;
    await pms.call(C.approve, { params: { id } });
    const same = await pms.call(C.update, { params: { id }, body: { name: '個人情報の保護に関する法律施行令（テスト）', kind: 'order', number: '平成15年政令第507号' } });
    expect(same.body.approval).not.toBeNull();
    const changed = await pms.call(C.update, {
      params: { id },
      body: { name: '個人情報の保護に関する法律施行令（テスト）', kind: 'order', number: '平成15年政令第507号', lastAmendedOn: '令和5年3月31日' },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.lastAmendedOn).toBe('2023-03-31');
    expect(changed.body.approval).toBeNull();
  });

  it('最終改正日は和暦で読み、存在しない日・http(s) 以外の URL は項目名つきの日本語で拒み、何も保存しない', async () => {
    const before = await lawCount();
    const badDate = await pms.call(C.create, { body: { name: '改正日の誤り', kind: 'act', lastAmendedOn: '令和5年2月30日' } });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toContain('最終改正日');
    const badUrl = await pms.call(C.create, { body: { name: 'URL の誤り', kind: 'act', url: 'javascript:alert(1)' } });
    expect(badUrl.status).toBe(400);
    expect(JSON.stringify(badUrl.body)).toContain('参照先URLは http:// または https:// で始まるアドレスで入力してください');
    const noKind = await pms.call(C.create, { body: { name: '種別なし' } as never });
    expect(noKind.status).toBe(400);
    expect(JSON.stringify(noKind.body)).toContain('種別を選択してください');
    const noName = await pms.call(C.create, { body: { name: '  ', kind: 'act' } });
    expect(JSON.stringify(noName.body)).toContain('名称を入力してください');
    expect(await lawCount()).toBe(before);
  });
});

describe('閲覧と権限（J.1.3 b: 全職員が閲覧可能。書けるのは個人情報保護管理者だけ）', () => {
  it('デモの法令規範一覧（個人情報保護法・施行令・施行規則・ガイドライン4編・番号法・JIS Q 15001・世田谷区の条例）を役割のない従業者が読める', async () => {
    const list = await staff.call(C.list, {});
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
    const names = list.body.items.map((i) => i.name);
    for (const law of demoLaws) expect(names).toContain(law.name);
    expect(list.body.items.every((i) => i.abilities.edit === false && i.abilities.approve === false)).toBe(true);
    const detail = await staff.call(C.detail, { params: { id: list.body.items[0]!.id } });
    expect(detail.status).toBe(200);
    expect((await staff.call(C.exportXlsx)).status).toBe(200);
  });

  it('役割のない従業者・所属長は登録・変更・承認できない（403、1行も変わらない）', async () => {
    const before = await lawCount();
    const id = (await staff.call(C.list, {})).body.items[0]!.id;
    for (const client of [staff, head]) {
      expect((await client.call(C.create, { body: { name: '侵入', kind: 'act' } })).status).toBe(403);
      expect((await client.call(C.update, { params: { id }, body: { name: '乗っ取り', kind: 'act' } })).status).toBe(403);
      expect((await client.call(C.approve, { params: { id } })).status).toBe(403);
    }
    expect(await lawCount()).toBe(before);
  });

  it('一覧は状態と名称・番号で絞り込める', async () => {
    const found = await staff.call(C.list, { query: { q: '平成25年法律第27号' } });
    expect(found.body.items.map((i) => i.name)).toEqual(['行政手続における特定の個人を識別するための番号の利用等に関する法律']);
    const repealed = await staff.call(C.list, { query: { status: 'repealed' } });
    expect(repealed.body.items).toEqual([]);
  });

  it('別の組織の法令規範は見えず、変えられない（404）', async () => {
    const id = (await pms.call(C.list, {})).body.items[0]!.id;
    expect((await outsider.call(C.detail, { params: { id } })).status).toBe(404);
    expect((await outsider.call(C.approve, { params: { id } })).status).toBe(404);
    expect((await outsider.call(C.list, {})).body.items).toEqual([]);
  });
});
