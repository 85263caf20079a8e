import { buildServer } from './server.ts';
import { openMigratedDatabase } from './platform/boot.ts';
import type { MamoriConfig } from './platform/config/config.ts';
import { seedDemo, DEMO_PASSWORD } from './platform/demo.ts';
import { asSystem, rowsOf } from './platform/db/tenancy.ts';
import { sql } from 'drizzle-orm';
import { startJobs } from './platform/jobs/jobs.ts';
import { startControlSocket } from './platform/maintenance/onlineBackup.ts';
import { createMailer } from './platform/notifications/mailer.ts';
import type { Deps } from './platform/http/types.ts';

/** `mamori serve`: open and migrate the database, seed the demo on first run, listen. */
export async function startServer(config: MamoriConfig, options: { seedDemoIfEmpty: boolean }): Promise<void> {
  const database = await openMigratedDatabase(config);
  if (options.seedDemoIfEmpty) {
    const orgs = await asSystem(database, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from organizations`)));
    if ((orgs[0]?.n ?? 0) === 0) {
      await seedDemo(database, new Date());
      console.log(`デモ組織「株式会社まもりデモ」を作成しました。pms@demo.mamori.local / ${DEMO_PASSWORD} でログインできます（README 参照）`);
    }
  }
  const deps: Deps = { database, config, mailer: createMailer(config.smtpUrl, config.mailFrom, (line) => console.log(line)), now: () => new Date() };
  const app = await buildServer(deps, { logger: process.env.MAMORI_LOG === '1' });
  const stopJobs = config.scheduler ? startJobs(deps, (message, error) => console.error(message, error)) : () => undefined;
  // Embedded database: `mamori backup` from another process goes through this server (issue 11).
  const stopControl = database.kind === 'pglite' ? await startControlSocket(config.dataDir, database) : async () => undefined;
  const shutdown = async () => {
    stopJobs();
    await stopControl();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Mamori を起動しました: http://localhost:${actualPort} (${database.kind === 'pglite' ? `組み込みデータベース ${config.dataDir}` : 'PostgreSQL'})`);
}
