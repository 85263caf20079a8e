import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { todayInJapan } from '../../domain/time.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { createUser } from '../../platform/maintenance/createUser.ts';
import { notifications } from '../../platform/notifications/notifications.tables.ts';
import { sendUrgentNotificationEmails } from '../../platform/notifications/reminders.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { organizations } from '../../platform/org/org.tables.ts';
import { prefillFromProfile } from '../../rules/contractors/profileItems.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';
import { contractorPortalLinks } from './contractorPortal.tables.ts';
import { publishCriteriaInForce } from './criteria-notices.ts';
import { publishCriteriaRevision } from './criteriaNotices.api.ts';
import { contractorPortalCriteriaNotices } from './criteriaNotices.tables.ts';

// 評価基準の改定のお知らせ (issue #13 「回答を一度にして複数の委託元に共有」; J.9.4 s)「個人情報保護管理者は
// 毎年 12 月に委託先の選定基準を見直し、「委託先審査表」に定める」). 委託元 A (株式会社まもりデモ) approves its
// criteria 第1版 then 第2版 (評価項目 10 added); its connected 委託先 (株式会社デモ発送サービス) sees the new
// items in its inbox and its profile before any 調査票, and the next 調査票 finds the answers. A 委託先 A
// invited but that has not accepted, and the 委託先 of another 委託元 (豊島まちづくり公社), see nothing.
// Real HTTP, real database, RLS.

const ITEM1_EDITED = 'プライバシーマーク又は ISMS 認証を取得しているか';
const ITEM10 = '委託先従業者に対する個人情報保護教育の実施';
const DEMO = '株式会社まもりデモ';
const SOURCE = '社内規程 委託先管理規程 第5条（内部の出典）';

type Item = { code: string; text: string; askedBy: string[]; askedVia: { principal: string; via: string | null }[] };
type Notice = {
  kindLabel: string;
  summary: string;
  principalName: string;
  versionLabel: string;
  criteriaName: string;
  items: { code: string; text: string }[];
  changes: { kind: string; code: string }[];
  changesFrom: string | null;
};

let t: TestApp;
let pms: Client;
let top: Client;
let vendor: Client;
let invitedOnly: Client;
let otherVendor: Client;
let vendorOrg: string;
let invitedOrg: string;
let otherVendorOrg: string;
let demoLink: string;
let today: string;
let kyuyoToken: string;

const orgNamed = async (name: string) =>
  (await asSystem(t.database, (tx) => tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name))))[0]?.id ?? '';

/** 評価基準の見直し: the draft saved, submitted and approved by トップマネジメント (J.9.4 s)). */
async function approveCriteria(items: { code: string; text: string; coversOthers: boolean }[]) {
  const saved = await pms.request('PUT', '/api/contractor-criteria/draft', { name: '委託先審査表', source: SOURCE, items });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await pms.request('POST', '/api/contractor-criteria/draft/submit');
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const approved = await top.request('POST', `/api/approvals/${submitted.body.approvalRequestId}/approve`, {});
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
}

const noticesOf = async (client: Client) => {
  const r = await client.get('/api/contractor-portal/criteria-notices');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as Notice[];
};
const profileOf = async (client: Client) => {
  const r = await client.get('/api/contractor-portal/profile');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as {
    items: Item[];
    shares: { linkId: string; principalName: string; criteriaName: string | null; revision: { versionLabel: string; criteriaName: string } | null }[];
  };
};

beforeAll(async () => {
  t = await buildTestApp();
  today = todayInJapan(t.clock.now());
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  vendor = await t.login('vendor@demo.mamori.local');
  vendorOrg = await orgNamed('株式会社デモ発送サービス');
  const [link] = await asSystem(t.database, (tx) =>
    tx
      .select()
      .from(contractorPortalLinks)
      .where(and(eq(contractorPortalLinks.organizationId, t.demoOrganizationId), eq(contractorPortalLinks.counterpartyOrganizationId, vendorOrg))),
  );
  demoLink = link?.id ?? '';
  // A person of the 委託先 who does not answer the portal (no role): never notified.
  await createUser(
    t.database,
    { loginId: 'staff@hasso.example', name: '発送 三郎', organizationName: '株式会社デモ発送サービス', role: null, password: 'Staff-pass1!' },
    t.clock.now(),
  );
  // Another 委託先 of 委託元 A: invited, has not accepted.
  await createUser(
    t.database,
    { loginId: 'pms@kyuyo.example', name: '給与 花子', organizationName: 'デモ給与計算センター株式会社', role: 'pms_manager', password: 'Kyuyo-pass1!' },
    t.clock.now(),
  );
  invitedOnly = await t.login('pms@kyuyo.example', 'Kyuyo-pass1!');
  invitedOrg = await orgNamed('デモ給与計算センター株式会社');
  const kyuyo = (await pms.get(`/api/contractors?q=${encodeURIComponent('デモ給与計算')}`)).body.items[0]?.id;
  const kyuyoInvitation = await pms.request('POST', '/api/contractor-portal/invitations', { contractorId: kyuyo, email: 'pms@kyuyo.example' });
  expect(kyuyoInvitation.status).toBe(201);
  kyuyoToken = kyuyoInvitation.body.invitationToken;
  // 委託元 B and its own connected 委託先.
  await createUser(
    t.database,
    { loginId: 'pms@kosha.example', name: '公社 太郎', organizationName: '豊島まちづくり公社', role: 'pms_manager', password: 'Kosha-pass1!' },
    t.clock.now(),
  );
  const kosha = await t.login('pms@kosha.example', 'Kosha-pass1!');
  await createUser(
    t.database,
    { loginId: 'pms@b-hasso.example', name: '発送 次郎', organizationName: '公社発送株式会社', role: 'pms_manager', password: 'Hasso-pass1!' },
    t.clock.now(),
  );
  otherVendor = await t.login('pms@b-hasso.example', 'Hasso-pass1!');
  otherVendorOrg = await orgNamed('公社発送株式会社');
  const contractor = await kosha.request('POST', '/api/contractors', { name: '公社発送株式会社', entrustedWork: '区報の発送' });
  const invited = await kosha.request('POST', '/api/contractor-portal/invitations', { contractorId: contractor.body.id, email: 'pms@b-hasso.example' });
  expect((await otherVendor.request('POST', '/api/contractor-portal/invitations/accept', { token: invited.body.invitationToken })).status).toBe(200);
  // 委託元 A: 第1版 rewords item 1; then 第2版 adds item 10.
  const current = (await pms.get('/api/contractor-criteria')).body.current.items as { code: string; text: string; coversOthers: boolean }[];
  const v1 = current.map((i) => (i.code === '1' ? { ...i, text: ITEM1_EDITED } : i));
  await approveCriteria(v1);
  t.clock.advanceMinutes(2);
  await approveCriteria([...v1, { code: '10', text: ITEM10, coversOthers: false }]);
});
afterAll(async () => t?.close());

describe('評価基準の改定のお知らせ — 委託元が承認した新しい版を、調査票の前に接続している委託先へ', () => {
  it('J.9.4 s) 委託元が第2版（評価項目 10 の追加）を承認すると、接続している委託先の受信箱に名称・版・評価項目だけが届き、前の版からの変更が分かる', async () => {
    const notices = await noticesOf(vendor);
    expect(notices.map((n) => [n.principalName, n.kindLabel, n.versionLabel])).toEqual([
      [DEMO, '評価基準の改定のお知らせ', '改定された評価基準（第2版）'],
      // Nothing came from A before 第1版 (no 調査票): the criteria in force, not a change.
      [DEMO, '現在の評価基準のお知らせ', '現在の評価基準（第1版）'],
    ]);
    expect(notices.map((n) => n.summary)).toEqual([
      `${DEMO}が委託先の評価基準「委託先審査表」を改定しました（10項目）。`,
      `${DEMO}が委託先の評価に使っている評価基準は「委託先審査表」（第1版、9項目）です。`,
    ]);
    expect(notices[1]).toMatchObject({ changes: [], changesFrom: null });
    const [v2] = notices;
    expect(v2).toMatchObject({ kindLabel: '評価基準の改定のお知らせ', criteriaName: '委託先審査表', changesFrom: '改定された評価基準（第1版）' });
    expect(v2?.items.map((i) => i.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(v2?.changes).toEqual([{ kind: 'added', label: '評価項目の追加', code: '10', previousText: null, currentText: ITEM10 }]);
    // The 委託元 sees how many 委託先 were told: the one connected, not the one only invited.
    const criteria = (await pms.get('/api/contractor-criteria')).body;
    expect(criteria.current).toMatchObject({ versionLabel: '第2版', publishedTo: 1 });
    expect(criteria.versions.find((v: { versionLabel: string }) => v.versionLabel === '既定')?.publishedTo).toBeNull();
    // Items only: not the 出典, not who drafted or approved it.
    expect(JSON.stringify(notices)).not.toContain(SOURCE);
    expect(Object.keys(v2 ?? {}).sort()).toEqual(
      ['changes', 'changesFrom', 'criteriaName', 'id', 'items', 'kindLabel', 'linkId', 'principalName', 'publishedAt', 'summary', 'versionLabel', 'versionNo'].sort(),
    );
  });

  it('プロフィールは調査票の前に第2版の評価項目を、その委託元が「改定された評価基準（第2版）」で尋ねている項目として並べ、回答を保存できる', async () => {
    const profile = await profileOf(vendor);
    expect(profile.items.find((i) => i.code === '10')).toMatchObject({ text: ITEM10, askedBy: [DEMO], askedVia: [{ principal: DEMO, via: '改定された評価基準（第2版）' }] });
    expect(profile.items.find((i) => i.text === ITEM1_EDITED)?.askedBy).toEqual([DEMO]);
    expect(profile.shares.find((s) => s.linkId === demoLink)).toMatchObject({
      criteriaName: null,
      revision: { versionLabel: '改定された評価基準（第2版）', criteriaName: '委託先審査表' },
    });
    const saved = await vendor.request('PUT', '/api/contractor-portal/profile', {
      questionnaireAnswers: [
        { code: '10', text: ITEM10, answer: 'yes', details: null },
        { code: '1', text: ITEM1_EDITED, answer: 'no', details: 'ISMS を2027年度に取得予定' },
        { code: '2', answer: 'yes', details: null },
      ],
      certificates: [],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });

  it('調査票の回答を共有すると、委託元には調査票の前でも改定した評価項目への回答が見える', async () => {
    expect((await vendor.request('PUT', `/api/contractor-portal/profile/shares/${demoLink}`, { sections: ['questionnaire'] })).status).toBe(200);
    const shared = await pms.get(`/api/contractor-portal/links/${demoLink}/profile`);
    expect(shared.status).toBe(200);
    expect((shared.body.questionnaireAnswers as { code: string }[]).map((a) => a.code).sort()).toEqual(['1', '10', '2']);
  });

  it('次の調査票は第2版で送られ、「プロフィールの回答から始める」で改定の項目の回答が見つかり、プロフィールでは「最新の調査票」の項目になる', async () => {
    t.clock.advanceMinutes(2);
    const sent = await pms.request('POST', `/api/contractor-portal/links/${demoLink}/exchanges`, { kind: 'questionnaire', dueOn: addCalendarDays(today, 14) });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const q = await vendor.get(`/api/contractor-portal/exchanges/${sent.body.id}/questionnaire`);
    expect(q.body.criteriaVersion).toBe('org-criteria-2');
    const profile = (await vendor.get('/api/contractor-portal/profile')).body;
    const started = prefillFromProfile(q.body.items, profile.questionnaireAnswers);
    expect(started.answers.map((a) => a.code)).toEqual(['1', '2', '10']);
    expect(profile.items.find((i: Item) => i.code === '10')?.askedVia).toEqual([{ principal: DEMO, via: '最新の調査票' }]);
    expect(profile.shares.find((s: { linkId: string }) => s.linkId === demoLink)).toMatchObject({ criteriaName: '委託先審査表', revision: null });
  });

  it('招待を受けていない委託先と、他の委託元の委託先には何も見えない。委託元自身の受信箱にも出ない（HTTP と RLS）', async () => {
    for (const client of [invitedOnly, otherVendor, pms]) expect(await noticesOf(client)).toEqual([]);
    for (const client of [invitedOnly, otherVendor]) {
      const profile = await profileOf(client);
      expect(profile.items.some((i) => i.askedBy.includes(DEMO) || i.code === '10')).toBe(false);
      expect(profile.shares.some((s) => s.principalName === DEMO)).toBe(false);
    }
    for (const organizationId of [invitedOrg, otherVendorOrg])
      expect(await inOrg(t.database, { organizationId }, async (tx) => (await tx.select().from(contractorPortalCriteriaNotices)).length)).toBe(0);
    // Written once per accepted link: to the demo's 委託先 only.
    const all = await asSystem(t.database, (tx) => tx.select({ to: contractorPortalCriteriaNotices.counterpartyOrganizationId }).from(contractorPortalCriteriaNotices));
    expect(new Set(all.map((r) => r.to))).toEqual(new Set([vendorOrg]));
  });

  it('監査証跡: お知らせは委託元と委託先の両方の組織の証跡に残り、第三の組織には残らない', async () => {
    const ids = (await asSystem(t.database, (tx) => tx.select({ id: contractorPortalCriteriaNotices.id }).from(contractorPortalCriteriaNotices))).map((r) => r.id);
    const rows = await asSystem(t.database, (tx) =>
      tx
        .select({ org: auditLog.organizationId })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'contractor_portal_criteria_notices'), inArray(auditLog.entityId, ids))),
    );
    const orgs = new Set(rows.map((r) => r.org));
    expect(orgs).toEqual(new Set([t.demoOrganizationId, vendorOrg]));
  });
});

type Notification = { kind: string; title: string; body: string; link: string | null; urgent: boolean };

const KIND = 'contractor_criteria_notice';
const criteriaNotificationsOf = async (client: Client) => {
  const r = await client.get('/api/notifications');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.items as Notification[]).filter((n) => n.kind === KIND);
};
/** Every criteria notification in the database, with the organization of the account it went to. */
const allCriteriaNotifications = () =>
  asSystem(t.database, (tx) =>
    tx
      .select({ org: notifications.organizationId, accountOrg: accounts.organizationId, login: accounts.loginId, title: notifications.title, dedupeKey: notifications.dedupeKey })
      .from(notifications)
      .innerJoin(accounts, eq(accounts.id, notifications.accountId))
      .where(eq(notifications.kind, KIND)),
  );

describe('お知らせが届いたことを、委託先で回答する人に通知する（アプリ内）', () => {
  it('承認のたびに、委託先の回答者（contractorPortal.respond）に版ごとの通知が 1 件ずつ届き、受信箱へのリンクがつく', async () => {
    const got = await criteriaNotificationsOf(vendor);
    expect(got.map((n) => n.title)).toEqual([`${DEMO}から評価基準の改定のお知らせが届きました（第2版）`, `${DEMO}から現在の評価基準のお知らせが届きました（第1版）`]);
    expect(got[0]).toMatchObject({ link: '/contractor-portal', urgent: false });
    expect(got[0]?.body).toContain('評価基準「委託先審査表」（10項目）');
  });

  it('委託元の人、委託先で回答しない人、招待を受けていない委託先、他の委託元の委託先には届かない（HTTP と RLS）', async () => {
    const staff = await t.login('staff@hasso.example', 'Staff-pass1!');
    for (const client of [pms, top, staff, invitedOnly, otherVendor]) expect(await criteriaNotificationsOf(client)).toEqual([]);
    for (const organizationId of [t.demoOrganizationId, invitedOrg, otherVendorOrg])
      expect(await inOrg(t.database, { organizationId }, async (tx) => (await tx.select().from(notifications).where(eq(notifications.kind, KIND))).length)).toBe(0);
    // Each row is in the 委託先's organization, for an account of that organization.
    const rows = await allCriteriaNotifications();
    expect(rows.map((r) => [r.org, r.accountOrg, r.login])).toEqual([
      [vendorOrg, vendorOrg, 'vendor@demo.mamori.local'],
      [vendorOrg, vendorOrg, 'vendor@demo.mamori.local'],
    ]);
  });

  it('至急ではないので、至急の通知のメール（配信ジョブ）にはならない', async () => {
    const before = t.sentMail.length;
    await sendUrgentNotificationEmails(t.deps);
    expect(t.sentMail.slice(before).filter((m) => m.subject.includes('評価基準'))).toEqual([]);
  });
});

describe('承認のあとに招待を受けた委託先にも、その時点の評価基準が届く（J.9.4 s)）', () => {
  it('招待を受けると、同じトランザクションで適用中の第2版が「現在の評価基準のお知らせ」として 1 件届き、変更の比較はない', async () => {
    t.clock.advanceMinutes(2);
    const accepted = await invitedOnly.request('POST', '/api/contractor-portal/invitations/accept', { token: kyuyoToken });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const notices = await noticesOf(invitedOnly);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      principalName: DEMO,
      kindLabel: '現在の評価基準のお知らせ',
      versionLabel: '現在の評価基準（第2版）',
      summary: `${DEMO}が委託先の評価に使っている評価基準は「委託先審査表」（第2版、10項目）です。`,
      changes: [],
      changesFrom: null,
    });
    expect(notices[0]?.items.map((i) => i.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // The profile lists item 10 as asked by A before any 調査票.
    expect((await profileOf(invitedOnly)).items.find((i) => i.code === '10')?.askedBy).toEqual([DEMO]);
    // The 委託元 sees the version told to 2 委託先 now.
    expect((await pms.get('/api/contractor-criteria')).body.current).toMatchObject({ versionLabel: '第2版', publishedTo: 2 });
  });

  it('その委託先の回答者にだけ通知が届く（回答しない同じ組織の人、委託元、他の委託先には届かない）', async () => {
    await createUser(
      t.database,
      { loginId: 'staff@kyuyo.example', name: '給与 一郎', organizationName: 'デモ給与計算センター株式会社', role: null, password: 'Staff-pass1!' },
      t.clock.now(),
    );
    const staff = await t.login('staff@kyuyo.example', 'Staff-pass1!');
    expect((await criteriaNotificationsOf(invitedOnly)).map((n) => n.title)).toEqual([`${DEMO}から現在の評価基準のお知らせが届きました（第2版）`]);
    for (const client of [staff, pms, otherVendor]) expect(await criteriaNotificationsOf(client)).toEqual([]);
    expect(await criteriaNotificationsOf(vendor)).toHaveLength(2);
    const rows = await allCriteriaNotifications();
    expect(rows.filter((r) => r.org === invitedOrg).map((r) => [r.accountOrg, r.login])).toEqual([[invitedOrg, 'pms@kyuyo.example']]);
    expect(new Set(rows.map((r) => r.org))).toEqual(new Set([vendorOrg, invitedOrg]));
  });

  it('二度受けても、同じ版をもう一度知らせても、お知らせも通知も増えない（接続と版ごとに一度）', async () => {
    const again = await invitedOnly.request('POST', '/api/contractor-portal/invitations/accept', { token: kyuyoToken });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('この招待はすでに受けられています');
    const [link] = await asSystem(t.database, (tx) => tx.select().from(contractorPortalLinks).where(eq(contractorPortalLinks.counterpartyOrganizationId, invitedOrg)));
    if (!link) throw new Error('the accepted link is missing');
    const version = (await pms.get('/api/contractor-criteria')).body.current;
    if (version.versionNo === null) throw new Error('第2版 is not in force');
    const { versionNo } = version;
    const republished = await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => ({
      approval: await publishCriteriaRevision(tx, t.demoOrganizationId, { version: version.version, versionNo, name: version.name, items: version.items }, t.clock.now()),
      acceptance: await publishCriteriaInForce(tx, link, t.clock.now()),
    }));
    expect(republished).toEqual({ approval: 0, acceptance: 0 });
    expect(await noticesOf(invitedOnly)).toHaveLength(1);
    expect(await noticesOf(vendor)).toHaveLength(2);
    const rows = await allCriteriaNotifications();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(3);
  });

  it('委託元が既定の調査票のままなら、招待を受けても何も届かない（標準の 9 項目はプロフィールがすでに知っている）', async () => {
    await createUser(
      t.database,
      { loginId: 'pms@kosha-hasso2.example', name: '発送 四郎', organizationName: '公社第二発送株式会社', role: 'pms_manager', password: 'Hasso-pass1!' },
      t.clock.now(),
    );
    const second = await t.login('pms@kosha-hasso2.example', 'Hasso-pass1!');
    const kosha = await t.login('pms@kosha.example', 'Kosha-pass1!');
    const contractor = await kosha.request('POST', '/api/contractors', { name: '公社第二発送株式会社', entrustedWork: '通知書の発送' });
    const invited = await kosha.request('POST', '/api/contractor-portal/invitations', { contractorId: contractor.body.id, email: 'pms@kosha-hasso2.example' });
    expect((await second.request('POST', '/api/contractor-portal/invitations/accept', { token: invited.body.invitationToken })).status).toBe(200);
    expect(await noticesOf(second)).toEqual([]);
    expect(await criteriaNotificationsOf(second)).toEqual([]);
  });
});
