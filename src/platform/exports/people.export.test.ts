import ExcelJS from 'exceljs';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { auditLog } from '../audit/audit.tables.ts';
import { asSystem } from '../db/tenancy.ts';
import { departments } from '../org/org.tables.ts';
import { XLSX_TYPE } from './download.ts';

let t: TestApp;
let pms: Client;

async function sheetOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

async function lastExport() {
  const [row] = await asSystem(t.database, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.action, 'export')))
      .orderBy(desc(auditLog.chainSeq))
      .limit(1),
  );
  return row;
}

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

describe('従業者一覧の出力 (GET /api/people/export.xlsx)', () => {
  it('日本語の見出し・雇用区分の日本語名・所属名・日付セルで全員を出力し、件数つきで記録する', async () => {
    const res = await pms.request('GET', '/api/people/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="\d{8}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1] ?? '')).toMatch(/^従業者一覧_\d{8}\.xlsx$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const sheet = await sheetOf(res.raw);
    expect(sheet.name).toBe('従業者一覧');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '従業者番号',
      '氏名',
      '氏名（カナ）',
      '雇用区分',
      '所属',
      '入社日',
      '退職日',
      'メールアドレス',
      '電話番号',
      '備考',
      '取込時の追加情報',
    ]);
    expect(sheet.rowCount).toBe(11);
    const first = sheet.getRow(2).values as unknown[];
    expect(first.slice(1, 6)).toEqual(['E0001', '山田 太郎', 'ヤマダ タロウ', '役員', '経営企画室']);
    expect(first[6]).toBeInstanceOf(Date);
    expect((first[6] as Date).toISOString().slice(0, 10)).toBe('2020-04-01');
    expect(first[8]).toBe('top@demo.mamori.local');
    expect(first[9]).toBe('03-0000-1000');
    const types = new Set((sheet.getColumn(4).values as unknown[]).slice(2));
    expect(types).toEqual(new Set(['役員', '正社員', '派遣社員', '契約社員']));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const event = await lastExport();
    expect(event).toMatchObject({ action: 'export', entityType: 'people', rowCount: 10 });
    expect(event?.meta).toMatchObject({ format: 'xlsx' });
  });

  it('一覧と同じ絞り込み（所属・検索語）が効き、記録の件数も絞り込み後の件数', async () => {
    const [sales] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(departments)
        .where(and(eq(departments.organizationId, t.demoOrganizationId), eq(departments.name, '営業部'))),
    );
    const res = await pms.request('GET', `/api/people/export.xlsx?departmentId=${sales?.id}`);
    expect(res.status).toBe(200);
    const sheet = await sheetOf(res.raw);
    const depts = (sheet.getColumn(5).values as unknown[]).slice(2);
    expect(depts).toEqual(['営業部', '営業部', '営業部']);
    expect((await lastExport())?.rowCount).toBe(3);

    const byName = await sheetOf((await pms.request('GET', `/api/people/export.xlsx?q=${encodeURIComponent('佐藤')}`)).raw);
    expect(byName.rowCount).toBe(2);
    expect(byName.getCell('B2').value).toBe('佐藤 花子');
  });

  it('連絡先を読む権限 (people.readContact) のない役割は 403 で、出力は記録されない', async () => {
    const before = (await lastExport())?.id;
    const auditManager = await t.login('audit@demo.mamori.local');
    expect((await auditManager.request('GET', '/api/people/export.xlsx')).status).toBe(403);
    const staff = await t.login('staff@demo.mamori.local');
    expect((await staff.request('GET', '/api/people/export.xlsx')).status).toBe(403);
    expect((await lastExport())?.id).toBe(before);
  });

  it('大量出力の警告: しきい値を超える出力で個人情報保護管理者に通知される (4-8-6 (5))', async () => {
    await pms.request('PUT', '/api/organization/settings', {
      idleTimeoutMinutes: 10,
      requireTotpForAdmins: false,
      bulkAccessThreshold: 15,
      bulkAccessWindowMinutes: 60,
      reminderDaysBefore: 7,
    });
    const security = await t.login('security@demo.mamori.local');
    expect((await security.request('GET', '/api/people/export.xlsx')).status).toBe(200);
    expect((await security.request('GET', '/api/people/export.xlsx')).status).toBe(200);
    const [alert] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.action, 'alert'), eq(auditLog.entityType, 'bulk_access'))),
    );
    expect(alert).toBeDefined();
  });
});
