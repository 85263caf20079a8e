import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, encryptedText, id, organizationId, updatedAt } from '../db/columns.ts';
import { organizations, people } from '../org/org.tables.ts';

/**
 * アカウント: a login of one person. Disabled at once when the person leaves (J.9.2 c) 7) ③).
 * The login id is unique across the whole deployment so a login needs no organization picker.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    loginId: text('login_id').notNull(),
    passwordHash: text('password_hash').notNull(),
    previousPasswordHash: text('previous_password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    totpSecret: encryptedText('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The 30-second step of the last accepted TOTP code: a code of that step or an earlier one is refused (RFC 6238 §5.2, no replay). */
    totpLastStep: integer('totp_last_step'),
    /** Failed attempts (passwords at login and at パスワード変更, TOTP codes) since the last sign-in or lock; lockout.ts counts them in one statement. */
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    locale: text('locale').notNull().default('ja'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('accounts_login_uq').on(t.loginId), uniqueIndex('accounts_person_uq').on(t.organizationId, t.personId)],
);

/**
 * Server-side sessions (SPEC §9). The cookie holds a random token; only its SHA-256 is stored,
 * so a database copy cannot be replayed as a session.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    secondFactorDone: boolean('second_factor_done').notNull().default(false),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('sessions_token_uq').on(t.tokenHash), index('sessions_account_idx').on(t.accountId)],
);
