import { todayInJapan } from '../../domain/time.ts';
import ExcelJS from 'exceljs';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { accounts } from '../auth/auth.tables.ts';
import { hashPassword } from '../auth/hashing.ts';

import { asSystem, inOrg } from '../db/tenancy.ts';
import { DEMO_PASSWORD } from '../demo.ts';
import { departments, organizations, people, roleAssignments } from '../org/org.tables.ts';
import { auditLog } from './audit.tables.ts';

let t: TestApp;
let pms: Client;
let outsider: Client;
let pmsAccountId: string;
let otherOrgId: string;
let otherPersonId: string;
let sato: { id: string };

async function accountIdOf(loginId: string): Promise<string> {
  const [row] = await asSystem(t.database, (tx) => tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.loginId, loginId)));
  if (!row) throw new Error(`no account ${loginId}`);
  return row.id;
}

async function list(client: Client, query: Record<string, string | number> = {}) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await client.get(`/api/audit-log?${qs}`);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  pmsAccountId = await accountIdOf('pms@demo.mamori.local');
  // Another organization with its own administrator and personal data.
  const [other] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '他組織株式会社' }).returning());
  otherOrgId = other!.id;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inOrg(t.database, { organizationId: otherOrgId }, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: otherOrgId, name: '他社 管理者' }).returning();
    otherPersonId = p!.id;
    await tx.insert(roleAssignments).values({ organizationId: otherOrgId, personId: p!.id, role: 'pms_manager', startsOn: '2020-01-01' });
    await tx.insert(accounts).values({ organizationId: otherOrgId, personId: p!.id, loginId: 'admin@other.example', passwordHash });
  });
  outsider = await t.login('admin@other.example');
  // A change to audit: 佐藤 花子's name and department.
  const [found] = await asSystem(t.database, (tx) =>
    tx
      .select()
      .from(people)
      .where(and(eq(people.organizationId, t.demoOrganizationId), eq(people.name, '佐藤 花子'))),
  );
  const [sales] = await asSystem(t.database, (tx) =>
    tx
      .select()
      .from(departments)
      .where(and(eq(departments.organizationId, t.demoOrganizationId), eq(departments.name, '営業部'))),
  );
  sato = { id: found!.id };
  const res = await pms.request('PUT', `/api/people/${found!.id}`, {
    name: '佐藤 華子',
    nameKana: found!.nameKana,
    employeeNumber: found!.employeeNumber,
    employmentType: found!.employmentType,
    departmentId: sales!.id,
    joinedOn: found!.joinedOn,
    leftOn: null,
    email: found!.email,
    phone: found!.phone,
  });
  expect(res.status).toBe(200);
});
afterAll(() => t.close());

describe('監査証跡の検索 (GET /api/audit-log)', () => {
  it('新しい順に、操作者名と日本語の要約つきで返す', async () => {
    const page = await list(pms);
    expect(page.items.length).toBe(50);
    expect(page.total).toBeGreaterThan(50);
    const seqs = page.items.map((i) => i.chainSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const update = page.items.find((i) => i.action === 'update' && i.entityId === sato.id);
    expect(update?.summary).toBe('従業者「佐藤 華子」を更新（氏名・所属）');
    expect(update?.actorName).toBe('佐藤 華子');
    expect(update?.before).toMatchObject({ name: '佐藤 花子' });
    expect(update?.after).toMatchObject({ email_enc: '（非表示）' });
    // Column by column with the presenter's Japanese labels, changed first, secrets masked.
    expect(update?.changes.slice(0, 2)).toEqual([
      { column: 'name', label: '氏名', before: '佐藤 花子', after: '佐藤 華子', changed: true },
      expect.objectContaining({ column: 'department_id', label: '所属', changed: true }),
    ]);
    expect(update?.changes.find((c) => c.column === 'email_enc')).toMatchObject({ label: 'メールアドレス', before: '（非表示）', after: '（非表示）', changed: false });
    expect(update?.changes.some((c) => c.column === 'updated_at')).toBe(false);
    expect((await list(pms, { action: 'login' })).items[0]?.changes).toEqual([]);
  });

  it('ログインは1行（issue 10）: 失敗回数の確保と解放・最終ログイン日時のための「アカウントを更新」が並ばず、最終ログイン日時は残る', async () => {
    const before = (await list(pms)).items[0]!.chainSeq;
    await t.login('staff@demo.mamori.local');
    const after = (await list(pms)).items.filter((i) => i.chainSeq > before && i.action !== 'read');
    expect(after.map((i) => [i.action, i.entityType])).toEqual([['login', 'accounts']]);
    const accountList = await pms.get('/api/accounts');
    const staff = accountList.body.items.find((a) => a.loginId === 'staff@demo.mamori.local');
    expect(staff?.lastLoginAt).toBe(t.clock.now().toISOString());
  });

  it('ロックはアカウントの変更として残る（記録から外すのは失敗回数・最終ログイン日時・確認コードの時間帯だけ）', async () => {
    const before = (await list(pms)).items[0]!.chainSeq;
    for (let i = 0; i < 5; i++) {
      const r = await (t.app as unknown as { inject: (o: object) => Promise<{ statusCode: number }> }).inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { loginId: 'security@demo.mamori.local', password: 'wrong-Password1!' },
      });
      expect(r.statusCode).toBe(401);
    }
    const rows = (await list(pms)).items.filter((i) => i.chainSeq > before);
    expect(rows.filter((i) => i.action === 'login_failed')).toHaveLength(5);
    const lock = rows.filter((i) => i.action === 'update' && i.entityType === 'accounts');
    expect(lock).toHaveLength(1);
    expect(lock[0]!.changes.filter((c) => c.changed).map((c) => c.column)).toContain('locked_until');
  });

  it('操作者・操作・対象・対象ID・期間で絞り込める', async () => {
    const byActor = await list(pms, { actorAccountId: pmsAccountId, pageSize: 200 });
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((i) => i.actorAccountId === pmsAccountId)).toBe(true);

    const logins = await list(pms, { action: 'login' });
    expect(logins.items.length).toBeGreaterThan(0);
    expect(logins.items.every((i) => i.action === 'login' && i.summary === 'ログイン')).toBe(true);

    const peopleRows = await list(pms, { entityType: 'people', pageSize: 200 });
    expect(peopleRows.items.every((i) => i.entityType === 'people')).toBe(true);
    expect(peopleRows.total).toBe(peopleRows.items.length);

    const one = await list(pms, { entityType: 'people', entityId: sato.id });
    expect(one.items.map((i) => i.action).sort()).toEqual(['insert', 'update']);
    expect(one.total).toBe(2);

    const today = todayInJapan(new Date());
    const tomorrow = todayInJapan(new Date(Date.now() + 24 * 3600_000));
    const yesterday = todayInJapan(new Date(Date.now() - 24 * 3600_000));
    const all = await list(pms, { pageSize: 1 });
    const todays = await list(pms, { from: today, to: today, pageSize: 1 });
    expect(todays.total).toBe(all.total + 1); // + the read of `all` itself
    expect((await list(pms, { from: tomorrow })).total).toBe(0);
    expect((await list(pms, { to: yesterday })).items).toEqual([]);
    expect((await list(pms, { action: 'login', from: tomorrow })).total).toBe(0);
  });

  it('不正な条件は 400 で日本語のメッセージ', async () => {
    const bad = await pms.get('/api/audit-log?pageSize=201');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('200以下');
    const period = await pms.get('/api/audit-log?from=2026-05-01&to=2026-04-01');
    expect(period.status).toBe(400);
    expect(period.body.error.message).toContain('開始日以降');
    expect((await pms.get('/api/audit-log?from=2026-02-30')).status).toBe(400);
    expect((await pms.get('/api/audit-log?action=DROP%20TABLE')).status).toBe(400);
  });

  it('ページ: 期間だけの条件では連番の範囲で取り、重ならず、snapshot で新しい記録に押し出されない', async () => {
    const first = await list(pms, { pageSize: 5 });
    expect(first.items.map((i) => i.chainSeq)).toEqual([first.snapshot, first.snapshot - 1, first.snapshot - 2, first.snapshot - 3, first.snapshot - 4]);
    // Reading added events since; the snapshot keeps page 2 where it was.
    const second = await list(pms, { pageSize: 5, page: 2, snapshot: first.snapshot });
    expect(second.items.map((i) => i.chainSeq)).toEqual([0, 1, 2, 3, 4].map((k) => first.snapshot - 5 - k));
    expect(second.total).toBe(first.total);
    const viaCursor = await list(pms, { pageSize: 5, cursor: first.nextCursor ?? 0 });
    expect(viaCursor.items.map((i) => i.chainSeq)).toEqual(second.items.map((i) => i.chainSeq));
    const last = await list(pms, { pageSize: 5, page: Math.ceil(first.total / 5), snapshot: first.snapshot });
    expect(last.items.at(-1)?.chainSeq).toBe(1);
    expect(last.nextCursor).toBeNull();
    expect((await list(pms, { pageSize: 5, page: Math.ceil(first.total / 5) + 1, snapshot: first.snapshot })).items).toEqual([]);
  });

  it('ページ: 絞り込みありでもページとカーソルが一致し、重ならない', async () => {
    const p1 = await list(pms, { entityType: 'people', pageSize: 3 });
    const p2 = await list(pms, { entityType: 'people', pageSize: 3, page: 2 });
    const c2 = await list(pms, { entityType: 'people', pageSize: 3, cursor: p1.nextCursor ?? 0 });
    expect(p2.items.map((i) => i.chainSeq)).toEqual(c2.items.map((i) => i.chainSeq));
    expect(Math.min(...p1.items.map((i) => i.chainSeq))).toBeGreaterThan(Math.max(...p2.items.map((i) => i.chainSeq)));
    expect(p1.total).toBe(p2.total);
  });

  it('他の組織の記録は決して出ない（絞り込みで指定しても）', async () => {
    const ours = await list(pms, { pageSize: 200 });
    const ids = new Set(ours.items.map((i) => i.id));
    const theirs = await list(outsider, { pageSize: 200 });
    expect(theirs.items.length).toBeGreaterThan(0);
    for (const i of theirs.items) expect(ids.has(i.id)).toBe(false);
    expect(JSON.stringify(theirs)).not.toContain('佐藤');
    expect(JSON.stringify(theirs)).not.toContain('株式会社まもりデモ');
    expect((await list(pms, { entityId: otherPersonId })).items).toEqual([]);
    expect((await list(outsider, { entityId: sato.id })).total).toBe(0);
    const otherRows = await asSystem(t.database, (tx) => tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.organizationId, otherOrgId)));
    expect(otherRows.length).toBeGreaterThan(0);
    for (const r of otherRows) expect(ids.has(r.id)).toBe(false);
  });

  it('監査証跡の閲覧そのものを記録する（read / audit_log、条件つき）', async () => {
    await list(pms, { action: 'login', pageSize: 7 });
    const [event] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.entityType, 'audit_log'), eq(auditLog.action, 'read')))
        .orderBy(desc(auditLog.chainSeq))
        .limit(1),
    );
    expect(event?.actorAccountId).toBe(pmsAccountId);
    expect(event?.meta).toMatchObject({ filters: { action: 'login' }, pageSize: 7 });
  });

  it('パスワードのハッシュは表示しない', async () => {
    const accountsRows = await list(pms, { entityType: 'accounts', action: 'insert' });
    expect(accountsRows.items.length).toBeGreaterThan(0);
    for (const i of accountsRows.items) {
      expect(i.after).toMatchObject({ password_hash: '（非表示）' });
      expect(JSON.stringify(i)).not.toContain('$argon2');
    }
  });
});

describe('監査証跡の出力と検証', () => {
  it('GET /api/audit-log/export.xlsx: 絞り込んだ記録を出力し、出力を件数つきで記録する', async () => {
    const res = await pms.request('GET', `/api/audit-log/export.xlsx?entityType=people&entityId=${sato.id}`);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1] ?? '')).toMatch(/^監査証跡_\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.name).toBe('監査証跡');
    expect((sheet?.getRow(1).values as unknown[] | undefined)?.slice(1)).toEqual([
      '連番',
      '日時',
      '操作者',
      '操作',
      '対象',
      '対象ID',
      '件数',
      '内容',
      '変更前',
      '変更後',
      '付加情報',
    ]);
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getCell('H2').value).toBe('従業者「佐藤 華子」を更新（氏名・所属）');
    expect(sheet?.getCell('D2').value).toBe('更新');
    expect(sheet?.getCell('B2').value).toBeInstanceOf(Date);
    const [event] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.action, 'export')))
        .orderBy(desc(auditLog.chainSeq))
        .limit(1),
    );
    expect(event).toMatchObject({ entityType: 'audit_log', rowCount: 2, actorAccountId: pmsAccountId });
  });

  it('GET /api/audit-log/verify: この組織のチェーンだけを検証し、検証を記録する', async () => {
    const res = await pms.get('/api/audit-log/verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, chains: 1, firstBreak: null });
    const [mine] = await asSystem(t.database, (tx) =>
      tx.select({ seq: auditLog.chainSeq }).from(auditLog).where(eq(auditLog.organizationId, t.demoOrganizationId)).orderBy(desc(auditLog.chainSeq)).limit(1),
    );
    // Every row of this organization up to the verification, and nothing of the other one.
    expect(res.body.rows).toBe((mine?.seq ?? 0) - 1);
    const last = await list(pms, { action: 'verify' });
    expect(last.items[0]?.summary).toBe('監査証跡の検証（正常）');
  });

  it('audit.read のない役割は 403（検索・出力・検証とも）', async () => {
    for (const login of ['staff@demo.mamori.local', 'sales-head@demo.mamori.local', 'desk@demo.mamori.local']) {
      const client = await t.login(login);
      for (const url of ['/api/audit-log', '/api/audit-log/export.xlsx', '/api/audit-log/verify']) {
        const res = await client.requestAnyRoute('GET', url);
        expect(res.status, `${login} ${url}`).toBe(403);
      }
    }
    const auditManager = await t.login('audit@demo.mamori.local');
    expect((await auditManager.get('/api/audit-log?pageSize=1')).status).toBe(200);
  });
});

describe('監査証跡の対象はモジュールの表も日本語で示す', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t?.close());

  it('リスク分析の行（risk_records）は「リスク」、台帳の行は「個人情報管理台帳」と示す', async () => {
    const pms = await t.login('pms@demo.mamori.local');
    const risk = await pms.get('/api/audit-log?entityType=risk_records&pageSize=1');
    expect(risk.status).toBe(200);
    expect(risk.body.items[0]).toMatchObject({ entityType: 'risk_records', entityLabel: 'リスク' });
    const entries = await pms.get('/api/audit-log?entityType=inventory_entries&pageSize=1');
    expect(entries.body.items[0]?.entityLabel).toBe('個人情報管理台帳');
  });
});
