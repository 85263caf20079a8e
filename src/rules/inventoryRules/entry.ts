/**
 * The inventory entry as the rule engine sees it (個人情報管理台帳の1行, SPEC M1): its zod schema
 * and the small "is it filled in?" helpers the checks share. Re-exported by `../inventoryRules.ts`.
 */
import { z } from 'zod';
import {
  acquisitionMethods,
  exemptionClauseLists,
  exemptionClauses,
  processedKinds,
  sensitiveExceptionLetters,
  specialCategoryIds,
  storageMedia,
} from '../data/inventoryClauses.ts';
import { isIsoDate } from '../deadlines.ts';

// ─── Entry schema ──────────────────────────────────────────────────────────────────────────

const enumField = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? `${label}は必須です` : `${label}の値が正しくありません。選択肢から選んでください`),
  });

const text = (label: string) => z.string({ error: `${label}は文字で入力してください` });

const textList = (label: string) => z.array(text(label), { error: `${label}は一覧で入力してください` });

const flag = (label: string) => z.boolean({ error: `${label}は「はい」か「いいえ」で指定してください` });

const isoDate = (label: string) =>
  z.string({ error: `${label}は日付（例: 2026-11-28）で入力してください` }).refine(isIsoDate, { error: `${label}は実在する日付（例: 2026-11-28）で入力してください` });

/** 利用期限・保管期限: a date, a description (e.g. 「退職後5年」), or both. */
const termSchema = (label: string) =>
  z.strictObject(
    {
      date: isoDate(`${label}の日付`).nullable().optional(),
      description: text(`${label}の説明`).optional(),
    },
    { error: `${label}の形式が正しくありません` },
  );

/**
 * Zod schema of an inventory entry as the rule engine sees it (個人情報管理台帳の1行, SPEC M1).
 * Everything but `id` is optional so drafts and imports can be checked; completeness is the job
 * of {@link checkRequiredItems}, which cites J.3.1.1 3. Unknown keys are rejected. Messages are
 * Japanese and name the field.
 */
export const inventoryEntrySchema = z
  .strictObject(
    {
      id: text('台帳ID').min(1, { error: '台帳IDは必須です' }),
      /** Incremented on every approved change; risk assessments record the revision they covered. */
      revision: z.number({ error: '版は整数で入力してください' }).int({ error: '版は整数で入力してください' }).min(1).optional(),
      /** 個人情報の名称. */
      name: text('個人情報の名称').optional(),
      departmentId: text('所管部署').optional(),
      /** 個人情報の項目. */
      items: textList('個人情報の項目').optional(),
      /** 利用目的. */
      purpose: text('利用目的').optional(),
      /** 保管場所. */
      storageLocation: text('保管場所').optional(),
      /** 保管方法: medium plus a free description (施錠キャビネット、アクセス制限付きフォルダ等). */
      storageMethod: z
        .strictObject(
          {
            media: enumField(storageMedia, '保管媒体').optional(),
            description: text('保管方法の説明').optional(),
          },
          { error: '保管方法の形式が正しくありません' },
        )
        .optional(),
      /** アクセス権を有する者. */
      accessHolders: textList('アクセス権を有する者').optional(),
      /** 利用期限. */
      useUntil: termSchema('利用期限').optional(),
      /** 保管期限. */
      retainUntil: termSchema('保管期限').optional(),
      /** 管理する個人情報の件数（概数でも可）. */
      recordCount: z
        .strictObject(
          {
            value: z.number({ error: '件数は数値で入力してください' }).int({ error: '件数は整数で入力してください' }).min(0, { error: '件数は0以上で入力してください' }),
            approximate: flag('概数').optional(),
          },
          { error: '件数の形式が正しくありません' },
        )
        .optional(),
      acquisitionMethods: z.array(enumField(acquisitionMethods, '取得方法'), { error: '取得方法は一覧で入力してください' }).optional(),
      /** 要配慮個人情報を含む. */
      sensitive: flag('要配慮個人情報').optional(),
      /** J.8.3: how the 要配慮 acquisition is justified — written consent or a lettered exception. */
      sensitiveBasis: z
        .discriminatedUnion(
          'kind',
          [
            z.strictObject({
              kind: z.literal('written_consent'),
              /** 明示した文面（取得時の必要通知事項）の版など. */
              noticeRef: text('同意を得た文面').optional(),
            }),
            z.strictObject({
              kind: z.literal('exception'),
              letter: enumField(sensitiveExceptionLetters, 'J.8.3 2 の例外'),
              reason: text('例外に当たる理由'),
            }),
          ],
          { error: '要配慮個人情報の取得根拠は「書面による同意」か「J.8.3 2 の例外」を選んでください' },
        )
        .nullable()
        .optional(),
      specialCategories: z
        .array(enumField(specialCategoryIds, '特に配慮を要する記述の分類'), {
          error: '特に配慮を要する記述の分類は一覧で入力してください',
        })
        .optional(),
      /** 特定個人情報（マイナンバー）を含む. */
      myNumber: flag('特定個人情報').optional(),
      /** 保有個人データに当たる. */
      retainedPersonalData: flag('保有個人データ').optional(),
      processedKind: enumField(processedKinds, '加工の種類').optional(),
      /** 取扱いを委託している委託先（ID）. */
      entrustedTo: textList('委託先').optional(),
      /** 第三者提供（委託・共同利用を除く）を行う. */
      thirdPartyProvision: flag('第三者提供').optional(),
      /** 外国にある第三者（委託先・共同利用者を含む）に提供する場合の国名. */
      overseasCountries: textList('提供先の外国').optional(),
      /** J.8.8.1 1 の根拠 (a 本人同意 / b 体制整備 / c 同等水準国). */
      overseasBasis: enumField(['a', 'b', 'c'], '外国にある第三者への提供の根拠').nullable().optional(),
      /** 個人情報を利用して本人に連絡又は接触する (J.8.7). */
      contactsPersons: flag('本人への連絡・接触').optional(),
      disposalMethod: text('廃棄方法').optional(),
      /** 全件を消去・廃棄した日. */
      disposedAt: isoDate('廃棄日').nullable().optional(),
      /** 紐づく通知・同意の文面（取得時の必要通知事項）の参照. */
      noticeRefs: textList('通知・同意の文面').optional(),
      /** Recorded exceptions to notice/consent duties, each with the clause letter and the reason. */
      exemptions: z
        .array(
          z.strictObject({
            clause: enumField(exemptionClauses, '例外の条項'),
            letter: text('例外の号'),
            /** J.8.4 d) / J.8.5 4: which of PA01's four kinds (1–4). */
            subItem: enumField(['1', '2', '3', '4'], 'J.8.4 d) の限定（1〜4）').optional(),
            reason: text('例外に当たる理由'),
          }),
          { error: '例外は一覧で入力してください' },
        )
        .optional(),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return `台帳の項目に不明な項目があります（${issue.keys.length}件）`;
        if (issue.code === 'invalid_type') return '台帳の項目の形式が正しくありません';
        return undefined;
      },
    },
  )
  .superRefine((entry, ctx) => {
    for (const [index, exemption] of (entry.exemptions ?? []).entries()) {
      const list = exemptionClauseLists[exemption.clause];
      if (!list.some((item) => item.letter === exemption.letter)) {
        ctx.addIssue({
          code: 'custom',
          path: ['exemptions', index, 'letter'],
          message: `例外の号は ${exemption.clause} の ${list.map((item) => item.letter).join('・')} のいずれかで入力してください（入力値: ${JSON.stringify(exemption.letter)}）`,
        });
      }
    }
  });

/** An inventory entry (個人情報管理台帳の1行) after validation. */
export type InventoryEntry = z.output<typeof inventoryEntrySchema>;
/** 利用期限・保管期限. */
export type InventoryTerm = NonNullable<InventoryEntry['useUntil']>;

/** A text with something other than blanks. */
export const filled = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';
/** A list with at least one non-blank text. */
export const filledList = (values: readonly string[] | undefined): boolean => (values ?? []).some((value) => value.trim() !== '');
/** A 期限 with a date or a description. */
export const filledTerm = (term: InventoryTerm | undefined): boolean => term !== undefined && ((term.date ?? null) !== null || filled(term.description));

/** The distinct values, in first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
