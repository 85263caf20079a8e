import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../tests/support/app.ts';
import { signInToOtherOrganization } from '../../../tests/support/otherOrganization.ts';
import { readFirstSheet } from '../../platform/exports/xlsx.ts';
import { noticesContract as C } from './notices.contract.ts';
import { noticesTestApp, refusedProvisionRecord } from './notices.fixture.ts';

// 個人関連情報の提供先の確認記録 (J.8.8.4 4《個人関連情報の提供先の確認の記録事項》g)〜j)) and the
// 外国 measures of J.8.8.4 3 over real HTTP and a real database: each 記録事項 refused beside its
// field with its clause, the retention (規則第25条 に準じる), the export, another organization's 404.

let t: TestApp;
let pms: Client;
let outsider: Client;

const received = {
  kind: 'related_receipt',
  basis: 'consent',
  form: 'individual',
  recordedOn: '2026/05/11',
  providedOn: '令和8年5月11日',
  counterpartyKind: 'corporation',
  counterpartyName: '株式会社 データ提供見本',
  counterpartyAddress: '東京都豊島区南池袋2-2-2',
  counterpartyRepresentative: '代表取締役 鈴木一郎',
  subject: '会員番号 A-0001（山田太郎）',
  dataItems: 'Cookie ID に紐づくウェブサイトの閲覧履歴',
  consentObtained: true,
} as const;

const refusal = (body: Record<string, unknown>) => refusedProvisionRecord(t, pms, body);

beforeAll(async () => {
  ({ t, pms } = await noticesTestApp());
  outsider = await signInToOtherOrganization(t);
});
afterAll(() => t.close());

describe('J.8.8.4 4《個人関連情報の提供先の確認の記録事項》', () => {
  it('g)〜j) が揃えば作成し、打った日付は ISO で保存、保存期間は確認記録（規則第25条第3号）に準じて作成日から3年', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: received });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'related_receipt',
      kindLabel: '個人関連情報の提供先の確認記録',
      basisLabel: '個人データとして取得することを認める旨の本人の同意（法第31条第1項第1号）',
      recordedOn: '2026-05-11',
      providedOn: '2026-05-11',
      subject: '会員番号 A-0001（山田太郎）',
    });
    expect(r.body.retention).toMatchObject({ years: 3, retainUntil: '2029-05-11', disposalDueOn: '2029-05-12', rulesVersion: 'appi-2022-04' });
    expect(r.body.retention?.basis).toContain('法令に保存期間の定めがないため');
    expect(r.body.retention?.basis).toContain('施行規則 第25条第3号');
  });

  it('g)「a) で本人の同意が得られている旨」がなければ、その欄に条項つきで 422、何も保存しない', async () => {
    const body = await refusal({ ...received, consentObtained: false });
    expect(body).toContain('"path":"consentObtained"');
    expect(body).toContain('J.8.8.4 4 g)「a) で本人の同意が得られている旨」を記録してください');
  });

  it('h)「当該第三者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名」: 欠けた欄に 422', async () => {
    expect(await refusal({ ...received, counterpartyName: '' })).toContain('"path":"counterpartyName"');
    const body = await refusal({ ...received, counterpartyRepresentative: '' });
    expect(body).toContain('"path":"counterpartyRepresentative"');
    expect(body).toContain('J.8.8.4 4 h)');
  });

  it('i)「当該個人データ（個人関連情報）によって識別される本人の氏名その他当該本人を特定するに足りる事項」がなければ 422', async () => {
    const body = await refusal({ ...received, subject: '' });
    expect(body).toContain('"path":"subject"');
    expect(body).toContain('J.8.8.4 4 i)「当該個人データ（個人関連情報）によって識別される本人の氏名その他当該本人を特定するに足りる事項」');
  });

  it('j)「当該個人関連情報の項目」がなければ 422', async () => {
    const body = await refusal({ ...received, dataItems: '' });
    expect(body).toContain('"path":"dataItems"');
    expect(body).toContain('J.8.8.4 4 j)「当該個人関連情報の項目」');
  });

  it('g) 後段「外国にある個人情報取扱事業者にあつては、b) で本人に情報の提供が行われている旨」', async () => {
    const body = await refusal({ ...received, overseas: true });
    expect(body).toContain('"path":"overseasInfoConfirmed"');
    const r = await pms.call(C.createProvisionRecord, { body: { ...received, overseas: true, overseasInfoConfirmed: true, counterpartyName: '海外拠点向け提供元株式会社' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });

  it('根拠は本人の同意だけ（オプトアウトは根拠の欄に拒む）、法第31条の施行日より前の作成日も拒む', async () => {
    expect(await refusal({ ...received, basis: 'opt_out' })).toContain('個人関連情報の提供先の確認記録の根拠は「本人の同意」だけです');
    expect(await refusal({ ...received, recordedOn: '2022-03-31', providedOn: null })).toContain('"path":"recordedOn"');
  });

  it('長すぎる本人の事項は切り詰めずに欄の誤りとして拒む', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: { ...received, subject: 'あ'.repeat(1001) } });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('本人を特定するに足りる事項');
  });
});

describe('J.8.8.4 3 外国にある第三者への個人関連情報の提供（J.8.8.1 3 相当措置）', () => {
  const provided = {
    kind: 'related',
    basis: 'consent',
    form: 'individual',
    recordedOn: '2026-05-11',
    providedOn: '2026-05-11',
    counterpartyKind: 'corporation',
    counterpartyName: 'Sample Ads Pte. Ltd.',
    counterpartyAddress: '1 Raffles Place, Singapore',
    counterpartyRepresentative: 'CEO Tan',
    dataItems: 'Cookie ID',
    consentObtained: true,
    overseas: true,
    overseasBasis: 'b',
    overseasCountry: 'シンガポール',
  } as const;

  it('根拠 b) では「相当措置の継続的な実施を確保するために必要な措置」がなければ 422、あれば作成して記録に残る', async () => {
    const body = await refusal(provided);
    expect(body).toContain('"path":"overseasMeasures"');
    expect(body).toContain('J.8.8.4 3「外国にある第三者による相当措置の継続的な実施を確保するために必要な措置');
    const measures = '年1回、提供先の相当措置の実施状況とシンガポールの制度を書面で確認し、支障があれば提供を停止する';
    const r = await pms.call(C.createProvisionRecord, { body: { ...provided, overseasMeasures: measures } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.overseasMeasures).toBe(measures);
  });
});

describe('出力と組織の境界', () => {
  it('提供記録の出力（.xlsx）に提供先の確認記録が g)〜j) の項目つきで出る', async () => {
    const r = await pms.call(C.exportProvisionRecords, { query: { kind: 'related_receipt' } });
    expect(r.status).toBe(200);
    const sheet = await readFirstSheet(r.raw);
    expect(sheet.headers).toContain('相当措置の継続的な実施を確保するために必要な措置（J.8.8.1 3・J.8.8.4 3）');
    const text = JSON.stringify(sheet.rows);
    expect(sheet.rows.length).toBe(2);
    expect(sheet.rows.every((row) => row.cells[1] === '個人関連情報の提供先の確認記録')).toBe(true);
    expect(text).toContain('会員番号 A-0001（山田太郎）');
    expect(text).toContain('株式会社 データ提供見本');
    expect(text).toContain('提供先（当組織）が外国にある事業者');
  });

  it('別の組織の提供先の確認記録は見えず（404）、一覧にも出ない', async () => {
    const mine = await pms.call(C.provisionRecords, { query: { kind: 'related_receipt' } });
    const id = mine.body.items[0]?.id as string;
    expect(id).toBeTruthy();
    expect((await outsider.call(C.provisionRecord, { params: { id } })).status).toBe(404);
    expect((await outsider.call(C.disposeProvisionRecord, { params: { id }, body: { disposedOn: '2026-05-11' } })).status).toBe(404);
    expect((await outsider.call(C.provisionRecords, { query: { kind: 'related_receipt' } })).body.items).toEqual([]);
  });
});
