import type { PmsRole } from '../../domain/roles.ts';
import type { ApprovalRecordType } from '../approvals/registry.ts';
import type { AttachmentOwner } from '../attachments/owners.ts';
import type { AnyRegisterImport } from '../imports/register.ts';
import type { Tx } from '../db/connection.ts';
import type { App, Deps } from '../http/types.ts';
import type { Actor } from '../policies/actor.ts';

/** A periodic job. Jobs must be idempotent: several app instances may run them at once. */
export type Job = {
  name: string;
  /** Cron expression, Asia/Tokyo. */
  schedule: string;
  run: (deps: Deps) => Promise<void>;
};

/** What a module's demo seed is given: the demo organization (already has departments, people and roles). */
export type DemoContext = {
  organizationId: string;
  today: string;
  now: Date;
  /** The demo's 委託先 as an organization of its own (株式会社デモ発送サービス), for the 委託先 portal (issue #13). */
  contractorOrganizationId?: string;
};

/**
 * Japanese names for the audit-log screen (SPEC §3, Toshima 4-8-6 (3)): each audited table the
 * module owns, and its columns where the shared column names do not fit.
 */
export type AuditLabels = {
  /** Table name → 「事故等」. */
  entities: Record<string, string>;
  /** Table name → column name → 「知った日」. */
  columns?: Record<string, Record<string, string>>;
};

/**
 * A kind of task the module generates (Principle 4: every duty becomes a task): the task's
 * `sourceType`, its Japanese name for the task list and calendar, and where the work is done.
 */
export type TaskSource = {
  sourceType: string;
  label: string;
  /** The SPA path of the record the task points at (「作業を開く」). */
  link(sourceId: string): string;
};

/**
 * What sets a deadline on the home: a statute (個人情報保護法・番号法 — the only ones counted as
 * 法令上の報告等), the standard (JIS Q 15001 / PA01: 委託先の監督 J.9.4, 審査機関への報告 J.4.4.2), a
 * contract (特記事項), a guideline's advice (通則編3-5-2, 行政機関等の指針), or the organization's own
 * target (遅滞なく answered within its 目標日数). A 遅滞なく target shown as 法令 claimed a legal
 * deadline the law does not set.
 */
export const deadlineAuthorities = ['law', 'standard', 'contract', 'guidance', 'target'] as const;
export type DeadlineAuthority = (typeof deadlineAuthorities)[number];
export const deadlineAuthorityLabels: Readonly<Record<DeadlineAuthority, string>> = Object.freeze({
  law: '法令',
  standard: '規格',
  contract: '契約',
  guidance: 'ガイドライン',
  target: '目標',
});

/**
 * An open deadline a module keeps (e.g. an incident's 速報 to the 個人情報保護委員会, a 委託先's
 * 遵守報告書): the home's 期限 card lists them beside the caller's tasks
 * (src/platform/tasks/deadlines.service.ts).
 */
export type ModuleDeadline = {
  /** What kind of deadline (`incident_duty`) and the id of the record that carries it. */
  sourceType: string;
  sourceId: string;
  /** Japanese name of the kind, e.g. 「事故等の報告等の義務」. */
  sourceLabel: string;
  /** e.g. 「INC-2026-0003 個人情報保護委員会への速報」. */
  title: string;
  /** To whom / on what basis, in Japanese (may be empty). */
  detail: string;
  /** The date it counts down to; null for 「速やかに」 with no date. */
  dueOn: string | null;
  departmentId: string | null;
  /** The SPA path where the duty is done. */
  link: string;
  /** What sets it (法令・規格・契約・ガイドライン・目標). */
  authority: DeadlineAuthority;
};

/** A permission a module adds, and the PMS roles that hold it (SPEC §9 least privilege). */
export type ModulePermission = {
  /** Japanese name for the settings and audit screens, e.g. 「事故等の閲覧」. */
  label: string;
  /** Roles granted it besides the 個人情報保護管理者, who holds every permission (J.2.3.1). */
  grantedTo: readonly PmsRole[];
};

/**
 * One product module (M1 台帳, M4 事故等, …) as the platform sees it. Each
 * `src/modules/<m>/index.ts` exports one of these; `src/modules/index.ts` lists them, and the
 * platform iterates that list — it never imports a module by name.
 */
export type ModuleManifest = {
  /** Folder name and permission prefix, e.g. `incidents`. */
  name: string;
  /** Japanese name with its SPEC number, e.g. 「M4 緊急事態・事故等」. */
  label: string;
  /** Permission key (`<name>.<verb>`) → who holds it. */
  permissions: Readonly<Record<string, ModulePermission>>;
  /** The module's drizzle tables (`import * as tables from './<m>.tables.ts'`). */
  tables: Readonly<Record<string, unknown>>;
  /** Registers the module's routes (each declared in `<m>.contract.ts`). */
  routes(app: App, deps: Deps): void;
  jobs?: readonly Job[];
  /** Record types that go through the approvals engine. */
  approvalTypes?: readonly ApprovalRecordType[];
  tasks?: readonly TaskSource[];
  /**
   * Codes of the PMS年間計画 items (src/rules/data/pmsCalendar.ts) whose work this module holds,
   * e.g. `inventory_review`: the calendar lists, and makes tasks of, only the items of installed
   * modules (and the platform's own), never of modules that do not exist yet. `link` is the SPA
   * path where the item's work is done (「作業を開く」 on its tasks).
   */
  calendarItems?: readonly { code: string; link: string }[];
  auditLabels?: AuditLabels;
  /**
   * The module's registers that import from Excel or CSV through the one pipeline (issue #12):
   * each gets /api/imports/<register>/inspect and /api/imports/<register> and the web's 取込 dialog.
   */
  imports?: readonly AnyRegisterImport[];
  /** Records of this module that carry files (添付ファイル, SPEC §3): who may see and add them is the record's rule. */
  attachmentOwners?: readonly AttachmentOwner[];
  /** The open legal deadlines the actor may see (only records they may open), for the home. */
  deadlines?(tx: Tx, actor: Actor, today: string): Promise<ModuleDeadline[]>;
  /** Seeds the module's part of the demo organization (idempotent), in list order. */
  demo?(tx: Tx, context: DemoContext): Promise<void>;
};

/**
 * Declares a module. Identity at run time; it exists so a manifest is checked against
 * {@link ModuleManifest} where it is written, with its literal types kept.
 *
 * @example
 * export const incidentsModule = defineModule({ name: 'incidents', label: 'M4 緊急事態・事故等', permissions, tables, routes: incidentsRoutes });
 */
export function defineModule<const M extends ModuleManifest>(manifest: M): M {
  for (const permission of Object.keys(manifest.permissions)) {
    if (!permission.startsWith(`${manifest.name}.`)) throw new Error(`module ${manifest.name}: permission ${permission} must start with "${manifest.name}."`);
  }
  return manifest;
}
