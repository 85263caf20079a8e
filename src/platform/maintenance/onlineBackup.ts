import { createHash } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../db/connection.ts';
import { backupDatabase } from './backup.ts';

/**
 * `mamori backup` while the server runs on the embedded database (reliability programme, issue
 * 11). PGlite belongs to one process (the data-directory lock), so a second process cannot read
 * it; the running server instead listens on a Unix socket beside the data directory (mode 0600:
 * only its own OS user) and writes the backup itself, from one snapshot (backup.ts). On
 * PostgreSQL there is no lock: `mamori backup` reads the server directly, also from one snapshot.
 */

/** The control socket of a data directory (a short path in the temp directory when too long). */
export function controlSocketPath(dataDir: string): string {
  const absolute = path.resolve(dataDir);
  const beside = `${absolute}.sock`;
  // Unix socket paths are limited to ~107 bytes.
  if (Buffer.byteLength(beside) <= 100) return beside;
  return path.join(os.tmpdir(), `mamori-${createHash('sha256').update(absolute).digest('hex').slice(0, 16)}.sock`);
}

type Request = { command: 'backup'; file: string };
type Reply = { ok: true; tables: number; rows: number } | { ok: false; message: string };

/** Starts the control socket of a running embedded-database server; returns its stop. */
export async function startControlSocket(dataDir: string, database: Database): Promise<() => Promise<void>> {
  const socketPath = controlSocketPath(dataDir);
  // A socket file left by a process that died: the data-directory lock, held by this process,
  // proves nobody else serves it.
  rmSync(socketPath, { force: true });
  const server = net.createServer((connection) => {
    let text = '';
    connection.setEncoding('utf8');
    connection.on('data', (chunk) => {
      text += chunk;
      if (!text.includes('\n')) return;
      const reply = (body: Reply) => connection.end(`${JSON.stringify(body)}\n`);
      let request: Request;
      try {
        request = JSON.parse(text.slice(0, text.indexOf('\n'))) as Request;
      } catch {
        reply({ ok: false, message: '要求を読み取れません' });
        return;
      }
      if (request.command !== 'backup' || typeof request.file !== 'string' || !path.isAbsolute(request.file)) {
        reply({ ok: false, message: '要求の形式が正しくありません（バックアップ先は絶対パスで指定してください）' });
        return;
      }
      backupDatabase(database, request.file).then(
        (result) => reply({ ok: true, ...result }),
        (error: unknown) => reply({ ok: false, message: `バックアップに失敗しました: ${error instanceof Error ? error.message : String(error)}` }),
      );
    });
    connection.on('error', () => undefined);
  });
  // Created owner-only (umask) rather than chmod-ed after: no moment where others may connect.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(socketPath, 0o600);
  server.unref();
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(socketPath, { force: true });
  };
}

/** `mamori backup` when the data directory is held by a running server: asks that server. */
export async function backupThroughServer(dataDir: string, file: string): Promise<{ tables: number; rows: number }> {
  const socketPath = controlSocketPath(dataDir);
  const reply = await new Promise<Reply>((resolve, reject) => {
    const connection = net.createConnection(socketPath);
    let text = '';
    connection.setEncoding('utf8');
    connection.on('connect', () => connection.write(`${JSON.stringify({ command: 'backup', file: path.resolve(file) } satisfies Request)}\n`));
    connection.on('data', (chunk) => {
      text += chunk;
    });
    connection.on('end', () => {
      try {
        resolve(JSON.parse(text) as Reply);
      } catch {
        reject(new Error('稼働中のサーバーからの応答を読み取れませんでした'));
      }
    });
    connection.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `データディレクトリ ${dataDir} は別のプロセスが使用中ですが、稼働中の Mamori サーバーに接続できませんでした（${error.code ?? error.message}）。` +
            'サーバーを停止してからもう一度実行してください',
        ),
      ),
    );
  });
  if (!reply.ok) throw new Error(reply.message);
  return { tables: reply.tables, rows: reply.rows };
}
