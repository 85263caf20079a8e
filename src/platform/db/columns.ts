import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';
import { decryptField, encryptField } from '../config/fieldCrypto.ts';

/** Primary key used by every table: a random UUID, so ids reveal neither counts nor order. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** `organization_id` — the tenant key every tenant table carries (row-level security filters on it). */
export const organizationId = () => uuid('organization_id').notNull();

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * A text column holding personal data, encrypted at rest with AES-256-GCM (SPEC §9, J.9.2 c).
 * The key comes from configuration (`MAMORI_ENCRYPTION_KEY` or the key file), never from the
 * database, so a copy of the database alone does not disclose these values.
 */
export const encryptedText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => encryptField(value),
  fromDriver: (value) => decryptField(value),
});

/** A JSON value holding personal data, encrypted at rest like `encryptedText` (SPEC §9). */
export function encryptedJson<T>(name: string) {
  return customType<{ data: T; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => encryptField(JSON.stringify(value)),
    fromDriver: (value) => JSON.parse(decryptField(value)) as T,
  })(name);
}
