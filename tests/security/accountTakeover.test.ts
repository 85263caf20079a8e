import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountResetRefusal, roleChangeRefusal } from '../../src/platform/auth/accountPrivilege.ts';
import { orgContract } from '../../src/platform/org/org.contract.ts';
import { buildActor } from '../../src/platform/policies/actor.ts';
import { DEMO_PASSWORD } from '../../src/platform/demo.ts';
import { sendUrgentNotificationEmails } from '../../src/platform/notifications/reminders.ts';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

/**
 * Issue 11 #2: the 情報セキュリティ責任者 (`accounts.manage`) set a new password on the
 * 個人情報保護管理者's account, reset its second factor and disabled top management: a lesser
 * administrator could take over the PMS. Privilege ordering now holds (SPEC §9 least privilege,
 * J.2.3.1 — top management appoints the PMS manager and gives it its authority): nobody resets
 * the password or second factor of, or disables, an account holding a permission they lack;
 * those of a 個人情報保護管理者 or トップマネジメント need トップマネジメント; and every reset is
 * told to the account holder, in the app and by e-mail.
 */

let t: TestApp;
let security: Client;
let pms: Client;
let top: Client;
const inject = (options: InjectOptions) => (t.app as unknown as FastifyInstance).inject(options);
const login = (loginId: string, password: string) => inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password } });

type Row = { id: string; loginId: string; disabledAt: string | null; totpEnabled: boolean; abilities: string[] };
let ids: Record<string, string>;
const base = { personId: 'x', personName: '試験 太郎', organizationId: 'o', departmentId: null, locale: 'ja' };

beforeAll(async () => {
  t = await buildTestApp();
  security = await t.login('security@demo.mamori.local');
  pms = await t.login('pms@demo.mamori.local');
  top = await t.login('top@demo.mamori.local');
  const list = await pms.call(orgContract.accounts);
  ids = Object.fromEntries((list.body.items as Row[]).map((a) => [a.loginId.split('@')[0], a.id]));
});
afterAll(() => t.close());

const patch = (c: Client, who: string, body: Record<string, unknown>) => c.call(orgContract.updateAccount, { params: { id: ids[who]! }, body });

describe('#2 下位の管理者によるアカウントの乗っ取り (SPEC §9 最小権限、J.2.3.1)', () => {
  it('情報セキュリティ責任者は個人情報保護管理者のパスワードを再設定できない（403、日本語で理由）。パスワードは変わらない', async () => {
    const res = await patch(security, 'pms', { newPassword: 'Taken-over-1!' });
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(/持っていない権限|トップマネジメント/);
    expect(res.body.error?.message).not.toMatch(/[a-z]+\.[a-z]+/);
    expect((await login('pms@demo.mamori.local', 'Taken-over-1!')).statusCode).toBe(401);
    expect((await login('pms@demo.mamori.local', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('情報セキュリティ責任者は個人情報保護管理者の二要素認証をリセットできず、トップマネジメントを無効化できない', async () => {
    expect((await patch(security, 'pms', { resetTotp: true })).status).toBe(403);
    expect((await patch(security, 'top', { disabled: true })).status).toBe(403);
    expect((await login('top@demo.mamori.local', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('自分にない権限を持つ役割のアカウントは、役割の名前を示して拒否される（所属長の権限を持たない情報セキュリティ責任者）', () => {
    // The demo's 情報セキュリティ責任者 is also a 所属長; one who is not lacks the 所属長's permissions.
    const actor = buildActor({ ...base, accountId: 'a', roles: [{ role: 'security_manager', departmentId: null }] });
    const refusal = accountResetRefusal(actor, { accountId: 'b', roles: ['department_head'] });
    expect(refusal).toContain('あなたが持っていない権限を含む役割（所属長）');
    expect(accountResetRefusal(actor, { accountId: 'b', roles: [] })).toBeNull();
    // The 苦情相談窓口責任者 reads requesters' personal data (開示等の請求, M5), which the 情報セキュリティ責任者 does not.
    expect(accountResetRefusal(actor, { accountId: 'b', roles: ['complaints_manager'] })).toContain('苦情相談窓口責任者');
    expect(accountResetRefusal(actor, { accountId: 'b', roles: ['auditor'] })).toBeNull();
  });

  it('役割の割当ても同じ順序: 自分にない権限を持つ人の役割、自分にない権限を与える役割は変更できない', () => {
    const actor = buildActor({ ...base, accountId: 'a', roles: [{ role: 'security_manager', departmentId: null }] });
    expect(roleChangeRefusal(actor, { personId: 'y', currentRoles: ['department_head'], role: 'auditor' })).toContain('所属長');
    expect(roleChangeRefusal(actor, { personId: 'y', currentRoles: [], role: 'top_management' })).toContain('トップマネジメント');
    expect(roleChangeRefusal(actor, { personId: 'y', currentRoles: [], role: 'complaints_manager' })).toContain('苦情相談窓口責任者');
    expect(roleChangeRefusal(actor, { personId: 'y', currentRoles: [], role: 'auditor' })).toBeNull();
    const pmsActor = buildActor({ ...base, accountId: 'p', roles: [{ role: 'pms_manager', departmentId: null }] });
    expect(roleChangeRefusal(pmsActor, { personId: 'y', currentRoles: ['top_management'], role: 'auditor' })).toBeNull();
  });

  it('個人情報保護管理者は自分をトップマネジメントにできない（自分で自分の上に立たない、J.2.3.1）', async () => {
    const me = (await pms.call(orgContract.people, { query: { q: '佐藤' } })).body.items[0]!;
    const before = await pms.call(orgContract.roleAssignments);
    const res = await pms.call(orgContract.createRoleAssignment, { body: { personId: me.id, role: 'top_management', startsOn: '2026-01-01' } });
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toBe('自分をトップマネジメントにする割当ては、トップマネジメントが行います（J.2.3.1）');
    expect((await pms.call(orgContract.roleAssignments)).body.items).toHaveLength(before.body.items.length);
  });

  it('個人情報保護管理者でもトップマネジメントのパスワードは再設定できない（トップマネジメントが行う）', async () => {
    const res = await patch(pms, 'top', { newPassword: 'Taken-over-1!' });
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toContain('トップマネジメント');
  });

  it('管理画面から自分のアカウントのパスワードは再設定できない（現在のパスワードを確かめる「パスワード変更」を使う）', async () => {
    const res = await patch(pms, 'pms', { newPassword: 'Self-service-1!' });
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toContain('パスワード変更');
  });

  it('自分の権限の範囲のアカウント（従業者）は再設定でき、本人にアプリ内の通知とメールで知らせる', async () => {
    const res = await patch(security, 'staff', { newPassword: 'Reset-by-admin-1!' });
    expect(res.status).toBe(200);
    expect((await login('staff@demo.mamori.local', 'Reset-by-admin-1!')).statusCode).toBe(200);
    const staff = await t.login('staff@demo.mamori.local', 'Reset-by-admin-1!');
    const notes = await staff.get('/api/notifications');
    const note = notes.body.items.find((n: { title: string }) => n.title.includes('パスワード'));
    expect(note?.title).toBe('あなたのアカウントのパスワードが再設定されました');
    expect(note?.body).toContain('高橋 健');
    await sendUrgentNotificationEmails(t.deps);
    const mail = t.sentMail.find((m) => m.subject.includes('パスワードが再設定されました'));
    expect(mail?.to).toBeTruthy();
  });

  it('アカウントのない個人情報保護管理者にアカウントを作ること（初期パスワードの設定）も同じ順序で拒否される', async () => {
    const person = (await pms.request('POST', '/api/people', { name: '新任 管理者', employmentType: 'employee' })).body;
    expect((await pms.request('POST', '/api/role-assignments', { personId: person.id, role: 'pms_manager', startsOn: '2025-04-01' })).status).toBe(201);
    const res = await security.call(orgContract.createAccount, { body: { personId: person.id, loginId: 'new.pms@demo.mamori.local', password: 'Taken-over-1!' } });
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toContain('作成（初期パスワードの設定）は、トップマネジメントが行います');
    expect((await login('new.pms@demo.mamori.local', 'Taken-over-1!')).statusCode).toBe(401);
  });

  it('トップマネジメントは個人情報保護管理者のパスワードを再設定でき、本人に通知される', async () => {
    const res = await patch(top, 'pms', { newPassword: 'Reset-by-top-1!' });
    expect(res.status).toBe(200);
    const again = await t.login('pms@demo.mamori.local', 'Reset-by-top-1!');
    const notes = await again.get('/api/notifications');
    expect(notes.body.items.map((n: { title: string }) => n.title)).toContain('あなたのアカウントのパスワードが再設定されました');
  });

  it('一覧は各アカウントについて呼び出した人ができる操作を返す（画面はできない操作を出さない）', async () => {
    const list = await security.call(orgContract.accounts);
    const rows = list.body.items as Row[];
    const of = (who: string) => rows.find((r) => r.loginId.startsWith(`${who}@`))!.abilities;
    expect(of('pms')).toEqual(['unlock']);
    expect(of('staff')).toEqual(expect.arrayContaining(['unlock', 'resetPassword', 'resetTotp', 'disable']));
    expect(of('security')).toEqual(['unlock']);
  });
});
