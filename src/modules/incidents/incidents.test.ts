import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { typedDateTime } from '../../domain/timeInput.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { asSystem, rowsOf } from '../../platform/db/tenancy.ts';
import { notifications } from '../../platform/notifications/notifications.tables.ts';
import { sendUrgentNotificationEmails } from '../../platform/notifications/reminders.ts';
import { escalateIncidentDeadlines } from './incidents.jobs.ts';
import { incidents } from './incidents.tables.ts';

// HTTP tests of M4 緊急事態・事故等 against a real database (PGlite or PostgreSQL), one per
// business rule. The clock is fixed: 知った日 2026-03-02 (Monday).

let t: TestApp;
let pms: Client;
let top: Client;
let sales: Client;
let staff: Client;
const KNOWN = '2026-03-02';

async function loginAll() {
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
}

/** Moves the clock (sessions idle out after 10 minutes, so everyone signs in again). */
async function setClock(at: string) {
  t.clock.set(at);
  await loginAll();
}

async function accountId(loginId: string): Promise<string> {
  const [row] = await asSystem(t.database, (tx) => tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.loginId, loginId)));
  if (!row) throw new Error(`no account ${loginId}`);
  return row.id;
}

async function notificationsOf(loginId: string, kind: string) {
  const id = await accountId(loginId);
  return asSystem(t.database, (tx) =>
    tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, id), eq(notifications.kind, kind))),
  );
}

async function report(client: Client, body: Record<string, unknown> = {}) {
  const r = await client.request('POST', '/api/incidents', { title: 'USBメモリの紛失', summary: '患者記録を保存したUSBメモリを帰宅途中に紛失した（山田様ほか）', ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; number: string };
}

const lostUsbFacts = { profile: 'private', knownOn: KNOWN, events: ['loss'], sensitive: true, persons: 30 };

async function putFacts(client: Client, id: string, facts: Record<string, unknown>) {
  return client.request('PUT', `/api/incidents/${id}/facts`, { facts });
}

type DutyJson = {
  id: string;
  kind: string;
  active: boolean;
  status: string;
  dueOn: string | null;
  targetFrom: string | null;
  targetTo: string | null;
  basis: string;
  reason: string;
  overdue: boolean;
};

async function detail(client: Client, id: string) {
  const r = await client.get(`/api/incidents/${id}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as {
    duties: DutyJson[];
    facts: Record<string, unknown>;
    evaluation: { exclusions: { id: string; reason: string; removes: string[] }[] };
    status: string;
    phase: string;
    [key: string]: unknown;
  };
}

const active = (duties: DutyJson[]) => duties.filter((d) => d.active);
const byKind = (duties: DutyJson[], kind: string) => duties.find((d) => d.kind === kind);

beforeAll(async () => {
  t = await buildTestApp();
  await setClock(`${KNOWN}T10:00:00+09:00`);
});
afterAll(() => t.close());

describe('事故等の報告（全従業者、事実が未確定でも直ちに: 4-8-11 (1) 注）', () => {
  it('一般の従業者が件名と状況だけで報告でき、受付番号が付き、知った日は今日になる', async () => {
    const r = await report(staff);
    expect(r.number).toMatch(/^INC-2026-\d{4}$/);
    const row = await asSystem(t.database, (tx) => tx.select().from(incidents).where(eq(incidents.id, r.id)));
    expect(row[0]).toMatchObject({ status: 'reported', phase: 'discovery', knownOn: KNOWN });
    expect(row[0]?.facts).toMatchObject({ profile: 'private', privacyMark: true, knownOn: KNOWN });
    // The reporter follows their report by number.
    const mine = await staff.get('/api/me/incident-reports');
    expect(mine.body.items.map((i: { number: string }) => i.number)).toContain(r.number);
  });

  it('個人情報保護管理者と発生部署の所属長に至急通知（アプリ内＋メール）、報告内容はメールに書かない', async () => {
    const r = await report(staff, { title: '顧客リストの置き忘れ', summary: '電車の網棚に顧客リスト（鈴木様の連絡先）を置き忘れた' });
    const toPms = (await notificationsOf('pms@demo.mamori.local', 'incident_reported')).filter((n) => n.link === `/incidents/${r.id}`);
    const toSales = (await notificationsOf('sales-head@demo.mamori.local', 'incident_reported')).filter((n) => n.link === `/incidents/${r.id}`);
    const toTop = (await notificationsOf('top@demo.mamori.local', 'incident_reported')).filter((n) => n.link === `/incidents/${r.id}`);
    expect(toPms).toHaveLength(1);
    expect(toSales).toHaveLength(1);
    expect(toTop).toHaveLength(0);
    expect(toPms[0]?.urgent).toBe(true);
    expect(toPms[0]?.title).toContain(r.number);
    t.sentMail.length = 0;
    await sendUrgentNotificationEmails(t.deps);
    const mails = t.sentMail.filter((m) => m.subject.includes(r.number));
    expect(mails.map((m) => m.to).sort()).toEqual(['pms@demo.mamori.local', 'sales-head@demo.mamori.local']);
    for (const m of mails) {
      expect(m.text).not.toContain('鈴木様');
      expect(m.text).toContain('メールには記載していません');
    }
  });

  it('報告時に事象を選ぶとすぐ判定: Pマーク付与事業者は漏えい1件でも審査機関への確報（J.4.4.2）', async () => {
    const r = await report(staff, { events: ['leak'] });
    const d = await detail(pms, r.id);
    expect(byKind(active(d.duties), 'jipdec_final')?.dueOn).toBe('2026-03-31');
  });

  it('入力誤りは 400/422 で項目名つきの日本語、1行も書かない', async () => {
    const count = async () => (await asSystem(t.database, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(incidents)))[0]?.n;
    const before = await count();
    const missing = await staff.request('POST', '/api/incidents', { summary: '状況のみ' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toContainEqual({ path: 'title', message: '件名（何が起きたか）を入力してください' });
    const future = await staff.request('POST', '/api/incidents', { title: 'x', summary: 'y', knownOn: '2026-03-10' });
    expect(future.status).toBe(422);
    expect(future.body.error.fields?.[0]?.path).toBe('knownOn');
    const badEvent = await staff.request('POST', '/api/incidents', { title: 'x', summary: 'y', events: ['explosion'] });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.error.message).toContain('事象');
    expect(await count()).toBe(before);
  });
});

describe('閲覧の範囲（個人データを含むため最小権限）', () => {
  it('一般の従業者は一覧・詳細を見られない（403）。所属長は自部署の事案だけ、他部署は 404', async () => {
    const own = await report(staff);
    expect((await staff.get('/api/incidents')).status).toBe(403);
    expect((await staff.get(`/api/incidents/${own.id}`)).status).toBe(403);
    expect((await sales.get(`/api/incidents/${own.id}`)).status).toBe(200);
    // 佐藤 花子 (総務部) reports an incident of 総務部: the 営業部長 does not see it.
    const other = await report(pms, { title: '総務部の書類の紛失' });
    expect((await sales.get(`/api/incidents/${other.id}`)).status).toBe(404);
    const list = await sales.get('/api/incidents?pageSize=200');
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(own.id);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(other.id);
    expect((await top.get(`/api/incidents/${other.id}`)).status).toBe(200);
  });

  it('詳細の閲覧は個人データの閲覧として記録される（SPEC §3）', async () => {
    const r = await report(staff);
    await pms.get(`/api/incidents/${r.id}`);
    const reads = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'read'), eq(auditLog.entityType, 'incidents'), eq(auditLog.entityId, r.id))),
    );
    expect(reads).toHaveLength(1);
  });

  it('報告内容・経過・問い合わせ者は暗号化して保存（SPEC §9）', async () => {
    const r = await report(staff, { summary: '秘密の内容: 佐々木様の診療記録' });
    const raw = rowsOf<{ report_summary_enc: string }>(await asSystem(t.database, (tx) => tx.execute(sql`select report_summary_enc from incidents where id = ${r.id}`)));
    expect(raw[0]?.report_summary_enc).not.toContain('佐々木');
    expect((await detail(pms, r.id)).reportSummary).toContain('佐々木様');
  });
});

describe('事実 → 報告等の義務（SPEC §5.1、事実の変更のたびに再判定）', () => {
  let id: string;
  beforeAll(async () => {
    id = (await report(staff)).id;
  });

  it('要配慮個人情報を含む紛失（30人）: 個人情報保護委員会への速報（目安3〜5日目）と確報（30日目）、規則第7条第1号', async () => {
    const r = await putFacts(pms, id, lostUsbFacts);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.rulesVersion).toBe('appi-2024-04');
    const d = await detail(pms, id);
    const preliminary = byKind(active(d.duties), 'ppc_preliminary');
    expect(preliminary).toMatchObject({ targetFrom: '2026-03-04', targetTo: '2026-03-06', dueOn: null });
    const final = byKind(active(d.duties), 'ppc_final');
    expect(final?.dueOn).toBe('2026-03-31');
    expect(final?.basis).toContain('規則第8条第2項');
    expect(final?.reason).toContain('要配慮個人情報');
    expect(d.status).toBe('responding');
  });

  it('組織の区分とPマークは組織情報から（要求の値は使わない）', async () => {
    await putFacts(pms, id, { ...lostUsbFacts, profile: 'public', privacyMark: false });
    const d = await detail(pms, id);
    expect(d.facts).toMatchObject({ profile: 'private', privacyMark: true });
    expect(byKind(active(d.duties), 'public_body_report')).toBeUndefined();
    expect(byKind(active(d.duties), 'jipdec_final')?.dueOn).toBe('2026-03-31');
  });

  it('義務が新たに生じると個人情報保護管理者に至急通知（SPEC §5.1）', async () => {
    const fresh = (await report(staff)).id;
    const before = (await notificationsOf('pms@demo.mamori.local', 'incident_duty_added')).length;
    await putFacts(pms, fresh, lostUsbFacts);
    const added = (await notificationsOf('pms@demo.mamori.local', 'incident_duty_added')).filter((n) => n.link === `/incidents/${fresh}`);
    expect(added.length).toBeGreaterThanOrEqual(4);
    expect(added.every((n) => n.urgent)).toBe(true);
    expect(added.map((n) => n.title).join('\n')).toContain('個人情報保護委員会への確報');
    // Saving the same facts again adds nothing and notifies nobody.
    await putFacts(pms, fresh, lostUsbFacts);
    expect((await notificationsOf('pms@demo.mamori.local', 'incident_duty_added')).length).toBe(before + added.length);
  });

  it('高度な暗号化等（規則第7条第1号括弧書）: 委員会への報告と本人通知（法）は除かれ、理由が示される。Pマークの確報は残る', async () => {
    await putFacts(pms, id, { ...lostUsbFacts, highLevelEncryption: true });
    const d = await detail(pms, id);
    expect(byKind(active(d.duties), 'ppc_preliminary')).toBeUndefined();
    expect(byKind(active(d.duties), 'ppc_final')).toBeUndefined();
    // The removed duties stay on record, marked removed.
    expect(byKind(d.duties, 'ppc_final')?.active).toBe(false);
    const exclusion = d.evaluation.exclusions.find((e) => e.id === 'appi_encryption');
    expect(exclusion?.reason).toContain('高度な暗号化');
    expect(exclusion?.removes).toContain('ppc_final');
    expect(byKind(active(d.duties), 'jipdec_final')?.dueOn).toBe('2026-03-31');
  });

  it('暗号化の鍵も漏えいしていた（フラグを戻す）: 委員会への義務が戻り、新たな義務として通知される', async () => {
    const before = (await notificationsOf('pms@demo.mamori.local', 'incident_duty_added')).filter((n) => n.link === `/incidents/${id}`).length;
    const r = await putFacts(pms, id, lostUsbFacts);
    expect(r.body.added.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['ppc_preliminary', 'ppc_final']));
    const after = (await notificationsOf('pms@demo.mamori.local', 'incident_duty_added')).filter((n) => n.link === `/incidents/${id}`).length;
    expect(after).toBeGreaterThan(before);
  });

  it('事実の変更で義務がなくなると、先の「新たな報告等の義務」の通知は閉じ、理由つきの「不要になりました」が届く（規則第7条第1号括弧書）', async () => {
    const ofIncident = async (kind: string) => (await notificationsOf('pms@demo.mamori.local', kind)).filter((n) => n.link === `/incidents/${id}`);
    const openAdded = (await ofIncident('incident_duty_added')).filter((n) => n.readAt === null && n.title.includes('個人情報保護委員会への確報'));
    expect(openAdded.length).toBeGreaterThan(0);
    const r = await putFacts(pms, id, { ...lostUsbFacts, highLevelEncryption: true });
    expect(r.body.removed.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['ppc_preliminary', 'ppc_final']));
    // The earlier notices of the removed duty are closed …
    const added = await ofIncident('incident_duty_added');
    for (const notice of openAdded) expect(added.find((n) => n.id === notice.id)?.readAt, notice.title).not.toBeNull();
    expect(added.filter((n) => n.readAt === null && n.title.includes('個人情報保護委員会'))).toEqual([]);
    // … and a notice says the duty is no longer needed, with the changed fact and the clause.
    const removed = (await ofIncident('incident_duty_removed')).find((n) => n.title.includes('個人情報保護委員会への確報'));
    expect(removed?.title).toMatch(/^【不要になりました】INC-\d{4}-\d{4} 個人情報保護委員会への確報$/);
    expect(removed?.readAt).toBeNull();
    expect(removed?.body).toContain('「高度な暗号化等（復号鍵は漏えいしていない）」: なし → 該当');
    expect(removed?.body).toContain('施行規則第7条第1号');
    expect(removed?.body).toContain('高度な暗号化');
    expect(removed?.body).not.toMatch(/highLevelEncryption|ppc_final/);
    // Facts back: the duty returns as news, and its new notice is open.
    await putFacts(pms, id, lostUsbFacts);
    expect((await ofIncident('incident_duty_added')).some((n) => n.readAt === null && n.title.includes('個人情報保護委員会への確報'))).toBe(true);
  });

  it('事象を外すと義務はなくなるが「事故に当たらない」とは言わず、不足している事実（事象）を示す（通則編3-5-1）', async () => {
    const r = await putFacts(pms, id, { ...lostUsbFacts, events: [] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d = await detail(pms, id);
    expect(active(d.duties)).toEqual([]);
    expect((d.evaluation as unknown as { missingFacts: { label: string }[] }).missingFacts.map((m) => m.label)).toEqual(['事象（何が起きたか）']);
    const removed = (await notificationsOf('pms@demo.mamori.local', 'incident_duty_removed')).filter((n) => n.link === `/incidents/${id}` && n.title.includes('審査機関'));
    expect(removed.at(-1)?.body).toContain('判定に必要な事実が不足しています（事象（何が起きたか））');
    if (!skipPdfChecks) {
      const record = pdfText((await pms.request('GET', `/api/incidents/${id}/record.pdf`)).raw).replace(/\s+/g, '');
      expect(record).toContain('事実が不足しているため、報告等の義務をまだ判定できません。');
      expect(record).toContain('不足している事実：事象（何が起きたか）');
    }
    await putFacts(pms, id, lostUsbFacts);
  });

  it('不正の目的のおそれ（第7条第3号）: 確報は60日以内', async () => {
    await putFacts(pms, id, { ...lostUsbFacts, improperPurpose: true });
    const d = await detail(pms, id);
    // Day 60 from 2026-03-02 is 2026-04-30 (Thursday).
    expect(byKind(active(d.duties), 'ppc_final')?.dueOn).toBe('2026-04-30');
    await putFacts(pms, id, lostUsbFacts);
  });

  it('事実の誤り（未知の項目・負の人数・未来の知った日）は 400/422、事実も義務も変わらない', async () => {
    const revision = (await detail(pms, id)).factsRevision;
    const unknown = await putFacts(pms, id, { ...lostUsbFacts, encrypted: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('不明な項目です: encrypted');
    const negative = await putFacts(pms, id, { ...lostUsbFacts, persons: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.error.fields?.[0]?.path).toBe('facts.persons');
    // issue 10: the Japanese label and what was typed, never the key (「本人の数（persons）」).
    expect(negative.body.error.fields?.[0]?.message).toBe('本人の数は0以上で入力してください（入力値: -1）');
    const notFlag = await putFacts(pms, id, { ...lostUsbFacts, sensitive: 'yes' });
    expect(notFlag.status).toBe(400);
    expect(notFlag.body.error.fields).toContainEqual({ path: 'facts.sensitive', message: '要配慮個人情報は「はい」か「いいえ」で指定してください' });
    const future = await putFacts(pms, id, { ...lostUsbFacts, knownOn: '2026-03-09' });
    expect(future.status).toBe(422);
    expect((await detail(pms, id)).factsRevision).toBe(revision);
  });

  it('本人の数「約1,200人」は概数のまま記録され（1,200・概数）、義務の理由も概数と言う。文字の人数は 400 で読み替えない（規則第7条第4号）', async () => {
    const approximate = await putFacts(pms, id, { ...lostUsbFacts, sensitive: false, persons: 1200, personsApproximate: true });
    expect(approximate.status).toBe(200);
    const d = await detail(pms, id);
    expect(d.facts).toMatchObject({ persons: 1200, personsApproximate: true });
    expect(byKind(active(d.duties), 'ppc_final')?.reason).toContain('約1200人・概数');
    const typed = await putFacts(pms, id, { ...lostUsbFacts, persons: '約1,200人' });
    expect(typed.status).toBe(400);
    expect(typed.body.error.fields).toContainEqual({ path: 'facts.persons', message: '本人の数は数値（人数）で入力してください（入力値: 約1,200人）' });
    const words = await putFacts(pms, id, { ...lostUsbFacts, persons: '数千人' });
    expect(words.body.error.fields).toContainEqual({ path: 'facts.persons', message: expect.stringContaining('本人の数は整数で入力してください') });
    await putFacts(pms, id, lostUsbFacts);
  });

  it('事実を更新できるのは個人情報保護管理者の側（所属長は 403）', async () => {
    expect((await putFacts(sales, id, lostUsbFacts)).status).toBe(403);
  });
});

describe('義務の対応状況（対応日・対応者・受付番号）', () => {
  let id: string;
  let duties: DutyJson[];
  beforeAll(async () => {
    id = (await report(staff)).id;
    await putFacts(pms, id, lostUsbFacts);
    duties = active((await detail(pms, id)).duties);
  });

  it('対応済みには対応日が、対応不要には理由が要る（400、項目名つき）', async () => {
    const duty = byKind(duties, 'ppc_preliminary');
    const noDate = await pms.request('PUT', `/api/incident-duties/${duty?.id}`, { status: 'done' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.fields).toContainEqual({ path: 'doneOn', message: '対応済みにするときは対応日を入力してください' });
    const noReason = await pms.request('PUT', `/api/incident-duties/${duty?.id}`, { status: 'not_required' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields?.[0]?.path).toBe('note');
  });

  it('対応日は知った日から今日まで', async () => {
    const duty = byKind(duties, 'ppc_preliminary');
    const early = await pms.request('PUT', `/api/incident-duties/${duty?.id}`, { status: 'done', doneOn: '2026-03-01' });
    expect(early.status).toBe(422);
    expect(early.body.error.fields?.[0]?.path).toBe('doneOn');
  });

  it('速報を報告済みに: 対応日・対応者・受付番号が残り、カウントダウンから外れる', async () => {
    const duty = byKind(duties, 'ppc_preliminary');
    const r = await pms.request('PUT', `/api/incident-duties/${duty?.id}`, { status: 'done', doneOn: KNOWN, referenceNumber: 'PPC-2026-000123' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d = byKind((await detail(pms, id)).duties, 'ppc_preliminary') as DutyJson & { doneByName: string; referenceNumber: string };
    expect(d).toMatchObject({ status: 'done', doneByName: '佐藤 花子', referenceNumber: 'PPC-2026-000123' });
    const dash = await pms.get('/api/incidents/dashboard');
    expect(dash.body.duties.map((x: { id: string }) => x.id)).not.toContain(duty?.id);
    expect(dash.body.duties.map((x: { id: string }) => x.id)).toContain(byKind(duties, 'ppc_final')?.id);
  });

  it('事実の変更で不要になった義務には状況を記録できない（409）', async () => {
    await putFacts(pms, id, { ...lostUsbFacts, highLevelEncryption: true });
    const final = byKind(duties, 'ppc_final');
    const r = await pms.request('PUT', `/api/incident-duties/${final?.id}`, { status: 'done', doneOn: KNOWN });
    expect(r.status).toBe(409);
    await putFacts(pms, id, lostUsbFacts);
  });
});

describe('対応経過・緊急事態対策会議・外部からの問い合わせ', () => {
  let id: string;
  beforeAll(async () => {
    id = (await report(staff)).id;
  });

  it('経過を記録すると対応段階が進む（初動対応 → 調査 → 通知・報告・公表 …）', async () => {
    const r = await pms.request('POST', `/api/incidents/${id}/timeline`, {
      phase: 'investigation',
      occurredAt: `${KNOWN}T10:30:00+09:00`,
      action: '5W1H で状況を整理',
      actorName: '佐藤 花子',
    });
    expect(r.status).toBe(201);
    const d = await detail(pms, id);
    expect(d.phase).toBe('investigation');
    // An earlier step recorded later does not move the incident back.
    await pms.request('POST', `/api/incidents/${id}/timeline`, { phase: 'initial_response', occurredAt: `${KNOWN}T10:15:00+09:00`, action: '警察へ遺失届' });
    expect((await detail(pms, id)).phase).toBe('investigation');
    const timeline = (await detail(pms, id)).timeline as { phase: string; action: string }[];
    expect(timeline.map((x) => x.phase)).toEqual(['discovery', 'initial_response', 'investigation']);
  });

  it('対策会議の議事録と外部からの問い合わせ（回答日時は受付日時以降）', async () => {
    const meeting = await pms.request('POST', `/api/incidents/${id}/meetings`, {
      heldAt: `${KNOWN}T11:00:00+09:00`,
      attendees: '山田、佐藤、田中',
      minutes: '対応方針を決定',
      decisions: '本人へ通知する',
    });
    expect(meeting.status).toBe(201);
    const bad = await pms.request('POST', `/api/incidents/${id}/enquiries`, {
      receivedAt: `${KNOWN}T12:00:00+09:00`,
      channel: 'phone',
      enquirerKind: 'individual',
      content: '自分の情報は含まれるか',
      respondedAt: `${KNOWN}T11:00:00+09:00`,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields?.[0]?.path).toBe('respondedAt');
    const ok = await pms.request('POST', `/api/incidents/${id}/enquiries`, {
      receivedAt: `${KNOWN}T12:00:00+09:00`,
      channel: 'phone',
      enquirerKind: 'individual',
      enquirerName: '高木 一郎',
      content: '自分の情報は含まれるか',
    });
    expect(ok.status).toBe(201);
    const d = await detail(pms, id);
    expect((d.meetings as unknown[]).length).toBe(1);
    expect((d.enquiries as { enquirerName: string }[])[0]?.enquirerName).toBe('高木 一郎');
    const raw = rowsOf<{ v: string }>(await asSystem(t.database, (tx) => tx.execute(sql`select enquirer_name_enc as v from incident_enquiries where id = ${ok.body.id}`)));
    expect(raw[0]?.v).not.toContain('高木');
  });

  it('5W1H・報告事項・影響を受けた個人情報（台帳 M1 未導入の間は自由記述）', async () => {
    const r = await pms.request('PATCH', `/api/incidents/${id}`, {
      narrative: { when: '3月1日 夜', where: '帰宅途中の電車内', who: '医事課職員', what: '患者30名の診療記録を保存したUSBメモリ', why: '持出し手順の不遵守', how: '紛失した' },
      details: { cause: '持出し申請なしの持ち出し', recurrencePrevention: '暗号化USBの支給と持出し記録の徹底' },
      affectedRecords: [{ name: '患者診療記録', items: '氏名・生年月日・病名', persons: 30, medium: 'USBメモリ' }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d = await detail(pms, id);
    expect(d.narrative).toMatchObject({ where: '帰宅途中の電車内' });
    expect(d.details).toMatchObject({ cause: '持出し申請なしの持ち出し', secondaryDamage: null });
    expect(d.affectedRecords).toEqual([{ inventoryEntryId: null, name: '患者診療記録', items: '氏名・生年月日・病名', persons: 30, medium: 'USBメモリ' }]);
    const bad = await pms.request('PATCH', `/api/incidents/${id}`, { title: '新しい件名', affectedRecords: [{ name: '', persons: -3 }] });
    expect(bad.status).toBe(400);
    // issue 10: 件数 −3 is a field error quoting what was typed (never saved as 0).
    expect(bad.body.error.fields).toContainEqual({ path: 'affectedRecords.0.persons', message: '件数（人数）は0以上で入力してください（入力値: -3）' });
    const longTitle = await pms.request('PATCH', `/api/incidents/${id}`, { title: 'あ'.repeat(150) });
    expect(longTitle.status).toBe(400);
    expect(longTitle.body.error.fields).toContainEqual({ path: 'title', message: '件名は100文字以内で入力してください（150文字入力されています）' });
    expect((await detail(pms, id)).title).toBe('USBメモリの紛失');
  });

  it('発見日時は記録で直せる。時刻の読めない欄（25時・午後13時）は入力値を示して 400、何も変えない', async () => {
    // The web's date-and-time field sends its parts as typed while they do not read (domain/timeInput.ts).
    const late = await pms.request('PATCH', `/api/incidents/${id}`, { title: '新しい件名', discoveredAt: typedDateTime('2026/03/01', '25時') });
    expect(late.status).toBe(400);
    expect(late.body.error.fields).toContainEqual({
      path: 'discoveredAt',
      message: '発見日時の時刻に24時以降は使えません（入力値: 25時）。翌日の日付にして 0:00〜 の時刻で入力してください',
    });
    const afternoon = await pms.request('PATCH', `/api/incidents/${id}`, { discoveredAt: typedDateTime('令和8年3月1日', '午後13時') });
    expect(afternoon.body.error.fields).toContainEqual({ path: 'discoveredAt', message: expect.stringContaining('（入力値: 午後13時）') });
    expect((await detail(pms, id)).title).toBe('USBメモリの紛失');
    const fixed = await pms.request('PATCH', `/api/incidents/${id}`, { discoveredAt: '2026-03-01T14:30:00+09:00' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect((await detail(pms, id)).discoveredAt).toBe('2026-03-01T05:30:00.000Z');
  });

  it('影響を受けた個人情報は個人情報管理台帳の項目にリンクできる。組織の台帳にない項目は、その行の項目のエラーで断り、何も変えない', async () => {
    const entries = await pms.request('GET', '/api/inventory/entries?pageSize=1');
    const entry = (entries.body.items as { id: string; name: string }[])[0]!;
    const linked = await pms.request('PATCH', `/api/incidents/${id}`, {
      affectedRecords: [{ inventoryEntryId: entry.id, name: entry.name, items: '氏名', persons: 5, medium: '紙' }],
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect((await detail(pms, id)).affectedRecords).toEqual([{ inventoryEntryId: entry.id, name: entry.name, items: '氏名', persons: 5, medium: '紙' }]);
    const unknown = await pms.request('PATCH', `/api/incidents/${id}`, {
      title: 'リンクの試験',
      affectedRecords: [
        { inventoryEntryId: entry.id, name: entry.name, items: null, persons: null, medium: null },
        { inventoryEntryId: '00000000-0000-4000-8000-000000000000', name: '存在しない台帳', items: null, persons: null, medium: null },
      ],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toContainEqual({
      path: 'affectedRecords.1.inventoryEntryId',
      message: '影響を受けた個人情報の2行目: 個人情報管理台帳の項目が見つかりません',
    });
    const after = await detail(pms, id);
    expect(after.title).toBe('USBメモリの紛失');
    expect((after.affectedRecords as unknown[]).length).toBe(1);
  });
});

describe('出力（緊急事態対応記録・漏えい等報告の下書き・本人通知の下書き）', () => {
  let id: string;
  beforeAll(async () => {
    id = (await report(staff)).id;
    await putFacts(pms, id, lostUsbFacts);
    await pms.request('PATCH', `/api/incidents/${id}`, {
      narrative: { when: '2026年3月1日 20時頃', where: '電車内', who: '職員', what: '患者30名の診療記録', why: null, how: 'USBメモリごと紛失' },
      details: {
        cause: '持出し手順の不遵守',
        secondaryDamage: '現時点で不正利用の報告なし',
        individualResponse: '書面で通知予定',
        publicationStatus: 'ウェブサイトで公表予定',
        recurrencePrevention: '暗号化USBの支給',
        otherNotes: '問い合わせ窓口: 総務部 03-0000-0000',
      },
      affectedRecords: [{ name: '患者診療記録', items: '氏名・生年月日・病名', persons: 30, medium: 'USBメモリ' }],
    });
  });

  it('3つの PDF を出力でき、出力は個人データの出力として記録される', async () => {
    for (const path of ['record.pdf', 'breach-report.pdf', 'notice-letter.pdf'] as const) {
      const r = await pms.request('GET', `/api/incidents/${id}/${path}`);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(r.raw.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const exports = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'export'), eq(auditLog.entityType, 'incidents'), eq(auditLog.entityId, id))),
    );
    expect(exports).toHaveLength(3);
  });

  it.skipIf(skipPdfChecks)('漏えい等報告の下書きは施行規則第8条第1項の9項目を持つ', async () => {
    const text = pdfText((await pms.request('GET', `/api/incidents/${id}/breach-report.pdf`)).raw).replace(/\s+/g, '');
    for (const item of [
      '概要',
      '個人データの項目',
      '本人の数',
      '原因',
      '二次被害又はそのおそれの有無及びその内容',
      '本人への対応の実施状況',
      '公表の実施状況',
      '再発防止のための措置',
      'その他参考となる事項',
    ]) {
      expect(text, item).toContain(item);
    }
    expect(text).toContain('30人');
    expect(text).toContain('持出し手順の不遵守');
  });

  it.skipIf(skipPdfChecks)('本人通知の下書きは第1・2・4・5・9号（本人の数・再発防止・公表は含まない）', async () => {
    const text = pdfText((await pms.request('GET', `/api/incidents/${id}/notice-letter.pdf`)).raw).replace(/\s+/g, '');
    for (const item of ['概要', '個人情報の項目', '原因', '二次被害又はそのおそれの有無及びその内容', 'その他参考となる事項', '問い合わせ窓口:総務部'])
      expect(text, item).toContain(item);
    expect(text).not.toContain('暗号化USBの支給');
    expect(text).not.toContain('ウェブサイトで公表予定');
  });

  it.skipIf(skipPdfChecks)('緊急事態対応記録は義務・経過・会議・問い合わせ・承認欄を持つ', async () => {
    const text = pdfText((await pms.request('GET', `/api/incidents/${id}/record.pdf`)).raw).replace(/\s+/g, '');
    for (const item of ['緊急事態対応記録', '個人情報保護委員会への確報', '対応経過', '緊急事態対策会議', '外部からの問い合わせ', 'トップマネジメント', '患者診療記録'])
      expect(text, item).toContain(item);
  });
});

describe('カウントダウンと期限超過のエスカレーション（メール）', () => {
  let id: string;
  beforeAll(async () => {
    await setClock(`${KNOWN}T10:00:00+09:00`);
    id = (await report(staff)).id;
    await putFacts(pms, id, lostUsbFacts);
  });

  it('ダッシュボードは未対応の義務を期限の近い順に、残り日数つきで返す', async () => {
    const r = await pms.get('/api/incidents/dashboard');
    expect(r.status).toBe(200);
    const mine = r.body.duties.filter((d: { incident: { id: string } }) => d.incident.id === id);
    const preliminary = mine.find((d: { kind: string }) => d.kind === 'ppc_preliminary');
    expect(preliminary).toMatchObject({ deadline: '2026-03-06', daysLeft: 4, overdue: false });
    const deadlines = r.body.duties.map((d: { deadline: string | null }) => d.deadline ?? '9999');
    expect([...deadlines].sort()).toEqual(deadlines);
    expect((await staff.get('/api/incidents/dashboard')).status).toBe(403);
  });

  it('期限（目安）を過ぎた義務は個人情報保護管理者・トップ・所属長へ至急通知とメール。2回目は送らない（冪等）', async () => {
    await setClock('2026-03-07T10:00:00+09:00');
    t.sentMail.length = 0;
    const first = await escalateIncidentDeadlines(t.deps);
    expect(first.skipped).toBe(false);
    expect(first.escalated).toBeGreaterThan(0);
    const overdue = (await notificationsOf('top@demo.mamori.local', 'incident_duty_overdue')).filter((n) => n.link === `/incidents/${id}`);
    expect(overdue.map((n) => n.title).join('\n')).toContain('個人情報保護委員会への速報');
    expect((await notificationsOf('sales-head@demo.mamori.local', 'incident_duty_overdue')).some((n) => n.link === `/incidents/${id}`)).toBe(true);
    expect(t.sentMail.some((m) => m.subject.includes('【期限超過】') && m.to === 'top@demo.mamori.local')).toBe(true);
    const sent = t.sentMail.length;
    const second = await escalateIncidentDeadlines(t.deps);
    expect(second.escalated).toBe(0);
    expect(t.sentMail.length).toBe(sent);
    const dash = await pms.get('/api/incidents/dashboard');
    const preliminary = dash.body.duties.find((d: { incident: { id: string }; kind: string }) => d.incident.id === id && d.kind === 'ppc_preliminary');
    expect(preliminary).toMatchObject({ overdue: true, daysLeft: -1 });
  });

  it('期限の前日には個人情報保護管理者へ一度だけ知らせる', async () => {
    await setClock('2026-03-30T10:00:00+09:00');
    await escalateIncidentDeadlines(t.deps);
    await escalateIncidentDeadlines(t.deps);
    const soon = (await notificationsOf('pms@demo.mamori.local', 'incident_duty_due_soon')).filter((n) => n.link === `/incidents/${id}` && n.title.includes('確報'));
    expect(soon.length).toBeGreaterThanOrEqual(1);
    expect(new Set(soon.map((n) => n.dedupeKey)).size).toBe(soon.length);
  });
});

describe('是正処置の起票と終結（個人情報保護管理者 → トップマネジメント）', () => {
  let id: string;
  beforeAll(async () => {
    await setClock(`${KNOWN}T15:00:00+09:00`);
    id = (await report(staff)).id;
    await putFacts(pms, id, lostUsbFacts);
  });

  it('できること（abilities）: 記録の変更は個人情報保護管理者の側、終結の申請と是正処置の起票は当該所属の所属長も', async () => {
    expect((await detail(pms, id)).abilities).toEqual({ edit: true, submitClosure: true, openCorrective: true });
    expect((await detail(sales, id)).abilities).toEqual({ edit: false, submitClosure: true, openCorrective: true });
    expect((await detail(top, id)).abilities).toEqual({ edit: false, submitClosure: false, openCorrective: false });
  });

  it('原因が未記入なら是正処置は起票できない。記入後は1事案に1件（2回目は同じものを返す）', async () => {
    const early = await pms.request('POST', `/api/incidents/${id}/corrective-action`, {});
    expect(early.status).toBe(422);
    expect(early.body.error.fields?.[0]?.path).toBe('details.cause');
    await pms.request('PATCH', `/api/incidents/${id}`, { details: { cause: '持出し手順の不遵守' } });
    const first = await pms.request('POST', `/api/incidents/${id}/corrective-action`, {});
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ sourceType: 'incident', sourceId: id, status: 'draft' });
    // The cause stays in the incident (personal data is referenced, not copied: #11-6).
    expect(first.body.content).not.toContain('持出し手順の不遵守');
    const again = await pms.request('POST', `/api/incidents/${id}/corrective-action`, {});
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await detail(pms, id)).correctiveAction).toMatchObject({ id: first.body.id, status: 'draft', statusLabel: '計画作成中' });
    expect((await detail(pms, id)).abilities).toMatchObject({ openCorrective: false });
  });

  it('未対応の義務があると終結を申請できない（422、義務の名前を示す）', async () => {
    const r = await sales.request('POST', `/api/incidents/${id}/closure`);
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('個人情報保護委員会への確報');
  });

  it('個人情報保護管理者が1人だけでも終結を申請できる: その段は次の段（トップマネジメント）の承認に含まれる（issue 10、SPEC §5.4）', async () => {
    for (const duty of active((await detail(pms, id)).duties)) {
      const r = await pms.request('PUT', `/api/incident-duties/${duty.id}`, { status: 'done', doneOn: KNOWN, referenceNumber: `REF-${duty.kind}` });
      expect(r.status).toBe(200);
    }
    const noPrevention = await sales.request('POST', `/api/incidents/${id}/closure`);
    expect(noPrevention.status).toBe(422);
    expect(noPrevention.body.error.fields?.[0]?.path).toBe('details.recurrencePrevention');
    await pms.request('PATCH', `/api/incidents/${id}`, { details: { cause: '持出し手順の不遵守', recurrencePrevention: '暗号化USBの支給' } });
    const byPms = await pms.request('POST', `/api/incidents/${id}/closure`);
    expect(byPms.status, JSON.stringify(byPms.body)).toBe(201);
    const approval = await pms.get(`/api/approvals/${byPms.body.approvalRequestId}`);
    expect(approval.body.request).toMatchObject({ status: 'pending', stepLabel: 'トップマネジメント', currentApprovers: { kind: 'holders', names: ['山田 太郎'] } });
    expect(approval.body.steps[0]).toMatchObject({ state: 'passed', note: '申請者本人が個人情報保護管理者のため、この段は次の段（トップマネジメント）の承認に含めました' });
    // Withdrawn, so that the department head's submission below goes through the whole chain.
    expect((await pms.request('POST', `/api/approvals/${byPms.body.approvalRequestId}/withdraw`)).status).toBe(200);
    expect((await detail(pms, id)).status).toBe('responding');
  });

  it('所属長が申請 → 個人情報保護管理者 → トップマネジメントの承認で終結。承認待ち・終結後は変更できない', async () => {
    const submitted = await sales.request('POST', `/api/incidents/${id}/closure`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect((await detail(pms, id)).status).toBe('closing');
    expect((await detail(pms, id)).abilities).toEqual({ edit: false, submitClosure: false, openCorrective: false });
    expect((await pms.request('PATCH', `/api/incidents/${id}`, { title: '変更' })).status).toBe(409);
    // Top management cannot jump the PMS manager's step.
    const early = await top.request('POST', `/api/approvals/${submitted.body.approvalRequestId}/approve`, {});
    expect(early.status).toBe(403);
    expect((await pms.request('POST', `/api/approvals/${submitted.body.approvalRequestId}/approve`, {})).status).toBe(200);
    expect((await top.request('POST', `/api/approvals/${submitted.body.approvalRequestId}/approve`, { comment: '対応の完了を確認' })).status).toBe(200);
    const d = await detail(pms, id);
    expect(d.status).toBe('closed');
    expect((d.closure as { current: { stamps: { actorName: string }[] } }).current.stamps.map((s) => s.actorName)).toEqual(['佐藤 花子', '山田 太郎']);
    expect((await putFacts(pms, id, lostUsbFacts)).status).toBe(409);
    const closed = await pms.get('/api/incidents?status=closed&pageSize=200');
    expect(closed.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });
});

describe('保存済みの理由の日付（画面と同じ 2026/03/31: src/domain/dateDisplay.ts）', () => {
  it('日付を 2026-03-31 と書いていた頃に保存した義務の理由・除外の理由・注記も、API では 2026/03/31 で返す。保存した文と日付の項目（ISO）は変えない', async () => {
    const id = (await report(staff)).id;
    expect((await putFacts(pms, id, { ...lostUsbFacts, highLevelEncryption: true })).status).toBe(200);
    const fresh = byKind(active((await detail(pms, id)).duties), 'jipdec_final');
    expect(fresh?.reason).toContain('2026/03/31');
    // As the engine wrote it before dates were written as the screens show them (J.4.4.2 確報: 発覚日から30日以内).
    const old = (text: string) => text.replace(/(\d{4})\/(\d{2})\/(\d{2})/g, '$1-$2-$3');
    const oldNote = '知った日（2026-03-02）は、適用したルール版 appi-2024-04 の施行日（2024-04-01）より前です。';
    await asSystem(t.database, async (tx) => {
      await tx.execute(sql`update incident_duties set reason = ${old(fresh?.reason ?? '')} where id = ${fresh?.id}`);
      await tx.execute(sql`update incidents set evaluation = jsonb_set(jsonb_set(evaluation, '{notes}', ${JSON.stringify([oldNote])}::jsonb),
        '{exclusions,0,reason}', to_jsonb(${'2026-03-02 時点で高度な暗号化等の措置が講じられていました'}::text)) where id = ${id}`);
    });
    const stored = rowsOf<{ reason: string }>(await asSystem(t.database, (tx) => tx.execute(sql`select reason from incident_duties where id = ${fresh?.id}`)));
    expect(stored[0]?.reason).toContain('2026-03-31');

    const d = await detail(pms, id);
    const final = byKind(active(d.duties), 'jipdec_final');
    expect(final?.reason).toBe(fresh?.reason);
    expect(final?.reason).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(final?.dueOn).toBe('2026-03-31');
    const evaluation = d.evaluation as unknown as { notes: string[]; exclusions: { reason: string }[]; countedFrom: string };
    expect(evaluation.notes).toEqual(['知った日（2026/03/02）は、適用したルール版 appi-2024-04 の施行日（2024/04/01）より前です。']);
    expect(evaluation.exclusions[0]?.reason).toBe('2026/03/02 時点で高度な暗号化等の措置が講じられていました');
    expect(evaluation.countedFrom).toBe('2026-03-02');
    expect(d.facts).toMatchObject({ knownOn: '2026-03-02' });
    // The dashboard shows the same sentence.
    const dashboard = await pms.get('/api/incidents/dashboard');
    expect(dashboard.body.duties.find((x: { id: string }) => x.id === fresh?.id)?.reason).toBe(fresh?.reason);
  });
});
