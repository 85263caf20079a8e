// 評価基準の改定のお知らせ (issue #13): labels shared by the server and the web. Japanese, as shown.

/** One 評価項目 as the 委託元 publishes it to its 委託先: number, wording, whether it stands for the others. */
export type PublishedCriterion = { code: string; text: string; coversOthers?: boolean };

/** The kind of the notice, as the 委託先's inbox names it. */
export const criteriaNoticeLabel = '評価基準の改定のお知らせ';

/**
 * A first notice on a link — nothing earlier from that 委託元 (no notice, no 調査票), e.g. the one a
 * 委託先 gets on accepting the invitation: the criteria in force, not a change of anything it saw.
 */
export const currentCriteriaNoticeLabel = '現在の評価基準のお知らせ';
export const currentCriteriaLabel = (versionNo: number) => `現在の評価基準（第${versionNo}版）`;

/** Where a 委託元's 評価項目 in the 委託先's profile come from: its latest 調査票, or a revision it published since. */
export const askedViaQuestionnaireLabel = '最新の調査票';
export const askedViaRevisionLabel = (versionNo: number) => `改定された評価基準（第${versionNo}版）`;

/** The in-app notification telling the 委託先's people that a notice came. */
export const criteriaNoticeNotificationTitle = (principalName: string, versionNo: number, first: boolean) =>
  `${principalName}から${first ? currentCriteriaNoticeLabel : criteriaNoticeLabel}が届きました（第${versionNo}版）`;
