import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { auditLog } from '../audit/audit.tables.ts';
import { asSystem } from '../db/tenancy.ts';
import { departments, people } from '../org/org.tables.ts';

// 値の対応付けの「新しい所属として作る」 (issue #12: unknown values are mapped to an existing record,
// CREATED, or left as an error): a 所属 written in the file that the organization does not have is
// created by the import itself — in the import's all-or-nothing transaction, by a caller who may
// create 所属 (the 所属 screen's permission), audited like a creation on the 所属 screen.

let t: TestApp;
let pms: Client;
let head: Client;

function multipart(filename: string, content: Buffer) {
  const boundary = `----mamori${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`);
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function post(client: Client, register: 'people' | 'contractors', query: string, csv: string) {
  const form = multipart(`${register}.csv`, Buffer.from(csv, 'utf8'));
  return client.request('POST', `/api/imports/${register}?${query}`, form.body, form.headers);
}

const values = (v: unknown) => `values=${encodeURIComponent(JSON.stringify(v))}`;

async function departmentsNamed(name: string) {
  return asSystem(t.database, (tx) =>
    tx
      .select({ id: departments.id, parentId: departments.parentId, code: departments.code })
      .from(departments)
      .where(and(eq(departments.organizationId, t.demoOrganizationId), eq(departments.name, name))),
  );
}

async function departmentOf(employeeNumber: string) {
  const [row] = await asSystem(t.database, (tx) =>
    tx
      .select({ departmentId: people.departmentId })
      .from(people)
      .where(and(eq(people.organizationId, t.demoOrganizationId), eq(people.employeeNumber, employeeNumber))),
  );
  return row;
}

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  head = await t.login('sales-head@demo.mamori.local');
});
afterAll(() => t.close());

describe('値の対応付け: 「新しい所属として作る」（issue #12、見つからない値は既存の記録・新規作成・エラーのまま）', () => {
  const roster = ['従業者番号,氏名,所属', 'N001,新設 一郎,営業本部', 'N002,新設 二郎,営業本部 ', 'N003,新設 三郎,総務部'].join('\n');

  it('確認（ドライラン）は「新規作成」として値と行を示し、所属も従業者も作らない', async () => {
    const first = await post(pms, 'people', 'dryRun=1', roster);
    expect(first.status).toBe(200);
    expect(first.body.unknownValues).toEqual([{ field: 'department', column: '所属', value: '営業本部', rows: [2, 3] }]);

    const dry = await post(pms, 'people', `dryRun=1&${values({ department: { 営業本部: { create: true } } })}`, roster);
    expect(dry.status, JSON.stringify(dry.body).slice(0, 600)).toBe(200);
    expect(dry.body).toMatchObject({ total: 3, valid: 3, created: 3, unknownValues: [] });
    expect(dry.body.createdValues).toEqual([{ field: 'department', column: '所属', value: '営業本部', rows: [2, 3] }]);
    expect(await departmentsNamed('営業本部')).toEqual([]);
    expect(await departmentOf('N001')).toBeUndefined();
  });

  it('別の行にエラーがあれば、取込は全件か無かで所属も作らない（422）', async () => {
    const broken = `${roster}\nN004,,総務部`;
    const res = await post(pms, 'people', `dryRun=0&${values({ department: { 営業本部: { create: true } } })}`, broken);
    expect(res.status, JSON.stringify(res.body).slice(0, 600)).toBe(422);
    expect(res.body.error.code).toBe('import_invalid');
    expect(await departmentsNamed('営業本部')).toEqual([]);
    expect(await departmentOf('N001')).toBeUndefined();
  });

  it('所属の管理の権限がない人（委託先の登録はできる所属長）の「新しく作る」は 403 で、値を挙げて断り、何も書かない', async () => {
    const csv = ['委託先名,委託業務の内容,Pマーク,所管部署', '新設商会株式会社,帳票の保管,未取得,営業本部'].join('\n');
    const res = await post(head, 'contractors', `dryRun=0&${values({ department: { 営業本部: { create: true } } })}`, csv);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('所属「営業本部」を新しく作る権限がありません');
    expect(await departmentsNamed('営業本部')).toEqual([]);
    const seen = multipart('c.csv', Buffer.from(csv, 'utf8'));
    const inspected = await head.request('POST', '/api/imports/contractors/inspect', seen.body, seen.headers);
    expect(inspected.body.creatable).toEqual([]);
  });

  it('所属以外の項目の「新しく作る」、形の違う対応付け先は 400 で項目を挙げる', async () => {
    const shape = await post(pms, 'people', `dryRun=1&${values({ department: { 営業本部: { create: 'yes' } } })}`, roster);
    expect(shape.status).toBe(400);
    expect(JSON.stringify(shape.body)).toContain('新しく作るときは {\\"create\\":true}');
    const csv = ['委託先名,委託業務の内容,Pマーク,所管部署,台帳の項目', '新設商会株式会社,帳票の保管,未取得,総務部,顧客名簿'].join('\n');
    const other = await post(pms, 'contractors', `dryRun=1&${values({ entries: { 顧客名簿: { create: true } } })}`, csv);
    expect(other.status, JSON.stringify(other.body).slice(0, 400)).toBe(400);
    expect(other.body.error.message).toMatch(/「顧客名簿」は新しく作れません。新しく作れるのは所属だけです/);
  });

  it('取込: 最上位の所属を 1 度だけ作り（監査証跡に所属の登録として残る）、行はその所属を指す。対応付けとしては覚えない', async () => {
    const inspected = multipart('p.csv', Buffer.from(roster, 'utf8'));
    const seen = await pms.request('POST', '/api/imports/people/inspect', inspected.body, inspected.headers);
    expect(seen.body.creatable).toEqual(['department']);

    const res = await post(pms, 'people', `dryRun=0&${values({ department: { 営業本部: { create: true } } })}`, roster);
    expect(res.status, JSON.stringify(res.body).slice(0, 600)).toBe(200);
    expect(res.body.createdValues).toEqual([{ field: 'department', column: '所属', value: '営業本部', rows: [2, 3] }]);
    const created = await departmentsNamed('営業本部');
    expect(created).toEqual([{ id: expect.any(String), parentId: null, code: null }]);
    const id = created[0]?.id;
    expect((await departmentOf('N001'))?.departmentId).toBe(id);
    expect((await departmentOf('N002'))?.departmentId).toBe(id);
    expect((await departmentOf('N003'))?.departmentId).not.toBe(id);

    const audit = await asSystem(t.database, (tx) =>
      tx
        .select({ action: auditLog.action, actor: auditLog.actorAccountId, meta: auditLog.meta })
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.entityType, 'departments'), eq(auditLog.entityId, id ?? ''))),
    );
    expect(audit.map((a) => a.action)).toEqual(['insert']);
    expect(audit[0]?.actor).toEqual(expect.any(String));

    // The next import finds it by name (no remembered mapping needed); asking again creates no second one.
    const again = await post(pms, 'people', `dryRun=0&${values({ department: { 営業本部: { create: true } } })}`, roster);
    expect(again.status, JSON.stringify(again.body).slice(0, 600)).toBe(200);
    expect(await departmentsNamed('営業本部')).toHaveLength(1);
    const plain = await post(pms, 'people', 'dryRun=1', roster);
    expect(plain.body).toMatchObject({ unknownValues: [], rememberedValues: [], valid: 3 });
  });
});
