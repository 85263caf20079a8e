import { z } from 'zod';
import { criterionAnswers } from '../../rules/data/contractorCriteria.ts';
import { questionnaireAnswers } from '../../rules/contractors/questionnaire.ts';
import { profileSections } from './questionnaire.labels.ts';

// 個人情報管理状況調査票のやり取りと委託先のプロフィール (issue #13): responses.

/** An answer of the profile: to the item of this number and this wording. */
const answer = z.object({ code: z.string(), text: z.string(), answer: z.enum(questionnaireAnswers), details: z.string().nullable() });

/** The 調査票 part of an exchange: the items as sent, the answers with their labels, the files. */
export const questionnaireResponse = z.object({
  criteriaName: z.string(),
  criteriaVersion: z.string(),
  items: z.array(
    z.object({
      code: z.string(),
      text: z.string(),
      /** 1 プライバシーマーク: はい stands for the rest. */
      coversOthers: z.boolean(),
      answer: z.enum(questionnaireAnswers).nullable(),
      answerLabel: z.string().nullable(),
      details: z.string().nullable(),
    }),
  ),
  files: z.array(z.object({ attachmentId: z.string(), fileName: z.string(), kind: z.string(), kindLabel: z.string() })),
});

/** The yearly evaluation pre-filled from the latest accepted 調査票 (J.9.4 t), or nothing to carry. */
export const prefillResponse = z.object({
  exchangeId: z.uuid().nullable(),
  acceptedOn: z.iso.date().nullable(),
  criteriaVersion: z.string().nullable(),
  items: z.array(z.object({ code: z.string(), answer: z.enum(criterionAnswers), citation: z.string() })),
  /** Codes answered in the 調査票 that the criteria in force no longer have (not carried into the evaluation). */
  notInCriteria: z.array(z.string()),
});

const certificateOut = z.object({ kind: z.enum(['privacy_mark', 'isms']), kindLabel: z.string(), number: z.string(), expiresOn: z.iso.date(), expired: z.boolean() });

/** The 委託先's own profile, and per 委託元 what it shares. */
export const profileResponse = z.object({
  /** Null until first saved (files are added once it exists). */
  id: z.uuid().nullable(),
  questionnaireAnswers: z.array(answer),
  certificates: z.array(certificateOut),
  securityMeasures: z.string().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.iso.datetime().nullable(),
  /**
   * The items the profile answers: the built-in 調査票's and every connected 委託元's latest 調査票's,
   * one per number and wording, with the 委託元 that ask it; and items answered before that no 委託元 asks now.
   */
  items: z.array(
    z.object({
      key: z.string(),
      code: z.string(),
      text: z.string(),
      coversOthers: z.boolean(),
      askedBy: z.array(z.string()),
      /** Each 委託元 asking it and through what: 「最新の調査票」 or 「改定された評価基準（第N版）」 (published before any 調査票 with it). */
      askedVia: z.array(z.object({ principal: z.string(), via: z.string().nullable() })),
      /** On the built-in 調査票 (世田谷区 個人情報管理状況調査票). */
      standard: z.boolean(),
    }),
  ),
  /** The built-in 調査票's name. */
  standardName: z.string(),
  sections: z.array(z.object({ code: z.enum(profileSections), label: z.string() })),
  /**
   * The 委託元 this organization is connected to, each with the sections it may read, the criteria of its
   * latest 調査票 (null: none sent yet) and the new version it approved since (評価基準の改定のお知らせ; null: none).
   */
  shares: z.array(
    z.object({
      linkId: z.uuid(),
      principalName: z.string().nullable(),
      sections: z.array(z.enum(profileSections)),
      criteriaName: z.string().nullable(),
      revision: z.object({ versionNo: z.number().int(), versionLabel: z.string(), criteriaName: z.string(), publishedAt: z.iso.datetime() }).nullable(),
    }),
  ),
});

/** What a 委託元 may read of its 委託先's profile: only the sections shared with it. */
export const sharedProfileResponse = z.object({
  counterpartyName: z.string().nullable(),
  sections: z.array(z.enum(profileSections)),
  questionnaireAnswers: z.array(answer).nullable(),
  certificates: z.array(certificateOut).nullable(),
  securityMeasures: z.string().nullable(),
});
