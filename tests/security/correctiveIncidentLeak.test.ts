import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../src/platform/db/tenancy.ts';
import { departments } from '../../src/platform/org/org.tables.ts';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';
import { pdfText, skipPdfChecks } from '../support/pdf.ts';

/**
 * Issue 11 #6: a 所属長 denied an incident (404) read its 受付番号, 件名 and 原因 through the
 * corrective action opened from it (J.4.4.2 z) → J.7.1) and that action's PDF. Visibility of the
 * linked incident follows the incident's own rules (incidents.policy.ts visibleIncidents), and the
 * corrective action references the incident instead of copying its text.
 */

const TITLE = '総務部で山田一郎様の健康診断票を誤って廃棄';
const CAUSE = '山田一郎様の書類を保管期限前に廃棄した担当者の確認漏れ';

let t: TestApp;
let pms: Client;
let salesHead: Client;
let incident: { id: string; number: string };
let correctiveId: string;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-03-02T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  salesHead = await t.login('sales-head@demo.mamori.local');
  const rows = await asSystem(t.database, (tx) => tx.select().from(departments).where(eq(departments.organizationId, t.demoOrganizationId)));
  const ga = rows.find((d) => d.name === '総務部');
  const sales = rows.find((d) => d.name === '営業部');
  if (!ga || !sales) throw new Error('demo departments missing');
  // The PMS manager (also 総務部の所属長) reports an incident of 総務部 and records its cause …
  const reported = await pms.request('POST', '/api/incidents', { title: TITLE, summary: '健康診断票の誤廃棄', departmentId: ga.id });
  expect(reported.status, JSON.stringify(reported.body)).toBe(201);
  incident = reported.body;
  expect((await pms.request('PATCH', `/api/incidents/${incident.id}`, { details: { cause: CAUSE } })).status).toBe(200);
  // … and opens the corrective action for 営業部, whose 所属長 may not see 総務部's incidents.
  const opened = await pms.request('POST', `/api/incidents/${incident.id}/corrective-action`, { departmentId: sales.id });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  correctiveId = opened.body.id;
});
afterAll(() => t.close());

/** Whether a text holds anything of the incident: its number, title, cause or id. */
function leaks(text: string): string[] {
  return [incident.number, TITLE, CAUSE, '山田一郎', incident.id].filter((secret) => text.includes(secret));
}

describe('#11-6 是正処置から事案が漏れない（表示は事案の閲覧範囲に従う）', () => {
  it('前提: 営業部の所属長は総務部の事案を開けない（404）', async () => {
    expect((await salesHead.request('GET', `/api/incidents/${incident.id}`)).status).toBe(404);
  });

  it('是正処置の詳細（JSON）に事案の受付番号・件名・原因が出ない。事案から起票されたことだけが分かる', async () => {
    const r = await salesHead.request('GET', `/api/corrective-actions/${correctiveId}`);
    expect(r.status).toBe(200);
    expect(leaks(JSON.stringify(r.body))).toEqual([]);
    expect(r.body).toMatchObject({ sourceType: 'incident', sourceLabel: expect.stringContaining('事故'), incident: null, sourceId: null, sourceRef: null });
  });

  it('是正処置の一覧にも出ない', async () => {
    const r = await salesHead.request('GET', '/api/corrective-actions?status=open');
    expect(r.status).toBe(200);
    expect(r.body.items.some((item: { id: string }) => item.id === correctiveId)).toBe(true);
    expect(leaks(JSON.stringify(r.body))).toEqual([]);
  });

  it('所属長が処置計画を保存した応答にも出ない', async () => {
    const r = await salesHead.request('PATCH', `/api/corrective-actions/${correctiveId}`, { rootCause: '手順の未整備' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(leaks(JSON.stringify(r.body))).toEqual([]);
  });

  it.skipIf(skipPdfChecks)('是正処置実施記録（PDF）にも出ない', async () => {
    const r = await salesHead.request('GET', `/api/corrective-actions/${correctiveId}/record.pdf`);
    expect(r.status).toBe(200);
    const text = pdfText(r.raw);
    expect(text).toContain('緊急事態');
    expect(leaks(text.replace(/\s+/g, ''))).toEqual([]);
  });

  it('事案を見られる個人情報保護管理者には事案へのリンク（受付番号・件名）が出る。原因は事案の記録にだけある', async () => {
    const r = await pms.request('GET', `/api/corrective-actions/${correctiveId}`);
    expect(r.body.incident).toEqual({ id: incident.id, number: incident.number, title: TITLE });
    expect(r.body.content).not.toContain(CAUSE);
    expect(r.body.title).not.toContain(TITLE);
  });
});
