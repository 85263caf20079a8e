import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { createUser } from '../../platform/maintenance/createUser.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { contractorPortalExchanges, contractorPortalLinks } from './contractorPortal.tables.ts';

// 委託先ポータル (issue #13): the demo organization (委託元) invites its 委託先 「デモ給与計算センター株式会社」;
// a user of that contractor's own Mamori organization accepts, receives the request for the
// 特記事項遵守報告書 and answers it with one 「いいえ」; the 委託元 sees the finding and reviews. A third
// organization — another 委託先 of the same 委託元 — sees none of it. Real HTTP, real database, RLS.

let t: TestApp;
let pms: Client;
let vendor: Client;
let other: Client;
let vendorOrgId: string;
let contractorId: string;
let linkId: string;
let exchangeId: string;
let code: string;

const compliantAnswers = [
  { number: 1, answer: 'no', details: null },
  { number: 2, answer: 'yes', details: null },
  { number: 3, answer: 'yes', details: null },
  { number: 4, answer: 'yes', details: '2026/10/1 全従事者に研修' },
  { number: 5, answer: 'yes', details: null },
  { number: 6, answer: 'no', details: null },
];

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  // The 委託先 invited here gets its own Mamori organization; the demo's other 委託先 (株式会社デモ発送サービス,
  // already connected by the demo data) is the third organization that must see none of it.
  await createUser(
    t.database,
    { loginId: 'pms@kyuyo.example', name: '給与 花子', organizationName: 'デモ給与計算センター株式会社', role: 'pms_manager', password: 'Kyuyo-pass1!' },
    t.clock.now(),
  );
  vendor = await t.login('pms@kyuyo.example', 'Kyuyo-pass1!');
  other = await t.login('vendor@demo.mamori.local');
  const [org] = await asSystem(t.database, (tx) => tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, 'デモ給与計算センター株式会社')));
  vendorOrgId = org?.id ?? '';
  const list = await pms.get(`/api/contractors?q=${encodeURIComponent('デモ給与計算')}`);
  contractorId = list.body.items[0]?.id ?? '';
});
afterAll(async () => t?.close());

describe('委託先ポータル: 招待から遵守報告書まで（2つの組織）', () => {
  it('委託元が委託先を招待すると、招待のコードが一度だけ返りメールで届く（保存するのはハッシュだけ）', async () => {
    const r = await pms.request('POST', '/api/contractor-portal/invitations', { contractorId, email: 'pms@kyuyo.example' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'invited', statusLabel: '招待中', contractorName: 'デモ給与計算センター株式会社', counterpartyName: null });
    code = r.body.invitationToken;
    linkId = r.body.id;
    const mail = t.sentMail.at(-1);
    expect(mail?.to).toBe('pms@kyuyo.example');
    expect(mail?.text).toContain(code);
    const [stored] = await asSystem(t.database, (tx) => tx.select().from(contractorPortalLinks).where(eq(contractorPortalLinks.id, linkId)));
    expect(stored?.invitationTokenHash).not.toBe(code);
    expect(stored?.invitationTokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('接続前は依頼できない（409）', async () => {
    const r = await pms.request('POST', `/api/contractor-portal/links/${linkId}/exchanges`, { kind: 'compliance_report', dueOn: '2027-01-31' });
    expect(r.status).toBe(409);
  });

  it('委託元の組織のアカウントでは招待を受けられない。違うコードも日本語のエラー', async () => {
    const own = await pms.request('POST', '/api/contractor-portal/invitations/accept', { token: code });
    expect(own.status).toBe(422);
    expect(own.body.error.message).toContain('自分の組織が出した招待は受けられません');
    const wrong = await vendor.request('POST', '/api/contractor-portal/invitations/accept', { token: 'x'.repeat(32) });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields?.[0]).toEqual({ path: 'token', message: expect.stringContaining('招待のコードが正しくありません') });
  });

  it('委託先の組織のアカウントで招待を受けると接続され、2度目は 409', async () => {
    const r = await vendor.request('POST', '/api/contractor-portal/invitations/accept', { token: code });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'active', counterpartyName: 'デモ給与計算センター株式会社' });
    expect((await other.request('POST', '/api/contractor-portal/invitations/accept', { token: code })).status).toBe(409);
    const again = await pms.request('POST', '/api/contractor-portal/invitations', { contractorId, email: 'pms@kyuyo.example' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('すでに委託先ポータルに接続されています');
    const links = await pms.get(`/api/contractor-portal/links?contractorId=${contractorId}`);
    expect(links.body.items[0]).toMatchObject({ id: linkId, status: 'active', counterpartyName: 'デモ給与計算センター株式会社' });
  });

  it('委託元が遵守報告書を依頼し、委託先の受信箱だけに届く（別の委託先の組織には見えない）', async () => {
    const r = await pms.request('POST', `/api/contractor-portal/links/${linkId}/exchanges`, { kind: 'compliance_report', dueOn: '2027-01-31' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ title: '個人情報特記事項の遵守に関する報告書', statusLabel: '依頼中', otherPartyName: 'デモ給与計算センター株式会社' });
    exchangeId = r.body.id;
    const mine = await vendor.get('/api/contractor-portal/inbox');
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([exchangeId]);
    expect(mine.body.items[0]?.otherPartyName).toBe('株式会社まもりデモ');
    const othersInbox = (await other.get('/api/contractor-portal/inbox')).body.items;
    expect(othersInbox.length).toBe(1); // its own demo request only
    expect(othersInbox.map((x: { id: string }) => x.id)).not.toContain(exchangeId);
    // The 委託先 sees the request, not the 委託元's other links nor its register.
    expect((await vendor.get('/api/contractor-portal/exchanges')).body.items).toEqual([]);
    expect((await vendor.get('/api/contractor-portal/links')).body.items).toEqual([]);
  });

  it('RLS: 第三の組織として直接読んでも、接続も依頼も0行', async () => {
    const [third] = await asSystem(t.database, (tx) => tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, '株式会社デモ発送サービス')));
    const seen = await inOrg(t.database, { organizationId: third?.id ?? '' }, async (tx) => ({
      links: (await tx.select().from(contractorPortalLinks)).map((l) => l.id),
      exchanges: (await tx.select().from(contractorPortalExchanges)).map((e) => e.id),
    }));
    expect(seen.links).not.toContain(linkId);
    expect(seen.exchanges).not.toContain(exchangeId);
    expect(seen.links).toHaveLength(1); // its own demo link
    const vendorSees = await inOrg(t.database, { organizationId: vendorOrgId }, async (tx) => (await tx.select().from(contractorPortalExchanges)).length);
    expect(vendorSees).toBe(1);
  });

  it('他の組織は回答できない（404）。足りない回答は項目ごとのエラー（(9) 未回答）で、何も保存しない', async () => {
    expect((await other.request('POST', `/api/contractor-portal/exchanges/${exchangeId}/answer`, { answeredByName: '給与 花子', answers: compliantAnswers })).status).toBe(404);
    const r = await vendor.request('POST', `/api/contractor-portal/exchanges/${exchangeId}/answer`, { answeredByName: '給与 花子', answers: compliantAnswers });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toEqual([{ path: 'answers.9', message: expect.stringContaining('(9)「仕様書及び特記事項に規定した個人情報の取扱いについて、遵守している。」') }]);
    expect((await vendor.get('/api/contractor-portal/inbox')).body.items[0]?.status).toBe('requested');
  });

  it('(9) に「いいえ」と具体的内容で回答すると、委託元に指摘事項として見え、確認・差戻しができる', async () => {
    const answers = [...compliantAnswers, { number: 9, answer: 'no', details: '持ち出し記録に1件の漏れ（11月）' }];
    const r = await vendor.request('POST', `/api/contractor-portal/exchanges/${exchangeId}/answer`, { answeredByName: '給与 花子', answers });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.statusLabel).toBe('回答済み（確認待ち）');
    const sent = await pms.get('/api/contractor-portal/exchanges');
    const mine = sent.body.items.find((x: { id: string }) => x.id === exchangeId);
    expect(mine?.deviations).toEqual([expect.objectContaining({ number: 9, expected: 'yes', answer: 'no', details: '持ち出し記録に1件の漏れ（11月）' })]);
    expect(mine?.answeredByName).toBe('給与 花子');
    expect((await vendor.request('POST', `/api/contractor-portal/exchanges/${exchangeId}/review`, { decision: 'accepted' })).status).toBe(404);
    const noNote = await pms.request('POST', `/api/contractor-portal/exchanges/${exchangeId}/review`, { decision: 'returned' });
    expect(noNote.status).toBe(422);
    const returned = await pms.request('POST', `/api/contractor-portal/exchanges/${exchangeId}/review`, { decision: 'returned', note: '是正の予定日を書いてください' });
    expect(returned.body.statusLabel).toBe('差戻し');
    expect((await vendor.get('/api/contractor-portal/inbox')).body.items[0]).toMatchObject({ status: 'returned', reviewNote: '是正の予定日を書いてください' });
  });

  it('監査証跡: 回答は委託元と委託先の両方の組織の証跡に残る', async () => {
    const rows = await asSystem(t.database, (tx) =>
      tx
        .select({ org: auditLog.organizationId })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'contractor_portal_exchanges'), eq(auditLog.entityId, exchangeId))),
    );
    const orgs = new Set(rows.map((r) => r.org));
    expect(orgs.has(t.demoOrganizationId)).toBe(true);
    expect(orgs.has(vendorOrgId)).toBe(true);
  });
});

// 株式会社デモ発送サービス (vendor@) and its 委託元 株式会社まもりデモ, a company: the contract's 特記事項 is
// 「再委託の禁止」 (the register's default) and no 再委託 is approved. The 遵守報告書 is checked against
// those terms (J.9.4 3 c)・e)) and the 委託先 reads them before it fills a 再委託申請.
describe('委託先ポータル: 契約の再委託の条項と遵守報告書（株式会社デモ発送サービス）', () => {
  let demoExchangeId: string;
  let demoContractorId: string;
  const subcontracting = [
    ...compliantAnswers.filter((a) => a.number !== 6),
    { number: 6, answer: 'yes', details: null },
    { number: 7, answer: 'yes', details: null },
    { number: 8, answer: 'yes', details: '2026/11/20 再委託先の作業場を実地確認' },
    { number: 9, answer: 'yes', details: null },
  ];

  beforeAll(async () => {
    const inbox = await other.get('/api/contractor-portal/inbox');
    demoExchangeId = inbox.body.items.find((x: { kind: string; status: string }) => x.kind === 'compliance_report' && x.status === 'requested')?.id ?? '';
    const list = await pms.get(`/api/contractors?q=${encodeURIComponent('デモ発送サービス')}`);
    demoContractorId = list.body.items[0]?.id ?? '';
  });

  it('受信箱は委託元ごとに特記事項の再委託の条項を返す: 「再委託の禁止」なら申請できないと先に分かる（会社の委託元には豊島区の条文を出さない）', async () => {
    const r = await other.get('/api/contractor-portal/inbox');
    expect(r.status).toBe(200);
    expect(r.body.principals).toEqual([
      {
        linkId: expect.any(String),
        name: '株式会社まもりデモ',
        publicBody: false,
        subcontracting: 'prohibit',
        subcontractingNotice: '特記事項の再委託の条項が「再委託の禁止」（乙は、受託業務の処理を第三者に再委託してはならない。）のため、この委託元には再委託を申請できません',
      },
    ]);
    expect(r.body.items.every((x: { principalPublicBody: boolean }) => x.principalPublicBody === false)).toBe(true);
  });

  it('会社の委託元への遵守報告書: 未回答の (7) の誤りは「委託元へ文書で協議」（区へ ではない）、(4) の誤りは指示の文', async () => {
    const noSeven = subcontracting.filter((a) => a.number !== 7).map((a) => (a.number === 4 ? { ...a, details: null } : a));
    const r = await other.request('POST', `/api/contractor-portal/exchanges/${demoExchangeId}/answer`, { answeredByName: '発送 一郎', answers: noSeven });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toEqual([
      { path: 'answers.4', message: '(4) が「はい」のときは、具体的な対策と日付を書いてください' },
      { path: 'answers.7', message: '(7)「再委託を行っている場合、事前に委託元へ文書で協議し承諾を得ている。」に「はい」か「いいえ」で回答してください' },
    ]);
  });

  it('(6) 再委託を行っている・(7) 承諾を得ている と回答すると、禁止の条項と承認済みの再委託がないことが委託元の指摘になる', async () => {
    const r = await other.request('POST', `/api/contractor-portal/exchanges/${demoExchangeId}/answer`, { answeredByName: '発送 一郎', answers: subcontracting });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const sent = (await pms.get('/api/contractor-portal/exchanges')).body.items.find((x: { id: string }) => x.id === demoExchangeId);
    expect(sent?.deviations).toEqual([
      expect.objectContaining({ number: 6, expected: 'no', answer: 'yes', reason: expect.stringContaining('「再委託の禁止」') }),
      expect.objectContaining({
        number: 7,
        expected: null,
        answer: 'yes',
        text: '再委託を行っている場合、事前に委託元へ文書で協議し承諾を得ている。',
        reason: expect.stringContaining('承認済みの再委託はありません'),
      }),
    ]);
  });

  it('委託元が条項を「再委託の制限」に変えると、受信箱の条項も変わり（申請できる）、(6) はいは指摘でなくなる', async () => {
    expect((await pms.request('PATCH', `/api/contractors/${demoContractorId}`, { subcontractingClause: 'restrict' })).status).toBe(200);
    const principal = (await other.get('/api/contractor-portal/inbox')).body.principals[0];
    expect(principal).toMatchObject({
      subcontracting: 'restrict',
      subcontractingNotice: '再委託は、業務の着手前に書面により株式会社まもりデモに申請し、その承認を得てください（特記事項「再委託の制限」）。',
    });
    const sent = (await pms.get('/api/contractor-portal/exchanges')).body.items.find((x: { id: string }) => x.id === demoExchangeId);
    expect(sent?.deviations.map((d: { number: number }) => d.number)).toEqual([7]);
  });

  it('委託元が自治体（行政機関等）なら、様式のまま「区へ」と特記事項の条文を示す', async () => {
    await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'public' }).where(eq(organizations.id, t.demoOrganizationId)));
    try {
      const r = await other.get('/api/contractor-portal/inbox');
      expect(r.body.principals[0]).toMatchObject({ publicBody: true, subcontractingNotice: expect.stringContaining('（個人情報特記事項 第6条第2項）') });
      const sent = (await pms.get('/api/contractor-portal/exchanges')).body.items.find((x: { id: string }) => x.id === demoExchangeId);
      expect(sent?.principalPublicBody).toBe(true);
      expect(sent?.deviations[0]?.text).toBe('再委託を行っている場合、事前に区へ文書で協議し承諾を得ている。');
    } finally {
      await asSystem(t.database, (tx) => tx.update(organizations).set({ profile: 'private' }).where(eq(organizations.id, t.demoOrganizationId)));
    }
  });
});
