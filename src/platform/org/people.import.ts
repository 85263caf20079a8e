import { normalizeLabel } from '../../domain/text.ts';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAuditEvent } from '../audit/auditEvents.ts';
import type { Tx } from '../db/connection.ts';
import type { CellOutput } from '../exports/xlsx.ts';
import { chooseSheet, previewSheets, type SheetChoice, type SheetPreview } from '../imports/sheets.ts';
import { MAX_IMPORT_ROWS, tooManyRowsMessage } from '../imports/limits.ts';
import { emptyImportMemory, type ImportMemory, loadImportMemory, type RecalledValue, RecalledValues, rememberImportChoices } from '../imports/memory.ts';
import { mappedValue, type UnknownValue, UnknownValues } from '../imports/referenceValues.ts';
import { type ImportUpload, readImportSheets } from '../imports/upload.ts';
import { detectHeaderRow, HEADER_SEARCH_ROWS, headingsAt, indexHeadings, matchHeading } from '../../rules/ledgerImport/index.ts';
import { quoteCell, readDateCell } from '../../rules/ledgerValues/index.ts';
import { HttpError } from '../http/errors.ts';
import type { Actor } from '../policies/actor.ts';
import { personBody } from './org.schema.ts';
import { createPerson, updatePerson } from './org.service.ts';
import { departments, people } from './org.tables.ts';
import { employmentTypeLabels, employmentTypes, type EmploymentType } from '../../domain/roles.ts';

// 従業者の一括取込 (SPEC §3 Imports): an .xlsx or CSV (UTF-8・Shift_JIS) with the 従業者一覧
// export's headings or the names rosters give them, the header row found below any title rows
// (issue #12), a dry run that reports every row's errors before anything is written, and an
// all-or-nothing real run.

type PersonInput = z.infer<typeof personBody>;
type SheetKey = 'employeeNumber' | 'name' | 'nameKana' | 'employmentType' | 'department' | 'joinedOn' | 'leftOn' | 'email' | 'phone';

/**
 * The 従業者一覧 sheet: its columns in order, with the Japanese headers the export writes and the
 * import reads (plus the other names people commonly give those columns).
 */
export const personSheetColumns: { key: SheetKey; header: string; width: number; type?: 'date'; aliases?: string[] }[] = [
  { key: 'employeeNumber', header: '従業者番号', width: 12, aliases: ['社員番号', '職員番号', '従業員番号', '社員コード', '職員コード', '従業員コード', '社員No'] },
  { key: 'name', header: '氏名', width: 16, aliases: ['名前', '従業者名', '従業員名', '社員名', '職員名', '氏名（漢字）'] },
  { key: 'nameKana', header: '氏名（カナ）', width: 18, aliases: ['フリガナ', 'ふりがな', '氏名カナ', 'カナ', 'カナ氏名', '氏名（フリガナ）', 'シメイ'] },
  { key: 'employmentType', header: '雇用区分', width: 16, aliases: ['雇用形態', '社員区分', '職員区分'] },
  { key: 'department', header: '所属', width: 18, aliases: ['所属名', '部署', '部署名', '所属部署', '所属部門', '部門', '部門名'] },
  { key: 'joinedOn', header: '入社日', width: 12, type: 'date', aliases: ['採用日', '入職日', '入社年月日', '採用年月日'] },
  { key: 'leftOn', header: '退職日', width: 12, type: 'date', aliases: ['退職年月日', '離職日'] },
  { key: 'email', header: 'メールアドレス', width: 28, aliases: ['メール', 'Eメール', 'e-mail', 'email', 'Eメールアドレス'] },
  { key: 'phone', header: '電話番号', width: 16, aliases: ['電話', 'TEL'] },
];

const headerOf = Object.fromEntries(personSheetColumns.map((c) => [c.key, c.header])) as Record<SheetKey, string>;

/** Column header for a personBody field (errors name the column the user sees). */
const fieldColumn: Record<keyof PersonInput, string> = {
  employeeNumber: headerOf.employeeNumber,
  name: headerOf.name,
  nameKana: headerOf.nameKana,
  employmentType: headerOf.employmentType,
  departmentId: headerOf.department,
  joinedOn: headerOf.joinedOn,
  leftOn: headerOf.leftOn,
  email: headerOf.email,
  phone: headerOf.phone,
};

/** The register's name in the organization's remembered choices (platform/imports/memory.ts). */
export const PEOPLE_REGISTER = 'people';

/** At most this many rows per file: the platform's limit shared by every import (platform/imports/limits.ts). */
export { MAX_IMPORT_ROWS };

export { normalizeLabel };

/** The 従業者一覧's headings as a dictionary for header-row detection (src/rules/ledgerImport). */
const headingIndex = indexHeadings(personSheetColumns.map((c) => ({ key: c.key, label: c.header, synonyms: c.aliases ?? [] })));

const employmentTypeByLabel = new Map<string, EmploymentType>();
for (const t of employmentTypes) {
  employmentTypeByLabel.set(normalizeLabel(t), t);
  employmentTypeByLabel.set(normalizeLabel(employmentTypeLabels[t].ja), t);
  employmentTypeByLabel.set(normalizeLabel(employmentTypeLabels[t].en), t);
}
employmentTypeByLabel.set(normalizeLabel('派遣'), 'dispatched');
employmentTypeByLabel.set(normalizeLabel('パート'), 'part_time');
employmentTypeByLabel.set(normalizeLabel('アルバイト'), 'part_time');

/**
 * 入社日・退職日: an Excel date or serial, 2026/4/1, 令和8年4月1日, R8.4.1 … as ISO
 * (src/rules/ledgerValues readDateCell); anything else is kept as typed, so that the date field
 * refuses it by name (2026-02-30 is never moved to another day).
 */
function dateText(value: CellOutput): string | null {
  const read = readDateCell(value, '日付');
  if (read !== null && 'date' in read) return read.date;
  return plainText(value);
}

function plainText(value: CellOutput): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** One data row as read from the sheet, before validation. Absent columns are `undefined`. */
export type PersonSheetRow = { rowNumber: number } & Partial<Record<SheetKey, string | null>>;

/** How a heading of the header row was read: the field it fills (null: ignored) and how sure. */
export type PeopleColumnMatch = { header: string; field: SheetKey | null; confidence: 'exact' | 'normalized' | 'partial' | null };

export type ParsedPeopleSheet = {
  rows: PersonSheetRow[];
  columns: SheetKey[];
  ignoredColumns: string[];
  /** Which sheet was read and why, and every sheet previewed (issue #12 シートの選択). */
  sheet: SheetChoice;
  sheets: SheetPreview[];
  headerRow: number;
  headers: string[];
  columnMatches: PeopleColumnMatch[];
  /** The required columns (従業者番号・氏名) the header row lacks, by their Japanese heading. */
  missingColumns: string[];
};

/** Which sheet and header row to read (both found by themselves when left out), and the row limit. */
export type PeopleSheetChoice = { sheet?: string | undefined; headerRow?: number | undefined; maxRows?: number | undefined };

const badFile = (message: string) => new HttpError(400, message, 'import_file');

/** The columns every roster needs (取込では従業者番号で既存の従業者と照合します). */
const requiredKeys = ['employeeNumber', 'name'] as const;

/**
 * Reads an uploaded workbook (or CSV) into sheet rows by its Japanese headers, as the 台帳's import
 * does (issue #12, one import pipeline): the sheet named (`sheet`: name or position) or the one
 * whose header matches the roster's headings best; the header row given (`headerRow`) or found in
 * the first rows (title rows skipped, a heading merged over two rows joined), else row 1. Refuses a
 * header that names a field twice or a file over `maxRows` rows (default: the PGlite limit). Lacking
 * required columns is reported in `missingColumns` (the import refuses it; the inspection shows it).
 */
export async function readPeopleSheet(upload: Pick<ImportUpload, 'body' | 'kind' | 'filename'>, choose: PeopleSheetChoice = {}): Promise<ParsedPeopleSheet> {
  const grids = await readImportSheets(upload);
  const { grid, choice } = chooseSheet(grids, headingIndex, choose.sheet);
  const preview = grid.rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
  const detected = detectHeaderRow(preview, headingIndex);
  const headerRow = choose.headerRow ?? detected?.headerRow ?? 1;
  const rowSpan = detected?.headerRow === headerRow ? detected.rowSpan : 1;
  const keyOfColumn = new Map<number, SheetKey>();
  const ignoredColumns: string[] = [];
  const headers: string[] = [];
  const columnMatches: PeopleColumnMatch[] = [];
  for (const { column, heading } of headingsAt(preview, headerRow, rowSpan, headingIndex)) {
    const match = matchHeading(heading, headingIndex);
    headers.push(heading);
    columnMatches.push({ header: heading, field: match?.key ?? null, confidence: match?.confidence ?? null });
    // Only a sure match (exact or normalized) fills a field; a partial one is reported as ignored.
    const key = match && match.confidence !== 'partial' ? match.key : undefined;
    if (!key) ignoredColumns.push(heading);
    else if ([...keyOfColumn.values()].includes(key)) throw badFile(`見出し行（${headerRow}行目）に「${headerOf[key]}」の列が複数あります`);
    else keyOfColumn.set(column, key);
  }
  const columns = [...keyOfColumn.values()];
  const missingColumns = requiredKeys.filter((k) => !columns.includes(k)).map((k) => headerOf[k]);
  const data = grid.rows.filter((r) => r.rowNumber > headerRow + rowSpan - 1);
  const maxRows = choose.maxRows ?? MAX_IMPORT_ROWS.pglite;
  if (data.length > maxRows) throw badFile(tooManyRowsMessage(maxRows, data.length));
  const rows = data.map(({ rowNumber, cells }) => {
    const row: PersonSheetRow = { rowNumber };
    for (const [col, key] of keyOfColumn) {
      const cell = cells[col] ?? null;
      row[key] = key === 'joinedOn' || key === 'leftOn' ? dateText(cell) : plainText(cell);
    }
    return row;
  });
  return { rows, columns, ignoredColumns, sheet: choice, sheets: previewSheets(grids, headingIndex), headerRow, headers, columnMatches, missingColumns };
}

/** {@link readPeopleSheet}, refusing (400) a header row without the 従業者番号 or 氏名 column. */
export async function parsePeopleSheet(upload: Pick<ImportUpload, 'body' | 'kind' | 'filename'>, choose: PeopleSheetChoice = {}): Promise<ParsedPeopleSheet> {
  const sheet = await readPeopleSheet(upload, choose);
  const [missing] = sheet.missingColumns;
  if (missing)
    throw badFile(
      `${sheet.sheets.length > 1 ? `シート「${sheet.sheet.name}」の` : ''}見出し行（${sheet.headerRow}行目）に「${missing}」の列がありません。見出しの行を選ぶか、従業者一覧の出力ファイルと同じ見出しで作成してください`,
    );
  return sheet;
}

/** The 従業者 fields a column can fill, with the heading the export writes (for the inspection). */
export const peopleImportFields = personSheetColumns.map((c) => ({ key: c.key, header: c.header, required: (requiredKeys as readonly string[]).includes(c.key) }));

export type ImportError = { field: string; message: string };
export type ImportRowReport = { row: number; employeeNumber: string | null; name: string | null; action: 'create' | 'update' | 'error'; errors: ImportError[] };
/** A 所属 the file writes that matches no department (listed once, to be mapped with `values`), or one read through the remembered mapping. */
export type UnknownDepartment = UnknownValue<'department'>;
export type RecalledDepartment = RecalledValue<'department'>;

export type ImportReport = {
  dryRun: boolean;
  /** The sheet read and why, and its header row (issue #12). */
  sheet: SheetChoice;
  headerRow: number;
  total: number;
  valid: number;
  created: number;
  updated: number;
  ignoredColumns: string[];
  rows: ImportRowReport[];
  unknownValues: UnknownDepartment[];
  rememberedValues: RecalledDepartment[];
};

/** The client's mapping of unknown 所属 names to departments (`{"department":{"企画部":"<所属のID>"}}`). */
export type PeopleValueMapping = { department?: Record<string, string> | undefined };

type PlannedRow = { row: number; action: 'create' | 'update'; personId: string | null; input: PersonInput };

type Department = { id: string; name: string; code: string | null };

/**
 * 所属 by name, else by code, else as the client mapped it (`values`), else as the organization
 * mapped it in an earlier import (取込の記憶); `unknown` when nothing matched (listed for mapping).
 */
function resolveDepartment(
  text: string,
  all: Department[],
  values: PeopleValueMapping | null,
  recall: (text: string) => string | undefined,
): { id: string } | { error: string; unknown: boolean } {
  const wanted = normalizeLabel(text);
  const byName = all.filter((d) => normalizeLabel(d.name) === wanted);
  if (byName.length === 1 && byName[0]) return { id: byName[0].id };
  if (byName.length > 1) {
    const codes = byName.map((d) => d.code).filter(Boolean);
    return { error: `所属「${text}」は同じ名前が複数あります。所属コード${codes.length ? `（${codes.join('・')}）` : ''}で指定してください`, unknown: false };
  }
  const byCode = all.filter((d) => d.code && normalizeLabel(d.code) === wanted);
  if (byCode.length === 1 && byCode[0]) return { id: byCode[0].id };
  const mapped = mappedValue(values, 'department', text);
  if (mapped !== undefined) {
    if (all.some((d) => d.id === mapped)) return { id: mapped };
    return { error: `所属「${text}」の対応付け先の所属が見つかりません。対応付けをやり直してください`, unknown: true };
  }
  const recalled = recall(text);
  if (recalled !== undefined) return { id: recalled };
  return { error: `所属「${text}」が見つかりません。所属の名称または所属コードを入力するか、既存の所属に対応付けてください`, unknown: true };
}

/** The organization's departments (id, name, code), for resolving and mapping 所属 names. */
export async function listDepartmentChoices(tx: Tx, organizationId: string): Promise<Department[]> {
  return tx
    .select({ id: departments.id, name: departments.name, code: departments.code })
    .from(departments)
    .where(eq(departments.organizationId, organizationId))
    .orderBy(departments.sortOrder, departments.name);
}

/**
 * Validates every row against the same rules as the 従業者 form (`personBody`), resolves 所属 by
 * name (or code), refuses duplicate 従業者番号 within the file, and decides per row whether it
 * creates a person or updates the one with the same 従業者番号. Reads only.
 */
export async function planPeopleImport(
  tx: Tx,
  organizationId: string,
  sheet: ParsedPeopleSheet,
  values: PeopleValueMapping | null = null,
  memory: ImportMemory = emptyImportMemory(),
): Promise<{ report: ImportRowReport[]; plan: PlannedRow[]; unknownValues: UnknownDepartment[]; rememberedValues: RecalledDepartment[] }> {
  const allDepartments = await listDepartmentChoices(tx, organizationId);
  const existingRows = await tx
    .select()
    .from(people)
    .where(and(eq(people.organizationId, organizationId), isNotNull(people.employeeNumber)));
  const existing = new Map(existingRows.map((p) => [normalizeLabel(p.employeeNumber ?? ''), p]));
  const firstRowOfNumber = new Map<string, number>();
  const report: ImportRowReport[] = [];
  const plan: PlannedRow[] = [];
  const has = (key: SheetKey) => sheet.columns.includes(key);
  const departmentColumn = sheet.columnMatches.find((c) => c.field === 'department' && c.confidence !== 'partial')?.header ?? headerOf.department;
  const unknown = new UnknownValues<'department'>();
  const recalled = new RecalledValues<'department'>(memory, () => departmentColumn);
  const isDepartment = (id: string) => allDepartments.some((d) => d.id === id);

  for (const row of sheet.rows) {
    const errors: ImportError[] = [];
    const number = row.employeeNumber ?? null;
    const numberKey = number ? normalizeLabel(number) : null;
    if (!numberKey) errors.push({ field: headerOf.employeeNumber, message: '従業者番号を入力してください（取込では従業者番号で既存の従業者と照合します）' });
    else if (firstRowOfNumber.has(numberKey))
      errors.push({ field: headerOf.employeeNumber, message: `従業者番号「${number}」がファイル内で重複しています（${firstRowOfNumber.get(numberKey)}行目と同じ）` });
    else firstRowOfNumber.set(numberKey, row.rowNumber);
    const match = numberKey ? existing.get(numberKey) : undefined;

    // Columns the file does not have keep the stored value on update (a partial roster can
    // update names without erasing e-mail addresses); an empty cell in a present column clears it.
    const base = match
      ? {
          name: match.name,
          nameKana: match.nameKana,
          employmentType: match.employmentType,
          departmentId: match.departmentId,
          joinedOn: match.joinedOn,
          leftOn: match.leftOn,
          email: match.email,
          phone: match.phone,
        }
      : { name: null, nameKana: null, employmentType: 'employee' as EmploymentType, departmentId: null, joinedOn: null, leftOn: null, email: null, phone: null };

    let employmentType: string | null = base.employmentType;
    if (has('employmentType')) {
      const text = row.employmentType ?? null;
      if (!text) employmentType = 'employee';
      else {
        const found = employmentTypeByLabel.get(normalizeLabel(text));
        if (found) employmentType = found;
        else {
          errors.push({
            field: headerOf.employmentType,
            message: `雇用区分「${text}」は使えません。${employmentTypes.map((t) => employmentTypeLabels[t].ja).join('・')}のいずれかを入力してください`,
          });
          employmentType = 'employee';
        }
      }
    }
    let departmentId = base.departmentId;
    if (has('department')) {
      departmentId = null;
      if (row.department) {
        const text = row.department;
        const resolved = resolveDepartment(text, allDepartments, values, (v) => recalled.recall('department', v, row.rowNumber, isDepartment));
        if ('id' in resolved) departmentId = resolved.id;
        else {
          errors.push({ field: headerOf.department, message: resolved.error });
          if (resolved.unknown) unknown.add('department', departmentColumn, text, row.rowNumber);
        }
      }
    }
    const pick = (key: Exclude<SheetKey, 'employmentType' | 'department'>, fallback: string | null) => (has(key) ? (row[key] ?? null) : fallback);
    const candidate = {
      name: pick('name', base.name),
      nameKana: pick('nameKana', base.nameKana),
      employeeNumber: number,
      employmentType,
      departmentId,
      joinedOn: pick('joinedOn', base.joinedOn),
      leftOn: pick('leftOn', base.leftOn),
      email: pick('email', base.email),
      phone: pick('phone', base.phone),
    };
    const parsed = personBody.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof PersonInput | undefined;
        const field = (key && fieldColumn[key]) || '行';
        if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
      }
    }
    const action = errors.length > 0 ? 'error' : match ? 'update' : 'create';
    // The row is named for the reader, its cells quoted bounded: a file of long cells is not echoed back whole (issue #11 #3).
    report.push({
      row: row.rowNumber,
      employeeNumber: number === null ? null : quoteCell(number),
      name: candidate.name ? quoteCell(candidate.name) : candidate.name,
      action,
      errors,
    });
    if (parsed.success && errors.length === 0) plan.push({ row: row.rowNumber, action: match ? 'update' : 'create', personId: match?.id ?? null, input: parsed.data });
  }
  return { report, plan, unknownValues: unknown.list(), rememberedValues: recalled.list() };
}

/**
 * 従業者の取込. Dry run: validates and reports, writes nothing. Real run: writes only when every
 * row is valid — all rows in the caller's one transaction through the same service functions
 * as the form (so leaving dates disable accounts at once, J.9.2 c) 7) ③) — and records the
 * import in the audit trail with its row count. A report with errors on a real run is returned
 * unwritten; the route answers 422 with it.
 */
export async function importPeople(
  tx: Tx,
  actor: Actor,
  sheet: ParsedPeopleSheet,
  options: { dryRun: boolean; today: string; fileName?: string | null; values?: PeopleValueMapping | null },
): Promise<ImportReport> {
  const memory = await loadImportMemory(tx, actor.organizationId, PEOPLE_REGISTER);
  const { report, plan, unknownValues, rememberedValues } = await planPeopleImport(tx, actor.organizationId, sheet, options.values ?? null, memory);
  const valid = report.filter((r) => r.action !== 'error').length;
  const created = plan.filter((p) => p.action === 'create').length;
  const result: ImportReport = {
    dryRun: options.dryRun,
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    total: report.length,
    valid,
    created,
    updated: plan.length - created,
    ignoredColumns: sheet.ignoredColumns,
    rows: report,
    unknownValues,
    rememberedValues,
  };
  if (options.dryRun || valid !== report.length || plan.length === 0) return result;
  for (const p of plan) {
    if (p.action === 'update' && p.personId) await updatePerson(tx, actor.organizationId, p.personId, p.input, options.today);
    else await createPerson(tx, actor.organizationId, p.input, options.today);
  }
  // 取込の記憶 (issue #12): the 所属 names mapped are read the same way in the next import.
  await rememberImportChoices(tx, actor, PEOPLE_REGISTER, {
    columns: [],
    values: Object.entries(options.values?.department ?? {}).map(([value, target]) => ({ field: 'department', value, target })),
  });
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorAccountId: actor.accountId,
    action: 'import',
    entityType: 'people',
    rowCount: plan.length,
    meta: { created: result.created, updated: result.updated, fileName: options.fileName ?? null, sheet: sheet.sheet.name, ...(options.values ? { values: options.values } : {}) },
  });
  return result;
}
