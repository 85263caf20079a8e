import { z } from 'zod';
import { corporateNumberMessage, corporateNumberProblem } from '../../rules/contractors/corporateNumber.ts';
import { isContractClauseCode } from '../../rules/contractors/contractClauses.ts';
import { criterionAnswers } from '../../rules/data/contractorCriteria.ts';
import { enumField, idField, optionalDate, optionalEmail, optionalId, optionalText, pageQuery, requiredText } from '../../platform/validation/fields.ts';
import { certificationStatuses, contractorFieldLabels as L, subcontractingClauses } from './contractors.labels.ts';

// Request schemas of M7 委託先管理 (J.9.4). Japanese messages naming each field. Pure (zod, rules):
// the web form validates with these same schemas before submitting.

export const contractorIdParams = z.object({ id: idField('委託先') });

/**
 * 法人番号: 13 digits whose first is the check digit (法人番号の指定等に関する省令 第2条;
 * rules/contractors/corporateNumber.ts). Full-width digits are the same number and are read as
 * such; anything else (hyphens, 12 digits, a wrong check digit) is refused, never corrected.
 */
export const corporateNumberField = z
  .string({ error: `${L.corporateNumber}は13桁の数字で入力してください` })
  .trim()
  .nullish()
  .transform((text, ctx) => {
    if (text === undefined || text === null || text === '') return null;
    const digits = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    const problem = corporateNumberProblem(digits);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${corporateNumberMessage(problem, L.corporateNumber)}（入力値: ${text}）` });
      return z.NEVER;
    }
    return digits;
  });

const specificField = z.boolean({ error: `${L.specificPersonalInfo}は「あり」か「なし」で選んでください` });

const clausesField = z
  .array(z.string().refine(isContractClauseCode, { error: `${L.contractClauses}に知らない項目があります` }), { error: `${L.contractClauses}の指定が正しくありません` })
  .max(100);

const entryIdsField = z.array(idField(L.entryIds), { error: `${L.entryIds}の指定が正しくありません` }).max(200, { error: `${L.entryIds}は200件までです` });

/** 備考's length limit (the form's counter, the import's column). */
export const CONTRACTOR_NOTE_MAX = 2000;

/** The register's fields; each optional here, the create body requires 名称 and 委託する業務. */
const fields = {
  name: requiredText(L.name, 200),
  corporateNumber: corporateNumberField,
  address: optionalText(L.address, 300),
  departmentId: optionalId(L.departmentId),
  privacyMarkStatus: enumField(L.privacyMarkStatus, certificationStatuses),
  privacyMarkExpiresOn: optionalDate(L.privacyMarkExpiresOn),
  ismsStatus: enumField(L.ismsStatus, certificationStatuses),
  ismsExpiresOn: optionalDate(L.ismsExpiresOn),
  contactName: optionalText(L.contactName, 100),
  contactPhone: optionalText(L.contactPhone, 50),
  contactEmail: optionalEmail(L.contactEmail),
  entrustedWork: requiredText(L.entrustedWork, 2000),
  entryIds: entryIdsField,
  contractStartsOn: optionalDate(L.contractStartsOn),
  contractEndsOn: optionalDate(L.contractEndsOn),
  specificPersonalInfo: specificField,
  contractClauses: clausesField,
  contractText: optionalText(L.contractText, 50_000),
  subcontractingClause: enumField(L.subcontractingClause, subcontractingClauses),
  /** 備考 (issue #12): free text, also what the import's 備考 column fills. */
  note: optionalText(L.note, CONTRACTOR_NOTE_MAX),
};

/** The contract period must not end before it starts (a field error on 契約終了日). */
function periodInOrder(value: { contractStartsOn?: string | null; contractEndsOn?: string | null }, ctx: z.RefinementCtx): void {
  if (value.contractStartsOn && value.contractEndsOn && value.contractEndsOn < value.contractStartsOn) {
    ctx.addIssue({ code: 'custom', path: ['contractEndsOn'], message: `${L.contractEndsOn}が${L.contractStartsOn}より前になっています` });
  }
}

/** 委託先の登録 (J.9.4 4). */
export const createContractorBody = z
  .object({
    ...fields,
    privacyMarkStatus: fields.privacyMarkStatus.default('unknown'),
    ismsStatus: fields.ismsStatus.default('unknown'),
    entryIds: fields.entryIds.default([]),
    specificPersonalInfo: fields.specificPersonalInfo.default(false),
    contractClauses: fields.contractClauses.default([]),
    subcontractingClause: fields.subcontractingClause.default('prohibit'),
  })
  .superRefine(periodInOrder);

/** 委託先の変更: only the fields sent change (the period is checked again against the stored one). */
export const updateContractorBody = z
  .object({
    name: fields.name.optional(),
    corporateNumber: fields.corporateNumber.optional(),
    address: fields.address.optional(),
    departmentId: fields.departmentId.optional(),
    privacyMarkStatus: fields.privacyMarkStatus.optional(),
    privacyMarkExpiresOn: fields.privacyMarkExpiresOn.optional(),
    ismsStatus: fields.ismsStatus.optional(),
    ismsExpiresOn: fields.ismsExpiresOn.optional(),
    contactName: fields.contactName.optional(),
    contactPhone: fields.contactPhone.optional(),
    contactEmail: fields.contactEmail.optional(),
    entrustedWork: fields.entrustedWork.optional(),
    entryIds: fields.entryIds.optional(),
    contractStartsOn: fields.contractStartsOn.optional(),
    contractEndsOn: fields.contractEndsOn.optional(),
    specificPersonalInfo: fields.specificPersonalInfo.optional(),
    contractClauses: fields.contractClauses.optional(),
    contractText: fields.contractText.optional(),
    subcontractingClause: fields.subcontractingClause.optional(),
    note: fields.note.optional(),
  })
  .superRefine(periodInOrder);

/** 委託先の一覧: paged, searched by 名称・法人番号・委託する業務. */
export const contractorListQuery = pageQuery.extend({
  q: optionalText('検索語', 100),
});

/** 委託先審査表の評価（作成・変更）: the year and each item's 適・不適・該当なし (J.9.4 t)). */
export const saveEvaluationBody = z.object({
  year: z
    .number({ error: '評価の年は数値で入力してください' })
    .int({ error: '評価の年は整数で入力してください' })
    .min(2000, { error: '評価の年は2000以上で入力してください' })
    .max(2100, { error: '評価の年は2100以下で入力してください' }),
  answers: z.record(z.string(), enumField('評価', criterionAnswers), { error: '評価の指定が正しくありません' }),
  note: optionalText('所見', 4000),
});

export const evaluationIdParams = z.object({ id: idField('委託先審査表') });
