import { z } from 'zod';
import { enumField, idField, optionalDate, optionalText, requiredText, textUpTo, tooLongMessage } from '../../platform/validation/fields.ts';
import { lawFieldLabels as L, lawKinds, lawStatuses } from './laws.labels.ts';

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
