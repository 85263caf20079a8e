import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/demo.ts';
import { buildTestApp, type Client, type TestApp } from '../support/app.ts';

/**
 * Issue 11 #1: the lockout (SPEC §9, J.9.2 c) was bypassed by parallel logins. Six wrong
 * passwords sent at once all answered 401, and the right password then answered 200 with
 * `lockedUntil: null`: the failure count was read, the password checked, and the count written
 * back outside one statement, so parallel attempts overwrote each other's count. Each attempt now
 * takes its place in the count in one UPDATE … RETURNING before its password is checked, so no
 * more than five passwords are ever tried per lock period, however many arrive at once.
 */

let t: TestApp;
const inject = (options: InjectOptions) => (t.app as unknown as FastifyInstance).inject(options);
const login = (loginId: string, password: string) => inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password } });

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function lockedUntilOf(loginId: string): Promise<string | null> {
  const pms: Client = await t.login('pms@demo.mamori.local');
  const list = await pms.get('/api/accounts');
  return list.body.items.find((a: { loginId: string }) => a.loginId === loginId)!.lockedUntil;
}

describe('#1 並行ログインによるロックの回避 (SPEC §9 ログイン失敗の制限)', () => {
  it('6回の誤ったパスワードを同時に送ると、6回目はロック（423）になり、正しいパスワードでも 423', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => login('desk@demo.mamori.local', `Wrong-pass${i}!`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([401, 401, 401, 401, 401, 423]);
    const right = await login('desk@demo.mamori.local', DEMO_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.message).toContain('ロック');
    expect(await lockedUntilOf('desk@demo.mamori.local')).not.toBeNull();
  });

  it('20回を同時に送っても、照合されるパスワードは5回まで（残りは照合せずに 423）', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login('sales-head@demo.mamori.local', `Wrong-pass${i}!`)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 423)).toHaveLength(15);
    expect((await login('sales-head@demo.mamori.local', DEMO_PASSWORD)).statusCode).toBe(423);
  });

  it('ロックの期間（15分）が過ぎれば正しいパスワードでログインでき、失敗の回数は0から数え直す', async () => {
    t.clock.advanceMinutes(16);
    expect((await login('desk@demo.mamori.local', DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await lockedUntilOf('desk@demo.mamori.local')).toBeNull();
    for (let i = 0; i < 4; i++) expect((await login('desk@demo.mamori.local', `Wrong-again${i}!`)).statusCode).toBe(401);
    expect((await login('desk@demo.mamori.local', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});
