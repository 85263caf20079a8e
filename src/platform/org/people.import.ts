import { and, eq, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import { type EmploymentType, employmentTypeLabels, employmentTypes } from '../../domain/roles.ts';
import { normalizeLabel } from '../../domain/text.ts';
import { quoteCell, readDateCell } from '../../rules/ledgerValues/index.ts';
import type { CellOutput } from '../exports/xlsx.ts';
import { importedNotes } from '../imports/extras.ts';
import { defineRegisterImport, type PlannedRow, type RowError, type RowReport } from '../imports/register.ts';
import { optionalText } from '../validation/fields.ts';
import { PERSON_NOTE_MAX, personBody } from './org.schema.ts';
import { createPeople, updatePeople } from './org.service.ts';
import { departmentChoiceLabel, departmentNamed, listDepartmentChoices } from './departmentNames.ts';
import { people } from './org.tables.ts';

// 従業者の一括取込 (SPEC §3 Imports) on the one import pipeline (platform/imports, issue #12): an
// .xlsx or CSV (UTF-8・Shift_JIS) with the 従業者一覧 export's headings or the names rosters give
// them; this file checks each row against the 従業者 form's rules and writes them through the
// same service functions.

type PersonInput = z.infer<typeof personBody>;
type SheetKey = 'employeeNumber' | 'name' | 'nameKana' | 'employmentType' | 'department' | 'joinedOn' | 'leftOn' | 'email' | 'phone' | 'note';

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
  { key: 'note', header: '備考', width: 30, aliases: ['メモ', '補足', '摘要', 'コメント'] },
];

const headerOf = Object.fromEntries(personSheetColumns.map((c) => [c.key, c.header])) as Record<SheetKey, string>;

/** Column header for a personBody field (errors name the column the user sees). */
const fieldColumn: Record<keyof PersonInput | 'note', string> = {
  employeeNumber: headerOf.employeeNumber,
  name: headerOf.name,
  nameKana: headerOf.nameKana,
  employmentType: headerOf.employmentType,
  departmentId: headerOf.department,
  joinedOn: headerOf.joinedOn,
  leftOn: headerOf.leftOn,
  email: headerOf.email,
  phone: headerOf.phone,
  note: headerOf.note,
};

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

/** One row's values as the form takes them (absent columns: undefined). */
type PersonCells = Partial<Record<SheetKey, string | null>>;

/** The row's cells as text (dates read as ISO where they are dates, anything else as typed so the form refuses it by name). */
function textCells(cells: Partial<Record<SheetKey, CellOutput>>): PersonCells {
  const out: PersonCells = {};
  for (const [key, cell] of Object.entries(cells) as [SheetKey, CellOutput][]) out[key] = key === 'joinedOn' || key === 'leftOn' ? dateText(cell) : plainText(cell);
  return out;
}

/** A row to write: the form's input, and 備考 (undefined: the file has no 備考 column, an update keeps it). */
type PlannedPerson = { personId: string | null; input: PersonInput; note: string | null | undefined };

/** 備考 as the import stores it (the form's text limit). */
const noteSchema = optionalText('備考', PERSON_NOTE_MAX);

/**
 * 従業者の取込 (register `people`). `plan` checks every row against the same rules as the 従業者
 * form (`personBody`), resolves 所属 by name or code (else as mapped), refuses a 従業者番号 twice in
 * the file, and matches existing people by 従業者番号 (a column the file lacks keeps the stored
 * value; an empty cell clears it). `write` goes through the form's service functions, so a 退職日
 * disables the account at once (J.9.2 c) 7) ③).
 */
export const peopleImport = defineRegisterImport<SheetKey, PlannedPerson>({
  register: 'people',
  label: '従業者一覧',
  permission: 'people.manage',
  departmentField: 'department',
  auditEntity: 'people',
  keyLabel: headerOf.employeeNumber,
  nameLabel: headerOf.name,
  fields: personSheetColumns.map((c) => ({ key: c.key, header: c.header, synonyms: c.aliases ?? [], required: c.key === 'employeeNumber' || c.key === 'name' })),
  // 取込時の追加情報 (issue #12): a roster's other columns (社員区分コード, 内線 …) are kept on the person.
  extras: {},

  async choices(tx, organizationId) {
    const all = await listDepartmentChoices(tx, organizationId);
    return { department: all.map((d) => ({ value: d.id, label: departmentChoiceLabel(d) })) };
  },

  async plan(tx, actor, context) {
    const allDepartments = await listDepartmentChoices(tx, actor.organizationId);
    const existingRows = await tx
      .select()
      .from(people)
      .where(and(eq(people.organizationId, actor.organizationId), isNotNull(people.employeeNumber)));
    const existing = new Map(existingRows.map((p) => [normalizeLabel(p.employeeNumber ?? ''), p]));
    const firstRowOfNumber = new Map<string, number>();
    const rows: RowReport[] = [];
    const plan: PlannedRow<PlannedPerson>[] = [];
    const isDepartment = (id: string) => allDepartments.some((d) => d.id === id);

    for (const sheetRow of context.sheet.rows) {
      const row = textCells(sheetRow.cells as Partial<Record<SheetKey, CellOutput>>);
      const errors: RowError[] = [];
      const number = row.employeeNumber ?? null;
      const numberKey = number ? normalizeLabel(number) : null;
      if (!numberKey) errors.push({ field: headerOf.employeeNumber, message: '従業者番号を入力してください（取込では従業者番号で既存の従業者と照合します）' });
      else if (firstRowOfNumber.has(numberKey))
        errors.push({
          field: headerOf.employeeNumber,
          message: `従業者番号「${quoteCell(number ?? '')}」がファイル内で重複しています（${firstRowOfNumber.get(numberKey)}行目と同じ）`,
        });
      else firstRowOfNumber.set(numberKey, sheetRow.rowNumber);
      const match = numberKey ? existing.get(numberKey) : undefined;

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
            note: match.note,
          }
        : { name: null, nameKana: null, employmentType: 'employee' as EmploymentType, departmentId: null, joinedOn: null, leftOn: null, email: null, phone: null, note: null };

      let employmentType: string | null = base.employmentType;
      if (context.has('employmentType')) {
        const text = row.employmentType ?? null;
        if (!text) employmentType = 'employee';
        else {
          const found = employmentTypeByLabel.get(normalizeLabel(text));
          if (found) employmentType = found;
          else {
            errors.push({
              field: headerOf.employmentType,
              message: `雇用区分「${quoteCell(text)}」は使えません。${employmentTypes.map((t) => employmentTypeLabels[t].ja).join('・')}のいずれかを入力してください`,
            });
            employmentType = 'employee';
          }
        }
      }
      let departmentId = base.departmentId;
      if (context.has('department')) {
        departmentId = null;
        if (row.department) {
          const resolved = context.reference('department', row.department, sheetRow.rowNumber, {
            resolve: (text) => departmentNamed(text, allDepartments, '所属'),
            valid: isDepartment,
            notFound: (text) => `所属「${quoteCell(text)}」が見つかりません。所属の名称または所属コードを入力するか、既存の所属に対応付けてください`,
          });
          if ('target' in resolved) departmentId = resolved.target;
          else errors.push({ field: headerOf.department, message: resolved.error });
        }
      }
      const pick = (key: Exclude<SheetKey, 'employmentType' | 'department'>, fallback: string | null) => (context.has(key) ? (row[key] ?? null) : fallback);
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
        // 備考 is checked and written on its own below (its column named in the error); the form's body keeps the stored one.
        note: base.note,
      };
      const parsed = personBody.safeParse(candidate);
      const note = context.has('note') ? noteSchema.safeParse(row.note ?? null) : undefined;
      if (note && !note.success) errors.push({ field: headerOf.note, message: note.error.issues[0]?.message ?? '備考を確認してください' });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const key = issue.path[0] as keyof PersonInput | undefined;
          const field = (key && fieldColumn[key]) || '行';
          if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
        }
      }
      const action = errors.length > 0 ? 'error' : match ? 'update' : 'create';
      // The row is named for the reader, its cells quoted bounded: a file of long cells is not echoed back whole (issue #11 #3).
      rows.push({ row: sheetRow.rowNumber, key: number === null ? null : quoteCell(number), name: candidate.name ? quoteCell(candidate.name) : candidate.name, action, errors });
      if (parsed.success && errors.length === 0)
        plan.push({ row: sheetRow.rowNumber, action: match ? 'update' : 'create', value: { personId: match?.id ?? null, input: parsed.data, note: note?.data } });
      await context.checked();
    }
    return { rows, plan };
  },

  async write(tx, actor, batch, context) {
    // New people by one multi-row INSERT per batch, changes by one UPDATE per batch (issue #12
    // Scale) through the form's rules, which disable the account of someone who has left (J.9.2 c) 7) ③).
    await updatePeople(
      tx,
      actor.organizationId,
      batch.flatMap((p) => (p.value.personId === null ? [] : [{ id: p.value.personId, input: p.value.input, imported: importedNotes(p.value.note, p.extras) }])),
      context.today,
    );
    await createPeople(
      tx,
      actor.organizationId,
      batch.filter((p) => p.value.personId === null).map((p) => ({ ...p.value.input, ...importedNotes(p.value.note, p.extras) })),
    );
  },
});
