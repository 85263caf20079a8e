import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, organizations, people, roleAssignments } from '../../src/platform/db/schema.ts';
import { asSystem, inOrg, rowsOf } from '../../src/platform/db/tenancy.ts';
import { hashPassword } from '../../src/platform/auth/hashing.ts';
import { DEMO_PASSWORD } from '../../src/platform/demo.ts';
import { permissionsForRoles } from '../../src/platform/policies/permissions.ts';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';
import { sampleBodyFor, sampleIdFor, sampleQueryFor } from './routeSamples.ts';

/**
 * Negative-authorization suite (Documenso/Immich style): for EVERY registered /api route,
 * 1. without a session → 401;
 * 2. as an account whose roles lack the route's permission → 403, and no row changes;
 * 3. as an administrator of ANOTHER organization, with ids of this organization's records → 404,
 *    and no row changes.
 * A new route without a sample body or id resolver makes this suite fail until one is added
 * in routeSamples.ts.
 */

let t: TestApp;
let outsider: Client;
let staff: Client;
let routes: { method: string; url: string; access: string }[];
let otherOrganizationId: string;

async function writeFingerprint(): Promise<string> {
  const rows = await asSystem(t.database, async (tx) =>
    rowsOf<{ n: number; last: string | null }>(await tx.execute(sql`select count(*)::int as n, max(id)::text as last from audit_log where action in ('insert','update','delete')`)),
  );
  return JSON.stringify(rows[0]);
}

beforeAll(async () => {
  t = await buildTestApp();
  // Another organization with its own 個人情報保護管理者 (all permissions there).
  const [other] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '他組織株式会社' }).returning());
  otherOrganizationId = other!.id;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inOrg(t.database, { organizationId: other!.id }, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: other!.id, name: '他社 管理者' }).returning();
    await tx.insert(roleAssignments).values({ organizationId: other!.id, personId: p!.id, role: 'pms_manager', startsOn: '2020-01-01' });
    await tx.insert(accounts).values({ organizationId: other!.id, personId: p!.id, loginId: 'admin@other.example', passwordHash });
  });
  outsider = await t.login('admin@other.example');
  staff = await t.login('staff@demo.mamori.local');
  routes = (t.app as unknown as FastifyInstance & { declaredRoutes: typeof routes }).declaredRoutes;
});
afterAll(() => t.close());

function fillParams(url: string, ids: Record<string, string>): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? (name === 'recordType' ? 'role_request' : '00000000-0000-4000-8000-000000000000'));
}

describe('否定的認可テスト: すべての API ルート', () => {
  it('すべての /api ルートが必要な権限を宣言している（宣言のないルートはサーバーが起動しない）', () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('セッションなしでは公開ルート以外はすべて 401', async () => {
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const res = await (t.app as unknown as FastifyInstance).inject({ method: r.method as 'GET', url: fillParams(r.url, {}), payload: sampleBodyFor(r.method, r.url) as object });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('権限のない役割 (一般の従業者) では 403 で、1行も変わらない', async () => {
    const staffPermissions = permissionsForRoles([]);
    const guarded = routes.filter((r) => r.access !== 'public' && r.access !== 'authenticated' && !staffPermissions.has(r.access as never));
    expect(guarded.length).toBeGreaterThan(10);
    for (const r of guarded) {
      const before = await writeFingerprint();
      const ids = await sampleIdFor(t, r.url);
      const res = await staff.requestAnyRoute(r.method, fillParams(r.url, ids), sampleBodyFor(r.method, r.url));
      expect(res.status, `${r.method} ${r.url}`).toBe(403);
      expect(await writeFingerprint(), `${r.method} ${r.url} changed rows`).toBe(before);
    }
  });

  // Routes open to any signed-in person whose reader is decided per record (the 是正処置: its finder
  // and the readers of its source may read it, J.7.1 h)): the role-less employee, unrelated to
  // the demo's record, is refused like on the permission-guarded routes.
  it('記録ごとに読める人が決まるルート（是正処置）: 関わりのない一般の従業者には 403 で、1行も変わらない', async () => {
    // The demo's own 是正処置 was found by the employee (渡辺 さくら, who may read it): one the PMS manager raised.
    const pms = await t.login('pms@demo.mamori.local');
    const raised = await pms.request('POST', '/api/corrective-actions', { sourceType: 'audit', title: '内部監査の指摘', content: '手順書の改訂漏れ' });
    expect(raised.status).toBe(201);
    const perRecord = routes.filter((r) => r.access === 'authenticated' && r.url.startsWith('/api/corrective-actions/:id'));
    expect(perRecord.length).toBe(2);
    for (const r of perRecord) {
      const before = await writeFingerprint();
      const res = await staff.requestAnyRoute(r.method, fillParams(r.url, { id: raised.body.id }), sampleBodyFor(r.method, r.url));
      expect(res.status, `${r.method} ${r.url}`).toBe(403);
      expect(await writeFingerprint(), `${r.method} ${r.url} changed rows`).toBe(before);
    }
  });

  it('他の組織の管理者が、この組織のレコードの id を指定すると 404 で、1行も変わらない', async () => {
    // Routes addressing a record by id; a few take a name instead (e.g. :recordType), which
    // only ever addresses the caller's own organization's settings.
    const withIds = routes.filter((r) => r.access !== 'public' && /:id\b/.test(r.url));
    expect(withIds.length).toBeGreaterThan(5);
    for (const r of withIds) {
      const ids = await sampleIdFor(t, r.url);
      const before = await writeFingerprint();
      const res = await outsider.requestAnyRoute(r.method, fillParams(r.url, ids), sampleBodyFor(r.method, r.url));
      expect(res.status, `${r.method} ${r.url}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(404);
      expect(await writeFingerprint(), `${r.method} ${r.url} changed rows`).toBe(before);
    }
  });

  it('添付ファイルの対象（委託先の契約書等, J.9.4 5）: 他の組織の管理者と委託先の権限のない役割には 404 で、1行も変わらない', async () => {
    // /api/attachments/:ownerType/:ownerId names its record by owner type, not `:id`: each owner's rule is asked here.
    const ids = await sampleIdFor(t, '/api/contractors/:id');
    const before = await writeFingerprint();
    for (const client of [outsider, staff]) {
      expect((await client.requestAnyRoute('GET', `/api/attachments/contractor/${ids.id}`)).status).toBe(404);
      const boundary = '----mamori-negative';
      const body = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="侵入.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
      );
      const res = await client.requestAnyRoute('POST', `/api/attachments/contractor/${ids.id}`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(res.status).toBe(404);
    }
    expect(await writeFingerprint()).toBe(before);
  });

  it('他の組織の管理者の一覧には、この組織のデータが1件も出ない', async () => {
    const lists = routes.filter((r) => r.method === 'GET' && r.access !== 'public' && !r.url.includes(':') && !r.url.endsWith('.xlsx') && !r.url.endsWith('.pdf'));
    const demoNames = ['佐藤 花子', '営業部', '株式会社まもりデモ', 'pms@demo.mamori.local'];
    for (const r of lists) {
      const res = await outsider.requestAnyRoute('GET', `${r.url}${sampleQueryFor(r.method, r.url)}`);
      expect([200, 403], `${r.url}`).toContain(res.status);
      for (const name of demoNames) expect(JSON.stringify(res.body), `${r.url} leaks ${name}`).not.toContain(name);
    }
  });

  it('評価基準の改定のお知らせ（issue #13, J.9.4 s)）: 委託元が承認した版は接続している委託先にだけ届き、他の組織の管理者の一覧にも RLS にも出ない', async () => {
    const pms = await t.login('pms@demo.mamori.local');
    const top = await t.login('top@demo.mamori.local');
    const current = (await pms.get('/api/contractor-criteria')).body.current.items as { code: string; text: string; coversOthers: boolean }[];
    const items = [...current, { code: '10', text: '委託先従業者に対する個人情報保護教育の実施', coversOthers: false }];
    expect((await pms.request('PUT', '/api/contractor-criteria/draft', { name: '委託先審査表', items })).status).toBe(200);
    const submitted = await pms.request('POST', '/api/contractor-criteria/draft/submit');
    expect((await top.request('POST', `/api/approvals/${submitted.body.approvalRequestId}/approve`, {})).status).toBe(200);
    // The demo's connected 委託先 has it, so the checks below are not vacuous.
    const vendor = await t.login('vendor@demo.mamori.local');
    expect((await vendor.get('/api/contractor-portal/criteria-notices')).body.items).toHaveLength(1);
    const res = await outsider.get('/api/contractor-portal/criteria-notices');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    const profile = await outsider.get('/api/contractor-portal/profile');
    expect(JSON.stringify(profile.body)).not.toContain('株式会社まもりデモ');
    const seen = await inOrg(t.database, { organizationId: otherOrganizationId }, async (tx) =>
      rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from contractor_portal_criteria_notices`)),
    );
    expect(seen[0]?.n).toBe(0);
  });
});
