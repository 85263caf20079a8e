import { z } from 'zod';
import { optionalDate, optionalId, pageQuery } from '../validation/fields.ts';

const code = (label: string) =>
  z
    .string({ error: `${label}は文字列で指定してください` })
    .trim()
    .max(60, { error: `${label}は60文字以内で指定してください` })
    .regex(/^[a-z_]+$/, { error: `${label}は英小文字と _ で指定してください` })
    .optional()
    .or(z.literal('').transform(() => undefined));

const seq = (label: string) =>
  z
    .string({ error: `${label}の指定が正しくありません` })
    .regex(/^[1-9]\d{0,15}$/, { error: `${label}の指定が正しくありません` })
    .transform(Number)
    .optional();

/** Filters of the access-log review screen (Toshima 4-8-6 (3) アクセス記録の分析). */
const filterFields = {
  actorAccountId: optionalId('操作者'),
  action: code('操作'),
  entityType: code('対象の種類'),
  entityId: z.string({ error: '対象IDは文字列で指定してください' }).trim().max(100, { error: '対象IDは100文字以内で指定してください' }).optional(),
  from: optionalDate('期間（開始日）'),
  to: optionalDate('期間（終了日）'),
};

const periodCheck = (v: { from: string | null; to: string | null }) => !v.from || !v.to || v.from <= v.to;
const periodMessage = { error: '期間（終了日）は開始日以降にしてください', path: ['to'] };

export const auditLogFilter = z.object(filterFields).refine(periodCheck, periodMessage);
export type AuditLogFilter = z.infer<typeof auditLogFilter>;

/**
 * List query: the filters, page/pageSize (≤ 200), and two optional keys for stable paging while
 * new events keep arriving (reading the log itself adds one):
 * - `cursor`: the `chainSeq` of the last item already shown — returns the items after it
 *   (keyset paging; constant cost at any depth);
 * - `snapshot`: the `snapshot` returned by the first page — later pages ignore newer events.
 */
export const auditLogQuery = pageQuery.extend({ ...filterFields, cursor: seq('カーソル'), snapshot: seq('スナップショット') }).refine(periodCheck, periodMessage);
export type AuditLogQuery = z.infer<typeof auditLogQuery>;
