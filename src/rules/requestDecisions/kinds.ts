/** 請求等の種類 (SPEC M5, J.10.4–J.10.7, J.11) and their Japanese names as the 受付処理票 prints them. */
export const requestKindCodes = [
  'purpose_notice',
  'disclosure',
  'correction',
  'suspension',
  'third_party_stop',
  'provision_record_disclosure',
  'overseas_info',
  'complaint',
] as const;
export type RequestKindCode = (typeof requestKindCodes)[number];

export const requestKindLabels: Record<RequestKindCode, string> = {
  purpose_notice: '利用目的の通知',
  disclosure: '開示',
  correction: '訂正・追加・削除',
  suspension: '利用停止・消去',
  third_party_stop: '第三者提供の停止',
  provision_record_disclosure: '第三者提供記録の開示',
  // 本人の求め about personal data provided to a 外国にある第三者 that has a 体制 (ground b)). The name cites no
  // clause: it is 法第28条第3項・J.8.8.1 3 l) for a 個人情報取扱事業者 and 法第71条第3項 for a 行政機関等, and the
  // deadline and decision name the one that applies (requestDeadlines/rules.ts, reply-letter.wording.ts).
  overseas_info: '外国にある第三者への提供に係る情報提供の求め',
  complaint: '苦情・相談',
};

/** 決定の区分の名称 per kind: 全部開示 / 一部開示 / 不開示, 訂正する / 一部訂正 / 訂正しない … */
export const decisionScopeLabels: Record<Exclude<RequestKindCode, 'complaint'>, Record<'full' | 'partial' | 'refused', string>> = {
  purpose_notice: { full: '通知する', partial: '一部通知する', refused: '通知しない' },
  disclosure: { full: '全部開示', partial: '一部開示', refused: '不開示' },
  correction: { full: '訂正等をする', partial: '一部訂正等をする', refused: '訂正等をしない' },
  suspension: { full: '利用停止等をする', partial: '一部利用停止等をする', refused: '利用停止等をしない' },
  third_party_stop: { full: '第三者提供を停止する', partial: '一部停止する', refused: '第三者提供を停止しない' },
  provision_record_disclosure: { full: '全部開示', partial: '一部開示', refused: '不開示' },
  overseas_info: { full: '全部提供', partial: '一部不提供', refused: '不提供' },
};

/**
 * J.8.8.1 3 l) 1)〜7): the items of information a 外国にある第三者への提供に係る情報提供の求め is answered
 * with, as the seed words them (1) 体制の整備の方法 … 7) k) により講ずる措置の概要).
 */
export const overseasInfoItemNos = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type OverseasInfoItemNo = (typeof overseasInfoItemNos)[number];
export const overseasInfoItemLabels: Readonly<Record<OverseasInfoItemNo, string>> = Object.freeze({
  '1': '1) 当該第三者による体制の整備の方法',
  '2': '2) 当該第三者が実施する相当措置の概要',
  '3': '3) j) による確認の頻度及び方法',
  '4': '4) 当該外国の名称',
  '5': '5) 当該第三者による相当措置の実施に影響を及ぼすおそれのある当該外国の制度の有無及びその概要',
  '6': '6) 当該第三者による相当措置の実施に関する支障の有無及びその概要',
  '7': '7) 6) の支障に関して、k) により講ずる措置の概要',
});
