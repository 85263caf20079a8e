import type { OrganizationProfile } from '../../domain/roles.ts';
import type { ClauseQuote } from './riskCriteria.ts';

/**
 * Whose rules a source is (issue 10: a private company's 対策表 and 台帳 warnings cited 世田谷区 and
 * 岡崎市 documents). PA01 (JIS Q 15001:2023 附属書J) is every Privacy-Mark organization's backbone.
 * The municipal seeds are rules of, or imposed on, organizations handling a municipality's
 * personal information: 世田谷区 (seeds/000, a 指定管理者 of municipal housing), 岡崎市 (seeds/001,
 * a 指定管理者's regulation), 豊島区 and 新宿区 (seeds/002, seeds/004, public bodies and their
 * contractors). They fit a public body or a 指定管理者・受託者 (SPEC §0 profile); a private company
 * cites JIS Q 15001 / PA01 and its own rules, and sees a municipal rule only labelled 「参考例」.
 */
export type RuleAudience = 'public_body' | 'company';

/** The audience of an organization's profile: 行政機関等 and 指定管理者・受託者 are `public_body`, anything else `company`. */
export function ruleAudience(profile: OrganizationProfile | string | null | undefined): RuleAudience {
  return profile === 'public' || profile === 'designated_manager' ? 'public_body' : 'company';
}

/** A municipal source shown to a company: 「参考例（岡崎市…）」. */
export function asReferenceExample(text: string): string {
  return `参考例（${text}）`;
}

/**
 * The basis of the 残存リスク対応策 threshold for a company: its own risk criteria (PA01 J.3.1.3 1
 * a)・d)), whose threshold the criteria version records — not 世田谷区's 自己点検チェックシート.
 */
export const companyThresholdBasis: ClauseQuote = Object.freeze({
  clause: 'J.3.1.3 1 d)（リスク基準との比較・リスク対応の優先順位）',
  quote: '1) c) で特定したリスクと、a) のリスク基準とを比較する。 2) リスク対応の優先順位を明らかにする。',
});

/** Whether a clause cites a municipal seed (世田谷区・岡崎市・豊島区・新宿区). */
export function citesMunicipality(clause: string): boolean {
  return /世田谷|岡崎|豊島|新宿|Setagaya|Okazaki|Toshima|Shinjuku/.test(clause);
}
