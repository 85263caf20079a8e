import { z } from 'zod';

// 評価基準の改定のお知らせ (issue #13): responses.

/** One notice in the 委託先's inbox: the 委託元's new criteria version — name, number, items — and what changed since what it last saw. */
export const criteriaNoticeResponse = z.object({
  id: z.uuid(),
  linkId: z.uuid(),
  /** 評価基準の改定のお知らせ; 現在の評価基準のお知らせ when nothing earlier came from this 委託元 (e.g. on acceptance). */
  kindLabel: z.string(),
  principalName: z.string().nullable(),
  criteriaName: z.string(),
  versionNo: z.number().int(),
  /** 改定された評価基準（第N版）, or 現在の評価基準（第N版） for a first notice. */
  versionLabel: z.string(),
  /** One sentence: what the 委託元 did (改定しました), or, for a first notice, which criteria it uses. */
  summary: z.string(),
  items: z.array(z.object({ code: z.string(), text: z.string(), coversOthers: z.boolean() })),
  publishedAt: z.iso.datetime(),
  /** Changes from the criteria the 委託先 last saw from this 委託元 (its previous notice or 調査票); none without one. */
  changes: z.array(
    z.object({
      kind: z.enum(['added', 'removed', 'reworded', 'coverage']),
      label: z.string(),
      code: z.string(),
      previousText: z.string().nullable(),
      currentText: z.string().nullable(),
    }),
  ),
  changesFrom: z.string().nullable(),
});
