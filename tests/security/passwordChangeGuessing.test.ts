import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/demo.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';

/**
 * Issue 11 #10: パスワード変更 (POST /api/auth/password) checked the current password without
 * limit, so a borrowed or stolen session could guess it for ever. Wrong current passwords now
 * count with failed logins (one counter, one lockout, SPEC §9) and the route is rate-limited.
 */

let t: TestApp;
const inject = (options: InjectOptions) => (t.app as unknown as FastifyInstance).inject(options);

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('#10 パスワード変更での現在のパスワードの推測 (SPEC §9 ログイン失敗の制限)', () => {
  it('誤った現在のパスワードはログインの失敗と同じく数え、5回でロック（正しいパスワードでも 423）', async () => {
    const c = await t.login('staff@demo.mamori.local');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await c.request('POST', '/api/auth/password', { currentPassword: `Guess-${i}-pass!`, newPassword: 'Taken-over-1!' })).status);
    expect(statuses).toEqual([422, 422, 422, 422, 423, 423]);
    const right = await c.request('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Taken-over-1!' });
    expect(right.status).toBe(423);
    const login = await inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'staff@demo.mamori.local', password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(423);
  });

  it('ログインの失敗とパスワード変更の失敗は合わせて数える（3回 + 2回でロック）', async () => {
    // A session opened before the failures: the counter is the account's, not the session's.
    const c = await t.login('desk@demo.mamori.local');
    for (let i = 0; i < 3; i++) {
      const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'desk@demo.mamori.local', password: `Wrong-${i}-pass!` } });
      expect(res.statusCode).toBe(401);
    }
    expect((await c.request('POST', '/api/auth/password', { currentPassword: 'Guess-a-pass1!', newPassword: 'Taken-over-1!' })).status).toBe(422);
    const fifth = await c.request('POST', '/api/auth/password', { currentPassword: 'Guess-b-pass1!', newPassword: 'Taken-over-1!' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.message).toContain('ロック');
  });

  it('同じIPからのパスワード変更は1分に10回まで（429）', async () => {
    const c = await t.login('pms@demo.mamori.local');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await c.request('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' })).status);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
