/**
 * Retention of 第三者提供記録 and 第三者提供を受ける際の確認記録 (SPEC §5.3, JIS Q 15001 J.8.8.2 3・
 * J.8.8.3 4「必要な期間保管する」, issue #14 M6). Pure: no clock, no I/O.
 *
 * 個人情報保護法施行規則 第21条（提供記録）・第25条（確認記録）（令和4年4月までは第14条・第18条）:
 * - 一 契約書その他の書面で代替した記録（規則第12条第3項・第16条第3項）: 最後に当該記録に係る個人データ
 *   の提供を行った（受けた）日から起算して1年を経過する日まで;
 * - 二 一括して作成した記録（継続的・反復的な提供, 規則第12条第2項ただし書・第16条第2項ただし書）:
 *   最後の提供の日から起算して3年を経過する日まで;
 * - 三 それ以外（提供の都度の個別の記録）: 3年 — 法第29条第2項・第30条第4項「当該記録を作成した日から」,
 *   民法第140条により作成日の翌日から数える.
 * Year periods end per 民法第143条 ({@link lastDayOfYears}).
 *
 * 個人関連情報の提供に係る確認記録 (J.8.8.4 4 c)〜f), 法第31条第3項で準用する法第30条第4項, 令和4年4月1日施行):
 * the same three periods by form (規則第29条, 作成方法 規則第27条); there is no earlier rule set.
 *
 * 個人関連情報の提供先の確認記録 (J.8.8.4 4 g)〜j)): the 施行規則 sets no period of its own for the
 * 提供先 — 規則第26条〜第29条 concern the 提供元's confirmation under 法第31条 — so JIS Q 15001's
 * 「保管する」 is met with the periods of the 確認記録 that it mirrors (法第30条第4項, 規則第25条;
 * 作成方法 規則第23条), and the basis says so. Article numbers: 規則第19条・第22条・第23条 (提供記録
 * and 確認記録 作成方法・確認方法) were checked against the table of contents of the 個人情報保護委員会
 * ガイドライン（確認記録義務編, 令和5年12月一部改正）; 法第29条 (「第三十一条第三項において読み替えて
 * 準用する場合を含む」) against the text of the Act. 規則第26条〜第29条 could not be read here: they
 * follow from the 令和4年4月 renumbering (第22条〜第25条 are the 確認記録 articles, the 個人関連情報
 * articles come next) and stay as cited until checked against e-Gov.
 */
import { z } from 'zod';
import { addCalendarDays, type IsoDate, isIsoDate } from '../deadlines.ts';
import { lastDayOfYears } from './yearPeriod.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

/**
 * Which record: 第三者提供記録 (we provided), 確認記録 (we received), 個人関連情報の確認記録 (we provided
 * 個人関連情報, J.8.8.4 4 c)〜f)) or 個人関連情報の提供先の確認記録 (we received 個人関連情報 as 個人データ,
 * J.8.8.4 4 g)〜j)).
 */
export const provisionRecordKinds = ['provision', 'receipt', 'related', 'related_receipt'] as const;
export type ProvisionRecordKind = (typeof provisionRecordKinds)[number];

/** How the record was made (記録の作成方法). */
export const provisionRecordForms = ['individual', 'bulk', 'contract'] as const;
export type ProvisionRecordForm = (typeof provisionRecordForms)[number];

export const provisionRecordKindLabels: Record<ProvisionRecordKind, string> = {
  provision: '第三者提供記録',
  receipt: '第三者提供を受ける際の確認記録',
  related: '個人関連情報の提供に係る確認記録',
  related_receipt: '個人関連情報の提供先の確認記録',
};

export const provisionRecordFormLabels: Record<ProvisionRecordForm, string> = {
  individual: '個別の記録（提供の都度作成）',
  bulk: '一括して作成した記録（継続的・反復的な提供）',
  contract: '契約書その他の書面による代替',
};

/** One version of the retention rule (article numbers change with amendments; periods did not). */
export type ProvisionRetentionRuleSet = {
  readonly id: string;
  readonly effectiveFrom: IsoDate;
  /** 法: the article that requires keeping the record, per record kind (absent: the kind did not exist yet). */
  readonly lawArticle: Readonly<Partial<Record<ProvisionRecordKind, string>>>;
  /** 施行規則: the retention article and the article defining each form, per record kind. */
  readonly ruleArticle: Readonly<Partial<Record<ProvisionRecordKind, { retention: string; forms: Readonly<Record<ProvisionRecordForm, string>> }>>>;
  readonly years: Readonly<Record<ProvisionRecordForm, number>>;
  /** JIS Q 15001 clause that asks for the retention. */
  readonly jisClause: Readonly<Partial<Record<ProvisionRecordKind, string>>>;
  /** Kinds the law sets no period for, kept for the period of the record they mirror (JIS Q 15001 only). */
  readonly byAnalogy?: Readonly<Partial<Record<ProvisionRecordKind, ProvisionRecordKind>>>;
};

// 平成28年規則: 提供記録 第12条（作成方法）・第14条（保存期間）, 確認記録 第16条・第18条.
const ruleArticle2017: ProvisionRetentionRuleSet['ruleArticle'] = {
  provision: { retention: '第14条', forms: { contract: '第14条第1号（第12条第3項）', bulk: '第14条第2号（第12条第2項ただし書）', individual: '第14条第3号' } },
  receipt: { retention: '第18条', forms: { contract: '第18条第1号（第16条第3項）', bulk: '第18条第2号（第16条第2項ただし書）', individual: '第18条第3号' } },
};
// 令和4年4月1日施行の規則（条ずれ）: 提供記録 第19条（作成方法）・第21条（保存期間）, 確認記録 第23条・第25条,
// 個人関連情報の確認記録 第27条・第29条.
const ruleArticle2022: ProvisionRetentionRuleSet['ruleArticle'] = {
  provision: { retention: '第21条', forms: { contract: '第21条第1号（第19条第3項）', bulk: '第21条第2号（第19条第2項ただし書）', individual: '第21条第3号' } },
  receipt: { retention: '第25条', forms: { contract: '第25条第1号（第23条第3項）', bulk: '第25条第2号（第23条第2項ただし書）', individual: '第25条第3号' } },
  related: { retention: '第29条', forms: { contract: '第29条第1号（第27条第3項）', bulk: '第29条第2号（第27条第2項ただし書）', individual: '第29条第3号' } },
  // 提供先の確認記録 (J.8.8.4 4 g)〜j)): no article of its own; the 確認記録's 第25条 by analogy.
  related_receipt: { retention: '第25条', forms: { contract: '第25条第1号（第23条第3項）', bulk: '第25条第2号（第23条第2項ただし書）', individual: '第25条第3号' } },
};

const years = { contract: 1, bulk: 3, individual: 3 } as const;
const jisClause2017 = { provision: 'JIS Q 15001 J.8.8.2 3', receipt: 'JIS Q 15001 J.8.8.3 4' } as const;
const jisClause2022 = { ...jisClause2017, related: 'JIS Q 15001 J.8.8.4 4', related_receipt: 'JIS Q 15001 J.8.8.4 4' } as const;

/** Released rule sets, oldest first: 平成27年改正（平成29年5月30日施行）and 令和2年改正（令和4年4月1日施行, 条ずれ）. */
export const provisionRetentionRuleSets: readonly ProvisionRetentionRuleSet[] = Object.freeze([
  Object.freeze({
    id: 'appi-2017-05',
    effectiveFrom: '2017-05-30',
    lawArticle: { provision: '第25条第2項', receipt: '第26条第4項' },
    ruleArticle: ruleArticle2017,
    years,
    jisClause: jisClause2017,
  }),
  Object.freeze({
    id: 'appi-2022-04',
    effectiveFrom: '2022-04-01',
    lawArticle: { provision: '第29条第2項', receipt: '第30条第4項', related: '第31条第3項（第30条第4項の準用）', related_receipt: '第30条第4項' },
    ruleArticle: ruleArticle2022,
    years,
    jisClause: jisClause2022,
    byAnalogy: { related_receipt: 'receipt' as const },
  }),
]);

const isoDate = (field: string, label: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${label}（${field}）は必須です` : `${label}（${field}）は "YYYY-MM-DD" 形式の文字列で入力してください`),
    })
    .refine(isIsoDate, { error: (issue) => `${label}（${field}）は "YYYY-MM-DD" 形式の実在する日付で入力してください（入力値: ${JSON.stringify(issue.input)}）` })
    .refine((value) => value >= '1900-01-01' && value <= '9990-12-31', { error: `${label}（${field}）は 1900-01-01〜9990-12-31 の範囲で入力してください` });

const enumField = <const T extends readonly [string, ...string[]]>(values: T, field: string, label: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `${label}（${field}）は必須です`
        : `${label}（${field}）は ${values.map((v) => `"${v}"`).join('・')} のいずれかで入力してください（入力値: ${JSON.stringify(issue.input)}）`,
  });

/** The facts of one record. `lastProvidedOn` is required for the `bulk` and `contract` forms. */
export const provisionRetentionFactsSchema = z
  .strictObject(
    {
      recordKind: enumField(provisionRecordKinds, 'recordKind', '記録の種類'),
      form: enumField(provisionRecordForms, 'form', '記録の作成方法'),
      /** 記録を作成した日. */
      createdOn: isoDate('createdOn', '記録を作成した日'),
      /** 最後に当該記録に係る個人データの提供を行った（受けた）日. */
      lastProvidedOn: isoDate('lastProvidedOn', '最後に提供を行った（受けた）日').optional(),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return `不明な項目です: ${issue.keys.join(', ')}（項目名の綴りを確認してください）`;
        if (issue.code === 'invalid_type') return '記録の事実は JSON オブジェクトで入力してください';
        return undefined;
      },
    },
  )
  .superRefine((facts, ctx) => {
    if (facts.form !== 'individual' && facts.lastProvidedOn === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['lastProvidedOn'],
        message: `最後に提供を行った（受けた）日（lastProvidedOn）は、${provisionRecordFormLabels[facts.form]}の保存期間の起算日なので必須です`,
      });
    }
  });

export type ProvisionRetentionFacts = z.input<typeof provisionRetentionFactsSchema>;

/** When a record may be disposed of, and why. */
export type ProvisionRetention = {
  rulesVersion: string;
  /** 保存期間（年）. */
  years: number;
  /** The first day counted (起算日). */
  countedFrom: IsoDate;
  /** 保存期間の末日: the record must be kept up to and including this day. */
  retainUntil: IsoDate;
  /** The day the disposal task falls due: the day after {@link retainUntil}. */
  disposalDueOn: IsoDate;
  basis: string;
  reason: string;
};

export class UnknownProvisionRetentionRulesVersionError extends Error {
  constructor(version: string) {
    super(`未知のルールバージョンです: "${version}"（利用可能: ${provisionRetentionRuleSets.map((set) => set.id).join(', ')}）`);
    this.name = 'UnknownProvisionRetentionRulesVersionError';
  }
}

/** The rule set in force on the day (a kind first regulated later, 個人関連情報, takes its first set). */
function ruleSetFor(kind: ProvisionRecordKind, createdOn: IsoDate, version?: string): ProvisionRetentionRuleSet {
  const sets = provisionRetentionRuleSets.filter((set) => set.lawArticle[kind] !== undefined);
  if (version !== undefined) {
    const found = sets.find((set) => set.id === version);
    if (!found) throw new UnknownProvisionRetentionRulesVersionError(version);
    return found;
  }
  let chosen = sets[0] as ProvisionRetentionRuleSet;
  for (const set of sets) if (set.effectiveFrom <= createdOn) chosen = set;
  return chosen;
}

/**
 * The retention of a 第三者提供記録 / 確認記録 and its disposal-due date.
 * @throws ZodError on invalid facts (Japanese messages naming the field).
 * @example provisionRecordRetention({ recordKind: 'provision', form: 'contract', createdOn: '2026-03-01', lastProvidedOn: '2026-04-01' }).retainUntil // '2027-03-31'
 */
export function provisionRecordRetention(input: ProvisionRetentionFacts, rulesVersion?: string): ProvisionRetention {
  const facts = provisionRetentionFactsSchema.parse(input);
  const rules = ruleSetFor(facts.recordKind, facts.createdOn, rulesVersion);
  const n = rules.years[facts.form];
  const record = provisionRecordKindLabels[facts.recordKind];
  const provided = facts.recordKind === 'receipt' || facts.recordKind === 'related_receipt' ? '提供を受けた日' : '提供を行った日';
  const fromLastProvision = facts.form !== 'individual';
  // 一・二号「最後に…提供を行った日から起算して」: that day is day 1. 三号 (法「作成した日から」): 民法第140条 初日不算入.
  const countedFrom = fromLastProvision ? (facts.lastProvidedOn as IsoDate) : addCalendarDays(facts.createdOn, 1);
  const retainUntil = lastDayOfYears(countedFrom, n);

  const statutory = `個人情報の保護に関する法律 ${rules.lawArticle[facts.recordKind]}、個人情報の保護に関する法律施行規則 ${rules.ruleArticle[facts.recordKind]?.forms[facts.form]}`;
  const mirrored = rules.byAnalogy?.[facts.recordKind];
  const basis = mirrored
    ? `${rules.jisClause[facts.recordKind]}（法令に保存期間の定めがないため、${provisionRecordKindLabels[mirrored]}の期間（${statutory}）に準じる）`
    : `${statutory}（${rules.jisClause[facts.recordKind]}）`;
  const reason = fromLastProvision
    ? `${record}を${provisionRecordFormLabels[facts.form]}で作成しているため、最後に${provided}（${displayDate(countedFrom)}）から起算して${n}年を経過する日（${displayDate(retainUntil)}）まで保存し、${displayDate(addCalendarDays(retainUntil, 1))}以降に廃棄します。提供が続く間は最後の${provided}が変わるので、提供のたびに計算し直してください。`
    : `${record}を${provisionRecordFormLabels[facts.form]}で作成しているため、作成した日（${displayDate(facts.createdOn)}）から${n}年（民法第140条により翌日から数え、${displayDate(retainUntil)}まで）保存し、${displayDate(addCalendarDays(retainUntil, 1))}以降に廃棄します。`;

  return { rulesVersion: rules.id, years: n, countedFrom, retainUntil, disposalDueOn: addCalendarDays(retainUntil, 1), basis, reason };
}
