import { eq } from 'drizzle-orm';
import { normalizeLabel } from '../../domain/text.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { importedNotes } from '../../platform/imports/extras.ts';
import { defineRegisterImport, type PlannedRow, type RegisterField, type Resolution, type RowError, type RowReport } from '../../platform/imports/register.ts';
import { optionalText } from '../../platform/validation/fields.ts';
import { departmentChoiceLabel, departmentNamed, listDepartmentChoices } from '../../platform/org/departmentNames.ts';
import { cellText, isNoneCell, quoteCell, readDateCell, readList } from '../../rules/ledgerValues/index.ts';
import { activeEntriesOfOrganization, type EntrySummary } from '../inventory/inventory.exports.ts';
import { type CertificationStatus, certificationStatusLabels, contractorFieldLabels as L } from './contractors.labels.ts';
import { canManageContractor } from './contractors.policy.ts';
import { CONTRACTOR_NOTE_MAX, createContractorBody, updateContractorBody } from './contractors.schema.ts';
import { type ContractorChange, type CreateContractorInput, type UpdateContractorInput, updateContractors } from './contractors.service.ts';
import { contractors } from './contractors.tables.ts';

// 委託先一覧の取込 (J.9.4 4; issue #12/#13) on the one import pipeline (platform/imports): the 委託先
// register an office keeps in Excel — its export's headings or the names contractor lists give
// them — read row by row against the same rules as the form (法人番号 with its check digit, the
// contract period in order), matched to the register by 法人番号, else by 名称.

/** The columns the export writes, in its order, with the other names lists give them (docs/import.md). */
export const contractorImportFields = [
  {
    key: 'name',
    header: L.name,
    required: true,
    synonyms: ['委託先', '委託先名', '委託先名称', '委託先の名称', '会社名', '事業者名', '業者名', '法人名', '商号', '商号又は名称', '受託者', '受託者名'],
  },
  { key: 'corporateNumber', header: L.corporateNumber, synonyms: ['法人番号（13桁）', '法人番号(13桁)'] },
  { key: 'address', header: L.address, synonyms: ['住所', '本店所在地', '所在地・住所', '本社所在地', '事業所所在地'] },
  { key: 'department', header: L.departmentId, synonyms: ['所管部署', '所管課', '担当部署', '担当課', '主管課', '委託元部署', '委託元の所属', '所属', '部署'] },
  { key: 'entrustedWork', header: L.entrustedWork, synonyms: ['委託業務', '委託業務の内容', '委託業務名', '委託内容', '委託の内容', '業務内容', '業務名', '委託する業務の内容'] },
  {
    key: 'entries',
    header: L.entryIds,
    synonyms: ['委託する個人情報', '取り扱う個人情報', '取扱う個人情報', '預託する個人情報', '委託する個人情報の名称', '個人情報の名称', '台帳の項目'],
  },
  { key: 'specificPersonalInfo', header: L.specificPersonalInfo, synonyms: ['特定個人情報', '特定個人情報の取扱い', 'マイナンバーの取扱い', 'マイナンバー'] },
  {
    key: 'privacyMarkStatus',
    header: L.privacyMarkStatus,
    synonyms: ['Pマーク', 'Ｐマーク', 'プライバシーマークの取得', 'プライバシーマーク取得状況', 'Pマーク取得', 'Pマークの有無'],
  },
  { key: 'privacyMarkExpiresOn', header: L.privacyMarkExpiresOn, synonyms: ['Pマーク有効期限', 'Pマークの有効期限', 'プライバシーマーク有効期限', 'Pマーク期限'] },
  { key: 'ismsStatus', header: L.ismsStatus, synonyms: ['ISMS', 'ISMS取得', 'ISMS認証取得', 'ISMS取得状況', 'ISO27001', 'ISO/IEC 27001'] },
  { key: 'ismsExpiresOn', header: L.ismsExpiresOn, synonyms: ['ISMS有効期限', 'ISMSの有効期限', 'ISMS認証有効期限'] },
  { key: 'contactName', header: L.contactName, synonyms: ['担当者', '先方担当者', '窓口担当者', '委託先担当者', '連絡先担当者'] },
  { key: 'contactPhone', header: L.contactPhone, synonyms: ['電話', 'TEL', '連絡先電話番号', '連絡先（電話）'] },
  { key: 'contactEmail', header: L.contactEmail, synonyms: ['メール', 'Eメール', 'E-mail', 'email', '連絡先（メール）'] },
  { key: 'contractStartsOn', header: L.contractStartsOn, synonyms: ['契約開始', '契約期間（開始）', '契約期間(開始)', '委託開始日', '委託期間（開始）', '契約日'] },
  { key: 'contractEndsOn', header: L.contractEndsOn, synonyms: ['契約終了', '契約期間（終了）', '契約期間(終了)', '委託終了日', '委託期間（終了）', '契約満了日', '契約期限'] },
  { key: 'note', header: '備考', synonyms: ['メモ', '補足', '摘要', 'コメント'] },
  // The export's check for people to read (契約書に不足する事項, J.9.4 3): computed from the contract, never read back.
  { key: 'missingClauses', header: '契約書に不足する事項', exportOnly: true },
  // 契約書等 on the 委託先 (issue #13): counted and reckoned from the files and the 台帳, never read back.
  { key: 'documentCount', header: '契約書等の件数', exportOnly: true },
  { key: 'documentRetainUntil', header: '契約書の保存期限', exportOnly: true },
] as const satisfies readonly RegisterField[];

type Key = (typeof contractorImportFields)[number]['key'];
const headerOf = Object.fromEntries(contractorImportFields.map((f) => [f.key, f.header])) as Record<Key, string>;

/** 取得済み・未取得・未確認 as lists write them (○/×, あり/なし, 取得/未取得, 不明 …). */
const statusWords = new Map<string, CertificationStatus>([
  ...(['certified', 'none', 'unknown'] as const).map((s): [string, CertificationStatus] => [normalizeLabel(certificationStatusLabels[s]), s]),
  ...['取得', '取得済', '有', 'あり', '有り', '○', '〇', '◯', 'はい', '認証取得', '認定', '取得している'].map((w): [string, CertificationStatus] => [
    normalizeLabel(w),
    'certified',
  ]),
  ...['無', 'なし', '無し', '×', '✕', 'いいえ', '未', '取得していない', '該当なし'].map((w): [string, CertificationStatus] => [normalizeLabel(w), 'none']),
  ...['不明', '未確認', '確認中', '?', '？'].map((w): [string, CertificationStatus] => [normalizeLabel(w), 'unknown']),
]);

/** 特定個人情報の有無 as written: あり・○・はい … → true; なし・×・いいえ … → false. */
const yesWords = new Set(['あり', '有', '有り', '○', '〇', '◯', 'はい', '取り扱う', '取扱う', '取扱あり'].map(normalizeLabel));
const noWords = new Set(['なし', '無', '無し', '×', '✕', 'いいえ', '取り扱わない', '取扱なし', '－', '-', '―', '該当なし'].map(normalizeLabel));

/** A row to write: the form's input, and 備考 (undefined: the file has no 備考 column, an update keeps it). */
type Planned = { contractorId: string | null; input: CreateContractorInput | UpdateContractorInput; note: string | null | undefined };

/** 備考 as the import stores it. */
const noteSchema = optionalText('備考', CONTRACTOR_NOTE_MAX);
type ContractorRecord = typeof contractors.$inferSelect;

/** A text cell as typed (blank → null; a "none" placeholder is kept for fields where 「なし」 is not a value). */
const plain = (cell: CellOutput | undefined): string | null => {
  if (cell === undefined || cell === null) return null;
  const text = cellText(cell);
  return text === '' ? null : text;
};
/** A free-text cell: blank and なし・－ are absent (issue #12). */
const text = (cell: CellOutput | undefined): string | null => (cell === undefined || isNoneCell(cell) ? null : cellText(cell));

/** 台帳の項目 by name: the one entry of that name, or the one of the 委託先's 所属 when several share it. */
function entryNamed(name: string, all: readonly EntrySummary[], departmentId: string | null): Resolution {
  const wanted = normalizeLabel(name);
  const named = all.filter((e) => normalizeLabel(e.name) === wanted);
  if (named.length === 1 && named[0]) return { target: named[0].id };
  const own = named.filter((e) => e.departmentId === departmentId);
  if (own.length === 1 && own[0]) return { target: own[0].id };
  if (named.length > 1) return { error: `台帳に「${quoteCell(name)}」という名称の項目が${named.length}件あります。所管の所属を入力するか、台帳の項目に対応付けてください` };
  return null;
}

/**
 * 委託先一覧の取込 (register `contractors`). `plan` reads each row as the form does (the same zod
 * schemas), refuses what a 所属長 may not register, and matches the register by 法人番号, else by
 * 名称; `write` goes through the form's service functions (one row per 法人番号, the 再委託 start
 * check of 特記事項 第6条第2項 included).
 */
export const contractorsImport = defineRegisterImport<Key, Planned>({
  register: 'contractors',
  label: '委託先一覧',
  permission: 'contractors.manage',
  departmentField: 'department',
  auditEntity: 'contractors',
  keyLabel: headerOf.corporateNumber,
  nameLabel: headerOf.name,
  fields: contractorImportFields,
  // 取込時の追加情報 (issue #12): a list's other columns (管理番号, 評価 …) are kept on the 委託先.
  extras: {},

  async choices(tx, organizationId) {
    const [departments, entries] = await Promise.all([listDepartmentChoices(tx, organizationId), activeEntriesOfOrganization(tx, organizationId)]);
    const departmentName = new Map(departments.map((d) => [d.id, d.name]));
    return {
      department: departments.map((d) => ({ value: d.id, label: departmentChoiceLabel(d) })),
      entries: entries.map((e) => ({ value: e.id, label: `${e.name}（${departmentName.get(e.departmentId) ?? ''}）` })),
    };
  },

  async plan(tx, actor, context) {
    const [departments, entries, existing] = await Promise.all([
      listDepartmentChoices(tx, actor.organizationId),
      activeEntriesOfOrganization(tx, actor.organizationId),
      tx.select().from(contractors).where(eq(contractors.organizationId, actor.organizationId)),
    ]);
    const byNumber = new Map(existing.filter((c) => c.corporateNumber).map((c) => [c.corporateNumber as string, c]));
    const byName = new Map<string, ContractorRecord[]>();
    for (const c of existing) byName.set(normalizeLabel(c.name), [...(byName.get(normalizeLabel(c.name)) ?? []), c]);
    const isDepartment = (id: string) => departments.some((d) => d.id === id);
    const isEntry = (id: string) => entries.some((e) => e.id === id);
    const seenNumbers = new Map<string, number>();
    const seenNames = new Map<string, number>();
    const rows: RowReport[] = [];
    const plan: PlannedRow<Planned>[] = [];

    for (const { rowNumber, cells } of context.sheet.rows) {
      const row = cells as Partial<Record<Key, CellOutput>>;
      const errors: RowError[] = [];
      const fail = (key: Key, message: string) => errors.push({ field: context.header(key), message });
      const candidate: Record<string, unknown> = {};

      const name = text(row.name);
      candidate.name = name;
      const numberText = context.has('corporateNumber') ? plain(row.corporateNumber) : undefined;
      if (numberText !== undefined) candidate.corporateNumber = numberText !== null && isNoneCell(numberText) ? null : numberText;

      // The register's row: by 法人番号 (as the form reads it, 全角 digits included), else by 名称 when that names one 委託先.
      const number =
        typeof candidate.corporateNumber === 'string' ? candidate.corporateNumber.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim() : null;
      let match: ContractorRecord | undefined = number ? byNumber.get(number) : undefined;
      if (!match && name) {
        const named = byName.get(normalizeLabel(name)) ?? [];
        if (named.length === 1 && (!number || !named[0]?.corporateNumber)) match = named[0];
        else if (named.length > 1 && !number) fail('name', `名称「${quoteCell(name)}」の委託先が${named.length}件あります。法人番号の列で区別してください`);
      }
      if (number) {
        if (seenNumbers.has(number)) fail('corporateNumber', `法人番号「${number}」がファイル内で重複しています（${seenNumbers.get(number)}行目と同じ）`);
        else seenNumbers.set(number, rowNumber);
      } else if (name) {
        const key = normalizeLabel(name);
        if (seenNames.has(key)) fail('name', `名称「${quoteCell(name)}」がファイル内で重複しています（${seenNames.get(key)}行目と同じ）。法人番号の列で区別してください`);
        else seenNames.set(key, rowNumber);
      }

      for (const key of ['address', 'entrustedWork', 'contactName', 'contactPhone', 'contactEmail'] as const) if (context.has(key)) candidate[key] = text(row[key]);
      for (const key of ['privacyMarkExpiresOn', 'ismsExpiresOn', 'contractStartsOn', 'contractEndsOn'] as const) {
        if (!context.has(key)) continue;
        const read = readDateCell(row[key] ?? null, context.header(key));
        if (read === null) candidate[key] = null;
        else if ('date' in read) candidate[key] = read.date;
        else if ('error' in read) fail(key, read.error);
        else fail(key, `${context.header(key)}「${quoteCell(read.text)}」を日付として読めません。2027/3/31、令和9年3月31日 のように入力してください`);
      }
      for (const key of ['privacyMarkStatus', 'ismsStatus'] as const) {
        if (!context.has(key)) continue;
        const written = plain(row[key]);
        if (written === null) candidate[key] = match ? match[key] : 'unknown';
        else {
          const status = statusWords.get(normalizeLabel(written));
          if (status) candidate[key] = status;
          else fail(key, `${context.header(key)}「${quoteCell(written)}」は使えません。取得済み・未取得・未確認のいずれか（○・×も可）を入力してください`);
        }
      }
      if (context.has('specificPersonalInfo')) {
        const written = plain(row.specificPersonalInfo);
        if (written === null || noWords.has(normalizeLabel(written))) candidate.specificPersonalInfo = false;
        else if (yesWords.has(normalizeLabel(written))) candidate.specificPersonalInfo = true;
        else fail('specificPersonalInfo', `${context.header('specificPersonalInfo')}「${quoteCell(written)}」は使えません。「あり」か「なし」（○・×も可）を入力してください`);
      }

      let departmentId: string | null = match?.departmentId ?? actor.departmentId;
      if (context.has('department')) {
        const written = text(row.department);
        departmentId = null;
        if (written) {
          const resolved = context.reference('department', written, rowNumber, {
            resolve: (t) => departmentNamed(t, departments, context.header('department')),
            valid: isDepartment,
            notFound: (t) => `${context.header('department')}「${quoteCell(t)}」が見つかりません。所属の名称または所属コードを入力するか、既存の所属に対応付けてください`,
          });
          if ('target' in resolved) departmentId = resolved.target;
          else fail('department', resolved.error);
        }
        candidate.departmentId = departmentId;
      }
      if (context.has('entries')) {
        const ids: string[] = [];
        for (const entryName of readList(row.entries ?? null, 'names')) {
          const resolved = context.reference('entries', entryName, rowNumber, {
            resolve: (t) => entryNamed(t, entries, departmentId),
            valid: isEntry,
            notFound: (t) => `台帳に「${quoteCell(t)}」という名称の項目がありません。台帳の項目の名称を入力するか、台帳の項目に対応付けてください`,
          });
          if ('target' in resolved) {
            if (!ids.includes(resolved.target)) ids.push(resolved.target);
          } else fail('entries', resolved.error);
        }
        candidate.entryIds = ids;
      }
      // A 所属長 imports only their own department's 委託先 (contractors.policy.ts), as on the form.
      if ((match && !canManageContractor(actor, match)) || !canManageContractor(actor, { departmentId: match ? departmentId : (departmentId ?? actor.departmentId) }))
        fail(
          'department',
          `${departments.find((d) => d.id === (match ? departmentId : (departmentId ?? actor.departmentId)))?.name ?? '所属のない'}の委託先を登録・変更する権限がありません（所属長は自分の所属の委託先だけを取り込めます）`,
        );

      // The form's own rules; a column the file lacks keeps the stored value on update.
      const parsed = match ? updateContractorBody.safeParse(candidate) : createContractorBody.safeParse(candidate);
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const key = issue.path[0] === 'departmentId' ? 'department' : issue.path[0] === 'entryIds' ? 'entries' : (issue.path[0] as Key | undefined);
          const field = key && key in headerOf ? context.header(key) : '行';
          if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
        }
      if (match && parsed.success) {
        const starts = (parsed.data as UpdateContractorInput).contractStartsOn ?? match.contractStartsOn;
        const ends = (parsed.data as UpdateContractorInput).contractEndsOn ?? match.contractEndsOn;
        if (starts && ends && ends < starts) fail('contractEndsOn', `${L.contractEndsOn}が${L.contractStartsOn}より前になっています`);
      }
      const note = context.has('note') ? noteSchema.safeParse(text(row.note)) : undefined;
      if (note && !note.success) fail('note', note.error.issues[0]?.message ?? '備考を確認してください');
      const ok = parsed.success && errors.length === 0;
      rows.push({ row: rowNumber, key: number, name: name ? quoteCell(name) : null, action: ok ? (match ? 'update' : 'create') : 'error', errors });
      if (ok) plan.push({ row: rowNumber, action: match ? 'update' : 'create', value: { contractorId: match?.id ?? null, input: parsed.data, note: note?.data } });
      await context.checked();
    }
    return { rows, plan };
  },

  async write(tx, actor, batch, context) {
    // Changes by one UPDATE per batch through the form's rules (the 再委託 start check of 特記事項
    // 第6条第2項 included); new 委託先 by one multi-row INSERT per batch (issue #12 Scale) — `plan`
    // has made the form's checks: the 所属 and 台帳 entries from the organization's lists, the 法人番号
    // free (a known one updates), what a 所属長 may register.
    const created = [];
    const changes: ContractorChange[] = [];
    for (const p of batch) {
      const kept = importedNotes(p.value.note, p.extras);
      if (p.value.contractorId) changes.push({ id: p.value.contractorId, input: p.value.input as UpdateContractorInput, imported: kept });
      else {
        const input = p.value.input as CreateContractorInput;
        created.push({
          ...input,
          departmentId: input.departmentId ?? actor.departmentId,
          organizationId: actor.organizationId,
          ...kept,
          createdAt: context.now,
          updatedAt: context.now,
        });
      }
    }
    await updateContractors(tx, actor, changes, context.now);
    if (created.length > 0) await tx.insert(contractors).values(created);
  },
});
