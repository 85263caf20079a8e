import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { attachmentsContract } from '../../platform/attachments/attachments.contract.ts';
import { attachments } from '../../platform/attachments/attachments.tables.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { evaluateRequestDeadline } from '../../rules/requestDeadlines/index.ts';
import { requests } from '../requests/requests.tables.ts';
import { MIN_FILL_MS, solve } from './portal.challenge.ts';
import { anonymousRequest, portalFacts } from './portal.fixture.ts';
import { PORTAL_FILE_MAX_BYTES } from './portal.files.schema.ts';

// 公開窓口 (issue #14 M5): the 委任状 and 本人確認書類 sent with the public form (J.10.2 本人確認・
// 代理人), and the 補正 answered through the follow-up link — its date ends the days the deadline
// engine does not count (法第83条第1項括弧書; the private target counts the same way). Over real
// HTTP (app.inject) on a real database; files checked by their magic bytes.

let t: TestApp;
let pms: Client;
let app: FastifyInstance;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const file = (kind: string, fileName: string, bytes: Buffer) => ({ kind, fileName, contentBase64: bytes.toString('base64') });

const facts = { ...portalFacts, safetyMeasures: ['個人情報保護規程の策定'] };

const anonymous = (method: 'GET' | 'POST', url: string, body?: unknown, ip = '198.51.100.10') => anonymousRequest(app, method, url, body, ip);

/** Sends the public form from `ip` (a fresh page and its bot check) with the given fields and files. */
async function submit(ip: string, over: Record<string, unknown>) {
  const page = (await anonymous('GET', '/api/public/portals/mamori-files', undefined, ip)).body;
  t.clock.advanceMinutes(Math.ceil(MIN_FILL_MS / 60_000));
  return anonymous(
    'POST',
    '/api/public/portals/mamori-files/requests',
    {
      kind: 'disclosure',
      requesterName: '高橋 花子',
      requesterContact: 'hanako@example.jp',
      agentKind: 'voluntary',
      agentName: '高橋 一郎',
      agentContact: 'ichiro@example.jp',
      content: '私の会員情報の開示を求めます。',
      challenge: { token: page.challenge.token, nonce: solve(page.challenge.token) },
      ...over,
    },
    ip,
  );
}

const counts = async () =>
  asSystem(t.database, async (tx) => ({
    requests: (await tx.select({ n: sql<number>`count(*)::int` }).from(requests).where(eq(requests.organizationId, t.demoOrganizationId)))[0]?.n,
    files: (await tx.select({ n: sql<number>`count(*)::int` }).from(attachments).where(eq(attachments.organizationId, t.demoOrganizationId)))[0]?.n,
  }));

async function requestRow(number: string) {
  const [row] = await asSystem(t.database, (tx) =>
    tx
      .select()
      .from(requests)
      .where(and(eq(requests.organizationId, t.demoOrganizationId), eq(requests.number, number))),
  );
  if (!row) throw new Error(`no request ${number}`);
  return row;
}

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  app = t.app as unknown as FastifyInstance;
  expect((await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-files', published: true, facts })).status).toBe(200);
});
afterAll(async () => t?.close());

describe('公開フォームの添付書類（J.10.2 本人確認・代理人）', () => {
  it('J.10.2 任意代理人の請求に委任状がないと 400（添付書類の欄に日本語）、何も作らない', async () => {
    const before = await counts();
    const r = await submit('198.51.100.11', { files: [file('identity_document', '運転免許証.png', PNG)] });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toContainEqual({ path: 'files', message: expect.stringContaining('委任状') });
    expect(await counts()).toEqual(before);
  });

  it('中身が PDF・JPEG・PNG でないファイルは名前が .pdf でも 415（ファイル名を示す）、請求も他の書類も書かない', async () => {
    const before = await counts();
    const r = await submit('198.51.100.12', { files: [file('identity_document', '保険証.png', PNG), file('power_of_attorney', '委任状.pdf', EXE)] });
    expect(r.status).toBe(415);
    expect(r.body.error.fields).toEqual([{ path: 'files.1', message: expect.stringContaining('「委任状.pdf」は送れない形式です') }]);
    expect(r.body.error.message).toContain('PDF・JPEG・PNG');
    expect(await counts()).toEqual(before);
  });

  it('1つ 3 MB・5件以上・空のファイルは日本語のエラーで、何も作らない', async () => {
    const before = await counts();
    const big = Buffer.concat([PDF, Buffer.alloc(PORTAL_FILE_MAX_BYTES, 0x20)]);
    const tooBig = await submit('198.51.100.13', { files: [file('power_of_attorney', '大きな委任状.pdf', big)] });
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain('大きすぎます');
    const many = await submit('198.51.100.14', { files: Array.from({ length: 5 }, (_, i) => file('power_of_attorney', `委任状${i}.pdf`, PDF)) });
    expect(many.status).toBe(400);
    expect(JSON.stringify(many.body)).toContain('添付書類は 4 件まで');
    const empty = await submit('198.51.100.15', { files: [file('power_of_attorney', '委任状.pdf', Buffer.alloc(0))] });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('空のファイル');
    expect(await counts()).toEqual(before);
  });

  it('委任状と本人確認書類は請求の添付ファイルとして保存され、職員が一覧・ダウンロードでき（閲覧は監査証跡に残る）、権限のない従業者には見えない', async () => {
    const r = await submit('198.51.100.16', { files: [file('power_of_attorney', '委任状.pdf', PDF), file('identity_document', '運転免許証.png', PNG)] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const row = await requestRow(r.body.receiptNumber);
    const list = await pms.get(`/api/attachments/request/${row.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((f: { kindLabel: string; fileName: string; uploadedByName: string }) => [f.kindLabel, f.fileName, f.uploadedByName])).toEqual([
      ['委任状', '委任状.pdf', '請求者（Web受付）'],
      ['本人確認書類', '運転免許証.png', '請求者（Web受付）'],
    ]);
    const pdf = list.body.items[0];
    if (!pdf) throw new Error('no file listed');
    const got = await pms.call(attachmentsContract.download, { params: { id: pdf.id } });
    expect(got.status).toBe(200);
    expect(got.raw.equals(PDF)).toBe(true);
    const audited = await asSystem(t.database, (tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.entityId, pdf.id))),
    );
    expect(audited.map((a) => a.action)).toContain('read');
    const staff = await t.login('staff@demo.mamori.local');
    expect((await staff.get(`/api/attachments/request/${row.id}`)).status).toBe(404);
    // The requester sees the names of what they sent, not the files.
    const progress = await anonymous('GET', `/api/public/portals/mamori-files/receipts/${r.body.receiptNumber}?token=${r.body.followUpToken}`);
    expect(progress.body.files.map((f: { kindLabel: string; fileName: string }) => `${f.kindLabel}:${f.fileName}`)).toEqual(['委任状:委任状.pdf', '本人確認書類:運転免許証.png']);
  });

  it('法定代理人・本人の請求は委任状なしで送れる', async () => {
    const r = await submit('198.51.100.17', { agentKind: 'legal', files: [] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });
});

describe('確認用URLからの補正の回答（法第83条第1項: 補正に要した日数は数えない）', () => {
  let receipt: { receiptNumber: string; followUpToken: string };
  let url: string;
  let answerUrl: string;

  it('補正を求められると確認用URLに内容が出て、回答の文と書類を送れる。回答日が補正の完了日になり、期限がその日数だけ延びる', async () => {
    const sent = await submit('198.51.100.21', { files: [file('power_of_attorney', '委任状.pdf', PDF)] });
    expect(sent.status).toBe(201);
    receipt = sent.body;
    url = `/api/public/portals/mamori-files/receipts/${receipt.receiptNumber}?token=${receipt.followUpToken}`;
    answerUrl = `/api/public/portals/mamori-files/receipts/${receipt.receiptNumber}/answer`;
    const row = await requestRow(receipt.receiptNumber);
    const dueBefore = row.dueOn;
    const askedOn = row.receivedOn;
    expect((await pms.request('POST', `/api/requests/${row.id}/corrections`, { askedOn, what: '本人確認書類の写しを送ってください' })).status).toBe(201);
    const asked = await anonymous('GET', url);
    expect(asked.body).toMatchObject({ statusLabel: '補正中', canAnswer: true });
    expect(asked.body.corrections[0]).toMatchObject({ what: '本人確認書類の写しを送ってください', completedOn: null, answer: null });

    t.clock.advanceMinutes(5 * 24 * 60);
    pms = await t.login('pms@demo.mamori.local');
    const answered = await anonymous(
      'POST',
      answerUrl,
      { token: receipt.followUpToken, answer: '運転免許証の写しを添付します。', files: [file('correction_answer', '運転免許証.png', PNG)] },
      '198.51.100.22',
    );
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const after = await requestRow(receipt.receiptNumber);
    const completedOn = answered.body.corrections[0].completedOn;
    expect(completedOn > askedOn).toBe(true);
    expect(answered.body).toMatchObject({ statusLabel: '受付', canAnswer: false });
    expect(answered.body.corrections[0]).toMatchObject({ answer: '運転免許証の写しを添付します。' });
    expect(answered.body.files.map((f: { fileName: string }) => f.fileName)).toEqual(['委任状.pdf', '運転免許証.png']);
    // The deadline is the engine's with the 補正 period (askedOn, completedOn], later than before.
    const engine = evaluateRequestDeadline({ profile: 'private', kind: 'disclosure', receivedOn: after.receivedOn, correctionPeriods: [{ askedOn, completedOn }] });
    expect(after.dueOn).toBe(engine.decisionDue);
    expect(engine.excludedDays).toBeGreaterThanOrEqual(5);
    expect(after.dueOn && dueBefore && after.dueOn > dueBefore).toBe(true);

    // Staff see the answer and the file on the request.
    const detail = await pms.get(`/api/requests/${after.id}`);
    expect(detail.body.corrections[0]).toMatchObject({ completedOn, answer: '運転免許証の写しを添付します。' });
    const files = await pms.get(`/api/attachments/request/${after.id}`);
    expect(files.body.items.map((f: { kindLabel: string }) => f.kindLabel)).toEqual(['委任状', '補正の回答']);
  });

  it('お願いしている補正がないときの回答は 409、悪い書類・空の回答は日本語のエラーで何も書かない', async () => {
    const again = await anonymous('POST', answerUrl, { token: receipt.followUpToken, answer: 'もう一度' }, '198.51.100.23');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('お願いしている補正はありません');

    const row = await requestRow(receipt.receiptNumber);
    expect((await pms.request('POST', `/api/requests/${row.id}/corrections`, { askedOn: t.clock.now().toISOString().slice(0, 10), what: '委任状の原本の写し' })).status).toBe(201);
    const before = await counts();
    const empty = await anonymous('POST', answerUrl, { token: receipt.followUpToken, answer: '' }, '198.51.100.24');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('補正の回答を入力してください');
    const exe = await anonymous('POST', answerUrl, { token: receipt.followUpToken, answer: '添付します', files: [file('correction_answer', '委任状.pdf', EXE)] }, '198.51.100.24');
    expect(exe.status).toBe(415);
    expect(exe.body.error.fields[0].path).toBe('files.0');
    expect(await counts()).toEqual(before);
    expect((await anonymous('GET', url)).body.corrections[1]).toMatchObject({ completedOn: null, answer: null });
  });

  it('鍵が違う・受付番号が違う回答は同じ 404 で何も書かない。確認用URLは受付から1年で開けなくなる（同じ 404）', async () => {
    const wrongToken = await anonymous('POST', answerUrl, { token: 'B'.repeat(43), answer: '回答' }, '198.51.100.25');
    const wrongNumber = await anonymous(
      'POST',
      '/api/public/portals/mamori-files/receipts/REQ-2000-0001/answer',
      { token: receipt.followUpToken, answer: '回答' },
      '198.51.100.25',
    );
    expect(wrongToken.status).toBe(404);
    expect(wrongNumber.status).toBe(404);
    expect(wrongToken.body.error.message).toBe(wrongNumber.body.error.message);
    expect((await anonymous('GET', url)).body.canAnswer).toBe(true);

    t.clock.advanceMinutes(366 * 24 * 60);
    const expired = await anonymous('GET', url, undefined, '198.51.100.26');
    expect(expired.status).toBe(404);
    expect(expired.body.error.message).toBe(wrongToken.body.error.message);
    const late = await anonymous('POST', answerUrl, { token: receipt.followUpToken, answer: '回答' }, '198.51.100.26');
    expect(late.status).toBe(404);
  });

  it('補正の回答は同じアドレスから10分に5回まで（6回目は 429）', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await anonymous('POST', answerUrl, { token: 'x' }, '198.51.100.27')).status);
    expect(statuses.slice(0, 5).every((s) => s === 400)).toBe(true);
    expect(statuses[5]).toBe(429);
  });
});
