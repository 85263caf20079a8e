import type { FastifyInstance } from 'fastify';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import type { ImportProgress, ProgressLine } from '../../platform/imports/progress.ts';
import { inventoryEntries } from './inventory.tables.ts';

// 取込の進み具合 (issue #12 Scale: "a progress bar on the page (rows parsed, validated, written)"):
// asked with progress=1, the 台帳の取込 answers with NDJSON — its progress, then its outcome.

let t: TestApp;
let pms: Client;
let staff: Client;

const HEADERS = ['個人情報の名称', '所管部署', '利用目的', '記録項目', '保管場所', '保管媒体', 'アクセス権を有する者', '利用期限', '保管期限', '件数'];
const departments = ['営業部', '総務部', '情報システム部', '経営企画室'];

/** A 台帳 of `rows` rows named `${tag}…`; the rows in `broken` name a department the organization does not have. */
async function ledger(rows: number, tag: string, broken: number[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('個人情報管理台帳');
  sheet.addRow(HEADERS);
  for (let n = 1; n <= rows; n++) {
    sheet.addRow([
      `${tag}${n}`,
      broken.includes(n) ? '企画部' : departments[n % 4],
      '業務のため',
      '氏名',
      '書庫',
      '紙',
      '佐藤 花子',
      '業務終了まで',
      new Date(Date.UTC(2030, 2, 31)),
      n,
    ]);
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const boundary = '----mamori-progress-boundary';
function multipart(file: Buffer): Buffer {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="台帳.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
}

async function importWithProgress(client: Client, query: string, file: Buffer) {
  const r = await client.requestAnyRoute('POST', `/api/imports/inventory?${query}&progress=1`, multipart(file), { 'content-type': `multipart/form-data; boundary=${boundary}` });
  const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProgressLine);
  const progress = lines.flatMap((l) => ('progress' in l ? [l.progress] : []));
  const last = lines.at(-1) as Extract<ProgressLine, { status: number }>;
  return { status: r.status, contentType: String(r.headers['content-type']), progress, last };
}

const entryCount = async () =>
  asSystem(t.database, async (tx) => (await tx.select({ n: count() }).from(inventoryEntries).where(eq(inventoryEntries.organizationId, t.demoOrganizationId)))[0]?.n ?? 0);

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
});
afterAll(() => t.close());

describe('台帳の取込の進み具合（progress=1、issue #12 Scale）', () => {
  it('取込: 読んだ行・確認した行・登録した行が 500 行ごとに届き、行数に達してから結果（200）が最後の行で届く', async () => {
    const before = await entryCount();
    const r = await importWithProgress(pms, 'dryRun=0', await ledger(1_200, '進捗テスト'));
    expect(r.status).toBe(200);
    expect(r.contentType).toContain('application/x-ndjson');
    expect(r.progress[0]).toEqual({ phase: 'reading', total: null, parsed: 0, validated: 0, written: 0 } satisfies ImportProgress);
    expect(r.progress.map((p) => p.validated).filter((n, i, all) => n !== all[i - 1])).toEqual([0, 500, 1_000, 1_200]);
    expect(r.progress.map((p) => p.written).filter((n, i, all) => n !== all[i - 1])).toEqual([0, 500, 1_000, 1_200]);
    expect(r.progress.at(-1)).toEqual({ phase: 'writing', total: 1_200, parsed: 1_200, validated: 1_200, written: 1_200 } satisfies ImportProgress);
    expect(r.last.status).toBe(200);
    expect(r.last.body).toMatchObject({ dryRun: false, total: 1_200, valid: 1_200, created: 1_200 });
    expect(await entryCount()).toBe(before + 1_200);
  }, 120_000);

  it('確認（ドライラン）: 確認した行が行数に達し、登録した行は 0 のまま', async () => {
    const before = await entryCount();
    const r = await importWithProgress(pms, 'dryRun=1', await ledger(700, '進捗確認'));
    expect(r.progress.at(-1)).toEqual({ phase: 'validating', total: 700, parsed: 700, validated: 700, written: 0 } satisfies ImportProgress);
    expect(r.last).toMatchObject({ status: 200, body: { dryRun: true, total: 700, valid: 700, created: 700 } });
    expect(await entryCount()).toBe(before);
  }, 120_000);

  it('エラーの行がある取込は、最後の行が 422 の拒否（全件か無か）で、1行も登録しない', async () => {
    const before = await entryCount();
    const r = await importWithProgress(pms, 'dryRun=0', await ledger(600, '進捗拒否', [599]));
    expect(r.progress.at(-1)?.written).toBe(0);
    expect(r.last.status).toBe(422);
    expect(JSON.stringify(r.last.body)).toContain('1行にエラーがあるため、取り込みませんでした（1行も登録していません）');
    expect(JSON.stringify(r.last.body)).toContain('所管部署「企画部」が見つかりません');
    expect(await entryCount()).toBe(before);
  }, 120_000);

  it('取込の中で拒否されたとき（対応付けが JSON でない）は、最後の行が項目名つきの日本語のエラー（400）', async () => {
    const r = await importWithProgress(pms, `dryRun=1&columns=${encodeURIComponent('{名称')}`, await ledger(3, '対応付け'));
    expect(r.last).toEqual({
      status: 400,
      body: {
        error: {
          code: 'validation',
          message: '列の対応付け（columns）は JSON で指定してください',
          fields: [{ path: 'columns', message: '列の対応付け（columns）は JSON で指定してください' }],
        },
      },
    });
  }, 60_000);

  it('progress の値が正しくなければ、ストリームを始めずに項目名つきの 400', async () => {
    const r = await pms.requestAnyRoute('POST', '/api/imports/inventory?dryRun=1&progress=yes', multipart(await ledger(1, '不正')), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('進み具合の表示（progress）');
  });

  it('台帳の管理の権限のない従業者には 403 で、進み具合も流さない', async () => {
    const r = await staff.requestAnyRoute('POST', '/api/imports/inventory?dryRun=1&progress=1', multipart(await ledger(1, '権限')), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(r.status).toBe(403);
    expect(String(r.headers['content-type'])).toContain('application/json');
  });

  it('実際の HTTP で、進み具合は取込の終わる前から少しずつ届く', async () => {
    const app = t.app as unknown as FastifyInstance;
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: 'pms@demo.mamori.local', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await (await fetch(`${address}/api/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
    const response = await fetch(`${address}/api/imports/inventory?dryRun=0&progress=1`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: new Uint8Array(multipart(await ledger(1_500, '実HTTP'))),
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const arrivals: string[][] = [];
    let buffered = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      if (complete.length > 0) arrivals.push(complete);
    }
    // The lines came in several chunks, the first long before the outcome.
    expect(arrivals.length).toBeGreaterThan(2);
    expect(JSON.parse(arrivals[0]?.[0] ?? '{}')).toMatchObject({ progress: { phase: 'reading' } });
    expect(JSON.parse(arrivals.at(-1)?.at(-1) ?? '{}')).toMatchObject({ status: 200, body: { created: 1_500 } });
  }, 120_000);
});
