import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ApprovalStatus, ApprovalStep } from '../../rules/approvalChains.ts';
import { accounts } from '../auth/auth.tables.ts';
import { createdAt, id, organizationId, updatedAt } from '../db/columns.ts';
import { organizations, people } from '../org/org.tables.ts';

export { approvalStatuses } from '../../rules/approvalChains.ts';
export type { ApprovalStatus, ApprovalStep } from '../../rules/approvalChains.ts';
export * from './roleRequests.tables.ts';

/**
 * 承認経路: per organization and record type, the ordered role steps (SPEC §3, Principle 3),
 * e.g. 所属長 → 個人情報保護管理者 → トップマネジメント. Defaults come from rules data.
 */
export const approvalChains = pgTable(
  'approval_chains',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    recordType: text('record_type').notNull(),
    steps: jsonb('steps').$type<ApprovalStep[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('approval_chains_type_uq').on(t.organizationId, t.recordType)],
);

/** 承認依頼: one submission of one record version through its chain. */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    title: text('title').notNull(),
    departmentId: uuid('department_id'),
    /** Snapshot of the record as submitted; a change after approval asks for re-approval. */
    recordSnapshot: jsonb('record_snapshot').$type<Record<string, unknown>>().notNull(),
    steps: jsonb('steps').$type<ApprovalStep[]>().notNull(),
    currentStep: integer('current_step').notNull().default(0),
    status: text('status').$type<ApprovalStatus>().notNull().default('pending'),
    submittedByAccountId: uuid('submitted_by_account_id')
      .notNull()
      .references(() => accounts.id),
    submittedByPersonId: uuid('submitted_by_person_id')
      .notNull()
      .references(() => people.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Re-approval: the approved (or pending) request this one replaced after the record changed. */
    previousRequestId: uuid('previous_request_id').references((): AnyPgColumn => approvalRequests.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('approval_requests_record_idx').on(t.organizationId, t.recordType, t.recordId),
    index('approval_requests_status_idx').on(t.organizationId, t.status),
    // One pending request per record: a second submission while one waits is refused (STYLE: Outline).
    uniqueIndex('approval_requests_one_pending_uq').on(t.organizationId, t.recordType, t.recordId).where(sql`status = 'pending'`),
  ],
);

/** 承認印: each approve / return, with approver, time and comment (the stamp shown on records and PDFs). */
export const approvalActions = pgTable(
  'approval_actions',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    step: integer('step').notNull(),
    action: text('action').$type<'approve' | 'return'>().notNull(),
    actorPersonId: uuid('actor_person_id')
      .notNull()
      .references(() => people.id),
    actorAccountId: uuid('actor_account_id').references(() => accounts.id),
    onBehalfOfPersonId: uuid('on_behalf_of_person_id').references(() => people.id),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [index('approval_actions_request_idx').on(t.organizationId, t.requestId)],
);

/** 代理承認: during the period (both days inclusive) `toPerson` may approve what `fromPerson` may approve. */
export const approvalDelegations = pgTable(
  'approval_delegations',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    fromPersonId: uuid('from_person_id')
      .notNull()
      .references(() => people.id),
    toPersonId: uuid('to_person_id')
      .notNull()
      .references(() => people.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason'),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('approval_delegations_to_idx').on(t.organizationId, t.toPersonId), index('approval_delegations_from_idx').on(t.organizationId, t.fromPersonId)],
);
