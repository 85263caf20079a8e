import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/demo.ts';
import { testDbKind } from '../support/testDb.ts';
import { createInstallation, type Installation, queryAsOwner, root, runMamori, type ServeProcess, type Session, signIn, startServe } from './support/mamoriProcess.ts';

/**
 * Issue 11, reliability programme: two app instances on one PostgreSQL — two real
 * `mamori serve` processes on one database (docs/operations.md「複数のインスタンス」):
 * (a) the scheduled jobs fire on both at the same second and each runs once — every urgent
 * notification (an incident report: M4, J.4.3.3) is e-mailed once to a real SMTP sink, and the audit
 * chain's checkpoint (issue 11 #5) is written once per chain head; (b) a logout on one is honoured by the other
 * within the documented delay (MAMORI_SESSION_CACHE_MS, 2 s; docs/security.md セッション, J.9.2 c) 13);
 * (c) both serve while one is killed with SIGKILL, and every request to the survivor succeeds.
 *
 * Runs in the PostgreSQL pass of the suite (MAMORI_TEST_DB=postgres, MAMORI_TEST_PG_URL).
 */

const adminUrl = testDbKind() === 'postgres' ? process.env.MAMORI_TEST_PG_URL : undefined;
const PMS = 'pms@demo.mamori.local';
/** Every job of both servers fires at the same wall-clock second, every 2 s. */
const JOB_SCHEDULE = '*/2 * * * * *';
/**
 * The documented delay, read from docs/operations.md「信頼性の試験」(the servers run with the
 * default MAMORI_SESSION_CACHE_MS): the test fails if the default and the documentation part.
 */
const SESSION_CACHE_MS = (() => {
  const docs = readFileSync(path.join(root, 'docs', 'operations.md'), 'utf8');
  const seconds = /反映されるまでの遅れは最長 (\d+(?:\.\d+)?) 秒/.exec(docs)?.[1];
  if (!seconds) throw new Error('docs/operations.md に「反映されるまでの遅れは最長 N 秒」がありません');
  return Number(seconds) * 1000;
})();

type CheckpointLine = { organizationId: string; chainSeq: number };

function checkpointLines(file: string): CheckpointLine[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CheckpointLine);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!adminUrl)('2 つのアプリインスタンスを 1 つの PostgreSQL で動かす (issue 11 信頼性)', { timeout: 180_000 }, () => {
  let installation: Installation;
  let a: ServeProcess;
  let b: ServeProcess;
  let counter = 0;

  const createPerson = (session: Session, server: ServeProcess) =>
    session.request(server.url, 'POST', '/api/people', { name: `二重 試験${++counter}`, employmentType: 'employee' });

  /** E-mails received by the SMTP sink: recipients and the raw Subject header. */
  const received: { to: string; subject: string }[] = [];
  let sink: SMTPServer;

  beforeAll(async () => {
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const head =
            Buffer.concat(chunks)
              .toString('utf8')
              .split(/\r?\n\r?\n/)[0]
              ?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
          const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
          for (const r of session.envelope.rcptTo) received.push({ to: r.address, subject });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
    const smtpPort = (sink.server.address() as AddressInfo).port;
    installation = await createInstallation(adminUrl as string, {
      MAMORI_JOB_SCHEDULE: JOB_SCHEDULE,
      MAMORI_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    });
    const demo = await runMamori(installation, ['demo']);
    expect(demo.stdout, demo.stderr).toContain('デモ組織を作成しました');
    [a, b] = await Promise.all([startServe(installation), startServe(installation)]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await installation?.remove();
    await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
  });

  it('(a) 両方のスケジューラーが同じ秒に発火しても各ジョブは 1 回だけ: 至急の通知のメールは 1 通ずつ、監査証跡のチェックポイントは末尾ごとに 1 行', async () => {
    const session = await signIn(a.url, PMS, DEMO_PASSWORD);
    // Writes between the fires move the chain heads, so every fire has something to anchor, and
    // each incident report makes urgent notifications for the urgent-mail job of both servers.
    const deadline = Date.now() + 12_000;
    let reported = 0;
    while (Date.now() < deadline) {
      const results = await Promise.all([
        createPerson(session, a),
        createPerson(session, b),
        session.request(reported % 2 === 0 ? a.url : b.url, 'POST', '/api/incidents', { title: `二重送信試験 ${++reported}`, summary: 'USBメモリを紛失した' }),
      ]);
      for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(201);
      await sleep(700);
    }
    await sleep(4_500); // two more fires after the last write

    // Every urgent notification was e-mailed, each exactly once.
    const [mail] = await queryAsOwner<{ emailed: number; pending: number }>(
      installation,
      'select count(*) filter (where emailed_at is not null)::int as emailed, count(*) filter (where emailed_at is null)::int as pending from notifications where urgent',
    );
    const pairs = new Map<string, number>();
    for (const m of received) pairs.set(`${m.to}|${m.subject}`, (pairs.get(`${m.to}|${m.subject}`) ?? 0) + 1);
    console.log(`[two instances] ${reported} incidents reported; ${mail?.emailed} urgent notifications e-mailed, ${received.length} e-mails received`);
    expect(mail?.pending).toBe(0);
    expect(mail?.emailed).toBeGreaterThanOrEqual(reported);
    expect([...pairs].filter(([, n]) => n > 1)).toEqual([]);
    expect(received).toHaveLength(mail?.emailed ?? -1);
    const lines = checkpointLines(installation.checkpointFile);
    expect(lines.length).toBeGreaterThan(2);
    const seen = new Map<string, number>();
    for (const l of lines) seen.set(`${l.organizationId}#${l.chainSeq}`, (seen.get(`${l.organizationId}#${l.chainSeq}`) ?? 0) + 1);
    const twice = [...seen].filter(([, n]) => n > 1);
    expect(twice, `同じ末尾が複数回書かれました: ${JSON.stringify(twice)}`).toEqual([]);
    const verify = await runMamori(installation, ['audit', 'verify']);
    expect(verify.stdout, verify.stderr).toContain('監査証跡は正常です');
    expect(a.output() + b.output()).not.toMatch(/job .* failed/);
  });

  it(`(b) 一方でログアウトすると、もう一方も文書の遅れ（最長 ${SESSION_CACHE_MS} ms）以内にそのセッションを拒否する`, async () => {
    const session = await signIn(a.url, PMS, DEMO_PASSWORD);
    // B remembers the session (its cache is warm).
    for (let i = 0; i < 5; i++) expect((await session.request(b.url, 'GET', '/api/auth/session')).status).toBe(200);
    const logout = await session.request(a.url, 'POST', '/api/auth/logout');
    expect(logout.status).toBe(200);
    const loggedOutAt = performance.now();
    expect((await session.request(a.url, 'GET', '/api/auth/session')).status).toBe(401);
    let refusedAfter: number | null = null;
    while (performance.now() - loggedOutAt < SESSION_CACHE_MS + 3_000) {
      const r = await session.request(b.url, 'GET', '/api/auth/session');
      if (r.status === 401) {
        refusedAfter = performance.now() - loggedOutAt;
        break;
      }
      expect(r.status).toBe(200);
      await sleep(50);
    }
    console.log(`[two instances] logout on A refused by B after ${refusedAfter?.toFixed(0)} ms (documented: ≤ ${SESSION_CACHE_MS} ms)`);
    expect(refusedAfter).not.toBeNull();
    expect(refusedAfter as number).toBeLessThanOrEqual(SESSION_CACHE_MS + 250);
    // …and stays refused, writes included.
    expect((await session.request(b.url, 'GET', '/api/auth/session')).status).toBe(401);
    expect((await createPerson(session, b)).status).toBe(401);
  });

  it('(c) 一方を SIGKILL で停止しても、もう一方への要求はその間も後もすべて成功する（A で作ったセッションも B で使える）', async () => {
    const session = await signIn(a.url, PMS, DEMO_PASSWORD);
    const outcomes = { ok: 0, failed: [] as string[], onA: { ok: 0, failed: 0 } };
    let stopLoad = false;
    let killedAt = 0;
    const toB = async () => {
      while (!stopLoad) {
        const write = outcomes.ok % 3 === 0;
        try {
          const r = write ? await createPerson(session, b) : await session.request(b.url, 'GET', '/api/people?status=all');
          if (r.status === (write ? 201 : 200)) outcomes.ok += 1;
          else outcomes.failed.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        } catch (error) {
          outcomes.failed.push(String(error));
        }
      }
    };
    const toA = async () => {
      while (!stopLoad && !killedAt) {
        try {
          const r = await createPerson(session, a);
          if (r.status === 201) outcomes.onA.ok += 1;
          else outcomes.onA.failed += 1;
        } catch {
          outcomes.onA.failed += 1;
        }
      }
    };
    const load = Promise.all([toB(), toB(), toB(), toA(), toA()]);
    await sleep(2_000);
    const beforeKill = outcomes.ok;
    killedAt = performance.now();
    await a.kill();
    await sleep(4_000);
    stopLoad = true;
    await load;
    console.log(
      `[two instances] B answered ${outcomes.ok} requests (${beforeKill} before A was killed), ${outcomes.failed.length} failed; A answered ${outcomes.onA.ok} writes before SIGKILL`,
    );
    expect(outcomes.failed).toEqual([]);
    expect(beforeKill).toBeGreaterThan(0);
    expect(outcomes.ok).toBeGreaterThan(beforeKill);
    // The survivor still signs in and serves new sessions.
    const again = await signIn(b.url, PMS, DEMO_PASSWORD);
    expect((await again.request(b.url, 'GET', '/api/auth/session')).status).toBe(200);
    const verify = await runMamori(installation, ['audit', 'verify']);
    expect(verify.stdout, verify.stderr).toContain('監査証跡は正常です');
  });
});
