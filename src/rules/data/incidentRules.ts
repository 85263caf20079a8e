/**
 * Versioned rule data for the incident-duties engine (報告等の義務の判定ルール, SPEC §5.1).
 *
 * Each rule set is frozen once released: an incident evaluated under `appi-2024-04` keeps that
 * result even after a later amendment lands. An amendment (e.g. the 令和8年 APPI amendment that
 * relaxes 本人通知 when the risk to the person is small) is added as a *new* entry in
 * {@link incidentRuleSets}, typically built with {@link deriveIncidentRuleSet} from the previous
 * one, with its own `effectiveFrom`. Nothing in an existing entry is edited.
 *
 * Sources: 個人情報保護法（法）第26条・第68条, 個人情報保護法施行規則（規則）第7条〜第10条・第43条,
 * 番号法第29条の4 and 特定個人情報の漏えい等に関する報告等に関する規則, 個人情報保護法ガイドライン
 * （通則編）3-5, PA01 J.4.4.2 (seeds/003), 豊島区 個人情報特記事項 (seeds/002), 岡崎市営住宅
 * 指定管理者における個人情報保護規程 第20条 (seeds/001), 世田谷区 対応フロー (seeds/000).
 */
import type { DutyKind, IncidentEventKind } from '../incidentDuties.ts';

/** Identifiers of the situations (報告対象事態) a rule set can recognise. */
export type IncidentTriggerId =
  | 'appi_r7_1_sensitive'
  | 'appi_r7_2_financial'
  | 'appi_r7_3_improper_purpose'
  | 'appi_r7_4_over_threshold'
  | 'mynumber_r2_1_system'
  | 'mynumber_r2_2_improper_purpose'
  | 'mynumber_r2_3_unspecified_many'
  | 'mynumber_r2_4_over_threshold'
  | 'public_r43_1_sensitive'
  | 'public_r43_2_financial'
  | 'public_r43_3_improper_purpose'
  | 'public_r43_4_over_threshold'
  | 'public_r43_5_ordinance_sensitive'
  | 'pmark_accident'
  | 'municipal_accident';

/** Identifiers of the exclusions (除外・免除) a rule set can apply. */
export type IncidentExclusionId = 'appi_encryption' | 'appi_pseudonymized' | 'appi_contractor_relief' | 'mynumber_encryption' | 'mynumber_contractor_relief' | 'public_encryption';

/** Identifiers of the Japanese sentence templates used to explain results. */
export type IncidentTextId =
  | 'missingEvents'
  | 'missingPersons'
  | 'missingPersonsMyNumber'
  | 'excludedRecovered'
  | 'excludedRecoveredStillAccident'
  | 'excludedIntentional'
  | 'excludedRational'
  | 'excludedCopy'
  | 'lossCopyNotExcluded'
  | 'improperHandlingNotLeak'
  | 'improperHandlingNotLeakMyNumber'
  | 'possibleSuffix'
  | 'overThresholdCount'
  | 'overThresholdMay'
  | 'overThresholdApproximate'
  | 'noteApproximateNearThreshold'
  | 'appiSituation'
  | 'mynumberSituation'
  | 'publicSituation'
  | 'preliminaryTiming'
  | 'finalTiming'
  | 'finalSixtyAppi'
  | 'finalSixtyMyNumber'
  | 'finalSixtyPublic'
  | 'publicBodyTiming'
  | 'contractorPending'
  | 'contractorFulfilled'
  | 'contractorLate'
  | 'contractorRelieved'
  | 'principalNoticeStart'
  | 'pmarkFinal'
  | 'pmarkFinalSixty'
  | 'pmarkPreliminary'
  | 'pmarkPreliminaryRelieved'
  | 'pmarkStakeholder'
  | 'municipalReport'
  | 'noticeAppi'
  | 'noticeMyNumber'
  | 'noticePublic'
  | 'noticePmark'
  | 'noticeEntrusted'
  | 'noticeMunicipal'
  | 'publicationAppi'
  | 'publicationPmark'
  | 'publicationPublic'
  | 'publicationMunicipal'
  | 'publicationEntrusted'
  | 'noteStopUse'
  | 'notePublicEscalation'
  | 'notePublicPseudonymized'
  | 'noteOrdinanceSensitiveNotPublic'
  | 'noteContractorNonReportable'
  | 'notePlannedWithoutImproperPurpose'
  | 'notePlannedNotCovered'
  | 'noteBeforeEffective'
  | 'noteAppiAndMyNumber';

/** A frozen, versioned set of incident rules. Every field is data; the engine holds no law. */
export type IncidentRuleSet = {
  /** Stable id stored with each evaluation, e.g. `appi-2024-04`. */
  readonly id: string;
  /** First 知った日 (knownOn) this set applies to, `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  readonly title: string;
  readonly thresholds: {
    /** 規則第7条第4号: more than this many persons (1,000 → 1,001 or more). */
    readonly privatePersons: number;
    /** 規則第43条第4号 (行政機関等). */
    readonly publicPersons: number;
    /** 特定個人情報漏えい等報告規則 第2条第4号. */
    readonly myNumberPersons: number;
  };
  /** Periods in days, day 1 = 知った日 (see deadlines.ts). */
  readonly days: {
    /** 速報「速やかに」の目安 (通則編3-5-3-3: 概ね3～5日以内). */
    readonly preliminaryTarget: { readonly from: number; readonly to: number };
    /** 委託先から委託元への通知「速やかに」の目安 (通則編3-5-3-5). */
    readonly principalNoticeTarget: { readonly from: number; readonly to: number };
    readonly final: number;
    /** When 不正の目的 applies (規則第7条第3号 / 第43条第3号 / 番号 第2条第2号). */
    readonly finalImproperPurpose: number;
    /** PA01 J.4.4.2 プライバシーマーク推進センターへの速報: 発覚日から3～5日以内. */
    readonly jipdecPreliminaryTarget: { readonly from: number; readonly to: number };
    readonly jipdecFinal: number;
    readonly jipdecFinalImproperPurpose: number;
  };
  readonly flags: {
    /**
     * 規則第7条第3号 as amended from 2024-04-01: personal information the business obtained or
     * is obtaining and intends to handle as personal data is covered (web skimming etc.).
     */
    readonly improperPurposeCoversPlannedPersonalData: boolean;
    /**
     * Whether the 行政機関の休日 shift (deadlines.ts) also applies to the JIPDEC 確報. The seed
     * gives a plain 「発覚日から30日」; the 休日 rule is for filings with 行政庁. Off = the
     * earlier, conservative date.
     */
    readonly jipdecFinalMovesToWorkingDay: boolean;
    /**
     * Whether a leak recovered before anyone saw it still counts as a 事故等 (⑨ おそれ) for the
     * Privacy Mark and as an 事故 under a municipal contract. The APPI definition (通則編3-5-1-1)
     * excludes it; the P-mark and contract wording (「おそれ」「帰責の有無に関わらず」) is broader.
     */
    readonly recoveredLeakStillAccident: boolean;
  };
  readonly eventLabels: Readonly<Record<IncidentEventKind, string>>;
  readonly duties: Readonly<Record<DutyKind, { readonly label: string; readonly recipient: string }>>;
  readonly triggers: Readonly<Record<IncidentTriggerId, { readonly label: string; readonly basis: string }>>;
  readonly exclusions: Readonly<Record<IncidentExclusionId, { readonly label: string; readonly basis: string }>>;
  /** Legal basis strings for each duty and source, Japanese, with law and clause. */
  readonly basis: Readonly<Record<IncidentBasisId, string>>;
  /** Sentence templates; `{name}` placeholders are filled by the engine. */
  readonly text: Readonly<Record<IncidentTextId, string>>;
};

/** Identifiers of basis strings attached to duties. */
export type IncidentBasisId =
  | 'appiPreliminary'
  | 'appiFinal'
  | 'appiNotice'
  | 'appiContractorNotice'
  | 'appiPublication'
  | 'mynumberPreliminary'
  | 'mynumberFinal'
  | 'mynumberNotice'
  | 'mynumberContractorNotice'
  | 'publicReport'
  | 'publicNotice'
  | 'publicPublication'
  | 'pmarkPreliminary'
  | 'pmarkFinal'
  | 'pmarkNotice'
  | 'pmarkPublication'
  | 'pmarkStakeholder'
  | 'municipalReport'
  | 'municipalNotice'
  | 'municipalPublication';

/**
 * Rules in force from 2024-04-01 (令和5年12月の規則改正: 第7条第3号の対象拡大の施行日).
 *
 * Article numbers of the My Number report rule beyond 第2条 (第3条: 速報・確報) and of 規則第44条
 * (行政機関等の速報・確報) are given from the published rules as we read them; see
 * docs/rules/incident-duties.md「不確かな点」.
 */
const appi202404: IncidentRuleSet = {
  id: 'appi-2024-04',
  effectiveFrom: '2024-04-01',
  title: '個人情報保護法・施行規則（令和6年4月1日施行の規則第7条第3号改正後）、番号法、PA01 J.4.4.2、自治体委託の特記事項',
  thresholds: { privatePersons: 1000, publicPersons: 100, myNumberPersons: 100 },
  days: {
    preliminaryTarget: { from: 3, to: 5 },
    principalNoticeTarget: { from: 3, to: 5 },
    final: 30,
    finalImproperPurpose: 60,
    jipdecPreliminaryTarget: { from: 3, to: 5 },
    jipdecFinal: 30,
    jipdecFinalImproperPurpose: 60,
  },
  flags: {
    improperPurposeCoversPlannedPersonalData: true,
    jipdecFinalMovesToWorkingDay: false,
    recoveredLeakStillAccident: true,
  },
  eventLabels: {
    leak: '漏えい',
    loss: '紛失',
    destruction: '滅失',
    damage: '毀損',
    tampering: '改ざん',
    inaccuracy: '正確性の未確保',
    improper_acquisition: '不正・不適正取得',
    purpose_violation: '目的外利用・提供',
    misuse: '不正利用',
    request_refusal: '開示等の求め等の拒否',
  },
  duties: {
    ppc_preliminary: { label: '個人情報保護委員会への速報', recipient: '個人情報保護委員会（権限委任がある分野は事業所管大臣等）' },
    ppc_final: { label: '個人情報保護委員会への確報', recipient: '個人情報保護委員会（権限委任がある分野は事業所管大臣等）' },
    mynumber_preliminary: { label: '特定個人情報の漏えい等の速報', recipient: '個人情報保護委員会（特定個人情報の報告窓口）' },
    mynumber_final: { label: '特定個人情報の漏えい等の確報', recipient: '個人情報保護委員会（特定個人情報の報告窓口）' },
    public_body_report: {
      label: '個人情報保護委員会への漏えい等報告（行政機関等・速報及び確報）',
      recipient: '個人情報保護委員会（及び行政機関の長等への内部報告）',
    },
    jipdec_preliminary: {
      label: '審査機関への事故等の速報（プライバシーマーク推進センター経由）',
      recipient: '審査機関（JIPDEC プライバシーマーク推進センターを通じて）',
    },
    jipdec_final: {
      label: '審査機関への事故等の確報（プライバシーマーク推進センター経由）',
      recipient: '審査機関（JIPDEC プライバシーマーク推進センターを通じて）',
    },
    principal_report: { label: '委託元への報告', recipient: '委託元' },
    individual_notice: { label: '本人への通知', recipient: '本人' },
    publication_consideration: { label: '公表の検討（二次被害・類似事案の防止）', recipient: '公衆（ウェブサイト等）' },
  },
  triggers: {
    appi_r7_1_sensitive: {
      label: '要配慮個人情報が含まれる個人データの漏えい等（1名でも対象）',
      basis: '個人情報保護法第26条第1項、同法施行規則第7条第1号',
    },
    appi_r7_2_financial: {
      label: '不正に利用されることにより財産的被害が生じるおそれがある個人データの漏えい等',
      basis: '個人情報保護法第26条第1項、同法施行規則第7条第2号',
    },
    appi_r7_3_improper_purpose: {
      label: '不正の目的をもって行われたおそれがある個人データ（取得し又は取得しようとしている個人情報で個人データとして取り扱われる予定のものを含む）の漏えい等',
      basis: '個人情報保護法第26条第1項、同法施行規則第7条第3号（令和6年4月1日施行の改正後）',
    },
    appi_r7_4_over_threshold: {
      label: '本人の数が1,000人を超える個人データの漏えい等',
      basis: '個人情報保護法第26条第1項、同法施行規則第7条第4号',
    },
    mynumber_r2_1_system: {
      label: '情報提供ネットワークシステム等又は個人番号利用事務等の情報システムで管理される特定個人情報の漏えい等',
      basis: '番号法第29条の4第1項、特定個人情報の漏えい等に関する報告等に関する規則第2条第1号',
    },
    mynumber_r2_2_improper_purpose: {
      label: '不正の目的をもって行われたおそれがある特定個人情報の漏えい等、又は不正の目的による利用・提供',
      basis: '番号法第29条の4第1項、特定個人情報の漏えい等に関する報告等に関する規則第2条第2号',
    },
    mynumber_r2_3_unspecified_many: {
      label: '特定個人情報ファイルに記録された特定個人情報が電磁的方法により不特定多数の者に閲覧され、又は閲覧されるおそれ',
      basis: '番号法第29条の4第1項、特定個人情報の漏えい等に関する報告等に関する規則第2条第3号',
    },
    mynumber_r2_4_over_threshold: {
      label: '漏えい等又は番号法第9条・第19条に反する利用・提供に係る本人の数が100人を超える',
      basis: '番号法第29条の4第1項、特定個人情報の漏えい等に関する報告等に関する規則第2条第4号',
    },
    public_r43_1_sensitive: {
      label: '要配慮個人情報が含まれる保有個人情報の漏えい等',
      basis: '個人情報保護法第68条第1項、同法施行規則第43条第1号',
    },
    public_r43_2_financial: {
      label: '不正に利用されることにより財産的被害が生じるおそれがある保有個人情報の漏えい等',
      basis: '個人情報保護法第68条第1項、同法施行規則第43条第2号',
    },
    public_r43_3_improper_purpose: {
      label: '不正の目的をもって行われたおそれがある保有個人情報の漏えい等',
      basis: '個人情報保護法第68条第1項、同法施行規則第43条第3号',
    },
    public_r43_4_over_threshold: {
      label: '本人の数が100人を超える保有個人情報の漏えい等',
      basis: '個人情報保護法第68条第1項、同法施行規則第43条第4号',
    },
    public_r43_5_ordinance_sensitive: {
      label: '条例要配慮個人情報が含まれる保有個人情報の漏えい等（地方公共団体の機関・地方独立行政法人）',
      basis: '個人情報保護法第68条第1項、同法施行規則第43条第5号',
    },
    pmark_accident: {
      label:
        'プライバシーマークの「事故等」（漏えい、紛失、滅失・毀損、改ざん・正確性の未確保、不正・不適正取得、目的外利用・提供、不正利用、開示等の求め等の拒否、又はそのおそれ）',
      basis: 'PA01 J.4.4.2《緊急事態の定義》e)（JIS Q 15001:2023 A.13）',
    },
    municipal_accident: {
      label: '自治体から受託した業務に関する個人情報の事故（帰責の有無に関わらない）',
      basis: '豊島区 個人情報特記事項 第16条第2項（資料B 記載例。資料A ひな型では第15条）、岡崎市営住宅指定管理者における個人情報保護規程 第20条',
    },
  },
  exclusions: {
    appi_encryption: {
      label: '高度な暗号化等の措置（報告対象事態から除外）',
      basis: '個人情報保護法施行規則第7条第1号括弧書（高度な暗号化その他の個人の権利利益を保護するために必要な措置を講じたものを除く）、通則編3-5-3-1',
    },
    appi_pseudonymized: {
      label: '仮名加工情報（法第26条の適用除外）',
      basis: '個人情報保護法第41条第9項',
    },
    appi_contractor_relief: {
      label: '委託元への通知による委託先の報告・本人通知の免除',
      basis: '個人情報保護法第26条第1項ただし書・同条第2項括弧書、同法施行規則第9条、通則編3-5-3-5',
    },
    mynumber_encryption: {
      label: '高度な暗号化等の措置（特定個人情報の報告対象事態から除外）',
      basis: '特定個人情報の漏えい等に関する報告等に関する規則第2条（高度な暗号化その他の個人の権利利益を保護するために必要な措置を講じたものを除く）',
    },
    mynumber_contractor_relief: {
      label: '委託元への通知による委託先の特定個人情報報告・本人通知の免除',
      basis: '番号法第29条の4第1項ただし書・同条第2項括弧書',
    },
    public_encryption: {
      label: '高度な暗号化等の措置（行政機関等の報告対象事態から除外）',
      basis: '個人情報保護法施行規則第43条第1号括弧書',
    },
  },
  basis: {
    appiPreliminary: '個人情報保護法第26条第1項、同法施行規則第8条第1項（速報：知った後、速やかに）、通則編3-5-3-3（概ね3～5日以内）',
    appiFinal: '個人情報保護法第26条第1項、同法施行規則第8条第2項（確報：知った日から30日以内、第7条第3号の事態は60日以内）、通則編3-5-3-4',
    appiNotice: '個人情報保護法第26条第2項、同法施行規則第10条、通則編3-5-4',
    appiContractorNotice: '個人情報保護法第26条第1項ただし書、同法施行規則第9条（委託元への通知：速やかに）、通則編3-5-3-5',
    appiPublication: '個人情報保護法ガイドライン（通則編）3-5-2（事実関係及び再発防止策等の公表が望ましい）',
    mynumberPreliminary: '番号法第29条の4第1項、特定個人情報の漏えい等に関する報告等に関する規則第3条第1項（速報：速やかに）',
    mynumberFinal: '番号法第29条の4第1項、特定個人情報の漏えい等に関する報告等に関する規則第3条第2項（確報：30日以内、第2条第2号の事態は60日以内）',
    mynumberNotice: '番号法第29条の4第2項',
    mynumberContractorNotice: '番号法第29条の4第1項ただし書（委託元への通知）',
    publicReport:
      '個人情報保護法第68条第1項、同法施行規則第43条・第44条（速報：速やかに、確報：30日以内、第43条第3号の事態は60日以内）、行政機関等の保有する個人情報の適切な管理のための措置に関する指針 4-8-11(6)',
    publicNotice: '個人情報保護法第68条第2項（ただし書：通知困難で代替措置をとる場合、又は第78条第1項各号の不開示情報を含む場合を除く）',
    publicPublication: '行政機関等の保有する個人情報の適切な管理のための措置に関する指針 4-8-11(7)（豊島区資料C）',
    pmarkPreliminary: 'PA01 J.4.4.2《プライバシーマーク推進センターへの速報》（本項1)～8)に該当する事態：発覚日から3～5日以内）',
    pmarkFinal: 'PA01 J.4.4.2《プライバシーマーク推進センターへの確報》（事故等：発覚日から30日以内、本項3)又は5)の場合は60日以内）',
    pmarkNotice: 'PA01 J.4.4.2 3 a)（緊急事態が発生した個人情報の内容を本人に速やかに通知する）・s)',
    pmarkPublication: 'PA01 J.4.4.2 3 b)（可能な限り事実関係、発生原因及び対応策を遅滞なく公表する）・t)',
    pmarkStakeholder: 'PA01 J.4.4.2 3 c)（関係機関及び利害関係者に直ちに報告する。利害関係者とは委託元／委託先等）・q) 4)（委託元への報告）',
    municipalReport: '豊島区 個人情報特記事項 第16条第2項（資料B 記載例。資料A ひな型では第15条）、岡崎市営住宅指定管理者における個人情報保護規程 第20条',
    municipalNotice: '豊島区 個人情報特記事項 第16条第2項 注②（本人への通知は甲、乙の双方に義務がある。連名での通知も可能）',
    municipalPublication: '豊島区 個人情報特記事項 第16条第4項、岡崎市営住宅指定管理者における個人情報保護規程 第20条、世田谷区 個人情報漏えい時の対応フロー ④',
  },
  text: {
    missingEvents:
      '何が起きたか（漏えい・紛失・滅失・毀損・改ざん等、又はそのおそれ）が選ばれていないため、報告等の義務の有無をまだ判定できません（漏えい等の定義: 個人情報保護法ガイドライン通則編3-5-1、事故等の定義: PA01 J.4.4.2 e)）。',
    missingPersons:
      '本人の数が分かっていません。{threshold}人を超える漏えい等は報告対象事態です（{basis}）。分かっている人数か、見込みの最大数を入力するまで、人数による報告等の義務は判定できません。',
    missingPersonsMyNumber: '特定個人情報は{threshold}人を超えると報告対象事態です（{basis}）。',
    excludedRecovered: '{events}：第三者に閲覧されないうちに全てを回収したため、個人情報保護法上の「漏えい」に該当しません（通則編3-5-1-1）。',
    excludedRecoveredStillAccident:
      'ただし回収までの間は漏えいのおそれがあったため、プライバシーマークの「事故等」（⑨おそれ）、自治体との委託契約上の「事故」、行政機関等の「安全管理上の問題となる事案」（4-8-11）としては、該当する場合に引き続き扱います。',
    excludedIntentional:
      '{events}：自らの意図に基づく第三者への提供であり、「漏えい」に該当しません（通則編3-5-1-1）。提供の適法性は第三者提供の制限（法第27条）の問題として確認し、同意のない提供等であれば事象に「目的外利用・提供」を加えてください。',
    excludedRational: '{events}：合理的な理由による削除であり、「滅失」に該当しません（通則編3-5-1-2）。',
    excludedCopy: '{events}：同じ内容のデータが他に保管されているため、「滅失」「毀損」に該当しません（通則編3-5-1-2、3-5-1-3）。',
    lossCopyNotExcluded:
      '紛失：同じデータが他に保管されていても、紛失した書類・媒体等が第三者に閲覧されたおそれがある限り「漏えい（のおそれ）」として扱います（複製の存在は滅失を否定するにとどまります）。',
    improperHandlingNotLeak:
      '{events}は{law}の「漏えい等」（漏えい、滅失又は毀損）に当たらないため、漏えい等報告・本人通知の対象外です（利用目的による制限・不適正利用の禁止・適正な取得・正確性の確保・開示等の規定の違反として是正は必要です）。',
    improperHandlingNotLeakMyNumber: 'ただし特定個人情報の番号法第9条・第19条に反する利用・提供は、特定個人情報の報告対象事態の判定に含めます。',
    possibleSuffix: '（発生したおそれを含む）',
    overThresholdCount: '（{count}人）',
    overThresholdMay: '（最大{count}人に及ぶおそれ）',
    overThresholdApproximate: '（約{count}人・概数）',
    noteApproximateNearThreshold:
      '本人の数は概数（約{count}人）のため、{threshold}人を超えるかどうかが確定していません（{basis}）。{threshold}人を超えるおそれがあるときは「本人の数の見込み最大数」にその数を入力してください（超える「おそれ」がある事態も報告対象です）。確定した数が分かったら本人の数を改めて入力してください。',
    appiSituation: '{triggers}に該当するため、個人情報保護委員会への報告対象事態{possible}です（規則第7条{items}）。',
    mynumberSituation: '{triggers}に該当するため、特定個人情報の報告対象事態{possible}です（特定個人情報漏えい等報告規則第2条{items}）。',
    publicSituation: '{triggers}に該当するため、法第68条第1項の報告対象事態{possible}です（規則第43条{items}）。',
    preliminaryTiming:
      '知った日（{start}）の後、速やかに速報してください（目安：{from}〜{to}。知った日を1日目として{fromDay}〜{toDay}日目）。速報は、その時点で把握している事項で足ります。',
    finalTiming: '確報は知った日（{start}）を1日目として{days}日以内、{due}までに提出してください（末日が土日・祝日・年末年始の場合は翌開庁日）。',
    finalSixtyAppi: '規則第7条第3号（不正の目的）に該当するため、確報期限は60日です。',
    finalSixtyMyNumber: '第2条第2号（不正の目的）に該当するため、確報期限は60日です。',
    finalSixtyPublic: '規則第43条第3号（不正の目的）に該当するため、確報期限は60日です。',
    publicBodyTiming:
      '速報は速やかに（目安：{from}〜{to}）、確報は知った日（{start}）を1日目として{days}日以内、{due}まで（末日が土日・祝日・年末年始の場合は翌開庁日）に行ってください。「対象期間」（targetRange）は速報の目安、「期限」（due）は確報の期限です。',
    contractorPending:
      '委託先として、委託元へ速やかに（目安：{from}〜{to}）当該事態を通知すれば、自らの報告及び本人への通知は免除されます（報告は委託元が行い、委託元はこの通知を受けた時点までに「知った」ものとされます）。通知するまでは自らの報告義務も残るため、速報・確報も表示しています。',
    contractorFulfilled: '委託元へ{notifiedAt}に通知済みです。',
    contractorLate: '委託元への通知日（{notifiedAt}）が「速やかに」の目安（{to}まで）を過ぎているため、免除を前提とせず、自らの報告・本人通知の義務も表示しています。',
    contractorRelieved: '委託先として{notifiedAt}（目安期限{to}以内）に委託元へ通知したため、自らの{what}は免除されます。報告は委託元が行います。',
    principalNoticeStart: '委託元として、遅くとも委託先から通知を受けた日（{notifiedAt}）に当該事態を知ったものとして期限を計算しています（通則編3-5-3-5）。',
    pmarkFinal:
      '{events}{possible}はプライバシーマークの「事故等」に当たるため（本人1名分でも対象）、発覚日（{start}）から{days}日以内（{due}まで）に、プライバシーマーク推進センターを通じて審査機関へ確報してください。',
    pmarkFinalSixty: '不正の目的をもって行われたおそれがある（本項3）又は5））ため、60日です。',
    pmarkPreliminary:
      '個人情報保護委員会への報告対象となる事態（本項1)～8)：{triggers}）に該当するため、発覚日から3～5日以内（{from}〜{to}）にプライバシーマーク推進センターを通じて速報してください。',
    pmarkPreliminaryRelieved: '委託元への通知により自らの個人情報保護委員会への報告が免除される場合でも、事態の類型として本項1)～8)に該当します。',
    pmarkStakeholder:
      '受託した個人情報に係る事故等のため、事実関係、発生原因及び対応策を利害関係者である委託元に直ちに（{start}）報告してください（J.4.4.2 3 c)、一次対応 q) 4)）。本人通知・公表・関係機関への報告は委託元の指示に基づきます。',
    municipalReport:
      '自治体から受託した業務の個人情報に係る事故{possible}のため、事故の発生に係る帰責の有無に関わらず、直ちに（{start}）委託元へ、事故に関わる個人情報の内容、件数、事故の発生場所、発生状況等を報告し、その指示に従ってください。時間を要する事実確認の前に、まず報告します（4-8-11(1)注）。',
    noticeAppi:
      '個人情報保護委員会への報告対象事態のため、当該事態の状況に応じて速やかに本人へ通知してください（通知事項：概要、項目、原因、二次被害又はそのおそれの有無及びその内容、その他参考となる事項。書面・電子メール等）。通知が困難な場合は、事案の公表や問合せ窓口の設置等の代替措置をとり、その旨を記録します（法第26条第2項ただし書）。',
    noticeMyNumber: '特定個人情報の報告対象事態のため、本人へ通知してください（番号法第29条の4第2項）。',
    noticePublic:
      '法第68条第1項の報告対象事態のため、本人へ通知してください。ただし、通知が困難で代替措置をとる場合、又は当該保有個人情報に不開示情報（法第78条第1項各号）が含まれる場合は、この限りではありません（法第68条第2項ただし書）。',
    noticePmark:
      'プライバシーマーク（J.4.4.2 3 a)）：緊急事態が発生した個人情報の内容を本人に速やかに通知します。連絡がつかない・本人を特定できない場合は、内容を本人が知り得る状態に置きます（s) 3)）。',
    noticeEntrusted: '受託した個人情報のため、本人への通知は委託元の指示に基づいて行います（J.4.4.2 s)）。',
    noticeMunicipal:
      '自治体との委託契約（豊島区 個人情報特記事項 第16条第2項 注②）では、本人への通知は委託元・受託者の双方に義務があるとされ、連名での通知も可能です。委託元と打ち合わせの上で対応してください。',
    publicationAppi:
      '報告対象事態のため、二次被害の防止、類似事案の発生防止等の観点から、事実関係及び再発防止策等の公表を検討してください（通則編3-5-2）。公表が被害の拡大を招くおそれがあるときは、時期・対象を考慮します。',
    publicationPmark: 'プライバシーマーク（J.4.4.2 3 b)）：可能な限り事実関係、発生原因及び対応策を遅滞なく公表します。',
    publicationPublic: '4-8-11(7)：委員会への報告を要しない場合でも、事案の内容、影響等に応じて、事実関係及び再発防止策の公表、本人への連絡等の措置を講じます。',
    publicationMunicipal:
      '受託業務の事故のため、公表は委託元と協議し、その指示に従います（豊島区 特記事項第16条第4項：甲が必要に応じて公表、岡崎市規程第20条：再発防止対策の確立及びその公表）。',
    publicationEntrusted: '受託した個人情報のため、公表の要否・時期・方法は委託元の指示に基づきます（PA01 J.4.4.2 t) も同旨）。',
    noteStopUse:
      '報告対象事態が生じたため、本人は当該保有個人データの利用停止等・第三者提供の停止を請求できます（法第35条第5項）。影響を受けた本人からの請求をこの事案に紐付けてください。',
    notePublicEscalation:
      '行政機関等の内部手続：認識した職員は直ちに保護管理者へ報告し、保護管理者は調査して総括保護管理者へ、総括保護管理者は行政機関の長等へ速やかに報告します（4-8-11(1)〜(4)）。',
    notePublicPseudonymized: '行政機関等における仮名加工情報の扱いは、本エンジンでは報告対象事態の除外に用いていません（要確認。docs「不確かな点」参照）。',
    noteOrdinanceSensitiveNotPublic:
      '条例要配慮個人情報（規則第43条第5号）は地方公共団体の機関等の報告対象事態です。委託元の自治体で報告対象となる可能性があるため、委託元へ伝えてください。',
    noteContractorNonReportable: '受託した個人データですが、法令上の報告対象事態には当たりません。委託契約の定めに従い、委託元への報告要否を確認してください。',
    notePlannedWithoutImproperPurpose:
      '取得途中の個人情報（個人データとして取り扱う予定のもの）が報告対象となるのは、不正の目的をもって行われたおそれがある場合（規則第7条第3号）に限られます。第1号・第2号・第4号は個人データの漏えい等が対象のため、取得途中の情報だけが対象であれば報告対象外となり得ます（本エンジンは保守的に入力どおり判定しています）。',
    notePlannedNotCovered: 'このルール版では、取得途中の個人情報（個人データとして取り扱う予定のもの）は規則第7条第3号の対象に含まれません。',
    noteBeforeEffective: '知った日（{knownOn}）は、適用したルール版 {version} の施行日（{effectiveFrom}）より前です。当時の規則で判定し直す必要がある可能性があります。',
    noteAppiAndMyNumber: '特定個人情報は個人情報でもあるため、個人データとしての報告（法第26条）と特定個人情報としての報告（番号法第29条の4）の双方を判定しています。',
  },
};

/**
 * Every released rule set, oldest first. Append new versions; never edit or remove one.
 */
export const incidentRuleSets: readonly IncidentRuleSet[] = Object.freeze([deepFreeze(appi202404)]);

/** The version id used when nothing else applies (the newest released set). */
export const latestIncidentRulesVersion: string = (incidentRuleSets[incidentRuleSets.length - 1] ?? appi202404).id;

/** Thrown when a caller asks for a rules version Mamori does not ship. */
export class UnknownIncidentRulesVersionError extends Error {
  readonly version: string;
  constructor(version: string) {
    super(`未知のルールバージョンです: "${version}"（利用可能: ${incidentRuleSets.map((set) => set.id).join(', ')}）`);
    this.name = 'UnknownIncidentRulesVersionError';
    this.version = version;
  }
}

/**
 * Returns the rule set with id `version`.
 * @throws UnknownIncidentRulesVersionError when no such version exists.
 * @example getIncidentRuleSet('appi-2024-04').thresholds.privatePersons // 1000
 */
export function getIncidentRuleSet(version: string): IncidentRuleSet {
  const found = incidentRuleSets.find((set) => set.id === version);
  if (!found) throw new UnknownIncidentRulesVersionError(version);
  return found;
}

/**
 * The name a person reads for a rule set (判定ルールの版), from the day it applies from; the id
 * (`appi-2024-04`) is a key for the data, not for people.
 * @example incidentRulesLabel(getIncidentRuleSet('appi-2024-04')) // '2024年4月1日施行の規則'
 */
export function incidentRulesLabel(set: Pick<IncidentRuleSet, 'effectiveFrom'>, formatDate?: (isoDate: string) => string): string {
  if (formatDate) return `${formatDate(set.effectiveFrom)}施行の規則`;
  const [year, month, day] = set.effectiveFrom.split('-').map(Number);
  return `${year}年${month}月${day}日施行の規則`;
}

/**
 * {@link incidentRulesLabel} of a stored version id; an id Mamori does not ship reads 不明な版.
 * `formatDate` writes the date as the document does (a PDF in 和暦 writes 令和6年4月1日).
 */
export function incidentRulesVersionLabel(version: string, formatDate?: (isoDate: string) => string): string {
  const found = incidentRuleSets.find((set) => set.id === version);
  return found ? incidentRulesLabel(found, formatDate) : '不明な版';
}

/**
 * The rule set in force on `knownOn` (the newest whose `effectiveFrom` ≤ `knownOn`). For dates
 * before the oldest set, the oldest set is returned; the engine adds a note saying so.
 */
export function incidentRuleSetFor(knownOn: string): IncidentRuleSet {
  let chosen: IncidentRuleSet = incidentRuleSets[0] ?? appi202404;
  for (const set of incidentRuleSets) if (set.effectiveFrom <= knownOn) chosen = set;
  return chosen;
}

/** A partial override of a rule set, one level deep, for {@link deriveIncidentRuleSet}. */
export type IncidentRuleSetPatch = {
  readonly id: string;
  readonly effectiveFrom: string;
  readonly title?: string;
  readonly thresholds?: Partial<IncidentRuleSet['thresholds']>;
  readonly days?: Partial<IncidentRuleSet['days']>;
  readonly flags?: Partial<IncidentRuleSet['flags']>;
  readonly eventLabels?: Partial<IncidentRuleSet['eventLabels']>;
  readonly duties?: Partial<IncidentRuleSet['duties']>;
  readonly triggers?: Partial<IncidentRuleSet['triggers']>;
  readonly exclusions?: Partial<IncidentRuleSet['exclusions']>;
  readonly basis?: Partial<IncidentRuleSet['basis']>;
  readonly text?: Partial<IncidentRuleSet['text']>;
};

/**
 * Builds the next version from a previous one by overriding only what the amendment changed,
 * leaving the previous version untouched (it stays in {@link incidentRuleSets} as it was).
 *
 * @example
 * // Shape of a future amendment (illustrative only — not a released version):
 * const next = deriveIncidentRuleSet(getIncidentRuleSet('appi-2024-04'), {
 *   id: 'appi-20xx-xx', effectiveFrom: '20xx-xx-xx', title: '…',
 *   text: { noticeAppi: '…' },
 * });
 */
export function deriveIncidentRuleSet(base: IncidentRuleSet, patch: IncidentRuleSetPatch): IncidentRuleSet {
  return deepFreeze({
    id: patch.id,
    effectiveFrom: patch.effectiveFrom,
    title: patch.title ?? base.title,
    thresholds: { ...base.thresholds, ...patch.thresholds },
    days: { ...base.days, ...patch.days },
    flags: { ...base.flags, ...patch.flags },
    eventLabels: { ...base.eventLabels, ...patch.eventLabels },
    duties: { ...base.duties, ...patch.duties },
    triggers: { ...base.triggers, ...patch.triggers },
    exclusions: { ...base.exclusions, ...patch.exclusions },
    basis: { ...base.basis, ...patch.basis },
    text: { ...base.text, ...patch.text },
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
