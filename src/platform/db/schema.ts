/**
 * The platform's tables, one re-export per table file (tests and benches import them from here).
 * The modules' tables stay in their folders; drizzle-kit reads every `*.tables.ts` under
 * `src/platform` and `src/modules` (drizzle.config.ts). Tenancy policies and audit triggers are
 * applied to every table with an `organization_id` column automatically (see tenancySql.ts).
 */
export * from '../approvals/approvals.tables.ts';
export * from '../attachments/attachments.tables.ts';
export * from '../audit/audit.tables.ts';
export * from '../auth/auth.tables.ts';
export * from '../imports/imports.tables.ts';
export * from '../notifications/notifications.tables.ts';
export * from '../org/org.tables.ts';
export * from '../reviews/reviews.tables.ts';
export * from '../tasks/tasks.tables.ts';
