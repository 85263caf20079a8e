import { z } from 'zod';
import { noticeItems } from '../../rules/data/requiredItems.ts';
import { relatedConsentParties, relatedInfoNoticeItemsByProvider, relatedInfoNoticeItemsByRecipient } from '../../rules/notices/relatedInfoNotice.ts';
import { isItemCode } from '../../rules/requiredItems/checkers.ts';
import { dateField, enumField, idField, optionalText, requiredText } from '../../platform/validation/fields.ts';
import { consentChannels, noticeKinds } from './notices.labels.ts';

// Request schemas of M6 通知・同意 (J.8.5, and the 個人関連情報 consent notice of J.8.8.4 1). Japanese messages naming each field; the web form
// validates with these same schemas.

export const noticeIdParams = z.object({ id: idField('通知文') });

/** The item codes a version may tick: J.8.5 1 a)〜h) and J.8.8.4 1 (提供先 1)〜6)・提供元 1)〜7)). */
const knownItems = [...noticeItems, ...relatedInfoNoticeItemsByRecipient, ...relatedInfoNoticeItemsByProvider];

const tickedField = z
  .array(
    z.string().refine((code) => isItemCode(knownItems, code), { error: '記載した事項に知らない項目があります' }),
    { error: '記載した事項の指定が正しくありません' },
  )
  .max(50);

const conditionsField = z
  .object(
    {
      thirdPartyProvision: z.boolean({ error: '第三者提供の予定は「あり」か「なし」で選んでください' }).optional(),
      entrustment: z.boolean({ error: '委託の予定は「あり」か「なし」で選んでください' }).optional(),
      rightsRequests: z.boolean({ error: '開示等の請求等の対象は「あり」か「なし」で選んでください' }).optional(),
      imperceptibleAcquisition: z.boolean({ error: '容易に知覚できない方法による取得は「あり」か「なし」で選んでください' }).optional(),
    },
    { error: '条件の指定が正しくありません' },
  )
  .strict();

/** 通知文の本文・記載事項 (a draft's content). */
const draftFields = {
  body: optionalText('本文', 20_000),
  ticked: tickedField.default([]),
  conditions: conditionsField.default({}),
};

/** J.8.8.4 1: who obtains the consent — chooses the 提供先 1)〜6) or the 提供元 1)〜7) wording. */
const relatedPartyField = enumField('同意を取得する主体', relatedConsentParties)
  .nullish()
  .transform((v) => v ?? null);

const partyRequired = (v: { kind?: string; relatedParty?: string | null }, ctx: z.RefinementCtx) => {
  if (v.kind === 'related_info' && !v.relatedParty) {
    ctx.addIssue({ code: 'custom', path: ['relatedParty'], message: '個人関連情報の同意を求める通知では、同意を取得する主体（提供先か提供元か）を選んでください（J.8.8.4 1）' });
  }
};

/** 通知文テンプレートの作成: the kind (J.8.5 or J.8.8.4 1), the title and the first draft. */
export const createNoticeBody = z
  .object({
    kind: enumField('通知文の種類', noticeKinds).default('acquisition'),
    relatedParty: relatedPartyField,
    title: requiredText('名称', 200),
    ...draftFields,
  })
  .superRefine(partyRequired);

/** 通知文の編集: changes the open draft, or opens the next draft after a published version (the kind stays; the party of a 個人関連情報 notice may change). */
export const saveNoticeDraftBody = z.object({ title: requiredText('名称', 200).optional(), relatedParty: relatedPartyField.optional(), ...draftFields });

export const consentIdParams = z.object({ id: idField('同意記録') });

/** 同意記録の登録: the person, the published version consented to, the channel and the date. */
export const recordConsentBody = z.object({
  versionId: idField('同意した通知文の版'),
  subject: requiredText('本人（氏名又は識別子）', 200),
  channel: enumField('同意の取得方法', consentChannels),
  consentedOn: dateField('同意日'),
});

/** 同意の撤回: the date and the channel. */
export const withdrawConsentBody = z.object({
  withdrawnOn: dateField('撤回日'),
  channel: enumField('撤回の方法', consentChannels),
});
