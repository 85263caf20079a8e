/**
 * kill -9 trials on PostgreSQL (issue 11, reliability programme; the PGlite trials of the issue's
 * attack note had 2,765 acknowledged writes all present): rounds of
 *   start `mamori serve` on PostgreSQL → people (従業者, with an encrypted e-mail) created in
 *   parallel through the HTTP API → SIGKILL mid-stream → restart → every write that was
 *   acknowledged (201 received) is in the database and reads back through the API, and
 *   `mamori audit verify` says 正常.
 * Prints the counts per round. Exit code 1 if any round lost an acknowledged write or broke the
 * audit chain.
 *
 *   npm run bench:crash                       # 5 rounds on a throwaway PostgreSQL
 *   MAMORI_CRASH_ROUNDS=10 MAMORI_CRASH_CONCURRENCY=16 npm run bench:crash
 *   MAMORI_CRASH_PG_URL=postgres://postgres@host/postgres npm run bench:crash   # a server of yours (superuser: a database is created and dropped)
 *
 * The short version runs in the test suite: tests/reliability/crashTrials.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../src/platform/demo.ts';
import { createInstallation, type Installation, queryAsOwner, runMamori, type ServeProcess, signIn, startServe } from '../tests/reliability/support/mamoriProcess.ts';

export type CrashRound = {
  round: number;
  /** Writes answered 201 before the kill. */
  acknowledged: number;
  /** Writes sent that got no 2xx (the connection died, or an error status). */
  unacknowledged: number;
  /** Error statuses (≥ 400) among them, which should not happen before the kill. */
  errorStatuses: number;
  /** Acknowledged writes found in the database after the restart. */
  presentAfterRestart: number;
  /** Writes committed though their answer never arrived (allowed: the kill came between commit and reply). */
  committedUnacknowledged: number;
  /** Sampled acknowledged writes read back through the API (e-mail decrypted) after the restart. */
  readBack: number;
  killedAfterMs: number;
  restartMs: number;
  auditVerified: boolean;
  auditMessage: string;
};

export type CrashTrialOptions = {
  /** A PostgreSQL superuser URL: the trials create (and drop) a database of their own there. */
  adminUrl: string;
  rounds: number;
  /** Parallel writers. */
  concurrency: number;
  /** The kill comes at a random moment in this window after the writes start (ms). */
  killWindowMs: [number, number];
  log?: (line: string) => void;
};

const PMS = 'pms@demo.mamori.local';

async function oneRound(installation: Installation, server: ServeProcess, round: number, options: CrashTrialOptions): Promise<{ result: CrashRound; next: ServeProcess }> {
  const session = await signIn(server.url, PMS, DEMO_PASSWORD);
  const prefix = `障害試験 ${round}-`;
  const acknowledged = new Map<string, string>(); // id → name
  let sent = 0;
  let errorStatuses = 0;
  let dead = false;
  const writer = async (w: number) => {
    for (let n = 0; !dead; n++) {
      const name = `${prefix}${w}-${n}`;
      sent += 1;
      try {
        const r = await session.request(server.url, 'POST', '/api/people', {
          name,
          employmentType: 'employee',
          email: `crash-${round}-${w}-${n}@example.jp`,
        });
        if (r.status === 201) acknowledged.set((r.body as { id: string }).id, name);
        else if (!dead) errorStatuses += 1;
      } catch {
        // the connection died with the server: not acknowledged
      }
    }
  };
  const [low, high] = options.killWindowMs;
  const killAfter = Math.round(low + Math.random() * (high - low));
  const writers = Array.from({ length: options.concurrency }, (_, w) => writer(w));
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, killAfter));
  // The signal is sent at once (the writers' requests in flight are cut mid-stream); no new ones follow.
  const exited = server.kill();
  dead = true;
  await exited;
  await Promise.all(writers);
  const killedAfterMs = Math.round(performance.now() - started);

  const restartAt = performance.now();
  const next = await startServe(installation);
  const restartMs = Math.round(performance.now() - restartAt);

  const ids = [...acknowledged.keys()];
  const present = await queryAsOwner<{ id: string }>(installation, 'select id from people where id = any($1::uuid[])', [ids]);
  const committed = await queryAsOwner<{ n: number }>(installation, 'select count(*)::int as n from people where name like $1', [`${prefix}%`]);
  // A sample read back through the restarted server: the row, and its encrypted e-mail, are whole.
  const reader = await signIn(next.url, PMS, DEMO_PASSWORD);
  let readBack = 0;
  for (const id of ids.slice(-5)) {
    const r = await reader.request(next.url, 'GET', `/api/people/${id}`);
    const body = r.body as { name?: string; email?: string | null };
    if (r.status === 200 && body.name === acknowledged.get(id) && body.email?.startsWith(`crash-${round}-`)) readBack += 1;
  }
  const verify = await runMamori(installation, ['audit', 'verify']);
  const result: CrashRound = {
    round,
    acknowledged: acknowledged.size,
    unacknowledged: sent - acknowledged.size,
    errorStatuses,
    presentAfterRestart: present.length,
    committedUnacknowledged: (committed[0]?.n ?? 0) - present.length,
    readBack,
    killedAfterMs,
    restartMs,
    auditVerified: verify.code === 0 && verify.stdout.includes('監査証跡は正常です'),
    auditMessage: (verify.stdout + verify.stderr).trim(),
  };
  return { result, next };
}

/** Runs the trials on a database of their own at `adminUrl`; returns the rounds. */
export async function runCrashTrials(options: CrashTrialOptions): Promise<CrashRound[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const installation = await createInstallation(options.adminUrl);
  let server: ServeProcess | null = null;
  try {
    const demo = await runMamori(installation, ['demo']);
    if (demo.code !== 0) throw new Error(`mamori demo failed: ${demo.stderr}`);
    server = await startServe(installation);
    const rounds: CrashRound[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const { result, next } = await oneRound(installation, server, round, options);
      server = next;
      rounds.push(result);
      log(
        `round ${round}: killed after ${result.killedAfterMs} ms — acknowledged ${result.acknowledged}, present after restart ${result.presentAfterRestart}` +
          ` (lost ${result.acknowledged - result.presentAfterRestart}), unacknowledged ${result.unacknowledged} of which committed ${result.committedUnacknowledged},` +
          ` error statuses ${result.errorStatuses}, read back ${result.readBack}/${Math.min(5, result.acknowledged)}, restart ${result.restartMs} ms,` +
          ` audit verify: ${result.auditVerified ? '正常' : result.auditMessage}`,
      );
    }
    return rounds;
  } finally {
    await server?.stop();
    await installation.remove();
  }
}

/** True when every acknowledged write survived and every audit verify said 正常. */
export function crashTrialsPassed(rounds: CrashRound[]): boolean {
  return rounds.every((r) => r.presentAfterRestart === r.acknowledged && r.auditVerified && r.errorStatuses === 0 && r.readBack === Math.min(5, r.acknowledged));
}

async function main(): Promise<void> {
  const rounds = Number(process.env.MAMORI_CRASH_ROUNDS ?? 5);
  const concurrency = Number(process.env.MAMORI_CRASH_CONCURRENCY ?? 8);
  let adminUrl = process.env.MAMORI_CRASH_PG_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!adminUrl) {
    const { startThrowawayPostgres } = await import('./postgres.ts');
    const server = await startThrowawayPostgres();
    if (!server) {
      console.log('PostgreSQL が見つからないため、kill -9 試験を実行できませんでした (MAMORI_CRASH_PG_URL で指定できます)');
      process.exitCode = 1;
      return;
    }
    adminUrl = server.url;
    stop = server.stop;
  }
  try {
    console.log(`kill -9 trials on PostgreSQL: ${rounds} rounds, ${concurrency} parallel writers`);
    const results = await runCrashTrials({ adminUrl, rounds, concurrency, killWindowMs: [800, 3_000] });
    const acknowledged = results.reduce((s, r) => s + r.acknowledged, 0);
    const present = results.reduce((s, r) => s + r.presentAfterRestart, 0);
    const passed = crashTrialsPassed(results);
    console.log(
      `total: ${acknowledged} acknowledged writes, ${present} present after restart; audit verify 正常 in ${results.filter((r) => r.auditVerified).length}/${results.length} rounds → ${passed ? 'OK' : 'FAILED'}`,
    );
    if (!passed) process.exitCode = 1;
  } finally {
    await stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
