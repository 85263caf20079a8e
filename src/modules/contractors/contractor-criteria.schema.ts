import { z } from 'zod';
import { optionalText, requiredText, typedLength } from '../../platform/validation/fields.ts';
import { CRITERIA_LIMITS, criteriaFieldLabels as L } from './contractor-criteria.labels.ts';

// Request schema of 委託先の選定・評価基準 (J.9.4 s)). Every error names the item by its place in
// the list (「評価項目 3 の文言を入力してください」): the editor shows it beside that row. Pure (zod):
// the web editor validates with this same schema before saving.

/** An item as typed: the code and text are trimmed of surrounding spaces, nothing else changes. */
const itemInput = z.object(
  {
    code: z.string({ error: `${L.items}の${L.code}を入力してください` }).transform((v) => v.trim()),
    text: z.string({ error: `${L.items}の${L.text}を入力してください` }).transform((v) => v.trim()),
    coversOthers: z
      .boolean({ error: `${L.coversOthers}は「はい」か「いいえ」で指定してください` })
      .optional()
      .default(false),
  },
  { error: `${L.items}の指定が正しくありません` },
);

/** 評価項目の番号: half-width letters, digits and 「-」 (full-width digits are refused, not converted). */
const CODE_PATTERN = /^[0-9A-Za-z-]+$/;

export const criteriaItemsField = z
  .array(itemInput, { error: `${L.items}の指定が正しくありません` })
  .min(1, { error: `${L.items}を1つ以上入力してください` })
  .max(CRITERIA_LIMITS.items, { error: `${L.items}は${CRITERIA_LIMITS.items}件までです` })
  .superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const n = index + 1;
      const issue = (field: 'code' | 'text', message: string) => ctx.addIssue({ code: 'custom', path: [index, field], message });
      if (item.code === '') issue('code', `${L.items} ${n} の${L.code}を入力してください`);
      else if (item.code.length > CRITERIA_LIMITS.code || !CODE_PATTERN.test(item.code))
        issue('code', `${L.items} ${n} の${L.code}は半角の英数字と「-」${CRITERIA_LIMITS.code}文字以内で入力してください（入力値: ${item.code}）`);
      else if (seen.has(item.code)) issue('code', `${L.items} ${n} の${L.code}「${item.code}」は${L.items} ${seen.get(item.code)} と重複しています`);
      else seen.set(item.code, n);
      if (item.text === '') issue('text', `${L.items} ${n} の${L.text}を入力してください`);
      else if (typedLength(item.text) > CRITERIA_LIMITS.text)
        issue('text', `${L.items} ${n} の${L.text}は${CRITERIA_LIMITS.text}文字以内で入力してください（${typedLength(item.text)}文字入力されています）`);
    });
  });

/** 評価基準の下書きの保存: the whole set as edited (name, source, the items in order). */
export const saveCriteriaDraftBody = z.object({
  name: requiredText(L.name, CRITERIA_LIMITS.name),
  source: optionalText(L.source, CRITERIA_LIMITS.source),
  items: criteriaItemsField,
});
