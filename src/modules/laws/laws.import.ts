import { eq } from 'drizzle-orm';
import { normalizeLabel } from '../../domain/text.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { importedNotes } from '../../platform/imports/extras.ts';
import { defineRegisterImport, type PlannedRow, type RowError, type RowReport } from '../../platform/imports/register.ts';
import { type LawHeadingKey, lawHeadings } from '../../rules/ledgerImport/index.ts';
import { cellText, isNoneCell, quoteCell, readDateCell } from '../../rules/ledgerValues/index.ts';
import { type LawKind, type LawStatus, lawKindLabels, lawKinds, lawStatusLabels, lawStatuses } from './laws.labels.ts';
import { type LawInput, lawBody } from './laws.schema.ts';
import { type LawChange, updateLaws } from './laws.service.ts';
import { laws } from './laws.tables.ts';

// 法令規範一覧の取込 (SPEC §3 Imports) on the one import pipeline (platform/imports, issue #12): an
// .xlsx or CSV with the export's headings or the names consultant templates give them
// (src/rules/ledgerImport/lawHeadings.ts), dates as ledgers write them (和暦・シリアル値), なし/－ as
// absent. A row whose 名称 matches an entry updates it (unchanged content keeps its approval); other
// rows are new, 未承認 entries.

/** The columns the import reads (承認 and 最終見直し日 are written by the export for people, never read). */
type ReadKey = Exclude<LawHeadingKey, 'approval' | 'lastReviewedOn'>;
const notRead: readonly LawHeadingKey[] = ['approval', 'lastReviewedOn'];

const headerOf = Object.fromEntries(lawHeadings.map((h) => [h.key, h.label])) as Record<LawHeadingKey, string>;

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

type PlannedLaw = { lawId: string | null; input: LawInput };

/**
 * 法令規範一覧の取込 (register `laws`). `plan` checks every row against the same rules as the form
 * (`lawBody`) and decides per row whether it adds an entry or updates the one with the same 名称
 * (全角半角・空白を問わない; a column the file lacks keeps the stored value, an empty cell clears
 * it). `write` goes through the form's functions: a changed entry becomes 未承認 again (J.1.3 a).
 */
export const lawsImport = defineRegisterImport<LawHeadingKey, PlannedLaw>({
  register: 'laws',
  label: '法令規範一覧',
  permission: 'laws.manage',
  auditEntity: 'laws',
  keyLabel: headerOf.kind,
  nameLabel: headerOf.name,
  fields: lawHeadings.map((h) => ({ key: h.key, header: h.label, synonyms: h.synonyms, required: h.key === 'name', exportOnly: notRead.includes(h.key) })),
  // 取込時の追加情報 (issue #12): a list's other columns (関係法令の条項, 担当 …) are kept on the entry; 備考 is its own field.
  extras: {},

  async plan(tx, actor, context) {
    const existing = await tx.select().from(laws).where(eq(laws.organizationId, actor.organizationId));
    const byName = new Map(existing.map((l) => [normalizeLabel(l.name), l]));
    const firstRowOfName = new Map<string, number>();
    const rows: RowReport[] = [];
    const plan: PlannedRow<PlannedLaw>[] = [];
    const has = (key: ReadKey) => context.has(key);

    for (const { rowNumber, cells } of context.sheet.rows) {
      const row = cells as Partial<Record<ReadKey, CellOutput>>;
      const errors: RowError[] = [];
      const name = row.name === undefined || row.name === null ? null : cellText(row.name) || null;
      const nameKey = name ? normalizeLabel(name) : null;
      if (nameKey && firstRowOfName.has(nameKey))
        errors.push({ field: headerOf.name, message: `名称「${quoteCell(name ?? '')}」がファイル内で重複しています（${firstRowOfName.get(nameKey)}行目と同じ）` });
      else if (nameKey) firstRowOfName.set(nameKey, rowNumber);
      const match = nameKey ? byName.get(nameKey) : undefined;

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
          errors.push({
            field: headerOf.kind,
            message: `種別「${quoteCell(written)}」は使えません。${lawKinds.map((k) => lawKindLabels[k]).join('・')}のいずれかを入力してください`,
          });
      }
      let status: string = match?.status ?? 'active';
      if (has('status')) {
        const written = textOf(row.status);
        const read = written ? statusByWord.get(normalizeLabel(written)) : 'active';
        if (read) status = read;
        else errors.push({ field: headerOf.status, message: `状態「${quoteCell(written ?? '')}」は使えません。有効・廃止のいずれかを入力してください` });
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
      rows.push({
        row: rowNumber,
        key: kind && (lawKinds as readonly string[]).includes(kind) ? lawKindLabels[kind as LawKind] : null,
        name: name ? quoteCell(name) : name,
        action: ok ? (match ? 'update' : 'create') : 'error',
        errors,
      });
      if (ok) plan.push({ row: rowNumber, action: match ? 'update' : 'create', value: { lawId: match?.id ?? null, input: parsed.data } });
      await context.checked();
    }
    return { rows, plan };
  },

  async write(tx, actor, batch, context) {
    // Changes by one UPDATE per batch through the form's rule (a changed entry becomes 未承認 again,
    // J.1.3 a; 取込時の追加情報 is not content and keeps the approval); new entries by one multi-row
    // INSERT per batch (issue #12 Scale), 未承認 as the form's.
    const created = [];
    const changes: LawChange[] = [];
    for (const p of batch) {
      const kept = importedNotes(undefined, p.extras);
      if (p.value.lawId) changes.push({ id: p.value.lawId, input: p.value.input, importExtras: kept.importExtras });
      else created.push({ organizationId: actor.organizationId, ...p.value.input, ...kept, createdAt: context.now, updatedAt: context.now });
    }
    await updateLaws(tx, actor, changes, context.now);
    if (created.length > 0) await tx.insert(laws).values(created);
  },
});
