import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../tests/support/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem, inOrg, rowsOf } from '../../platform/db/tenancy.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { provisionRecordsAbout } from './notices.api.ts';
import { noticesContract as C } from './notices.contract.ts';
import { countProvisionRecords, disposalTasksOf, NOTICES_TEST_NOW, noticesTestApp } from './notices.fixture.ts';
import { runProvisionRecordDisposalCheck } from './provision-record-disposal.ts';

// 第三者提供記録 (法第29条, 規則第19〜21条, J.8.8.2) and 確認記録 (法第30条, 規則第22〜25条, J.8.8.3)
// over real HTTP and a real database: the 記録事項 checker, the retention (SPEC §5.3), the disposal
// task, the audited reads, roles.

let t: TestApp;
let pms: Client;
let staff: Client;

const consentProvision = {
  kind: 'provision',
  basis: 'consent',
  form: 'individual',
  recordedOn: '2026/05/11',
  providedOn: '2026-05-11',
  counterpartyKind: 'corporation',
  counterpartyName: '株式会社 見本印刷',
  subject: '会員番号 A-0002 山田 花子',
  dataItems: '氏名、住所',
  consentObtained: true,
} as const;

const optOutReceipt = {
  kind: 'receipt',
  basis: 'opt_out',
  form: 'contract',
  recordedOn: '2026-03-01',
  providedOn: '2026-03-01',
  lastProvidedOn: '2026-04-01',
  counterpartyKind: 'corporation',
  counterpartyName: '名簿販売株式会社',
  counterpartyAddress: '東京都豊島区東池袋1-1-1',
  counterpartyRepresentative: '代表取締役 佐藤次郎',
  subject: '同窓会名簿 2026年版 掲載者',
  dataItems: '氏名、住所、卒業年',
  acquisitionHistory: '同窓会から名簿の提供を受けて取得',
  ppcPublished: true,
} as const;

beforeAll(async () => {
  ({ t, pms, staff } = await noticesTestApp());
});
afterAll(() => t.close());

describe('第三者提供記録（法第29条・規則第20条第1項・J.8.8.2 1）', () => {
  it('規則第20条第1項第2号ハ「本人を特定するに足りる事項」が欠ければ項目名と条項つきの日本語で 422、何も保存しない', async () => {
    const before = await countProvisionRecords(t);
    const r = await pms.call(C.createProvisionRecord, { body: { ...consentProvision, subject: '' } });
    expect(r.status).toBe(422);
    const body = JSON.stringify(r.body);
    expect(body).toContain('subject');
    expect(body).toContain('規則第20条第1項第2号ハ');
    expect(body).toContain('本人の氏名その他の当該本人を特定するに足りる事項');
    expect(await countProvisionRecords(t)).toBe(before);
  });

  it('規則第20条第1項第2号イ「本人の同意を得ている旨」がなければ作成しない', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: { ...consentProvision, consentObtained: false } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('本人の同意を得ている旨');
  });

  it('記録事項が揃えば作成し、個別の記録は作成した日から3年（規則第21条第3号）保存する', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: consentProvision });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ kind: 'provision', recordedOn: '2026-05-11', subject: '会員番号 A-0002 山田 花子', lastProvidedOn: null, disposedOn: null });
    expect(r.body.retention).toMatchObject({ years: 3, retainUntil: '2029-05-11', disposalDueOn: '2029-05-12', rulesVersion: 'appi-2022-04' });
    expect(r.body.retention?.basis).toContain('施行規則 第21条第3号');
  });

  it('今日より後の作成日・提供の年月日は項目名つきの日本語で拒み、打った日付を書き換えない', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: { ...consentProvision, recordedOn: '2026/05/12' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('記録を作成した日（2026/05/12）が今日より後');
    const p = await pms.call(C.createProvisionRecord, { body: { ...consentProvision, providedOn: '2026-06-01' } });
    expect(p.status).toBe(422);
    expect(JSON.stringify(p.body)).toContain('"path":"providedOn"');
  });

  it('提供記録に「個人情報取扱事業者でない者からの提供」は選べない', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: { ...consentProvision, basis: 'non_business' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('確認記録の区分');
  });

  it('本人を特定するに足りる事項はデータベースに平文で残らない', async () => {
    const dump = await asSystem(t.database, async (tx) => rowsOf<{ t: string }>(await tx.execute(sql`select provision_records::text as t from provision_records`)));
    expect(dump.some((r) => r.t.includes('山田 花子'))).toBe(false);
  });
});

describe('確認記録（法第30条・規則第24条第1項・J.8.8.3 3）', () => {
  it('規則第24条第1項第1号ホ「法第27条第4項の規定により公表されている旨」が欠ければ作成しない', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: { ...optOutReceipt, ppcPublished: false } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('規則第24条第1項第1号ホ');
  });

  it('規則第24条第1項第1号ロ 法第30条第1項第1号: 法人の提供元は代表者の氏名がなければ作成しない（代表者の欄にエラー）', async () => {
    const r = await pms.call(C.createProvisionRecord, { body: { ...optOutReceipt, counterpartyRepresentative: '' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('"path":"counterpartyRepresentative"');
  });

  it('契約書等で代替した記録は最後に提供を受けた日から起算して1年（規則第25条第1号）、その日がなければ作成しない', async () => {
    const missing = await pms.call(C.createProvisionRecord, { body: { ...optOutReceipt, lastProvidedOn: null } });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain('最後に提供を行った（受けた）日');
    const r = await pms.call(C.createProvisionRecord, { body: optOutReceipt });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.retention).toMatchObject({ years: 1, retainUntil: '2027-03-31', disposalDueOn: '2027-04-01' });
    expect(r.body.retention?.basis).toContain('施行規則 第25条第1号（第23条第3項）');
  });
});

describe('保存期間の経過 → 廃棄タスク（規則第21条・第25条、SPEC §5.3）', () => {
  it('保存期間が過ぎると日次ジョブが廃棄タスクを一度だけ作り、廃棄を記録するとタスクが完了する', async () => {
    const created = await pms.call(C.createProvisionRecord, { body: { ...optOutReceipt, counterpartyName: '廃棄確認株式会社' } });
    const id = created.body.id;
    const tasksOf = () => disposalTasksOf(t, id);

    t.clock.set('2027-03-31T10:00:00+09:00');
    let late = await t.login('pms@demo.mamori.local');
    await runProvisionRecordDisposalCheck(t.deps);
    expect(await tasksOf()).toHaveLength(0);
    const early = await late.call(C.disposeProvisionRecord, { params: { id }, body: { disposedOn: '2027-03-31' } });
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('保存期間の末日（2027/03/31）');

    t.clock.set('2027-04-01T10:00:00+09:00');
    late = await t.login('pms@demo.mamori.local');
    await runProvisionRecordDisposalCheck(t.deps);
    await runProvisionRecordDisposalCheck(t.deps);
    const opened = await tasksOf();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ status: 'open', ownerRole: 'pms_manager', startsOn: '2027-04-01' });
    expect(opened[0]?.title).toContain('第三者提供を受ける際の確認記録の廃棄（廃棄確認株式会社');
    expect(opened[0]?.description).toContain('経過する日（2027/03/31）まで保存');

    const done = await late.call(C.disposeProvisionRecord, { params: { id }, body: { disposedOn: '2027/04/01' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.disposedOn).toBe('2027-04-01');
    expect((await tasksOf())[0]?.status).toBe('done');
    t.clock.set(NOTICES_TEST_NOW);
    pms = await t.login('pms@demo.mamori.local');
    staff = await t.login('staff@demo.mamori.local');
  });
});

describe('継続的・反復的な提供（規則第21条第2号・第25条第2号「最後に…提供を受けた日から起算して3年」）', () => {
  it('一括して作成した確認記録に提供を追加すると、最後に提供を受けた日と保存期間が延びる', async () => {
    const created = await pms.call(C.createProvisionRecord, { body: { ...optOutReceipt, form: 'bulk', counterpartyName: '継続提供株式会社' } });
    expect(created.body.retention).toMatchObject({ years: 3, retainUntil: '2029-03-31' });
    const r = await pms.call(C.recordFurtherProvision, { params: { id: created.body.id }, body: { providedOn: '2026/05/10' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ lastProvidedOn: '2026-05-10', retention: { retainUntil: '2029-05-09', disposalDueOn: '2029-05-10' } });
    expect(r.body.retention?.basis).toContain('施行規則 第25条第2号');
  });

  it('記録済みの最後の提供より前の日や今日より後の日は、提供の年月日の欄に日本語で拒む', async () => {
    const created = await pms.call(C.createProvisionRecord, { body: { ...optOutReceipt, form: 'bulk', counterpartyName: '日付確認株式会社' } });
    const earlier = await pms.call(C.recordFurtherProvision, { params: { id: created.body.id }, body: { providedOn: '2026-03-31' } });
    expect(earlier.status).toBe(422);
    expect(JSON.stringify(earlier.body)).toContain('最後に提供を行った（受けた）日（2026/04/01）より前');
    const future = await pms.call(C.recordFurtherProvision, { params: { id: created.body.id }, body: { providedOn: '2026-05-12' } });
    expect(future.status).toBe(422);
    expect(JSON.stringify(future.body)).toContain('"path":"providedOn"');
  });

  it('個別の記録（規則第19条第1項 提供の都度）には提供を追加できない', async () => {
    const created = await pms.call(C.createProvisionRecord, { body: { ...consentProvision, counterpartyName: '個別確認株式会社' } });
    const r = await pms.call(C.recordFurtherProvision, { params: { id: created.body.id }, body: { providedOn: '2026-05-11' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('新しい記録として作成してください');
  });

  it('保存期間が過ぎて廃棄タスクがある記録に提供を追加すると、保存期間が延びてそのタスクは取り消される', async () => {
    const created = await pms.call(C.createProvisionRecord, {
      body: { ...optOutReceipt, counterpartyName: '延長確認株式会社', recordedOn: '2025-01-10', providedOn: '2025-01-10', lastProvidedOn: '2025-01-10' },
    });
    expect(created.body.retention?.disposalDueOn).toBe('2026-01-10');
    const id = created.body.id;
    const tasksOf = () => disposalTasksOf(t, id);
    expect((await tasksOf()).map((x) => x.status)).toEqual(['open']);
    const r = await pms.call(C.recordFurtherProvision, { params: { id }, body: { providedOn: '2026-05-01' } });
    expect(r.body.retention?.retainUntil).toBe('2027-04-30');
    expect((await tasksOf()).map((x) => x.status)).toEqual(['cancelled']);
  });
});

describe('外国にある第三者・記録を要しない場合（J.8.8.1・J.8.8.2 2）', () => {
  it('J.8.8.1 1 a) 本人の同意による外国にある第三者への提供は、J.8.8.1 2 本人に提供した情報がなければ作成しない', async () => {
    const body = { ...consentProvision, counterpartyName: 'Overseas Pte. Ltd.', overseas: true, overseasBasis: 'a', overseasCountry: 'シンガポール' } as const;
    const missing = await pms.call(C.createProvisionRecord, { body });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain('"path":"overseasInfo"');
    const r = await pms.call(C.createProvisionRecord, { body: { ...body, overseasInfo: '同国の個人情報保護制度の概要と提供先の措置を同意書に記載' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ overseas: true, overseasBasis: 'a', overseasCountry: 'シンガポール' });
  });

  it('J.8.8.2 2 d)「法令に基づく場合」は根拠を記録し、記録事項も保存期間も求めない（廃棄タスクも作らない）', async () => {
    const r = await pms.call(C.createProvisionRecord, {
      body: {
        kind: 'provision',
        basis: 'consent',
        form: 'individual',
        recordedOn: '2020-01-10',
        providedOn: '2020-01-10',
        counterpartyKind: 'corporation',
        counterpartyName: '税務署',
        exemptionGround: 'd',
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ exemptionGround: 'd', exemptionLabel: 'J.8.8.2 2 d) 法令に基づく場合', retention: null });
    await runProvisionRecordDisposalCheck(t.deps);
    const opened = await asSystem(t.database, (tx) => tx.select().from(tasks).where(eq(tasks.sourceId, r.body.id)));
    expect(opened).toHaveLength(0);
  });
});

describe('第三者提供記録の開示（法第33条第5項）のための検索（notices.api.ts）', () => {
  it('本人を特定するに足りる事項に全角・半角や空白の違いがあっても本人の記録を見つけ、他人の記録は返さない', async () => {
    const found = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => provisionRecordsAbout(tx, t.demoOrganizationId, '山田　花子'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.subject.includes('山田 花子'))).toBe(true);
    expect(found.map((r) => r.counterpartyName)).toContain('株式会社 見本印刷');
    expect(found.map((r) => r.counterpartyName)).not.toContain('名簿販売株式会社');
    const none = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => provisionRecordsAbout(tx, t.demoOrganizationId, '該当なし 太郎'));
    expect(none).toEqual([]);
  });
});

describe('閲覧の記録と権限', () => {
  it('一覧と詳細の閲覧は個人データの閲覧として記録される（SPEC §3）', async () => {
    const list = await pms.call(C.provisionRecords, { query: { kind: 'receipt' } });
    expect(list.status).toBe(200);
    expect(list.body.items.every((i) => i.kind === 'receipt')).toBe(true);
    const one = list.body.items[0];
    if (!one) throw new Error('no receipt record');
    await pms.call(C.provisionRecord, { params: { id: one.id } });
    const reads = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'read'), eq(auditLog.entityType, 'provision_records'))),
    );
    expect(reads.some((r) => r.rowCount === list.body.items.length && r.entityId === null)).toBe(true);
    expect(reads.some((r) => r.entityId === one.id)).toBe(true);
  });

  it('役割のない従業者は提供記録を見ることも作ることもできない（403）', async () => {
    expect((await staff.call(C.provisionRecords, { query: {} })).status).toBe(403);
    expect((await staff.call(C.createProvisionRecord, { body: consentProvision })).status).toBe(403);
  });
});
