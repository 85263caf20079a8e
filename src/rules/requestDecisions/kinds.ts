/** 請求等の種類 (SPEC M5, J.10.4–J.10.7, J.11) and their Japanese names as the 受付処理票 prints them. */
export const requestKindCodes = ['purpose_notice', 'disclosure', 'correction', 'suspension', 'third_party_stop', 'provision_record_disclosure', 'complaint'] as const;
export type RequestKindCode = (typeof requestKindCodes)[number];

export const requestKindLabels: Record<RequestKindCode, string> = {
  purpose_notice: '利用目的の通知',
  disclosure: '開示',
  correction: '訂正・追加・削除',
  suspension: '利用停止・消去',
  third_party_stop: '第三者提供の停止',
  provision_record_disclosure: '第三者提供記録の開示',
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
};
