/**
 * Shapes of the API responses the SPA reads. Request bodies are typed by the shared zod
 * schemas in src/ (z.input / z.output); responses are JSON renderings of the presenters.
 */
import type { SessionInfo } from '../../../src/platform/auth/auth.schema.ts';

export type Session = SessionInfo;

export type Paged<T> = { items: T[]; total: number; page?: number; pageSize?: number };
export type ItemList<T> = { items: T[] };

export type OrganizationSettings = {
  idleTimeoutMinutes: number;
  requireTotpForAdmins: boolean;
  bulkAccessThreshold: number;
  bulkAccessWindowMinutes: number;
  reminderDaysBefore: number;
};

export type Organization = {
  id: string;
  name: string;
  address: string | null;
  representative: string | null;
  profile: string;
  privacyMarkNumber: string | null;
  privacyMarkValidFrom: string | null;
  privacyMarkValidTo: string | null;
  settings: OrganizationSettings;
};

export type Department = { id: string; name: string; code: string | null; parentId: string | null; sortOrder: number; heads: { personId: string; name: string }[] };

export type PersonListItem = {
  id: string;
  name: string;
  nameKana: string | null;
  employeeNumber: string | null;
  employmentType: string;
  departmentId: string | null;
  departmentName: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  hasAccount: boolean;
};

export type Person = {
  id: string;
  name: string;
  nameKana: string | null;
  employeeNumber: string | null;
  employmentType: string;
  departmentId: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  email: string | null;
  phone: string | null;
  contactVisible: boolean;
};

export type RoleAssignment = {
  id: string;
  personId: string;
  personName: string;
  role: string;
  departmentId: string | null;
  departmentName: string | null;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
};

export type Account = {
  id: string;
  personId: string;
  personName: string;
  loginId: string;
  totpEnabled: boolean;
  disabledAt: string | null;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  leftOn: string | null;
};

export type MyTask = { id: string; title: string; dueOn: string | null; status: string; overdue: boolean; link?: string | null; ownerRoleLabel?: string | null };
/** GET /api/me/tasks: a page of my tasks, and the counts of all my open ones (期限切れ・期限間近 within `dueSoonDays`). */
export type MyTaskList = { items: MyTask[]; total: number; counts?: { open: number; overdue: number; dueSoon: number; dueSoonDays: number } };

export type MyApproval = { id: string; recordTypeLabel: string; title: string; submittedByName: string; submittedAt: string; stepLabel: string; link?: string | null };

export type AppNotification = { id: string; title: string; body: string | null; link: string | null; urgent: boolean; createdAt: string; readAt: string | null };
export type NotificationList = { items: AppNotification[]; unreadCount: number };

export type AuditChange = { column: string; label: string; before: unknown; after: unknown; changed: boolean };

export type AuditEntry = {
  id: string;
  chainSeq: number | string;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  rowCount: number | null;
  summary: string | null;
  changedColumns?: string[];
  /** Column by column with Japanese labels, changed first (from the server's audit presenter). */
  changes?: AuditChange[];
  before: unknown;
  after: unknown;
  meta?: unknown;
};

export type ImportReport = {
  dryRun: boolean;
  total: number;
  valid: number;
  created?: number;
  updated?: number;
  /** Columns of the sheet that the import does not know (shown as a warning). */
  ignoredColumns?: string[];
  rows: { row: number; employeeNumber: string | null; name: string | null; action: string; errors: { field: string; message: string }[] }[];
};
