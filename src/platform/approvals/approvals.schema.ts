import { z } from 'zod';
import { pmsRoles } from '../../domain/roles.ts';
import { approvalStatuses } from '../../rules/approvalChains.ts';
import { dateField, enumField, idField, optionalDate, optionalId, optionalText, pageQuery, requiredText } from '../validation/fields.ts';
import { queryInteger } from '../validation/queryParams.ts';

export const approvalIdParams = z.object({ id: idField('承認依頼') });

/** 承認: an optional comment. */
export const approveBody = z.object({
  comment: optionalText('コメント', 2000),
});

/** 差戻し: the reason is required so the submitter knows what to fix. */
export const returnBody = z.object({
  comment: requiredText('差戻しの理由（コメント）', 2000),
});

export const stampsQuery = z.object({
  recordType: requiredText('記録の種類', 100),
  recordId: idField('記録'),
});

export const recordTypeParams = z.object({
  recordType: requiredText('記録の種類', 100),
});

export const chainBody = z.object({
  steps: z
    .array(
      z.object({
        role: enumField('承認者の役割', pmsRoles),
        label: optionalText('ステップ名', 100),
        sameDepartment: z.boolean({ error: '同一所属の指定が正しくありません' }).optional(),
        /** 代行者の役割 (SPEC §5.4, issue 10): absent = the role's default, null = none. */
        alternateRole: enumField('代行者の役割', pmsRoles).nullable().optional(),
      }),
      { error: '承認ステップを指定してください' },
    )
    .min(1, { error: '承認ステップを1つ以上指定してください' })
    .max(6, { error: '承認ステップは6つまでです' }),
});

/** 代理承認の設定: the delegator defaults to the signed-in person. */
export const delegationBody = z
  .object({
    fromPersonId: optionalId('委任者'),
    toPersonId: idField('代理者'),
    startsOn: dateField('代理期間（開始）'),
    endsOn: dateField('代理期間（終了）'),
    reason: optionalText('理由', 400),
  })
  .refine((v) => v.startsOn <= v.endsOn, {
    error: '代理期間（終了）は開始日以降にしてください',
    path: ['endsOn'],
  });

export const delegationIdParams = z.object({ id: idField('代理承認の設定') });

/** 役割任命申請. */
export const roleRequestBody = z.object({
  personId: idField('任命する従業者'),
  role: enumField('役割', pmsRoles),
  departmentId: optionalId('対象の所属'),
  startsOn: dateField('開始日'),
  note: optionalText('備考', 400),
});

export const roleRequestsQuery = z.object({
  status: z.enum(['draft', 'pending', 'approved', 'returned', 'withdrawn', 'superseded'], { error: '状態の値が正しくありません' }).optional(),
});

/** 滞留している承認: how many days at one step count as too long (default 7). */
export const stuckQuery = z.object({
  olderThanDays: queryInteger('日数', 7, { min: 1, max: 365 }),
});

/**
 * Which approvals the 承認 page lists (issue 10 「/approvals」): `waiting` the requests waiting for
 * me (in my own right, as 代理 or as 代行者), `submitted` what I submitted, `decided` what I
 * approved or returned.
 */
export const approvalListViews = ['waiting', 'submitted', 'decided'] as const;

/** 承認の一覧の絞り込み: the view, the record type, the status, the submitted period and the department; paged. */
export const approvalListQuery = pageQuery
  .extend({
    view: enumField('一覧の種類', approvalListViews).default('waiting'),
    recordType: optionalText('記録の種類', 100),
    status: enumField('状態', approvalStatuses).optional(),
    submittedFrom: optionalDate('申請日（から）'),
    submittedTo: optionalDate('申請日（まで）'),
    departmentId: optionalId('所属'),
  })
  .refine((q) => !q.submittedFrom || !q.submittedTo || q.submittedFrom <= q.submittedTo, {
    error: '申請日（まで）は申請日（から）以降にしてください',
    path: ['submittedTo'],
  });
