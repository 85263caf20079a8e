import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { attachmentsContract } from '../../src/platform/attachments/attachments.contract.ts';
import { chosenKind, seedAttachment } from '../../src/platform/attachments/attachments.service.ts';
import { attachmentContents, attachments } from '../../src/platform/attachments/attachments.tables.ts';
import { ATTACHMENT_MAX_BYTES } from '../../src/platform/attachments/fileChecks.ts';
import { auditLog } from '../../src/platform/audit/audit.tables.ts';
import { hashPassword } from '../../src/platform/auth/hashing.ts';
import { asSystem, inOrg } from '../../src/platform/db/tenancy.ts';
import { accounts, organizations, people, roleAssignments } from '../../src/platform/db/schema.ts';
import { DEMO_PASSWORD } from '../../src/platform/demo.ts';
import { incidents } from '../../src/modules/incidents/incidents.tables.ts';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

/**
 * 添付ファイル (SPEC §3 Attachments: files on records, "with size limits and content-type
 * checks"): the type is read from the bytes, the name is kept as given or refused, files on a
 * personal-data record are encrypted at rest, and a file is visible exactly to who may open its
 * record (issue 11 #6) — here the incident's rule (incidents.policy.ts).
 */

let t: TestApp;
let pms: Client;
let salesHead: Client;
let desk: Client;
let staff: Client;
let incidentId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');

function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type?: string }) {
  const boundary = '----mamori-attachment-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`),
    );
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// biome-ignore lint/suspicious/noExplicitAny: an upload answers an attachment or an error body; each test reads what it expects
type UploadResult = { status: number; body: any; raw: Buffer; headers: Record<string, unknown> };

/** Uploads a file onto the incident, as 証跡・資料 unless `fields` say otherwise (the kind is always chosen: an upload without one is refused). */
async function upload(
  client: Client,
  name: string,
  bytes: Buffer,
  fields: Record<string, string> = { kind: 'evidence' },
  owner = incidentId,
  type?: string,
): Promise<UploadResult> {
  const m = multipart(fields, { name, bytes, ...(type ? { type } : {}) });
  return (await client.requestAnyRoute('POST', `/api/attachments/incident/${owner}`, m.body, m.headers)) as UploadResult;
}

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  salesHead = await t.login('sales-head@demo.mamori.local');
  desk = await t.login('desk@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  const [incident] = await asSystem(t.database, (tx) => tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.organizationId, t.demoOrganizationId)).limit(1));
  incidentId = incident!.id;
});
afterAll(() => t.close());

describe('添付と取出し（SPEC §3 添付ファイル）', () => {
  it('PDF を添付すると種類は中身から判定され、ダウンロードはバイト単位で同じ（SHA-256 も一致）', async () => {
    const r = await upload(pms, '見積書_誤送信の証跡.pdf', PDF, { kind: 'evidence', note: '送信メールの控え' }, incidentId, 'text/html');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      fileName: '見積書_誤送信の証跡.pdf',
      contentType: 'application/pdf',
      contentTypeLabel: 'PDF',
      kindLabel: '証跡・資料',
      size: PDF.length,
      uploadedByName: '佐藤 花子',
    });
    expect(r.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const download = await pms.call(attachmentsContract.download, { params: { id: r.body.id } });
    expect(download.status).toBe(200);
    expect(download.raw.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(String(download.headers['content-security-policy'])).toContain('sandbox');
    expect(String(download.headers['content-disposition'])).toContain("filename*=UTF-8''%E8%A6%8B%E7%A9%8D");
  });

  it('事故等は個人データを含むため、内容は暗号化して保存される（平文の内容はデータベースにない）', async () => {
    const secret = Buffer.from('漏えいした顧客: 山田 一郎 090-1234-5678\n');
    const r = await upload(pms, '顧客一覧の抜粋.txt', secret);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [stored] = await asSystem(t.database, (tx) => tx.select().from(attachmentContents).where(eq(attachmentContents.attachmentId, r.body.id)));
    expect(stored!.content.includes(secret)).toBe(false);
    expect(stored!.content.includes(Buffer.from('山田'))).toBe(false);
    const [meta] = await asSystem(t.database, (tx) => tx.select().from(attachments).where(eq(attachments.id, r.body.id)));
    expect(meta!.encrypted).toBe(true);
    expect((await pms.call(attachmentsContract.download, { params: { id: r.body.id } })).raw.equals(secret)).toBe(true);
  });

  it('個人データを含む記録のファイルのダウンロードは閲覧として監査証跡に残る。行の監査にファイルの中身は入らない', async () => {
    const r = await upload(pms, '写真.png', PNG);
    expect(r.status).toBe(201);
    await pms.call(attachmentsContract.download, { params: { id: r.body.id } });
    const rows = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.entityId, r.body.id))),
    );
    expect(rows.map((a) => a.action).sort()).toEqual(['insert', 'read']);
    const contentRows = await asSystem(t.database, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityType, 'attachment_contents')));
    expect(contentRows).toEqual([]);
  });
});

describe('形式・大きさ・名前の検査（中身で判定、名前は変えずに拒否）', () => {
  it('拡張子を .pdf にした実行ファイルは 415、ファイル名と受け付ける形式を日本語で示す', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const r = await upload(pms, '請求書.pdf', exe, { kind: 'evidence' }, incidentId, 'application/pdf');
    expect(r.status).toBe(415);
    expect(r.body.error.message).toContain('「請求書.pdf」は添付できない形式です');
    expect(r.body.error.message).toContain('PDF');
    expect(r.body.error.fields[0].path).toBe('file');
  });

  it('HTML や SVG（開くとスクリプトが動く）は .txt と名付けても拒否される', async () => {
    expect((await upload(pms, 'メモ.txt', Buffer.from('<html><script>alert(1)</script></html>'))).status).toBe(415);
    expect((await upload(pms, 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).status).toBe(415);
    expect((await upload(pms, 'data.txt', Buffer.from([0x41, 0x00, 0x42]))).status).toBe(415);
  });

  it(`${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB を超えるファイルは 413（ファイル名を示す）、何も保存されない`, async () => {
    const before = await asSystem(t.database, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(attachments));
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20)]);
    const r = await upload(pms, '大きな資料.pdf', big);
    expect(r.status).toBe(413);
    expect(r.body.error.message).toContain('「大きな資料.pdf」は大きすぎます');
    const after = await asSystem(t.database, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(attachments));
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('展開すると大きすぎる Office ファイル（zip 爆弾）は拒否される', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台帳').addRow(['名称']);
    const real = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await upload(pms, '台帳.xlsx', real)).status).toBe(201);
    const bomb = Buffer.from(
      zipSync(
        { '[Content_Types].xml': Buffer.from('<Types/>'), 'xl/workbook.xml': Buffer.from('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(100 * 1024 * 1024) },
        { level: 9 },
      ),
    );
    const r = await upload(pms, '台帳_爆弾.xlsx', bomb);
    expect(r.status, JSON.stringify(r.body)).toBe(415);
    expect(r.body.error.message).toContain('展開すると大きすぎる');
    // The real workbook with its sheet swollen to 100 MB of spaces: a few hundred kB packed.
    const swollen = Buffer.from(zipSync({ ...unzipSync(real), 'xl/worksheets/sheet1.xml': new Uint8Array(100 * 1024 * 1024).fill(0x20) }));
    expect(swollen.length).toBeLessThan(1024 * 1024);
    const r2 = await upload(pms, '台帳_膨張.xlsx', swollen);
    expect(r2.status, JSON.stringify(r2.body)).toBe(415);
    expect(r2.body.error.message).toContain('展開すると大きすぎる');
  }, 60_000);

  it('ファイル名の制御文字・文字の向きを変える制御文字は、名前を変えずに 422 で拒否される', async () => {
    const rlo = await upload(pms, '請求書\u202Efdp.exe', PDF);
    expect(rlo.status).toBe(422);
    expect(rlo.body.error.message).toContain('文字の向きを変える制御文字');
    const nul = await upload(pms, 'a\u0001b.pdf', PDF);
    expect(nul.status).toBe(422);
    expect(nul.body.error.message).toContain('制御文字');
  });

  it('種別は記録の種類ごとの一覧から。ないものは 422 で選べる種別を示す', async () => {
    const r = await upload(pms, '資料.pdf', PDF, { kind: 'unknown_kind' });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('証跡・資料');
    expect(r.body.error.message).not.toContain('unknown_kind');
  });

  it('種別を選ばずに送ったファイルは 422「種別を選択してください」で、最初の種別として保存しない（委任状を契約書として保存しない）', async () => {
    const count = async () =>
      (await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.select({ id: attachments.id }).from(attachments).where(eq(attachments.ownerId, incidentId))))
        .length;
    const before = await count();
    for (const fields of [{}, { kind: '' }, { note: '種別なし' }] as Record<string, string>[]) {
      const r = await upload(pms, '委任状.pdf', PDF, fields);
      expect(r.status, JSON.stringify(fields)).toBe(422);
      expect(r.body.error.message).toBe('種別を選択してください（事故等に添付できる種別: 証跡・資料、報告書の控え、その他）');
      expect(r.body.error.fields).toEqual([{ path: 'kind', message: r.body.error.message }]);
    }
    expect(await count()).toBe(before);
  });

  it('種別が1つだけの記録は、選ばなくてもその種別になる（選ぶものがない）', () => {
    const single = { label: '証明書', kinds: [{ code: 'certificate', label: '返還・廃棄の証明書' }] };
    expect(chosenKind(single, undefined)).toBe('certificate');
    expect(() => chosenKind(single, 'pledge')).toThrow('種別の値が正しくありません（証明書に添付できる種別: 返還・廃棄の証明書）');
    expect(() => chosenKind({ label: '事故等', kinds: [...single.kinds, { code: 'other', label: 'その他' }] }, undefined)).toThrow('種別を選択してください');
  });
});

describe('見える人・添付できる人は記録の規則に従う（issue 11 #6）', () => {
  it('事故等を見られない人（苦情相談窓口責任者）には、一覧もファイルも 404（存在も分からない）', async () => {
    const mine = await upload(pms, '証跡.pdf', PDF);
    expect((await desk.call(attachmentsContract.list, { params: { ownerType: 'incident', ownerId: incidentId } })).status).toBe(404);
    expect((await desk.call(attachmentsContract.download, { params: { id: mine.body.id } })).status).toBe(404);
    expect((await upload(desk, '侵入.pdf', PDF)).status).toBe(404);
  });

  it('所属長（営業部）は自部署の事故等のファイルを見て添付でき、報告者本人（渡辺）も添付できる', async () => {
    const list = await salesHead.call(attachmentsContract.list, { params: { ownerType: 'incident', ownerId: incidentId } });
    expect(list.status).toBe(200);
    expect(list.body.canWrite).toBe(true);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect((await upload(salesHead, '所属長の資料.pdf', PDF)).status).toBe(201);
    expect((await upload(staff, '報告者の資料.pdf', PDF)).status).toBe(201);
  });

  it('他の組織の記録・ファイルは 404', async () => {
    const [other] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '添付試験の別組織' }).returning());
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await inOrg(t.database, { organizationId: other!.id }, async (tx) => {
      const [p] = await tx.insert(people).values({ organizationId: other!.id, name: '他社 管理者' }).returning();
      await tx.insert(roleAssignments).values({ organizationId: other!.id, personId: p!.id, role: 'pms_manager', startsOn: '2020-01-01' });
      await tx.insert(accounts).values({ organizationId: other!.id, personId: p!.id, loginId: 'admin@attachments-other.example', passwordHash });
    });
    const otherAdmin = await t.login('admin@attachments-other.example');
    expect((await otherAdmin.call(attachmentsContract.list, { params: { ownerType: 'incident', ownerId: incidentId } })).status).toBe(404);
    const mine = await upload(pms, '証跡2.pdf', PDF);
    expect((await otherAdmin.call(attachmentsContract.download, { params: { id: mine.body.id } })).status).toBe(404);
    expect((await otherAdmin.call(attachmentsContract.remove, { params: { id: mine.body.id }, body: { reason: '侵入' } })).status).toBe(404);
  });

  it('知らない記録の種類は 404（日本語）', async () => {
    const r = await pms.call(attachmentsContract.list, { params: { ownerType: 'no_such_owner', ownerId: incidentId } });
    expect(r.status).toBe(404);
    expect(r.body.error?.message).toContain('添付ファイルの対象');
  });
});

describe('削除（理由を記録、内容は消え、履歴は残る）', () => {
  it('理由なしは 400（削除の理由の欄のエラー）。理由ありで削除すると一覧に削除者・理由とともに残り、ダウンロードは 404、内容の行は消える', async () => {
    const r = await upload(pms, '誤って添付.pdf', PDF);
    const empty = await pms.call(attachmentsContract.remove, { params: { id: r.body.id }, body: { reason: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.fields?.[0]).toMatchObject({ path: 'reason', message: expect.stringContaining('削除の理由') });
    const removed = await pms.call(attachmentsContract.remove, { params: { id: r.body.id }, body: { reason: '別の事案のファイルだったため' } });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ deletedByName: '佐藤 花子', deletedReason: '別の事案のファイルだったため', url: null });
    expect((await pms.call(attachmentsContract.download, { params: { id: r.body.id } })).status).toBe(404);
    const contents = await asSystem(t.database, (tx) => tx.select().from(attachmentContents).where(eq(attachmentContents.attachmentId, r.body.id)));
    expect(contents).toEqual([]);
    const list = await pms.call(attachmentsContract.list, { params: { ownerType: 'incident', ownerId: incidentId } });
    expect(list.body.items.find((i) => i.id === r.body.id)?.deletedReason).toBe('別の事案のファイルだったため');
  });

  it('見るだけの人は削除できない（403）', async () => {
    const r = await upload(pms, '残す資料.pdf', PDF);
    const top = await t.login('top@demo.mamori.local');
    const res = await top.call(attachmentsContract.remove, { params: { id: r.body.id }, body: { reason: '試し' } });
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toContain('事故等');
  });
});

describe('1つのトランザクションで添付した複数のファイルの順序', () => {
  it('送った順に並ぶ（公開窓口の委任状と本人確認書類: now() はトランザクションの開始時刻で同じになる）', async () => {
    // Failed about half the time before: equal created_at, then the random id decided the order.
    const names = Array.from({ length: 8 }, (_, i) => `書類${i + 1}.pdf`);
    await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
      for (const fileName of names)
        await seedAttachment(tx, {
          organizationId: t.demoOrganizationId,
          ownerType: 'incident',
          ownerId: incidentId,
          kind: 'evidence',
          fileName,
          bytes: PDF,
          uploadedByName: '試験',
        });
    });
    const list = await pms.call(attachmentsContract.list, { params: { ownerType: 'incident', ownerId: incidentId } });
    expect(list.body.items?.map((f) => f.fileName).filter((n) => n.startsWith('書類'))).toEqual(names);
  });
});
