import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { type NoticeVersionSummary, publishedNoticeVersions } from '../notices/notices.api.ts';
import type { PlanContext, PlannedRow, Resolution, RowError, RowReport } from '../../platform/imports/register.ts';
import { normalizeLabel } from '../../domain/text.ts';
import { type AcquisitionMethod, acquisitionMethods, type StorageMedium, storageMedia, storageMediumLabels } from '../../rules/data/inventoryClauses.ts';
import { cellText, mediumWithin, quoteCell, readList, readText } from '../../rules/ledgerValues/index.ts';
import { entryFindings } from './inventory.content.shared.ts';
import { type ImportField, importFieldKeys } from './inventory.import.schema.ts';
import { type EntryContent, type EntryContentInput, entryContentSchema } from './inventory.schema.ts';
import { inventoryEntries } from './inventory.tables.ts';
import { entryKey } from './plan-risk-import.ts';
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

// 台帳の取込, step 3: the plan — every row turned into a 台帳 entry and checked the way a 申請書
// is, with each error named by the column of the user's file. Reads only.

/** The 台帳's reference fields whose values the value mapping step maps (issue #12). */
export type LedgerReferenceField = 'department' | 'storageMedia' | 'acquisitionMethods';

/** An entry the import will create: its content (checked as a 申請書 is). */
export type PlannedEntry = { content: EntryContent };

/** API field path → the 台帳 field whose column the user sees (errors name the column of their file). */
function fieldForPath(path: string): ImportField | undefined {
  const root = path.split('.')[0] ?? '';
  return root === 'storageMethod'
    ? path.endsWith('media')
      ? 'storageMedia'
      : 'storageDescription'
    : root === 'accessHolderIds'
      ? 'accessHolders'
      : root === 'departmentId'
        ? 'department'
        : (importFieldKeys as readonly string[]).includes(root)
          ? (root as ImportField)
          : undefined;
}

type Lookups = {
  departments: { id: string; name: string; code: string | null }[];
  noticeVersions: NoticeVersionSummary[];
  people: { id: string; name: string; employeeNumber: string | null; leftOn: string | null }[];
  existing: Set<string>;
};

/** A 所管部署 as written: the 所属 of that name, else of that code; two of that name is a refusal; none, null (then mapped or remembered). */
function resolveDepartment(text: string, all: Lookups['departments']): Resolution {
  const wanted = normalizeLabel(text);
  const byName = all.filter((d) => normalizeLabel(d.name) === wanted);
  if (byName.length === 1 && byName[0]) return { target: byName[0].id };
  if (byName.length > 1) return { error: `所管部署「${text}」は同じ名前が複数あります。所属コードで指定してください` };
  const byCode = all.filter((d) => d.code && normalizeLabel(d.code) === wanted);
  if (byCode.length === 1 && byCode[0]) return { target: byCode[0].id };
  return null;
}

type Person = Lookups['people'][number];

/**
 * The organization's people by their name and by their 従業者番号, each normalized once: a 10,000-row
 * 台帳 of an organization of thousands was normalizing every person's name for every row (issue #12 Scale).
 */
function peopleIndex(all: Lookups['people']): (wanted: string) => Person[] {
  const byLabel = new Map<string, Person[]>();
  const add = (label: string, person: Person) => {
    const hits = byLabel.get(label);
    if (!hits) byLabel.set(label, [person]);
    else if (!hits.includes(person)) hits.push(person);
  };
  for (const person of all) {
    add(normalizeLabel(person.name), person);
    if (person.employeeNumber !== null) add(normalizeLabel(person.employeeNumber), person);
  }
  return (wanted) => byLabel.get(wanted) ?? [];
}

function resolvePeople(text: string, named: (wanted: string) => Person[], today: string): { ids: string[] } | { error: string } {
  const ids: string[] = [];
  for (const token of splitList(text)) {
    const wanted = normalizeLabel(token);
    const hits = named(wanted);
    if (hits.length === 0)
      return {
        error: `アクセス権を有する者「${token}」はこの組織の従業者に見つかりません。従業者の氏名か従業者番号で入力してください（部署単位の記載は「アクセス権を有する者（補足）」の列へ）`,
      };
    if (hits.length > 1) return { error: `アクセス権を有する者「${token}」に同じ氏名の従業者が複数います。従業者番号で指定してください` };
    const person = hits[0] as Person;
    if (person.leftOn && person.leftOn <= today) return { error: `「${person.name}」は退職済みのため、アクセス権を有する者に指定できません（J.9.2 c) 7) ③）` };
    if (!ids.includes(person.id)) ids.push(person.id);
  }
  return { ids };
}

/** Stands in for a 所管部署 that did not resolve, so the other checks of the row still run. */
const UNRESOLVED = '00000000-0000-4000-8000-000000000000';

/**
 * Turns every row into a 台帳 entry and checks it the way a 申請書 is checked: the shapes
 * (entryContentSchema), the references (所管部署, アクセス権を有する者), the rules (J.3.1.1 3 items,
 * J.8.3 …), and duplicates (the same name in the same department, in the file or already in the
 * 台帳). 所管部署・保管媒体・取得方法 the 台帳 does not know are read through the platform's value
 * mapping (mapped in this run, else remembered, else listed once to be mapped). Reads only. `carry`
 * is the names of the rows that cannot be imported (the リスク分析 sheet names them in its errors).
 */
export async function planImport(
  tx: Tx,
  organizationId: string,
  context: PlanContext<ImportField>,
): Promise<{ rows: RowReport[]; plan: PlannedRow<PlannedEntry>[]; carry: Set<string> }> {
  const today = context.today;
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
  const names = { departmentName: null, people: new Map(lookups.people.map((p) => [p.id, p.name])) };
  const peopleNamed = peopleIndex(lookups.people);
  const firstRowOf = new Map<string, number>();
  const report: RowReport[] = [];
  const plan: PlannedRow<PlannedEntry>[] = [];
  /** The names of the rows that cannot be imported, whole (the report quotes them shortened). */
  const erroredNames = new Set<string>();
  const columnOf = (field: ImportField) => context.header(field);
  const departmentIds = new Set(lookups.departments.map((d) => d.id));
  const isMedium = (t: string) => (storageMedia as readonly string[]).includes(t);
  const isMethod = (t: string) => (acquisitionMethods as readonly string[]).includes(t);

  for (const { rowNumber, cells } of context.sheet.rows) {
    const errors: RowError[] = [];
    const fail = (field: ImportField, message: string) => {
      const column = columnOf(field);
      if (!errors.some((e) => e.field === column)) errors.push({ field: column, message });
    };
    const raw = (field: ImportField): CellOutput => cells[field] ?? null;
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
      const resolved = context.reference('department', departmentText, rowNumber, {
        resolve: (written) => resolveDepartment(written, lookups.departments),
        valid: (id) => departmentIds.has(id),
        notFound: (written) => `所管部署「${written}」が見つかりません。所属の名称または所属コードを入力するか、既存の所属に対応付けてください`,
      });
      if ('target' in resolved) input.departmentId = resolved.target;
      else fail('department', resolved.error);
    } else fail('department', '所管部署を入力してください');
    const holders = text('accessHolders');
    if (holders) {
      const resolved = resolvePeople(holders, peopleNamed, today);
      if ('ids' in resolved) input.accessHolderIds = resolved.ids;
      else fail('accessHolders', resolved.error);
    }
    const warnings: RowError[] = [];
    const mediaCell = raw('storageMedia');
    const parsedMedia = parseMedia(mediaCell);
    // A 媒体 the 台帳 does not read (「金庫」) is mapped or remembered like any reference value.
    const mediaRead =
      parsedMedia !== null && typeof parsedMedia === 'object'
        ? context.reference('storageMedia', cellText(mediaCell), rowNumber, { resolve: () => null, valid: isMedium, notFound: () => parsedMedia.error })
        : { target: parsedMedia };
    if ('error' in mediaRead) fail('storageMedia', mediaRead.error);
    else if (input.storageMethod) {
      const media = mediaRead.target as StorageMedium | null;
      input.storageMethod.media = media;
      // Ledgers without a medium column write 紙/電子 inside 保管方法 (「紙媒体で施錠保管」): read it
      // as the medium, and say so — the row's 保管方法 text itself is kept as written.
      const within = media === null ? mediumWithin(input.storageMethod.description ?? null) : null;
      if (within) {
        input.storageMethod.media = within;
        warnings.push({
          field: columnOf('storageDescription'),
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
    // A 取得方法 the 台帳 does not read (「HP」) is mapped or remembered like any reference value, token by token.
    const methods = parseMethods(text('acquisitionMethods'), (token) => {
      const read = context.reference('acquisitionMethods', token, rowNumber, { resolve: () => null, valid: isMethod, notFound: () => '' });
      return 'target' in read ? (read.target as AcquisitionMethod) : undefined;
    });
    if ('error' in methods) fail('acquisitionMethods', methods.error);
    else input.acquisitionMethods = methods.methods;
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
        const field = fieldForPath(issue.path.join('.'));
        const column = field ? columnOf(field) : '行';
        if (!errors.some((e) => e.field === column)) errors.push({ field: column, message: issue.message });
      }
    } else {
      content = parsed.data;
      for (const finding of entryFindings(content, names)) {
        const field = fieldForPath(finding.path);
        const column = field ? columnOf(field) : '行';
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
      key: departmentText ? quoteCell(departmentText) : null,
      name: input.name ? quoteCell(input.name) : null,
      action: ok ? 'create' : 'error',
      errors,
      warnings,
    });
    if (ok && content) plan.push({ row: rowNumber, action: 'create', value: { content } });
    await context.checked();
  }
  return { rows: report, plan, carry: erroredNames };
}
