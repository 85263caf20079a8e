import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { requests } from '../requests/requests.tables.ts';
import { MIN_FILL_MS, solve } from './portal.challenge.ts';
import { generatePublicItems } from '../../rules/publicItems/publicItems.ts';
import { publicItems } from '../../rules/data/requiredItems.ts';
import { portalMessageInEnglish, publicItemHeadingInEnglish } from './portal.english.shared.ts';

// The public pages in English (issue #14, SPEC §1 5 「Japanese by default (English available)」):
// the public routes answer their errors in English when the page asks (`Accept-Language: en` or
// `lang: 'en'`), Japanese otherwise; the staff routes stay Japanese. Real HTTP (app.inject) on a
// real database.

let t: TestApp;
let pms: Client;
let app: FastifyInstance;

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff\uff01-\uff5e]/;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

const facts = {
  organization: { name: '株式会社まもりデモ', address: '東京都豊島区南池袋2-45-1', representative: '代表取締役 山田太郎' },
  manager: { nameOrTitle: '個人情報保護管理者 佐藤花子', department: '総務部', contact: 'privacy@demo.example.jp' },
  purposes: [{ text: '商品の発送及びアフターサービスのため' }],
  complaintDesk: '個人情報お問合せ窓口（総務部） 03-0000-0001',
  accreditedBody: null,
  procedure: { desk: '個人情報お問合せ窓口', method: '当社所定の請求書', identityCheck: '運転免許証等の写し', fees: { purposeNotice: null, disclosure: null } },
  safetyMeasures: ['個人情報保護規程の策定'],
};

async function call(method: 'GET' | 'POST' | 'PUT', url: string, { body, lang, ip = '198.51.100.30' }: { body?: unknown; lang?: string; ip?: string } = {}) {
  const r = await app.inject({
    method,
    url,
    remoteAddress: ip,
    headers: lang ? { 'accept-language': lang } : {},
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the response read loosely here
  return { status: r.statusCode, body: r.json() as any };
}

/** The public form with a fresh page's bot check solved, from `ip`, with `over` on top. */
async function submit(ip: string, over: Record<string, unknown>, lang?: string) {
  const page = (await call('GET', '/api/public/portals/mamori-en', { ip })).body;
  t.clock.advanceMinutes(Math.ceil(MIN_FILL_MS / 60_000));
  return call('POST', '/api/public/portals/mamori-en/requests', {
    ip,
    ...(lang ? { lang } : {}),
    body: {
      kind: 'disclosure',
      requesterName: 'Hanako Takahashi',
      requesterContact: 'hanako@example.jp',
      content: 'Please disclose my member record.',
      challenge: { token: page.challenge.token, nonce: solve(page.challenge.token) },
      ...over,
    },
  });
}

const requestCount = async () =>
  asSystem(t.database, async (tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(requests).where(eq(requests.organizationId, t.demoOrganizationId)))[0]?.n);

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  app = t.app as unknown as FastifyInstance;
  expect((await pms.request('PUT', '/api/portal/settings', { slug: 'mamori-en', published: true, facts })).status).toBe(200);
});
afterAll(async () => t?.close());

describe('公開ページの英語（SPEC §1 5 「Japanese by default (English available)」）', () => {
  it('Accept-Language: en — empty required fields are refused (400) with an English message naming each field, nothing written', async () => {
    const before = await requestCount();
    const r = await submit('198.51.100.31', { requesterName: '', content: '   ', kind: '' }, 'en');
    expect(r.status).toBe(400);
    const byPath = Object.fromEntries(r.body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(byPath).toMatchObject({ requesterName: 'Please enter your name.', content: 'Please enter the details of your request.', kind: 'Please choose the kind of request.' });
    expect(r.body.error.message).not.toMatch(JAPANESE);
    expect(await requestCount()).toBe(before);
  });

  it('without English asked (Accept-Language: ja, or none) the same refusal stays Japanese, word for word', async () => {
    for (const lang of ['ja', undefined]) {
      const r = await submit(lang ? '198.51.100.32' : '198.51.100.33', { requesterName: '' }, lang);
      expect(r.status).toBe(400);
      expect(r.body.error.fields).toContainEqual({ path: 'requesterName', message: '氏名を入力してください' });
    }
  });

  it('`lang: "en"` in the body asks for English as the header does (a browser whose first language is Japanese)', async () => {
    const page = (await call('GET', '/api/public/portals/mamori-en', { ip: '198.51.100.34' })).body;
    const r = await call('POST', '/api/public/portals/mamori-en/requests', {
      ip: '198.51.100.34',
      lang: 'ja-JP,ja;q=0.9',
      body: { lang: 'en', kind: 'disclosure', requesterName: 'A', requesterContact: '', content: 'x', challenge: { token: page.challenge.token, nonce: '0' } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toContainEqual({ path: 'requesterContact', message: 'Please enter your contact details (email address or telephone number).' });
  });

  it('J.10.2 h) 2) 個人番号 in a field: refused in English naming the field; an agent without the 委任状: in English under 添付書類', async () => {
    const myNumber = await submit('198.51.100.35', { content: 'My number is 123456789018.' }, 'en');
    expect(myNumber.status).toBe(400);
    expect(myNumber.body.error.fields).toContainEqual({
      path: 'content',
      message: expect.stringMatching(/^The details of your request seems to contain a 12-digit Individual Number/),
    });
    const agent = await submit('198.51.100.36', { agentKind: 'voluntary', agentName: 'Ichiro Takahashi' }, 'en');
    expect(agent.status).toBe(400);
    expect(agent.body.error.fields).toContainEqual({ path: 'files', message: 'A request by an authorized agent needs the power of attorney (PDF, JPEG or PNG) attached.' });
  });

  it('a file that is not PDF/JPEG/PNG: 415 in English naming the file; the bot check refused: 400 in English', async () => {
    const bad = await submit(
      '198.51.100.37',
      {
        agentKind: 'voluntary',
        agentName: 'Ichiro',
        agentContact: 'ichiro@example.jp',
        files: [{ kind: 'power_of_attorney', fileName: 'letter.pdf', contentBase64: EXE.toString('base64') }],
      },
      'en',
    );
    expect(bad.status).toBe(415);
    expect(bad.body.error.fields).toEqual([
      { path: 'files.0', message: 'The attachment "letter.pdf" is of a type that cannot be sent. Only PDF, JPEG and PNG files can be sent.' },
    ]);
    const page = (await call('GET', '/api/public/portals/mamori-en', { ip: '198.51.100.38' })).body;
    const tooFast = await call('POST', '/api/public/portals/mamori-en/requests', {
      ip: '198.51.100.38',
      lang: 'en',
      body: {
        kind: 'disclosure',
        requesterName: 'A',
        requesterContact: 'a@example.jp',
        content: 'x',
        challenge: { token: page.challenge.token, nonce: solve(page.challenge.token) },
      },
    });
    expect(tooFast.status).toBe(400);
    expect(tooFast.body.error.message).toBe('The form was sent too quickly. Please check what you wrote and send it again.');
  });

  it('the follow-up link: a wrong key is 404 in English; a 補正 answer with nothing asked is 409 in English', async () => {
    const sent = await submit('198.51.100.39', { files: [{ kind: 'identity_document', fileName: 'id.pdf', contentBase64: PDF.toString('base64') }] }, 'en');
    expect(sent.status).toBe(201);
    const wrong = await call('GET', `/api/public/portals/mamori-en/receipts/${sent.body.receiptNumber}?token=wrong`, { lang: 'en' });
    expect(wrong).toMatchObject({ status: 404, body: { error: { message: 'The request was not found.' } } });
    const progress = await call('GET', `${sent.body.followUpPath}&lang=en`.replace('/p/', '/api/public/portals/'));
    expect(progress.status).toBe(200);
    // The page labels the kind and the files by their codes in its own language.
    expect(progress.body).toMatchObject({ kind: 'disclosure', status: 'received', files: [{ kind: 'identity_document', fileName: 'id.pdf' }] });
    const answer = await call('POST', `/api/public/portals/mamori-en/receipts/${sent.body.receiptNumber}/answer`, {
      lang: 'en',
      body: { token: sent.body.followUpToken, answer: 'Here it is.' },
    });
    expect(answer).toMatchObject({ status: 409, body: { error: { message: 'Nothing is being asked of you at the moment (already answered).' } } });
  });

  it('the staff routes stay Japanese even when the browser asks for English (公開窓口の設定)', async () => {
    const r = await pms.request('PUT', '/api/portal/settings', { slug: 'X', published: false, facts }, { 'accept-language': 'en' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('公開ページのURLは半角の英小文字');
  });
});

describe('the English catalog of the public messages', () => {
  it('the field builders’ messages and the fixed ones come out without Japanese', () => {
    for (const message of [
      '住所は300文字以内で入力してください（301文字入力されています）',
      '代理人の氏名は文字で入力してください',
      '代理人による請求の値が正しくありません',
      '同意する通知文の版の指定が正しくありません',
      '「同意する」にチェックを入れてください',
      '短時間に多くのリクエストがありました。しばらくしてから再度お試しください',
      '添付書類は 4 件までです',
      '添付書類「a.pdf」が大きすぎます。1つのファイルは 3 MB までです',
      '添付書類の合計が大きすぎます（9.0 MB）。合計 8 MB までです',
      '通知文が見つかりません',
      'この同意は2026/12/05に撤回済みです',
    ])
      expect(portalMessageInEnglish(message), message).not.toMatch(JAPANESE);
    expect(portalMessageInEnglish('住所は300文字以内で入力してください（301文字入力されています）')).toBe('Your address must be at most 300 characters (301 entered).');
  });

  it('a message the catalog does not know becomes a plain English request, never Japanese', () => {
    expect(portalMessageInEnglish('知らないメッセージです')).toBe('Please check what you entered.');
  });
});

describe('公表事項の見出しの英語（J.10.3 a)〜g)、issue #14）', () => {
  it('J.10.3 a)〜g) の各事項に、日本語を含まない英語の見出しがある', () => {
    expect(publicItems.map((i) => i.code)).toEqual(['J.10.3-a', 'J.10.3-b', 'J.10.3-c', 'J.10.3-d', 'J.10.3-e', 'J.10.3-f', 'J.10.3-g']);
    const headings = publicItems.map((i) => publicItemHeadingInEnglish(i.code));
    for (const heading of headings) expect(heading).not.toMatch(/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/);
    // Each item its own heading (none falls back to the generic one).
    expect(new Set(headings).size).toBe(publicItems.length);
    expect(headings).not.toContain('Published item');
    expect(publicItemHeadingInEnglish('J.10.3-b')).toBe('Personal information protection manager');
  });

  it('生成した公表事項の全ての見出しに英語があり、内容は設定のとおり日本語のまま', () => {
    const generated = generatePublicItems({
      organization: { name: '株式会社まもりデモ', address: '東京都豊島区南池袋2-45-1', representative: '代表取締役 山田太郎' },
      manager: { nameOrTitle: '個人情報保護管理者 佐藤花子', department: '総務部', contact: 'privacy@demo.example.jp' },
      purposes: [{ text: '商品の発送のため' }],
      complaintDesk: '個人情報お問合せ窓口',
      accreditedBody: { name: '一般財団法人テスト協会', complaintDesk: '03-0000-0000' },
      procedure: { desk: '窓口', method: '所定の請求書', identityCheck: '運転免許証', fees: { purposeNotice: null, disclosure: null } },
      safetyMeasures: ['規程の策定'],
    });
    expect(generated.sections.map((s) => s.code)).toEqual(publicItems.map((i) => i.code));
    for (const s of generated.sections) expect(publicItemHeadingInEnglish(s.code)).not.toBe('Published item');
    expect(generated.sections.find((s) => s.code === 'J.10.3-b')?.lines.join('\n')).toContain('個人情報保護管理者 佐藤花子');
  });
});
