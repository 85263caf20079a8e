import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { todayInJapan } from '../../domain/time.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { createUser } from '../../platform/maintenance/createUser.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { prefillFromProfile } from '../../rules/contractors/profileItems.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { contractorPortalExchanges, contractorPortalLinks } from './contractorPortal.tables.ts';
import { contractorPortalProfiles } from './contractorProfile.tables.ts';

// 委託先のプロフィールは接続しているすべての委託元の評価項目に答える (issue #13; J.9.4 s) 委託先の選定
// 基準は委託元ごと). One 委託先 (株式会社デモ発送サービス, vendor@) and two 委託元: 株式会社まもりデモ,
// whose own criteria (approved) reword item 1 and add item 10, and 豊島まちづくり公社, on the built-in
// 世田谷区 個人情報管理状況調査票 (seeds/000). A third organization sees none of it. Real HTTP, real DB, RLS.

const ITEM1 = 'プライバシーマークを取得しているか（取得していない場合は、以下項目に該当しているか）';
const ITEM1_EDITED = 'プライバシーマーク又は ISMS 認証を取得しているか';
const ITEM10 = '委託先従業者に対する個人情報保護教育の実施';
const DEMO = '株式会社まもりデモ';
const KOSHA = '豊島まちづくり公社';

type Item = { key: string; code: string; text: string; askedBy: string[]; askedVia: { principal: string; via: string | null }[]; standard: boolean; coversOthers: boolean };
type Answer = { code: string; text: string; answer: 'yes' | 'no' | 'not_applicable'; details: string | null };

let t: TestApp;
let pms: Client;
let kosha: Client;
let vendor: Client;
let third: Client;
let thirdOrg: string;
let demoLink: string;
let koshaLink: string;
let demoExchange: string;
let koshaExchange: string;
let today: string;

const orgNamed = async (name: string) =>
  (await asSystem(t.database, (tx) => tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name))))[0]?.id ?? '';

beforeAll(async () => {
  t = await buildTestApp();
  today = todayInJapan(t.clock.now());
  pms = await t.login('pms@demo.mamori.local');
  vendor = await t.login('vendor@demo.mamori.local');
  const vendorOrg = await orgNamed('株式会社デモ発送サービス');
  const [link] = await asSystem(t.database, (tx) =>
    tx
      .select()
      .from(contractorPortalLinks)
      .where(and(eq(contractorPortalLinks.organizationId, t.demoOrganizationId), eq(contractorPortalLinks.counterpartyOrganizationId, vendorOrg))),
  );
  demoLink = link?.id ?? '';
  // The second 委託元: its own organization, registers the same 委託先 and invites it.
  await createUser(t.database, { loginId: 'pms@kosha.example', name: '公社 太郎', organizationName: KOSHA, role: 'pms_manager', password: 'Kosha-pass1!' }, t.clock.now());
  kosha = await t.login('pms@kosha.example', 'Kosha-pass1!');
  const contractor = await kosha.request('POST', '/api/contractors', { name: '株式会社デモ発送サービス', entrustedWork: '区報の発送' });
  expect(contractor.status, JSON.stringify(contractor.body)).toBe(201);
  const invited = await kosha.request('POST', '/api/contractor-portal/invitations', { contractorId: contractor.body.id, email: 'vendor@demo.mamori.local' });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  koshaLink = invited.body.id;
  expect((await vendor.request('POST', '/api/contractor-portal/invitations/accept', { token: invited.body.invitationToken })).status).toBe(200);
  // A third organization, connected to no one here.
  await createUser(
    t.database,
    { loginId: 'pms@kyuyo.example', name: '給与 花子', organizationName: 'デモ給与計算センター株式会社', role: 'pms_manager', password: 'Kyuyo-pass1!' },
    t.clock.now(),
  );
  third = await t.login('pms@kyuyo.example', 'Kyuyo-pass1!');
  thirdOrg = await orgNamed('デモ給与計算センター株式会社');
  // 株式会社まもりデモ approves its own criteria (J.9.4 s)): item 1 reworded, item 10 added.
  const top = await t.login('top@demo.mamori.local');
  const current = (await pms.get('/api/contractor-criteria')).body.current.items as { code: string; text: string; coversOthers: boolean }[];
  const items = [...current.map((i) => (i.code === '1' ? { ...i, text: ITEM1_EDITED } : i)), { code: '10', text: ITEM10, coversOthers: false }];
  expect((await pms.request('PUT', '/api/contractor-criteria/draft', { name: '委託先審査表', items })).status).toBe(200);
  const submitted = await pms.request('POST', '/api/contractor-criteria/draft/submit');
  expect((await top.request('POST', `/api/approvals/${submitted.body.approvalRequestId}/approve`, {})).status).toBe(200);
});
afterAll(async () => t?.close());

const profileOf = async (client: Client) => {
  const r = await client.get('/api/contractor-portal/profile');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as {
    items: Item[];
    questionnaireAnswers: Answer[];
    shares: { linkId: string; principalName: string; criteriaName: string | null; revision: { versionLabel: string } | null }[];
  };
};

describe('委託先のプロフィール — 接続しているすべての委託元の評価項目', () => {
  it('調査票が届くまでは標準の調査票の9項目と、委託元が承認して知らせた評価基準（第1版）の項目だけ（評価基準も調査票もない委託元は何も尋ねていない）', async () => {
    const profile = await profileOf(vendor);
    expect(profile.items.map((i) => i.code)).toEqual(['1', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(profile.items.every((i) => !i.askedBy.includes(KOSHA))).toBe(true);
    expect(profile.items.find((i) => i.code === '10')).toMatchObject({ askedBy: [DEMO], askedVia: [{ principal: DEMO, via: '改定された評価基準（第1版）' }] });
    expect(profile.items.find((i) => i.text === ITEM1)).toMatchObject({ askedBy: [], standard: true });
    expect(profile.shares.map((s) => [s.principalName, s.criteriaName, s.revision?.versionLabel ?? null])).toEqual(
      expect.arrayContaining([
        [DEMO, null, '改定された評価基準（第1版）'],
        [KOSHA, null, null],
      ]),
    );
  });

  it('二つの委託元が調査票を送ると、プロフィールは両方の項目を並べ、同じ番号・同じ文言の項目は一度だけ、文言の違う 1 は文言ごとに尋ねている委託元を示す', async () => {
    const due = addCalendarDays(today, 14);
    t.clock.advanceMinutes(1);
    const a = await pms.request('POST', `/api/contractor-portal/links/${demoLink}/exchanges`, { kind: 'questionnaire', dueOn: due });
    const b = await kosha.request('POST', `/api/contractor-portal/links/${koshaLink}/exchanges`, { kind: 'questionnaire', dueOn: due });
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([201, 201]);
    demoExchange = a.body.id;
    koshaExchange = b.body.id;
    const profile = await profileOf(vendor);
    expect(profile.items.map((i) => i.code)).toEqual(['1', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(profile.items.find((i) => i.text === ITEM1)).toMatchObject({ askedBy: [KOSHA], standard: true, coversOthers: true });
    expect(profile.items.find((i) => i.text === ITEM1_EDITED)).toMatchObject({ askedBy: [DEMO], standard: false, coversOthers: true });
    expect(profile.items.find((i) => i.code === '10')).toMatchObject({ text: ITEM10, askedBy: [DEMO], standard: false });
    expect(profile.items.find((i) => i.code === '2')?.askedBy.sort()).toEqual([DEMO, KOSHA].sort());
    expect(profile.shares.find((s) => s.principalName === DEMO)?.criteriaName).toBe('委託先審査表');
    // The 調査票 sent after the revision asks the version in force: the notice no longer stands apart.
    expect(profile.shares.find((s) => s.principalName === DEMO)?.revision).toBeNull();
    expect(profile.items.find((i) => i.code === '10')?.askedVia).toEqual([{ principal: DEMO, via: '最新の調査票' }]);
    expect(profile.shares.find((s) => s.principalName === KOSHA)?.criteriaName).toBe('個人情報管理状況調査票');
  });

  it('回答は項目を名指しして確かめる: 文言の違う番号は文言が要り、どこにもない項目は断り、何も保存しない', async () => {
    const ambiguous = await vendor.request('PUT', '/api/contractor-portal/profile', { questionnaireAnswers: [{ code: '1', answer: 'yes', details: null }], certificates: [] });
    expect(ambiguous.status).toBe(422);
    expect(ambiguous.body.error.fields).toEqual([{ path: 'questionnaireAnswers.0', message: expect.stringContaining('評価項目 1 は委託元によって文言が違います') }]);
    const unknown = await vendor.request('PUT', '/api/contractor-portal/profile', {
      questionnaireAnswers: [{ code: '11', text: '存在しない項目', answer: 'yes', details: null }],
      certificates: [],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toEqual([
      { path: 'questionnaireAnswers.0', message: '評価項目 11「存在しない項目」は、接続している委託元の調査票にも標準の調査票にもありません' },
    ]);
    const tooMany = await vendor.request('PUT', '/api/contractor-portal/profile', {
      questionnaireAnswers: Array.from({ length: 101 }, (_, n) => ({ code: String(n + 1), answer: 'yes', details: null })),
      certificates: [],
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('回答は100項目までです');
    expect((await profileOf(vendor)).questionnaireAnswers).toEqual([]);
  });

  it('プロフィールに回答を保存すると、調査票は番号と文言の一致する項目だけ読み込み、ない項目（文言の違う 1、追加の 10）は空欄になる', async () => {
    const saved = await vendor.request('PUT', '/api/contractor-portal/profile', {
      questionnaireAnswers: [
        { code: '1', text: ITEM1, answer: 'yes', details: null },
        { code: '2', answer: 'yes', details: null },
        { code: '3', answer: 'no', details: '暗号化は来年度導入' },
      ],
      certificates: [],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.questionnaireAnswers.map((a: Answer) => [a.code, a.text])).toEqual([
      ['1', ITEM1],
      ['2', '継続的な取引があるか'],
      ['3', '個人情報の漏えい防止策の実施有無'],
    ]);
    const demoQ = (await vendor.get(`/api/contractor-portal/exchanges/${demoExchange}/questionnaire`)).body;
    const fromProfile = prefillFromProfile(demoQ.items, saved.body.questionnaireAnswers);
    expect(fromProfile.answers.map((a) => a.code)).toEqual(['2', '3']);
    expect(fromProfile.missing.map((i) => i.code)).toEqual(['1', '4', '5', '6', '7', '8', '9', '10']);
    const koshaQ = (await vendor.get(`/api/contractor-portal/exchanges/${koshaExchange}/questionnaire`)).body;
    expect(prefillFromProfile(koshaQ.items, saved.body.questionnaireAnswers).answers.map((a) => a.code)).toEqual(['1', '2', '3']);
  });

  it('調査票で答えたプロフィールにない項目は、選んだときだけプロフィールにも保存する（既にある回答は変えない）', async () => {
    const answers = [
      { code: '1', answer: 'no', details: 'ISMS を2027年度に取得予定' },
      { code: '2', answer: 'yes', details: null },
      { code: '3', answer: 'yes', details: null },
      ...['4', '5', '6', '7', '8', '9', '10'].map((code) => ({ code, answer: 'yes', details: null })),
    ];
    const notAnswered = await vendor.request('POST', `/api/contractor-portal/exchanges/${demoExchange}/questionnaire`, {
      answeredByName: '発送 一郎',
      answers,
      saveToProfile: ['10', '11'],
    });
    expect(notAnswered.status).toBe(422);
    expect(notAnswered.body.error.fields).toEqual([{ path: 'saveToProfile', message: '評価項目 11 はこの調査票で回答していないため、プロフィールに保存できません' }]);
    expect((await profileOf(vendor)).questionnaireAnswers).toHaveLength(3);
    expect((await vendor.get('/api/contractor-portal/inbox')).body.items.find((x: { id: string }) => x.id === demoExchange)?.status).toBe('requested');
    const sent = await vendor.request('POST', `/api/contractor-portal/exchanges/${demoExchange}/questionnaire`, {
      answeredByName: '発送 一郎',
      answers,
      saveToProfile: ['1', '3', '10'],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const profile = await profileOf(vendor);
    expect(profile.questionnaireAnswers).toEqual([
      { code: '1', text: ITEM1, answer: 'yes', details: null },
      { code: '2', text: '継続的な取引があるか', answer: 'yes', details: null },
      // 3 was in the profile: the 調査票's はい does not replace it.
      { code: '3', text: '個人情報の漏えい防止策の実施有無', answer: 'no', details: '暗号化は来年度導入' },
      { code: '1', text: ITEM1_EDITED, answer: 'no', details: 'ISMS を2027年度に取得予定' },
      { code: '10', text: ITEM10, answer: 'yes', details: null },
    ]);
  });

  it('調査票の回答を共有すると、各委託元にはその委託元の項目への回答だけが見える', async () => {
    for (const link of [demoLink, koshaLink])
      expect((await vendor.request('PUT', `/api/contractor-portal/profile/shares/${link}`, { sections: ['questionnaire'] })).status).toBe(200);
    const toDemo = (await pms.get(`/api/contractor-portal/links/${demoLink}/profile`)).body.questionnaireAnswers as Answer[];
    expect(toDemo.map((a) => [a.code, a.text])).toEqual([
      ['2', '継続的な取引があるか'],
      ['3', '個人情報の漏えい防止策の実施有無'],
      ['1', ITEM1_EDITED],
      ['10', ITEM10],
    ]);
    const toKosha = (await kosha.get(`/api/contractor-portal/links/${koshaLink}/profile`)).body.questionnaireAnswers as Answer[];
    expect(toKosha.map((a) => [a.code, a.text])).toEqual([
      ['1', ITEM1],
      ['2', '継続的な取引があるか'],
      ['3', '個人情報の漏えい防止策の実施有無'],
    ]);
  });

  it('第三の組織には、どちらの委託元の調査票も委託先のプロフィールも見えない（HTTP と RLS）', async () => {
    const own = await profileOf(third);
    expect(own.items.every((i) => i.askedBy.length === 0)).toBe(true);
    expect(own.shares).toEqual([]);
    expect((await third.get(`/api/contractor-portal/links/${demoLink}/profile`)).status).toBe(404);
    expect((await third.get(`/api/contractor-portal/links/${koshaLink}/profile`)).status).toBe(404);
    expect((await third.get(`/api/contractor-portal/exchanges/${demoExchange}/questionnaire`)).status).toBe(404);
    const seen = await inOrg(t.database, { organizationId: thirdOrg }, async (tx) => ({
      exchanges: (await tx.select().from(contractorPortalExchanges)).length,
      profiles: (await tx.select().from(contractorPortalProfiles)).length,
    }));
    expect(seen).toEqual({ exchanges: 0, profiles: 0 });
  });
});
