import { randomBytes } from 'node:crypto';
import { loadConfig } from './platform/config/config.ts';
import type { Database } from './platform/db/connection.ts';
import { buildServer } from './server.ts';
import { createMailer } from './platform/notifications/mailer.ts';

/**
 * The OpenAPI document, generated from the route schemas without a database (routes are only
 * registered, never called). `npm run openapi` writes it to openapi.json; a test fails when the
 * committed copy is stale.
 */
export async function generateOpenApi(): Promise<unknown> {
  const unused = new Proxy({} as Database, {
    get: () => {
      throw new Error('no database while generating OpenAPI');
    },
  });
  const config = loadConfig({ encryptionKey: randomBytes(32), databaseUrl: null, dataDir: ':memory:', smtpUrl: null, scheduler: false });
  const app = await buildServer({ database: unused, config, mailer: createMailer(null, config.mailFrom), now: () => new Date() });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return doc;
}
