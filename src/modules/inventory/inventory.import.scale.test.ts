import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../../tests/support/testDb.ts';
import { buildTestApp, type Client, type KnownUrl, type TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { inventoryEntries, inventoryEntryHistory } from './inventory.tables.ts';

// 台帳の取込 at scale (issue #12 Scale): 10,000 rows per file on the embedded database, written in
// batches inside one transaction — all or nothing (SPEC §3 Imports).

let t: TestApp;
let pms: Client;

const HEADERS = ['個人情報の名称', '所管部署', '利用目的', '記録項目', '保管場所', '保管媒体', 'アクセス権を有する者', '利用期限', '保管期限', '件数'];
const departments = ['営業部', '総務部', '情報システム部', '経営企画室'];

/** A 台帳 of `rows` rows; the rows in `broken` name a department the organization does not have. */
async function bigLedger(rows: number, broken: number[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('個人情報管理台帳');
  sheet.addRow(HEADERS);
  for (let n = 1; n <= rows; n++) {
    sheet.addRow([
      `規模テスト帳票${String(n).padStart(5, '0')}`,
      broken.includes(n) ? '企画部' : departments[n % 4],
      `規模テスト${n}の業務のため`,
      '氏名、住所',
      '書庫',
      n % 2 ? '紙' : '電子',
      '佐藤 花子',
      '業務終了まで',
      new Date(Date.UTC(2030, 2, 31)),
      n * 3,
    ]);
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function upload<U extends string>(client: Client, url: KnownUrl<'POST', U>, file: Buffer) {
  const boundary = '----mamori-scale-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="大きな台帳.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return client.request<'POST', U>('POST', url, Buffer.concat([head, file, tail]), { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

async function counts() {
  return asSystem(t.database, async (tx) => {
    const [entries] = await tx.select({ n: count() }).from(inventoryEntries).where(eq(inventoryEntries.organizationId, t.demoOrganizationId));
    const [history] = await tx.select({ n: count() }).from(inventoryEntryHistory).where(eq(inventoryEntryHistory.organizationId, t.demoOrganizationId));
    return { entries: entries?.n ?? 0, history: history?.n ?? 0 };
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(() => t.close());

describe('台帳の取込: 1ファイル10,000行（issue #12 Scale）', () => {
  it('9,999行目に1行でもエラーがあれば 422 で1行も登録しない（全件か無か）', async () => {
    const before = await counts();
    const r = await upload(pms, '/api/imports/inventory?dryRun=0', await bigLedger(10_000, [9_999]));
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(422);
    expect(r.body.error.message).toContain('1行にエラーがあるため、取り込みませんでした（1行も登録していません）');
    expect(await counts()).toEqual(before);
  }, 300_000);

  it('10,000行の台帳は一度に全件登録される（履歴も1行ずつ）', async () => {
    const before = await counts();
    const started = performance.now();
    const r = await upload(pms, '/api/imports/inventory?dryRun=0', await bigLedger(10_000));
    console.log(`10,000行の取込: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body).toMatchObject({ dryRun: false, total: 10_000, valid: 10_000, created: 10_000 });
    const after = await counts();
    expect(after.entries).toBe(before.entries + 10_000);
    expect(after.history).toBe(before.history + 10_000);
  }, 300_000);

  // PostgreSQL takes 50,000 rows (MAX_IMPORT_ROWS); a 50,001-row file is not built here for time.
  it.runIf(testDbKind() === 'pglite')(
    '10,001行は上限（10,000行）を示して拒否する（組み込みデータベース）',
    async () => {
      const before = await counts();
      const r = await upload(pms, '/api/imports/inventory?dryRun=1', await bigLedger(10_001));
      expect(r.status).toBe(400);
      expect(r.body.error.message).toContain('一度に取り込めるのは10,000行までです（このファイルは10,001行）');
      expect(await counts()).toEqual(before);
    },
    300_000,
  );
});
