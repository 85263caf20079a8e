import { sql } from 'drizzle-orm';
import { asSystem, rowsOf } from '../../src/platform/db/tenancy.ts';
import type { TestApp } from '../support/app.ts';

/**
 * Valid request bodies per route, so the negative-authorization suite reaches the authorization
 * and tenancy checks instead of stopping at validation. Keyed by "METHOD /url".
 */
const bodies: Record<string, unknown> = {
  'PUT /api/organization': { name: '乗っ取り', profile: 'private' },
  'PUT /api/organization/settings': { idleTimeoutMinutes: 10, requireTotpForAdmins: false, bulkAccessThreshold: 100, bulkAccessWindowMinutes: 60, reminderDaysBefore: 7 },
  'POST /api/departments': { name: '侵入部' },
  'PUT /api/departments/:id': { name: '侵入部' },
  'POST /api/people': { name: '侵入 者', employmentType: 'employee' },
  'PUT /api/people/:id': { name: '侵入 者', employmentType: 'employee' },
  'POST /api/role-assignments': { personId: '00000000-0000-4000-8000-000000000000', role: 'auditor', startsOn: '2026-01-01' },
  'PUT /api/role-assignments/:id': { personId: '00000000-0000-4000-8000-000000000000', role: 'auditor', startsOn: '2026-01-01' },
  'POST /api/accounts': { personId: '00000000-0000-4000-8000-000000000000', loginId: 'x@example.jp', password: 'Valid-pass1!' },
  'PATCH /api/accounts/:id': { disabled: true },
  'POST /api/auth/password': { currentPassword: 'x', newPassword: 'Valid-pass2!' },
  'POST /api/auth/totp/verify': { code: '123456' },
  'POST /api/auth/totp/enable': { code: '123456' },
  'POST /api/approvals/:id/return': { comment: '差戻し' },
  'POST /api/approvals/:id/approve': { comment: '承認' },
  'PUT /api/calendar/:id': { title: '侵入', ownerRole: 'pms_manager', recurrence: 'yearly', month: 12, dayOfMonth: 28, perDepartment: false, active: true },
  'PATCH /api/tasks/:id': { status: 'open' },
  'POST /api/tasks': { title: '侵入', dueOn: '2026-12-31' },
  'PUT /api/approval-chains/:recordType': { steps: [{ role: 'pms_manager' }] },
  'POST /api/role-requests': { personId: '00000000-0000-4000-8000-000000000000', role: 'auditor', startsOn: '2026-01-01' },
  'POST /api/approval-delegations': { toPersonId: '00000000-0000-4000-8000-000000000000', startsOn: '2026-01-01', endsOn: '2026-01-31' },
};

/** Query strings for GET routes that need parameters. */
const queries: Record<string, string> = {
  'GET /api/approval-stamps': '?recordType=role_request&recordId=00000000-0000-4000-8000-000000000000',
};

export function sampleQueryFor(method: string, url: string): string {
  return queries[`${method} ${url}`] ?? '';
}

export function sampleBodyFor(method: string, url: string): unknown {
  const key = `${method} ${url}`;
  if (key in bodies) return bodies[key];
  if (method === 'GET' || method === 'DELETE') return undefined;
  return {};
}

/** For each table a route's `:id` refers to, a query picking one of the demo organization's ids. */
const idSources: { prefix: string; table: string }[] = [
  { prefix: '/api/departments/', table: 'departments' },
  { prefix: '/api/people/', table: 'people' },
  { prefix: '/api/role-assignments/', table: 'role_assignments' },
  { prefix: '/api/accounts/', table: 'accounts' },
  { prefix: '/api/approvals/', table: 'approval_requests' },
  { prefix: '/api/approval-delegations/', table: 'approval_delegations' },
  { prefix: '/api/tasks/', table: 'tasks' },
  { prefix: '/api/calendar/', table: 'calendar_items' },
  { prefix: '/api/notifications/', table: 'notifications' },
  { prefix: '/api/role-requests/', table: 'role_requests' },
];

export async function sampleIdFor(t: TestApp, url: string): Promise<Record<string, string>> {
  if (!/:id\b/.test(url)) return {};
  const source = idSources.find((s) => url.startsWith(s.prefix));
  if (!source) throw new Error(`routeSamples.ts: add an id source for ${url}`);
  const rows = await asSystem(t.database, async (tx) =>
    rowsOf<{ id: string }>(await tx.execute(sql`select id::text from ${sql.identifier(source.table)} where organization_id = ${t.demoOrganizationId} limit 1`)),
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`routeSamples.ts: the demo organization has no ${source.table} row for ${url}`);
  const param = /:([A-Za-z]+)/.exec(url)?.[1] ?? 'id';
  return { [param]: id };
}
