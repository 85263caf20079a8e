/**
 * 個人情報特記事項の遵守に関する報告書 (豊島区 資料B③, seeds/002; 特記事項 第11条 「乙は、契約
 * 履行中において、個人情報の取扱いの遵守状況について…報告しなければならない」): the 9 はい／いいえ
 * items the 委託先 answers, in the seed's wording, with the answer a compliant contractor gives and
 * when the form asks for details. Data only; the 委託先 portal (issue 13) collects the answers.
 */

/** はい / いいえ. */
export type YesNo = 'yes' | 'no';

export type ComplianceReportItem = {
  /** (1)〜(9). */
  number: number;
  /** The heading the item stands under (不適正事案発生の有無, 個人情報の管理体制 …). */
  group: string;
  text: string;
  /**
   * The answer of a contractor in compliance; null where either is fine ((6) 再委託を行っている).
   * `whenSubcontracting`: the item applies only when (6) is はい.
   */
  expected: YesNo | null;
  whenSubcontracting?: boolean;
  /** The answers for which the form asks for the details (〔…具体的内容を記入〕). */
  detailsWhen: readonly YesNo[];
  /** What the form asks to attach or write, as printed. */
  note?: string;
};

/** Version of the form: 豊島区 資料B③ (令和5年3月2日 全部改正の守るべき事項 別紙2). */
export const complianceReportVersion = 'toshima-compliance-report-2023-03';

export const complianceReportItems: readonly ComplianceReportItem[] = Object.freeze([
  {
    number: 1,
    group: '不適正事案発生の有無',
    text: '現状すでに個人情報の不適正な取り扱いの事案が発生している。',
    expected: 'no',
    detailsWhen: ['yes'],
    note: '（はいを選択した場合）具体的内容を記入',
  },
  {
    number: 2,
    group: '個人情報の管理体制',
    text: '個人情報の取扱いについて内部規程を整備している。又はプライバシーマークを取得している。',
    expected: 'yes',
    detailsWhen: [],
    note: '規程等のコピー又はプライバシーマークの取得状況がわかるもののコピーを提出（契約当初及び変更ごと）',
  },
  {
    number: 3,
    group: '責任者・従事者等の明確化',
    text: '受託業務における個人情報保護責任者、作業責任者、作業従事者等を特定している。',
    expected: 'yes',
    detailsWhen: [],
    note: '（はいを選択した場合）名簿のコピーを提出（契約当初に提出し、変更ごとに再提出）',
  },
  {
    number: 4,
    group: '意識向上等の対策',
    text: '個人情報保護及び情報セキュリティに対する意識向上のため研修等を作業従事者に行った。',
    expected: 'yes',
    detailsWhen: ['yes'],
    note: '（はいを選択した場合）具体的対策、日付等を記入',
  },
  {
    number: 5,
    group: '事故対応',
    text: '事故が発生した時の報告について、手順や方法を定めている。',
    expected: 'yes',
    detailsWhen: [],
    note: '（はいを選択した場合）手順や方法等のコピーを提出（契約当初に提出し、変更ごとに再提出）',
  },
  { number: 6, group: '再委託について', text: '再委託を行っている', expected: null, detailsWhen: [] },
  {
    number: 7,
    group: '再委託について',
    text: '再委託を行っている場合、事前に区へ文書で協議し承諾を得ている。',
    expected: 'yes',
    whenSubcontracting: true,
    detailsWhen: [],
  },
  {
    number: 8,
    group: '再委託について',
    text: '再委託を行っている場合、再委託先へ監督を行った。',
    expected: 'yes',
    whenSubcontracting: true,
    detailsWhen: ['yes', 'no'],
    note: '（はいを選択した場合）日付等、実施の具体的内容を記入（いいえを選択した場合）今後の予定を記入',
  },
  {
    number: 9,
    group: 'その他個人情報の取り扱い',
    text: '仕様書及び特記事項に規定した個人情報の取扱いについて、遵守している。',
    expected: 'yes',
    detailsWhen: ['no'],
    note: '（いいえを選択した場合）具体的内容を記入',
  },
] satisfies ComplianceReportItem[]);
