import type { DecisionScope, RequestProfile } from '../../rules/requestDecisions/grounds.ts';
import type { RequestKind } from './requests.labels.ts';

// The wording of the 回答書 / 決定通知書 (J.10.4–J.10.7, 個人情報の保護に関する法律): which article the
// decision is made under, for each kind, scope and the organization's profile. Pure data.

type DecidedKind = Exclude<RequestKind, 'complaint'>;

/**
 * The article under which the decision is made.
 * - public (行政機関等・地方公共団体, 法第5章第4節): 開示 法第82条第1項（開示する旨）・第2項（開示しない旨）,
 *   訂正 法第93条第1項・第2項, 利用停止 法第101条第1項・第2項. 利用目的の通知 has no statutory procedure
 *   for the public profile, so J.10.4 is cited.
 * - private / designated_manager (個人情報取扱事業者): 利用目的の通知 法第32条第2項・第3項 (J.10.4), 開示
 *   法第33条第2項・第3項 (J.10.5), 第三者提供記録の開示 法第33条第5項 (J.10.5), 訂正等 法第34条第2項・
 *   第3項 (J.10.6), 利用停止等 法第35条第2項・第4項 and the notice of 第7項 (J.10.7).
 */
export function decisionBasis(kind: DecidedKind, scope: DecisionScope, profile: RequestProfile): string {
  const refused = scope === 'refused';
  if (profile === 'public') {
    if (kind === 'disclosure' || kind === 'provision_record_disclosure') return refused ? '個人情報の保護に関する法律第82条第2項' : '個人情報の保護に関する法律第82条第1項';
    if (kind === 'correction') return refused ? '個人情報の保護に関する法律第93条第2項' : '個人情報の保護に関する法律第93条第1項';
    if (kind === 'suspension' || kind === 'third_party_stop') return refused ? '個人情報の保護に関する法律第101条第2項' : '個人情報の保護に関する法律第101条第1項';
    // 法第71条第3項: 本人の求めに応じた情報の提供 (no decision of 第5章第4節; 法第28条 binds 個人情報取扱事業者 only).
    if (kind === 'overseas_info') return '個人情報の保護に関する法律第71条第3項';
    return 'JIS Q 15001 J.10.4';
  }
  const byKind: Record<DecidedKind, string> = {
    purpose_notice: '個人情報の保護に関する法律第32条第2項・第3項（JIS Q 15001 J.10.4）',
    disclosure: '個人情報の保護に関する法律第33条第2項・第3項（JIS Q 15001 J.10.5）',
    provision_record_disclosure: '個人情報の保護に関する法律第33条第5項（JIS Q 15001 J.10.5）',
    correction: '個人情報の保護に関する法律第34条第2項・第3項（JIS Q 15001 J.10.6）',
    suspension: '個人情報の保護に関する法律第35条第2項・第7項（JIS Q 15001 J.10.7）',
    third_party_stop: '個人情報の保護に関する法律第35条第4項・第7項（JIS Q 15001 J.10.7）',
    overseas_info:
      refused || scope === 'partial' ? '個人情報の保護に関する法律第28条第3項（JIS Q 15001 J.8.8.1 3 l)・4）' : '個人情報の保護に関する法律第28条第3項（JIS Q 15001 J.8.8.1 3 l)）',
  };
  return byKind[kind];
}

/**
 * The letter's title: 決定通知書 for the public profile (an administrative decision), 回答書 otherwise. The
 * 外国にある第三者 information is asked for (本人の求め, J.8.8.1 3 l)), not claimed: 「…の求めに対する回答書」.
 */
export function letterTitle(kind: DecidedKind, kindLabel: string, profile: RequestProfile): string {
  if (kind === 'overseas_info') return '外国にある第三者への提供に係る情報提供の求めに対する回答書';
  return profile === 'public' ? `${kindLabel}の請求に対する決定通知書` : `${kindLabel}の請求に対する回答書`;
}

/**
 * 教示 (public profile): 行政不服審査法第2条・第18条第1項 (審査請求, 3か月) and 行政事件訴訟法第14条
 * 第1項 (取消訴訟, 6か月). The private profile has no 審査請求: the letter names where to complain
 * (J.10.3 d), J.11.1).
 */
export function instructionOf(profile: RequestProfile, organizationName: string): string[] {
  if (profile === 'public')
    return [
      `この決定に不服がある場合は、行政不服審査法（平成26年法律第68号）第2条の規定により、この決定があったことを知った日の翌日から起算して3か月以内に、${organizationName}に対して審査請求をすることができます。`,
      `この決定の取消しを求める訴訟は、行政事件訴訟法（昭和37年法律第139号）第14条第1項の規定により、この決定があったことを知った日から6か月以内に提起することができます（審査請求をした場合は、その裁決があったことを知った日から6か月以内）。`,
    ];
  return [`この回答についての苦情・お問い合わせは、${organizationName}の苦情・相談窓口にお申し出ください（JIS Q 15001 J.11.1）。`];
}

/** 理由の提示: 一部・拒否 name the grounds (行政手続法第8条 for the public profile; 法第36条 otherwise). */
export function reasonBasis(profile: RequestProfile): string {
  return profile === 'public' ? '行政手続法第8条' : '個人情報の保護に関する法律第36条';
}

/**
 * The 外国にある第三者 information (overseas_info) is an answer to 本人の求め, not a decision on a 請求:
 * - private / designated_manager: J.8.8.1 4 says why information is withheld (「その理由を説明する」; 法第36条
 *   covers 第32条〜第35条 only) and the letter names the 苦情・相談窓口 (instructionOf).
 * - public: 法第71条第3項 is no 開示決定 of 第5章第4節 and no 処分, so the letter neither cites J.8.8.1 (a
 *   Privacy-Mark rule) nor offers 審査請求・取消訴訟; it names where to ask.
 */
export function overseasInfoWording(profile: RequestProfile, organizationName: string): { reasonBasis: string | null; noteHeading: string; instruction: string[] } {
  if (profile === 'public')
    return {
      reasonBasis: null,
      noteHeading: '提供しない旨の通知及びその理由',
      instruction: [`この回答についてのお問い合わせは、${organizationName}の個人情報保護の担当窓口にお申し出ください。`],
    };
  return { reasonBasis: 'JIS Q 15001 J.8.8.1 4', noteHeading: '提供しない旨の通知及びその理由（J.8.8.1 4）', instruction: instructionOf(profile, organizationName) };
}
