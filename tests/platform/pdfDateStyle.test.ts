import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';
import { pdfText, skipPdfChecks } from '../support/pdf.ts';

/**
 * Issue #10: PDFs use one date style per document — 和暦 or 西暦, an organization setting
 * (組織の設定「日付の表記」). Every PDF of the app is read back with pdftotext: its dates are all in
 * the chosen style, and no `YYYY-MM-DD` is left (the deadlines, the facts and the engine's
 * reasons included).
 */

let t: TestApp;
let pms: Client;
let incidentId: string;
let correctiveId: string;
/** A demo リスク分析 (its 次回モニタリング日 is a date in the table). */
let riskAssessmentId: string;

const ISO = /\d{4}-\d{2}-\d{2}/;

async function setDateStyle(style: 'wareki' | 'seireki') {
  const org = await pms.request('GET', '/api/organization');
  const r = await pms.request('PUT', '/api/organization/settings', { ...org.body.settings, dateStyle: style });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.settings.dateStyle).toBe(style);
}

/** The text of every PDF of the app, whitespace removed (pdftotext breaks table cells). */
async function allPdfs(): Promise<Record<string, string>> {
  const urls = [
    `/api/incidents/${incidentId}/record.pdf`,
    `/api/incidents/${incidentId}/breach-report.pdf`,
    `/api/incidents/${incidentId}/notice-letter.pdf`,
    `/api/corrective-actions/${correctiveId}/record.pdf`,
    '/api/org-chart.pdf',
    '/api/inventory/entries/ledger.pdf',
    `/api/risk/assessments/${riskAssessmentId}/report.pdf`,
  ] as const;
  const texts: Record<string, string> = {};
  for (const url of urls) {
    const r = await pms.request('GET', url);
    expect(r.status, url).toBe(200);
    texts[url] = pdfText(r.raw).replace(/\s+/g, '');
  }
  return texts;
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-03-05T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  const reported = await pms.request('POST', '/api/incidents', { title: 'USBメモリの紛失', summary: '顧客名簿を保存したUSBメモリの紛失', knownOn: '2026-03-02' });
  expect(reported.status, JSON.stringify(reported.body)).toBe(201);
  incidentId = reported.body.id;
  // 委託先 that told its 委託元 on 3/3: the engine's reasons carry dates too.
  const facts = { profile: 'private', knownOn: '2026-03-02', events: ['loss'], sensitive: true, persons: 30, entrustment: 'contractor', principalNotifiedAt: '2026-03-03' };
  expect((await pms.request('PUT', `/api/incidents/${incidentId}/facts`, { facts })).status).toBe(200);
  expect(
    (await pms.request('POST', `/api/incidents/${incidentId}/timeline`, { phase: 'initial_response', occurredAt: '2026-03-03T09:30:00+09:00', action: '警察へ遺失届' })).status,
  ).toBeLessThan(300);
  expect((await pms.request('PATCH', `/api/incidents/${incidentId}`, { details: { cause: '持出し手順の不遵守' } })).status).toBe(200);
  const opened = await pms.request('POST', `/api/incidents/${incidentId}/corrective-action`, {});
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  correctiveId = opened.body.id;
  const assessments = await pms.request('GET', '/api/risk/assessments');
  expect(assessments.status).toBe(200);
  riskAssessmentId = assessments.body.items[0]?.id ?? '';
  expect(riskAssessmentId).toBeTruthy();
  expect((await pms.request('PATCH', `/api/corrective-actions/${correctiveId}`, { dueOn: '2026-03-31' })).status).toBe(200);
});
afterAll(() => t.close());

describe.skipIf(skipPdfChecks)('PDF の日付の表記（組織の設定: 和暦／西暦、1文書に1つ）', () => {
  it('既定は和暦: どの PDF も令和で書き、西暦や YYYY-MM-DD が混ざらない', async () => {
    for (const [url, text] of Object.entries(await allPdfs())) {
      expect(text, url).toContain('令和8年3月5日'); // 印刷日
      expect(text, url).not.toMatch(ISO);
      expect(text, url).not.toMatch(/20\d\d年/);
    }
  });

  it('西暦に設定すると、どの PDF も「2026年3月5日」で書き、和暦や YYYY-MM-DD が混ざらない', async () => {
    await setDateStyle('seireki');
    const texts = await allPdfs();
    for (const [url, text] of Object.entries(texts)) {
      expect(text, url).toContain('2026年3月5日'); // 印刷日
      expect(text, url).not.toMatch(ISO);
      // Only the clause citations (e.g. 令和6年4月1日施行) may name an era.
      expect(text.replace(/（令和6年4月1日施行[^）]*）/g, ''), url).not.toMatch(/令和\d+年\d+月\d+日|令和元年/);
    }
    const record = texts[`/api/incidents/${incidentId}/record.pdf`] ?? '';
    expect(record).toContain('2026年3月2日'); // 知った日
    expect(record).toContain('2026年3月3日09:30'); // 対応経過
    expect(texts[`/api/corrective-actions/${correctiveId}/record.pdf`]).toContain('2026年3月31日'); // 実施期限
    await setDateStyle('wareki');
  });

  it('日付の表記は「和暦」か「西暦」だけ（400、項目名つきの日本語）。省略すると設定はそのまま', async () => {
    const org = await pms.request('GET', '/api/organization');
    const bad = await pms.request('PUT', '/api/organization/settings', { ...org.body.settings, dateStyle: 'iso' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('日付の表記');
    await setDateStyle('seireki');
    const { dateStyle: _omitted, ...rest } = (await pms.request('GET', '/api/organization')).body.settings;
    expect((await pms.request('PUT', '/api/organization/settings', rest)).body.settings.dateStyle).toBe('seireki');
    await setDateStyle('wareki');
  });
});
