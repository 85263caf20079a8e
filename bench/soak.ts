/**
 * A bounded soak at mixed load (issue 11, reliability programme): one `mamori serve` on
 * PostgreSQL, several signed-in clients for a fixed time, each looping over a mix of reads
 * (people list and search, incident list, home, audit log) and writes (people created and
 * updated, incidents reported). Prints the server's RSS at start, peak and end, the requests
 * by kind, and the error count (any response not 2xx, or a dropped connection). Exit code 1 on
 * any error.
 *
 *   npm run bench:soak                               # 10 minutes on a throwaway PostgreSQL
 *   MAMORI_SOAK_SECONDS=30 npm run bench:soak        # the length the test uses
 *   MAMORI_SOAK_CLIENTS=8 MAMORI_SOAK_PG_URL=postgres://postgres@host/postgres npm run bench:soak
 *
 * The short version runs in the test suite: tests/reliability/soak.test.ts (30 s).
 */
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../src/platform/demo.ts';
import { createInstallation, runMamori, rssMb, type ServeProcess, type Session, signIn, startServe } from '../tests/reliability/support/mamoriProcess.ts';

export type SoakResult = {
  seconds: number;
  clients: number;
  requests: number;
  byKind: Record<string, number>;
  errors: number;
  /** The first few errors, for the report. */
  errorSamples: string[];
  rssStartMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  auditVerified: boolean;
};

export type SoakOptions = { adminUrl: string; seconds: number; clients: number; log?: (line: string) => void };

const PMS = 'pms@demo.mamori.local';

type Step = { kind: string; run: (s: Session, url: string, n: number) => Promise<{ status: number; body: unknown }>; expect: number };

/** The mix: mostly reads, as the screens make them, and a write in every few requests. */
const steps: Step[] = [
  { kind: 'GET people', run: (s, url) => s.request(url, 'GET', '/api/people?status=all'), expect: 200 },
  { kind: 'GET people search', run: (s, url, n) => s.request(url, 'GET', `/api/people?q=${encodeURIComponent(n % 2 ? '佐藤' : '耐久')}`), expect: 200 },
  { kind: 'GET incidents', run: (s, url) => s.request(url, 'GET', '/api/incidents'), expect: 200 },
  {
    kind: 'POST people',
    run: (s, url, n) => s.request(url, 'POST', '/api/people', { name: `耐久 試験${n}`, employmentType: 'employee', email: `soak-${n}@example.jp` }),
    expect: 201,
  },
  { kind: 'GET session', run: (s, url) => s.request(url, 'GET', '/api/auth/session'), expect: 200 },
  { kind: 'GET audit log', run: (s, url) => s.request(url, 'GET', '/api/audit-log'), expect: 200 },
  { kind: 'POST incident', run: (s, url, n) => s.request(url, 'POST', '/api/incidents', { title: `耐久試験 ${n}`, summary: '書類を誤って廃棄した' }), expect: 201 },
];

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const installation = await createInstallation(options.adminUrl);
  let server: ServeProcess | null = null;
  try {
    const demo = await runMamori(installation, ['demo']);
    if (demo.code !== 0) throw new Error(`mamori demo failed: ${demo.stderr}`);
    server = await startServe(installation);
    const url = server.url;
    const pid = server.pid;
    const sessions = await Promise.all(Array.from({ length: options.clients }, () => signIn(url, PMS, DEMO_PASSWORD)));
    const rssStartMb = (await rssMb(pid)) ?? 0;
    let rssPeakMb = rssStartMb;
    const byKind: Record<string, number> = {};
    const errorSamples: string[] = [];
    let errors = 0;
    let requests = 0;
    let counter = 0;
    const end = Date.now() + options.seconds * 1000;
    const sampler = setInterval(() => {
      void rssMb(pid).then((mb) => {
        if (mb !== null && mb > rssPeakMb) rssPeakMb = mb;
      });
    }, 500);
    const reporter = setInterval(() => log(`  … ${requests} requests, ${errors} errors, RSS peak ${rssPeakMb} MB`), 60_000);
    const client = async (session: Session, c: number) => {
      for (let i = c; Date.now() < end; i++) {
        const step = steps[i % steps.length] as Step;
        const n = ++counter;
        try {
          const r = await step.run(session, url, n);
          if (r.status !== step.expect) {
            errors += 1;
            if (errorSamples.length < 5) errorSamples.push(`${step.kind}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
          }
        } catch (error) {
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(`${step.kind}: ${String(error)}`);
        }
        requests += 1;
        byKind[step.kind] = (byKind[step.kind] ?? 0) + 1;
      }
    };
    try {
      await Promise.all(sessions.map((s, c) => client(s, c)));
    } finally {
      clearInterval(sampler);
      clearInterval(reporter);
    }
    const rssEndMb = (await rssMb(pid)) ?? 0;
    rssPeakMb = Math.max(rssPeakMb, rssEndMb);
    await server.stop();
    server = null;
    const verify = await runMamori(installation, ['audit', 'verify']);
    return {
      seconds: options.seconds,
      clients: options.clients,
      requests,
      byKind,
      errors,
      errorSamples,
      rssStartMb,
      rssPeakMb,
      rssEndMb,
      auditVerified: verify.code === 0 && verify.stdout.includes('監査証跡は正常です'),
    };
  } finally {
    await server?.stop();
    await installation.remove();
  }
}

export function describeSoak(r: SoakResult): string {
  const kinds = Object.entries(r.byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `soak: ${r.seconds} s, ${r.clients} clients, ${r.requests} requests (${(r.requests / r.seconds).toFixed(1)}/s): ${kinds}`,
    `RSS start ${r.rssStartMb} MB, peak ${r.rssPeakMb} MB, end ${r.rssEndMb} MB; errors ${r.errors}${r.errorSamples.length ? ` (${r.errorSamples.join(' | ')})` : ''}; audit verify ${r.auditVerified ? '正常' : '異常'}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const seconds = Number(process.env.MAMORI_SOAK_SECONDS ?? 600);
  const clients = Number(process.env.MAMORI_SOAK_CLIENTS ?? 4);
  let adminUrl = process.env.MAMORI_SOAK_PG_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!adminUrl) {
    const { startThrowawayPostgres } = await import('./postgres.ts');
    const server = await startThrowawayPostgres();
    if (!server) {
      console.log('PostgreSQL が見つからないため、耐久試験を実行できませんでした (MAMORI_SOAK_PG_URL で指定できます)');
      process.exitCode = 1;
      return;
    }
    adminUrl = server.url;
    stop = server.stop;
  }
  try {
    console.log(`soak on PostgreSQL: ${seconds} s, ${clients} clients`);
    const result = await runSoak({ adminUrl, seconds, clients });
    console.log(describeSoak(result));
    if (result.errors > 0 || !result.auditVerified) process.exitCode = 1;
  } finally {
    await stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
