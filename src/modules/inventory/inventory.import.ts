import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { type AcquisitionMethod, acquisitionMethodLabels, type SensitiveExceptionLetter, sensitiveExceptionLetters } from '../../rules/inventoryRules.ts';
import { recordAuditEvent } from '../../platform/audit/auditEvents.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { type CellOutput, looksLikeXlsx, plainCellValue } from '../../platform/exports/xlsx.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { entryFindings } from './inventory.content.ts';
import { type EntryContent, type EntryContentInput, entryContentSchema } from './inventory.schema.ts';
import { createEntry, ensureRiskAnalysisTask, namesFor } from './inventory.service.ts';
import { type ImportMapping, inventoryEntries, inventoryImportMappings } from './inventory.tables.ts';
import { ensureTask } from './moduleTasks.ts';
import { addCalendarDays } from '../../rules/deadlines.ts';

// 台帳の取込 (SPEC §3 Imports, M1): an organization's existing Excel ledger, whatever its column
// headers, through a column mapping the user adjusts on screen and may save; a dry run that lists
// every row's errors before anything is written; and an all-or-nothing real run.

/** The 台帳 fields a column can be mapped to, with the header Mamori's own export writes. */
export const importFields = [
  { key: 'name', header: '個人情報の名称', aliases: ['名称', '個人情報名', '個人情報の名称（帳票名）', '帳票名', '台帳名'], required: true },
  { key: 'department', header: '所管部署', aliases: ['所属', '所属名', '部署', '部署名', '担当部署', '管理部署', '所管課'], required: true },
  { key: 'items', header: '個人情報の項目', aliases: ['項目', '記載項目', '取得項目', '個人情報項目'] },
  { key: 'purpose', header: '利用目的', aliases: ['目的', '利用の目的'] },
  { key: 'storageLocation', header: '保管場所', aliases: ['保存場所'] },
  { key: 'storageMedia', header: '保管媒体', aliases: ['媒体', '紙・電子', '紙/電子', '紙／電子', '形態'] },
  { key: 'storageDescription', header: '保管方法', aliases: ['保存方法', '管理方法'] },
  { key: 'accessHolders', header: 'アクセス権を有する者', aliases: ['アクセス権者', '取扱者', '取扱担当者'] },
  { key: 'accessHolderNote', header: 'アクセス権を有する者（補足）', aliases: ['アクセス権（補足）', 'アクセス権補足'] },
  { key: 'useUntil', header: '利用期限', aliases: ['利用期間'] },
  { key: 'retainUntil', header: '保管期限', aliases: ['保存期間', '保管期間', '保存期限'] },
  { key: 'recordCount', header: '件数（概数可）', aliases: ['件数', '件数（概数）', '管理する個人情報の件数', '概数', '数量'] },
  { key: 'acquisitionMethods', header: '取得方法', aliases: ['取得元', '入手方法', '取得経路'] },
  { key: 'sensitive', header: '要配慮個人情報', aliases: ['要配慮'] },
  { key: 'sensitiveBasis', header: '要配慮個人情報の取得根拠', aliases: ['要配慮の根拠', '要配慮の同意'] },
  { key: 'myNumber', header: '特定個人情報', aliases: ['マイナンバー', '個人番号'] },
  { key: 'retainedPersonalData', header: '保有個人データ', aliases: [] },
  { key: 'processedKind', header: '仮名加工・匿名加工・個人関連情報', aliases: ['加工の種類', '加工区分'] },
  { key: 'entrustedTo', header: '委託先', aliases: ['委託'] },
  { key: 'thirdPartyProvision', header: '第三者提供', aliases: ['第三者提供の有無'] },
  { key: 'thirdPartyDetails', header: '第三者提供の内容', aliases: ['提供先'] },
  { key: 'jointUseDetails', header: '共同利用の内容', aliases: ['共同利用'] },
  { key: 'overseasCountries', header: '提供先の外国', aliases: ['外国', '外国の名称', '国名'] },
  { key: 'disposalMethod', header: '廃棄方法', aliases: ['廃棄・消去方法', '消去方法'] },
  { key: 'noticeRefs', header: '通知・同意の文面', aliases: ['通知文面', '同意書'] },
] as const satisfies readonly { key: string; header: string; aliases: readonly string[]; required?: boolean }[];

export type ImportField = (typeof importFields)[number]['key'];
const fieldKeys = importFields.map((f) => f.key) as [ImportField, ...ImportField[]];
const headerOfField = Object.fromEntries(importFields.map((f) => [f.key, f.header])) as Record<ImportField, string>;

/** At most this many rows per file (one transaction stays reasonable). */
export const MAX_IMPORT_ROWS = 5000;

/** The mapping a request carries: field → column header (unmapped fields are left out). */
export const importMappingSchema = z
  .partialRecord(z.enum(fieldKeys, { error: '対応付けの項目名が正しくありません' }), z.string({ error: '対応付ける列の見出しは文字列で指定してください' }).trim().min(1).max(200))
  .refine((m) => !!m.name && !!m.department, { error: '「個人情報の名称」と「所管部署」の列を対応付けてください' });

export const importMappingBody = z.object({
  name: z
    .string({ error: '対応付けの名前を入力してください' })
    .trim()
    .min(1, { error: '対応付けの名前を入力してください' })
    .max(100, { error: '対応付けの名前は100文字以内で入力してください' }),
  headerRow: z
    .number({ error: '見出し行は数値で入力してください' })
    .int()
    .min(1, { error: '見出し行は1以上で入力してください' })
    .max(20, { error: '見出し行は20行目までです' })
    .default(1),
  mapping: importMappingSchema,
});

/** Header and value comparison: width-folded (NFKC), without spaces or required-marks, case-insensitive. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*※]/g, '')
    .toLowerCase();
}

const fieldByLabel = new Map<string, ImportField>();
for (const f of importFields) for (const label of [f.header, ...f.aliases]) fieldByLabel.set(normalizeLabel(label), f.key);

/** Guesses the mapping from the headers: Mamori's own headers and common names for each column. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const header of headers) {
    if (!header) continue;
    const key = fieldByLabel.get(normalizeLabel(header));
    if (key && !mapping[key]) mapping[key] = header;
  }
  return mapping;
}

// ---- reading the workbook ----

export type LedgerSheet = { sheetName: string; headerRow: number; headers: string[]; rows: { rowNumber: number; cells: Map<string, CellOutput> }[] };

const badFile = (message: string) => new HttpError(400, message, 'import_file');

function cellText(value: CellOutput): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Reads the first worksheet: row `headerRow` as headers, later non-empty rows as cells by header. */
export async function readLedgerSheet(buffer: Buffer, headerRow: number): Promise<LedgerSheet> {
  if (!looksLikeXlsx(buffer)) throw badFile('Excelファイル（.xlsx）を選択してください');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw badFile('Excelファイル（.xlsx）として読み込めませんでした');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile('Excelファイルにシートがありません');
  const headerByColumn = new Map<number, string>();
  sheet.getRow(headerRow).eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellText(plainCellValue(cell.value));
    if (text) headerByColumn.set(col, text);
  });
  if (headerByColumn.size === 0) throw badFile(`${headerRow}行目に見出しがありません。見出し行の番号を確認してください`);
  const seen = new Set<string>();
  for (const header of headerByColumn.values()) {
    if (seen.has(header)) throw badFile(`見出し行（${headerRow}行目）に「${header}」の列が複数あります。列の見出しを区別してください`);
    seen.add(header);
  }
  const rows: LedgerSheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells = new Map<string, CellOutput>();
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const header = headerByColumn.get(col);
      if (!header) return;
      const value = plainCellValue(cell.value);
      cells.set(header, value);
      if (value !== null) any = true;
    });
    if (any) rows.push({ rowNumber, cells });
  });
  if (rows.length > MAX_IMPORT_ROWS) throw badFile(`一度に取り込めるのは${MAX_IMPORT_ROWS.toLocaleString('ja-JP')}行までです。ファイルを分けてください`);
  return { sheetName: sheet.name, headerRow, headers: [...headerByColumn.values()], rows };
}

// ---- parsing values ----

const splitList = (text: string) =>
  text
    .split(/[、,，;；\n／/・]/)
    .map((s) => s.trim())
    .filter(Boolean);

const TRUE_WORDS = new Set(['○', '〇', '◯', '●', '有', 'あり', '有り', 'はい', '該当', '該当あり', 'yes', 'y', 'true', '1', '✓', '✔']);
const FALSE_WORDS = new Set(['', '×', '✕', '無', 'なし', '無し', 'いいえ', '非該当', '該当なし', 'no', 'n', 'false', '0', '-', '－', '―', 'ー']);

function parseFlag(value: CellOutput): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = normalizeLabel(cellText(value));
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return undefined;
}

const isoDatePattern = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const warekiPattern = /^(令和|平成)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$/;

/** 利用期限・保管期限: an Excel date, a written date (2026/3/31, 令和8年3月31日), or a description. */
function parseTerm(value: CellOutput): { date: string | null; description: string | null } | { error: string } {
  if (value === null) return { date: null, description: null };
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10), description: null };
  const text = cellText(value).normalize('NFKC');
  const iso = isoDatePattern.exec(text);
  const wareki = warekiPattern.exec(text);
  let date: string | null = null;
  if (iso) date = `${iso[1]}-${iso[2]?.padStart(2, '0')}-${iso[3]?.padStart(2, '0')}`;
  else if (wareki) {
    const n = wareki[2] === '元' ? 1 : Number(wareki[2]);
    const year = (wareki[1] === '令和' ? 2018 : 1988) + n;
    date = `${year}-${wareki[3]?.padStart(2, '0')}-${wareki[4]?.padStart(2, '0')}`;
  }
  if (date) {
    const d = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) return { error: `「${text}」は存在しない日付です` };
    return { date, description: null };
  }
  return { date: null, description: text };
}

/** 件数（概数でも可）: 1200, 「約1,200件」, 「1000程度」. */
function parseCount(value: CellOutput): { value: number; approximate: boolean } | null | { error: string } {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? { value, approximate: false } : { error: `件数「${value}」は0以上の整数で入力してください` };
  const text = cellText(value).normalize('NFKC');
  const digits = /(\d[\d,]*)/.exec(text);
  if (!digits?.[1]) return { error: `件数「${text}」は数値で入力してください（概数でも可。例: 約1,000）` };
  const approximate = /約|概|程度|ほど|前後|以上|以下|~|〜|およそ|未満/.test(text);
  return { value: Number(digits[1].replaceAll(',', '')), approximate };
}

const methodWords: [RegExp, AcquisitionMethod][] = [
  [/直接書面以外|口頭|電話|対面/, 'direct_other'],
  [/直接書面|書面|web|ウェブ|フォーム|申込書|申込/, 'direct_written'],
  [/委託/, 'entrusted'],
  [/共同利用/, 'joint_use'],
  [/第三者/, 'from_third_party'],
];

function parseMethods(text: string): { methods: AcquisitionMethod[] } | { error: string } {
  const methods: AcquisitionMethod[] = [];
  for (const token of splitList(text)) {
    const folded = token.normalize('NFKC').toLowerCase();
    const hit = methodWords.find(([pattern]) => pattern.test(folded));
    if (!hit) return { error: `取得方法「${token}」は使えません（${Object.values(acquisitionMethodLabels).join('・')}）` };
    if (!methods.includes(hit[1])) methods.push(hit[1]);
  }
  return { methods };
}

function parseSensitiveBasis(text: string): EntryContentInput['sensitiveBasis'] | { error: string } {
  const folded = text.normalize('NFKC');
  if (!folded) return null;
  if (/同意/.test(folded) && !/例外/.test(folded)) return { kind: 'written_consent', noticeRef: null };
  const m = /(?:例外|J\.?8\.?3\s*2?)\s*([a-k])\)?\s*[:：]?\s*(.*)$/i.exec(folded);
  const letter = m?.[1]?.toLowerCase();
  if (letter && (sensitiveExceptionLetters as readonly string[]).includes(letter)) {
    return { kind: 'exception', letter: letter as SensitiveExceptionLetter, reason: m?.[2]?.trim() || null };
  }
  return { error: `要配慮個人情報の取得根拠「${text}」は「書面同意」または「例外 a: 理由」（J.8.3 2 a〜k）の形で入力してください` };
}

function parseProcessed(text: string): EntryContent['processedKind'] | { error: string } {
  const folded = normalizeLabel(text);
  if (!folded || FALSE_WORDS.has(folded)) return 'none';
  if (folded.includes('仮名')) return 'pseudonymized';
  if (folded.includes('匿名')) return 'anonymized';
  if (folded.includes('個人関連')) return 'personal_related';
  return { error: `「${text}」は 仮名加工情報・匿名加工情報・個人関連情報・該当なし のいずれかで入力してください` };
}

function parseMedia(text: string): 'paper' | 'electronic' | 'both' | null | { error: string } {
  const folded = text.normalize('NFKC');
  if (!folded) return null;
  const paper = /紙|書類|帳票|ファイル綴/.test(folded);
  const electronic = /電子|データ|電磁|pc|サーバ|システム|クラウド/i.test(folded);
  if (/両方|両者/.test(folded) || (paper && electronic)) return 'both';
  if (paper) return 'paper';
  if (electronic) return 'electronic';
  return { error: `保管媒体「${text}」は 紙・電子・紙と電子 のいずれかで入力してください` };
}

// ---- planning ----

export type ImportError = { field: string; message: string };
export type ImportRowReport = { row: number; name: string | null; department: string | null; action: 'create' | 'error'; errors: ImportError[]; warnings: ImportError[] };
export type ImportReport = { dryRun: boolean; total: number; valid: number; created: number; ignoredColumns: string[]; rows: ImportRowReport[] };

/** API field path → the column the user sees (errors name the column of their file). */
function columnForPath(path: string, mapping: ImportMapping): string {
  const root = path.split('.')[0] ?? '';
  const key: ImportField | undefined =
    root === 'storageMethod'
      ? path.endsWith('media')
        ? 'storageMedia'
        : 'storageDescription'
      : root === 'accessHolderIds'
        ? 'accessHolders'
        : root === 'departmentId'
          ? 'department'
          : root === 'useUntil' || root === 'retainUntil' || root === 'recordCount' || root === 'sensitiveBasis'
            ? root
            : (fieldKeys as readonly string[]).includes(root)
              ? (root as ImportField)
              : undefined;
  if (!key) return '行';
  return mapping[key] ?? headerOfField[key];
}

type Lookups = {
  departments: { id: string; name: string; code: string | null }[];
  people: { id: string; name: string; employeeNumber: string | null; leftOn: string | null }[];
  existing: Set<string>;
};

function resolveDepartment(text: string, all: Lookups['departments']): { id: string } | { error: string } {
  const wanted = normalizeLabel(text);
  const byName = all.filter((d) => normalizeLabel(d.name) === wanted);
  if (byName.length === 1 && byName[0]) return { id: byName[0].id };
  if (byName.length > 1) return { error: `所管部署「${text}」は同じ名前が複数あります。所属コードで指定してください` };
  const byCode = all.filter((d) => d.code && normalizeLabel(d.code) === wanted);
  if (byCode.length === 1 && byCode[0]) return { id: byCode[0].id };
  return { error: `所管部署「${text}」が見つかりません。所属の名称または所属コードを入力してください` };
}

function resolvePeople(text: string, all: Lookups['people'], today: string): { ids: string[] } | { error: string } {
  const ids: string[] = [];
  for (const token of splitList(text)) {
    const wanted = normalizeLabel(token);
    const hits = all.filter((p) => normalizeLabel(p.name) === wanted || (p.employeeNumber !== null && normalizeLabel(p.employeeNumber) === wanted));
    if (hits.length === 0)
      return {
        error: `アクセス権を有する者「${token}」はこの組織の従業者に見つかりません。従業者の氏名か従業者番号で入力してください（部署単位の記載は「アクセス権を有する者（補足）」の列へ）`,
      };
    if (hits.length > 1) return { error: `アクセス権を有する者「${token}」に同じ氏名の従業者が複数います。従業者番号で指定してください` };
    const person = hits[0] as Lookups['people'][number];
    if (person.leftOn && person.leftOn <= today) return { error: `「${person.name}」は退職済みのため、アクセス権を有する者に指定できません（J.9.2 c) 7) ③）` };
    if (!ids.includes(person.id)) ids.push(person.id);
  }
  return { ids };
}

type PlannedRow = { row: number; content: EntryContent };

/** Stands in for a 所管部署 that did not resolve, so the other checks of the row still run. */
const UNRESOLVED = '00000000-0000-4000-8000-000000000000';

/**
 * Turns every row into a 台帳 entry and checks it the way a 申請書 is checked: the shapes
 * (entryContentSchema), the references (所管部署, アクセス権を有する者), the rules (J.3.1.1 3 items,
 * J.8.3 …), and duplicates (the same name in the same department, in the file or already in the
 * 台帳). Reads only.
 */
export async function planImport(
  tx: Tx,
  organizationId: string,
  sheet: LedgerSheet,
  mapping: ImportMapping,
  today: string,
): Promise<{ report: ImportRowReport[]; plan: PlannedRow[]; ignoredColumns: string[] }> {
  const lookups: Lookups = {
    departments: await tx.select({ id: departments.id, name: departments.name, code: departments.code }).from(departments).where(eq(departments.organizationId, organizationId)),
    people: await tx
      .select({ id: people.id, name: people.name, employeeNumber: people.employeeNumber, leftOn: people.leftOn })
      .from(people)
      .where(eq(people.organizationId, organizationId)),
    existing: new Set(
      (
        await tx
          .select({ departmentId: inventoryEntries.departmentId, name: inventoryEntries.name })
          .from(inventoryEntries)
          .where(and(eq(inventoryEntries.organizationId, organizationId), eq(inventoryEntries.status, 'active')))
      ).map((e) => `${e.departmentId}\u0000${normalizeLabel(e.name)}`),
    ),
  };
  const mappedHeaders = new Set(Object.values(mapping));
  for (const header of mappedHeaders) if (!sheet.headers.includes(header)) throw badFile(`対応付けた列「${header}」がファイルの見出し行にありません`);
  const ignoredColumns = sheet.headers.filter((h) => !mappedHeaders.has(h));
  const names = { departmentName: null, people: new Map(lookups.people.map((p) => [p.id, p.name])) };
  const firstRowOf = new Map<string, number>();
  const report: ImportRowReport[] = [];
  const plan: PlannedRow[] = [];

  for (const { rowNumber, cells } of sheet.rows) {
    const errors: ImportError[] = [];
    const fail = (field: ImportField, message: string) => {
      const column = mapping[field] ?? headerOfField[field];
      if (!errors.some((e) => e.field === column)) errors.push({ field: column, message });
    };
    const raw = (field: ImportField): CellOutput => {
      const header = mapping[field];
      return header ? (cells.get(header) ?? null) : null;
    };
    const text = (field: ImportField) => cellText(raw(field));
    const flagOf = (field: ImportField, label: string) => {
      const value = parseFlag(raw(field));
      if (value === undefined) {
        fail(field, `${label}「${text(field)}」は ○／× （有／無）で入力してください`);
        return false;
      }
      return value;
    };

    const input: EntryContentInput = {
      name: text('name'),
      departmentId: '',
      items: splitList(text('items')),
      purpose: text('purpose') || null,
      storageLocation: text('storageLocation') || null,
      storageMethod: { media: null, description: text('storageDescription') || null },
      accessHolderIds: [],
      accessHolderNote: text('accessHolderNote') || null,
      acquisitionMethods: [],
      sensitive: flagOf('sensitive', '要配慮個人情報'),
      myNumber: flagOf('myNumber', '特定個人情報'),
      retainedPersonalData: flagOf('retainedPersonalData', '保有個人データ'),
      thirdPartyProvision: flagOf('thirdPartyProvision', '第三者提供'),
      thirdPartyDetails: text('thirdPartyDetails') || null,
      jointUseDetails: text('jointUseDetails') || null,
      entrustedTo: splitList(text('entrustedTo')),
      overseasCountries: splitList(text('overseasCountries')),
      disposalMethod: text('disposalMethod') || null,
      noticeRefs: splitList(text('noticeRefs')),
    };
    const departmentText = text('department');
    if (departmentText) {
      const resolved = resolveDepartment(departmentText, lookups.departments);
      if ('id' in resolved) input.departmentId = resolved.id;
      else fail('department', resolved.error);
    } else fail('department', '所管部署を入力してください');
    const holders = text('accessHolders');
    if (holders) {
      const resolved = resolvePeople(holders, lookups.people, today);
      if ('ids' in resolved) input.accessHolderIds = resolved.ids;
      else fail('accessHolders', resolved.error);
    }
    const media = parseMedia(text('storageMedia'));
    if (media !== null && typeof media === 'object') fail('storageMedia', media.error);
    else if (input.storageMethod) input.storageMethod.media = media;
    for (const field of ['useUntil', 'retainUntil'] as const) {
      const term = parseTerm(raw(field));
      if ('error' in term) fail(field, `${field === 'useUntil' ? '利用期限' : '保管期限'}: ${term.error}`);
      else input[field] = term;
    }
    const countValue = parseCount(raw('recordCount'));
    if (countValue && 'error' in countValue) fail('recordCount', countValue.error);
    else input.recordCount = countValue;
    const methods = parseMethods(text('acquisitionMethods'));
    if ('error' in methods) fail('acquisitionMethods', methods.error);
    else input.acquisitionMethods = methods.methods;
    const basis = parseSensitiveBasis(text('sensitiveBasis'));
    if (basis && 'error' in basis) fail('sensitiveBasis', basis.error);
    else input.sensitiveBasis = basis;
    const processed = parseProcessed(text('processedKind'));
    if (typeof processed === 'object') fail('processedKind', processed.error);
    else input.processedKind = processed;

    // Every check runs even when a cell already failed, so the dry run lists all of a row's
    // errors at once (one per column: the first, most specific message wins).
    const resolvedDepartment = input.departmentId !== '';
    if (!resolvedDepartment) input.departmentId = UNRESOLVED;
    let content: EntryContent | null = null;
    const warnings: ImportError[] = [];
    const parsed = entryContentSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnForPath(issue.path.join('.'), mapping);
        if (!errors.some((e) => e.field === column)) errors.push({ field: column, message: issue.message });
      }
    } else {
      content = parsed.data;
      for (const finding of entryFindings(content, names)) {
        const column = columnForPath(finding.path, mapping);
        if (finding.severity === 'error') {
          if (!errors.some((e) => e.field === column)) errors.push({ field: column, message: finding.message });
        } else warnings.push({ field: column, message: finding.message });
      }
    }
    if (!resolvedDepartment) input.departmentId = '';
    const nameKey = `${input.departmentId}\u0000${normalizeLabel(input.name ?? '')}`;
    if (input.name && input.departmentId) {
      if (lookups.existing.has(nameKey)) fail('name', `「${input.name}」は同じ所管部署の台帳に既にあります。変更は個人情報取扱変更等申請書で行ってください`);
      else if (firstRowOf.has(nameKey)) fail('name', `「${input.name}」がファイル内で重複しています（${firstRowOf.get(nameKey)}行目と同じ所管部署・名称）`);
      else firstRowOf.set(nameKey, rowNumber);
    }
    const ok = errors.length === 0 && content !== null;
    report.push({ row: rowNumber, name: input.name || null, department: departmentText || null, action: ok ? 'create' : 'error', errors, warnings });
    if (ok && content) plan.push({ row: rowNumber, content });
  }
  return { report, plan, ignoredColumns };
}

/**
 * 台帳の取込. Dry run: validates and reports, writes nothing. Real run: writes only when every
 * row is valid, all in the caller's transaction; each entry gets a history row naming the
 * import, each department one risk-analysis task for its imported entries (they are 未分析),
 * and the import is recorded in the audit trail with its row count.
 */
export async function importLedger(
  tx: Tx,
  actor: Actor,
  sheet: LedgerSheet,
  mapping: ImportMapping,
  options: { dryRun: boolean; today: string; now: Date; fileName: string },
): Promise<ImportReport> {
  const { report, plan, ignoredColumns } = await planImport(tx, actor.organizationId, sheet, mapping, options.today);
  const valid = report.filter((r) => r.action !== 'error').length;
  const result: ImportReport = { dryRun: options.dryRun, total: report.length, valid, created: plan.length, ignoredColumns, rows: report };
  if (options.dryRun || valid !== report.length || plan.length === 0) return result;
  const importId = randomUUID();
  const names = await namesFor(
    tx,
    actor.organizationId,
    plan.map((p) => p.content),
  );
  const perDepartment = new Map<string, { count: number; first: { id: string; name: string; revision: number } }>();
  for (const p of plan) {
    const entry = await createEntry(tx, p.content, names.of(p.content), {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      requestedByPersonId: actor.personId,
      importId,
      today: options.today,
      now: options.now,
      kind: 'imported',
      summary: `Excel台帳の取込（${options.fileName} ${p.row}行目）`,
      riskTask: false,
    });
    const seen = perDepartment.get(entry.departmentId);
    if (seen) seen.count++;
    else perDepartment.set(entry.departmentId, { count: 1, first: entry });
  }
  for (const [departmentId, { count, first }] of perDepartment) {
    if (count === 1) {
      await ensureRiskAnalysisTask(tx, { ...first, organizationId: actor.organizationId, departmentId }, 'imported', options.today);
      continue;
    }
    await ensureTask(
      tx,
      actor.organizationId,
      {
        generationKey: `risk-analysis-import:${importId}:${departmentId}`,
        title: `リスク分析: 取り込んだ台帳の${count}件（${names.departmentNames.get(departmentId) ?? ''}）`,
        description: `Excel台帳（${options.fileName}）から取り込んだ${count}件は「未分析」です。類型ごとにリスク分析対策表を作成し、承認を受けてください（J.3.1.3 e)・j)）。`,
        ownerRole: 'department_head',
        departmentId,
        startsOn: options.today,
        dueOn: addCalendarDays(options.today, 30),
        sourceType: 'risk_analysis_import',
        sourceId: importId,
      },
      options.today,
    );
  }
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorAccountId: actor.accountId,
    action: 'import',
    entityType: 'inventory_entries',
    entityId: importId,
    rowCount: plan.length,
    meta: { created: plan.length, fileName: options.fileName, mapping },
  });
  return result;
}

// ---- saved mappings ----

export async function listMappings(tx: Tx, organizationId: string) {
  return tx.select().from(inventoryImportMappings).where(eq(inventoryImportMappings.organizationId, organizationId)).orderBy(asc(inventoryImportMappings.name));
}

/** Saves a mapping under its name (the same name replaces it). */
export async function saveMapping(tx: Tx, actor: Actor, input: z.output<typeof importMappingBody>, id?: string) {
  if (id) {
    const [row] = await tx
      .update(inventoryImportMappings)
      .set({ name: input.name, headerRow: input.headerRow, mapping: input.mapping, updatedAt: new Date() })
      .where(and(eq(inventoryImportMappings.organizationId, actor.organizationId), eq(inventoryImportMappings.id, id)))
      .returning();
    if (!row) throw notFound('取込の対応付け');
    return row;
  }
  const [row] = await tx
    .insert(inventoryImportMappings)
    .values({ organizationId: actor.organizationId, name: input.name, headerRow: input.headerRow, mapping: input.mapping, createdByPersonId: actor.personId })
    .onConflictDoUpdate({
      target: [inventoryImportMappings.organizationId, inventoryImportMappings.name],
      set: { headerRow: input.headerRow, mapping: input.mapping, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('mapping insert returned nothing');
  return row;
}

export async function deleteMapping(tx: Tx, organizationId: string, id: string): Promise<void> {
  const deleted = await tx
    .delete(inventoryImportMappings)
    .where(and(eq(inventoryImportMappings.organizationId, organizationId), eq(inventoryImportMappings.id, id)))
    .returning({ id: inventoryImportMappings.id });
  if (deleted.length === 0) throw notFound('取込の対応付け');
}

export async function getMapping(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(inventoryImportMappings)
    .where(and(eq(inventoryImportMappings.organizationId, organizationId), eq(inventoryImportMappings.id, id)));
  if (!row) throw notFound('取込の対応付け');
  return row;
}

/**
 * What the mapping screen needs from an uploaded file: its headers, a few rows as text, and a
 * suggested mapping — a saved one whose columns all exist in the file, else a guess from the headers.
 */
export async function inspectLedger(tx: Tx, organizationId: string, sheet: LedgerSheet) {
  const saved = await listMappings(tx, organizationId);
  const fitting = saved.find((m) => m.headerRow === sheet.headerRow && Object.values(m.mapping).every((h) => sheet.headers.includes(h)));
  return {
    sheetName: sheet.sheetName,
    headerRow: sheet.headerRow,
    headers: sheet.headers,
    rowCount: sheet.rows.length,
    sampleRows: sheet.rows.slice(0, 5).map((r) => ({ row: r.rowNumber, cells: Object.fromEntries([...r.cells].map(([h, v]) => [h, cellText(v)])) })),
    suggestedMapping: fitting ? fitting.mapping : suggestMapping(sheet.headers),
    suggestedMappingId: fitting?.id ?? null,
    fields: importFields.map((f) => ({ key: f.key, header: f.header, required: 'required' in f && f.required === true })),
    mappings: saved,
  };
}
