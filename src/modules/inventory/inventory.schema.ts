import { z } from 'zod';
import {
  acquisitionMethods,
  exemptionClauseLists,
  exemptionClauses,
  processedKinds,
  sensitiveExceptionLetters,
  specialCategoryIds,
  storageMedia,
} from '../../rules/inventoryRules.ts';
import { recordStatuses } from '../../platform/reviews/reviews.schema.ts';
import { countField, enumField, idField, optionalDate, optionalId, optionalText, pageQuery, requiredText } from '../../platform/validation/fields.ts';

/**
 * Zod schemas of the 個人情報管理台帳 API (SPEC M1). Shared by the server and the web forms, so a
 * field error reads the same in both places and always names the field in Japanese.
 *
 * The schemas check *shapes*. Whether an entry is complete (the eight items of J.3.1.1 3) and
 * whether its 要配慮 acquisition is justified (J.8.3) is the rule engine's job
 * (`validateInventoryEntry` in src/rules/inventoryRules.ts), so a draft can be saved half-filled
 * and the refusal at submission cites the clause.
 */

/** A list of short texts: blanks are dropped, duplicates kept as typed. */
const textList = (label: string, options: { max?: number; maxItems?: number } = {}) =>
  z
    .array(
      z
        .string({ error: `${label}は文字列で入力してください` })
        .trim()
        .max(options.max ?? 200, { error: (issue) => `${label}は1件${options.max ?? 200}文字以内で入力してください（${String(issue.input).length}文字入力されています）` }),
      { error: `${label}は一覧で入力してください` },
    )
    .max(options.maxItems ?? 200, { error: `${label}は${options.maxItems ?? 200}件以内で入力してください` })
    .default([])
    .transform((values) => values.filter((value) => value !== ''));

const flag = (label: string) => z.boolean({ error: `${label}は「はい」か「いいえ」で指定してください` }).default(false);

/** 利用期限・保管期限: a date, a description (「契約終了後5年」), or both. */
const term = (label: string) =>
  z
    .object(
      {
        date: optionalDate(`${label}（日付）`),
        description: optionalText(`${label}（説明）`, 200),
      },
      { error: `${label}の形式が正しくありません` },
    )
    .default({ date: null, description: null });

/** J.8.3: the ground of a 要配慮 acquisition — written consent, or one lettered exception with its reason. */
export const sensitiveBasisSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('written_consent'),
      noticeRef: optionalText('同意を得た文面', 200),
    }),
    z.object({
      kind: z.literal('exception'),
      letter: enumField('J.8.3 2 の例外（a〜k）', sensitiveExceptionLetters),
      reason: optionalText('例外に当たる理由', 2000),
    }),
  ],
  { error: '要配慮個人情報の取得根拠は「書面による同意」か「J.8.3 2 の例外」を選んでください' },
);

/** A recorded exception to a notice / consent / confirmation duty (J.8.4, J.8.5, J.8.7, J.8.8, J.8.8.3). */
export const exemptionSchema = z.object({
  clause: enumField('例外の条項', exemptionClauses),
  letter: requiredText('例外の号', 20),
  subItem: z.enum(['1', '2', '3', '4'], { error: 'J.8.4 d) の限定（1〜4）の値が正しくありません' }).nullish(),
  reason: optionalText('例外に当たる理由', 2000),
});

/**
 * The content of one 台帳 entry (個人情報管理台帳の1行): every item J.3.1.1 3 names, the
 * classification fields of SPEC M1, and the 所管部署. アクセス権を有する者 are people of the
 * organization (`accessHolderIds`), with an optional note for groups (「営業部員全員」).
 */
export const entryContentSchema = z
  .object({
    name: requiredText('個人情報の名称', 200),
    departmentId: idField('所管部署'),
    items: textList('個人情報の項目'),
    purpose: optionalText('利用目的', 2000),
    storageLocation: optionalText('保管場所', 500),
    storageMethod: z
      .object(
        {
          media: enumField('保管媒体（紙・電子）', storageMedia)
            .nullish()
            .transform((v) => v ?? null),
          description: optionalText('保管方法', 1000),
        },
        { error: '保管方法の形式が正しくありません' },
      )
      .default({ media: null, description: null }),
    accessHolderIds: z
      .array(idField('アクセス権を有する者'), { error: 'アクセス権を有する者は一覧で指定してください' })
      .max(500, { error: 'アクセス権を有する者は500人以内で指定してください' })
      .default([])
      .transform((ids) => [...new Set(ids)]),
    accessHolderNote: optionalText('アクセス権を有する者（補足）', 500),
    useUntil: term('利用期限'),
    retainUntil: term('保管期限'),
    recordCount: z
      .object(
        {
          // A 概数 (約500件) is read by the form into the number and `approximate`; text that does not read is refused.
          value: countField('件数', { approximate: true }),
          approximate: z.boolean({ error: '概数の指定が正しくありません' }).default(false),
        },
        { error: '件数の形式が正しくありません' },
      )
      .nullish()
      .transform((v) => v ?? null),
    acquisitionMethods: z
      .array(enumField('取得方法', acquisitionMethods), { error: '取得方法は一覧で指定してください' })
      .default([])
      .transform((v) => [...new Set(v)]),
    sensitive: flag('要配慮個人情報'),
    sensitiveBasis: sensitiveBasisSchema.nullish().transform((v) => v ?? null),
    specialCategories: z
      .array(enumField('特に配慮を要する記述の分類', specialCategoryIds), { error: '特に配慮を要する記述の分類は一覧で指定してください' })
      .default([])
      .transform((v) => [...new Set(v)]),
    myNumber: flag('特定個人情報'),
    retainedPersonalData: flag('保有個人データ'),
    processedKind: enumField('加工の種類', processedKinds).default('none'),
    entrustedTo: textList('委託先'),
    thirdPartyProvision: flag('第三者提供'),
    thirdPartyDetails: optionalText('第三者提供の内容（提供先・項目・方法）', 2000),
    jointUseDetails: optionalText('共同利用の内容（共同利用者の範囲・項目・責任者）', 2000),
    overseasCountries: textList('提供先の外国'),
    overseasBasis: z
      .enum(['a', 'b', 'c'], { error: '外国にある第三者への提供の根拠は a・b・c のいずれかです' })
      .nullish()
      .transform((v) => v ?? null),
    contactsPersons: flag('本人への連絡・接触'),
    disposalMethod: optionalText('廃棄方法', 500),
    disposedAt: optionalDate('廃棄日'),
    noticeRefs: textList('通知・同意の文面'),
    /** 通知文の版 the entry relies on (M6 notices; J.8.5 取得時の必要通知事項), beside the free-text 通知・同意の文面. */
    noticeVersionIds: z
      .array(idField('通知文の版'), { error: '通知文の版は一覧で指定してください' })
      .max(50, { error: '通知文の版は50件以内で指定してください' })
      .default([])
      .transform((ids) => [...new Set(ids)]),
    exemptions: z.array(exemptionSchema, { error: '例外の記録は一覧で指定してください' }).max(50, { error: '例外の記録は50件以内にしてください' }).default([]),
  })
  .superRefine((entry, ctx) => {
    for (const [index, exemption] of entry.exemptions.entries()) {
      const list = exemptionClauseLists[exemption.clause];
      if (!list.some((item) => item.letter === exemption.letter)) {
        ctx.addIssue({
          code: 'custom',
          path: ['exemptions', index, 'letter'],
          message: `例外の号は ${exemption.clause} の ${list.map((item) => item.letter).join('・')} のいずれかで入力してください（入力値: ${exemption.letter}）`,
        });
      }
    }
  });

/** The stored content of an entry (what `inventory_entries.data` holds). */
export type EntryContent = z.output<typeof entryContentSchema>;
/** What a form sends. */
export type EntryContentInput = z.input<typeof entryContentSchema>;

export const requestKinds = ['acquisition', 'change'] as const;
export type RequestKind = (typeof requestKinds)[number];
export const requestKindLabels: Readonly<Record<RequestKind, string>> = Object.freeze({
  acquisition: '新規個人情報取得申請書',
  change: '個人情報取扱変更等申請書',
});

/**
 * 新規個人情報取得申請書 (J.3.1.1 c), J.8.5) / 個人情報取扱変更等申請書 (J.3.1.1 d), J.8.6): the
 * proposed entry, the reason, and for a new acquisition the draft of the notice given to the
 * person (取得時の必要通知事項の文案, J.8.5 留意事項). `submit: false` keeps a draft.
 */
export const requestBody = z
  .object({
    kind: enumField('申請の種類', requestKinds),
    entryId: optionalId('変更する台帳の項目'),
    proposed: entryContentSchema,
    reason: requiredText('申請の理由', 2000),
    noticeDraft: optionalText('取得時の必要通知事項（文案）', 20_000),
    reviewId: optionalId('見直し'),
    submit: z.boolean({ error: '申請するかどうかの指定が正しくありません' }).default(true),
  })
  .refine((v) => v.kind !== 'change' || v.entryId !== null, { error: '変更する台帳の項目を指定してください', path: ['entryId'] });
export type RequestBody = z.output<typeof requestBody>;

/** Editing a draft or returned request (the kind and target stay). */
export const requestUpdateBody = z.object({
  proposed: entryContentSchema,
  reason: requiredText('申請の理由', 2000),
  noticeDraft: optionalText('取得時の必要通知事項（文案）', 20_000),
  submit: z.boolean({ error: '申請するかどうかの指定が正しくありません' }).default(false),
});

export const requestsQuery = z.object({
  status: z.enum(recordStatuses, { error: '状態の値が正しくありません' }).optional(),
  kind: enumField('申請の種類', requestKinds).optional(),
  entryId: optionalId('台帳の項目'),
  mine: z.enum(['0', '1'], { error: 'mine は 0 か 1 で指定してください' }).optional(),
});

/** Flags the list filters on (SPEC M1 classification), as query values. */
export const entryFlags = ['sensitive', 'myNumber', 'retainedPersonalData', 'entrusted', 'thirdPartyProvision', 'overseas', 'processed', 'disposalDue'] as const;
export type EntryFlag = (typeof entryFlags)[number];

/** How an entry version came to be (台帳の履歴). */
export const historyKinds = ['created', 'changed', 'imported', 'disposed'] as const;
export type HistoryKind = (typeof historyKinds)[number];

/** The states of an entry: kept, or disposed of (廃棄日 recorded). */
export const entryStatuses = ['active', 'disposed'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

export const riskStatusCodes = ['unanalysed', 'in_progress', 'approved', 'needs_review'] as const;
export type RiskStatusCode = (typeof riskStatusCodes)[number];

const flagList = z
  .string({ error: '絞り込み条件は文字列で指定してください' })
  .max(200)
  .optional()
  .transform((v, ctx) => {
    const values = (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const value of values) {
      if (!(entryFlags as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message: `絞り込み条件「${value}」は使えません（${entryFlags.join('・')}）` });
        return z.NEVER;
      }
    }
    return values as EntryFlag[];
  });

/** 台帳一覧の検索・絞り込み (SPEC M1: department, flags, Japanese text). */
export const entriesQuery = pageQuery.extend({
  q: z.string({ error: '検索語は文字列で指定してください' }).trim().max(100, { error: '検索語は100文字以内で指定してください' }).optional(),
  departmentId: optionalId('所属'),
  flags: flagList,
  media: enumField('保管媒体', storageMedia).optional(),
  riskStatus: enumField('リスク分析の状態', riskStatusCodes).optional(),
  status: z.enum(['active', 'disposed', 'all'], { error: '状態の値が正しくありません' }).default('active'),
  sort: z.enum(['name', 'updated', 'department'], { error: '並び順の値が正しくありません' }).default('name'),
});
export type EntriesQuery = z.output<typeof entriesQuery>;
/** The filters without paging (exports use the same filters as the list). */
export const entriesFilterQuery = entriesQuery.omit({ page: true, pageSize: true });

export const idParams = z.object({ id: idField('ID') });
