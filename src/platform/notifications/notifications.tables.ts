import { sql } from 'drizzle-orm';
import { boolean, index, uniqueIndex, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../auth/auth.tables.ts';
import { createdAt, id, organizationId } from '../db/columns.ts';
import { organizations } from '../org/org.tables.ts';

/** 通知: in-app notifications, optionally e-mailed (SPEC §3 Notifications). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    urgent: boolean('urgent').notNull().default(false),
    /** Idempotency key: the same event never notifies the same account twice. */
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_account_idx').on(t.organizationId, t.accountId, t.createdAt),
    uniqueIndex('notifications_dedupe_uq').on(t.accountId, t.dedupeKey),
    // Closing a decided approval step's notifications for everyone (notify.ts) finds them by key.
    index('notifications_org_dedupe_unread_idx').on(t.organizationId, t.dedupeKey).where(sql`read_at is null`),
    // The e-mail job looks for urgent notifications not yet e-mailed.
    index('notifications_email_pending_idx').on(t.createdAt).where(sql`urgent and emailed_at is null`),
  ],
);
