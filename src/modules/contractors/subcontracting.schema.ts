import { z } from 'zod';
import { dateField, enumField, idField, optionalDate, optionalText, requiredText } from '../../platform/validation/fields.ts';
import { supervisionMethods } from './contractors.labels.ts';

// Request schema of the 再委託承認申請 (豊島区 資料A 第7条第2項 / 資料B 第6条第2項): 再委託先の名称,
// 再委託する理由, 再委託して処理する内容, 再委託において取り扱う情報, 再委託先における安全性及び信頼性を
// 確保する対策, the period. Japanese messages naming each field.

export const subcontractRequestBody = z
  .object({
    subContractorId: idField('再委託先'),
    work: requiredText('再委託して処理する内容', 2000),
    entryIds: z.array(idField('再委託において取り扱う個人情報'), { error: '再委託において取り扱う個人情報の指定が正しくありません' }).max(200).default([]),
    safetyMeasures: requiredText('再委託先における安全管理措置', 4000),
    startsOn: dateField('再委託の開始日'),
    endsOn: optionalDate('再委託の終了日'),
    reason: requiredText('再委託する理由', 2000),
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
