import { z } from 'zod';
import { dateField, enumField, idField, optionalId, optionalText, requiredText } from '../../platform/validation/fields.ts';
import { findingSeverities, inspectionFieldLabels as L, inspectionMethods } from './contractor-inspections.labels.ts';

// Request schemas of the 実地検査 / 立入検査 records (豊島区 守るべき事項 5., 特記事項 資料B 第14条,
// J.9.4 委託先の監督). Japanese messages naming each field; the date is read as typed (readDate).

export const inspectionIdParams = z.object({ id: idField('実地検査') });
export const findingIdParams = z.object({ id: idField('指摘事項') });

/** 指摘事項: 区分 and 内容. `id` names a finding already recorded (kept on an edit, with its 是正処置). */
export const findingBody = z.object({
  id: optionalId(L.findings),
  severity: enumField(L.severity, findingSeverities),
  description: requiredText(L.description, 2000),
});

/** 実地検査の記録 (追加・変更): the whole record; on a change, findings left out are removed. */
export const inspectionBody = z.object({
  inspectedOn: dateField(L.inspectedOn),
  inspectors: requiredText(L.inspectors, 200),
  scope: requiredText(L.scope, 2000),
  method: enumField(L.method, inspectionMethods),
  findings: z
    .array(findingBody, { error: `${L.findings}の指定が正しくありません` })
    .max(50, { error: `${L.findings}は50件までです` })
    .default([]),
  result: requiredText(L.result, 4000),
});

/** 是正処置を起こす from a finding: the 当該所属 (default: the 委託先's 所管の所属) and an optional 件名. */
export const openFindingCorrectiveBody = z.object({
  departmentId: optionalId('是正処置の当該所属'),
  title: optionalText('是正処置の件名', 100),
});
