import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { ApprovalStatus } from '../../rules/approvalChains.ts';
import { accounts } from '../auth/auth.tables.ts';
import { createdAt, id, organizationId, updatedAt } from '../db/columns.ts';
import { departments, organizations, people, roleAssignments } from '../org/org.tables.ts';
import type { PmsRole } from '../../domain/roles.ts';

/**
 * 役割任命申請: a 所属長 (or the PMS manager) asks that a person be given a PMS role. The first
 * record type of the approvals engine; on final approval the role assignment is created through
 * the organization service (which enforces J.2.3.2).
 */
export const roleRequests = pgTable(
  'role_requests',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<PmsRole>().notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    startsOn: date('starts_on').notNull(),
    note: text('note'),
    /** Mirrors the latest approval request (`draft` before any submission). */
    status: text('status').$type<ApprovalStatus | 'draft'>().notNull().default('draft'),
    requestedByPersonId: uuid('requested_by_person_id')
      .notNull()
      .references(() => people.id),
    requestedByAccountId: uuid('requested_by_account_id').references(() => accounts.id),
    /** The assignment created on approval. */
    roleAssignmentId: uuid('role_assignment_id').references(() => roleAssignments.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('role_requests_org_idx').on(t.organizationId, t.status), index('role_requests_requester_idx').on(t.organizationId, t.requestedByPersonId)],
);
