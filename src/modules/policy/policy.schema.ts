import { z } from 'zod';
import { policyItems } from '../../rules/data/requiredItems.ts';
import { policyKinds } from '../../rules/policy/policyChecker.ts';
import { isItemCode } from '../../rules/requiredItems/checkers.ts';
import { enumField, idField, optionalDate, optionalId, optionalText } from '../../platform/validation/fields.ts';

// Request schemas of 個人情報保護方針 (J.2.2). Japanese messages naming each field; the web form
// validates with these same schemas.

export const policyKindParams = z.object({ kind: enumField('方針の種類', policyKinds) });
export const policyVersionParams = z.object({ id: idField('個人情報保護方針の版') });
export const publicPolicyParams = z.object({ slug: z.string({ error: '公開ページの指定が正しくありません' }).trim().min(1).max(100) });

/** 方針の下書き: 本文, the J.2.2 2 items declared present, f) トップマネジメントの氏名, g) the dates. */
export const savePolicyDraftBody = z.object({
  body: optionalText('本文', 20_000),
  ticked: z
    .array(
      z.string().refine((code) => isItemCode(policyItems, code), { error: '記載した事項に知らない項目があります' }),
      { error: '記載した事項の指定が正しくありません' },
    )
    .max(20)
    .default([]),
  topManagementName: optionalText('トップマネジメントの氏名', 100),
  establishedOn: optionalDate('制定年月日'),
  lastRevisedOn: optionalDate('最終改正年月日'),
});

/** 周知状況の絞込み: 確認済み・未確認, 所属, 氏名・従業者番号 (the list and its xlsx export take the same query). */
export const acknowledgementQuery = z.object({
  status: z.enum(['confirmed', 'pending'], { error: '確認状況の値が正しくありません' }).optional(),
  departmentId: optionalId('所属'),
  q: z.string({ error: '検索語は文字列で指定してください' }).trim().max(100, { error: '検索語は100文字以内で指定してください' }).optional(),
});
