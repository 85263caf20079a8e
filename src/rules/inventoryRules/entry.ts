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

const enumField = <const T extends readonly [string, ...string[]]>(values: T, field: string, label: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `${label}（${field}）は必須です`
        : `${label}（${field}）は ${values.map((v) => `"${v}"`).join('・')} のいずれかで入力してください（入力値: ${JSON.stringify(issue.input)}）`,
  });

const text = (field: string, label: string) => z.string({ error: `${label}（${field}）は文字列で入力してください` });

const textList = (field: string, label: string) => z.array(text(field, label), { error: `${label}（${field}）は文字列の配列で入力してください` });

const flag = (field: string, label: string) => z.boolean({ error: `${label}（${field}）は true または false で入力してください` });

const isoDate = (field: string, label: string) =>
  z
    .string({ error: `${label}（${field}）は "YYYY-MM-DD" 形式の文字列で入力してください` })
    .refine(isIsoDate, { error: `${label}（${field}）は実在する日付を "YYYY-MM-DD" 形式で入力してください` });

/** 利用期限・保管期限: a date, a description (e.g. 「退職後5年」), or both. */
const termSchema = (field: string, label: string) =>
  z.strictObject(
    {
      date: isoDate(`${field}.date`, `${label}の日付`).nullable().optional(),
      description: text(`${field}.description`, `${label}の説明`).optional(),
    },
    { error: `${label}（${field}）は { date, description } の形で入力してください` },
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
      id: text('id', '台帳ID').min(1, { error: '台帳ID（id）は必須です' }),
      /** Incremented on every approved change; risk assessments record the revision they covered. */
      revision: z.number({ error: '版（revision）は整数で入力してください' }).int({ error: '版（revision）は整数で入力してください' }).min(1).optional(),
      /** 個人情報の名称. */
      name: text('name', '個人情報の名称').optional(),
      departmentId: text('departmentId', '所管部署').optional(),
      /** 個人情報の項目. */
      items: textList('items', '個人情報の項目').optional(),
      /** 利用目的. */
      purpose: text('purpose', '利用目的').optional(),
      /** 保管場所. */
      storageLocation: text('storageLocation', '保管場所').optional(),
      /** 保管方法: medium plus a free description (施錠キャビネット、アクセス制限付きフォルダ等). */
      storageMethod: z
        .strictObject(
          {
            media: enumField(storageMedia, 'storageMethod.media', '保管媒体').optional(),
            description: text('storageMethod.description', '保管方法の説明').optional(),
          },
          { error: '保管方法（storageMethod）は { media, description } の形で入力してください' },
        )
        .optional(),
      /** アクセス権を有する者. */
      accessHolders: textList('accessHolders', 'アクセス権を有する者').optional(),
      /** 利用期限. */
      useUntil: termSchema('useUntil', '利用期限').optional(),
      /** 保管期限. */
      retainUntil: termSchema('retainUntil', '保管期限').optional(),
      /** 管理する個人情報の件数（概数でも可）. */
      recordCount: z
        .strictObject(
          {
            value: z
              .number({ error: '件数（recordCount.value）は数値で入力してください' })
              .int({ error: '件数（recordCount.value）は整数で入力してください' })
              .min(0, { error: '件数（recordCount.value）は0以上で入力してください' }),
            approximate: flag('recordCount.approximate', '概数').optional(),
          },
          { error: '件数（recordCount）は { value, approximate } の形で入力してください' },
        )
        .optional(),
      acquisitionMethods: z.array(enumField(acquisitionMethods, 'acquisitionMethods', '取得方法'), { error: '取得方法（acquisitionMethods）は配列で入力してください' }).optional(),
      /** 要配慮個人情報を含む. */
      sensitive: flag('sensitive', '要配慮個人情報').optional(),
      /** J.8.3: how the 要配慮 acquisition is justified — written consent or a lettered exception. */
      sensitiveBasis: z
        .discriminatedUnion(
          'kind',
          [
            z.strictObject({
              kind: z.literal('written_consent'),
              /** 明示した文面（取得時の必要通知事項）の版など. */
              noticeRef: text('sensitiveBasis.noticeRef', '同意を得た文面').optional(),
            }),
            z.strictObject({
              kind: z.literal('exception'),
              letter: enumField(sensitiveExceptionLetters, 'sensitiveBasis.letter', 'J.8.3 2 の例外'),
              reason: text('sensitiveBasis.reason', '例外に当たる理由'),
            }),
          ],
          { error: '要配慮個人情報の取得根拠（sensitiveBasis）の kind は "written_consent" 又は "exception" で入力してください' },
        )
        .nullable()
        .optional(),
      specialCategories: z
        .array(enumField(specialCategoryIds, 'specialCategories', '特に配慮を要する記述の分類'), {
          error: '特に配慮を要する記述の分類（specialCategories）は配列で入力してください',
        })
        .optional(),
      /** 特定個人情報（マイナンバー）を含む. */
      myNumber: flag('myNumber', '特定個人情報').optional(),
      /** 保有個人データに当たる. */
      retainedPersonalData: flag('retainedPersonalData', '保有個人データ').optional(),
      processedKind: enumField(processedKinds, 'processedKind', '加工の種類').optional(),
      /** 取扱いを委託している委託先（ID）. */
      entrustedTo: textList('entrustedTo', '委託先').optional(),
      /** 第三者提供（委託・共同利用を除く）を行う. */
      thirdPartyProvision: flag('thirdPartyProvision', '第三者提供').optional(),
      /** 外国にある第三者（委託先・共同利用者を含む）に提供する場合の国名. */
      overseasCountries: textList('overseasCountries', '提供先の外国').optional(),
      /** J.8.8.1 1 の根拠 (a 本人同意 / b 体制整備 / c 同等水準国). */
      overseasBasis: enumField(['a', 'b', 'c'], 'overseasBasis', '外国にある第三者への提供の根拠').nullable().optional(),
      /** 個人情報を利用して本人に連絡又は接触する (J.8.7). */
      contactsPersons: flag('contactsPersons', '本人への連絡・接触').optional(),
      disposalMethod: text('disposalMethod', '廃棄方法').optional(),
      /** 全件を消去・廃棄した日. */
      disposedAt: isoDate('disposedAt', '廃棄日').nullable().optional(),
      /** 紐づく通知・同意の文面（取得時の必要通知事項）の参照. */
      noticeRefs: textList('noticeRefs', '通知・同意の文面').optional(),
      /** Recorded exceptions to notice/consent duties, each with the clause letter and the reason. */
      exemptions: z
        .array(
          z.strictObject({
            clause: enumField(exemptionClauses, 'exemptions.clause', '例外の条項'),
            letter: text('exemptions.letter', '例外の号'),
            /** J.8.4 d) / J.8.5 4: which of PA01's four kinds (1–4). */
            subItem: enumField(['1', '2', '3', '4'], 'exemptions.subItem', 'J.8.4 d) の限定（1〜4）').optional(),
            reason: text('exemptions.reason', '例外に当たる理由'),
          }),
          { error: '例外（exemptions）は配列で入力してください' },
        )
        .optional(),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return `不明な項目です: ${issue.keys.join(', ')}（項目名の綴りを確認してください）`;
        if (issue.code === 'invalid_type') return '台帳の項目（entry）は JSON オブジェクトで入力してください';
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
          message: `例外の号（exemptions[${index}].letter）は ${exemption.clause} の ${list.map((item) => item.letter).join('・')} のいずれかで入力してください（入力値: ${JSON.stringify(exemption.letter)}）`,
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
