/**
 * Clause data of what an inventory entry calls for (SPEC M1): the notice / consent / confirmation
 * duties of PA01 J.8.2–J.8.8.3 in the seed's wording, the 廃棄・消去 grounds and methods (J.9.1,
 * J.9.2, J.9.4) and the follow-ups of the yearly review (J.3.1.1, J.3.1.3, J.8.6).
 *
 * Frozen under the same `inventoryRulesVersion` as `./inventoryClauses.ts`; the engine is
 * `../inventoryRules.ts`. See docs/rules/inventory-and-risk.md.
 */
import {
  type ClauseItem,
  directWrittenNoticeItems,
  type ExemptionClause,
  J82_QUOTE,
  J84_PROCEDURE,
  J831_QUOTE,
  J841_QUOTE,
  jointUseNoticeItems,
  overseasProvisionBases,
} from './inventoryClauses.ts';

// ─── Acquisition, use and provision duties ──────────────────────────────────────────────────

/** Identifiers of the notice / consent / confirmation duties. */
export type HandlingDutyId =
  | 'j85_written_notice_consent'
  | 'j84_purpose_notice'
  | 'j82_source_check'
  | 'j883_receipt_confirmation'
  | 'j87d_joint_use_notice'
  | 'j83_sensitive_written_consent'
  | 'j87_contact_consent'
  | 'j88_provision_consent'
  | 'j882_provision_record'
  | 'j881_overseas_provision';

/** When the duty must be met. */
export type HandlingDutyTiming = 'before_acquisition' | 'after_acquisition' | 'at_receipt' | 'before_contact' | 'before_provision' | 'at_provision';

/** The wording of a duty that does not depend on the entry (trigger, exemption and status do). */
export type HandlingDutyText = {
  readonly label: string;
  readonly clause: string;
  readonly quote: string;
  readonly timing: HandlingDutyTiming;
  /** Clause whose exceptions recorded in `entry.exemptions` can exempt the duty. */
  readonly exemptionClause: ExemptionClause | null;
  /** Items to tell the person (a)–h) etc.), when the clause lists them. */
  readonly items: readonly ClauseItem[];
  /** PA01's own procedure (申請書, 承認, 方法), when it gives one. */
  readonly procedure: string | null;
  readonly note: string | null;
};

/** Each duty's clause, the seed's wording, what to tell the person and PA01's procedure. */
export const handlingDutyTexts: Readonly<Record<HandlingDutyId, HandlingDutyText>> = Object.freeze({
  j83_sensitive_written_consent: {
    label: '要配慮個人情報の取得・利用・提供について書面で明示し、書面で同意を得る',
    clause: 'J.8.3 1',
    quote: J831_QUOTE,
    timing: 'before_acquisition',
    // The J.8.3 2 exception is recorded in `sensitiveBasis`, not in `exemptions`.
    exemptionClause: null,
    items: [],
    procedure: '要配慮個人情報の取得に際して同意を得るときは、J.8.5（本人から直接書面によって取得する場合の措置）に基づいて実施する（J.8.3 留意事項）。',
    note: null,
  },
  j85_written_notice_consent: {
    label: '取得前に a)〜h) を書面で明示し、書面で本人の同意を得る',
    clause: 'J.8.5 1',
    quote:
      '本人から、書面に記載された個人情報を直接取得する場合には、少なくとも、次に示す事項又はそれと同等以上の内容の事項を、あらかじめ、書面によって本人に明示し、書面によって本人の同意を得る。',
    timing: 'before_acquisition',
    exemptionClause: 'J.8.5',
    items: directWrittenNoticeItems,
    procedure:
      '「新規個人情報取得申請書」に a)〜h) を含んだ「取得時の必要通知事項」の文案を添付し、所属長を経由して個人情報保護管理者の承認を得る。紙媒体は同文面を直接提示して同意の署名又は同意欄へのチェック、Web フォームは画面上で同文面を読んだ上で「同意欄」をクリックした後に送信する方式とする（J.8.5 留意事項 i)・j)）。',
    note: null,
  },
  j84_purpose_notice: {
    label: '利用目的をあらかじめ公表するか、取得後速やかに本人に通知し又は公表する',
    clause: 'J.8.4 1',
    quote: J841_QUOTE,
    timing: 'after_acquisition',
    exemptionClause: 'J.8.4',
    items: [{ letter: '-', text: '利用目的' }],
    procedure: J84_PROCEDURE,
    note: null,
  },
  j82_source_check: {
    label: '提供元・委託元・共同利用者が適切に個人情報を取り扱っていることを確認する',
    clause: 'J.8.2',
    quote: J82_QUOTE,
    timing: 'at_receipt',
    exemptionClause: null,
    items: [],
    procedure: null,
    note: null,
  },
  j883_receipt_confirmation: {
    label: '第三者から個人データの提供を受ける際に確認を行い、記録を作成し、保管する',
    clause: 'J.8.8.3 1・3・4',
    quote: '第三者から個人データの提供を受けるに際しては、必要な確認を行う。',
    timing: 'at_receipt',
    exemptionClause: 'J.8.8.3',
    items: [],
    procedure: null,
    note: '当該個人データの提供を受ける際に特定された利用目的を含め確認し、記録することが望ましい（J.8.8.3 留意事項）。',
  },
  j87d_joint_use_notice: {
    label: '共同利用の1)〜5)をあらかじめ本人に通知し又は容易に知り得る状態に置き、共同利用について契約で定める',
    clause: 'J.8.7 2 d)',
    quote:
      '個人情報が特定の者との間で、適法かつ公正な手段によって、共同して利用されている場合であって、以下の1)～5)に示す事項を、あらかじめ、本人に通知し、又は本人が容易に知り得る状態に置くとともに、共同して利用する者との間で共同利用について契約によって定めているとき',
    timing: 'before_acquisition',
    exemptionClause: null,
    items: jointUseNoticeItems,
    procedure: null,
    note: '1)〜5) の通知等は共同利用する全ての事業者に求められる（J.8.7 留意事項）。',
  },
  j87_contact_consent: {
    label: '本人に連絡又は接触する前に、J.8.5 a)〜f) 及び取得方法を通知し、本人の同意を得る',
    clause: 'J.8.7 1',
    quote: '個人情報を利用して本人に連絡又は接触する場合には、本人に対して、J.8.5のa)～f)に示す事項又はそれと同等以上の内容の事項、及び取得方法を通知し、本人の同意を得る。',
    timing: 'before_contact',
    exemptionClause: 'J.8.7',
    items: [...directWrittenNoticeItems.slice(0, 6), { letter: '-', text: '取得方法' }],
    procedure:
      '「個人情報取扱変更等申請書」に当該個人情報を用いて本人に連絡又は接触することを記述し、個人情報保護管理者の承認を得る。DMは最初に発送するDMに通知文書を同封し、電話は最初に電話する際に利用目的等を告げて同意を得る（J.8.7 留意事項）。',
    note: null,
  },
  j88_provision_consent: {
    label: '第三者提供の前に、J.8.5 a)〜d) 及び取得方法を通知し、本人の同意を得る',
    clause: 'J.8.8 1',
    quote:
      '個人データを第三者に提供する場合には、あらかじめ、本人に対して、当該個人データを第三者に提供することに関して、J.8.5のa)～d)に示す事項又はそれと同等以上の内容の事項、及び取得方法を通知し、本人の同意を得る。',
    timing: 'before_provision',
    exemptionClause: 'J.8.8',
    items: [...directWrittenNoticeItems.slice(0, 4), { letter: '-', text: '取得方法' }],
    procedure: '「個人情報取扱変更等申請書」に必要事項を記入し、取得方法並びに J.8.5 の a)～d) を明記した文面の案を添付し、個人情報保護管理者の承認を受ける（J.8.8 留意事項）。',
    note: null,
  },
  j882_provision_record: {
    label: '第三者に提供したときは、提供について必要な記録を作成し、必要な期間保管する',
    clause: 'J.8.8.2 1・3',
    quote: '個人データを第三者に提供したときは、当該個人データの提供について必要な記録を作成する。',
    timing: 'at_provision',
    exemptionClause: null,
    items: [],
    procedure: null,
    note: '法令に基づく場合等、J.8.8.2 2 a)〜j) に当たる提供は記録を要しません（提供ごとに M6 の提供記録で判断します）。',
  },
  j881_overseas_provision: {
    label: '外国にある第三者への提供は、本人同意・体制整備・同等水準国のいずれかを満たす',
    clause: 'J.8.8.1 1',
    quote: '外国にある第三者に個人データを提供する場合、以下のいずれかを満たす。ただし、J.8.8 の f)～l) のいずれかに該当する場合はこれに限らない。',
    timing: 'before_provision',
    exemptionClause: null,
    items: overseasProvisionBases,
    // Procedure and note depend on the recorded basis: see overseasBasisProcedures.
    procedure: null,
    note: null,
  },
} satisfies Record<HandlingDutyId, HandlingDutyText>);

/** J.8.8.1 2・3: what the recorded basis a) or b) further requires (c) needs nothing more). */
export const overseasBasisProcedures: Readonly<Partial<Record<'a' | 'b' | 'c', string>>> = Object.freeze({
  a: 'a) による場合は、あらかじめ、当該外国の名称、当該外国の個人情報の保護に関する制度、当該第三者が講ずる保護措置の情報を本人に提供する（J.8.8.1 2 d)〜f)）。',
  b: 'b) による場合は、相当措置の実施状況等の定期的な確認、支障時の措置、本人の求めに応じた情報提供を行う（J.8.8.1 3 j)〜l)）。',
});

/** J.8.8.1 1 without a recorded basis a)–c). */
export const overseasBasisMissingNote = '根拠（overseasBasis: a・b・c）が未記録です。';

/**
 * 委託を受けて取得: the seed gives no J.8.4 2 exception for it, so Mamori shows J.8.4 as a duty
 * (certainty `interpretation`) with this note.
 */
export const entrustedPurposeNoticeNote =
  'seed（PA01 J.8.4 2）は委託を受けて取得する場合を通知・公表の例外に挙げていないため、義務として表示します。委託元が既に利用目的を通知・公表しているかを確認してください（docs「不確かな点」）。';

/** Display order of the acquisition duties (J.8.3 first: it decides how J.8.5 is done). */
export const acquisitionDutyOrder: readonly HandlingDutyId[] = Object.freeze([
  'j83_sensitive_written_consent',
  'j85_written_notice_consent',
  'j84_purpose_notice',
  'j87d_joint_use_notice',
  'j82_source_check',
  'j883_receipt_confirmation',
] satisfies HandlingDutyId[]);

/** Display order of the use and provision duties. */
export const useDutyOrder: readonly HandlingDutyId[] = Object.freeze([
  'j87_contact_consent',
  'j88_provision_consent',
  'j882_provision_record',
  'j881_overseas_provision',
] satisfies HandlingDutyId[]);

// ─── Disposal ──────────────────────────────────────────────────────────────────────────────

/** Why an entry is due for disposal: the passed 期限 and the clause behind the task. */
export const disposalGrounds = Object.freeze({
  use_period_ended: {
    label: '利用期限を経過',
    clause: 'J.9.1 2',
    quote: '個人データの管理（利用する必要がなくなった場合の消去を含む。）は、定めた手順に基づいて適切に行う。',
  },
  retention_period_ended: {
    label: '保管期限を経過',
    clause: 'J.9.2 b) 3) ⑤',
    quote: '個人情報が記された書類および個人情報が入った電磁的記憶媒体（CD-R、USB メモリー等）は、個人情報管理台帳に定められた保管期間に従って保管する。',
  },
} as const);

// Not frozen: disposal tasks carry these very objects (as they always have).
/** J.9.2 b) 6) ①: paper. */
export const paperDisposal = { text: '紙: シュレッダーによる裁断、焼却、溶解いずれかの方法で処分する', clause: 'J.9.2 b) 6) ①' };
/** J.9.2 b) 6) ②: electronic media. */
export const electronicDisposal = {
  text: '電子: データ消去用のソフトで復元できないように完全に消去する、又は電磁的記憶媒体そのものを物理的に破壊する',
  clause: 'J.9.2 b) 6) ②',
};
/** J.9.4 3 h): data held by a 委託先. */
export const entrustedDisposal = { text: '委託先: 契約終了後の措置（返却又は廃棄）を確認し、廃棄の記録を受け取る', clause: 'J.9.4 3 h)' };

// ─── Yearly review follow-ups ──────────────────────────────────────────────────────────────

/** A follow-up the change calls for, with its clause. */
export type ReviewFollowUp = { kind: 'acquisition_request' | 'change_request' | 'purpose_change' | 'risk_analysis' | 'risk_removal'; clause: string; message: string };

/** The follow-ups of the yearly review (J.3.1.1 留意事項), by the change that calls for them. */
export const reviewFollowUps = Object.freeze({
  /** 新規: 新規個人情報取得申請書. */
  addedRequest: {
    kind: 'acquisition_request',
    clause: 'J.3.1.1 c)',
    message: '新種の個人情報は「新規個人情報取得申請書」によって個人情報保護管理者の承認を得た後、台帳に記録する',
  },
  /** 新規: risk analysis of the new entry. */
  addedRiskAnalysis: {
    kind: 'risk_analysis',
    clause: 'J.3.1.3 j)',
    message: '新規取得の場合、各所属長は当該個人情報のリスク分析を行い、個人情報保護管理者の承認を経てトップマネジメントの承認を受ける',
  },
  /** 利用目的の変更. */
  purposeChange: {
    kind: 'purpose_change',
    clause: 'J.8.6',
    message:
      '利用目的を変更する場合、「個人情報取扱変更等申請書」に利用目的を改訂した「取得時の必要通知事項」の文案を添付し、所属長を経由して個人情報保護管理者の承認を得る。特定した利用目的の達成に必要な範囲を超える場合は、あらかじめ J.8.5 a)〜f) を本人に通知し、本人の同意を得る（J.8.6 3、例外は J.8.6 4 a)〜f)）',
  },
  /** 取扱い方法の変更: 個人情報取扱変更等申請書. */
  changedRequest: {
    kind: 'change_request',
    clause: 'J.3.1.1 d)',
    message: '利用目的や取扱い方法が変更された場合は、「個人情報取扱変更等申請書」によって個人情報保護管理者の承認を得た後、台帳を更新する',
  },
  /** 取扱い方法の変更: リスク分析対策表の随時見直し. */
  changedRiskAnalysis: {
    kind: 'risk_analysis',
    clause: 'J.3.1.3',
    message: '個人情報の保管場所が変わる等、取り扱い方法に変更が生じた場合には、リスク分析対策表を随時見直す',
  },
  /** 削除: remove the entry from the リスク分析表. */
  removedRisk: {
    kind: 'risk_removal',
    clause: 'J.3.1.3 k)',
    message: '個人情報を削除する場合、リスク分析表から当該個人情報を削除し、個人情報保護管理者の承認を経てトップマネジメントの承認を受ける',
  },
} satisfies Record<string, ReviewFollowUp>);
