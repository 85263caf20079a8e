import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../src/modules/index.ts';
import { allJobs } from '../../src/platform/jobs/jobs.ts';
import { installModules } from '../../src/platform/moduleKit/install.ts';
import { defineModule } from '../../src/platform/moduleKit/manifest.ts';
import { permissionsForRoles } from '../../src/platform/policies/permissions.ts';
import { noticeboardContract } from '../fixtures/noticeboard/noticeboard.contract.ts';
import { noticeboardCalls, noticeboardModule } from '../fixtures/noticeboard/index.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';

// Adding a module is one folder (tests/fixtures/noticeboard) and one entry in the module list:
// here the list is `[...modules, noticeboardModule]`, as `src/modules/index.ts` would have it.
describe('モジュールの追加（フォルダ1つとモジュール一覧への1行）', () => {
  const withNoticeboard = [...modules, noticeboardModule];
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ modules: withNoticeboard });
  });
  afterAll(async () => {
    await t?.close();
    installModules(modules);
  });

  it('ルートが契約どおりに動き、権限は役割から与えられる（所属長は閲覧、個人情報保護管理者はすべて）', async () => {
    const head = await t.login('sales-head@demo.mamori.local');
    const read = await head.call(noticeboardContract.read);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ organizationId: t.demoOrganizationId, message: 'お知らせ', canPost: false });
    const pms = await t.login('pms@demo.mamori.local');
    expect((await pms.call(noticeboardContract.read)).body.canPost).toBe(true);
  });

  it('権限のない従業者には 403', async () => {
    const staff = await t.login('staff@demo.mamori.local');
    const res = await staff.call(noticeboardContract.read);
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(/権限/);
  });

  it('デモの投入・定期ジョブ・OpenAPI の応答スキーマにも現れる', async () => {
    expect(noticeboardCalls.demo).toEqual([t.demoOrganizationId]);
    const job = allJobs().find((j) => j.name === 'noticeboard-sweep');
    await job?.run(t.deps);
    expect(noticeboardCalls.job).toBe(1);
    const doc = t.app.swagger() as { paths: Record<string, { get?: { responses?: Record<string, { content?: unknown }> } }> };
    expect(doc.paths['/api/noticeboard']?.get?.responses?.['200']?.content).toBeDefined();
    expect(permissionsForRoles(['department_head']).has('noticeboard.read')).toBe(true);
    expect(permissionsForRoles(['department_head']).has('noticeboard.post')).toBe(false);
  });

  it('モジュール名で始まらない権限・同じ名前のモジュール・二重の権限は起動時に拒む', () => {
    expect(() => defineModule({ ...noticeboardModule, permissions: { 'other.read': { label: 'x', grantedTo: [] } } })).toThrow(/must start with "noticeboard\."/);
    expect(() => installModules([...withNoticeboard, noticeboardModule])).toThrow(/listed twice/);
    expect(() => installModules([...withNoticeboard, { ...noticeboardModule, name: 'noticeboard2' }])).toThrow(/declared by two modules/);
  });
});
