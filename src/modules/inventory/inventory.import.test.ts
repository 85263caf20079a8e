import type { FastifyInstance } from 'fastify';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type KnownUrl, type TestApp } from '../../../tests/support/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { inventoryEntries, inventoryEntryHistory } from './inventory.tables.ts';

// 台帳の取込 (SPEC §3 Imports): an organization's own Excel ledger (its own headers, a title row
// above them), a column mapping saved for next time, a dry run listing every row's errors before
// anything is written, and an all-or-nothing real run.

let t: TestApp;
let pms: Client;

/** The organization's own ledger layout: a title in row 1, headers in row 2. */
const HEADERS = ['No.', '帳票名', '担当部署', '記載項目', '目的', '保存場所', '媒体', 'アクセス権者', '利用期間', '保存期間', '件数', '取得元', '要配慮', '要配慮の根拠', '備考'];
const BROKEN: Record<number, { column: string; message: string }> = {
  // data row index (1-based) → the one thing wrong with it
  17: { column: '担当部署', message: '所管部署「企画部」が見つかりません' },
  58: { column: '目的', message: '利用目的（purpose）が未入力です（J.3.1.1 3）' },
  99: { column: '件数', message: '件数「多数」は数値で入力してください' },
  142: { column: 'アクセス権者', message: 'アクセス権を有する者「山田 次郎」はこの組織の従業者に見つかりません' },
  188: { column: '要配慮の根拠', message: '要配慮個人情報の取得根拠（sensitiveBasis）が未記録です' },
};
const departments = ['営業部', '総務部', '情報システム部', '経営企画室'];
const holders = ['田中 美咲、渡辺 さくら', '佐藤 花子', '高橋 健・中村 優', '山田 太郎'];

/** Row n (1-based) of the ledger; the broken ones carry exactly one defect each. */
function ledgerRow(n: number): (string | number | Date)[] {
  const d = (n - 1) % 4;
  const row: (string | number | Date)[] = [
    n,
    `取込テスト帳票${String(n).padStart(3, '0')}`,
    departments[d] as string,
    '氏名、住所、電話番号',
    `取込テスト${n}の業務のため`,
    `${departments[d]} 書庫`,
    n % 3 === 0 ? '紙・電子' : n % 3 === 1 ? '紙' : '電子',
    holders[d] as string,
    '業務終了まで',
    new Date(Date.UTC(2030, 2, 31)),
    n % 2 === 0 ? `約${n * 10}件` : n * 10,
    n % 5 === 0 ? '第三者から' : '本人から直接書面',
    '',
    '',
    '',
  ];
  if (n === 17) row[2] = '企画部';
  if (n === 58) row[4] = '';
  if (n === 99) row[10] = '多数';
  if (n === 142) row[7] = '山田 次郎';
  if (n === 188) row[12] = '○';
  if (n === 120) {
    // 要配慮 with a recorded exception is fine.
    row[12] = '○';
    row[13] = '例外 a: 労働安全衛生法に基づく';
  }
  return row;
}

async function ledgerFile(rowNumbers: number[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('個人情報一覧');
  sheet.addRow(['令和8年度 個人情報一覧（旧様式）']);
  sheet.addRow(HEADERS);
  for (const n of rowNumbers) sheet.addRow(ledgerRow(n));
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const MAPPING = {
  name: '帳票名',
  department: '担当部署',
  items: '記載項目',
  purpose: '目的',
  storageLocation: '保存場所',
  storageMedia: '媒体',
  accessHolders: 'アクセス権者',
  useUntil: '利用期間',
  retainUntil: '保存期間',
  recordCount: '件数',
  acquisitionMethods: '取得元',
  sensitive: '要配慮',
  sensitiveBasis: '要配慮の根拠',
};

/** POSTs a multipart upload through the whole HTTP pipeline. */
async function upload<U extends string>(
  client: Client,
  url: KnownUrl<'POST', U>,
  file: Buffer,
  filename = '旧台帳.xlsx',
  contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
) {
  const boundary = '----mamori-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return client.request<'POST', U>('POST', url, Buffer.concat([head, file, tail]), { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

async function counts() {
  return asSystem(t.database, async (tx) => {
    const [entries] = await tx.select({ n: count() }).from(inventoryEntries).where(eq(inventoryEntries.organizationId, t.demoOrganizationId));
    const [history] = await tx.select({ n: count() }).from(inventoryEntryHistory).where(eq(inventoryEntryHistory.organizationId, t.demoOrganizationId));
    const [taskCount] = await tx.select({ n: count() }).from(tasks).where(eq(tasks.organizationId, t.demoOrganizationId));
    const [imports] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.action, 'import')));
    return { entries: entries?.n, history: history?.n, tasks: taskCount?.n, imports: imports?.n };
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  // The person named in the 経営企画室 rows exists in the demo (山田 太郎, トップマネジメント).
  expect((t.app as unknown as FastifyInstance).hasRoute({ method: 'POST', url: '/api/inventory/import' })).toBe(true);
});
afterAll(() => t.close());

describe('Excel台帳の取込（列の対応付け・ドライラン・全件か無か）', () => {
  const all = Array.from({ length: 200 }, (_, i) => i + 1);
  let mappingId: string;

  it('読込: 見出し行を指定すると見出しと先頭行が出て、対応付けの候補が付く（何も登録しない）', async () => {
    const before = await counts();
    const r = await upload(pms, '/api/inventory/import/inspect?headerRow=2', await ledgerFile(all));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.headers).toEqual(HEADERS);
    expect(r.body.rowCount).toBe(200);
    expect(r.body.sampleRows[0]!.cells['帳票名']).toBe('取込テスト帳票001');
    // Guessed from common header names.
    expect(r.body.suggestedMapping).toMatchObject({ name: '帳票名', department: '担当部署', purpose: '目的', recordCount: '件数', accessHolders: 'アクセス権者' });
    expect(r.body.fields.find((f: { key: string }) => f.key === 'name')).toMatchObject({ header: '個人情報の名称', required: true });
    expect(await counts()).toEqual(before);
  });

  it('対応付けを名前を付けて保存でき、次回はファイルに合う保存済みの対応付けが候補になる', async () => {
    const saved = await pms.request('POST', '/api/inventory/import/mappings', { name: '旧様式（令和8年度）', headerRow: 2, mapping: MAPPING });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    mappingId = saved.body.id;
    const list = await pms.get('/api/inventory/import/mappings');
    expect(list.body.items.map((m: { name: string }) => m.name)).toContain('旧様式（令和8年度）');
    const inspect = await upload(pms, '/api/inventory/import/inspect?headerRow=2', await ledgerFile([1, 2]));
    expect(inspect.body.suggestedMappingId).toBe(mappingId);
    const bad = await pms.request('POST', '/api/inventory/import/mappings', { name: '不完全', mapping: { items: '記載項目' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('「個人情報の名称」と「所管部署」の列を対応付けてください');
  });

  it('200行のうち壊れた5行: ドライランはちょうどその5行を列と理由つきで挙げ、何も書かない', async () => {
    const before = await counts();
    const r = await upload(pms, `/api/inventory/import?dryRun=1&mappingId=${mappingId}`, await ledgerFile(all));
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, total: 200, valid: 195, created: 195 });
    expect(r.body.ignoredColumns).toEqual(['No.', '備考']);
    const broken = r.body.rows.filter((row: { errors: unknown[] }) => row.errors.length > 0);
    // Data row n is sheet row n + 2 (title row, header row).
    expect(broken.map((row: { row: number }) => row.row)).toEqual(Object.keys(BROKEN).map((n) => Number(n) + 2));
    for (const row of broken) {
      const expected = BROKEN[row.row - 2];
      expect(row.action).toBe('error');
      expect(row.errors).toHaveLength(1);
      expect(row.errors[0]!.field).toBe(expected?.column);
      expect(row.errors[0]!.message).toContain(expected?.message);
    }
    expect(r.body.rows.filter((row: { action: string }) => row.action === 'create')).toHaveLength(195);
    expect(await counts()).toEqual(before);
  });

  it('同じファイルで実行しても、エラーが1行でもあれば 422 で1行も登録しない', async () => {
    const before = await counts();
    const r = await upload(pms, `/api/inventory/import?dryRun=0&mappingId=${mappingId}`, await ledgerFile(all));
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('5行にエラーがあるため、取り込みませんでした（1行も登録していません）');
    expect(await counts()).toEqual(before);
  });

  it('直したファイル（195行）は全件登録され、履歴は取込を名指しし、所属ごとにリスク分析のタスクができる', async () => {
    const before = await counts();
    const fixed = all.filter((n) => !(n in BROKEN));
    const r = await upload(pms, `/api/inventory/import?dryRun=0&headerRow=2&mapping=${encodeURIComponent(JSON.stringify(MAPPING))}`, await ledgerFile(fixed));
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body).toMatchObject({ dryRun: false, total: 195, valid: 195, created: 195 });
    const after = await counts();
    expect(after.entries).toBe((before.entries ?? 0) + 195);
    expect(after.history).toBe((before.history ?? 0) + 195);
    expect(after.tasks).toBe((before.tasks ?? 0) + 4);
    expect(after.imports).toBe((before.imports ?? 0) + 1);
    const found = await pms.get(`/api/inventory/entries?q=${encodeURIComponent('取込テスト帳票120')}`);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ sensitive: true, riskStatus: 'unanalysed', storageMedia: 'both', recordCount: 1200, approximate: true });
    const detail = await pms.get(`/api/inventory/entries/${found.body.items[0]!.id}`);
    expect(detail.body.content.sensitiveBasis).toEqual({ kind: 'exception', letter: 'a', reason: '労働安全衛生法に基づく' });
    expect(detail.body.content.retainUntil.date).toBe('2030-03-31');
    expect(detail.body.history[0]).toMatchObject({ kind: 'imported', kindLabel: '取込', actorName: '佐藤 花子' });
    expect(detail.body.history[0]!.summary).toContain('旧台帳.xlsx 119行目'); // rows 17, 58 and 99 were left out of the fixed file;
  });

  it('もう一度取り込むと、既に台帳にある名称はエラーになる（重複して登録しない）', async () => {
    const r = await upload(pms, `/api/inventory/import?dryRun=1&mappingId=${mappingId}`, await ledgerFile([1, 2]));
    expect(r.body.valid).toBe(0);
    expect(r.body.rows[0]!.errors[0]!.message).toContain('同じ所管部署の台帳に既にあります');
  });

  it('台帳の出力ファイルはそのまま取り込める形（同じ見出し）', async () => {
    const exported = await pms.request('GET', '/api/inventory/entries/export.xlsx');
    const r = await upload(pms, '/api/inventory/import?dryRun=1', exported.raw);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.total).toBeGreaterThan(195);
    expect(r.body.ignoredColumns).toEqual(['廃棄日', 'リスク分析', '版', '最終更新']);
    // Every row already exists: the only error is the duplicate.
    expect(r.body.rows.every((row: { errors: { message: string }[] }) => row.errors.length === 1 && row.errors[0]?.message.includes('既にあります'))).toBe(true);
  });

  it('Excel 以外・見出しのない行・権限のない人は拒否する', async () => {
    const csv = await upload(pms, '/api/inventory/import?dryRun=1', Buffer.from('名称,部署\n顧客,営業部\n'), 'ledger.csv', 'text/csv');
    expect(csv.status).toBe(400);
    const noHeader = await upload(pms, '/api/inventory/import/inspect?headerRow=5', await ledgerFile([1]));
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.message).toContain('5行目に見出しがありません');
    const sales = await t.login('sales-head@demo.mamori.local');
    expect((await upload(sales, '/api/inventory/import?dryRun=1', await ledgerFile([1]))).status).toBe(403);
  });
});
