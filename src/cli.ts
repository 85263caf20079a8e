import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { openMigratedDatabase } from './platform/boot.ts';
import { loadConfig, type MamoriConfig } from './platform/config/config.ts';
import { auditAnchorOf } from './platform/audit/auditAnchor.ts';
import { writeAuditCheckpoint } from './platform/audit/auditCheckpoint.ts';
import { verifyAuditChain } from './platform/audit/verifyChain.ts';
import { backupDatabase, restoreDatabase } from './platform/maintenance/backup.ts';
import { DEMO_PASSWORD, seedDemo } from './platform/demo.ts';
import { createUser } from './platform/maintenance/createUser.ts';
import { backupThroughServer } from './platform/maintenance/onlineBackup.ts';
import { DataDirLockedError } from './platform/db/connection.ts';
import { connectedAsOwner } from './platform/db/migrate.ts';
import { installModules } from './platform/moduleKit/install.ts';
import { modules } from './modules/index.ts';

// The composition root of the command line: the modules are installed before any command runs.
installModules(modules);

/**
 * `mamori` — the command line. Every command uses the embedded database in --data-dir
 * (default ./data) unless DATABASE_URL points to a PostgreSQL server.
 */
const program = new Command();
program
  .name('mamori')
  .description('Mamori 個人情報保護マネジメントシステム')
  .showHelpAfterError()
  .option('--data-dir <dir>', '組み込みデータベースのディレクトリ (既定: ./data、DATABASE_URL 指定時は無視)');

function configOf(command: Command, extra: Partial<MamoriConfig> = {}): MamoriConfig {
  const opts = command.optsWithGlobals<{ dataDir?: string }>();
  return loadConfig({ ...(opts.dataDir ? { dataDir: opts.dataDir } : {}), ...extra });
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('ポート番号は0〜65535の整数で指定してください');
  return n;
}

program
  .command('serve')
  .description('Webサーバーを起動する (初回はデータベースを作成し、マイグレーションとデモ組織の投入を行う)')
  .option('--port <port>', 'ポート番号 (既定: 3000 または PORT)', port)
  .option('--host <host>', '待ち受けアドレス (既定: 127.0.0.1 または HOST)')
  .option('--no-demo', 'データベースが空のときもデモ組織を投入しない')
  .action(async (opts: { port?: number; host?: string; demo: boolean }, command: Command) => {
    const { startServer } = await import('./serve.ts');
    await startServer(configOf(command, { ...(opts.port !== undefined ? { port: opts.port } : {}), ...(opts.host ? { host: opts.host } : {}) }), { seedDemoIfEmpty: opts.demo });
  });

program
  .command('migrate')
  .description('データベースのマイグレーションを適用する')
  .action(async (_opts, command: Command) => {
    // Migrations run as the role that owns the tables; the application's own login role
    // (DATABASE_URL) may not alter them (issue 11 #5, docs/operations.md).
    const migrationUrl = process.env.MAMORI_MIGRATION_DATABASE_URL;
    const config = configOf(command, migrationUrl ? { databaseUrl: migrationUrl } : {});
    const database = await openMigratedDatabase(config);
    const owner = await connectedAsOwner(database);
    await database.close();
    if (!owner) {
      console.error('この接続ロールはテーブルの所有者ではないため、マイグレーションを適用できません。所有者ロールの接続先を MAMORI_MIGRATION_DATABASE_URL に指定してください');
      process.exitCode = 1;
      return;
    }
    console.log('マイグレーションを適用しました');
  });

program
  .command('demo')
  .description(`デモ組織を投入する (全アカウントのパスワード: ${DEMO_PASSWORD})`)
  .action(async (_opts, command: Command) => {
    const database = await openMigratedDatabase(configOf(command));
    try {
      const result = await seedDemo(database, new Date());
      console.log(result.created ? `デモ組織を作成しました (${result.organizationId})` : `デモ組織は既に存在します (${result.organizationId})`);
    } finally {
      await database.close();
    }
  });

program
  .command('backup')
  .description('全データをファイルにバックアップする (暗号化鍵は含まれません)')
  .argument('<file>', '出力ファイル (.jsonl.gz)')
  .action(async (file: string, _opts, command: Command) => {
    const config = configOf(command);
    let database: Awaited<ReturnType<typeof openMigratedDatabase>>;
    try {
      database = await openMigratedDatabase(config);
    } catch (error) {
      // The embedded database is held by a running server: the server writes the backup
      // (maintenance/onlineBackup.ts).
      if (!(error instanceof DataDirLockedError)) throw error;
      const result = await backupThroughServer(config.dataDir, file);
      console.log(`稼働中のサーバーを通じてバックアップしました: ${result.tables} テーブル、${result.rows} 行 → ${file}`);
      return;
    }
    try {
      const result = await backupDatabase(database, file);
      console.log(`バックアップしました: ${result.tables} テーブル、${result.rows} 行 → ${file}`);
    } finally {
      await database.close();
    }
  });

program
  .command('restore')
  .description('バックアップを空のデータベースに復元する')
  .argument('<file>', 'バックアップファイル')
  .action(async (file: string, _opts, command: Command) => {
    const database = await openMigratedDatabase(configOf(command));
    try {
      const result = await restoreDatabase(database, file);
      console.log(`復元しました: ${result.rows} 行`);
    } finally {
      await database.close();
    }
  });

const audit = program.command('audit').description('監査証跡');
audit
  .command('verify')
  .description('監査証跡のハッシュチェーンを検証する (改ざんがあれば最初の行を示して終了コード1)')
  .action(async (_opts, command: Command) => {
    const config = configOf(command);
    const anchor = auditAnchorOf(config);
    const database = await openMigratedDatabase(config);
    try {
      const result = await verifyAuditChain(database, { anchor });
      if (result.ok) {
        const anchored = anchor ? `、チェックポイント ${result.checkpoints} 件と一致 (${anchor.file})` : '、チェックポイントファイルなし（データベースの外との照合はしていません）';
        console.log(`監査証跡は正常です: ${result.rows} 行 (${result.chains} チェーン${anchored})`);
      } else {
        const b = result.firstBreak;
        const where = b?.id === null ? '' : ` (id ${b?.id})`;
        console.error(`監査証跡の改ざんを検出しました: 組織 ${b?.organizationId} 連番 ${b?.chainSeq}${where} — ${b?.reason}`);
        process.exitCode = 1;
      }
    } finally {
      await database.close();
    }
  });
audit
  .command('checkpoint')
  .description('監査証跡の各チェーンの末尾をチェックポイントファイルに記録する (データベースの外の照合点; 定期ジョブも10分ごとに記録)')
  .action(async (_opts, command: Command) => {
    const config = configOf(command);
    const anchor = auditAnchorOf(config);
    if (!anchor) throw new Error('チェックポイントファイルの場所が決まっていません。MAMORI_AUDIT_CHECKPOINT_FILE を指定してください');
    const database = await openMigratedDatabase(config);
    try {
      const { written, result } = await writeAuditCheckpoint(database, anchor, new Date());
      console.log(`チェックポイントを ${written} 件書きました (${result.chains} チェーン) → ${anchor.file}`);
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('アカウント');
user
  .command('create')
  .description('従業者とアカウントを作成する (組織がなければ作成し、個人情報保護管理者の役割を付与できる)')
  .requiredOption('--login <loginId>', 'ログインID (メールアドレス)')
  .requiredOption('--name <name>', '氏名')
  .option('--organization <name>', '組織名 (既存の組織、または新規作成する組織)')
  .option('--role <role>', '付与する役割 (例: pms_manager)')
  .option('--password <password>', 'パスワード (省略時は環境変数 MAMORI_PASSWORD)')
  .action(async (opts: { login: string; name: string; organization?: string; role?: string; password?: string }, command: Command) => {
    const password = opts.password ?? process.env.MAMORI_PASSWORD;
    if (!password) throw new InvalidArgumentError('--password または MAMORI_PASSWORD でパスワードを指定してください');
    const database = await openMigratedDatabase(configOf(command));
    try {
      const result = await createUser(
        database,
        { loginId: opts.login, name: opts.name, organizationName: opts.organization ?? null, role: opts.role ?? null, password },
        new Date(),
      );
      console.log(`アカウントを作成しました: ${result.loginId} (組織 ${result.organizationName})`);
    } finally {
      await database.close();
    }
  });

const rules = program.command('rules').description('規則エンジン (標準入力のJSONを評価して標準出力にJSONを返す)');
rules
  .command('incident-duties')
  .description('事故等の事実 (JSON, 標準入力) から報告・通知等の義務を判定する。形式: docs/rules/incident-duties.md')
  .action(async () => {
    const { runIncidentDutiesCli } = await import('./rules/incidentDuties.cli.ts');
    const result = runIncidentDutiesCli(readFileSync(0, 'utf8'));
    if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
    if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
    process.exitCode = result.exitCode;
  });
rules
  .command('request-deadline')
  .description('開示等の請求の事実 (JSON, 標準入力) から決定・回答の期限を計算する。形式: docs/rules/request-deadlines.md')
  .action(async () => {
    const { runRequestDeadlineCli } = await import('./rules/requestDeadlines.cli.ts');
    const result = runRequestDeadlineCli(readFileSync(0, 'utf8'));
    if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
    if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
    process.exitCode = result.exitCode;
  });

program
  .command('openapi')
  .description('OpenAPI 文書 (JSON) を標準出力に書き出す')
  .action(async () => {
    const { generateOpenApi } = await import('./openapi.ts');
    process.stdout.write(`${JSON.stringify(await generateOpenApi(), null, 2)}\n`);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
