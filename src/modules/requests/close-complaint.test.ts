import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { pdfText, skipPdfChecks } from '../../../tests/support/pdf.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { correctiveContract as K } from '../corrective/corrective.contract.ts';
import { correctiveActions } from '../corrective/corrective.tables.ts';
import { requestsContract as C } from './requests.contract.ts';

// 苦情・相談の完了 (J.11.1 d), Okazaki 第22条): the 原因・対応 note closes the complaint, and an optional
// 是正処置 (J.7.1 g) 3)) is opened for the department chosen. The action references the complaint
// and never copies the complainant or the content; those without requests.read (a 所属長) see
// only 「苦情・相談」 and the 受付番号.

const COMPLAINANT = '苦情 三郎';
const CONTENT = '窓口で山田花子さんの住所が読み上げられた';

let t: TestApp;
let desk: Client;
let pms: Client;
let salesHead: Client;
let salesId: string;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-04-10T10:00:00+09:00');
  desk = await t.login('desk@demo.mamori.local');
  pms = await t.login('pms@demo.mamori.local');
  salesHead = await t.login('sales-head@demo.mamori.local');
  const rows = await asSystem(t.database, (tx) => tx.select().from(departments).where(eq(departments.organizationId, t.demoOrganizationId)));
  const sales = rows.find((d) => d.name === '営業部');
  if (!sales) throw new Error('demo department 営業部 missing');
  salesId = sales.id;
});
afterAll(() => t.close());

async function complaint() {
  const created = await desk.call(C.create, { body: { receivedOn: '2026-04-03', channel: 'phone', kind: 'complaint', requesterName: COMPLAINANT, content: CONTENT } });
  expect(created.status).toBe(201);
  return created.body;
}

const correctiveOf = (complaintId: string) =>
  asSystem(t.database, (tx) =>
    tx
      .select()
      .from(correctiveActions)
      .where(and(eq(correctiveActions.sourceType, 'complaint'), eq(correctiveActions.sourceId, complaintId))),
  );

describe('苦情・相談の完了と是正処置（J.11.1 d)、J.7.1 g) 3)）', () => {
  it('J.11.1 d): 是正処置を起票するのに当該所属がなければ 400（当該所属の項目、日本語）で、何も書かれない', async () => {
    const c = await complaint();
    const r = await desk.call(C.closeComplaint, { params: { id: c.id }, body: { closedOn: '2026-04-09', causeAndAction: '読み上げの手順がなかった', openCorrective: true } });
    expect(r.status).toBe(400);
    const body = r.body as unknown as { error: { fields?: { path: string; message: string }[] } };
    expect(body.error.fields?.[0]).toMatchObject({ path: 'correctiveDepartmentId', message: '是正処置を起票するときは是正処置の当該所属を選択してください' });
    const noNote = await desk.call(C.closeComplaint, { params: { id: c.id }, body: { closedOn: '2026-04-09', causeAndAction: '' } });
    expect(noNote.status).toBe(400);
    expect(JSON.stringify(noNote.body)).toContain('原因・対応');
    const future = await desk.call(C.closeComplaint, { params: { id: c.id }, body: { closedOn: '2026-04-11', causeAndAction: '手順を定めた' } });
    expect(future.status).toBe(422);
    expect(JSON.stringify(future.body)).toContain('完了日が未来の日付になっています');
    expect((await desk.call(C.detail, { params: { id: c.id } })).body).toMatchObject({ status: 'received', causeAndAction: null, correctiveActionId: null });
    expect(await correctiveOf(c.id)).toEqual([]);
  });

  it('J.11.1 d): 原因・対応だけで完了できる（是正処置なし）; 開示等の請求には使えない（409）', async () => {
    const c = await complaint();
    const r = await desk.call(C.closeComplaint, { params: { id: c.id }, body: { closedOn: '2026-04-09', causeAndAction: '説明不足。改めて説明し了承を得た' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      status: 'answered',
      statusLabel: '完了',
      repliedOn: '2026-04-09',
      causeAndAction: '説明不足。改めて説明し了承を得た',
      correctiveActionId: null,
    });
    expect((await desk.call(C.closeComplaint, { params: { id: c.id }, body: { closedOn: '2026-04-09', causeAndAction: '再度' } })).status).toBe(409);
    const disclosure = await desk.call(C.create, { body: { receivedOn: '2026-04-03', channel: 'counter', kind: 'disclosure', requesterName: '開示 花子', content: '開示' } });
    expect((await desk.call(C.closeComplaint, { params: { id: disclosure.body.id }, body: { closedOn: '2026-04-09', causeAndAction: 'x' } })).status).toBe(409);
  });

  it('J.7.1 g) 3): 是正処置は苦情にリンクし申出者・内容を写さない; requests.read のない所属長には「苦情・相談」と受付番号だけ', async () => {
    const c = await complaint();
    const r = await desk.call(C.closeComplaint, {
      params: { id: c.id },
      body: { closedOn: '2026-04-09', causeAndAction: '窓口で個人情報を読み上げる運用だった', openCorrective: true, correctiveDepartmentId: salesId },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.statusLabel).toBe('完了');
    const actionId = r.body.correctiveActionId;
    expect(actionId).toBeTruthy();
    const [stored] = await correctiveOf(c.id);
    expect(stored).toMatchObject({ id: actionId, sourceRef: c.number, departmentId: salesId });
    expect(JSON.stringify(stored)).not.toContain(COMPLAINANT);
    expect(JSON.stringify(stored)).not.toContain('山田花子');

    // The 個人情報保護管理者 (requests.read) sees the link to the complaint.
    const full = await pms.call(K.detail, { params: { id: actionId! } });
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ sourceType: 'complaint', sourceLabel: '苦情・相談', sourceId: c.id, sourceRef: c.number, complaint: { id: c.id, number: c.number } });

    // The 営業部 所属長 (corrective.read, no requests.read): the complaint itself is 403, the action shows 苦情・相談 and its number only.
    expect((await salesHead.call(C.detail, { params: { id: c.id } })).status).toBe(403);
    const limited = await salesHead.call(K.detail, { params: { id: actionId! } });
    expect(limited.status).toBe(200);
    expect(limited.body).toMatchObject({ sourceLabel: '苦情・相談', sourceId: null, sourceRef: c.number, complaint: null });
    const seen = JSON.stringify(limited.body);
    for (const secret of [COMPLAINANT, '山田花子', '読み上げる運用']) expect(seen).not.toContain(secret);
    const list = await salesHead.call(K.list, { query: {} });
    const item = list.body.items.find((i) => i.id === actionId);
    expect(item).toMatchObject({ sourceRef: c.number });
    expect(JSON.stringify(item)).not.toContain(c.id);
    if (!skipPdfChecks) {
      const pdf = pdfText((await salesHead.call(K.recordPdf, { params: { id: actionId! } })).raw).replace(/\s+/g, '');
      expect(pdf).toContain(`苦情・相談`);
      expect(pdf).toContain(c.number);
      expect(pdf).not.toContain('苦情三郎');
    }
  });
});
