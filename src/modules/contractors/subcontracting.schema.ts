import { z } from 'zod';
import { dateField, enumField, idField, optionalDate, optionalText, requiredText, tooLongMessage, typedLength } from '../../platform/validation/fields.ts';
import { MAX_SUBCONTRACT_WORKERS, supervisionMethods } from './contractors.labels.ts';

// Request schema of the 再委託承認申請 (豊島区 資料A 第7条第2項 / 資料B 第6条第2項): 再委託先の名称,
// 再委託する理由, 再委託して処理する内容, 再委託において取り扱う情報, 再委託先における安全性及び信頼性を
// 確保する対策, the period. Japanese messages naming each field.

/** The longest 作業従事者の氏名 accepted. */
const WORKER_NAME_MAX = 100;

/**
 * 作業従事者の氏名 (豊島区 守るべき事項 3 ウ 「再委託先において個人情報を取り扱う作業責任者及び作業従事者の氏名等を提出させること」):
 * one or more, at most MAX_SUBCONTRACT_WORKERS, each named by its place in the list when it is empty or too long.
 */
const workersField = z
  .array(z.string({ error: '作業従事者の氏名は文字で入力してください' }), { error: '作業従事者の氏名を1人以上入力してください' })
  .superRefine((names, ctx) => {
    if (names.length === 0) ctx.addIssue({ code: 'custom', message: '作業従事者の氏名を1人以上入力してください（再委託先において個人情報を取り扱う者）' });
    if (names.length > MAX_SUBCONTRACT_WORKERS)
      ctx.addIssue({
        code: 'custom',
        message: `作業従事者は${MAX_SUBCONTRACT_WORKERS}人まで入力できます（${names.length}人入力されています）。それより多いときは名簿を誓約書とともに添付してください`,
      });
    names.forEach((name, i) => {
      const label = `作業従事者（${i + 1}人目）の氏名`;
      if (name.trim() === '') ctx.addIssue({ code: 'custom', path: [i], message: `${label}を入力してください` });
      else if (typedLength(name.trim()) > WORKER_NAME_MAX) ctx.addIssue({ code: 'custom', path: [i], message: tooLongMessage(label, WORKER_NAME_MAX)({ input: name.trim() }) });
    });
  })
  .transform((names) => names.map((n) => n.trim()));

/** 作業責任者（氏名・役職・連絡先）and 作業従事者 of a 再委託申請 (豊島区 守るべき事項 3 ウ, 特記事項 第2条第2項). */
export const subcontractStaffFields = {
  workLeadName: requiredText('作業責任者の氏名', 100),
  workLeadTitle: requiredText('作業責任者の役職', 100),
  workLeadContact: requiredText('作業責任者の連絡先', 200),
  workers: workersField,
};

export const subcontractRequestBody = z
  .object({
    subContractorId: idField('再委託先'),
    work: requiredText('再委託して処理する内容', 2000),
    entryIds: z.array(idField('再委託において取り扱う個人情報'), { error: '再委託において取り扱う個人情報の指定が正しくありません' }).max(200).default([]),
    safetyMeasures: requiredText('再委託先における安全管理措置', 4000),
    startsOn: dateField('再委託の開始日'),
    endsOn: optionalDate('再委託の終了日'),
    reason: requiredText('再委託する理由', 2000),
    ...subcontractStaffFields,
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '再委託の終了日が再委託の開始日より前になっています' });
  });

/** 監督の記録 (特記事項 第6条第5項): 日付・方法（書面確認／実地／報告徴収）・所見・監督した者. */
export const supervisionBody = z.object({
  supervisedOn: dateField('監督の日'),
  method: enumField('監督の方法', supervisionMethods),
  findings: optionalText('所見', 4000),
  supervisor: requiredText('監督した者', 100),
});
