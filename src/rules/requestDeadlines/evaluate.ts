/**
 * The request-deadline engine (開示等の請求の期限, SPEC §5.2, issue #14). Pure: no clock, no I/O.
 *
 * - Public profile (行政機関等・地方公共団体, 法第5章): 開示決定等 within 30 days of receipt
 *   (第83条第1項), extendable by up to 30 days with written notice (第83条第2項); 特例 (第84条):
 *   a substantial part within 60 days, the notice within the first period; 訂正決定等 (第94条)
 *   and 利用停止決定等 (第102条) the same 30 + 30. A 施行条例 may shorten the periods (法第108条),
 *   so `periodDays` / `extensionDays` are organization settings and the 条例 is cited.
 * - Private profile (個人情報取扱事業者, 法第32条〜第35条, PA01 J.10): 遅滞なく — no statutory
 *   number of days; the organization's target (default 14) with `legal: false`.
 * - designated_manager (指定管理者・受託者): a 個人情報取扱事業者 for its own 保有個人データ, so
 *   the private rule, with a note to pass requests about the municipality's data to the 委託元.
 */
import { displayDate } from '../../domain/dateDisplay.ts';
import type { IsoDate } from '../deadlines.ts';
import { excludedDates, type PeriodEnd, periodEnd } from './counting.ts';
import { type RequestDeadlineFacts, requestDeadlineFactsSchema, type ValidRequestDeadlineFacts } from './facts.ts';
import { type PublicArticle, type RequestDeadlineRuleSet, requestDeadlineRuleSet, requestKindLabels } from './rules.ts';

/** The engine's answer — exactly the CLI contract of issue #14. */
export type RequestDeadlineResult = {
  /** Rules version applied (store it with the request). */
  rulesVersion: string;
  /** true when the deadline is a statutory period; false for an organization target (遅滞なく). */
  legal: boolean;
  /** The deadline of the decision (public) or the target date (private). */
  decisionDue: IsoDate;
  /** The deadline after the extension, when `extended`. */
  extendedDue: IsoDate | null;
  /** 第84条: the deadline of the substantial part, when `specialProvision`. */
  specialPartDue: IsoDate | null;
  /** 補正 days not counted in the decision period. */
  excludedDays: number;
  /** Law and article (Japanese). */
  basis: string;
  /** How the date was reached (Japanese). */
  reason: string;
};

const LAW = '個人情報の保護に関する法律';

/**
 * Computes the deadline of a request from its facts.
 * @throws ZodError when the facts are invalid (messages: {@link describeRequestDeadlineFactsIssues}).
 * @throws UnknownRequestDeadlineRulesVersionError for an unknown `rulesVersion`.
 * @example evaluateRequestDeadline({ profile: 'public', kind: 'disclosure', receivedOn: '2026-04-01' }).decisionDue // '2026-05-01'
 */
export function evaluateRequestDeadline(input: RequestDeadlineFacts, rulesVersion?: string): RequestDeadlineResult {
  const facts = requestDeadlineFactsSchema.parse(input);
  const rules = requestDeadlineRuleSet(facts.receivedOn, rulesVersion);
  const article = facts.profile === 'public' ? rules.publicArticles[facts.kind] : null;
  return article ? statutory(facts, rules, article) : target(facts, rules);
}

function excludedSentence(end: PeriodEnd, clause: string): string {
  if (end.excludedDays === 0) return '';
  return `補正に要した${end.excludedDays}日（補正を求めた日の翌日から補正が完了した日まで）は期間に算入しません（${clause}）。`;
}

function rolledSentence(end: PeriodEnd, what: string): string {
  if (end.lastDay === end.due) return '';
  return `${what}の末日（${displayDate(end.lastDay)}）が行政機関の休日（土日・祝日・12月29日〜1月3日）に当たるため、その翌日以降で休日でない最初の日（${displayDate(end.due)}）が期限です。`;
}

/** Public profile: a statutory period (法第83条・第84条・第94条・第102条). */
function statutory(facts: ValidRequestDeadlineFacts, rules: RequestDeadlineRuleSet, article: PublicArticle): RequestDeadlineResult {
  const law = rules.public;
  const periodDays = facts.periodDays ?? law.periodDays;
  const extensionDays = facts.extensionDays ?? law.extensionDays;
  const excluded = excludedDates(facts.correctionPeriods ?? []);
  const label = requestKindLabels[facts.kind];

  const main = periodEnd(facts.receivedOn, periodDays, excluded);
  const extended = facts.extended ? periodEnd(facts.receivedOn, periodDays + extensionDays, excluded) : null;
  const special = facts.specialProvision ? periodEnd(facts.receivedOn, law.specialDays, excluded) : null;
  const byOrdinance = facts.ordinance !== undefined || periodDays !== law.periodDays || extensionDays !== law.extensionDays;
  const ordinance = facts.ordinance ?? '施行条例';

  // 第83条第1項・第2項: the extension paragraph is written without repeating its article.
  const extensionParagraph = article.extension.replace(/^第\d+条/, (head) => (article.period.startsWith(head) ? '' : head));
  const articles = [article.period, ...(extended ? [extensionParagraph] : []), ...(special ? ['第84条'] : [])];
  const basis = [
    `${LAW} ${articles.join('・')}`,
    ...(byOrdinance ? [`${ordinance}（決定の期間${periodDays}日・延長${extensionDays}日）`] : []),
    ...([main, extended, special].some((end) => end !== null && end.lastDay !== end.due) ? [rules.holidayBasis] : []),
  ].join('、');

  const reason = [
    `${label}を受けた日（${displayDate(facts.receivedOn)}）は算入せず、翌日から起算して${periodDays}日目（${displayDate(main.lastDay)}）までに${article.decision}をしなければなりません（法${article.period}）。`,
    byOrdinance ? `期間は${ordinance}の定める${periodDays}日（延長${extensionDays}日）です（法律では${law.periodDays}日・延長${law.extensionDays}日。法第108条）。` : '',
    facts.kind === 'provision_record_disclosure'
      ? '行政機関等には第三者提供記録（法第33条第5項）の定めがなく、提供の記録は保有個人情報として開示請求（法第76条）の対象になります。'
      : '',
    facts.kind === 'third_party_stop' ? '提供の停止は利用停止請求（法第98条第1項第2号）として扱います。' : '',
    excludedSentence(main, `法${article.period}ただし書`),
    rolledSentence(main, '期間'),
    extended
      ? `期間を${extensionDays}日延長したため、${periodDays + extensionDays}日目（${displayDate(extended.lastDay)}）までとなり、期限は${displayDate(extended.due)}です。延長後の期間と延長の理由を遅滞なく書面で請求者に通知してください（法${article.extension}）。${rolledSentence(extended, '延長後の期間')}`
      : '',
    special
      ? `保有個人情報が著しく大量なため期限の特例（法第84条）を適用します。${displayDate(main.due)}までに特例を適用する旨・その理由・残りの開示決定等をする期限を書面で通知し、請求を受けた日の翌日から起算して${law.specialDays}日目（${displayDate(special.lastDay)}）までに相当の部分について開示決定等をし、残りは通知した相当の期間内に開示決定等をします。${rolledSentence(special, '相当の部分の期間')}`
      : '',
  ].join('');

  return {
    rulesVersion: rules.id,
    legal: true,
    decisionDue: main.due,
    extendedDue: extended?.due ?? null,
    specialPartDue: special?.due ?? null,
    excludedDays: main.excludedDays,
    basis,
    reason,
  };
}

/** Private / designated_manager, and a public 利用目的の通知の求め: 遅滞なく with an organization target. */
function target(facts: ValidRequestDeadlineFacts, rules: RequestDeadlineRuleSet): RequestDeadlineResult {
  const targetDays = facts.targetDays ?? rules.private.targetDays;
  const excluded = excludedDates(facts.correctionPeriods ?? []);
  const main = periodEnd(facts.receivedOn, targetDays, excluded);
  const label = requestKindLabels[facts.kind];
  const isPublic = facts.profile === 'public';

  const basis = isPublic ? (rules.publicTargetBases[facts.kind] ?? `${LAW} 第5章に${label}の期間の定めなし`) : rules.privateArticles[facts.kind];
  const reason = [
    isPublic
      ? facts.kind === 'overseas_info'
        ? `${label}には本人の求めに応じて情報を提供しなければなりませんが（${basis}）、期間の定めがないため、法定の期限はありません。`
        : `行政機関等には${label}の定めがないため、法定の期限はありません。`
      : `${label}には「遅滞なく」応じなければならず（${rules.privateArticles[facts.kind]}）、日数の定めはありません。`,
    `組織の目標（${targetDays}日）として、受けた日（${displayDate(facts.receivedOn)}）の翌日から起算して${targetDays}日目（${displayDate(main.lastDay)}）を目安の期限とします（法定の期限ではありません）。`,
    excludedSentence(main, '請求者の補正を待つ日数'),
    main.lastDay === main.due
      ? ''
      : `${displayDate(main.lastDay)}は休日（土日・祝日・12月29日〜1月3日）のため、その翌日以降で休日でない最初の日（${displayDate(main.due)}）を目安とします。`,
    facts.profile === 'designated_manager'
      ? '指定管理者・受託者は自らの保有個人データについて個人情報取扱事業者として対応します。委託元（地方公共団体）の保有個人情報に係る請求は、委託契約の特記事項に従い速やかに委託元へ連絡してください（委託元では開示請求等として法定の期間が進みます）。'
      : '',
  ].join('');

  return { rulesVersion: rules.id, legal: false, decisionDue: main.due, extendedDue: null, specialPartDue: null, excludedDays: main.excludedDays, basis, reason };
}
