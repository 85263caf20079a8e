import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../tests/support/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { XLSX_TYPE } from '../../platform/exports/download.ts';
import { readFirstSheet } from '../../platform/exports/xlsx.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { noticesContract as C } from './notices.contract.ts';
import { countProvisionRecords, disposalTasksOf, noticesTestApp, refusedProvisionRecord } from './notices.fixture.ts';
import { runProvisionRecordDisposalCheck } from './provision-record-disposal.ts';

// 個人関連情報の提供に係る確認記録 (J.8.8.4 4《個人関連情報の提供元の確認の記録事項》c)〜f),
// 法第31条第3項で準用する法第30条第3項・第4項) over real HTTP and a real database: the 記録事項
// refused with their clause, 外国にある第三者 (J.8.8.4 2 b)・3), the exemptions J.8.8 f)〜l),
// the retention by form and the disposal task.

let t: TestApp;
let pms: Client;
let staff: Client;

const related = {
  kind: 'related',
  basis: 'consent',
  form: 'individual',
  recordedOn: '令和8年5月11日',
  providedOn: '2026/05/11',
  counterpartyKind: 'corporation',
  counterpartyName: '株式会社 広告見本',
  counterpartyAddress: '東京都豊島区東池袋1-1-1',
  counterpartyRepresentative: '代表取締役 佐藤花子',
  dataItems: 'Cookie ID、ウェブサイトの閲覧履歴',
  consentObtained: true,
} as const;

const refusal = (body: Record<string, unknown>) => refusedProvisionRecord(t, pms, body);

beforeAll(async () => {
  ({ t, pms, staff } = await noticesTestApp());
});
afterAll(() => t.close());

describe('J.8.8.4 4《個人関連情報の提供元の確認の記録事項》', () => {
  it('c)〜f) が揃えば作成し、和暦で打った作成日を ISO で保存、個別の記録は作成した日から3年（規則第29条第3号）', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: related });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ kind: 'related', kindLabel: '個人関連情報の提供に係る確認記録', recordedOn: '2026-05-11', providedOn: '2026-05-11', subject: null });
    expect(r.body.retention).toMatchObject({ years: 3, retainUntil: '2029-05-11', disposalDueOn: '2029-05-12', rulesVersion: 'appi-2022-04' });
    expect(r.body.retention?.basis).toBe('個人情報の保護に関する法律 第31条第3項（第30条第4項の準用）、個人情報の保護に関する法律施行規則 第29条第3号（JIS Q 15001 J.8.8.4 4）');
  });

  it('c)「a)で本人の同意が得られていることを確認した旨」がなければ、その欄に条項つきで 422、何も保存しない', async () => {
    const body = await refusal({ ...related, consentObtained: false });
    expect(body).toContain('"path":"consentObtained"');
    expect(body).toContain('J.8.8.4 4 c)「a)で本人の同意が得られていることを確認した旨」を記録してください');
  });

  it('d)「個人関連情報を提供した年月日」がなければ 422', async () => {
    const body = await refusal({ ...related, providedOn: null });
    expect(body).toContain('"path":"providedOn"');
    expect(body).toContain('J.8.8.4 4 d)');
  });

  it('e)「当該第三者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名」: 住所・代表者の欠けた欄に 422', async () => {
    expect(await refusal({ ...related, counterpartyAddress: '' })).toContain('"path":"counterpartyAddress"');
    const body = await refusal({ ...related, counterpartyRepresentative: '' });
    expect(body).toContain('"path":"counterpartyRepresentative"');
    expect(body).toContain('J.8.8.4 4 e)');
  });

  it('f)「当該個人関連情報の項目」がなければ 422', async () => {
    const body = await refusal({ ...related, dataItems: '' });
    expect(body).toContain('"path":"dataItems"');
    expect(body).toContain('J.8.8.4 4 f)「当該個人関連情報の項目」');
  });

  it('J.8.8.4 2: 根拠は本人の同意だけ（オプトアウトは根拠の欄に日本語で拒む）', async () => {
    const body = await refusal({ ...related, basis: 'opt_out' });
    expect(body).toContain('"path":"basis"');
    expect(body).toContain('根拠は「本人の同意」だけです');
  });

  it('法第31条の施行日（2022-04-01）より前の作成日は拒む', async () => {
    expect(await refusal({ ...related, recordedOn: '2022-03-31', providedOn: '2022-03-31' })).toContain('"path":"recordedOn"');
  });
});

describe('外国にある第三者（J.8.8.4 2 b)・3、J.8.8.1）', () => {
  const overseas = { ...related, counterpartyName: 'Ad Example Inc.', overseas: true, overseasBasis: 'a', overseasCountry: 'アメリカ合衆国' } as const;

  it('c) 後段「b)で本人に情報の提供が行われていることを確認した旨」がなければ 422、あれば作成', async () => {
    const body = await refusal(overseas);
    expect(body).toContain('"path":"overseasInfoConfirmed"');
    expect(body).toContain('外国にある第三者への提供にあっては、b)で本人に情報の提供');
    const r = await pms.call(C.createProvisionRecord, { body: { ...overseas, overseasInfoConfirmed: true } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ overseas: true, overseasBasis: 'a', overseasCountry: 'アメリカ合衆国', overseasInfoConfirmed: true });
  });

  it('J.8.8.1 2 d)「当該外国の名称」がなければ 422', async () => {
    expect(await refusal({ ...overseas, overseasInfoConfirmed: true, overseasCountry: '' })).toContain('"path":"overseasCountry"');
  });
});

describe('記録を要しない場合（J.8.8.4 2「J.8.8のf)〜l)のいずれかに該当する場合を除き」）', () => {
  it('J.8.8 f)「法令に基づく場合」は根拠を記録し、記録事項も保存期間も求めない', async () => {
    const r = await pms.call(C.createProvisionRecord, {
      body: { kind: 'related', basis: 'consent', form: 'individual', recordedOn: '2026-05-01', counterpartyKind: 'corporation', counterpartyName: '警察署', exemptionGround: 'd' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ exemptionGround: 'd', exemptionLabel: 'J.8.8 f) 法令に基づく場合', retention: null });
  });

  it('委託に伴う提供（J.8.8.2 2 a)）は個人関連情報では記録を要しない場合に当たらない', async () => {
    const body = await refusal({ ...related, exemptionGround: 'a' });
    expect(body).toContain('"path":"exemptionGround"');
    expect(body).toContain('J.8.8 f)〜l) から選んでください');
  });
});

describe('保存期間の経過 → 廃棄タスク（法第31条第3項・SPEC §5.3）', () => {
  it('契約書等で代替した記録は最後に提供を行った日から1年、過ぎると日次ジョブが廃棄タスクを作り、廃棄で完了する', async () => {
    const created = await pms.call(C.createProvisionRecord, {
      body: { ...related, form: 'contract', counterpartyName: '廃棄確認広告株式会社', recordedOn: '2025-04-01', providedOn: '2025-04-01', lastProvidedOn: '2025-04-10' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.retention).toMatchObject({ years: 1, retainUntil: '2026-04-09', disposalDueOn: '2026-04-10' });
    expect(created.body.retention?.basis).toContain('施行規則 第29条第1号（第27条第3項）');
    const id = created.body.id;
    const tasksOf = () => disposalTasksOf(t, id);
    // Already past its retention when entered: the task opens at once; the daily job makes no second one.
    await runProvisionRecordDisposalCheck(t.deps);
    const opened = await tasksOf();
    expect(opened).toHaveLength(1);
    expect(opened[0]?.title).toBe('個人関連情報の提供に係る確認記録の廃棄（廃棄確認広告株式会社、2025/04/01作成）');
    expect(opened[0]?.description).toContain('最後に提供を行った日（2025/04/10）から起算して1年');
    const done = await pms.call(C.disposeProvisionRecord, { params: { id }, body: { disposedOn: '令和8年5月1日' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.disposedOn).toBe('2026-05-01');
    expect((await tasksOf())[0]?.status).toBe('done');
  });

  it('一括して作成した記録に提供を追加すると保存期間が最後の提供から3年に延びる（規則第29条第2号）', async () => {
    const created = await pms.call(C.createProvisionRecord, {
      body: { ...related, form: 'bulk', counterpartyName: '継続広告株式会社', providedOn: '2026-05-01', lastProvidedOn: '2026-05-01' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.retention).toMatchObject({ years: 3, retainUntil: '2029-04-30' });
    const r = await pms.call(C.recordFurtherProvision, { params: { id: created.body.id }, body: { providedOn: '2026-05-10' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.retention).toMatchObject({ retainUntil: '2029-05-09' });
    expect(r.body.retention?.basis).toContain('第29条第2号');
  });
});

describe('一覧と権限', () => {
  it('種類で絞ると個人関連情報の確認記録だけが返る', async () => {
    const list = await pms.call(C.provisionRecords, { query: { kind: 'related' } });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((i) => i.kind === 'related')).toBe(true);
  });

  it('一覧の出力（.xlsx）: 種類で絞ると個人関連情報の確認記録の行だけが日本語の見出しで出て、出力は個人データの閲覧として監査証跡に残る', async () => {
    const r = await pms.call(C.exportProvisionRecords, { query: { kind: 'related' } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX_TYPE);
    const sheet = await readFirstSheet(r.raw);
    expect(sheet.headers).toContain('個人データ・個人関連情報の項目');
    expect(sheet.headers).toContain('本人に情報の提供が行われている（ことを確認した）旨（J.8.8.4 4 c)・g)）');
    const kinds = sheet.rows.map((row) => row.cells[1]);
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k === '個人関連情報の提供に係る確認記録')).toBe(true);
    expect(JSON.stringify(sheet.rows)).toContain('Ad Example Inc.');
    const exports = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'export'), eq(auditLog.entityType, 'provision_records'))),
    );
    expect(exports.some((e) => e.rowCount === kinds.length)).toBe(true);
  });

  it('役割のない従業者は個人関連情報の確認記録を見ることも作ることも出力することもできない（403）', async () => {
    expect((await staff.call(C.provisionRecords, { query: { kind: 'related' } })).status).toBe(403);
    expect((await staff.call(C.exportProvisionRecords, { query: { kind: 'related' } })).status).toBe(403);
    const before = await countProvisionRecords(t);
    expect((await staff.call(C.createProvisionRecord, { body: related })).status).toBe(403);
    expect(await countProvisionRecords(t)).toBe(before);
  });
});
