import { z } from 'zod';
import { enumField, idField, optionalDate, optionalId, optionalText, pageQuery, requiredText } from '../../platform/validation/fields.ts';
import { correctiveSources, correctiveStatuses } from './corrective.labels.ts';

// Request schemas of M10 不適合・是正処置 (J.7.1). Japanese messages naming each field.

export const correctiveIdParams = z.object({ id: idField('是正処置') });

/**
 * 不適合の記録 (J.7.1 h) 1) 「是正処置の必要な事象を発見した者は…」): anyone records what they
 * found; the department defaults to the finder's own.
 */
export const createCorrectiveBody = z.object({
  sourceType: enumField('発見の契機', correctiveSources),
  sourceId: optionalId('契機となった記録'),
  sourceRef: optionalText('契機の参照番号（指摘番号など）', 100),
  departmentId: optionalId('当該所属'),
  title: requiredText('件名', 100),
  content: requiredText('不適合の内容', 4000),
  correction: optionalText('修正・結果への対処', 4000),
});

const effectiveField = z
  // 有効性の判定 (J.7.1 h) 6)): the message names the two choices the form offers, never true/false (issue 10).
  .boolean({ error: '有効性の判定は「有効」か「有効でない」で指定してください' })
  .nullish()
  .transform((v) => v ?? null);

/** Changes (only the fields sent change). The effectiveness review is the PMS manager's (J.7.1 h) 6)). */
export const updateCorrectiveBody = z.object({
  title: requiredText('件名', 100).optional(),
  sourceRef: optionalText('契機の参照番号', 100).optional(),
  departmentId: idField('当該所属').optional(),
  content: requiredText('不適合の内容', 4000).optional(),
  correction: optionalText('修正・結果への対処', 4000).optional(),
  rootCause: optionalText('根本原因', 4000).optional(),
  similarCases: optionalText('類似の不適合の有無・発生の可能性', 4000).optional(),
  plan: optionalText('処置計画', 4000).optional(),
  dueOn: optionalDate('実施期限').optional(),
  implementation: optionalText('処置の実施内容', 4000).optional(),
  implementedOn: optionalDate('実施日').optional(),
  effectivenessReview: optionalText('有効性のレビュー（効果確認）', 4000).optional(),
  effective: effectiveField.optional(),
  effectivenessReviewedOn: optionalDate('有効性のレビュー日').optional(),
});

export const correctiveListQuery = pageQuery.extend({
  status: z.union([enumField('状態', correctiveStatuses), z.literal('open')]).optional(),
  sourceType: enumField('発見の契機', correctiveSources).optional(),
  q: optionalText('検索語', 100),
});
