import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { attachmentsContract as A } from '../../platform/attachments/attachments.contract.ts';
import { attachmentContents, attachments } from '../../platform/attachments/attachments.tables.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { accounts } from '../../platform/auth/auth.tables.ts';
import { hashPassword } from '../../platform/auth/hashing.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { readFirstSheet } from '../../platform/exports/xlsx.ts';
import { departments, organizations, people, roleAssignments } from '../../platform/org/org.tables.ts';
import { tasksContract } from '../../platform/tasks/tasks.contract.ts';
import { inventoryEntries } from '../inventory/inventory.exports.ts';
import { generateContractorTasks } from './contractor-tasks.ts';
import { contractorsContract as C } from './contractors.contract.ts';

// 契約書等 on the 委託先 (issue #13, SPEC §3 Attachments, §5.3 "Contracts for the data's holding
// period"): J.9.4 5「委託契約書は当該個人データの保有期間にわたって保存する。」 — upload, list with the
// 保存期限, early deletion refused (409), deletion after it allowed and audited, the disposal task,
// the 委託先一覧 xlsx columns, and who may see and add files (the 委託先's own rule).

let t: TestApp;
let pms: Client;
let sales: Client;
let top: Client;
let staff: Client;
let outsider: Client;
let printerId = '';
let pendingId = '';
let generalId = '';
let contractFileId = '';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----mamori-contractor-documents';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`));
  parts.push(file.bytes, Buffer.from('\r\n'), Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// biome-ignore lint/suspicious/noExplicitAny: an upload answers an attachment or an error body; each test reads what it expects
async function upload(client: Client, contractorId: string, name: string, kind: string): Promise<{ status: number; body: any }> {
  const m = multipart({ kind }, { name, bytes: PDF });
  return client.requestAnyRoute('POST', `/api/attachments/contractor/${contractorId}`, m.body, m.headers);
}

async function entry(name: string, retainUntil: { date?: string; description?: string }): Promise<string> {
  const [template] = await asSystem(t.database, (tx) => tx.select().from(inventoryEntries).where(eq(inventoryEntries.organizationId, t.demoOrganizationId)).limit(1));
  const [row] = await asSystem(t.database, (tx) =>
    tx
      .insert(inventoryEntries)
      .values({
        organizationId: t.demoOrganizationId,
        departmentId: template!.departmentId,
        name,
        data: { ...template!.data, name, retainUntil },
        retainUntilDate: retainUntil.date ?? null,
      } as typeof inventoryEntries.$inferInsert)
      .returning(),
  );
  return row!.id;
}

async function generate(today: string): Promise<number> {
  return inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => generateContractorTasks(tx, t.demoOrganizationId, today));
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-05-11T10:00:00+09:00');
  pms = await t.login('pms@demo.mamori.local');
  sales = await t.login('sales-head@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  const [other] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '契約書等の別組織' }).returning());
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inOrg(t.database, { organizationId: other!.id }, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: other!.id, name: '別組織 管理者' }).returning();
    await tx.insert(roleAssignments).values({ organizationId: other!.id, personId: p!.id, role: 'pms_manager', startsOn: '2020-01-01' });
    await tx.insert(accounts).values({ organizationId: other!.id, personId: p!.id, loginId: 'pms@cdoc-other.example', passwordHash });
  });
  outsider = await t.login('pms@cdoc-other.example');
  const dept = new Map((await asSystem(t.database, (tx) => tx.select().from(departments).where(eq(departments.organizationId, t.demoOrganizationId)))).map((d) => [d.name, d.id]));

  const customers = await entry('契約書等テスト顧客名簿', { date: '2026-09-30' });
  const members = await entry('契約書等テスト会員名簿', { description: '退会後5年' });
  const printer = await pms.call(C.create, {
    body: { name: '契約書等テスト印刷株式会社', entrustedWork: 'DM の印刷・発送', departmentId: dept.get('営業部')!, contractEndsOn: '2026-06-30', entryIds: [customers] },
  });
  expect(printer.status, JSON.stringify(printer.body)).toBe(201);
  printerId = printer.body.id;
  const pending = await pms.call(C.create, {
    body: { name: '契約書等テスト会員管理株式会社', entrustedWork: '会員管理', departmentId: dept.get('営業部')!, contractEndsOn: '2026-06-30', entryIds: [customers, members] },
  });
  pendingId = pending.body.id;
  const general = await pms.call(C.create, { body: { name: '契約書等テスト総務委託株式会社', entrustedWork: '総務', departmentId: dept.get('総務部') ?? null } });
  expect(general.status, JSON.stringify(general.body)).toBe(201);
  generalId = general.body.id;
});
afterAll(() => t.close());

describe('契約書等の保存（J.9.4 5「委託契約書は当該個人データの保有期間にわたって保存する。」）', () => {
  it('契約書を添付すると一覧に種別と保存期限（台帳の保管期限まで）とその理由が出る', async () => {
    const r = await upload(pms, printerId, '業務委託契約書_2026.pdf', 'contract');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ kindLabel: '契約書', fileName: '業務委託契約書_2026.pdf' });
    contractFileId = r.body.id;
    const list = await pms.call(A.list, { params: { ownerType: 'contractor', ownerId: printerId } });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.kinds.map((k) => k.label)).toEqual(['契約書', '特記事項（署名済み）', '覚書・変更契約', '秘密保持誓約書', 'その他']);
    expect(list.body.items.map((i) => i.fileName)).toEqual(['業務委託契約書_2026.pdf']);
    expect(list.body.retention).toMatchObject({
      kinds: ['contract', 'special_clauses', 'memorandum', 'confidentiality_pledge'],
      kindLabels: ['契約書', '特記事項（署名済み）', '覚書・変更契約', '秘密保持誓約書'],
      until: '2026-09-30',
      removable: false,
    });
    expect(list.body.retention?.reason).toContain('台帳「契約書等テスト顧客名簿」の保管期限（2026年9月30日）まで保存');
    expect(list.body.retention?.reason).toContain('J.9.4 5');
  });

  it('J.9.4 5: 保存期限（2026年9月30日）より前の契約書の削除は 409 で、日付を示し、ファイルは残る', async () => {
    const r = await pms.call(A.remove, { params: { id: contractFileId }, body: { reason: '整理のため' } });
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect((r.body as unknown as { error: { message: string } }).error.message).toContain('「業務委託契約書_2026.pdf」は保存期限（2026年9月30日）まで削除できません');
    const [row] = await asSystem(t.database, (tx) => tx.select().from(attachments).where(eq(attachments.id, contractFileId)));
    expect(row?.deletedAt).toBeNull();
    expect(await asSystem(t.database, (tx) => tx.select().from(attachmentContents).where(eq(attachmentContents.attachmentId, contractFileId)))).toHaveLength(1);
  });

  it('「その他」の種別は保存期限の対象外で、いつでも理由を添えて削除できる', async () => {
    const other = await upload(pms, printerId, '会社案内.pdf', 'other');
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const r = await pms.call(A.remove, { params: { id: other.body.id }, body: { reason: '契約に関係しない資料' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.deletedReason).toBe('契約に関係しない資料');
  });

  it('保存期限は台帳の保管期限が決まるまで未定: 保管期限が日付でない台帳の項目を委託していれば削除できない', async () => {
    const file = await upload(pms, pendingId, '秘密保持誓約書.pdf', 'confidentiality_pledge');
    expect(file.status, JSON.stringify(file.body)).toBe(201);
    const list = await pms.call(A.list, { params: { ownerType: 'contractor', ownerId: pendingId } });
    expect(list.body.retention).toMatchObject({ until: null, removable: false });
    expect(list.body.retention?.reason).toMatch(/^保存期限は台帳の保管期限が決まるまで未定/);
    expect(list.body.retention?.reason).toContain('「契約書等テスト会員名簿」（保管期限: 退会後5年）');
    const r = await pms.call(A.remove, { params: { id: file.body.id }, body: { reason: '整理' } });
    expect(r.status).toBe(409);
    expect((r.body as unknown as { error: { message: string } }).error.message).toContain('「秘密保持誓約書.pdf」は保存期限が決まるまで削除できません');
  });

  it('保存期限が過ぎると廃棄のタスクができる（翌日から、30日以内。二度作らない。未定の委託先には作らない）', async () => {
    const disposalTasks = async () => {
      const r = await pms.call(tasksContract.list, { query: { sourceType: 'contractor_document_disposal', pageSize: 100 } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.items;
    };
    await generate('2026-09-30');
    expect(await disposalTasks()).toEqual([]);
    await generate('2026-10-01');
    await generate('2026-10-02');
    expect(await disposalTasks()).toEqual([
      expect.objectContaining({
        title: '契約書等テスト印刷株式会社 契約書等の保存期限の経過',
        dueOn: '2026-10-31',
        sourceLabel: '契約書等の保存期限の経過',
        departmentName: '営業部',
      }),
    ]);
  });
});

describe('委託先一覧の Excel（契約書等の件数・契約書の保存期限）', () => {
  it('件数は削除していないファイルの数、保存期限は日付か「未定（…が決まるまで）」', async () => {
    const r = await pms.call(C.exportXlsx);
    expect(r.status).toBe(200);
    const sheet = await readFirstSheet(r.raw);
    const count = sheet.headers.indexOf('契約書等の件数');
    const until = sheet.headers.indexOf('契約書の保存期限');
    expect(count).toBeGreaterThan(0);
    expect(until).toBe(count + 1);
    const row = (name: string) => sheet.rows.find((x) => x.cells.includes(name))?.cells;
    // The 契約書 (kept) counts; the removed 会社案内 does not.
    expect(row('契約書等テスト印刷株式会社')?.[count]).toBe(1);
    // An Excel date (shown as 2026/09/30), not text.
    expect(row('契約書等テスト印刷株式会社')?.[until]).toEqual(new Date('2026-09-30T00:00:00.000Z'));
    expect(row('契約書等テスト会員管理株式会社')?.[count]).toBe(1);
    expect(row('契約書等テスト会員管理株式会社')?.[until]).toBe('未定（台帳の保管期限が決まるまで）');
    expect(row('契約書等テスト総務委託株式会社')?.[until]).toBe('未定（契約終了日が決まるまで）');
  });
});

describe('契約書等を見られる人・添付できる人は委託先の規則に従う（否定的認可）', () => {
  it('他の組織の管理者には一覧・添付・取出し・削除とも 404 で、1行も変わらない', async () => {
    const [file] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(attachments)
        .where(and(eq(attachments.ownerType, 'contractor'), eq(attachments.ownerId, pendingId))),
    );
    const before = (await asSystem(t.database, (tx) => tx.select().from(attachments))).length;
    expect((await outsider.call(A.list, { params: { ownerType: 'contractor', ownerId: printerId } })).status).toBe(404);
    expect((await upload(outsider, printerId, '侵入.pdf', 'contract')).status).toBe(404);
    expect((await outsider.call(A.download, { params: { id: file!.id } })).status).toBe(404);
    expect((await outsider.call(A.remove, { params: { id: file!.id }, body: { reason: '侵入' } })).status).toBe(404);
    expect((await asSystem(t.database, (tx) => tx.select().from(attachments))).length).toBe(before);
  });

  it('委託先の権限のない役割（一般の従業者）には委託先も契約書等もない（404）', async () => {
    expect((await staff.call(A.list, { params: { ownerType: 'contractor', ownerId: printerId } })).status).toBe(404);
    expect((await upload(staff, printerId, '侵入.pdf', 'contract')).status).toBe(404);
  });

  it('閲覧だけの役割（トップマネジメント）は見られるが添付できない（403）。他の所属の所属長も添付できない', async () => {
    const list = await top.call(A.list, { params: { ownerType: 'contractor', ownerId: pendingId } });
    expect(list.status).toBe(200);
    expect(list.body.canWrite).toBe(false);
    expect(list.body.items.map((i) => i.fileName)).toEqual(['秘密保持誓約書.pdf']);
    const refused = await upload(top, pendingId, '監査.pdf', 'contract');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('この委託先にファイルを添付・削除する権限がありません');
    // The 営業部's 所属長 manages the 営業部's 委託先, not the 総務部's.
    expect((await upload(sales, pendingId, '契約書.pdf', 'contract')).status).toBe(201);
    expect((await upload(sales, generalId, '契約書.pdf', 'contract')).status).toBe(403);
  });
});

describe('保存期限が過ぎた契約書等の廃棄（J.9.4 5）', () => {
  it('保存期限の翌日（2026年10月1日）からは削除でき、誰がいつなぜ削除したかが監査ログに残る', async () => {
    // A session does not outlive the clock's jump: sign in again on the day.
    t.clock.set('2026-10-01T09:00:00+09:00');
    pms = await t.login('pms@demo.mamori.local');
    const list = await pms.call(A.list, { params: { ownerType: 'contractor', ownerId: printerId } });
    expect(list.body.retention).toMatchObject({ until: '2026-09-30', removable: true });
    const r = await pms.call(A.remove, { params: { id: contractFileId }, body: { reason: '保存期限経過により廃棄' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ deletedReason: '保存期限経過により廃棄', deletedByName: '佐藤 花子', url: null });
    const audited = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'attachments'), eq(auditLog.entityId, contractFileId), eq(auditLog.action, 'update'))),
    );
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0])).toContain('保存期限経過により廃棄');
  });
});
