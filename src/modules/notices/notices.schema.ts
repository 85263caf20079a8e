import { z } from 'zod';
import { noticeItems } from '../../rules/data/requiredItems.ts';
import { isItemCode } from '../../rules/requiredItems/checkers.ts';
import { dateField, enumField, idField, optionalText, requiredText } from '../../platform/validation/fields.ts';
import { consentChannels } from './notices.labels.ts';

// Request schemas of M6 通知・同意 (J.8.5). Japanese messages naming each field; the web form
// validates with these same schemas.

export const noticeIdParams = z.object({ id: idField('通知文') });

const tickedField = z
  .array(
    z.string().refine((code) => isItemCode(noticeItems, code), { error: '記載した事項に知らない項目があります' }),
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

/** 通知文テンプレートの作成: the title and the first draft. */
export const createNoticeBody = z.object({ title: requiredText('名称', 200), ...draftFields });

/** 通知文の編集: changes the open draft, or opens the next draft after a published version. */
export const saveNoticeDraftBody = z.object({ title: requiredText('名称', 200).optional(), ...draftFields });

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
