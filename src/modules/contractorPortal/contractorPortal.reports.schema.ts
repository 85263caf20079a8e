import { z } from 'zod';
import { corporateNumberMessage, corporateNumberProblem } from '../../rules/contractors/corporateNumber.ts';
import { incidentEventKinds } from '../../rules/incidentDuties.ts';
import { countField, dateField, enumField, idField, optionalDate, optionalText, requiredText } from '../../platform/validation/fields.ts';
import { subcontractStaffFields } from '../contractors/subcontracting.schema.ts';
import { disposalMethods, type IncidentReportFact, incidentReportFactLabels } from './contractorPortal.reports.labels.ts';

// 委託先からの報告 (issue #13): the three forms of the 委託先's portal. Japanese messages naming each field.

export const reportIdParams = z.object({ id: idField('報告') });
export const linkIdParams = z.object({ id: idField('委託元') });

const dateTimeField = (label: string) => z.iso.datetime({ offset: true, error: `${label}を日付と時刻で入力してください（例: 2026/03/02 9:30）` });

/** 法人番号 (optional): 13 digits with the check digit; full-width digits read as such, nothing else corrected. */
const corporateNumber = z
  .string({ error: '再委託先の法人番号は13桁の数字で入力してください' })
  .trim()
  .nullish()
  .transform((text, ctx) => {
    if (text === undefined || text === null || text === '') return null;
    const digits = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    const problem = corporateNumberProblem(digits);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${corporateNumberMessage(problem, '再委託先の法人番号')}（入力値: ${text}）` });
      return z.NEVER;
    }
    return digits;
  });

/** 再委託申請 (豊島区 個人情報特記事項 資料B 第6条第2項 / 資料A 第7条第2項 の申請事項). */
export const subcontractReportBody = z
  .object({
    reportedByName: requiredText('申請者の氏名', 100),
    subContractorName: requiredText('再委託先の名称', 200),
    corporateNumber,
    work: requiredText('再委託して処理する業務の内容', 2000),
    personalData: requiredText('再委託先が取り扱う個人情報', 2000),
    startsOn: dateField('再委託の期間（開始日）'),
    endsOn: optionalDate('再委託の期間（終了日）'),
    safetyMeasures: requiredText('再委託先における安全管理措置', 4000),
    supervision: requiredText('再委託先に対する管理及び監督の方法', 4000),
    workStartsOn: dateField('着手予定日'),
    reason: requiredText('再委託する理由', 2000),
    // 作業責任者・作業従事者 (豊島区 守るべき事項 3 ウ, 特記事項 第2条第2項)
    ...subcontractStaffFields,
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '再委託の期間の終了日が開始日より前になっています' });
    if (v.workStartsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['workStartsOn'], message: '着手予定日が再委託の期間の開始日より前になっています' });
  });

/** 返還・廃棄報告 (資料B 第17条 / 資料A 第10条 資料等の返還義務): 日時・方法・担当者・対象. */
export const returnDisposalReportBody = z
  .object({
    reportedByName: requiredText('報告者の氏名', 100),
    performedAt: dateTimeField('返還・廃棄の日時'),
    method: enumField('返還・廃棄の方法', disposalMethods),
    methodDetail: optionalText('方法の詳細', 2000),
    personInCharge: requiredText('返還・廃棄の担当者', 100),
    target: requiredText('返還・廃棄した個人情報（対象）', 2000),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'other' && !v.methodDetail) ctx.addIssue({ code: 'custom', path: ['methodDetail'], message: '方法が「その他」のときは方法の詳細を入力してください' });
  });

/** はい (true)・いいえ (false)・不明 (null, also when not sent): one fact the 委託元's duties turn on. */
const factAnswer = (key: IncidentReportFact) =>
  z
    .boolean({ error: `${incidentReportFactLabels[key]}は「はい」「いいえ」「不明」から選んでください` })
    .nullish()
    .transform((v) => v ?? null);

/** 事故等の報告 (資料B 第16条第2項 / 資料A 第15条 「直ちに…報告」). */
export const incidentReportBody = z
  .object({
    reportedByName: requiredText('報告者の氏名', 100),
    title: requiredText('件名', 200),
    whatHappened: requiredText('発生した事故等の内容', 4000),
    place: optionalText('事故の発生場所', 500),
    occurredAt: dateTimeField('発生日時')
      .nullish()
      .transform((v) => v ?? null),
    knownAt: dateTimeField('事故等を知った日時'),
    events: z.array(enumField('事象', incidentEventKinds), { error: '事象は一覧から選んでください' }).max(10).default([]),
    personalData: requiredText('漏えい等した個人情報の項目', 2000),
    // 資料A 第15条 「件数」: the form reads 「約1,200人」 as 1,200 and sends `personsApproximate` beside it
    // (as the 委託元's own incident form does); text is never read here, and a text the form could not
    // read is refused with the field's own words.
    persons: countField('本人の数', { unit: '人', approximate: true })
      .nullish()
      .transform((v) => v ?? null),
    personsApproximate: z
      .boolean({ error: '本人の数が概数かどうかは「はい」か「いいえ」で指定してください' })
      .nullish()
      .transform((v) => v ?? false),
    measures: requiredText('講じた措置', 4000),
    // What the 委託元's duty engine needs (規則第7条第1号〜第3号, 番号法第29条の4): はい・いいえ・不明.
    sensitive: factAnswer('sensitive'),
    improperPurpose: factAnswer('improperPurpose'),
    financialDamageRisk: factAnswer('financialDamageRisk'),
    myNumber: factAnswer('myNumber'),
  })
  .superRefine((v, ctx) => {
    // A 概数 of no number would be kept as nothing: said, not dropped.
    if (v.personsApproximate && v.persons === null)
      ctx.addIssue({ code: 'custom', path: ['persons'], message: '本人の数を概数とするときは、数（例: 約1,200人）を入力してください' });
  });

export const confirmReportBody = z.object({ note: optionalText('確認のコメント', 2000) });

export const receivedReportsQuery = z.object({ contractorId: idField('委託先').optional() });
