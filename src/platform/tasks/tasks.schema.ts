import { z } from 'zod';
import { calendarRecurrences } from '../../rules/calendar.ts';
import { pmsRoles, roleLabels } from '../../domain/roles.ts';
import { dateField, enumField, idField, optionalId, optionalText, pageQuery, requiredText, tooLongMessage } from '../validation/fields.ts';
import { optionalQueryInteger } from '../validation/queryParams.ts';
import { taskProgresses } from './tasks.labels.ts';

/**
 * 証跡のリンク: a web address (http/https) or a path inside Mamori (`/documents/…`). Anything
 * else (javascript:, //host) is refused — the link is shown to other users.
 */
const evidenceUrl = z
  .string({ error: '証跡のリンクは文字列で入力してください' })
  .trim()
  // Never cut to the limit: say the limit and how much was typed (issue 10).
  .max(2000, { error: tooLongMessage('証跡のリンク', 2000) })
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v) || (/^\/[^/\\\s][^\s]*$/.test(v) && !v.startsWith('//')), {
    error: '証跡のリンクは http(s):// で始まるURLか、/ で始まる Mamori 内のパスで入力してください',
  });

export const taskIdParams = z.object({ id: idField('タスク') });

/** 期限の範囲 (the /tasks calendar asks for one month): both ends inclusive, either optional. */
const optionalDate = (label: string) => z.preprocess((v) => (v === '' ? undefined : v), dateField(label).optional());
const dueRange = { dueFrom: optionalDate('期限の開始日'), dueTo: optionalDate('期限の終了日') };

export const myTasksQuery = pageQuery.extend({
  view: z
    .enum(['open', 'overdue', 'done'], {
      error: '表示の指定は open・overdue・done のいずれかです',
    })
    .default('open'),
  ...dueRange,
});

export const tasksQuery = pageQuery.extend({
  /** 未着手・対応中・完了・期限超過・取消. */
  progress: enumField('状態', taskProgresses).optional(),
  overdue: z.enum(['0', '1'], { error: '期限切れの指定は0か1で指定してください' }).optional(),
  departmentId: optionalId('所属'),
  /** 発生元 (calendar, manual, or a module's task kind). */
  sourceType: z.string({ error: '発生元の指定が正しくありません' }).max(100, { error: '発生元は100文字以内で指定してください' }).optional(),
  ...dueRange,
});

export const taskCreateBody = z
  .object({
    title: requiredText('タスク名', 200),
    description: optionalText('内容', 4000),
    ownerRole: enumField('担当の役割', pmsRoles).nullish(),
    ownerPersonId: optionalId('担当者'),
    departmentId: optionalId('所属'),
    startsOn: z
      .union([dateField('開始日'), z.literal(''), z.null()])
      .optional()
      .transform((v) => (v ? v : null)),
    dueOn: dateField('期限'),
  })
  .refine((v) => !!v.ownerRole || !!v.ownerPersonId, {
    error: '担当の役割か担当者を指定してください',
    path: ['ownerRole'],
  })
  .refine((v) => !v.ownerRole || !roleLabels[v.ownerRole].perDepartment || !!v.departmentId, {
    error: '所属ごとの役割（所属長など）が担当するタスクには所属を指定してください',
    path: ['departmentId'],
  })
  .refine((v) => !v.startsOn || v.startsOn <= v.dueOn, {
    error: '期限は開始日以降にしてください',
    path: ['dueOn'],
  });

/** What a task's owner may set: 未着手 (open), 対応中 (in_progress), 完了 (done, with evidence), 取消 (cancelled, managers only). */
export const taskUpdateStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;

export const taskUpdateBody = z.object({
  status: enumField('状態', taskUpdateStatuses).optional(),
  evidenceUrl: evidenceUrl.optional(),
  evidenceNote: optionalText('証跡のメモ', 4000).optional(),
});

export const calendarIdParams = z.object({ id: idField('年間計画の項目') });

export const calendarQuery = z.object({
  year: optionalQueryInteger('年', { min: 2000, max: 2100 }),
});

export const calendarItemBody = z
  .object({
    title: requiredText('項目名', 200),
    description: optionalText('内容', 4000),
    clause: optionalText('根拠（条項）', 200),
    ownerRole: enumField('担当の役割', pmsRoles),
    recurrence: enumField('周期', calendarRecurrences),
    month: z
      .number({ error: '月は数値で入力してください' })
      .int({ error: '月は整数で入力してください' })
      .min(1, { error: '月は1〜12で入力してください' })
      .max(12, { error: '月は1〜12で入力してください' })
      .nullish(),
    dayOfMonth: z
      .number({ error: '期限日は数値で入力してください' })
      .int({ error: '期限日は整数で入力してください' })
      .min(1, { error: '期限日は1〜31で入力してください' })
      .max(31, { error: '期限日は1〜31で入力してください' }),
    perDepartment: z.boolean({ error: '所属ごとの指定が正しくありません' }),
    active: z.boolean({ error: '有効・無効の指定が正しくありません' }),
  })
  .refine((v) => v.recurrence === 'monthly' || v.recurrence === 'privacy_mark_renewal' || (v.month !== null && v.month !== undefined), {
    error: '月を入力してください',
    path: ['month'],
  })
  .refine((v) => !roleLabels[v.ownerRole].perDepartment || v.perDepartment, {
    error: '所属ごとの役割（所属長など）が担当する項目は「所属ごと」にしてください',
    path: ['perDepartment'],
  });
