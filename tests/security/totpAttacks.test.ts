import type { FastifyInstance, InjectOptions } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/demo.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';

/**
 * Issue 11 #9: the second factor (SPEC §9 TOTP) took unlimited wrong codes and accepted the same
 * code twice. Wrong codes now count with wrong passwords (one counter, one lockout), and a code
 * is refused once a code of its 30-second step (or a later one) has been accepted for the
 * account (RFC 6238 §5.2).
 */

let t: TestApp;
const inject = (options: InjectOptions) => (t.app as unknown as FastifyInstance).inject(options);
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** Turns on TOTP for an account (with the code of the current step) and returns its secret. */
async function enrol(loginId: string): Promise<string> {
  const c = await t.login(loginId);
  const setup = await c.request('POST', '/api/auth/totp/setup');
  const enable = await c.request('POST', '/api/auth/totp/enable', { code: await generate({ secret: setup.body.secret, epoch: now() }) });
  expect(enable.status).toBe(200);
  return setup.body.secret;
}

/** Signs in with the password: the half-signed-in session's cookie and CSRF token. */
async function passwordStep(loginId: string) {
  const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'mamori_session')!.value;
  const session = await inject({ method: 'GET', url: '/api/auth/session', cookies: { mamori_session: cookie } });
  const csrf = session.json().csrfToken as string;
  const verify = (code: string) =>
    inject({ method: 'POST', url: '/api/auth/totp/verify', cookies: { mamori_session: cookie }, headers: { 'x-csrf-token': csrf }, payload: { code } });
  return { cookie, verify };
}

describe('#9 二要素認証の確認コード (SPEC §9)', () => {
  it('誤った確認コードはパスワードの失敗と同じ回数に数え、5回でロック（正しいパスワードでも 423）', async () => {
    await enrol('audit@demo.mamori.local');
    const { verify } = await passwordStep('audit@demo.mamori.local');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await verify(String(100000 + i))).statusCode);
    expect(statuses.slice(0, 4)).toEqual([422, 422, 422, 422]);
    expect(statuses.slice(4)).toEqual([423, 401]);
    const again = await inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'audit@demo.mamori.local', password: DEMO_PASSWORD } });
    expect(again.statusCode).toBe(423);
  });

  it('同じ確認コードは2回使えない（2回目は 422、日本語で理由）', async () => {
    const secret = await enrol('sales-head@demo.mamori.local');
    // The next step's code: the enrolment used this step's.
    const code = await generate({ secret, epoch: now() + 30 });
    const first = await passwordStep('sales-head@demo.mamori.local');
    expect((await first.verify(code)).statusCode).toBe(200);
    const second = await passwordStep('sales-head@demo.mamori.local');
    const replay = await second.verify(code);
    expect(replay.statusCode).toBe(422);
    expect(replay.json().error.message).toContain('既に使われた確認コード');
    const blocked = await inject({ method: 'GET', url: '/api/people', cookies: { mamori_session: second.cookie } });
    expect(blocked.statusCode).toBe(401);
  });

  it('登録に使ったコードもログインには使えない', async () => {
    const c = await t.login('desk@demo.mamori.local');
    const setup = await c.request('POST', '/api/auth/totp/setup');
    const code = await generate({ secret: setup.body.secret, epoch: now() + 30 });
    expect((await c.request('POST', '/api/auth/totp/enable', { code })).status).toBe(200);
    const { verify } = await passwordStep('desk@demo.mamori.local');
    expect((await verify(code)).statusCode).toBe(422);
  });
});
