import { and, count, eq, inArray, isNotNull, isNull, like, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { contractors } from '../../modules/contractors/contractors.tables.ts';
import { laws } from '../../modules/laws/laws.tables.ts';
import { auditLog } from '../audit/audit.tables.ts';
import { accounts } from '../auth/auth.tables.ts';
import { asSystem, rowsOf } from '../db/tenancy.ts';
import { people } from '../org/org.tables.ts';
import type { ImportProgress, ProgressLine } from './progress.ts';

// 取込のバッチ書込みと進み具合 (issue #12 Scale: one transaction, multi-row INSERTs, "a progress bar
// (rows parsed, validated, written)") for the registers on the one pipeline: the pipeline hands a
// register's `write` 500 rows at a time and reports the rows written after each batch, over real HTTP.

let t: TestApp;
let pms: Client;

const boundary = '----mamori-batches-boundary';
const multipart = (csv: string) =>
  Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="一覧.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

async function importWithProgress(register: string, csv: string) {
  const r = await pms.requestAnyRoute('POST', `/api/imports/${register}?dryRun=0&progress=1`, multipart(csv), { 'content-type': `multipart/form-data; boundary=${boundary}` });
  const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProgressLine);
  const progress = lines.flatMap((l) => ('progress' in l ? [l.progress] : []));
  const last = lines.at(-1) as Extract<ProgressLine, { status: number }>;
  return { status: r.status, contentType: String(r.headers['content-type']), progress, last };
}

const changes = (progress: ImportProgress[], key: 'validated' | 'written') => progress.map((p) => p[key]).filter((n, i, all) => n !== all[i - 1]);

/**
 * Counts the UPDATE statements the database runs on `tables` (a statement-level trigger, so the
 * count is what the database executed: one per statement, however many rows it changed).
 */
async function countUpdateStatements(tables: readonly string[]) {
  await asSystem(t.database, async (tx) => {
    await tx.execute(sql`create table if not exists test_update_statements (table_name text not null)`);
    await tx.execute(
      sql.raw(`create or replace function test_count_update() returns trigger language plpgsql security definer as $$
        begin insert into test_update_statements values (TG_TABLE_NAME); return null; end $$`),
    );
    for (const table of tables) {
      await tx.execute(sql.raw(`drop trigger if exists test_count_update on "${table}"`));
      await tx.execute(sql.raw(`create trigger test_count_update after update on "${table}" for each statement execute function test_count_update()`));
    }
  });
}
const updateStatements = (table: string) =>
  asSystem(t.database, async (tx) =>
    Number(rowsOf<{ n: string | number }>(await tx.execute(sql`select count(*) as n from test_update_statements where table_name = ${table}`))[0]?.n),
  );
const auditedUpdates = (table: string) =>
  asSystem(
    t.database,
    async (tx) =>
      (
        await tx
          .select({ n: count() })
          .from(auditLog)
          .where(and(eq(auditLog.entityType, table), eq(auditLog.action, 'update')))
      )[0]?.n ?? 0,
  );

beforeAll(async () => {
  t = await buildTestApp();
  await countUpdateStatements(['people', 'laws', 'contractors']);
  t.clock.set('2026-12-07T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

describe('取込の共通の流れのバッチ書込み（issue #12 Scale）', () => {
  it('法令規範 1,201行: 確認と登録が 500 行ごとに届き、最後の行が結果（200）で、全行が1つのトランザクションで入る', async () => {
    const before = await asSystem(t.database, async (tx) => (await tx.select({ n: count() }).from(laws).where(eq(laws.organizationId, t.demoOrganizationId)))[0]?.n ?? 0);
    const rows = Array.from({ length: 1201 }, (_, i) => `バッチの規範${i + 1},指針,管理番号 B-${i + 1}`);
    const r = await importWithProgress('laws', ['名称,種別,管理番号', ...rows].join('\r\n'));
    expect(r.status).toBe(200);
    expect(r.contentType).toContain('application/x-ndjson');
    expect(r.progress[0]).toEqual({ phase: 'reading', total: null, parsed: 0, validated: 0, written: 0 } satisfies ImportProgress);
    expect(r.progress.find((p) => p.phase === 'validating')).toMatchObject({ total: 1201, parsed: 1201 });
    expect(changes(r.progress, 'validated')).toEqual([0, 500, 1000, 1201]);
    expect(changes(r.progress, 'written')).toEqual([0, 500, 1000, 1201]);
    expect(r.last.status).toBe(200);
    expect(r.last.body).toMatchObject({ created: 1201, keptColumns: ['管理番号'] });
    const stored = await asSystem(t.database, (tx) => tx.select().from(laws).where(eq(laws.organizationId, t.demoOrganizationId)));
    expect(stored.length - before).toBe(1201);
    expect(stored.find((l) => l.name === 'バッチの規範1201')).toMatchObject({
      kind: 'guideline',
      approvedAt: null,
      importExtras: [{ heading: '管理番号', value: '管理番号 B-1201' }],
    });
  }, 300_000);

  it('委託先 1,001行（新規と既存の更新を含む）: 登録が 500 行ごとに届き、新規は複数行 INSERT、既存は画面と同じ関数で更新される', async () => {
    const [existing] = await asSystem(t.database, (tx) => tx.select().from(contractors).where(eq(contractors.organizationId, t.demoOrganizationId)).limit(1));
    expect(existing).toBeDefined();
    const rows = Array.from({ length: 1000 }, (_, i) => `バッチ委託先${i + 1}株式会社,発送代行,備考${i + 1}`);
    const csv = ['名称,委託する業務,備考', `${existing?.name},${existing?.entrustedWork}（更新）,既存の備考`, ...rows].join('\r\n');
    const r = await importWithProgress('contractors', csv);
    expect(r.status).toBe(200);
    expect(changes(r.progress, 'written')).toEqual([0, 500, 1000, 1001]);
    expect(r.last).toMatchObject({ status: 200, body: { created: 1000, updated: 1 } });
    const stored = await asSystem(t.database, (tx) => tx.select().from(contractors).where(eq(contractors.organizationId, t.demoOrganizationId)));
    expect(stored.find((c) => c.id === existing?.id)).toMatchObject({ entrustedWork: `${existing?.entrustedWork}（更新）`, note: '既存の備考' });
    expect(stored.find((c) => c.name === 'バッチ委託先1000株式会社')).toMatchObject({ entrustedWork: '発送代行', note: '備考1000', departmentId: expect.any(String) });
  }, 300_000);

  // 既存の記録の変更もバッチで（issue #12 Scale: UPDATE … FROM (VALUES …) per 500-row batch, in the one
  // transaction). The audit trail keeps one entry per record changed (the audit trigger is a row trigger).
  it('従業者 1,200人の再取込（全員が既存の従業者番号）: 全員が更新され、UPDATE は 500 行ごとに1文、監査証跡は1人1件', async () => {
    const numbers = Array.from({ length: 1200 }, (_, i) => `RB${String(i + 1).padStart(5, '0')}`);
    const first = await importWithProgress('people', ['従業者番号,氏名,メールアドレス', ...numbers.map((n, i) => `${n},再取込 太郎${i + 1},`)].join('\r\n'));
    expect(first.last).toMatchObject({ status: 200, body: { created: 1200, updated: 0 } });
    const statementsBefore = await updateStatements('people');
    const auditedBefore = await auditedUpdates('people');
    const again = await importWithProgress(
      'people',
      ['従業者番号,氏名,メールアドレス,備考', ...numbers.map((n, i) => `${n},再取込 花子${i + 1},rb${i + 1}@example.jp,再取込の備考${i + 1}`)].join('\r\n'),
    );
    expect(again.status).toBe(200);
    expect(again.last).toMatchObject({ status: 200, body: { created: 0, updated: 1200 } });
    expect(changes(again.progress, 'written')).toEqual([0, 500, 1000, 1200]);
    expect((await updateStatements('people')) - statementsBefore).toBe(3);
    expect((await auditedUpdates('people')) - auditedBefore).toBe(1200);
    const stored = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(people)
        .where(and(eq(people.organizationId, t.demoOrganizationId), inArray(people.employeeNumber, numbers))),
    );
    expect(stored).toHaveLength(1200);
    // Every column read from its own row (the encrypted e-mail too), none shifted to another row.
    for (const person of stored) {
      const n = Number(person.employeeNumber?.slice(2));
      expect(person).toMatchObject({ name: `再取込 花子${n}`, email: `rb${n}@example.jp`, note: `再取込の備考${n}` });
    }
  }, 300_000);

  it('従業者の再取込で退職日（取込の日以前）が入った人は、アカウントが止まりセッションが終わる（J.9.2 c) 7) ③「職員等が退職した場合は…速やかに該当アカウントを削除しなければならない」）', async () => {
    const [target] = await asSystem(t.database, (tx) =>
      tx
        .select({ accountId: accounts.id, loginId: accounts.loginId, number: people.employeeNumber, name: people.name })
        .from(accounts)
        .innerJoin(people, eq(people.id, accounts.personId))
        .where(and(eq(accounts.organizationId, t.demoOrganizationId), isNull(accounts.disabledAt), isNotNull(people.employeeNumber), ne(accounts.loginId, 'pms@demo.mamori.local')))
        .limit(1),
    );
    if (!target) throw new Error('the demo organization has no other person with an account');
    const leaving = await t.login(target.loginId);
    expect((await leaving.requestAnyRoute('GET', '/api/auth/session')).status).toBe(200);
    const r = await importWithProgress('people', ['従業者番号,氏名,退職日', `${target.number},${target.name},2026/12/06`].join('\r\n'));
    expect(r.last).toMatchObject({ status: 200, body: { created: 0, updated: 1 } });
    const [account] = await asSystem(t.database, (tx) => tx.select({ disabledAt: accounts.disabledAt }).from(accounts).where(eq(accounts.id, target.accountId)));
    expect(account?.disabledAt).toBeInstanceOf(Date);
    expect((await leaving.requestAnyRoute('GET', '/api/auth/session')).status).toBe(401);
  }, 300_000);

  it('法令規範 600件の再取込: 内容が変わった規範だけが未承認に戻り（J.1.3 a）、UPDATE は 500 行ごとに1文', async () => {
    const names = Array.from({ length: 600 }, (_, i) => `再取込の規範${String(i + 1).padStart(4, '0')}`);
    const first = await importWithProgress('laws', ['名称,種別,制定・所管', ...names.map((n) => `${n},指針,個人情報保護委員会`)].join('\r\n'));
    expect(first.last).toMatchObject({ status: 200, body: { created: 600 } });
    // Two approved entries: the first keeps its content in the file (approval kept), the second changes.
    await asSystem(t.database, (tx) =>
      tx
        .update(laws)
        .set({ approvedAt: new Date('2026-12-01T00:00:00Z') })
        .where(and(eq(laws.organizationId, t.demoOrganizationId), inArray(laws.name, [names[0] as string, names[1] as string]))),
    );
    const statementsBefore = await updateStatements('laws');
    const auditedBefore = await auditedUpdates('laws');
    const again = await importWithProgress('laws', ['名称,種別,制定・所管', ...names.map((n, i) => `${n},指針,${i === 0 ? '個人情報保護委員会' : '総務省'}`)].join('\r\n'));
    expect(again.last).toMatchObject({ status: 200, body: { created: 0, updated: 600 } });
    expect(changes(again.progress, 'written')).toEqual([0, 500, 600]);
    // 599 changed entries in two batches: one UPDATE each; the unchanged one is not written.
    expect((await updateStatements('laws')) - statementsBefore).toBe(2);
    expect((await auditedUpdates('laws')) - auditedBefore).toBe(599);
    const stored = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(laws)
        .where(and(eq(laws.organizationId, t.demoOrganizationId), like(laws.name, '再取込の規範%'))),
    );
    expect(stored).toHaveLength(600);
    expect(stored.find((l) => l.name === names[0])).toMatchObject({ issuer: '個人情報保護委員会', approvedAt: expect.any(Date) });
    expect(stored.find((l) => l.name === names[1])).toMatchObject({ issuer: '総務省', approvedAt: null });
    expect(stored.filter((l) => l.issuer === '総務省')).toHaveLength(599);
  }, 300_000);

  it('委託先 700件の再取込: 全件が更新され、UPDATE は 500 行ごとに1文、監査証跡は1件1件', async () => {
    const names = Array.from({ length: 700 }, (_, i) => `再取込委託先${String(i + 1).padStart(4, '0')}株式会社`);
    const first = await importWithProgress('contractors', ['名称,委託する業務', ...names.map((n) => `${n},発送代行`)].join('\r\n'));
    expect(first.last).toMatchObject({ status: 200, body: { created: 700 } });
    const statementsBefore = await updateStatements('contractors');
    const auditedBefore = await auditedUpdates('contractors');
    const again = await importWithProgress('contractors', ['名称,委託する業務,備考', ...names.map((n, i) => `${n},コールセンター${i + 1},備考${i + 1}`)].join('\r\n'));
    expect(again.last).toMatchObject({ status: 200, body: { created: 0, updated: 700 } });
    expect(changes(again.progress, 'written')).toEqual([0, 500, 700]);
    expect((await updateStatements('contractors')) - statementsBefore).toBe(2);
    expect((await auditedUpdates('contractors')) - auditedBefore).toBe(700);
    const stored = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(contractors)
        .where(and(eq(contractors.organizationId, t.demoOrganizationId), like(contractors.name, '再取込委託先%'))),
    );
    expect(stored).toHaveLength(700);
    for (const c of stored) {
      const n = Number(c.name.slice('再取込委託先'.length, '再取込委託先'.length + 4));
      expect(c).toMatchObject({ entrustedWork: `コールセンター${n}`, note: `備考${n}` });
    }
  }, 300_000);
});
