import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { approvalRequests } from '../../platform/approvals/approvals.tables.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem, inOrg, rowsOf } from '../../platform/db/tenancy.ts';
import { createUser } from '../../platform/maintenance/createUser.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { contractorPortalReportsContract as R } from './contractorPortal.reports.contract.ts';
import { contractorPortalReports } from './contractorPortal.reports.tables.ts';

// 委託先からの報告 (issue #13): the demo's 委託先 株式会社デモ発送サービス (its own organization, account
// vendor@demo.mamori.local, connected by the demo) sends its 委託元 株式会社まもりデモ a 再委託申請
// (豊島区 個人情報特記事項 資料B 第6条第2項), a 返還・廃棄報告 (資料B 第17条 / 資料A 第10条) and a 事故等の報告 (資料B 第16条第2項 /
// 資料A 第15条 「直ちに…報告」). A third organization — another 委託先 of the same 委託元 — sees none of it.

let t: TestApp;
let pms: Client;
let vendor: Client;
let third: Client;
let linkId: string;
let thirdLinkId: string;
let vendorOrgId: string;
let thirdOrgId: string;
let contractorId: string;

async function count(table: string): Promise<number> {
  const result = await asSystem(t.database, (tx) => tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
}
const counts = async () => ({
  reports: await count('contractor_portal_reports'),
  incidents: await count('incidents'),
  contractors: await count('contractors'),
  requests: await count('subcontract_requests'),
});

const subcontract = {
  reportedByName: '発送 一郎',
  subContractorName: '株式会社デモ封入',
  corporateNumber: '',
  work: '会報誌の封入・封かん作業',
  personalData: '会員の氏名・住所（宛名ラベル）',
  startsOn: '2027-01-10',
  endsOn: '2027-03-31',
  safetyMeasures: '入退室管理された作業場で作業し、宛名ラベルは作業後に返却する',
  supervision: '作業開始時と月1回、作業場を実地で確認し、結果を委託元に報告する',
  workStartsOn: '2027-01-15',
  reason: '繁忙期の封入作業の人手不足のため',
  workLeadName: '封入 太郎',
  workLeadTitle: '作業課長',
  workLeadContact: '03-1234-5678',
  workers: ['封入 花子', '封入 次郎'],
};

const incident = {
  reportedByName: '発送 一郎',
  title: '会報誌の誤封入',
  whatHappened: '会報誌の封入作業で、別の会員の宛名ラベルの封筒に2名分の会報誌を誤って封入し発送した',
  place: '当社 第二作業場（封入ライン）',
  occurredAt: '2026-12-04T15:00:00+09:00',
  knownAt: '2026-12-05T09:30:00+09:00',
  events: ['leak' as const],
  personalData: '会員の氏名・住所・会員番号',
  persons: 2,
  measures: '誤送付先の2名に連絡し回収を依頼した。封入工程の二重確認を再開した',
};

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-12-05T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  vendor = await t.login('vendor@demo.mamori.local');
  // A third organization: another 委託先 of the same 委託元, connected through its own invitation.
  await createUser(
    t.database,
    { loginId: 'pms@kyuyo.example', name: '給与 花子', organizationName: 'デモ給与計算センター株式会社', role: 'pms_manager', password: 'Kyuyo-pass1!' },
    t.clock.now(),
  );
  third = await t.login('pms@kyuyo.example', 'Kyuyo-pass1!');
  const kyuyo = (await pms.get(`/api/contractors?q=${encodeURIComponent('デモ給与計算')}`)).body.items[0]?.id;
  const invited = await pms.request('POST', '/api/contractor-portal/invitations', { contractorId: kyuyo, email: 'pms@kyuyo.example' });
  thirdLinkId = invited.body.id;
  expect((await third.request('POST', '/api/contractor-portal/invitations/accept', { token: invited.body.invitationToken })).status).toBe(200);
  const orgs = await asSystem(t.database, (tx) => tx.select({ id: organizations.id, name: organizations.name }).from(organizations));
  vendorOrgId = orgs.find((o) => o.name === '株式会社デモ発送サービス')?.id ?? '';
  thirdOrgId = orgs.find((o) => o.name === 'デモ給与計算センター株式会社')?.id ?? '';
  const outbox = await vendor.call(R.outbox, {});
  expect(outbox.body.principals).toEqual([{ linkId: expect.any(String), name: '株式会社まもりデモ' }]);
  linkId = outbox.body.principals[0]?.linkId ?? '';
  contractorId = (await pms.get(`/api/contractors?q=${encodeURIComponent('デモ発送サービス')}`)).body.items[0]?.id ?? '';
});
afterAll(async () => t?.close());

describe('委託先からの再委託申請（個人情報特記事項 第6条第2項）', () => {
  it('特記事項が「再委託の禁止」（第6条）なら、条項を示して断り、何も書き込まない', async () => {
    const before = await counts();
    const r = await vendor.call(R.subcontract, { params: { id: linkId }, body: subcontract });
    expect(r.status).toBe(409);
    expect(r.body.error?.message).toContain('「再委託の禁止」（乙は、受託業務の処理を第三者に再委託してはならない。）');
    // The 委託元 is a company: its 委託先 is not shown the 豊島区 article.
    expect(r.body.error?.message).not.toContain('豊島区');
    expect(await counts()).toEqual(before);
  });

  it('入力の誤りは項目名つきの日本語のエラーで、何も書き込まない（法人番号のチェックデジット・期間の前後）', async () => {
    const before = await counts();
    const r = await vendor.call(R.subcontract, { params: { id: linkId }, body: { ...subcontract, corporateNumber: '1234567890123', work: '' } });
    expect(r.status).toBe(400);
    expect(r.body.error?.fields).toEqual([
      { path: 'corporateNumber', message: '再委託先の法人番号の検査用数字（先頭の1桁）が合いません。番号を確かめてください（入力値: 1234567890123）' },
      { path: 'work', message: '再委託して処理する業務の内容を入力してください' },
    ]);
    const order = await vendor.call(R.subcontract, { params: { id: linkId }, body: { ...subcontract, endsOn: '2027-01-01', workStartsOn: '2027-01-05' } });
    expect(order.status).toBe(400);
    expect(order.body.error?.fields).toEqual([
      { path: 'endsOn', message: '再委託の期間の終了日が開始日より前になっています' },
      { path: 'workStartsOn', message: '着手予定日が再委託の期間の開始日より前になっています' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('「再委託の制限」なら委託元の台帳に再委託承認申請として届き、委託元が承認手続に回して承認すると、両方に「承認」と見える', async () => {
    expect((await pms.request('PATCH', `/api/contractors/${contractorId}`, { subcontractingClause: 'restrict' })).status).toBe(200);
    const r = await vendor.call(R.subcontract, { params: { id: linkId }, body: subcontract });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ kind: 'subcontract', kindLabel: '再委託承認申請', status: 'submitted', otherPartyName: '株式会社まもりデモ', subcontractRequestId: null });
    expect(r.body.number).toMatch(/^CPR-2026-\d{4}$/);
    const received = (await pms.call(R.received, { query: { contractorId } })).body.items.find((x) => x.id === r.body.id);
    expect(received).toMatchObject({ otherPartyName: '株式会社デモ発送サービス', status: 'submitted', subcontractRequestId: expect.any(String) });
    // The 委託元's 個人情報保護管理者 is told at once, without the report's content.
    const notices = await pms.get('/api/notifications');
    expect(JSON.stringify(notices.body)).toContain(`【委託先からの報告】株式会社デモ発送サービス: 再委託承認申請（受付番号 ${r.body.number}）`);
    expect(JSON.stringify(notices.body)).not.toContain('株式会社デモ封入');
    // Both organizations' audit trails hold the report (the shared-table trigger).
    const trail = await asSystem(t.database, (tx) =>
      tx
        .select({ org: auditLog.organizationId })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'contractor_portal_reports'), eq(auditLog.entityId, r.body.id))),
    );
    expect(new Set(trail.map((x) => x.org))).toEqual(new Set([t.demoOrganizationId, vendorOrgId]));
    // The 再委託先 is in the 委託元's register under the 委託先 (the chain every level above sees).
    const chain = await pms.get(`/api/contractors/${contractorId}/subcontracting`);
    expect(JSON.stringify(chain.body.tree.children)).toContain('株式会社デモ封入');

    const submitted = await pms.call(R.submitSubcontract, { params: { id: r.body.id } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('in_approval');
    expect((await pms.call(R.submitSubcontract, { params: { id: r.body.id } })).status).toBe(409);
    expect((await vendor.call(R.outbox, {})).body.items.find((x) => x.id === r.body.id)?.statusLabel).toBe('委託元で承認手続中');

    const [approval] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(approvalRequests)
        .where(eq(approvalRequests.recordId, received?.subcontractRequestId ?? '')),
    );
    // The 個人情報保護管理者 put it to approval, so its 代行者 (トップマネジメント) approves (職務の分離, SPEC §5.4).
    expect((await pms.request('POST', `/api/approvals/${approval?.id}/approve`, { comment: '承認します' })).status).toBe(403);
    const top = await t.login('top@demo.mamori.local');
    const approved = await top.request('POST', `/api/approvals/${approval?.id}/approve`, { comment: '承認します' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await vendor.call(R.outbox, {})).body.items.find((x) => x.id === r.body.id)).toMatchObject({ status: 'approved', statusLabel: '承認' });
    expect((await pms.call(R.received, { query: { contractorId } })).body.items.find((x) => x.id === r.body.id)?.status).toBe('approved');
  });
});

describe('再委託申請の差戻し（承認しない）', () => {
  it('委託元の承認で差し戻されると、両方に「委託元が承認しませんでした（差戻し）」と見え、委託元はもう一度承認手続に回せる', async () => {
    const r = await vendor.call(R.subcontract, { params: { id: linkId }, body: { ...subcontract, subContractorName: '株式会社デモ印字' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await pms.call(R.submitSubcontract, { params: { id: r.body.id } })).status).toBe(200);
    const received = (await pms.call(R.received, { query: { contractorId } })).body.items.find((x) => x.id === r.body.id);
    const [approval] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(approvalRequests)
        .where(eq(approvalRequests.recordId, received?.subcontractRequestId ?? '')),
    );
    const top = await t.login('top@demo.mamori.local');
    const returned = await top.request('POST', `/api/approvals/${approval?.id}/return`, { comment: '再委託先の安全管理措置が不十分です' });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect((await vendor.call(R.outbox, {})).body.items.find((x) => x.id === r.body.id)).toMatchObject({ status: 'refused', statusLabel: '委託元が承認しませんでした（差戻し）' });
    expect((await pms.call(R.received, { query: { contractorId } })).body.items.find((x) => x.id === r.body.id)?.status).toBe('refused');
    const again = await pms.call(R.submitSubcontract, { params: { id: r.body.id } });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.status).toBe('in_approval');
  });
});

describe('再委託申請の作業責任者・作業従事者（豊島区 守るべき事項 3 ウ「再委託先において個人情報を取り扱う作業責任者及び作業従事者の氏名等を提出させること」）', () => {
  it('守るべき事項 3 ウ: 作業責任者の氏名・役職・連絡先が空なら、項目名つきの日本語のエラーで何も書き込まない', async () => {
    const before = await counts();
    const r = await vendor.call(R.subcontract, { params: { id: linkId }, body: { ...subcontract, workLeadName: '', workLeadTitle: ' ', workLeadContact: '' } });
    expect(r.status).toBe(400);
    expect(r.body.error?.fields).toEqual([
      { path: 'workLeadName', message: '作業責任者の氏名を入力してください' },
      { path: 'workLeadTitle', message: '作業責任者の役職を入力してください' },
      { path: 'workLeadContact', message: '作業責任者の連絡先を入力してください' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('守るべき事項 3 ウ: 作業従事者の氏名は1人以上・50人まで・1人100文字まで。何人目かを示して断り、何も書き込まない', async () => {
    const before = await counts();
    const none = await vendor.call(R.subcontract, { params: { id: linkId }, body: { ...subcontract, workers: [] } });
    expect(none.status).toBe(400);
    expect(none.body.error?.fields).toEqual([{ path: 'workers', message: '作業従事者の氏名を1人以上入力してください（再委託先において個人情報を取り扱う者）' }]);
    const blank = await vendor.call(R.subcontract, { params: { id: linkId }, body: { ...subcontract, workers: ['封入 花子', '  ', 'あ'.repeat(101)] } });
    expect(blank.status).toBe(400);
    expect(blank.body.error?.fields).toEqual([
      { path: 'workers.1', message: '作業従事者（2人目）の氏名を入力してください' },
      { path: 'workers.2', message: '作業従事者（3人目）の氏名は100文字以内で入力してください（101文字入力されています）' },
    ]);
    const many = await vendor.call(R.subcontract, { params: { id: linkId }, body: { ...subcontract, workers: Array.from({ length: 51 }, (_, i) => `従事者 ${i + 1}`) } });
    expect(many.status).toBe(400);
    expect(many.body.error?.fields?.[0]?.message).toBe('作業従事者は50人まで入力できます（51人入力されています）。それより多いときは名簿を誓約書とともに添付してください');
    expect(await counts()).toEqual(before);
  });

  it('特記事項 第2条第2項・守るべき事項 3 ウ: 委託元は作業責任者・作業従事者を報告・再委託の系列・承認依頼の記載内容で見る（保存は暗号化）', async () => {
    const r = await vendor.call(R.subcontract, { params: { id: linkId }, body: { ...subcontract, subContractorName: '株式会社デモ梱包', workers: [' 梱包 一子 ', '梱包 二郎'] } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.details).toMatchObject({ workLeadName: '封入 太郎', workLeadTitle: '作業課長', workLeadContact: '03-1234-5678', workers: ['梱包 一子', '梱包 二郎'] });
    const received = (await pms.call(R.received, { query: { contractorId } })).body.items.find((x) => x.id === r.body.id);
    expect(received?.details).toMatchObject({ workLeadName: '封入 太郎', workers: ['梱包 一子', '梱包 二郎'] });
    const chain = await pms.get(`/api/contractors/${contractorId}/subcontracting`);
    const request = (chain.body.requests as { id: string; workLead: unknown; workers: string[] }[]).find((x) => x.id === received?.subcontractRequestId);
    expect(request).toMatchObject({ workLead: { name: '封入 太郎', title: '作業課長', contact: '03-1234-5678' }, workers: ['梱包 一子', '梱包 二郎'] });
    const raw = await asSystem(t.database, (tx) => tx.execute(sql`select staff_enc from subcontract_requests where id = ${received?.subcontractRequestId ?? ''}`));
    expect(JSON.stringify((raw as unknown as { rows: unknown[] }).rows)).not.toContain('梱包 一子');

    expect((await pms.call(R.submitSubcontract, { params: { id: r.body.id } })).status).toBe(200);
    const [approval] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(approvalRequests)
        .where(eq(approvalRequests.recordId, received?.subcontractRequestId ?? '')),
    );
    const detail = await pms.get(`/api/approvals/${approval?.id}`);
    expect(detail.status).toBe(200);
    const lines = Object.fromEntries((detail.body.request.snapshotFields as { label: string; value: string | null }[]).map((f) => [f.label, f.value]));
    expect(lines['再委託先の作業責任者']).toBe('封入 太郎（作業課長） 連絡先: 03-1234-5678');
    expect(lines['再委託先の作業従事者']).toBe('梱包 一子、梱包 二郎（2人）');
    // The approver reads the period as the app shows dates, not the stored ISO text.
    expect(lines['再委託の開始日']).toBe('2027/01/10');
    expect(lines['再委託の終了日']).toBe('2027/03/31');
  });
});

describe('委託先からの返還・廃棄報告（個人情報特記事項 第17条 / 条例時代 第10条）', () => {
  it('日時・方法・担当者・対象を報告し、委託元が確認すると委託先に「確認済み」と見える。「その他」は方法の詳細が必要', async () => {
    const body = { reportedByName: '発送 一郎', performedAt: '2026-12-01T14:00:00+09:00', method: 'shred' as const, personInCharge: '発送 一郎', target: '宛名ラベルの控え（紙）' };
    const other = await vendor.call(R.returnDisposal, { params: { id: linkId }, body: { ...body, method: 'other' } });
    expect(other.status).toBe(400);
    expect(other.body.error?.fields).toEqual([{ path: 'methodDetail', message: '方法が「その他」のときは方法の詳細を入力してください' }]);
    const r = await vendor.call(R.returnDisposal, { params: { id: linkId }, body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      title: '返還・廃棄報告（破砕・裁断）',
      status: 'submitted',
      details: { kind: 'return_disposal', methodLabel: '破砕・裁断', target: '宛名ラベルの控え（紙）' },
    });
    expect((await vendor.call(R.confirm, { params: { id: r.body.id }, body: {} })).status).toBe(404);
    expect((await third.call(R.confirm, { params: { id: r.body.id }, body: {} })).status).toBe(404);
    const confirmed = await pms.call(R.confirm, { params: { id: r.body.id }, body: { note: '破砕の証明書を確認した' } });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmNote: '破砕の証明書を確認した' });
    expect((await pms.call(R.confirm, { params: { id: r.body.id }, body: {} })).status).toBe(409);
    expect((await vendor.call(R.outbox, {})).body.items.find((x) => x.id === r.body.id)).toMatchObject({ statusLabel: '委託元が確認済み', confirmNote: '破砕の証明書を確認した' });
  });
});

describe('返還・廃棄報告の日時は必須（個人情報特記事項 第17条: いつ返還・廃棄したか）', () => {
  it('日時が空・未送信・日付だけなら、「返還・廃棄の日時」を名指す日本語のエラーで 400、何も書き込まない', async () => {
    const body = { reportedByName: '発送 一郎', method: 'shred' as const, personInCharge: '発送 一郎', target: '宛名ラベルの控え（紙）' };
    const before = await counts();
    for (const performedAt of ['', null, undefined, '2026-12-01']) {
      const r = await vendor.call(R.returnDisposal, { params: { id: linkId }, body: { ...body, performedAt } as unknown as typeof body & { performedAt: string } });
      expect(r.status, JSON.stringify(performedAt)).toBe(400);
      expect(r.body.error?.fields).toEqual([{ path: 'performedAt', message: '返還・廃棄の日時を日付と時刻で入力してください（例: 2026/03/02 9:30）' }]);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('返還・廃棄報告の証明書（PDF・画像、10 MB まで）', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  function multipart(name: string, bytes: Buffer) {
    const boundary = '----mamori-certificate-test';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }
  const upload = async (client: Client, id: string, name: string, bytes: Buffer) => {
    const m = multipart(name, bytes);
    return client.requestAnyRoute('POST', `/api/contractor-portal/my-reports/${id}/certificate`, m.body, m.headers);
  };

  it('委託先が証明書を添付すると委託元が報告の一覧からダウンロードでき、委託先には名前だけ見える。PDF・画像以外や他の組織は断る', async () => {
    const r = await vendor.call(R.returnDisposal, {
      params: { id: linkId },
      body: { reportedByName: '発送 一郎', performedAt: '2026-12-02T10:00:00+09:00', method: 'dissolve', personInCharge: '発送 一郎', target: '申込書の原本' },
    });
    const id = r.body.id;
    const text = await upload(vendor, id, '証明書.txt', Buffer.from('溶解しました'));
    expect(text.status).toBe(415);
    expect((text.body as { error: { fields: { path: string; message: string }[] } }).error.fields[0]).toEqual({ path: 'file', message: expect.stringContaining('PDF か画像') });
    expect((await upload(third, id, '溶解証明書.pdf', PDF)).status).toBe(404);
    expect((await upload(pms, id, '溶解証明書.pdf', PDF)).status).toBe(404);
    const ok = await upload(vendor, id, '溶解証明書.pdf', PDF);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await upload(vendor, id, '溶解証明書.pdf', PDF)).status).toBe(409);
    const mine = (await vendor.call(R.outbox, {})).body.items.find((x) => x.id === id);
    expect(mine?.certificate).toEqual({ label: '証明書', fileName: '溶解証明書.pdf', size: PDF.length, contentTypeLabel: 'PDF', url: null });
    const theirs = (await pms.call(R.received, {})).body.items.find((x) => x.id === id);
    expect(theirs?.certificate?.url).toMatch(/^\/api\/attachment-files\//);
    const file = await pms.requestAnyRoute('GET', theirs?.certificate?.url ?? '');
    expect(file.status).toBe(200);
    expect(Buffer.from(file.raw).equals(PDF)).toBe(true);
    expect((await third.requestAnyRoute('GET', theirs?.certificate?.url ?? '')).status).toBe(404);
  });

  it('守るべき事項 3 ウ: 再委託申請には誓約書・名簿を1つ添付でき、委託元がダウンロードできる。事故等の報告には添付できない', async () => {
    const r = await vendor.call(R.subcontract, { params: { id: linkId }, body: { ...subcontract, subContractorName: '株式会社デモ宛名' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const ok = await upload(vendor, r.body.id, '誓約書.pdf', PDF);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const again = await upload(vendor, r.body.id, '誓約書.pdf', PDF);
    expect(again.status).toBe(409);
    expect((again.body as { error: { message: string } }).error.message).toBe('この再委託申請には誓約書・名簿が添付済みです');
    const theirs = (await pms.call(R.received, {})).body.items.find((x) => x.id === r.body.id);
    expect(theirs?.certificate).toMatchObject({ label: '誓約書・名簿', fileName: '誓約書.pdf', url: expect.stringMatching(/^\/api\/attachment-files\//) });
    const file = await pms.requestAnyRoute('GET', theirs?.certificate?.url ?? '');
    expect(Buffer.from(file.raw).equals(PDF)).toBe(true);
    const inc = await vendor.call(R.incident, {
      params: { id: linkId },
      body: { reportedByName: '発送 一郎', title: '添付の確認', whatHappened: '確認', knownAt: '2026-12-05T09:00:00+09:00', personalData: '氏名', measures: '確認' },
    });
    expect(inc.status, JSON.stringify(inc.body)).toBe(201);
    expect((await upload(vendor, inc.body.id, '報告.pdf', PDF)).status).toBe(409);
  });
});

describe('委託先からの事故等の報告（個人情報特記事項 第16条第2項 / 条例時代 第15条: 直ちに報告）', () => {
  let reportId: string;
  let incidentId: string;

  it('報告と委託元の事故等の記録は1つのトランザクション: 報告の保存に失敗すると事故等の記録も残らない', async () => {
    await asSystem(t.database, async (tx) => {
      await tx.execute(sql.raw(`create or replace function test_refuse_report() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`));
      await tx.execute(sql.raw('create trigger test_refuse_report before insert on contractor_portal_reports for each row execute function test_refuse_report()'));
    });
    const before = await counts();
    const r = await vendor.call(R.incident, { params: { id: linkId }, body: incident });
    expect(r.status).toBe(500);
    expect(await counts()).toEqual(before);
    await asSystem(t.database, async (tx) => {
      await tx.execute(sql.raw('drop trigger test_refuse_report on contractor_portal_reports'));
      await tx.execute(sql.raw('drop function test_refuse_report()'));
    });
  });

  it('入力の誤りは項目名つきの日本語のエラーで、事故等の記録も作られない', async () => {
    const before = await counts();
    const r = await vendor.call(R.incident, { params: { id: linkId }, body: { ...incident, persons: -2, knownAt: '昨日', measures: '' } });
    expect(r.status).toBe(400);
    const messages = (r.body.error?.fields ?? []).map((f: { message: string }) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('本人の数は0以上'),
        // Japanese wording with a date as people type it, no ISO timestamp shown to the 委託先.
        '事故等を知った日時を日付と時刻で入力してください（例: 2026/03/02 9:30）',
        expect.stringContaining('講じた措置を入力してください'),
      ]),
    );
    expect(JSON.stringify(r.body)).not.toContain('T09:30:00');
    expect(await counts()).toEqual(before);
  });

  it('委託先が報告すると受付番号が返り、委託元のM4に entrustment: principal・principalNotifiedAt = 報告の日で事故等が作られる', async () => {
    const r = await vendor.call(R.incident, { params: { id: linkId }, body: incident });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ kind: 'incident', status: 'handling', statusLabel: '委託元で対応中', incidentId: null, incidentNumber: null });
    expect(r.body.number).toMatch(/^CPR-2026-\d{4}$/);
    reportId = r.body.id;
    const received = (await pms.call(R.received, {})).body.items.find((x) => x.id === reportId);
    expect(received?.incidentId).toEqual(expect.any(String));
    expect(received?.incidentNumber).toMatch(/^INC-2026-\d{4}$/);
    incidentId = received?.incidentId ?? '';
    const detail = await pms.get(`/api/incidents/${incidentId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.facts).toMatchObject({ entrustment: 'principal', principalNotifiedAt: '2026-12-05', knownOn: '2026-12-05', events: ['leak'], persons: 2 });
    expect(detail.body.title).toBe('【委託先 株式会社デモ発送サービス】会報誌の誤封入');
    // The incident links back to the portal report (its 受付番号 in the timeline).
    expect(JSON.stringify(detail.body.timeline)).toContain(r.body.number);
    expect(detail.body.reportSummary).toContain('報告者（委託先）: 株式会社デモ発送サービス 発送 一郎');
    expect(detail.body.reportSummary).toContain('事故等を知った日時（委託先）: 2026/12/05 09:30');
    expect(detail.body.reportSummary).toContain('事故の発生場所: 当社 第二作業場（封入ライン）');
  });

  it('事案の報告者は委託先とその担当者（委託先ポータル）で、受け付けた委託元の者とは別に記録される（資料B 第16条第2項）', async () => {
    const detail = await pms.get(`/api/incidents/${incidentId}`);
    expect(detail.body.reportedByName).toBe('株式会社デモ発送サービス 発送 一郎（委託先ポータル）');
    expect(detail.body.receivedByName).toBe('佐藤 花子');
    // The reporter names a person of the 委託先: encrypted at rest like the rest of the report.
    const raw = await asSystem(t.database, async (tx) => rowsOf<{ t: string }>(await tx.execute(sql`select incidents::text as t from incidents where id = ${incidentId}`)));
    expect(raw[0]?.t).not.toContain('発送 一郎');
    if (!skipPdfChecks) {
      const record = pdfText((await pms.request('GET', `/api/incidents/${incidentId}/record.pdf`)).raw).replace(/\s+/g, '');
      expect(record).toContain('株式会社デモ発送サービス発送一郎（委託先ポータル）');
      expect(record).toContain('受付:佐藤花子');
    }
  });

  it('義務判定エンジンが委託元の義務を出す（プライバシーマーク付与事業者: JIPDEC への報告。期限は委託先から通知を受けた日から数える）', async () => {
    const detail = await pms.get(`/api/incidents/${incidentId}`);
    const duties = detail.body.duties as { kind: string; dueOn: string | null }[];
    // 漏えい 2人 (要配慮でない): no 個人情報保護委員会 report; as a Privacy-Mark holder the 委託元 owes the
    // JIPDEC 確報 within 30 days counted from the day its 委託先 told it (2026-12-05, 通則編3-5-3-5),
    // the 本人への通知 and the 公表の検討.
    expect(duties.map((d) => d.kind).sort()).toEqual(['individual_notice', 'jipdec_final', 'publication_consideration']);
    expect(duties.find((d) => d.kind === 'jipdec_final')?.dueOn).toBe('2027-01-03');
    expect(JSON.stringify(detail.body.evaluation)).toContain('2026-12-05');
  });

  const incidentOf = async (reportId: string) => {
    const received = (await pms.call(R.received, {})).body.items.find((x) => x.id === reportId);
    return (await pms.get(`/api/incidents/${received?.incidentId}`)).body;
  };

  it('規則第7条第1号: 委託先が「要配慮個人情報を含む: はい」で1人の漏えいを報告すると、委託元に個人情報保護委員会への速報の義務が出る', async () => {
    const r = await vendor.call(R.incident, {
      params: { id: linkId },
      body: { ...incident, title: '健康診断結果の誤送付', persons: 1, sensitive: true, improperPurpose: false, financialDamageRisk: false, myNumber: false },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.details).toMatchObject({ sensitive: true, improperPurpose: false, financialDamageRisk: false, myNumber: false });
    const detail = await incidentOf(r.body.id);
    expect(detail.facts).toMatchObject({ entrustment: 'principal', persons: 1, sensitive: true, improperPurpose: false, financialDamageRisk: false, myNumber: false });
    const kinds = (detail.duties as { kind: string }[]).map((d) => d.kind);
    expect(kinds).toContain('ppc_preliminary');
    expect(kinds).toContain('ppc_final');
    expect(detail.reportSummary).toContain('要配慮個人情報を含むか: はい');
    expect(detail.reportSummary).toContain('不正の目的によるおそれ: いいえ');
  });

  it('規則第7条: 「要配慮個人情報を含む: いいえ」の1人の漏えいでは、委託元に個人情報保護委員会への速報の義務は出ない', async () => {
    const r = await vendor.call(R.incident, {
      params: { id: linkId },
      body: { ...incident, persons: 1, sensitive: false, improperPurpose: false, financialDamageRisk: false, myNumber: false },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const kinds = ((await incidentOf(r.body.id)).duties as { kind: string }[]).map((d) => d.kind);
    expect(kinds).not.toContain('ppc_preliminary');
    expect(kinds).not.toContain('ppc_final');
  });

  it('「不明」（送らない・null）は委託元の事実に入れず、報告の内容には「不明」と示す。はい・いいえ・不明以外は項目名つきの日本語で断る', async () => {
    const r = await vendor.call(R.incident, { params: { id: linkId }, body: { ...incident, sensitive: null, myNumber: true } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.details).toMatchObject({ sensitive: null, improperPurpose: null, financialDamageRisk: null, myNumber: true });
    const detail = await incidentOf(r.body.id);
    expect(detail.facts).toMatchObject({ myNumber: true });
    expect(detail.facts).not.toHaveProperty('sensitive');
    expect(detail.facts).not.toHaveProperty('improperPurpose');
    expect(detail.reportSummary).toContain('要配慮個人情報を含むか: 不明');
    expect(detail.reportSummary).toContain('特定個人情報（マイナンバー）を含むか: はい');

    const before = await counts();
    const bad = await vendor.call(R.incident, { params: { id: linkId }, body: { ...incident, sensitive: 'はい' as unknown as boolean } });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields).toContainEqual(expect.objectContaining({ path: 'sensitive', message: '要配慮個人情報を含むかは「はい」「いいえ」「不明」から選んでください' }));
    expect(await counts()).toEqual(before);
  });

  it('資料A 第15条「件数」: 本人の数「約1,200人」は 1,200・概数として報告に残り、委託元の事案の事実にも概数（personsApproximate）として入る', async () => {
    const r = await vendor.call(R.incident, { params: { id: linkId }, body: { ...incident, title: '申込書の紛失', persons: 1200, personsApproximate: true } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.details).toMatchObject({ persons: 1200, personsApproximate: true });
    const detail = await incidentOf(r.body.id);
    expect(detail.facts).toMatchObject({ persons: 1200, personsApproximate: true });
    expect(detail.reportSummary).toContain('本人の数: 約1,200人（概数）');
    // An exact count stays exact (no flag sent: not a 概数).
    const exact = await vendor.call(R.incident, { params: { id: linkId }, body: incident });
    expect(exact.body.details).toMatchObject({ persons: 2, personsApproximate: false });
    const exactIncident = await incidentOf(exact.body.id);
    expect(exactIncident.facts).not.toHaveProperty('personsApproximate');
    expect(exactIncident.reportSummary).toContain('本人の数: 2人');
  });

  it('本人の数は数で送る: 読めない文字（「多数」）は入力欄と同じ日本語で断り、数のない概数も断って、何も書き込まない', async () => {
    const before = await counts();
    const text = await vendor.call(R.incident, { params: { id: linkId }, body: { ...incident, persons: '多数' as unknown as number } });
    expect(text.status).toBe(400);
    expect(text.body.error?.fields).toEqual([{ path: 'persons', message: expect.stringMatching(/^本人の数.*（入力値: 多数）$/) }]);
    const noNumber = await vendor.call(R.incident, { params: { id: linkId }, body: { ...incident, persons: null, personsApproximate: true } });
    expect(noNumber.status).toBe(400);
    expect(noNumber.body.error?.fields).toEqual([{ path: 'persons', message: '本人の数を概数とするときは、数（例: 約1,200人）を入力してください' }]);
    expect(await counts()).toEqual(before);
  });

  it('他の委託先の組織（第三の組織）は、報告を1件も見ず、他の委託先の接続で報告もできない', async () => {
    const mine = await third.call(R.outbox, {});
    expect(mine.body.principals.map((p) => p.linkId)).toEqual([thirdLinkId]);
    expect(mine.body.items).toEqual([]);
    expect((await third.call(R.incident, { params: { id: linkId }, body: incident })).status).toBe(404);
    // The 委託元 reports to nobody through its own link (it is not the 委託先 of it).
    expect((await pms.call(R.incident, { params: { id: linkId }, body: incident })).status).toBe(404);
    // The 委託先 sees its own reports, never the 委託元's list of every contractor's.
    const vendorReceived = await vendor.call(R.received, {});
    expect(JSON.stringify(vendorReceived.body)).not.toContain(reportId);
  });

  it('RLS: 第三の組織として直接読んでも0行。委託先の組織は自分の報告だけ、委託元の事故等の記録は見えない', async () => {
    const thirdSees = await inOrg(t.database, { organizationId: thirdOrgId }, async (tx) => (await tx.select().from(contractorPortalReports)).length);
    expect(thirdSees).toBe(0);
    const vendorSees = await inOrg(t.database, { organizationId: vendorOrgId }, async (tx) => {
      const reports = await tx.select().from(contractorPortalReports);
      const incidents = await tx.execute(sql`select id from incidents where id = ${incidentId}`);
      return { reports: reports.map((x) => x.counterpartyOrganizationId), incidents: (incidents as unknown as { rows: unknown[] }).rows.length };
    });
    expect(new Set(vendorSees.reports)).toEqual(new Set([vendorOrgId]));
    expect(vendorSees.incidents).toBe(0);
  });
});
