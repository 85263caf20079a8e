import { todayInJapan } from '../../src/domain/time.ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, rowsOf } from '../../src/platform/db/tenancy.ts';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

let t: TestApp;
let pms: Client;
beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

async function count(table: string): Promise<number> {
  const rows = await asSystem(t.database, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)));
  return rows[0]?.n ?? 0;
}

describe('所属 (departments)', () => {
  it('所属を追加・変更でき、所属長は期間付きの役割として記録される', async () => {
    const people = await pms.get('/api/people?q=田中');
    const head = people.body.items[0];
    const created = await pms.request('POST', '/api/departments', { name: '品質保証部', code: 'D10', headPersonId: head!.id });
    expect(created.status).toBe(201);
    const list = await pms.get('/api/departments');
    const dept = list.body.items.find((d: { name: string }) => d.name === '品質保証部');
    expect(dept!.heads).toEqual([{ personId: head!.id, name: head!.name }]);
    const roles = await pms.get('/api/role-assignments');
    expect(roles.body.items.some((r) => r.role === 'department_head' && r.departmentId === dept!.id)).toBe(true);
  });

  it('上位所属に自分の配下を指定すると 422（木構造を保つ）', async () => {
    const parent = (await pms.request('POST', '/api/departments', { name: '親部' })).body;
    const child = (await pms.request('POST', '/api/departments', { name: '子部', parentId: parent.id })).body;
    const res = await pms.request('PUT', `/api/departments/${parent.id}`, { name: '親部', parentId: child.id });
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.[0]?.path).toBe('parentId');
  });

  it('従業者がいる所属は削除できない (409)', async () => {
    const list = await pms.get('/api/departments');
    const sales = list.body.items.find((d: { name: string }) => d.name === '営業部');
    const res = await pms.request('DELETE', `/api/departments/${sales!.id}`);
    expect(res.status).toBe(409);
  });
});

describe('従業者 (people)', () => {
  it('不正な入力は項目名を示す日本語のエラーで 400、1行も書き込まれない', async () => {
    const before = await count('people');
    const res = await pms.request('POST', '/api/people', { name: '', employmentType: 'alien', joinedOn: '2026-02-30', email: 'not-mail' });
    expect(res.status).toBe(400);
    const messages = res.body.error.fields?.map((f: { path: string; message: string }) => `${f.path}:${f.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'name:氏名を入力してください',
        'employmentType:雇用区分の値が正しくありません',
        'joinedOn:入社日に存在しない日付が指定されています（2026-02-30）',
        'email:メールアドレスはメールアドレスの形式で入力してください',
      ]),
    );
    expect(await count('people')).toBe(before);
  });

  it('連絡先は暗号化して保存され、データベースには平文が残らない', async () => {
    const res = await pms.request('POST', '/api/people', { name: '暗号 化子', employmentType: 'contract', email: 'secret.person@example.jp', phone: '090-1234-5678' });
    expect(res.status).toBe(201);
    const raw = await asSystem(t.database, async (tx) =>
      rowsOf<{ email_enc: string; phone_enc: string }>(await tx.execute(sql`select email_enc, phone_enc from people where id = ${res.body.id}`)),
    );
    expect(raw[0]?.email_enc).toMatch(/^v1:/);
    expect(raw[0]?.email_enc).not.toContain('secret.person');
    const dump = await asSystem(t.database, async (tx) =>
      rowsOf<{ t: string }>(await tx.execute(sql`select string_agg(after::text, '') as t from audit_log where entity_id = ${res.body.id}`)),
    );
    expect(dump[0]?.t).not.toContain('secret.person');
    const detail = await pms.get(`/api/people/${res.body.id}`);
    expect(detail.body.email).toBe('secret.person@example.jp');
  });

  it('連絡先を含む個人データの閲覧は監査証跡に記録される', async () => {
    const list = await pms.get('/api/people?q=渡辺');
    const id = list.body.items[0]!.id;
    await pms.get(`/api/people/${id}`);
    const reads = await asSystem(t.database, async (tx) =>
      rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from audit_log where action = 'read' and entity_type = 'people' and entity_id = ${id}`)),
    );
    expect(reads[0]?.n).toBe(1);
  });

  it('連絡先を閲覧する権限のない所属長には連絡先が返らない', async () => {
    const head = await t.login('sales-head@demo.mamori.local');
    const list = await head.get('/api/people?q=渡辺');
    const detail = await head.get(`/api/people/${list.body.items[0]!.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.email).toBeNull();
    expect(detail.body.contactVisible).toBe(false);
  });

  it('一覧は読み（カナ）の順に並ぶ', async () => {
    const list = await pms.get('/api/people?pageSize=3');
    expect(list.body.items.map((p) => p.nameKana)).toEqual(['イトウ ナオキ', 'カトウ ヨウコ', 'コバヤシ ショウ']);
  });

  it('連絡先を閲覧できない編集者の更新では、保存済みの連絡先を消さない', async () => {
    const created = await pms.request('POST', '/api/people', { name: '連絡 保持', employmentType: 'employee', email: 'keep@example.jp', phone: '03-1111-2222' });
    const { updatePerson } = await import('../../src/platform/org/org.service.ts');
    const { inOrg } = await import('../../src/platform/db/tenancy.ts');
    await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
      updatePerson(
        tx,
        t.demoOrganizationId,
        created.body.id,
        {
          name: '連絡 保持（改）',
          nameKana: null,
          employeeNumber: null,
          employmentType: 'employee',
          departmentId: null,
          joinedOn: null,
          leftOn: null,
          email: null,
          phone: null,
          note: null,
        },
        '2026-01-01',
        { keepContact: true },
      ),
    );
    const detail = await pms.get(`/api/people/${created.body.id}`);
    expect(detail.body.name).toBe('連絡 保持（改）');
    expect(detail.body.email).toBe('keep@example.jp');
    expect(detail.body.phone).toBe('03-1111-2222');
  });

  it('検索・絞り込み・ページ送り', async () => {
    const all = await pms.get('/api/people?pageSize=3&page=1');
    expect(all.body.items).toHaveLength(3);
    expect(all.body.total).toBeGreaterThan(8);
    const dispatched = await pms.get('/api/people?employmentType=dispatched');
    expect(dispatched.body.items.map((p: { name: string }) => p.name)).toEqual(['小林 翔']);
    const kana = await pms.get(`/api/people?q=${encodeURIComponent('サトウ')}`);
    expect(kana.body.items.map((p: { name: string }) => p.name)).toEqual(['佐藤 花子']);
    // The same query shape with other values (the list's query is prepared once per shape).
    const other = await pms.get(`/api/people?q=${encodeURIComponent('コバヤシ')}`);
    expect(other.body.items.map((p: { name: string }) => p.name)).toEqual(['小林 翔']);
    // LIKE wildcards in the query are literal.
    expect((await pms.get(`/api/people?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
    // Page 2 continues page 1; past the last page the total still comes (from the count).
    const second = await pms.get('/api/people?pageSize=3&page=2');
    const firstSix = await pms.get('/api/people?pageSize=6&page=1');
    expect(second.body.items.map((p: { id: string }) => p.id)).toEqual(firstSix.body.items.slice(3).map((p: { id: string }) => p.id));
    const beyond = await pms.get('/api/people?pageSize=50&page=99');
    expect(beyond.body).toMatchObject({ items: [], total: all.body.total, page: 99 });
  });

  it('退職日を登録するとアカウントは直ちに無効になり、ログイン中のセッションも終わる (J.9.2 c) 7) ③)', async () => {
    const staff = await t.login('staff@demo.mamori.local');
    expect((await staff.get('/api/auth/session')).status).toBe(200);
    const me = (await staff.get('/api/auth/session')).body.account.personId;
    const person = (await pms.get(`/api/people/${me}`)).body;
    const today = todayInJapan(t.clock.now());
    const res = await pms.request('PUT', `/api/people/${me}`, { ...person, leftOn: today });
    expect(res.status).toBe(200);
    expect((await staff.get('/api/auth/session')).status).toBe(401);
    await expect(t.login('staff@demo.mamori.local')).rejects.toThrow(/401/);
    const accounts = await pms.get('/api/accounts');
    expect(accounts.body.items.find((a: { loginId: string }) => a.loginId === 'staff@demo.mamori.local')!.disabledAt).not.toBeNull();
  });
});

describe('アカウント', () => {
  it('使用中のログインID（大文字・小文字は区別しない）は項目のエラー（409）になり、1人に2つ目のアカウントは作れない', async () => {
    const person = (await pms.request('POST', '/api/people', { name: '新規 アカウント', employmentType: 'employee' })).body;
    const res = await pms.request('POST', '/api/accounts', { personId: person.id, loginId: 'TOP@demo.mamori.local', password: 'Valid-pass1!' });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toEqual([{ path: 'loginId', message: 'このログインIDは既に使われています' }]);
    const ok = await pms.request('POST', '/api/accounts', { personId: person.id, loginId: 'new.account@demo.mamori.local', password: 'Valid-pass1!' });
    expect(ok.status).toBe(201);
    const again = await pms.request('POST', '/api/accounts', { personId: person.id, loginId: 'other.account@demo.mamori.local', password: 'Valid-pass1!' });
    expect(again.status).toBe(409);
    expect(again.body.error.fields?.[0]?.path).toBe('personId');
  });
});

describe('役割と職務の分離 (J.2.3.2)', () => {
  it('個人情報保護管理者を個人情報保護監査責任者にすることは、条項を示す日本語のメッセージで拒否される', async () => {
    const sato = (await pms.get(`/api/people?q=${encodeURIComponent('佐藤')}`)).body.items[0];
    const before = await count('role_assignments');
    const res = await pms.request('POST', '/api/role-assignments', { personId: sato!.id, role: 'audit_manager', startsOn: '2026-01-01' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('separation_of_duties');
    expect(res.body.error.fields).toEqual([{ path: 'role', message: '個人情報保護管理者と個人情報保護監査責任者は異なる者でなければなりません（J.2.3.2 留意事項）' }]);
    expect(await count('role_assignments')).toBe(before);
  });

  it('部署単位の役割には対象の所属が必要', async () => {
    const p = (await pms.get('/api/people?q=加藤')).body.items[0];
    const res = await pms.request('POST', '/api/role-assignments', { personId: p!.id, role: 'handling_manager', startsOn: '2026-01-01' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.[0]?.path).toBe('departmentId');
  });

  it('監査員の割当てと終了日', async () => {
    const p = (await pms.get('/api/people?q=加藤')).body.items[0];
    const res = await pms.request('POST', '/api/role-assignments', { personId: p!.id, role: 'auditor', startsOn: '2026-01-01', endsOn: '2025-12-31' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]).toEqual({ path: 'endsOn', message: '終了日は開始日以降にしてください' });
    const ok = await pms.request('POST', '/api/role-assignments', { personId: p!.id, role: 'auditor', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(ok.status).toBe(201);
  });

  it('担当者・役割を選ばずに保存すると「担当者を選択してください」「役割を選択してください」で 400、割当ては増えない', async () => {
    const before = (await pms.get('/api/role-assignments')).body.items.length;
    const res = await pms.request('POST', '/api/role-assignments', { personId: '', startsOn: '2026-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({ path: 'personId', message: '担当者を選択してください' });
    expect(res.body.error.fields).toContainEqual({ path: 'role', message: '役割を選択してください' });
    expect((await pms.get('/api/role-assignments')).body.items.length).toBe(before);
  });
});

describe('大量アクセスの警告 (行政機関等ガイドライン 4-8-6 (5))', () => {
  it('しきい値を超えて個人データを閲覧すると、個人情報保護管理者に1度だけ通知される', async () => {
    const org = await pms.get('/api/organization');
    await pms.request('PUT', '/api/organization/settings', { ...org.body.settings, bulkAccessThreshold: 3, bulkAccessWindowMinutes: 60 });
    const sec = await t.login('security@demo.mamori.local');
    const list = await sec.get('/api/people?pageSize=6');
    for (const p of list.body.items) expect((await sec.get(`/api/people/${p.id}`)).status).toBe(200);
    const alerts = await asSystem(t.database, async (tx) => rowsOf<{ title: string }>(await tx.execute(sql`select title from notifications where kind = 'bulk_access_alert'`)));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.title).toContain('高橋 健');
  });
});
