import type { MamoriConfig } from './config/config.ts';
import { setFieldEncryptionKey } from './config/fieldCrypto.ts';
import { type Database, openDatabase } from './db/connection.ts';
import { migrate } from './db/migrate.ts';

/**
 * Opens the configured database (PGlite in the data directory unless DATABASE_URL is set),
 * installs the field-encryption key and applies migrations. Every CLI command starts here.
 */
export async function openMigratedDatabase(config: MamoriConfig, options: { poolSize?: number } = {}): Promise<Database> {
  setFieldEncryptionKey(config.encryptionKey);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: options.poolSize ?? config.dbPoolSize,
    readPoolSize: config.dbReadPoolSize,
  });
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
