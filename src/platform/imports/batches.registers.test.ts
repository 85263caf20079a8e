import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { contractors } from '../../modules/contractors/contractors.tables.ts';
import { laws } from '../../modules/laws/laws.tables.ts';
import { asSystem } from '../db/tenancy.ts';
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

beforeAll(async () => {
  t = await buildTestApp();
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
});
