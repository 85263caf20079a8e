import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { displayDate } from '../../domain/dateDisplay.ts';
import { todayInJapan } from '../../domain/time.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { createUser } from '../../platform/maintenance/createUser.ts';
import { notifications } from '../../platform/notifications/notifications.tables.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { tasks } from '../../platform/tasks/tasks.tables.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { contractorPortalExchanges, contractorPortalLinks } from './contractorPortal.tables.ts';
import { contractorPortalProfiles } from './contractorProfile.tables.ts';
import { EXCHANGE_OVERDUE_TASK, runExchangeReminders } from './exchange-reminders.ts';

// 個人情報管理状況調査票 (世田谷区 seeds/000; J.9.4 s)・t)) through the 委託先 portal (issue #13): the
// demo 委託元 sends its criteria set to two 委託先 organizations — the demo's 株式会社デモ発送サービス
// (A) and デモ給与計算センター株式会社 (B); A answers from its profile with its P-mark 登録証; the
// 委託元 accepts and the answers pre-fill the 委託先審査表. The profile is shared only as chosen; A
// never sees B's exchanges; reminders and escalation day by day. Real HTTP, real database, RLS.

let t: TestApp;
let pms: Client;
let vendorA: Client;
let vendorB: Client;
let orgA: string;
let orgB: string;
let linkA: string;
let linkB: string;
let contractorA: string;
let exchangeA: string;
let exchangeB: string;
let profileFileId: string;
let today: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----mamori-questionnaire-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`),
    file.bytes,
    Buffer.from('\r\n'),
  );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const orgNamed = async (name: string) =>
  (await asSystem(t.database, (tx) => tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name))))[0]?.id ?? '';

beforeAll(async () => {
  t = await buildTestApp();
  today = todayInJapan(t.clock.now());
  pms = await t.login('pms@demo.mamori.local');
  vendorA = await t.login('vendor@demo.mamori.local');
  orgA = await orgNamed('株式会社デモ発送サービス');
  const [demoLink] = await asSystem(t.database, (tx) =>
    tx
      .select()
      .from(contractorPortalLinks)
      .where(and(eq(contractorPortalLinks.organizationId, t.demoOrganizationId), eq(contractorPortalLinks.counterpartyOrganizationId, orgA))),
  );
  linkA = demoLink?.id ?? '';
  contractorA = demoLink?.contractorId ?? '';
  // B: another 委託先 of the same 委託元, with its own organization, invited and connected.
  await createUser(
    t.database,
    { loginId: 'pms@kyuyo.example', name: '給与 花子', organizationName: 'デモ給与計算センター株式会社', role: 'pms_manager', password: 'Kyuyo-pass1!' },
    t.clock.now(),
  );
  vendorB = await t.login('pms@kyuyo.example', 'Kyuyo-pass1!');
  orgB = await orgNamed('デモ給与計算センター株式会社');
  const contractorB = (await pms.get(`/api/contractors?q=${encodeURIComponent('デモ給与計算')}`)).body.items[0]?.id ?? '';
  const invited = await pms.request('POST', '/api/contractor-portal/invitations', { contractorId: contractorB, email: 'pms@kyuyo.example' });
  linkB = invited.body.id;
  expect((await vendorB.request('POST', '/api/contractor-portal/invitations/accept', { token: invited.body.invitationToken })).status).toBe(200);
});
afterAll(async () => t?.close());

describe('調査票のやり取り（世田谷区 個人情報管理状況調査票）', () => {
  it('委託元が現在の評価基準（世田谷区の9項目）で調査票を提出期限つきで送る', async () => {
    const r = await pms.request('POST', `/api/contractor-portal/links/${linkA}/exchanges`, { kind: 'questionnaire', dueOn: addCalendarDays(today, 7) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ kind: 'questionnaire', title: '個人情報管理状況調査票', statusLabel: '依頼中' });
    exchangeA = r.body.id;
    exchangeB = (await pms.request('POST', `/api/contractor-portal/links/${linkB}/exchanges`, { kind: 'questionnaire', dueOn: addCalendarDays(today, 7) })).body.id;
    // The 遵守報告書's answer route does not take a 調査票.
    expect((await vendorA.request('POST', `/api/contractor-portal/exchanges/${exchangeA}/answer`, { answeredByName: 'A', answers: [] })).status).toBe(409);
    const q = await vendorA.get(`/api/contractor-portal/exchanges/${exchangeA}/questionnaire`);
    expect(q.status).toBe(200);
    expect(q.body.criteriaName).toBe('個人情報管理状況調査票');
    expect(q.body.items).toHaveLength(9);
    expect(q.body.items[0]).toMatchObject({
      code: '1',
      text: 'プライバシーマークを取得しているか（取得していない場合は、以下項目に該当しているか）',
      coversOthers: true,
      answer: null,
    });
  });

  it('委託先Aの利用者には委託先Bの調査票が見えず、回答もできない（HTTP と RLS）', async () => {
    const inboxA = (await vendorA.get('/api/contractor-portal/inbox')).body.items.map((x: { id: string }) => x.id);
    expect(inboxA).toContain(exchangeA);
    expect(inboxA).not.toContain(exchangeB);
    expect((await vendorA.get(`/api/contractor-portal/exchanges/${exchangeB}/questionnaire`)).status).toBe(404);
    expect((await vendorA.request('POST', `/api/contractor-portal/exchanges/${exchangeB}/questionnaire`, { answeredByName: 'A', answers: [], attachmentIds: [] })).status).toBe(
      404,
    );
    const seenByA = await inOrg(t.database, { organizationId: orgA }, async (tx) =>
      (await tx.select({ id: contractorPortalExchanges.id }).from(contractorPortalExchanges)).map((x) => x.id),
    );
    expect(seenByA).toContain(exchangeA);
    expect(seenByA).not.toContain(exchangeB);
    const seenByB = await inOrg(t.database, { organizationId: orgB }, async (tx) =>
      (await tx.select({ id: contractorPortalExchanges.id }).from(contractorPortalExchanges)).map((x) => x.id),
    );
    expect(seenByB).toEqual([exchangeB]);
  });

  it('委託先はプロフィール（調査票の回答・認証・安全管理措置）を自社の組織に保存し、登録証を添付する（ファイルの検査は添付の仕組み）', async () => {
    const empty = await vendorA.get('/api/contractor-portal/profile');
    expect(empty.body).toMatchObject({ id: null, questionnaireAnswers: [] });
    expect(empty.body.shares).toEqual([expect.objectContaining({ linkId: linkA, principalName: '株式会社まもりデモ', sections: [] })]);
    const saved = await vendorA.request('PUT', '/api/contractor-portal/profile', {
      questionnaireAnswers: [{ code: '1', answer: 'yes', details: null }],
      certificates: [{ kind: 'privacy_mark', number: '10820000(05)', expiresOn: '2028/03/31' }],
      securityMeasures: '入退室管理、個人情報を扱う端末の暗号化',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // An answer without its wording is to the only item of that number (here the built-in 調査票's 1), kept with that wording.
    expect(saved.body.questionnaireAnswers).toEqual([
      { code: '1', text: 'プライバシーマークを取得しているか（取得していない場合は、以下項目に該当しているか）', answer: 'yes', details: null },
    ]);
    expect(saved.body.certificates).toEqual([{ kind: 'privacy_mark', kindLabel: 'プライバシーマーク', number: '10820000(05)', expiresOn: '2028-03-31', expired: false }]);
    const badDate = await vendorA.request('PUT', '/api/contractor-portal/profile', {
      questionnaireAnswers: [],
      certificates: [{ kind: 'isms', number: 'X', expiresOn: '2028-02-30' }],
    });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toContain('有効期限');
    const exe = multipart({ kind: 'privacy_mark' }, { name: '登録証.pdf', bytes: Buffer.from('MZ\x90\x00not a pdf') });
    expect((await vendorA.requestAnyRoute('POST', `/api/attachments/contractor_profile/${saved.body.id}`, exe.body, exe.headers)).status).toBe(415);
    const m = multipart({ kind: 'privacy_mark' }, { name: 'プライバシーマーク登録証.pdf', bytes: PDF });
    const up = await vendorA.requestAnyRoute('POST', `/api/attachments/contractor_profile/${saved.body.id}`, m.body, m.headers);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    profileFileId = (up.body as { id: string }).id;
    // A file sent without a chosen kind is refused, never labelled a プライバシーマーク登録証 (or anything else) by guess.
    const unlabelled = multipart({}, { name: '資料.pdf', bytes: PDF });
    const plain = await vendorA.requestAnyRoute('POST', `/api/attachments/contractor_profile/${saved.body.id}`, unlabelled.body, unlabelled.headers);
    expect(plain.status, JSON.stringify(plain.body)).toBe(422);
    expect((plain.body as { error: { message: string } }).error.message).toContain('種別を選択してください');
    // The profile is A's: B's users and the 委託元 do not see it nor its files.
    expect((await vendorB.get('/api/contractor-portal/profile')).body.id).toBeNull();
    expect((await pms.get(`/api/attachments/contractor_profile/${saved.body.id}`)).status).toBe(404);
    const profilesSeenByB = await inOrg(t.database, { organizationId: orgB }, async (tx) => (await tx.select().from(contractorPortalProfiles)).length);
    expect(profilesSeenByB).toBe(0);
  });

  it('共有は委託元ごとに選び、選ぶまでは何も共有しない', async () => {
    const none = await pms.get(`/api/contractor-portal/links/${linkA}/profile`);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ sections: [], questionnaireAnswers: null, certificates: null, securityMeasures: null });
    expect((await vendorB.request('PUT', `/api/contractor-portal/profile/shares/${linkA}`, { sections: ['certificates'] })).status).toBe(404);
    const shared = await vendorA.request('PUT', `/api/contractor-portal/profile/shares/${linkA}`, { sections: ['certificates'] });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body.shares[0]?.sections).toEqual(['certificates']);
    const seen = await pms.get(`/api/contractor-portal/links/${linkA}/profile`);
    expect(seen.body).toMatchObject({ counterpartyName: '株式会社デモ発送サービス', sections: ['certificates'], questionnaireAnswers: null, securityMeasures: null });
    expect(seen.body.certificates).toEqual([expect.objectContaining({ number: '10820000(05)', expiresOn: '2028-03-31' })]);
    // B shared nothing with the 委託元.
    expect((await pms.get(`/api/contractor-portal/links/${linkB}/profile`)).body.sections).toEqual([]);
  });

  it('1「プライバシーマークを取得しているか」に「はい」なら登録証の添付が要る（何も保存しない）', async () => {
    const r = await vendorA.request('POST', `/api/contractor-portal/exchanges/${exchangeA}/questionnaire`, {
      answeredByName: '発送 一郎',
      answers: [{ code: '1', answer: 'yes', details: null }],
      attachmentIds: [],
    });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toEqual([{ path: 'answers.1', message: expect.stringContaining('プライバシーマーク登録証の写しを添付してください') }]);
    const other = await vendorB.request('POST', `/api/contractor-portal/exchanges/${exchangeB}/questionnaire`, {
      answeredByName: '給与 花子',
      answers: [{ code: '1', answer: 'yes', details: null }],
      attachmentIds: [profileFileId],
    });
    expect(other.status).toBe(422);
    expect(other.body.error.fields).toEqual([{ path: 'attachmentIds', message: expect.stringContaining('自社のプロフィールにある資料') }]);
    expect((await vendorA.get('/api/contractor-portal/inbox')).body.items.find((x: { id: string }) => x.id === exchangeA)?.status).toBe('requested');
  });

  it('期限の7日前に委託先へリマインダー（同じ日に何度実行しても1回）', async () => {
    const first = await runExchangeReminders(t.deps);
    expect(first.reminded).toBeGreaterThanOrEqual(2); // A's and B's users
    expect((await runExchangeReminders(t.deps)).reminded).toBe(0);
    const toA = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.organizationId, orgA), eq(notifications.kind, 'contractor_exchange_due_soon'))),
    );
    expect(toA.map((n) => n.title)).toContain('株式会社まもりデモからの依頼「個人情報管理状況調査票」の提出期限まで7日です');
  });

  it('期限の翌日に委託元へエスカレーションし、委託元に「遵守報告書（調査票）の未提出」のタスクができる（J.9.4、特記事項 第11条）', async () => {
    const start = t.clock.now();
    t.clock.set(new Date(start.getTime() + 8 * 24 * 60 * 60 * 1000));
    try {
      const run = await runExchangeReminders(t.deps);
      expect(run.escalated).toBeGreaterThanOrEqual(1);
      expect(run.tasks).toBeGreaterThanOrEqual(2);
      const again = await runExchangeReminders(t.deps);
      expect(again).toMatchObject({ escalated: 0, tasks: 0 });
    } finally {
      t.clock.set(start);
    }
    const opened = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.organizationId, t.demoOrganizationId), eq(tasks.sourceType, EXCHANGE_OVERDUE_TASK), eq(tasks.sourceId, exchangeA))),
    );
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ status: 'open', title: expect.stringContaining('遵守報告書（調査票）の未提出: 株式会社デモ発送サービス') });
    expect(opened[0]?.description).toContain('J.9.4');
    const escalations = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.organizationId, t.demoOrganizationId), eq(notifications.kind, 'contractor_exchange_overdue'))),
    );
    expect(escalations.length).toBeGreaterThanOrEqual(1);
    expect(escalations.every((n) => n.urgent)).toBe(true);
    // contractors.manage of the 委託先's department (営業部の所属長) is told; another department's 所属長 is not.
    const accountOf = async (loginId: string) => (await asSystem(t.database, (tx) => tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.loginId, loginId))))[0]?.id;
    const told = new Set(escalations.filter((n) => n.link === `/contractors/${contractorA}`).map((n) => n.accountId));
    expect(told.has((await accountOf('sales-head@demo.mamori.local')) ?? '')).toBe(true);
    expect(told.has((await accountOf('pms@demo.mamori.local')) ?? '')).toBe(true);
  });

  it('プロフィールの登録証を添付して回答すると、委託元の組織に写しが残り、未提出のタスクが完了する', async () => {
    const answers = [
      { code: '1', answer: 'yes', details: null },
      { code: '4', answer: 'no', details: '2025年に誤送付1件（再発防止策を実施済み）' },
    ];
    const r = await vendorA.request('POST', `/api/contractor-portal/exchanges/${exchangeA}/questionnaire`, {
      answeredByName: '発送 一郎',
      answers,
      attachmentIds: [profileFileId],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.statusLabel).toBe('回答済み（確認待ち）');
    const q = await pms.get(`/api/contractor-portal/exchanges/${exchangeA}/questionnaire`);
    expect(q.body.items.find((i: { code: string }) => i.code === '4')).toMatchObject({ answer: 'no', answerLabel: 'いいえ', details: '2025年に誤送付1件（再発防止策を実施済み）' });
    expect(q.body.files).toEqual([expect.objectContaining({ fileName: 'プライバシーマーク登録証.pdf', kind: 'privacy_mark', kindLabel: 'プライバシーマーク登録証' })]);
    const copyId = q.body.files[0]?.attachmentId;
    const download = await pms.requestAnyRoute('GET', `/api/attachment-files/${copyId}`);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.raw, PDF)).toBe(0);
    // The copy is the 委託元's: the 委託先 cannot read it through the attachments.
    expect((await vendorA.requestAnyRoute('GET', `/api/attachment-files/${copyId}`)).status).toBe(404);
    const [task] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.sourceType, EXCHANGE_OVERDUE_TASK), eq(tasks.sourceId, exchangeA))),
    );
    expect(task?.status).toBe('done');
  });

  it('委託元が受理すると、回答から委託先審査表を項目ごとに引用して下書きできる（J.9.4 t）', async () => {
    expect((await pms.get(`/api/contractor-portal/contractors/${contractorA}/questionnaire-prefill`)).body.exchangeId).toBeNull();
    const accepted = await pms.request('POST', `/api/contractor-portal/exchanges/${exchangeA}/review`, { decision: 'accepted', note: '登録証を確認' });
    expect(accepted.body.statusLabel).toBe('確認済み');
    const prefill = await pms.get(`/api/contractor-portal/contractors/${contractorA}/questionnaire-prefill`);
    expect(prefill.body).toMatchObject({ exchangeId: exchangeA, acceptedOn: today, criteriaVersion: 'setagaya-questionnaire-1' });
    expect(prefill.body.items).toEqual([
      { code: '1', answer: 'suitable', citation: `個人情報管理状況調査票（${displayDate(today)} 受理）の回答: はい` },
      { code: '4', answer: 'unsuitable', citation: `個人情報管理状況調査票（${displayDate(today)} 受理）の回答: いいえ — 2025年に誤送付1件（再発防止策を実施済み）` },
    ]);
    expect((await vendorA.get(`/api/contractor-portal/contractors/${contractorA}/questionnaire-prefill`)).status).toBe(404);
  });

  it('J.9.4 s) 自組織の評価基準の版が承認されると、新しい調査票はその版を送り、受理済みの回答は番号で対応づけて下書きする', async () => {
    const top = await t.login('top@demo.mamori.local');
    const current = (await pms.get('/api/contractor-criteria')).body.current.items as { code: string; text: string; coversOthers: boolean }[];
    const items = [
      ...current.filter((i) => i.code !== '4').map((i) => (i.code === '1' ? { ...i, text: 'プライバシーマーク又は ISMS 認証を取得しているか' } : i)),
      { code: '10', text: '委託先従業者に対する個人情報保護教育の実施', coversOthers: false },
    ];
    expect((await pms.request('PUT', '/api/contractor-criteria/draft', { name: '委託先審査表', items })).status).toBe(200);
    const submitted = await pms.request('POST', '/api/contractor-criteria/draft/submit');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect((await top.request('POST', `/api/approvals/${submitted.body.approvalRequestId}/approve`, {})).status).toBe(200);
    // 受理済みの調査票（既定の 9 項目で回答）: 1 は文言が変わった旨つき、4 は今の評価基準にないので下書きしない
    const prefill = await pms.get(`/api/contractor-portal/contractors/${contractorA}/questionnaire-prefill`);
    expect(prefill.body.criteriaVersion).toBe('setagaya-questionnaire-1');
    expect(prefill.body.items.map((i) => i.code)).toEqual(['1']);
    expect(prefill.body.items[0]?.citation).toContain('現在の評価基準と文言が異なります');
    expect(prefill.body.notInCriteria).toEqual(['4']);
    // 新しい調査票は承認済みの版（第1版、9 項目: 4 を削除し 10 を追加）を送る; 送った後の版の変更は送った調査票を変えない
    const sent = await pms.request('POST', `/api/contractor-portal/links/${linkA}/exchanges`, { kind: 'questionnaire', dueOn: addCalendarDays(today, 14) });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const q = await vendorA.get(`/api/contractor-portal/exchanges/${sent.body.id}/questionnaire`);
    expect(q.body).toMatchObject({ criteriaName: '委託先審査表', criteriaVersion: 'org-criteria-1' });
    expect(q.body.items.map((i: { code: string }) => i.code)).toEqual(['1', '2', '3', '5', '6', '7', '8', '9', '10']);
    const old = await vendorA.get(`/api/contractor-portal/exchanges/${exchangeA}/questionnaire`);
    expect(old.body.items).toHaveLength(9);
    expect(old.body.items.map((i: { code: string }) => i.code)).toContain('4');
  });
});
