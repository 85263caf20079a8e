/**
 * The whole drizzle schema, one re-export per table file. A module adds its tables here (and
 * a migration with `npm run db:generate`); tenancy policies and audit triggers are applied to
 * every table with an `organization_id` column automatically (see tenancySql.ts).
 */
export * from '../approvals/approvals.tables.ts';
export * from '../audit/audit.tables.ts';
export * from '../auth/auth.tables.ts';
export * from '../notifications/notifications.tables.ts';
export * from '../org/org.tables.ts';
export * from '../tasks/tasks.tables.ts';
export * from '../../modules/inventory/inventory.tables.ts';
export * from '../../modules/risk/risk.tables.ts';
export * from '../../modules/incidents/incidents.tables.ts';
export * from '../../modules/corrective/corrective.tables.ts';
