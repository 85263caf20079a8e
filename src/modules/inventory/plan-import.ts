import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { type NoticeVersionSummary, publishedNoticeVersions } from '../notices/notices.api.ts';
import { entryFindings } from './inventory.content.shared.ts';
import { type ImportField, importFieldHeaders, importFieldKeys, LEDGER_EXPORT_STATE_COLUMNS } from './inventory.import.schema.ts';
import { type EntryContent, type EntryContentInput, entryContentSchema } from './inventory.schema.ts';
import { type ImportMapping, inventoryEntries } from './inventory.tables.ts';
import { entryKey, type RiskImportReport } from './plan-risk-import.ts';
import {
  parseCount,
  parseExemptions,
  parseFlag,
  parseMedia,
  parseMethods,
  parseNoticeVersions,
  parseOverseasBasis,
  parseProcessed,
  parseSensitiveBasis,
  parseSpecialCategories,
  parseTerm,
  splitList,
} from './parse-ledger-values.ts';
import { badImportFile, cellText, type LedgerSheet, normalizeLabel } from './read-ledger-sheet.ts';
import { mediumWithin, quoteCell, readList, readText } from '../../rules/ledgerValues/index.ts';
import { mappedValue, type UnknownValue, UnknownValues } from '../../platform/imports/referenceValues.ts';
import type { ImportValueMapping } from './inventory.import.schema.ts';
import { storageMediumLabels } from '../../rules/data/inventoryClauses.ts';
import type { SheetChoice } from '../../platform/imports/sheets.ts';
import { EXTRAS_HEADING, extrasOfRow, type ImportExtra, keptColumns } from '../../platform/imports/extras.ts';
import { emptyImportMemory, type ImportMemory, RecalledValues } from '../../platform/imports/memory.ts';
import { PROGRESS_EVERY_ROWS, yieldToEventLoop } from '../../platform/imports/progress.ts';
import { type AcquisitionMethod, acquisitionMethods, type StorageMedium, storageMedia } from '../../rules/data/inventoryClauses.ts';

// 台帳の取込, step 3: the plan — every row turned into a 台帳 entry and checked the way a 申請書
// is, with each error named by the column of the user's file. Reads only.

export type ImportError = { field: string; message: string };
export type ImportRowReport = { row: number; name: string | null; department: string | null; action: 'create' | 'error'; errors: ImportError[]; warnings: ImportError[] };
/** A 所属・媒体・取得方法 written in the file that matches nothing: listed once, to be mapped (issue #12). */
export type UnknownReference = UnknownValue<'department' | 'storageMedia' | 'acquisitionMethods'>;
/** A value read through the organization's remembered value mapping (issue #12): listed once, changeable. */
export type RememberedReference = UnknownReference & { target: string };
export type ImportReport = {
  dryRun: boolean;
  /** The sheet read and why (issue #12 シートの選択), and its header row. */
  sheet: SheetChoice;
  headerRow: number;
  total: number;
  valid: number;
  created: number;
  ignoredColumns: string[];
  /** The unmapped columns kept on each entry as 「取込時の追加情報」 (issue #12). */
  keptColumns: string[];
  rows: ImportRowReport[];
  unknownValues: UnknownReference[];
  rememberedValues: RememberedReference[];
  /** The workbook's リスク分析 sheet, checked and linked to the entries (issue #12); null when it has none. */
  risk: RiskImportReport | null;
};

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
            : (importFieldKeys as readonly string[]).includes(root)
              ? (root as ImportField)
              : undefined;
  if (!key) return '行';
  return mapping[key] ?? importFieldHeaders[key];
}

type Lookups = {
  departments: { id: string; name: string; code: string | null }[];
  noticeVersions: NoticeVersionSummary[];
  people: { id: string; name: string; employeeNumber: string | null; leftOn: string | null }[];
  existing: Set<string>;
};

function resolveDepartment(
  text: string,
  all: Lookups['departments'],
  values: ImportValueMapping | null,
  recall: (value: string) => string | undefined,
): { id: string; remembered?: true } | { error: string; unknown?: true } {
  const chosen = mappedValue(values, 'department', text);
  if (chosen) return all.some((d) => d.id === chosen) ? { id: chosen } : { error: `所管部署「${text}」の対応付け先の所属が見つかりません。対応付けをやり直してください` };
  const wanted = normalizeLabel(text);
  const byName = all.filter((d) => normalizeLabel(d.name) === wanted);
  if (byName.length === 1 && byName[0]) return { id: byName[0].id };
  if (byName.length > 1) return { error: `所管部署「${text}」は同じ名前が複数あります。所属コードで指定してください` };
  const byCode = all.filter((d) => d.code && normalizeLabel(d.code) === wanted);
  if (byCode.length === 1 && byCode[0]) return { id: byCode[0].id };
  // Mapped in an earlier import (a 所属 since removed is not used: the value is unknown again).
  const remembered = recall(text);
  if (remembered && all.some((d) => d.id === remembered)) return { id: remembered, remembered: true };
  return { error: `所管部署「${text}」が見つかりません。所属の名称または所属コードを入力するか、既存の所属に対応付けてください`, unknown: true };
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

type PlannedRow = { row: number; content: EntryContent; extras: ImportExtra[] };

/** Stands in for a 所管部署 that did not resolve, so the other checks of the row still run. */
const UNRESOLVED = '00000000-0000-4000-8000-000000000000';

/**
 * Turns every row into a 台帳 entry and checks it the way a 申請書 is checked: the shapes
 * (entryContentSchema), the references (所管部署, アクセス権を有する者), the rules (J.3.1.1 3 items,
 * J.8.3 …), and duplicates (the same name in the same department, in the file or already in the
 * 台帳). Reads only. Every {@link PROGRESS_EVERY_ROWS} rows it tells `onValidated` how many rows
 * it has checked and lets the event loop turn (the progress is sent, other requests run).
 */
export async function planImport(
  tx: Tx,
  organizationId: string,
  sheet: LedgerSheet,
  mapping: ImportMapping,
  today: string,
  values: ImportValueMapping | null = null,
  memory: ImportMemory = emptyImportMemory(),
  keep: readonly string[] | null = null,
  onValidated?: (rows: number) => void,
): Promise<{
  report: ImportRowReport[];
  plan: PlannedRow[];
  erroredNames: Set<string>;
  ignoredColumns: string[];
  keptColumns: string[];
  unknownValues: UnknownReference[];
  rememberedValues: RememberedReference[];
}> {
  const lookups: Lookups = {
    departments: await tx.select({ id: departments.id, name: departments.name, code: departments.code }).from(departments).where(eq(departments.organizationId, organizationId)),
    people: await tx
      .select({ id: people.id, name: people.name, employeeNumber: people.employeeNumber, leftOn: people.leftOn })
      .from(people)
      .where(eq(people.organizationId, organizationId)),
    noticeVersions: await publishedNoticeVersions(tx, organizationId),
    existing: new Set(
      (
        await tx
          .select({ departmentId: inventoryEntries.departmentId, name: inventoryEntries.name })
          .from(inventoryEntries)
          .where(and(eq(inventoryEntries.organizationId, organizationId), eq(inventoryEntries.status, 'active')))
      ).map((e) => entryKey(e.departmentId, e.name)),
    ),
  };
  const mappedHeaders = new Set(Object.values(mapping));
  for (const header of mappedHeaders) if (!sheet.headers.includes(header)) throw badImportFile(`対応付けた列「${header}」がファイルの見出し行にありません`);
  // 取込時の追加情報 (issue #12): the 台帳 has no notes field, so 備考 and the other columns no field
  // took are kept on the entry as written; the block's own column (Mamori's export) is read back.
  const extrasColumn = sheet.headers.find((h) => !mappedHeaders.has(h) && normalizeLabel(h) === normalizeLabel(EXTRAS_HEADING));
  const ignoredColumns = sheet.headers.filter((h) => !mappedHeaders.has(h) && h !== extrasColumn);
  const kept = keptColumns(ignoredColumns, LEDGER_EXPORT_STATE_COLUMNS, keep);
  const names = { departmentName: null, people: new Map(lookups.people.map((p) => [p.id, p.name])) };
  const firstRowOf = new Map<string, number>();
  const report: ImportRowReport[] = [];
  const plan: PlannedRow[] = [];
  /** The names of the rows that cannot be imported, whole (the report quotes them shortened). */
  const erroredNames = new Set<string>();
  const unknown = new UnknownValues<UnknownReference['field']>();
  const columnOf = (field: ImportField) => mapping[field] ?? importFieldHeaders[field];
  // 取込の記憶 (issue #12): a value the organization mapped in an earlier import reads the same way
  // now (a value mapped in this run wins); each one used is listed once, to be shown and changed.
  const recalled = new RecalledValues<RememberedReference['field']>(memory, columnOf);
  const recall = (field: RememberedReference['field'], value: string, row: number, valid: (target: string) => boolean) => recalled.recall(field, value, row, valid);
  const isMedium = (t: string) => (storageMedia as readonly string[]).includes(t);
  const isMethod = (t: string) => (acquisitionMethods as readonly string[]).includes(t);

  for (const { rowNumber, cells } of sheet.rows) {
    const errors: ImportError[] = [];
    const fail = (field: ImportField, message: string) => {
      const column = mapping[field] ?? importFieldHeaders[field];
      if (!errors.some((e) => e.field === column)) errors.push({ field: column, message });
    };
    const raw = (field: ImportField): CellOutput => {
      const header = mapping[field];
      return header ? (cells.get(header) ?? null) : null;
    };
    const text = (field: ImportField) => cellText(raw(field));
    /** A text field; blank or a "none" placeholder (なし・－・該当なし …) is absent. */
    const optional = (field: ImportField) => readText(raw(field));
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
      items: readList(raw('items'), 'items'),
      purpose: optional('purpose'),
      storageLocation: optional('storageLocation'),
      storageMethod: { media: null, description: optional('storageDescription') },
      accessHolderIds: [],
      accessHolderNote: optional('accessHolderNote'),
      acquisitionMethods: [],
      sensitive: flagOf('sensitive', '要配慮個人情報'),
      myNumber: flagOf('myNumber', '特定個人情報'),
      retainedPersonalData: flagOf('retainedPersonalData', '保有個人データ'),
      thirdPartyProvision: flagOf('thirdPartyProvision', '第三者提供'),
      thirdPartyDetails: optional('thirdPartyDetails'),
      jointUseDetails: optional('jointUseDetails'),
      // A company name may contain ・ (エヌ・ティ・ティ): names are split only at lines and 、 , ;.
      entrustedTo: readList(raw('entrustedTo'), 'names'),
      overseasCountries: readList(raw('overseasCountries'), 'names'),
      disposalMethod: optional('disposalMethod'),
      noticeRefs: readList(raw('noticeRefs'), 'names'),
    };
    const departmentText = text('department');
    if (departmentText) {
      const resolved = resolveDepartment(departmentText, lookups.departments, values, (v) =>
        recall('department', v, rowNumber, (id) => lookups.departments.some((d) => d.id === id)),
      );
      if ('id' in resolved) input.departmentId = resolved.id;
      else {
        fail('department', resolved.error);
        if (resolved.unknown) unknown.add('department', columnOf('department'), departmentText, rowNumber);
      }
    } else fail('department', '所管部署を入力してください');
    const holders = text('accessHolders');
    if (holders) {
      const resolved = resolvePeople(holders, lookups.people, today);
      if ('ids' in resolved) input.accessHolderIds = resolved.ids;
      else fail('accessHolders', resolved.error);
    }
    const warnings: ImportError[] = [];
    const mediaCell = raw('storageMedia');
    const parsedMedia = parseMedia(mediaCell);
    const media =
      parsedMedia !== null && typeof parsedMedia === 'object'
        ? (mappedValue(values, 'storageMedia', cellText(mediaCell)) ??
          (recall('storageMedia', cellText(mediaCell), rowNumber, isMedium) as StorageMedium | undefined) ??
          parsedMedia)
        : parsedMedia;
    if (media !== null && typeof media === 'object') {
      fail('storageMedia', media.error);
      unknown.add('storageMedia', columnOf('storageMedia'), cellText(mediaCell), rowNumber);
    } else if (input.storageMethod) {
      input.storageMethod.media = media;
      // Ledgers without a medium column write 紙/電子 inside 保管方法 (「紙媒体で施錠保管」): read it
      // as the medium, and say so — the row's 保管方法 text itself is kept as written.
      const within = media === null ? mediumWithin(input.storageMethod.description ?? null) : null;
      if (within) {
        input.storageMethod.media = within;
        warnings.push({
          field: mapping.storageDescription ?? importFieldHeaders.storageDescription,
          message: `保管方法「${quoteCell(input.storageMethod.description ?? '')}」の記載から保管媒体を「${storageMediumLabels[within]}」と読み取りました`,
        });
      }
    }
    for (const field of ['useUntil', 'retainUntil'] as const) {
      const term = parseTerm(raw(field), field === 'useUntil' ? '利用期限' : '保管期限');
      if ('error' in term) fail(field, term.error);
      else input[field] = term;
    }
    const countValue = parseCount(raw('recordCount'));
    if (countValue && 'error' in countValue) fail('recordCount', countValue.error);
    else input.recordCount = countValue;
    const methods = parseMethods(
      text('acquisitionMethods'),
      (token) => mappedValue(values, 'acquisitionMethods', token) ?? (recall('acquisitionMethods', token, rowNumber, isMethod) as AcquisitionMethod | undefined),
    );
    if ('error' in methods) {
      fail('acquisitionMethods', methods.error);
      for (const token of methods.unknown) unknown.add('acquisitionMethods', columnOf('acquisitionMethods'), token, rowNumber);
    } else input.acquisitionMethods = methods.methods;
    const basis = parseSensitiveBasis(text('sensitiveBasis'));
    if (basis && 'error' in basis) fail('sensitiveBasis', basis.error);
    else input.sensitiveBasis = basis;
    const processed = parseProcessed(text('processedKind'));
    if (typeof processed === 'object') fail('processedKind', processed.error);
    else input.processedKind = processed;
    // The columns Mamori's own export adds (issue #12 round trip); absent from a file, nothing is set.
    const categories = parseSpecialCategories(text('specialCategories'));
    if ('error' in categories) fail('specialCategories', categories.error);
    else input.specialCategories = categories;
    const overseasBasis = parseOverseasBasis(text('overseasBasis'));
    if (overseasBasis && typeof overseasBasis === 'object') fail('overseasBasis', overseasBasis.error);
    else input.overseasBasis = overseasBasis;
    input.contactsPersons = flagOf('contactsPersons', '本人への連絡・接触');
    const exemptions = parseExemptions(text('exemptions'));
    if ('error' in exemptions) fail('exemptions', exemptions.error);
    else input.exemptions = exemptions;
    const notices = parseNoticeVersions(text('noticeVersions'), lookups.noticeVersions);
    if ('error' in notices) fail('noticeVersions', notices.error);
    else if (notices.ids.length > 0) input.noticeVersionIds = notices.ids;

    // Every check runs even when a cell already failed, so the dry run lists all of a row's
    // errors at once (one per column: the first, most specific message wins).
    const resolvedDepartment = input.departmentId !== '';
    if (!resolvedDepartment) input.departmentId = UNRESOLVED;
    let content: EntryContent | null = null;
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
    const nameKey = entryKey(input.departmentId, input.name ?? '');
    if (input.name && input.departmentId) {
      if (lookups.existing.has(nameKey)) fail('name', `「${input.name}」は同じ所管部署の台帳に既にあります。変更は個人情報取扱変更等申請書で行ってください`);
      else if (firstRowOf.has(nameKey)) fail('name', `「${input.name}」がファイル内で重複しています（${firstRowOf.get(nameKey)}行目と同じ所管部署・名称）`);
      else firstRowOf.set(nameKey, rowNumber);
    }
    const ok = errors.length === 0 && content !== null;
    if (!ok && input.name) erroredNames.add(normalizeLabel(input.name));
    // Named for the reader, quoted bounded (a file of long cells is not echoed back whole: issue #11 #3).
    report.push({
      row: rowNumber,
      name: input.name ? quoteCell(input.name) : null,
      department: departmentText ? quoteCell(departmentText) : null,
      action: ok ? 'create' : 'error',
      errors,
      warnings,
    });
    if (ok && content) {
      const extras = extrasOfRow(
        extrasColumn ? cellText(cells.get(extrasColumn) ?? null) : null,
        kept.map((heading) => ({ heading, value: cellText(cells.get(heading) ?? null) })),
      );
      plan.push({ row: rowNumber, content, extras });
    }
    if (report.length % PROGRESS_EVERY_ROWS === 0) {
      onValidated?.(report.length);
      await yieldToEventLoop();
    }
  }
  if (report.length % PROGRESS_EVERY_ROWS !== 0) onValidated?.(report.length);
  return { report, plan, erroredNames, ignoredColumns, keptColumns: kept, unknownValues: unknown.list(), rememberedValues: recalled.list() };
}
