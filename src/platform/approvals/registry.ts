import type { ApprovalStatus, ApprovalStep } from '../../rules/approvalChains.ts';
import { defaultApprovalChains } from '../../rules/data/approvalChains.ts';
import type { Tx } from '../db/connection.ts';
import type { Actor } from '../policies/actor.ts';
import type { approvalRequests } from './approvals.tables.ts';
import type { SnapshotReader } from './snapshot-fields.ts';

/**
 * What the engine keeps of a record when it is submitted: a title and department for the
 * inbox, and the record's content. A later change of `data` after approval asks for
 * re-approval (Principle 3), so `data` must hold exactly what the approvers approved —
 * plain JSON (strings, numbers, booleans, arrays, objects), no timestamps that change by themselves.
 */
export type RecordSnapshot = {
  title: string;
  departmentId: string | null;
  data: Record<string, unknown>;
};

/**
 * Who acts on a request: the part of the signed-in {@link Actor} the engine needs, so that the
 * seed and jobs can pass one too (docs/glossary.md: one actor shape, narrowed with Pick).
 */
export type ApprovalActor = Pick<Actor, 'organizationId' | 'accountId' | 'personId'>;

export type ApprovalRequestRow = typeof approvalRequests.$inferSelect;

/** Passed to a record type's hooks, inside the approving transaction. */
export type ApprovalHookContext = {
  organizationId: string;
  recordId: string;
  request: ApprovalRequestRow;
  /** The new status of the request. */
  status: ApprovalStatus;
  actor: ApprovalActor;
  today: string;
  now: Date;
};

/** A record type that goes through approval (承認対象の記録の種類). */
export type ApprovalRecordType = {
  /** Stable key, e.g. `role_request`, `risk_assessment`. */
  type: string;
  /** Japanese name shown in the inbox, e.g. 「役割任命申請」. */
  label: string;
  /** The chain a new organization starts with; defaults to `rules/data/approvalChains.ts`. */
  defaultSteps?: readonly ApprovalStep[];
  /**
   * 申請をもって経由: the submitter's own leading steps are passed by the submission itself.
   * PA01 sends a 申請書 「所属長を経由して」 to the 個人情報保護管理者 (J.8.6, J.3.1.1 c)–d)), and the
   * リスク分析対策表 is drawn up by the department head before the 個人情報保護管理者 and
   * トップマネジメント approve it (J.3.1.3): when the 所属長 writes the record, their step is the
   * writing. Separation of duties (SPEC §5.4) forbids them to approve it, so without this the
   * chain would stall at their step. On submission (and re-approval) the engine stamps each
   * leading step the submitter holds in their own right as passed, with a comment saying so,
   * and asks the next step's holders — never the last step, so someone other than the author
   * always approves. Default: every step is approved by someone else.
   */
  submissionPassesAuthorSteps?: boolean;
  /** Reads the record as it is now; null when it does not exist in the organization. */
  snapshot(tx: Tx, organizationId: string, recordId: string): Promise<RecordSnapshot | null>;
  /** Runs in the same transaction when the last step approves (e.g. create the role assignment). */
  onApproved?(tx: Tx, context: ApprovalHookContext): Promise<void>;
  /** Runs on every change of the request's status (submitted, approved, returned, withdrawn, superseded). */
  onStatusChange?(tx: Tx, context: ApprovalHookContext): Promise<void>;
  /** Whether an actor who is not a participant may see the record's approvals and stamps. Default: everyone in the organization. */
  canView?(tx: Tx, actor: Actor, recordId: string): Promise<boolean>;
  /**
   * The SPA path of the record's own screen ("open the record" on the approval screen), or null
   * when the record has no screen of its own and the approval screen (`/approvals/:id`) is
   * where it is read. Inbox items and approval notifications always lead to `/approvals/:id`.
   * `snapshot` is the record as submitted, for a record whose screen is its parent's (a 委託先審査表
   * opens on its 委託先).
   */
  link(recordId: string, snapshot: Record<string, unknown>): string | null;
  /**
   * The snapshot as labelled lines for the approval screen (「項目名: 値」, Japanese), so the
   * approver reads the record rather than its JSON or keys (issue 10). Required: every record
   * type presents itself (each module's `<m>.snapshot.ts`). `reader` names what the snapshot
   * holds as ids (所管部署, 従業者); a value is text, with line breaks between a row's parts.
   */
  describeSnapshot(data: Record<string, unknown>, reader: SnapshotReader): SnapshotField[] | Promise<SnapshotField[]>;
  /**
   * The approved version a request changes, when it is not an earlier request of the same record
   * (a 変更申請 changes a 台帳 entry): its data in the shape of this type's snapshots and a label
   * (「台帳の現在の版（第3版）」). The approval screen shows the differences against it.
   * Without it the differences are against the record's previous approved request, if any.
   */
  previousVersion?(data: Record<string, unknown>, reader: SnapshotReader): Promise<{ label: string; data: Record<string, unknown> } | null>;
};

/** One labelled line of a record snapshot on the approval screen. */
export type SnapshotField = { key: string; label: string; value: string | null };

export type RegisteredRecordType = ApprovalRecordType & {
  defaultSteps: readonly ApprovalStep[];
};

const registry = new Map<string, RegisteredRecordType>();

/**
 * Registers a record type with the approvals engine. Called at boot by installModules for the
 * platform's own types and each module manifest's `approvalTypes`, never at import time.
 */
export function registerApprovalRecordType(definition: ApprovalRecordType): RegisteredRecordType {
  const defaultSteps = definition.defaultSteps ?? defaultApprovalChains[definition.type]?.steps;
  if (!defaultSteps || defaultSteps.length === 0) throw new Error(`approval record type ${definition.type} has no default chain (add it to rules/data/approvalChains.ts)`);
  const registered = { ...definition, defaultSteps };
  registry.set(definition.type, registered);
  return registered;
}

/** Forgets record types (installModules, when a test installs another module list). */
export function unregisterApprovalRecordTypes(types: readonly string[]): void {
  for (const type of types) registry.delete(type);
}

export function findApprovalRecordType(type: string): RegisteredRecordType | undefined {
  return registry.get(type);
}

export function registeredApprovalRecordTypes(): RegisteredRecordType[] {
  return [...registry.values()];
}
