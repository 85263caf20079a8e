import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { riskAssessments } from '../risk/risk.tables.ts';
import { inventoryEntries } from './inventory.tables.ts';

// 台帳の取込 with a リスク分析 sheet (issue #12: 「A 台帳 with a risk sheet (リスク総合評価,
// 残存リスク対応策) can import the risk side into M2」). The consultant template's リスク分析表 beside
// the 台帳: each row linked to the 台帳 sheet's entry it names, read under the current リスク基準
// (J.3.1.3 1 b)), written as draft 対策表 in the import's one transaction — or nothing at all.

let t: TestApp;
let pms: Client;

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
});
afterAll(async () => t?.close());

const LEDGER = ['個人情報の名称', '所管部署', '個人情報の項目', '利用目的', '保管場所', '保管媒体', 'アクセス権を有する者', '利用期限', '保管期限', '件数'];
/** The consultant template's risk sheet: its own words for the columns (リスク値, 現状の対策, 追加対策 …). */
const RISK = [
  'No.',
  '個人情報の名称',
  '類型',
  'ライフサイクル',
  '脅威',
  'リスクの内容',
  'リスク所有者',
  '発生可能性',
  '影響度',
  'リスク値',
  '現状の対策',
  '関連規程',
  '残留リスク',
  '追加対策',
  '次回モニタリング日',
];

type RiskRow = (string | number | Date | null)[];

function riskRow(n: number, name: string, overrides: Partial<Record<(typeof RISK)[number], string | number | Date | null>> = {}): RiskRow {
  const base: Record<(typeof RISK)[number], string | number | Date | null> = {
    'No.': n,
    個人情報の名称: name,
    類型: null,
    ライフサイクル: '保管・バックアップ',
    脅威: '漏えい',
    リスクの内容: `${name}が保管中に漏えいする`,
    リスク所有者: '佐藤 花子',
    発生可能性: 2,
    影響度: 3,
    リスク値: 6,
    現状の対策: '・施錠保管する\n・鍵は所属長が管理し、持ち出しを記録する',
    関連規程: '個人情報取扱規程 第12条、J.3.3.4',
    残留リスク: '鍵の管理者の不在時',
    追加対策: '鍵の貸出簿を月次で確認する',
    次回モニタリング日: '令和9年3月31日',
  };
  const row = { ...base, ...overrides };
  return RISK.map((h) => row[h] ?? null);
}

async function workbook(names: string[], riskRows: RiskRow[], options: { riskTitle?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ledger = wb.addWorksheet('個人情報管理台帳');
  ledger.addRow(LEDGER);
  for (const name of names) ledger.addRow([name, '総務部', '氏名、住所', `${name}の業務のため`, '総務部 書庫', '紙', '佐藤 花子', '業務終了まで', '2030/3/31', 100]);
  const risk = wb.addWorksheet('リスク分析');
  if (options.riskTitle) risk.addRow(['リスク分析表（令和8年度）']);
  risk.addRow(RISK);
  for (const r of riskRows) risk.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function upload(file: Buffer, dryRun: '0' | '1') {
  const boundary = '----mamori-risk-import';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="台帳とリスク分析.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return pms.requestAnyRoute('POST', `/api/imports/inventory?dryRun=${dryRun}`, Buffer.concat([head, file, tail]), {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  }) as Promise<{
    status: number;
    // biome-ignore lint/suspicious/noExplicitAny: the import's report, read loosely here
    body: any;
  }>;
}

async function written(prefix: string) {
  return asSystem(t.database, async (tx) => {
    const [entries] = await tx
      .select({ n: count() })
      .from(inventoryEntries)
      .where(and(eq(inventoryEntries.organizationId, t.demoOrganizationId), eq(inventoryEntries.status, 'active')));
    const all = await tx.select({ category: riskAssessments.category }).from(riskAssessments).where(eq(riskAssessments.organizationId, t.demoOrganizationId));
    return { entries: entries?.n ?? 0, assessments: all.filter((a) => a.category.startsWith(prefix)).length };
  });
}

describe('台帳の取込: リスク分析のシート（issue #12）', () => {
  it('確認: 台帳の隣のリスク分析のシートを見つけ、テンプレートの見出し（リスクの内容・リスク値・現状の対策・追加対策）を対策表の項目として読む。何も書かない', async () => {
    const before = await written('リスク取込A');
    const file = await workbook(['リスク取込A_顧客台帳'], [riskRow(1, 'リスク取込A_顧客台帳')], { riskTitle: true });
    const r = await upload(file, '1');
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body.valid).toBe(1);
    expect(r.body.companion).toMatchObject({ sheet: 'リスク分析', headerRow: 2, total: 1, valid: 1, assessments: 1, records: 1 });
    const columns = Object.fromEntries(r.body.companion.columns.map((c: { heading: string; field: string }) => [c.heading, c.field]));
    expect(columns).toMatchObject({
      個人情報の名称: '対象の個人情報',
      ライフサイクル: '局面',
      リスクの内容: '想定されるリスク',
      リスク値: 'リスク総合評価',
      現状の対策: 'リスク対策',
      追加対策: '残存リスク対応策',
    });
    expect(await written('リスク取込A')).toEqual(before);
  });

  it('局面・脅威・段階の言葉（保管・漏洩・高い・中）を読み、「漏えい・紛失」は脅威ごとの2件に分けると警告で知らせる', async () => {
    const file = await workbook(
      ['リスク取込B_名簿'],
      [riskRow(1, 'リスク取込B_名簿', { ライフサイクル: '保管', 脅威: '漏洩・紛失', 発生可能性: '高い', 影響度: '中', リスク値: 6 })],
    );
    const r = await upload(file, '1');
    expect(r.status).toBe(200);
    expect(r.body.companion.rows[0].errors).toEqual([]);
    expect(r.body.companion.records).toBe(2);
    expect(r.body.companion.rows[0].warnings.map((w: { message: string }) => w.message)).toContainEqual(expect.stringContaining('漏えい・紛失の2件のリスクに分けて'));
  });

  it('読めない値は列の名前とセルの値を挙げたエラー: 局面・脅威・段階・リスク値の不一致・台帳にない名称・従業者にいない所有者・存在しない日付', async () => {
    const names = ['リスク取込C_1'];
    const file = await workbook(names, [
      riskRow(1, 'リスク取込C_1', { ライフサイクル: '企画' }),
      riskRow(2, 'リスク取込C_1', { 脅威: '地震' }),
      riskRow(3, 'リスク取込C_1', { 発生可能性: 4, リスク値: 12 }),
      riskRow(4, 'リスク取込C_1', { リスク値: 9 }),
      riskRow(5, '台帳にない帳票'),
      riskRow(6, 'リスク取込C_1', { リスク所有者: '山田 次郎' }),
      riskRow(7, 'リスク取込C_1', { 次回モニタリング日: '2027/2/30' }),
      riskRow(8, 'リスク取込C_1', { ライフサイクル: '取得・保管' }),
    ]);
    const r = await upload(file, '1');
    expect(r.status).toBe(200);
    const errors = r.body.companion.rows.map((row: { errors: { field: string; message: string }[] }) => row.errors[0]);
    expect(errors[0]).toEqual({ field: 'ライフサイクル', message: expect.stringContaining('局面「企画」はリスク基準の局面') });
    expect(errors[1]).toEqual({ field: '脅威', message: expect.stringContaining('脅威「地震」') });
    expect(errors[2]).toEqual({ field: '発生可能性', message: expect.stringContaining('発生可能性「4」はリスク基準の段階（1: 低い、2: 中程度、3: 高い）') });
    expect(errors[3]).toEqual({ field: 'リスク値', message: expect.stringContaining('リスク総合評価「9」が 発生可能性（2）× 影響度（3）= 6 と合いません') });
    expect(errors[4]).toEqual({ field: '個人情報の名称', message: expect.stringContaining('「台帳にない帳票」がこのファイルの台帳のシートにありません') });
    expect(errors[5]).toEqual({ field: 'リスク所有者', message: expect.stringContaining('リスク所有者「山田 次郎」は在籍中の従業者に見つかりません') });
    expect(errors[6]).toEqual({ field: '次回モニタリング日', message: expect.stringContaining('存在しない日付') });
    expect(errors[7]).toEqual({ field: 'ライフサイクル', message: expect.stringContaining('2つの局面が書かれています') });
    expect(r.body.companion).toMatchObject({ total: 8, valid: 0, assessments: 0 });

    // The real run refuses the whole file, 台帳 rows included: nothing is written.
    const before = await written('リスク取込C');
    const run = await upload(file, '0');
    expect(run.status).toBe(422);
    expect(run.body.error.message).toContain('リスク分析のシート「リスク分析」の8行にエラーがあるため、取り込みませんでした');
    expect(await written('リスク取込C')).toEqual(before);
  });

  it('台帳のシートでエラーの行を指すリスクは、台帳のシートを直すよう示す', async () => {
    const wb = new ExcelJS.Workbook();
    const ledger = wb.addWorksheet('台帳');
    ledger.addRow(LEDGER);
    ledger.addRow(['リスク取込D_壊れた行', '存在しない部', '氏名', '業務のため', '書庫', '紙', '佐藤 花子', '業務終了まで', '2030/3/31', 10]);
    wb.addWorksheet('リスク').addRows([RISK, riskRow(1, 'リスク取込D_壊れた行')]);
    const r = await upload(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), '1');
    expect(r.body.rows[0].action).toBe('error');
    expect(r.body.companion.rows[0].errors[0].message).toContain('台帳のシートでエラーのある行です');
  });

  it('取込: 台帳の項目と、類型ごとの下書きのリスク分析対策表（項目・局面・脅威・評価・対策・規程の項番・残存リスク対応策）を1つのトランザクションで書く', async () => {
    const file = await workbook(
      ['リスク取込E_申込書', 'リスク取込E_顧客DB'],
      [
        riskRow(1, 'リスク取込E_申込書', { 類型: 'リスク取込E_顧客情報' }),
        riskRow(2, 'リスク取込E_顧客DB', {
          類型: 'リスク取込E_顧客情報',
          ライフサイクル: '移送・送信',
          脅威: '改ざん',
          発生可能性: 1,
          影響度: 2,
          リスク値: 2,
          追加対策: null,
          残留リスク: null,
          次回モニタリング日: null,
        }),
      ],
    );
    const r = await upload(file, '0');
    expect(r.status, JSON.stringify(r.body).slice(0, 800)).toBe(200);
    expect(r.body.created).toBe(2);
    expect(r.body.companion).toMatchObject({ assessments: 1, records: 2 });

    const list = await pms.get('/api/risk/assessments');
    const found = (list.body.items as { id: string; category: string; status: string }[]).filter((a) => a.category === 'リスク取込E_顧客情報');
    expect(found).toHaveLength(1);
    const detail = (await pms.get(`/api/risk/assessments/${found[0]?.id}`)).body;
    expect(detail).toMatchObject({ status: 'draft', departmentName: '総務部' });
    expect(detail.description).toContain('リスク分析');
    expect(detail.entries.map((e: { name: string }) => e.name).sort()).toEqual(['リスク取込E_申込書', 'リスク取込E_顧客DB']);
    expect(detail.entries.every((e: { riskStatus: string }) => e.riskStatus === 'in_progress')).toBe(true);
    const [first, second] = detail.records;
    expect(first).toMatchObject({
      phase: 'storage',
      threat: 'leak',
      risk: 'リスク取込E_申込書が保管中に漏えいする',
      ownerName: '佐藤 花子',
      likelihood: 2,
      impact: 3,
      score: 6,
      residualDescription: '鍵の管理者の不在時',
      residualMeasure: '鍵の貸出簿を月次で確認する',
      residualMonitoringDate: '2027-03-31',
    });
    expect(first?.countermeasures).toEqual([
      { text: '施錠保管する', refs: ['個人情報取扱規程 第12条', 'J.3.3.4'] },
      { text: '鍵は所属長が管理し、持ち出しを記録する', refs: [] },
    ]);
    expect(second).toMatchObject({ phase: 'transfer', threat: 'tampering', likelihood: 1, impact: 2, score: 2, residualMeasure: null });
  });

  it('1件だけ取り込んだ項目のリスク分析タスクは、取り込んだ下書きの対策表を開く（2つ目の対策表を始めさせない）', async () => {
    const r = await upload(await workbook(['リスク取込G_単票'], [riskRow(1, 'リスク取込G_単票')]), '0');
    expect(r.status).toBe(200);
    const drafts = (await pms.get('/api/risk/assessments')).body.items as { id: string; category: string }[];
    const draft = drafts.find((a) => a.category === 'リスク取込G_単票');
    const tasks = (await pms.get('/api/risk/tasks')).body.items as { entryName: string | null; assessmentId: string | null }[];
    expect(tasks.find((x) => x.entryName === 'リスク取込G_単票')?.assessmentId).toBe(draft?.id);
    // An entry imported without a risk sheet has no 対策表 yet: its task still starts one.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台帳').addRows([LEDGER, ['リスク取込G_リスクなし', '総務部', '氏名', '業務のため', '書庫', '紙', '佐藤 花子', '業務終了まで', '2030/3/31', 10]]);
    expect((await upload(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), '0')).status).toBe(200);
    const after = (await pms.get('/api/risk/tasks')).body.items as { entryName: string | null; assessmentId: string | null }[];
    expect(after.find((x) => x.entryName === 'リスク取込G_リスクなし')).toMatchObject({ assessmentId: null });
  });

  it('リスク分析のシートがない台帳は risk が null（これまでどおり）', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台帳').addRows([LEDGER, ['リスク取込F_単独', '総務部', '氏名', '業務のため', '書庫', '紙', '佐藤 花子', '業務終了まで', '2030/3/31', 10]]);
    const r = await upload(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), '1');
    expect(r.status).toBe(200);
    expect(r.body.companion).toBeNull();
  });
});
