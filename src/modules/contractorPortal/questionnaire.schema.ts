import { z } from 'zod';
import { dateField, idField, optionalText, requiredText } from '../../platform/validation/fields.ts';
import { PROFILE_ANSWER_LIMIT } from '../../rules/contractors/profileItems.ts';
import { questionnaireAnswers } from '../../rules/contractors/questionnaire.ts';
import { profileSections } from './questionnaire.labels.ts';

// 個人情報管理状況調査票のやり取りと委託先のプロフィール (issue #13): request bodies.

const answerItem = z.object({
  code: z.string({ error: '評価項目の番号が正しくありません' }).regex(/^[0-9A-Za-z_-]{1,20}$/, { error: '評価項目の番号が正しくありません' }),
  answer: z.enum(questionnaireAnswers, { error: '「はい」「いいえ」「該当なし」のどれかを選んでください' }),
  details: optionalText('回答の内容', 2000),
});

// The profile answers the items of every connected 委託元 (its union grows with them): bounded, not the built-in 9.
const answerList = z.array(answerItem, { error: '回答は一覧で送ってください' }).max(PROFILE_ANSWER_LIMIT, { error: `回答は${PROFILE_ANSWER_LIMIT}項目までです` });

const itemCodes = (label: string) =>
  z
    .array(z.string({ error: `${label}の評価項目の番号が正しくありません` }).regex(/^[0-9A-Za-z_-]{1,20}$/, { error: `${label}の評価項目の番号が正しくありません` }), {
      error: `${label}は一覧で送ってください`,
    })
    .max(PROFILE_ANSWER_LIMIT, { error: `${label}は${PROFILE_ANSWER_LIMIT}項目までです` });

/** 調査票の回答 (委託先): each 評価項目, and the files of its profile sent with them. */
export const questionnaireAnswerBody = z.object({
  answeredByName: requiredText('回答者の氏名', 100),
  answers: answerList,
  attachmentIds: z.array(idField('添付する資料'), { error: '添付する資料は一覧で送ってください' }).max(20, { error: '添付する資料は20件までです' }).default([]),
  /** 評価項目 (numbers) whose answers the 委託先 chose to keep in its profile too (only items the profile lacks are added). */
  saveToProfile: itemCodes('プロフィールにも保存する回答').default([]),
});

const certificate = z.object({
  kind: z.enum(['privacy_mark', 'isms'], { error: '認証の種類は「プライバシーマーク」か「ISMS」を選んでください' }),
  number: requiredText('登録番号', 50),
  expiresOn: dateField('有効期限'),
});

/** 委託先のプロフィール: its 調査票 answers (a draft: checked when sent), certifications and measures. */
export const profileBody = z.object({
  /** Each answer names its item's wording (`text`) when 委託元 word one number differently; without it, the only item of that number. */
  questionnaireAnswers: z
    .array(answerItem.extend({ text: optionalText('評価項目の文言', 1000) }), { error: '回答は一覧で送ってください' })
    .max(PROFILE_ANSWER_LIMIT, { error: `回答は${PROFILE_ANSWER_LIMIT}項目までです` }),
  certificates: z.array(certificate, { error: '認証は一覧で送ってください' }).max(10, { error: '認証は10件までです' }),
  securityMeasures: optionalText('安全管理措置', 4000),
});

/** 委託元ごとの共有: the profile sections one 委託元 may read (none by default). */
export const shareBody = z.object({
  sections: z
    .array(z.enum(profileSections, { error: '共有する項目の値が正しくありません' }), { error: '共有する項目は一覧で送ってください' })
    .max(3, { error: '共有する項目が多すぎます' }),
});

export const contractorParams = z.object({ id: idField('委託先') });
