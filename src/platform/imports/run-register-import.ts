import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { normalizeLabel } from '../../domain/text.ts';
import { recordAuditEvent } from '../audit/auditEvents.ts';
import type { Tx } from '../db/connection.ts';
import { HttpError } from '../http/errors.ts';
import { departmentBody } from '../org/org.schema.ts';
import { createDepartment } from '../org/org.service.ts';
import { type Actor, can } from '../policies/actor.ts';
import { type ImportMemory, loadImportMemory, type RecalledValue, RecalledValues, rememberImportChoices } from './memory.ts';
import { departmentNamed, listDepartmentChoices } from '../org/departmentNames.ts';
import { noProgress, PLAN_YIELD_EVERY_MS, PROGRESS_EVERY_ROWS, type ProgressReporter, yieldToEventLoop } from './progress.ts';
import { assertImportable, type ColumnChoice, readRegisterSheet } from './read-register-sheet.ts';
import { mappedValue, type RequestedValues, splitValueChoices, type UnknownValue, UnknownValues, type ValueMapping, type ValueToCreate } from './referenceValues.ts';
import { type AnyRegisterImport, type CompanionReport, IMPORT_BATCH_ROWS, type PlanContext, type ReferenceChoices, type RegisterSheet, type RowReport } from './register.ts';
import type { ImportGrid } from './upload.ts';

/** An uploaded file, its sheets already parsed (outside the transaction). */
export type ParsedUpload = { fileName: string; grids: readonly ImportGrid[] };

// 取込の実行 (issue #12, stages 3–5 of the one pipeline): 値の対応付け, 確認 (dry run) and the
// all-or-nothing 取込, the same for every register; the register's definition checks its rows
// (`plan`) and writes them (`write`).

/** What the inspection answers: the sheets, the header, each column's field, the fields and the reference choices. */
export type RegisterInspection = Omit<RegisterSheet, 'rows'> & {
  register: string;
  label: string;
  rowCount: number;
  fields: { key: string; header: string; required: boolean }[];
  choices: Record<string, { value: string; label: string }[]>;
  /** Fields whose unknown values this caller may create (the register's 所属 field, with 所属の管理 rights). */
  creatable: string[];
};

/** The outcome of a dry run or a real run. */
export type RegisterImportReport = {
  dryRun: boolean;
  register: string;
  label: string;
  keyLabel: string;
  nameLabel: string;
  sheet: RegisterSheet['sheet'];
  headerRow: number;
  total: number;
  valid: number;
  created: number;
  updated: number;
  ignoredColumns: string[];
  /** The columns kept on each record as 取込時の追加情報 (a register that keeps them). */
  keptColumns: string[];
  rows: RowReport[];
  unknownValues: UnknownValue[];
  rememberedValues: RecalledValue[];
  /** Values created as new records (「新しい所属として作る」), with their rows; the dry run shows them and creates nothing. */
  createdValues: UnknownValue[];
  /** The companion sheet (a register declaring one), checked with the rows; null when the file has none. */
  companion: CompanionReport | null;
};

/** What the client sends beside the file: the sheet, header row, column choice and value mapping. */
export type RegisterImportOptions = {
  sheet?: string | undefined;
  headerRow?: number | undefined;
  columns?: ColumnChoice | null | undefined;
  values?: RequestedValues | null | undefined;
  /** The unmapped columns to keep as 取込時の追加情報 (headings); left out, the default choice (extras.ts keptColumns). */
  keep?: readonly string[] | null | undefined;
  maxRows: number;
};

const fieldsOf = (definition: AnyRegisterImport) => definition.fields.filter((f) => !f.exportOnly).map((f) => ({ key: f.key, header: f.header, required: f.required === true }));

/**
 * 取込の読込: what the mapping screen needs — every sheet previewed, the sheet read and why, the
 * header row, each heading's field (with the dictionary's suggestion and its confidence), the
 * register's fields, the missing columns, and the records reference values can be mapped to.
 */
export async function inspectRegisterImport(
  tx: Tx,
  actor: Actor,
  definition: AnyRegisterImport,
  upload: ParsedUpload,
  options: Omit<RegisterImportOptions, 'values'>,
): Promise<RegisterInspection> {
  assertChoices(definition, options.columns, null);
  const memory = await loadImportMemory(tx, actor.organizationId, definition.register);
  const { rows, ...sheet } = readRegisterSheet(upload.grids, definition, { ...options, memory });
  return {
    ...sheet,
    register: definition.register,
    label: definition.label,
    rowCount: rows.length,
    fields: fieldsOf(definition),
    choices: choicesOf((await definition.choices?.(tx, actor.organizationId)) ?? {}),
    creatable: definition.departmentField && can(actor, DEPARTMENT_CREATION) ? [definition.departmentField] : [],
  };
}

const choicesOf = (choices: ReferenceChoices) => Object.fromEntries(Object.entries(choices).filter((e): e is [string, { value: string; label: string }[]] => e[1] !== undefined));

/** The permission the 所属 screen's create route asks (POST /api/departments); the import's 「新しい所属として作る」 asks it too. */
const DEPARTMENT_CREATION = 'departments.manage';

/**
 * Refuses (400, naming the parameter) a column choice or value mapping that names a field the
 * register does not have — never ignored silently — or asks to create a value of a field other
 * than the register's 所属, or a 所属 name the 所属 screen would refuse.
 */
export function assertChoices(definition: AnyRegisterImport, columns: ColumnChoice | null | undefined, requested: RequestedValues | null | undefined): void {
  const { mapping: values, create } = splitValueChoices(requested);
  const keys = new Set(definition.fields.filter((f) => !f.exportOnly).map((f) => f.key));
  const known = definition.fields.map((f) => `${f.header}（${f.key}）`).join('・');
  const fields: { path: string; message: string }[] = [];
  for (const [heading, field] of Object.entries(columns ?? {}))
    if (field !== '' && !keys.has(field))
      fields.push({
        path: 'columns',
        message: `列の対応付けで「${heading.slice(0, 40)}」に指定した項目はありません。${known}のいずれか（取り込まない列は空文字）を指定してください`,
      });
  for (const field of Object.keys(requested ?? {}))
    if (!keys.has(field)) fields.push({ path: 'values', message: `値の対応付けの項目「${field.slice(0, 40)}」はありません。${known}のいずれかを指定してください` });
  // The register's own shape of its targets (a 所属's id, a 媒体's code), each refusal naming its field.
  if (values && fields.length === 0 && definition.values) {
    const checked = definition.values.safeParse(values);
    if (!checked.success) for (const issue of checked.error.issues) fields.push({ path: 'values', message: issue.message });
  }
  for (const { field, value } of fields.length === 0 ? create : []) {
    const header = definition.fields.find((f) => f.key === field)?.header ?? field;
    if (field !== definition.departmentField) {
      fields.push({
        path: 'values',
        message: `値の対応付けで${header}の「${value.slice(0, 40)}」は新しく作れません。新しく作れるのは所属だけです。既存の記録に対応付けてください`,
      });
      continue;
    }
    const name = departmentBody.shape.name.safeParse(value);
    if (!name.success) fields.push({ path: 'values', message: `新しく作る${header}「${value.slice(0, 40)}」: ${name.error.issues[0]?.message ?? '所属名が正しくありません'}` });
  }
  if (fields.length > 0) throw new HttpError(400, fields.map((f) => f.message).join(' / '), 'validation', fields);
}

/** A real run refused because rows have errors (422): the report and why nothing was written (all or nothing). */
export function refusalOf(report: RegisterImportReport) {
  const invalid = report.total - report.valid;
  const companion = report.companion;
  const companionInvalid = companion ? companion.total - companion.valid : 0;
  // With a companion sheet, each sheet's rows are named (「個人情報管理台帳の5行とリスク分析のシート「リスク」の2行」).
  const where =
    companionInvalid > 0 && companion
      ? [
          invalid > 0 ? `${report.label}の${invalid.toLocaleString('ja-JP')}行` : '',
          `${companion.label}のシート「${companion.sheet}」の${companionInvalid.toLocaleString('ja-JP')}行`,
        ]
          .filter(Boolean)
          .join('と')
      : `${invalid.toLocaleString('ja-JP')}行`;
  return {
    ...report,
    error: {
      code: 'import_invalid',
      message: `${where}にエラーがあるため、取り込みませんでした（1行も登録していません）。エラーを直して再度取り込んでください`,
    },
  };
}

/** Whether every row can be imported (and every row of the companion sheet, when there is one). */
export const allValid = (report: Pick<RegisterImportReport, 'valid' | 'total'> & { companion?: CompanionReport | null }) =>
  report.valid === report.total && (!report.companion || report.companion.valid === report.companion.total);

/**
 * 確認 (dryRun) or 取込. The dry run checks every row and reports, writing nothing. The real run
 * writes only when every row is valid — every row in the caller's one transaction — remembers the
 * organization's choices (the columns mapped otherwise than the dictionary would, the values
 * mapped) for the next import, and records the import in the audit trail. A report with errors on
 * a real run is returned unwritten (the route answers 422 with it).
 */
export async function runRegisterImport(
  tx: Tx,
  actor: Actor,
  definition: AnyRegisterImport,
  upload: ParsedUpload,
  options: RegisterImportOptions & { dryRun: boolean; today: string; now: Date },
  progress: ProgressReporter = noProgress,
): Promise<RegisterImportReport> {
  assertChoices(definition, options.columns, options.values);
  const { mapping, create } = splitValueChoices(options.values);
  if (create.length > 0 && !can(actor, DEPARTMENT_CREATION))
    throw new HttpError(
      403,
      `${create.map((c) => `所属「${c.value.slice(0, 40)}」`).join('・')}を新しく作る権限がありません（所属の管理の権限が必要です）。既存の所属に対応付けるか、権限のある人に所属の登録を依頼してください`,
      'forbidden',
    );
  const memory = await loadImportMemory(tx, actor.organizationId, definition.register);
  const sheet = readRegisterSheet(upload.grids, definition, { ...options, memory });
  assertImportable(sheet);
  progress.parsed(sheet.rows.length);
  if (create.length === 0) return (await planAndWrite(tx, actor, definition, upload, options, progress, { memory, sheet, mapping, create })).report;
  // 「新しい所属として作る」: the 所属 are created first — with the 所属 screen's own service function,
  // audited by the table's trigger like any creation — inside a savepoint of the import's
  // transaction, so that the plan finds them by name. The dry run, or a run with any row in error,
  // rolls the savepoint back: no 所属 is created unless the whole import is (all or nothing).
  let outcome: { report: RegisterImportReport; wrote: boolean } | undefined;
  try {
    await tx.transaction(async (savepoint) => {
      const names = await createDepartmentsFor(savepoint, actor, create, options.today);
      outcome = await planAndWrite(savepoint, actor, definition, upload, options, progress, { memory, sheet, mapping, create, createdNames: names });
      if (!outcome.wrote) throw rolledBack;
    });
  } catch (error) {
    if (error !== rolledBack) throw error;
  }
  if (!outcome) throw new Error('import planned nothing');
  return outcome.report;
}

/** Thrown to roll back the savepoint of a dry run (or a refused run) that created 所属 to plan with. */
const rolledBack = new Error('import rolled back');

/** Creates each 所属 asked for that the organization does not have yet (by name, as imports compare them); returns the names created. */
async function createDepartmentsFor(tx: Tx, actor: Actor, create: readonly ValueToCreate[], today: string): Promise<string[]> {
  const all = await listDepartmentChoices(tx, actor.organizationId);
  const created: string[] = [];
  for (const { value } of create) {
    // Already there by name or code (registered since the dry run): the plan reads that one.
    if (departmentNamed(value, all, '所属') !== null || created.some((c) => normalizeLabel(c) === normalizeLabel(value))) continue;
    // A top-level 所属 (no parent, no code, no head), as 所属の登録 with only its name.
    await createDepartment(tx, actor.organizationId, departmentBody.parse({ name: value }), today);
    created.push(value);
  }
  return created;
}

/** What runRegisterImport has read before planning: the memory, the sheet and the value choices. */
type Prepared = { memory: ImportMemory; sheet: RegisterSheet; mapping: ValueMapping | null; create: ValueToCreate[]; createdNames?: string[] };

/** Plans every row and, on a real run with every row valid, writes them; `wrote` says whether it wrote. */
async function planAndWrite(
  tx: Tx,
  actor: Actor,
  definition: AnyRegisterImport,
  upload: ParsedUpload,
  options: RegisterImportOptions & { dryRun: boolean; today: string; now: Date },
  progress: ProgressReporter,
  { memory, sheet, mapping, create, createdNames }: Prepared,
): Promise<{ report: RegisterImportReport; wrote: boolean }> {
  const { context, unknown, recalled, created: createdValues } = planContext(sheet, definition, memory, mapping, create, progress, options.today);
  const { rows, plan, carry } = await definition.plan(tx, actor, context);
  // The companion sheet (the 台帳's リスク分析): among the other sheets, checked against the rows planned.
  const companionSheet = definition.companion?.find(
    upload.grids.filter((_, i) => i !== sheet.sheet.index - 1),
    options.maxRows,
  );
  const companion = definition.companion && companionSheet != null ? await definition.companion.plan(tx, actor, companionSheet, { plan, carry }, options.today) : null;
  const valid = rows.filter((r) => r.action !== 'error').length;
  const created = plan.filter((p) => p.action === 'create').length;
  const report: RegisterImportReport = {
    dryRun: options.dryRun,
    register: definition.register,
    label: definition.label,
    keyLabel: definition.keyLabel,
    nameLabel: definition.nameLabel,
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    total: rows.length,
    valid,
    created,
    updated: plan.length - created,
    ignoredColumns: sheet.ignoredColumns,
    keptColumns: sheet.keptColumns,
    rows,
    unknownValues: unknown.list(),
    rememberedValues: recalled.list(),
    createdValues: createdValues.list(),
    companion: companion?.report ?? null,
  };
  if (options.dryRun || !allValid(report) || plan.length === 0) return { report, wrote: false };
  if (definition.extras) {
    const extrasOf = new Map(sheet.rows.map((r) => [r.rowNumber, r.extras]));
    for (const p of plan) p.extras = extrasOf.get(p.row);
  }
  // Batch by batch (one multi-row INSERT each for new records), the progress reported after each.
  const writeContext = { today: options.today, now: options.now, fileName: upload.fileName, importId: randomUUID() };
  const written: unknown[] = [];
  for (let start = 0; start < plan.length; start += IMPORT_BATCH_ROWS) {
    const batch = plan.slice(start, start + IMPORT_BATCH_ROWS);
    const out = await definition.write(tx, actor, batch, writeContext);
    if (out) written.push(...out);
    progress.written(start + batch.length);
    // One turn of the event loop per 500-row batch, so that the progress line leaves while the import goes on.
    await yieldToEventLoop();
  }
  const finished = (await definition.finish?.(tx, actor, { plan, written }, writeContext)) ?? undefined;
  if (definition.companion && companionSheet != null && companion) await definition.companion.write(tx, actor, companionSheet, companion.planned, written, writeContext);
  // A 「新しい所属として作る」 choice is not remembered: the next import finds the created 所属 by its name.
  await rememberImportChoices(tx, actor, definition.register, {
    columns: columnChoices(sheet, memory, definition),
    values: Object.entries(mapping ?? {}).flatMap(([field, chosen]) => Object.entries(chosen ?? {}).map(([value, target]) => ({ field, value, target }))),
  });
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorAccountId: actor.accountId,
    action: 'import',
    entityType: definition.auditEntity,
    ...(finished?.entityId ? { entityId: finished.entityId } : {}),
    rowCount: plan.length,
    meta: {
      ...finished?.meta,
      ...(companion && definition.companion ? definition.companion.auditMeta(companion.report) : {}),
      created: report.created,
      updated: report.updated,
      fileName: upload.fileName,
      sheet: sheet.sheet.name,
      ...(options.columns ? { columns: options.columns } : {}),
      ...(options.values ? { values: options.values } : {}),
      ...(sheet.keptColumns.length > 0 ? { keptColumns: sheet.keptColumns } : {}),
      ...(createdNames && createdNames.length > 0 ? { createdDepartments: createdNames } : {}),
    },
  });
  return { report, wrote: true };
}

/**
 * The column choices worth remembering: a heading read otherwise than the dictionary would, and
 * any heading remembered before (so going back to the dictionary's choice replaces the old one).
 */
function columnChoices(sheet: RegisterSheet, memory: ImportMemory, definition: AnyRegisterImport): { heading: string; field: string }[] {
  const exportOnly = new Set(definition.fields.filter((f) => f.exportOnly).map((f) => f.key));
  const dictionaryField = (c: RegisterSheet['columns'][number]) => (c.suggested && c.confidence !== 'partial' && !exportOnly.has(c.suggested) ? c.suggested : null);
  return sheet.columns.filter((c) => c.field !== dictionaryField(c) || memory.columns.has(normalizeLabel(c.header))).map((c) => ({ heading: c.header, field: c.field ?? '' }));
}

/** The shared ways a register's `plan` reads its sheet: columns, reference values (mapped, remembered, unknown), progress. */
function planContext(
  sheet: RegisterSheet,
  definition: AnyRegisterImport,
  memory: ImportMemory,
  values: ValueMapping | null,
  create: readonly ValueToCreate[],
  progress: ProgressReporter,
  today: string,
) {
  const headerOfField = new Map(sheet.columns.filter((c) => c.field).map((c) => [c.field as string, c.header]));
  const header = (field: string) => headerOfField.get(field) ?? definition.fields.find((f) => f.key === field)?.header ?? field;
  const unknown = new UnknownValues();
  const recalled = new RecalledValues(memory, header);
  const toCreate = new Set(create.map((c) => `${c.field}\u0000${normalizeLabel(c.value)}`));
  const created = new UnknownValues();
  let checked = 0;
  let lastTurn = performance.now();
  const context: PlanContext = {
    sheet,
    today,
    has: (field) => headerOfField.has(field),
    header,
    reference(field, written, row, how) {
      // Asked to be created: created before the plan (or found by then under that name), listed as 新規作成.
      if (toCreate.has(`${field}\u0000${normalizeLabel(written)}`)) created.add(field, header(field), written, row);
      const own = how.resolve(written);
      if (own) return own;
      const mapped = mappedValue(values, field, written);
      if (mapped !== undefined) {
        if (how.valid(mapped)) return { target: mapped };
        return { error: `${header(field)}「${written}」の対応付け先が見つかりません。対応付けをやり直してください` };
      }
      const remembered = recalled.recall(field, written, row, how.valid);
      if (remembered !== undefined) return { target: remembered };
      unknown.add(field, header(field), written, row);
      return { error: how.notFound(written) };
    },
    // A turn of the event loop every PLAN_YIELD_EVERY_MS of checking (issue #12 Scale, issue 11 #3):
    // checking 10,000 rows is seconds of work on the main thread, and without a turn every other
    // request — /healthz included, which on PostgreSQL has its own connection — waited for all of
    // it (756 ms measured in tests/security/xlsxUpload.test.ts). On the embedded database the
    // other requests still wait for the transaction's end (one connection); the turns cost it
    // microseconds when nothing else is waiting.
    async checked() {
      checked++;
      if (checked % PROGRESS_EVERY_ROWS === 0 || checked === sheet.rows.length) progress.validated(checked);
      if (performance.now() - lastTurn >= PLAN_YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastTurn = performance.now();
      }
    },
  };
  return { context, unknown, recalled, created };
}
