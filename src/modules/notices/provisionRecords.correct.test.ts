import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../tests/support/app.ts';
import { signInToOtherOrganization } from '../../../tests/support/otherOrganization.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem, rowsOf } from '../../platform/db/tenancy.ts';
import { noticesContract as C } from './notices.contract.ts';
import { disposalTasksOf, noticesTestApp } from './notices.fixture.ts';

// 記録の修正 (issue 14): a mistyped 記録事項 of a 第三者提供記録 (規則第20条第1項, J.8.8.2) / 確認記録
// (規則第24条第1項, J.8.8.3) is corrected in place over real HTTP and a real database — checked whole
// again, the retention (規則第21条・第25条, SPEC §5.3) and its disposal task computed again, the
// personal data still encrypted, the history kept, a disposed record left as it was, tenancy and roles.

let t: TestApp;
let pms: Client;
let staff: Client;
let outsider: Client;

const consentProvision = {
  kind: 'provision',
  basis: 'consent',
  form: 'individual',
  recordedOn: '2026-05-01',
  providedOn: '2026-05-01',
  counterpartyKind: 'corporation',
  counterpartyName: '株式会社 修正印刷',
  counterpartyAddress: '東京都豊島区東池袋1-1-1',
  counterpartyRepresentative: '代表取締役 修正一郎',
  subject: '会員番号 C-0001 修正 花子',
  dataItems: '氏名、住所',
  consentObtained: true,
  overseas: true,
  overseasBasis: 'a',
  overseasCountry: 'シンガポール',
  overseasInfo: '同国の制度の概要と提供先の措置を同意書に記載',
} as const;

/** A 契約書等で代替した確認記録 whose 1-year retention (規則第25条第1号) ended on 2026-01-09: its disposal task is open. */
const endedReceipt = {
  kind: 'receipt',
  basis: 'opt_out',
  form: 'contract',
  recordedOn: '2025-01-10',
  providedOn: '2025-01-10',
  lastProvidedOn: '2025-01-10',
  counterpartyKind: 'corporation',
  counterpartyName: '保存期間確認株式会社',
  counterpartyAddress: '東京都豊島区南池袋2-2-2',
  counterpartyRepresentative: '代表取締役 佐藤次郎',
  subject: '同窓会名簿 2025年版 掲載者',
  dataItems: '氏名、住所、卒業年',
  acquisitionHistory: '同窓会から名簿の提供を受けて取得',
  ppcPublished: true,
} as const;

async function created(body: Record<string, unknown>): Promise<string> {
  const r = await pms.call(C.createProvisionRecord, { body: body as never });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

beforeAll(async () => {
  ({ t, pms, staff } = await noticesTestApp());
  outsider = await signInToOtherOrganization(t);
});
afterAll(() => t.close());

describe('記録の修正（送った記録事項だけが変わり、記録全体を作成時と同じく確かめる）', () => {
  it('第三者の住所の誤記を直すと、その項目だけが変わり、ほかの記録事項（同意を得ている旨・外国の根拠など）はそのまま', async () => {
    const id = await created(consentProvision);
    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { counterpartyAddress: '東京都豊島区東池袋1-18-1' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      counterpartyAddress: '東京都豊島区東池袋1-18-1',
      counterpartyName: '株式会社 修正印刷',
      subject: '会員番号 C-0001 修正 花子',
      consentObtained: true,
      overseas: true,
      overseasBasis: 'a',
      overseasInfo: '同国の制度の概要と提供先の措置を同意書に記載',
      retention: { retainUntil: '2029-05-01' },
    });
  });

  it('作成した日を和暦で直すと読み取った日で保存し、保存期間（規則第21条第3号、作成した日から3年）を計算し直す', async () => {
    const id = await created(consentProvision);
    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { recordedOn: '令和8年4月28日', providedOn: 'R8.4.28' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ recordedOn: '2026-04-28', providedOn: '2026-04-28', retention: { retainUntil: '2029-04-28', disposalDueOn: '2029-04-29' } });
  });

  it('存在しない日付は欄の名前と入力値を示す日本語で 400、何も変えない', async () => {
    const id = await created(consentProvision);
    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { recordedOn: '2026/02/30', counterpartyAddress: '書き換えられてはならない住所' } });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('記録を作成した日');
    expect(JSON.stringify(r.body)).toContain('2026/02/30');
    const after = await pms.call(C.provisionRecord, { params: { id } });
    expect(after.body).toMatchObject({ recordedOn: '2026-05-01', counterpartyAddress: '東京都豊島区東池袋1-1-1' });
  });

  it('規則第20条第1項第2号ハ「本人を特定するに足りる事項」を消す修正は、条項つきで 422、一緒に送った住所も変えない（部分的に書かない）', async () => {
    const id = await created(consentProvision);
    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { subject: '', counterpartyAddress: '書き換えられてはならない住所' } });
    expect(r.status).toBe(422);
    const body = JSON.stringify(r.body);
    expect(body).toContain('"path":"subject"');
    expect(body).toContain('規則第20条第1項第2号ハ');
    const after = await pms.call(C.provisionRecord, { params: { id } });
    expect(after.body).toMatchObject({ subject: '会員番号 C-0001 修正 花子', counterpartyAddress: '東京都豊島区東池袋1-1-1' });
  });

  it('今日より後の日への修正は項目名つきで拒む（最後に提供を行った日も）', async () => {
    const id = await created(endedReceipt);
    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { lastProvidedOn: '2026-05-12' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('"path":"lastProvidedOn"');
    expect(JSON.stringify(r.body)).toContain('最後に提供を行った（受けた）日（2026/05/12）が今日より後');
  });

  it('作成でも、今日より後の「最後に提供を行った（受けた）日」は拒む（保存期間を先へ延ばさない）', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: { ...endedReceipt, lastProvidedOn: '2026-06-01' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('"path":"lastProvidedOn"');
  });

  it('提供記録を「個人情報取扱事業者でない者から」に直すことはできない（確認記録の区分）', async () => {
    const id = await created(consentProvision);
    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { basis: 'non_business' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('確認記録の区分');
  });
});

describe('保存期間と廃棄タスクの再計算（規則第25条、SPEC §5.3）', () => {
  it('最後に提供を受けた日の誤記を直すと保存期間が動き、古い期日の廃棄タスクは取り消され、新しい期日のタスクができる', async () => {
    const id = await created(endedReceipt);
    const before = await disposalTasksOf(t, id);
    expect(before.map((x) => [x.status, x.startsOn])).toEqual([['open', '2026-01-10']]);

    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { lastProvidedOn: '2025/03/01' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.retention).toMatchObject({ years: 1, retainUntil: '2026-02-28', disposalDueOn: '2026-03-01' });
    const after = await disposalTasksOf(t, id);
    expect(after.map((x) => [x.status, x.startsOn]).sort()).toEqual([
      ['cancelled', '2026-01-10'],
      ['open', '2026-03-01'],
    ]);
    expect(after.find((x) => x.status === 'cancelled')?.evidenceNote).toContain('記録の修正で保存期間が2026/02/28までに変わったため取消');
  });

  it('作成方法を「個別の記録」に直すと作成した日から3年（規則第25条第3号）になり、まだ廃棄の時期ではないので開いた廃棄タスクは取り消される', async () => {
    const id = await created(endedReceipt);
    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { form: 'individual' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ form: 'individual', lastProvidedOn: null, retention: { years: 3, retainUntil: '2028-01-10', disposalDueOn: '2028-01-11' } });
    expect((await disposalTasksOf(t, id)).map((x) => x.status)).toEqual(['cancelled']);
  });

  it('記録を要しない場合（J.8.8.3 2 d) 法令に基づく場合）に直すと保存期間はなくなり、廃棄タスクも取り消される', async () => {
    const id = await created(endedReceipt);
    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { exemptionGround: 'd' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ exemptionGround: 'd', retention: null, lastProvidedOn: null });
    expect((await disposalTasksOf(t, id)).map((x) => x.status)).toEqual(['cancelled']);
  });
});

describe('廃棄済みの記録・暗号化・履歴', () => {
  it('廃棄済みの記録は修正できない（409、日本語で理由）、詳細の abilities.correct は false', async () => {
    const id = await created({ ...endedReceipt, counterpartyName: '廃棄済み確認株式会社' });
    const disposed = await pms.call(C.disposeProvisionRecord, { params: { id }, body: { disposedOn: '2026-05-11' } });
    expect(disposed.status, JSON.stringify(disposed.body)).toBe(200);
    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { counterpartyName: '書き換え株式会社' } });
    expect(r.status).toBe(409);
    expect(r.body.error?.message).toContain('2026/05/11に廃棄済みのため修正できません');
    const detail = await pms.call(C.provisionRecord, { params: { id } });
    expect(detail.body).toMatchObject({ counterpartyName: '廃棄済み確認株式会社', abilities: { correct: false } });
    expect(detail.body.history.map((h) => h.actionLabel)).toEqual(['作成', '廃棄の記録']);
  });

  it('直した本人を特定するに足りる事項は暗号化して保存され、データベースにも監査証跡にも平文で残らない', async () => {
    const id = await created(consentProvision);
    const r = await pms.call(C.correctProvisionRecord, { params: { id }, body: { subject: '会員番号 C-0009 訂正 太郎' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const dump = await asSystem(t.database, async (tx) =>
      rowsOf<{ t: string }>(await tx.execute(sql`select provision_records::text as t from provision_records union all select audit_log::text from audit_log`)),
    );
    expect(dump.some((row) => row.t.includes('訂正 太郎'))).toBe(false);
  });

  it('修正は監査証跡に前後の値つきで残り、記録の画面の履歴に誰が何を変えたか（前 → 後）が出る', async () => {
    const id = await created(consentProvision);
    await pms.call(C.correctProvisionRecord, { params: { id }, body: { counterpartyAddress: '東京都豊島区東池袋3-1-1', subject: '会員番号 C-0002 修正 次郎' } });
    const updates = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'provision_records'), eq(auditLog.entityId, id), eq(auditLog.action, 'update'))),
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]?.actorAccountId).not.toBeNull();

    const detail = await pms.call(C.provisionRecord, { params: { id } });
    expect(detail.status).toBe(200);
    expect(detail.body.abilities.correct).toBe(true);
    const [made, changed] = detail.body.history;
    expect(made).toMatchObject({ action: 'created', actionLabel: '作成', changes: [] });
    expect(changed?.actionLabel).toBe('変更');
    expect(changed?.actorName).toBeTruthy();
    expect(changed?.changes).toEqual([
      { field: 'counterpartyAddress', label: '第三者の住所', before: '東京都豊島区東池袋1-1-1', after: '東京都豊島区東池袋3-1-1' },
      { field: 'subject', label: '本人を特定するに足りる事項', before: '会員番号 C-0001 修正 花子', after: '会員番号 C-0002 修正 次郎' },
    ]);
  });
});

describe('組織と役割', () => {
  it('別の組織の記録は修正できず 404（あることも知らせない）、何も変わらない', async () => {
    const id = await created(consentProvision);
    const r = await outsider.call(C.correctProvisionRecord, { params: { id }, body: { counterpartyName: '乗っ取り株式会社' } });
    expect(r.status).toBe(404);
    expect((await pms.call(C.provisionRecord, { params: { id } })).body.counterpartyName).toBe('株式会社 修正印刷');
  });

  it('役割のない従業者は修正できない（403）', async () => {
    const id = await created(consentProvision);
    const r = await staff.call(C.correctProvisionRecord, { params: { id }, body: { counterpartyName: '乗っ取り株式会社' } });
    expect(r.status).toBe(403);
  });
});
