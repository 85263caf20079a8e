import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalsContract } from '../../src/platform/approvals/approvals.contract.ts';
import { orgContract } from '../../src/platform/org/org.contract.ts';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

/**
 * 役割任命申請 follows the privilege ordering of issue 11 #2 (auth/accountPrivilege.ts): an
 * approval is the act that gives the role, so whoever completes it must be allowed to give it.
 * With the chain set to 所属長 (トップマネジメント as 代行者, a chain the settings accept), the
 * 営業部's 所属長 approved making an employee of her department 個人情報保護管理者 — a role holding
 * every permission she lacks — and the employee became one: the 役割の割当て screen refuses that
 * change to her (roleChangeRefusal), the approval went round it.
 */

let t: TestApp;
let pms: Client;
let salesHead: Client;
let watanabeId: string;

beforeAll(async () => {
  t = await buildTestApp();
  pms = await t.login('pms@demo.mamori.local');
  salesHead = await t.login('sales-head@demo.mamori.local');
  const people = await pms.call(orgContract.people, { query: {} });
  watanabeId = (people.body.items as { id: string; name: string }[]).find((p) => p.name === '渡辺 さくら')!.id;
  const chain = await pms.request('PUT', '/api/approval-chains/role_request', { steps: [{ role: 'department_head', alternateRole: 'top_management' }] });
  expect(chain.status, JSON.stringify(chain.body)).toBe(200);
});
afterAll(() => t.close());

async function rolesOfWatanabe(): Promise<string[]> {
  const list = await pms.call(orgContract.roleAssignments);
  return list.body.items.filter((a) => a.personId === watanabeId).map((a) => a.role);
}

describe('役割任命申請の承認も権限の序列に従う (issue 11 #2, SPEC §9 最小権限)', () => {
  it('承認経路の最後の段（所属長）が与えられない役割（個人情報保護管理者）への任命は、申請の時点で断る（422、承認者と代わりの方法を示す）。申請は残らず、役割も付かない', async () => {
    const before = await pms.request('GET', '/api/role-requests');
    const created = await pms.call(approvalsContract.createRoleRequest, {
      body: { personId: watanabeId, role: 'pms_manager', startsOn: '2026-12-01', note: '権限の序列の試験' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(422);
    const error = (created.body as unknown as { error: { message: string; fields?: Record<string, string> } }).error;
    expect(error.message).toContain('個人情報保護管理者への任命は、承認経路の最後の段「所属長」');
    expect(error.message).toContain('役割の割当てで任命する');
    expect(error.message).not.toMatch(/[a-z]+_[a-z]+|[a-z]+\.[a-z]+/);
    const after = await pms.request('GET', '/api/role-requests');
    expect(JSON.stringify(after.body)).toBe(JSON.stringify(before.body));
    expect(await rolesOfWatanabe()).not.toContain('pms_manager');
  });

  it('自分の権限の範囲の役割（個人情報管理者）への任命は、同じ所属長が承認でき、役割が付く', async () => {
    const departments = await pms.call(orgContract.departments);
    const sales = departments.body.items.find((d) => d.name === '営業部')!;
    const created = await pms.call(approvalsContract.createRoleRequest, {
      body: { personId: watanabeId, role: 'info_manager', departmentId: sales.id, startsOn: '2026-12-01' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const approve = await salesHead.call(approvalsContract.approve, { params: { id: created.body.approvalRequestId ?? '' }, body: {} });
    expect(approve.status, JSON.stringify(approve.body)).toBe(200);
    expect(await rolesOfWatanabe()).toContain('info_manager');
  });

  it('申請のあとで対象者が所属長にない権限の役割（情報セキュリティ責任者）を得たら、所属長の承認は断る（403、役割の名前を示す）。申請は承認待ちのまま', async () => {
    const departments = await pms.call(orgContract.departments);
    const sales = departments.body.items.find((d) => d.name === '営業部')!;
    const created = await pms.call(approvalsContract.createRoleRequest, {
      body: { personId: watanabeId, role: 'handling_manager', departmentId: sales.id, startsOn: '2026-12-01' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const assigned = await pms.request('POST', '/api/role-assignments', { personId: watanabeId, role: 'security_manager', startsOn: '2026-12-01' });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    const approve = await salesHead.call(approvalsContract.approve, { params: { id: created.body.approvalRequestId ?? '' }, body: {} });
    expect(approve.status, JSON.stringify(approve.body)).toBe(403);
    expect(approve.body.error?.message).toContain('情報セキュリティ責任者');
    expect(approve.body.error?.message).not.toMatch(/[a-z]+\.[a-z]+/);
    expect(await rolesOfWatanabe()).not.toContain('handling_manager');
    const detail = await pms.call(approvalsContract.detail, { params: { id: created.body.approvalRequestId ?? '' } });
    expect(detail.body.request.status).toBe('pending');
  });
});
