import { z } from 'zod';
import { enumField, idField, optionalDate, optionalText, requiredText, textUpTo, tooLongMessage } from '../../platform/validation/fields.ts';
import { lawFieldLabels as L, lawKinds, lawReviewOutcomes, lawStatuses } from './laws.labels.ts';

// Request schemas of the 法令規範一覧 (J.1.3). Every message is Japanese and names the field; the
// web form validates with these same schemas.

export const lawIdParams = z.object({ id: idField('法令規範') });

/**
 * 参照先URL: only an http or https address (a `javascript:` or `file:` link would run or open
 * something other than a web page when a 従業者 clicks it). Empty is null.
 */
const urlField = textUpTo(L.url, 2000)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isWebAddress(v), { error: `${L.url}は http:// または https:// で始まるアドレスで入力してください` });

/** Whether a text is an absolute http(s) URL. */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** One entry of the 法令規範一覧 as the 個人情報保護管理者 writes it (J.1.3 a). */
export const lawBody = z.object({
  name: requiredText(L.name, 300),
  kind: enumField(L.kind, lawKinds),
  issuer: optionalText(L.issuer, 200),
  number: optionalText(L.number, 200),
  lastAmendedOn: optionalDate(L.lastAmendedOn),
  url: urlField,
  application: optionalText(L.application, 2000),
  status: enumField(L.status, lawStatuses).default('active'),
  identifiedOn: optionalDate(L.identifiedOn),
  note: optionalText(L.note, 2000),
});
export type LawInput = z.output<typeof lawBody>;

/** 一覧の絞り込み: 状態 and a word in 名称・制定・所管・番号. */
export const lawListQuery = z.object({
  status: enumField(L.status, lawStatuses).optional(),
  q: z
    .string()
    .trim()
    .max(200, { error: tooLongMessage('検索語', 200) })
    .optional(),
});

export const lawReviewIdParams = z.object({ id: idField('見直し') });

/** 見直しの開始: the year (the December review of that year, J.1.3 c). */
export const startLawReviewBody = z.object({
  year: z
    .number({ error: '見直しの年は数値で入力してください' })
    .int({ error: '見直しの年は整数で入力してください' })
    .min(2000, { error: '見直しの年は2000年以降で入力してください' })
    .max(2100, { error: '見直しの年は2100年以前で入力してください' }),
});

/** 見直しの記録: each entry's outcome; 改訂あり needs what changed (改訂の内容). */
export const saveLawReviewBody = z.object({
  items: z
    .array(
      z
        .object({
          lawId: idField('法令規範'),
          outcome: enumField('見直しの結果', lawReviewOutcomes).nullable(),
          note: optionalText('改訂の内容・備考', 2000),
        })
        .refine((i) => i.outcome !== 'revised' || (i.note ?? '') !== '', { error: '改訂ありの法令規範は改訂の内容を入力してください', path: ['note'] }),
      { error: '見直しの結果の指定が正しくありません' },
    )
    .max(2000),
  note: optionalText('見直しの所見', 2000),
});
