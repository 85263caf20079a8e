/**
 * Versioned rule data of the request-deadline engine (開示等の請求の期限, SPEC §5.2, issue #14).
 *
 * A rule set is frozen once released: a request evaluated under `appi-2023-04` keeps its answer
 * after an amendment lands. An amendment is a *new* entry in {@link requestDeadlineRuleSets} with
 * its own `effectiveFrom`; nothing in an existing entry is edited.
 *
 * Sources: 個人情報の保護に関する法律（法）第32条〜第35条（個人情報取扱事業者: 遅滞なく）,
 * 第83条・第84条（開示決定等の期限・期限の特例）, 第94条（訂正決定等の期限）, 第102条（利用停止決定等の
 * 期限）, 第108条（条例で定める手続）; 行政機関の休日に関する法律 第1条・第2条; 地方自治法 第4条の2;
 * PA01 J.10.1・J.10.4〜J.10.7（seeds/003: 遅滞なくこれに応じる）.
 */

/** The kinds of request (開示等の請求等) a person can make (issue #14, SPEC M5). */
export const requestKinds = ['purpose_notice', 'disclosure', 'correction', 'suspension', 'third_party_stop', 'provision_record_disclosure', 'overseas_info'] as const;
export type RequestKind = (typeof requestKinds)[number];

/** Japanese names of the request kinds, as the forms and messages show them. */
export const requestKindLabels: Record<RequestKind, string> = {
  purpose_notice: '利用目的の通知の求め',
  disclosure: '開示請求',
  correction: '訂正（追加・削除）請求',
  suspension: '利用停止（消去）請求',
  third_party_stop: '第三者提供の停止の請求',
  provision_record_disclosure: '第三者提供記録の開示請求',
  overseas_info: '外国にある第三者への提供に係る情報提供の求め',
};

/** Where a public-profile request's deadline comes from (法第5章 行政機関等の義務等). */
export type PublicArticle = {
  /** The article and paragraph of the decision period, e.g. 第83条第1項. */
  period: string;
  /** The extension paragraph, e.g. 第83条第2項. */
  extension: string;
  /** What is decided (開示決定等 / 訂正決定等 / 利用停止決定等). */
  decision: string;
  /** The article that makes it a request under 第5章 (e.g. 第76条 開示請求権). */
  right: string;
};

export type RequestDeadlineRuleSet = {
  readonly id: string;
  readonly effectiveFrom: string;
  readonly title: string;
  /** 行政機関等: the law's periods (法第83条第1項・第2項, 第84条). */
  readonly public: { readonly periodDays: number; readonly extensionDays: number; readonly specialDays: number };
  /** 個人情報取扱事業者: the default organization target for 遅滞なく (SPEC §5.2). */
  readonly private: { readonly targetDays: number };
  /** Statutory basis per kind for the public profile; null when 第5章 has no such request. */
  readonly publicArticles: Readonly<Record<RequestKind, PublicArticle | null>>;
  /** Statutory basis per kind for the private profile (遅滞なく) and the PA01 clause. */
  readonly privateArticles: Readonly<Record<RequestKind, string>>;
  /**
   * Public-profile kinds without a 第5章 decision period (publicArticles null): the basis the organization
   * target is shown with. 利用目的の通知 has no such request; the 外国にある第三者 information (法第71条第3項)
   * is owed on request with no period.
   */
  readonly publicTargetBases: Readonly<Partial<Record<RequestKind, string>>>;
  /** The law that moves a last day off a 休日. */
  readonly holidayBasis: string;
};

const disclosureArticle: PublicArticle = { period: '第83条第1項', extension: '第83条第2項', decision: '開示決定等', right: '第76条' };
const suspensionArticle: PublicArticle = { period: '第102条第1項', extension: '第102条第2項', decision: '利用停止決定等', right: '第98条' };

/** 令和3年改正法の地方公共団体への適用（令和5年4月1日施行）以降の規定. */
const appi202304: RequestDeadlineRuleSet = Object.freeze({
  id: 'appi-2023-04',
  effectiveFrom: '2023-04-01',
  title: '個人情報の保護に関する法律（令和3年改正。地方公共団体等への適用は令和5年4月1日施行）',
  public: Object.freeze({ periodDays: 30, extensionDays: 30, specialDays: 60 }),
  private: Object.freeze({ targetDays: 14 }),
  publicArticles: Object.freeze({
    purpose_notice: null,
    disclosure: disclosureArticle,
    // 第三者提供記録 is a 第4章 concept (法第33条第5項); at a 行政機関等 the records are
    // 保有個人情報 and are asked for by a 開示請求 (第76条).
    provision_record_disclosure: disclosureArticle,
    correction: { period: '第94条第1項', extension: '第94条第2項', decision: '訂正決定等', right: '第90条' },
    suspension: suspensionArticle,
    // 提供の停止 is a 利用停止請求 under 第98条第1項第2号.
    third_party_stop: suspensionArticle,
    // 法第71条第3項 (本人の求めに応じた情報提供) sets no period and is no 開示請求 of 第5章第4節.
    overseas_info: null,
  }),
  privateArticles: Object.freeze({
    purpose_notice: '個人情報の保護に関する法律 第32条第2項（JIS Q 15001 J.10.4）',
    disclosure: '個人情報の保護に関する法律 第33条第2項（JIS Q 15001 J.10.5）',
    provision_record_disclosure: '個人情報の保護に関する法律 第33条第5項（JIS Q 15001 J.10.1 2・J.10.5）',
    correction: '個人情報の保護に関する法律 第34条第2項・第3項（JIS Q 15001 J.10.6）',
    suspension: '個人情報の保護に関する法律 第35条第1項・第2項・第7項（JIS Q 15001 J.10.7）',
    third_party_stop: '個人情報の保護に関する法律 第35条第3項・第4項・第7項（JIS Q 15001 J.10.7）',
    overseas_info: '個人情報の保護に関する法律 第28条第3項、同施行規則第18条第3項（JIS Q 15001 J.8.8.1 3 l)）',
  }),
  publicTargetBases: Object.freeze({
    purpose_notice: '個人情報の保護に関する法律 第5章に利用目的の通知の求めの定めなし（利用目的は個人情報ファイル簿（第75条）で公表）',
    overseas_info: '個人情報の保護に関する法律 第71条第3項（本人の求めに応じた情報の提供。期間の定めなし）',
  }),
  holidayBasis: '行政機関の休日に関する法律 第2条・地方自治法 第4条の2第4項',
});

/** Every released rule set, oldest first. */
export const requestDeadlineRuleSets: readonly RequestDeadlineRuleSet[] = Object.freeze([appi202304]);

/** The newest rule set; callers store its id with the request. */
export const currentRequestDeadlineRules: RequestDeadlineRuleSet = appi202304;

export class UnknownRequestDeadlineRulesVersionError extends Error {
  readonly version: string;
  constructor(version: string) {
    super(`未知のルールバージョンです: "${version}"（利用可能: ${requestDeadlineRuleSets.map((set) => set.id).join(', ')}）`);
    this.name = 'UnknownRequestDeadlineRulesVersionError';
    this.version = version;
  }
}

/** The rule set with id `version`, or the one in force on `receivedOn` when no version is given. */
export function requestDeadlineRuleSet(receivedOn: string, version?: string): RequestDeadlineRuleSet {
  if (version !== undefined) {
    const found = requestDeadlineRuleSets.find((set) => set.id === version);
    if (!found) throw new UnknownRequestDeadlineRulesVersionError(version);
    return found;
  }
  let chosen = requestDeadlineRuleSets[0] ?? appi202304;
  for (const set of requestDeadlineRuleSets) if (set.effectiveFrom <= receivedOn) chosen = set;
  return chosen;
}
