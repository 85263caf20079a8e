import type { HeadingConfidence } from '../../rules/ledgerImport/index.ts';
import type { ZodType } from 'zod';
import type { Tx } from '../db/connection.ts';
import type { CellOutput } from '../exports/xlsx.ts';
import type { Actor } from '../policies/actor.ts';
import type { ImportExtra } from './extras.ts';
import type { ValueMapping } from './referenceValues.ts';
import type { SheetChoice, SheetPreview } from './sheets.ts';
import type { ImportGrid } from './upload.ts';

// 取込の定義 (issue #12, one import pipeline): what a register tells the platform so that its Excel
// or CSV is imported the way every register is — upload → シートの選択 → 見出し行 → 列の対応付け (a
// synonym dictionary per field, remembered per organization, one-click correction) → 値の対応付け
// for reference fields → 確認 (dry run) → all-or-nothing 取込 with its progress. A module lists its
// definitions in its manifest (`imports`); the platform adds its own (従業者). The platform reads
// the file and the columns (read-register-sheet.ts) and runs the steps (run-register-import.ts);
// the definition only checks its rows and writes them.

/** One field a column can fill: the heading the register's export writes and the other names files give it. */
export type RegisterField<K extends string = string> = {
  key: K;
  /** The heading Mamori's own export writes (and the field's name in messages). */
  header: string;
  /** Other headings that name the field (docs/import.md lists them). */
  synonyms?: readonly string[];
  /** A file without this column cannot be imported (the inspection says so; the import refuses it). */
  required?: boolean;
  /** Written by the export for people to read (state, checks), never read back: the column is recognised and left out. */
  exportOnly?: boolean;
};

/** How one heading of the header row is read. */
export type ColumnUse<K extends string = string> = {
  /** The column's heading as the file writes it. */
  header: string;
  /** The field it fills in this import (null: not imported). */
  field: K | null;
  /** The field the dictionary matches it to, and how sure (a partial match is offered, never applied unseen). */
  suggested: K | null;
  confidence: HeadingConfidence | null;
  /** Why it fills `field`: the dictionary, the organization's earlier choice (取込の記憶), or the choice sent with this request. */
  source: 'dictionary' | 'remembered' | 'chosen' | null;
};

/**
 * A data row: its Excel row number, its cells by the field they fill (a field without a column is
 * absent) and, for a register that keeps them, its 取込時の追加情報 (the kept columns' cells and the
 * pairs read back from the export's own column; absent when the file has neither).
 */
export type RegisterRow<K extends string = string> = { rowNumber: number; cells: Partial<Record<K, CellOutput>>; extras?: ImportExtra[] };

/** The sheet read for a register: which one and why, every sheet previewed, the header, the columns and the rows. */
export type RegisterSheet<K extends string = string> = {
  sheet: SheetChoice;
  sheets: SheetPreview[];
  headerRow: number;
  headers: string[];
  columns: ColumnUse<K>[];
  rows: RegisterRow<K>[];
  /** Headings that fill no field and are not kept (shown as a warning; left out). */
  ignoredColumns: string[];
  /** Headings that fill no field, kept on each record as 取込時の追加情報 (a register declaring `extras` only; `keep` chooses them). */
  keptColumns: string[];
  /** Headings that fill no field and could be kept (the choice offered: kept and ignored ones but row numbers and the export's own state). */
  keepableColumns: string[];
  /** Required fields the header lacks, by their heading. */
  missingColumns: string[];
  /** Refusals of the column choice (a field filled by two columns), in Japanese. */
  columnProblems: string[];
};

/** One problem of a row, on the column the user sees. */
export type RowError = { field: string; message: string };

/**
 * One row's outcome: its identifying value (従業者番号, 法人番号, 所管部署 …) and name, quoted
 * bounded, and what it will do; `warnings` (a register that gives them) say what was read from
 * a cell otherwise than written (「保管方法」の「紙」 as the 保管媒体) without refusing the row.
 */
export type RowReport = { row: number; key: string | null; name: string | null; action: 'create' | 'update' | 'error'; errors: RowError[]; warnings?: RowError[] };

/**
 * A row the import will write. `extras` is set by the pipeline for a register declaring `extras`:
 * the row's 取込時の追加情報 to store (an empty list clears it), or undefined when the file has no
 * kept column and no 取込時の追加情報 column (an update keeps what is stored).
 */
export type PlannedRow<P> = { row: number; action: 'create' | 'update'; value: P; extras?: ImportExtra[] | undefined };

/** A reference value's resolution by the register itself: the record, a refusal (e.g. two of that name), or not found (null). */
export type Resolution = { target: string } | { error: string } | null;

/** What a register's `plan` is given: the sheet, and the shared ways to read reference values. */
export type PlanContext<K extends string = string> = {
  sheet: RegisterSheet<K>;
  /** Whether the file has a column for `field` (a field without one keeps the stored value on update). */
  has(field: K): boolean;
  /** The file's heading of `field` (or the export's heading when the file lacks it), for messages. */
  header(field: K): string;
  /**
   * A reference value (a department's name, a 台帳 entry …) read the one way every register does:
   * the register's own match (`resolve`) first; not found, the record the client mapped the value
   * to in this request, else the one the organization mapped it to before (取込の記憶) — each only
   * while `valid` says the record still exists; else the value is listed once (with its rows) for
   * mapping and the row gets `notFound`'s error.
   */
  reference(
    field: K,
    written: string,
    row: number,
    how: { resolve: (written: string) => Resolution; valid: (target: string) => boolean; notFound: (written: string) => string },
  ): { target: string } | { error: string };
  /**
   * Await once per row checked: reports the progress every {@link PROGRESS_EVERY_ROWS} rows and
   * lets the event loop turn at least every {@link PLAN_YIELD_EVERY_MS} ms of checking, so that a
   * large dry run never holds the server (/healthz, other requests) for long.
   */
  checked(): Promise<void>;
  /** The day of the import in Japan (YYYY-MM-DD): a 退職日 or 期限 already passed is judged against it. */
  today: string;
};

/** What a register's `write` is given (the pipeline reports the rows written after each batch). */
export type WriteContext = {
  today: string;
  now: Date;
  fileName: string;
  /** This import's id, the same for every batch (history rows and tasks can name it). */
  importId: string;
};

/** Rows given to one call of a register's `write` (one multi-row INSERT per batch, issue #12 Scale). */
export const IMPORT_BATCH_ROWS = 500;

/**
 * 取込時の追加情報 (issue #12, unmapped columns kept): a register declaring it keeps the columns no
 * field took (its 備考 aside, when it has a notes field) on each record as heading/value pairs
 * (platform/imports/extras.ts), shows them on the record's page and writes them back in its export's
 * last column 「取込時の追加情報」, which the import reads back into the same pairs.
 */
export type ExtrasCapability = {
  /** Columns the register's export adds for people to read (its state), which the record already has: not kept by default. */
  derived?: readonly string[];
};

/**
 * One row of a companion sheet's report (its own columns; `label` names what the row holds, e.g. the リスク).
 * Loose by design: a companion adds what its page shows (the entries a リスク row names …).
 */
export type CompanionRowReport = { row: number; label: string | null; action: 'create' | 'error'; errors: RowError[]; warnings: RowError[] } & Record<string, unknown>;

/** A companion sheet's outcome in the report: which sheet, its header row and columns, its rows, and a summary of what it adds. */
export type CompanionReport = {
  /** Japanese name of what the sheet holds (「リスク分析」). */
  label: string;
  sheet: string;
  headerRow: number;
  columns: { heading: string; field: string }[];
  total: number;
  valid: number;
  rows: CompanionRowReport[];
} & Record<string, unknown>;

/**
 * A companion sheet (issue #12, 台帳 with a リスク分析 sheet): a second sheet of the same workbook,
 * found by its own headings among the sheets the register was not read from, checked against the
 * register's planned rows, and written after them in the same transaction — all or nothing with
 * them (a companion row with an error refuses the whole import). `S` is the sheet read, `Q` its plan.
 */
export type CompanionSheet<P, W, S = unknown, Q = unknown> = {
  /** The companion among the other sheets (the register's own sheet left out), or null when the file has none; 400 when it has too many rows. */
  find(grids: readonly ImportGrid[], maxRows: number): S | null;
  /** Checks the sheet against the register's planned rows (reads only); `carry` is what the register's `plan` handed on. */
  plan(tx: Tx, actor: Actor, sheet: S, main: { plan: PlannedRow<P>[]; carry: unknown }, today: string): Promise<{ report: CompanionReport; planned: Q }>;
  /** Writes it after the register's rows (`written`: what each `write` returned, in file order). */
  write(tx: Tx, actor: Actor, sheet: S, planned: Q, written: W[], context: WriteContext): Promise<void>;
  /** What the audit row records of it (its sheet and what it added). */
  auditMeta(report: CompanionReport): Record<string, unknown>;
};

/** A register's reference choices for the value mapping: per field, the records a value can be mapped to. */
export type ReferenceChoices<K extends string = string> = Partial<Record<K, { value: string; label: string }[]>>;

/**
 * A register's import, declared once (a module's manifest `imports`, or the platform's own).
 * `plan` reads only; `write` runs only when every row is valid, batch by batch, in the same transaction.
 */
export type RegisterImport<K extends string = string, P = unknown, W = unknown> = {
  /** The route segment and the name its choices are remembered under (`contractors` → /api/imports/contractors). */
  register: string;
  /** Japanese name of the register, e.g. 「委託先一覧」. */
  label: string;
  /** The permission that may import it (also checked by `write`'s own service calls). */
  permission: string;
  /** The audited table the import writes (the audit row names it). */
  auditEntity: string;
  /** Names of the rows' identifying value and name in the report (「法人番号」「名称」). */
  keyLabel: string;
  nameLabel: string;
  fields: readonly RegisterField<K>[];
  /**
   * The field whose values name a 所属 (台帳の所管部署, 従業者の所属 …): an unknown value can be
   * created as a new top-level 所属 by the value mapping (`{"create":true}`, 「新しい所属として作る」),
   * inside the import's transaction, by a caller with 所属の管理 rights; `plan` then finds it by name.
   */
  departmentField?: K;
  /** Keeps unmapped columns as 取込時の追加情報 on each record (`write` stores `PlannedRow.extras`). */
  extras?: ExtrasCapability;
  /** The records each reference field's values can be mapped to (the value mapping step). */
  choices?(tx: Tx, organizationId: string): Promise<ReferenceChoices<K>>;
  /**
   * The value mapping's targets checked before anything is read (400 naming the field): for fields
   * whose targets are codes or ids the register knows the shape of (保管媒体 → paper・electronic・both,
   * 所管部署 → a 所属's id). Left out, a target is only checked by `reference`'s `valid`.
   */
  values?: ZodType<ValueMapping>;
  /** `carry`: anything the companion sheet's `plan` needs of this plan (the names of the rows with errors …). */
  plan(tx: Tx, actor: Actor, context: PlanContext<K>): Promise<{ rows: RowReport[]; plan: PlannedRow<P>[]; carry?: unknown }>;
  /**
   * Writes one batch of at most {@link IMPORT_BATCH_ROWS} planned rows, in file order, all in the
   * import's one transaction: new records by one multi-row INSERT, changes by one statement per
   * batch (or per column set). Returns what `finish` and the companion need of the rows written
   * (their ids …), or nothing.
   */
  write(tx: Tx, actor: Actor, batch: PlannedRow<P>[], context: WriteContext): Promise<W[] | undefined>;
  /**
   * After every batch (and before the companion): the work the import does once for all its rows
   * (one task per department for the entries imported …). Returns what the audit row adds to its
   * meta (e.g. `entityId`: the import's id).
   */
  finish?(tx: Tx, actor: Actor, run: { plan: PlannedRow<P>[]; written: W[] }, context: WriteContext): Promise<{ entityId?: string; meta?: Record<string, unknown> } | undefined>;
  /** A second sheet of the same workbook imported with the register (the 台帳's リスク分析 sheet). */
  companion?: CompanionSheet<P, W>;
};

/** Declares a register's import with its field keys and plan type checked where it is written. */
export function defineRegisterImport<K extends string, P, W = unknown>(definition: RegisterImport<K, P, W>): RegisterImport<K, P, W> {
  const keys = new Set<string>();
  for (const field of definition.fields) {
    if (keys.has(field.key)) throw new Error(`import ${definition.register}: field ${field.key} twice`);
    keys.add(field.key);
  }
  return definition;
}

/** Any register's import, as the platform holds them. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds definitions of every field and plan type; each is checked where it is declared.
export type AnyRegisterImport = RegisterImport<string, any, any>;
