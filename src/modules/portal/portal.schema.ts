import { z } from 'zod';
import { countField, enumField, idField, optionalText, requiredText, textUpTo } from '../../platform/validation/fields.ts';
import { agentKinds, replyTos, requestKinds } from '../requests/requests.labels.ts';
import { noMyNumber } from '../requests/requests.schema.ts';
import { attorneyAttached, attorneyAttachedError, portalFiles } from './portal.files.schema.ts';

// Schemas of the 公開窓口 (issue #14 M5): the settings the 個人情報保護管理者 keeps, and the form a
// person sends without an account. Shared by the server and the web.

/** The page's address: `/p/<slug>` — lower-case letters, digits and hyphens, 3 to 40. */
export const slugField = z
  .string({ error: '公開ページのURLを入力してください' })
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, { error: '公開ページのURLは半角の英小文字・数字・ハイフンで3〜40文字にしてください（先頭と末尾は英数字）' });

const fee = z
  .object({
    amountYen: countField('手数料の金額', { max: 100_000, unit: '円' }),
    collectionMethod: textUpTo('手数料の徴収方法', 200).default(''),
  })
  .nullable()
  .default(null);

/** The settings the 公表事項 (J.10.3 a)〜g)) are generated from (rules/publicItems PublicItemsFacts). */
export const publicItemsFactsBody = z.object({
  organization: z.object({
    name: optionalText('事業者の名称', 200),
    address: optionalText('事業者の住所', 300),
    representative: optionalText('代表者の氏名', 100),
  }),
  manager: z.object({
    nameOrTitle: optionalText('個人情報保護管理者の氏名又は職名', 100),
    department: optionalText('個人情報保護管理者の所属', 100),
    contact: optionalText('個人情報保護管理者の連絡先', 300),
  }),
  purposes: z
    .array(
      z.object({
        text: requiredText('保有個人データの利用目的', 500),
        exemptUnder: z.enum(['J.8.4 a)', 'J.8.4 b)', 'J.8.4 c)'], { error: '公表しない理由は J.8.4 a)〜c) から選んでください' }).nullish(),
      }),
      { error: '保有個人データの利用目的は一覧で入力してください' },
    )
    .max(100, { error: '保有個人データの利用目的は100件以内にしてください' })
    .default([]),
  complaintDesk: optionalText('苦情の申出先', 500),
  accreditedBody: z
    .object({ name: optionalText('認定個人情報保護団体の名称', 200), complaintDesk: optionalText('認定個人情報保護団体の苦情の申出先', 500) })
    .nullable()
    .default(null),
  procedure: z.object({
    desk: optionalText('開示等の請求等の申出先', 500),
    method: optionalText('提出すべき書面の様式その他の方式', 1000),
    identityCheck: optionalText('本人又は代理人であることの確認の方法', 1000),
    fees: z.object({ purposeNotice: fee, disclosure: fee }),
  }),
  safetyMeasures: z
    .array(requiredText('安全管理のために講じた措置', 500), { error: '安全管理のために講じた措置は一覧で入力してください' })
    .max(50, { error: '安全管理のために講じた措置は50件以内にしてください' })
    .default([]),
});

export const portalSettingsBody = z.object({
  slug: slugField,
  published: z.boolean({ error: '公開するかどうかを選んでください' }),
  facts: publicItemsFactsBody,
  /** 通知文 (M6) shown on the page with a consent form (J.8.5 j)); each needs a published version. */
  consentNoticeIds: z
    .array(idField('同意を受け付ける通知文'), { error: '同意を受け付ける通知文は一覧で選んでください' })
    .max(20, { error: '同意を受け付ける通知文は20件までです' })
    .default([]),
});

export const slugParams = z.object({ slug: z.string().max(60, { error: '公開ページのURLが長すぎます' }) });
export const receiptParams = slugParams.extend({ number: z.string().max(40, { error: '受付番号が長すぎます' }) });
export const receiptQuery = z.object({ token: z.string({ error: '確認用のURLが正しくありません' }).max(100, { error: '確認用のURLが正しくありません' }) });

/** The public form's fields as a person fills them (the web validates with this before sending). */
const portalFormFields = z.object({
  kind: enumField('請求等の種類', requestKinds),
  requesterName: noMyNumber('氏名', requiredText('氏名', 100)),
  requesterAddress: noMyNumber('住所', optionalText('住所', 300)),
  // With an agent (J.10.2 h)) 氏名・住所・連絡先 are 本人's; the agent's own contact is the one required.
  requesterContact: noMyNumber('連絡先', optionalText('連絡先（メールアドレス又は電話番号）', 200)),
  agentKind: enumField('代理人による請求', agentKinds).default('none'),
  agentName: noMyNumber('代理人の氏名', optionalText('代理人の氏名', 100)),
  agentAddress: noMyNumber('代理人の住所', optionalText('代理人の住所', 300)),
  agentContact: noMyNumber('代理人の連絡先', optionalText('代理人の連絡先（メールアドレス又は電話番号）', 200)),
  /** 回答の送付先 (本人 or 代理人); only asked of an agent, 本人 otherwise. */
  replyTo: enumField('回答の送付先', replyTos).optional(),
  content: noMyNumber('請求等の内容', requiredText('請求等の内容', 5000)),
});

type AgentFields = { agentKind: string; agentName: string | null; agentAddress: string | null; agentContact: string | null; requesterContact: string | null };
const agentNamed = (v: AgentFields) => v.agentKind === 'none' || !!v.agentName;
const agentOnly = (v: AgentFields) => v.agentKind !== 'none' || (!v.agentName && !v.agentAddress && !v.agentContact);
const agentNamedError = { error: '代理人による請求のときは代理人の氏名を入力してください', path: ['agentName'] };
const agentOnlyError = { error: '代理人の氏名・住所・連絡先は代理人による請求のときだけ入力してください', path: ['agentName'] };
// Who answers the office's questions: 本人, or the agent who requested.
const contactGiven = (v: AgentFields) => v.agentKind !== 'none' || !!v.requesterContact;
const contactGivenError = { error: '連絡先（メールアドレス又は電話番号）を入力してください', path: ['requesterContact'] };
const agentContactGiven = (v: AgentFields) => v.agentKind === 'none' || !!v.agentContact;
const agentContactGivenError = { error: '代理人による請求のときは代理人の連絡先（メールアドレス又は電話番号）を入力してください', path: ['agentContact'] };

// The checks across the agent and contact fields run whenever those fields read, even while
// another field stops the object (the kind not chosen yet): zod skips an object's refinements
// after such an error, and a person who sent the form empty learnt of the missing 連絡先 only
// on the second try.
const agentFields = portalFormFields.pick({ agentKind: true, agentName: true, agentAddress: true, agentContact: true, requesterContact: true });
const whenAgentFieldsRead = { when: (payload: { value: unknown }) => agentFields.safeParse(payload.value).success };

export const portalFormBody = portalFormFields
  .refine(agentNamed, { ...agentNamedError, ...whenAgentFieldsRead })
  .refine(agentOnly, { ...agentOnlyError, ...whenAgentFieldsRead })
  .refine(contactGiven, { ...contactGivenError, ...whenAgentFieldsRead })
  .refine(agentContactGiven, { ...agentContactGivenError, ...whenAgentFieldsRead });

/** The public form as sent: the fields, the bot check, and the honeypot. */
export const portalRequestBody = portalFormFields
  .extend({
    /** Left empty by people; a field only scripts fill (hidden from sight and from screen readers). */
    website: textUpTo('ウェブサイト', 200).optional(),
    challenge: z.object(
      { token: textUpTo('送信前の確認', 400), nonce: textUpTo('送信前の確認の計算結果', 40) },
      { error: '送信前の確認が済んでいません。ページを読み込み直してから送信してください' },
    ),
    /** 委任状・本人確認書類 (J.10.2), PDF / JPEG / PNG. */
    files: portalFiles,
  })
  .refine(agentNamed, { ...agentNamedError, ...whenAgentFieldsRead })
  .refine(agentOnly, { ...agentOnlyError, ...whenAgentFieldsRead })
  .refine(contactGiven, { ...contactGivenError, ...whenAgentFieldsRead })
  .refine(agentContactGiven, { ...agentContactGivenError, ...whenAgentFieldsRead })
  .refine(attorneyAttached, attorneyAttachedError)
  .refine((v) => v.files.every((f) => f.kind !== 'correction_answer'), { error: '申込みのときに添付できるのは委任状と本人確認書類です', path: ['files'] });

/** 補正の回答 through the follow-up link: the link's secret, what the requester answers, and files. */
export const portalAnswerBody = z.object({
  token: requiredText('確認用URLの鍵', 100),
  answer: noMyNumber('補正の回答', requiredText('補正の回答', 5000)),
  files: portalFiles,
});

export const noticeParams = slugParams.extend({ templateId: idField('通知文') });
const botCheck = {
  website: textUpTo('ウェブサイト', 200).optional(),
  challenge: z.object(
    { token: textUpTo('送信前の確認', 400), nonce: textUpTo('送信前の確認の計算結果', 40) },
    { error: '送信前の確認が済んでいません。ページを読み込み直してから送信してください' },
  ),
};

/** 同意する (J.8.5 j) Web のフォーム): the version read, the person's name or identifier, the tick. */
export const portalConsentBody = z.object({
  versionId: idField('同意する通知文の版'),
  subject: noMyNumber('氏名又は識別子', requiredText('氏名又は識別子（会員番号等）', 200)),
  agreed: z.literal(true, { error: '「同意する」にチェックを入れてください' }),
  ...botCheck,
});

/** The withdrawal link's secret. */
export const consentTokenQuery = z.object({ token: requiredText('撤回用URLの鍵', 100) });
