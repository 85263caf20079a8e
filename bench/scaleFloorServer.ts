/**
 * The least any HTTP API can do for a list (bench/scale.ts, issue 11): a bare `node:http` server
 * that runs the same `listEntries` on the database's own pool — no session, no tenant, no
 * validation, no presenter — and answers `JSON.stringify` of the result. Its throughput ÷ the
 * direct query's is the highest share an endpoint can reach on this machine through HTTP.
 *
 * Spawned by bench/scale.ts with DATABASE_URL, BENCH_ORG and BENCH_DEPARTMENT; `GET /?case=i`
 * runs the i-th case of scaleCases.ts, `GET /?case=none` answers `{}` without a query. Prints `listening <port>` once it listens.
 */
import http from 'node:http';
import { todayInJapan } from '../src/domain/time.ts';
import { listEntries } from '../src/modules/inventory/inventory.service.ts';
import { openDatabase, type Tx } from '../src/platform/db/connection.ts';
import { READ_POOL_SIZE } from './harness.ts';
import { cases } from './scaleCases.ts';

const organizationId = process.env.BENCH_ORG ?? '';
const list = cases(process.env.BENCH_DEPARTMENT ?? '');
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL ?? '', dataDir: ':memory:', poolSize: READ_POOL_SIZE });
const server = http.createServer((request, response) => {
  const which = new URL(request.url ?? '/', 'http://floor').searchParams.get('case');
  // `case=none`: the HTTP round trip alone, no query.
  if (which === 'none') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    return;
  }
  const c = list[Number(which)];
  if (!c) {
    response.writeHead(404).end();
    return;
  }
  listEntries(database.db as unknown as Tx, organizationId, c.query, todayInJapan(new Date())).then(
    (result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
    (error: unknown) => response.writeHead(500).end(String(error)),
  );
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => {
  server.close();
  void database.close().then(() => process.exit(0));
});
