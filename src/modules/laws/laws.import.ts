import { eq } from 'drizzle-orm';
import { normalizeLabel } from '../../domain/text.ts';
import { recordAuditEvent } from '../../platform/audit/auditEvents.ts';
import type { Tx } from '../../platform/db/connection.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { chooseSheet } from '../../platform/imports/sheets.ts';
import { type ImportUpload, readImportSheets } from '../../platform/imports/upload.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { detectHeaderRow, HEADER_SEARCH_ROWS, headingsAt, indexHeadings, type LawHeadingKey, lawHeadings, matchHeading } from '../../rules/ledgerImport/index.ts';
import { cellText, isNoneCell, quoteCell, readDateCell } from '../../rules/ledgerValues/index.ts';
import { type LawKind, type LawStatus, lawKindLabels, lawKinds, lawStatusLabels, lawStatuses } from './laws.labels.ts';
import { type LawInput, lawBody } from './laws.schema.ts';
import { createLaw, updateLaw } from './laws.service.ts';
import { laws } from './laws.tables.ts';

// 法令規範一覧の取込 (SPEC §3 Imports, issue #12): an .xlsx or CSV with the export's headings or the
// names consultant templates give them (src/rules/ledgerImport/lawHeadings.ts), the sheet and the
// header row found by themselves, dates as ledgers write them (和暦・シリアル値), なし/－ as absent, a
// dry run that reports every row's errors, and an all-or-nothing real run. A row whose 名称 matches an
// entry updates it (unchanged content keeps its approval); other rows are new, 未承認 entries.

/** The columns the import reads (承認 and 最終見直し日 are written by the export for people, never read). */
type ReadKey = Exclude<LawHeadingKey, 'approval' | 'lastReviewedOn'>;
const notRead: readonly LawHeadingKey[] = ['approval', 'lastReviewedOn'];

const headingIndex = indexHeadings(lawHeadings);
const headerOf = Object.fromEntries(lawHeadings.map((h) => [h.key, h.label])) as Record<LawHeadingKey, string>;

/** At most this many rows per file (a 法令規範一覧 has tens of entries; the bound keeps one transaction small). */
export const MAX_LAW_IMPORT_ROWS = 2000;

export type LawSheetRow = { rowNumber: number } & Partial<Record<ReadKey, CellOutput>>;
export type ParsedLawSheet = { sheet: string; headerRow: number; rows: LawSheetRow[]; columns: ReadKey[]; ignoredColumns: string[] };

const badFile = (message: string) => new HttpError(400, message, 'import_file');

/**
 * Reads an uploaded workbook (or CSV): the sheet whose headings match the 法令規範一覧's best (or the
 * one named), the header row found below any title rows, each column by the dictionary (exact or
 * normalized matches only). Refuses a file without a 名称 column or with one field named twice.
 */
export async function parseLawSheet(upload: Pick<ImportUpload, 'body' | 'kind' | 'filename'>, sheetName?: string): Promise<ParsedLawSheet> {
  const { grid, choice } = chooseSheet(await readImportSheets(upload), headingIndex, sheetName);
  const preview = grid.rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
  const detected = detectHeaderRow(preview, headingIndex);
  const headerRow = detected?.headerRow ?? 1;
  const rowSpan = detected?.rowSpan ?? 1;
  const keyOfColumn = new Map<number, ReadKey>();
  const seen = new Set<LawHeadingKey>();
  const ignoredColumns: string[] = [];
  for (const { column, heading } of headingsAt(preview, headerRow, rowSpan, headingIndex)) {
    const match = matchHeading(heading, headingIndex);
    const key = match && match.confidence !== 'partial' ? match.key : undefined;
    if (!key) {
      ignoredColumns.push(heading);
      continue;
    }
    if (seen.has(key)) throw badFile(`見出し行（${headerRow}行目）に「${headerOf[key]}」の列が複数あります（「${heading}」）`);
    seen.add(key);
    if (!notRead.includes(key)) keyOfColumn.set(column, key as ReadKey);
  }
  if (!seen.has('name')) throw badFile(`シート「${choice.name}」の見出し行（${headerRow}行目）に「名称」（法令名・法令等の名称）の列がありません`);
  const data = grid.rows.filter((r) => r.rowNumber >= headerRow + rowSpan);
  if (data.length > MAX_LAW_IMPORT_ROWS) throw badFile(`一度に取り込めるのは${MAX_LAW_IMPORT_ROWS.toLocaleString('ja-JP')}行までです。ファイルを分けてください`);
  const rows = data.map(({ rowNumber, cells }) => {
    const row: LawSheetRow = { rowNumber };
    for (const [col, key] of keyOfColumn) row[key] = cells[col] ?? null;
    return row;
  });
  return { sheet: choice.message, headerRow, rows, columns: [...keyOfColumn.values()], ignoredColumns };
}

/** 種別 as written: the labels, and the words registers use (施行令・省令 → 政令・規則, 条例 → 条例・規則（自治体）…). */
const kindWords: [string, LawKind][] = [
  ...lawKinds.map((k): [string, LawKind] => [lawKindLabels[k], k]),
  ['法令', 'act'],
  ['政令', 'order'],
  ['省令', 'order'],
  ['規則', 'order'],
  ['施行令', 'order'],
  ['施行規則', 'order'],
  ['委員会規則', 'order'],
  ['ガイドライン', 'guideline'],
  ['指針', 'guideline'],
  ['基準', 'guideline'],
  ['条例', 'municipal'],
  ['自治体の条例', 'municipal'],
  ['業界の指針', 'industry'],
  ['自主規制', 'industry'],
  ['業界団体の指針', 'industry'],
  ['規格', 'industry'],
  ['JIS', 'industry'],
  ['契約', 'contract'],
];
const kindByWord = new Map(kindWords.map(([w, k]) => [normalizeLabel(w), k]));
const statusByWord = new Map<string, LawStatus>([
  ...lawStatuses.map((s): [string, LawStatus] => [normalizeLabel(lawStatusLabels[s]), s]),
  [normalizeLabel('現行'), 'active'],
  [normalizeLabel('施行中'), 'active'],
  [normalizeLabel('失効'), 'repealed'],
]);

export type LawImportError = { field: string; message: string };
export type LawImportRowReport = { row: number; name: string | null; action: 'create' | 'update' | 'error'; errors: LawImportError[] };
export type LawImportReport = {
  dryRun: boolean;
  total: number;
  valid: number;
  created: number;
  updated: number;
  sheet: string;
  headerRow: number;
  ignoredColumns: string[];
  rows: LawImportRowReport[];
};

const fieldColumn: Record<keyof LawInput, string> = {
  name: headerOf.name,
  kind: headerOf.kind,
  issuer: headerOf.issuer,
  number: headerOf.number,
  lastAmendedOn: headerOf.lastAmendedOn,
  url: headerOf.url,
  application: headerOf.application,
  status: headerOf.status,
  identifiedOn: headerOf.identifiedOn,
  note: headerOf.note,
};

/** A text cell: なし・－・該当なし and blanks are absent (issue #12); anything else as written. */
const textOf = (cell: CellOutput | undefined): string | null => (cell === undefined || isNoneCell(cell) ? null : cellText(cell));

type Planned = { row: number; lawId: string | null; input: LawInput };

/**
 * Checks every row against the same rules as the form (`lawBody`) and decides per row whether it
 * adds an entry or updates the one with the same 名称 (全角半角・空白を問わない). Reads only.
 */
export async function planLawImport(tx: Tx, organizationId: string, sheet: ParsedLawSheet): Promise<{ report: LawImportRowReport[]; plan: Planned[] }> {
  const existing = await tx.select().from(laws).where(eq(laws.organizationId, organizationId));
  const byName = new Map(existing.map((l) => [normalizeLabel(l.name), l]));
  const firstRowOfName = new Map<string, number>();
  const report: LawImportRowReport[] = [];
  const plan: Planned[] = [];
  const has = (key: ReadKey) => sheet.columns.includes(key);

  for (const row of sheet.rows) {
    const errors: LawImportError[] = [];
    const name = row.name === undefined || row.name === null ? null : cellText(row.name) || null;
    const nameKey = name ? normalizeLabel(name) : null;
    if (nameKey && firstRowOfName.has(nameKey))
      errors.push({ field: headerOf.name, message: `名称「${name}」がファイル内で重複しています（${firstRowOfName.get(nameKey)}行目と同じ）` });
    else if (nameKey) firstRowOfName.set(nameKey, row.rowNumber);
    const match = nameKey ? byName.get(nameKey) : undefined;

    // A column the file lacks keeps the stored value on update; an empty cell in a present column clears it.
    const text = (key: 'issuer' | 'number' | 'url' | 'application' | 'note') => (has(key) ? textOf(row[key]) : (match?.[key] ?? null));
    const date = (key: 'lastAmendedOn' | 'identifiedOn'): string | null => {
      if (!has(key)) return match?.[key] ?? null;
      const read = readDateCell(row[key] ?? null, headerOf[key]);
      if (read === null) return null;
      if ('date' in read) return read.date;
      if ('error' in read) errors.push({ field: headerOf[key], message: read.error });
      return null;
    };
    let kind: string | null = match?.kind ?? null;
    if (has('kind')) {
      const written = textOf(row.kind);
      kind = written ? (kindByWord.get(normalizeLabel(written)) ?? null) : null;
      if (written && !kind)
        errors.push({ field: headerOf.kind, message: `種別「${written}」は使えません。${lawKinds.map((k) => lawKindLabels[k]).join('・')}のいずれかを入力してください` });
    }
    let status: string = match?.status ?? 'active';
    if (has('status')) {
      const written = textOf(row.status);
      const read = written ? statusByWord.get(normalizeLabel(written)) : 'active';
      if (read) status = read;
      else errors.push({ field: headerOf.status, message: `状態「${written}」は使えません。有効・廃止のいずれかを入力してください` });
    }
    const candidate = {
      name,
      kind,
      issuer: text('issuer'),
      number: text('number'),
      lastAmendedOn: date('lastAmendedOn'),
      url: text('url'),
      application: text('application'),
      status,
      identifiedOn: date('identifiedOn'),
      note: text('note'),
    };
    const parsed = lawBody.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof LawInput | undefined;
        const field = (key && fieldColumn[key]) || '行';
        if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
      }
    }
    const ok = parsed.success && errors.length === 0;
    report.push({ row: row.rowNumber, name: name ? quoteCell(name) : name, action: ok ? (match ? 'update' : 'create') : 'error', errors });
    if (ok) plan.push({ row: row.rowNumber, lawId: match?.id ?? null, input: parsed.data });
  }
  return { report, plan };
}

/**
 * 法令規範一覧の取込. Dry run: checks and reports, writes nothing. Real run: writes only when every
 * row is valid, all in the caller's one transaction through the same functions as the form (a
 * changed entry becomes 未承認 again, J.1.3 a), and records the import in the audit trail.
 */
export async function importLaws(tx: Tx, actor: Actor, sheet: ParsedLawSheet, options: { dryRun: boolean; now: Date; fileName?: string | null }): Promise<LawImportReport> {
  const { report, plan } = await planLawImport(tx, actor.organizationId, sheet);
  const valid = report.filter((r) => r.action !== 'error').length;
  const created = plan.filter((p) => p.lawId === null).length;
  const result: LawImportReport = {
    dryRun: options.dryRun,
    total: report.length,
    valid,
    created,
    updated: plan.length - created,
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    ignoredColumns: sheet.ignoredColumns,
    rows: report,
  };
  if (options.dryRun || valid !== report.length || plan.length === 0) return result;
  for (const p of plan) {
    if (p.lawId) await updateLaw(tx, actor, p.lawId, p.input, options.now);
    else await createLaw(tx, actor, p.input, options.now);
  }
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorAccountId: actor.accountId,
    action: 'import',
    entityType: 'laws',
    rowCount: plan.length,
    meta: { created: result.created, updated: result.updated, fileName: options.fileName ?? null },
  });
  return result;
}
