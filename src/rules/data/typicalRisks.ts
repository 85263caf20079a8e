/**
 * Typical risks and countermeasures (典型的なリスクと対策の初期セット, SPEC M2): a starting point for
 * the リスク分析対策表 so that no department begins from a blank sheet. Each risk sits in one
 * lifecycle phase (局面) × threat (脅威); each countermeasure names the safety-measure family
 * (組織的・人的・物理的・技術的, 世田谷区 事業計画書「4つの安全管理措置」) and the regulation clause it
 * implements — PA01 J.8.x, J.9.1, J.9.2 a)–f), J.9.3, J.9.4, J.10 — so that PA01 J.3.1.3 h)
 * 「リスク対策を参照できるよう、関連する規程類の項番を記入する」 is met from the start.
 *
 * This is editable data, versioned like the criteria: a revised set is appended to
 * {@link typicalRiskSets} under a new id; proposals made from an older set keep its id.
 * Scores are *not* proposed — likelihood and impact are the assessor's judgement (J.3.1.3 d)).
 *
 * Sources (seeds/): PA01 個人情報保護規程 (003) J.8.2–J.8.8.3, J.9.1–J.9.4, J.10.2, J.10.5;
 * 世田谷区 事業計画書 (000): 4つの安全管理措置の表, 窓口センターでの取り組み, 文書管理手順,
 * 個人情報取り扱いマニュアル, 外注管理規程, 自己点検チェックシート.
 */
import type { AcquisitionMethod } from '../inventoryRules.ts';
import type { RiskPhaseId, RiskThreatId } from './riskCriteria.ts';

/** 安全管理措置の分類 (世田谷区 事業計画書「個人情報の取扱いに関する4つの安全管理措置」). */
export type SafetyMeasureFamily = 'organizational' | 'human' | 'physical' | 'technical';

export const safetyMeasureFamilyLabels: Readonly<Record<SafetyMeasureFamily, string>> = Object.freeze({
  organizational: '組織的安全管理措置',
  human: '人的安全管理措置',
  physical: '物理的安全管理措置',
  technical: '技術的安全管理措置',
});

/** A reference to the rule a countermeasure implements. */
export type RegulationRef = {
  /** `PA01` = seeds/003 個人情報保護規程; `Setagaya` = seeds/000 世田谷区 事業計画書. */
  readonly source: 'PA01' | 'Setagaya';
  /** Clause or section, e.g. `J.9.2 b) 4) ②` or `文書管理手順（盗難の防止）`. */
  readonly clause: string;
};

/** One countermeasure (対策) of a typical risk. */
export type TypicalCountermeasure = {
  readonly text: string;
  readonly family: SafetyMeasureFamily;
  readonly refs: readonly RegulationRef[];
};

/**
 * Which inventory entries a typical risk applies to. Every stated condition must hold; an
 * absent condition always holds. `media: 'paper'` matches entries kept on paper or on both.
 */
export type TypicalRiskCondition = {
  readonly media?: 'paper' | 'electronic';
  /** The entry's handling is entrusted to a 委託先 (J.9.4). */
  readonly entrusts?: true;
  /** The entry holds 要配慮個人情報 (or a category J.8.3 treats alike). */
  readonly sensitive?: true;
  /** 外国にある第三者 receive the data (J.8.8.1). */
  readonly overseas?: true;
  /** 特定個人情報 (My Number). */
  readonly myNumber?: true;
  /** 第三者提供 other than 委託・共同利用 (J.8.8). */
  readonly thirdPartyProvision?: true;
  /** 保有個人データ (J.10). */
  readonly retainedPersonalData?: true;
  /** The entry is acquired by at least one of these methods. */
  readonly acquisitionMethods?: readonly AcquisitionMethod[];
};

/** A typical risk (典型的なリスク) with its countermeasures. */
export type TypicalRisk = {
  /** Stable id within a set, e.g. `acq-paper-loss`. */
  readonly id: string;
  readonly phase: RiskPhaseId;
  readonly threat: RiskThreatId;
  /** 想定されるリスク (Japanese). */
  readonly risk: string;
  readonly when: TypicalRiskCondition;
  readonly countermeasures: readonly TypicalCountermeasure[];
};

/** A frozen, versioned set of typical risks. */
export type TypicalRiskSet = {
  readonly id: string;
  readonly effectiveFrom: string;
  readonly title: string;
  readonly risks: readonly TypicalRisk[];
};

const pa01 = (clause: string): RegulationRef => ({ source: 'PA01', clause });
const setagaya = (clause: string): RegulationRef => ({ source: 'Setagaya', clause });

const typicalRisks202601: TypicalRiskSet = {
  id: 'typical-risks-2026-01',
  effectiveFrom: '2026-01-01',
  title: '典型的なリスクと対策（PA01 第4版・世田谷区 事業計画書より）',
  risks: [
    // ── 取得・入力 ──────────────────────────────────────────────────────────────────────
    {
      id: 'acq-improper-acquisition',
      phase: 'acquisition',
      threat: 'improper_acquisition',
      risk: '利用目的の明示・通知をせずに取得する、又は不正な手段（判断能力のない者から保護者の同意なく取得する、名簿業者から購入する等）で取得する',
      when: {},
      countermeasures: [
        {
          text: '適法かつ公正な手段によって取得し、不正な手段による取得をしていないか自己点検で確認する',
          family: 'organizational',
          refs: [pa01('J.8.2'), setagaya('個人情報自己点検チェックシート No.7（適正な取得）')],
        },
        {
          text: '新種の個人情報は「新規個人情報取得申請書」に「取得時の必要通知事項」の文案を添付し、個人情報保護管理者の承認を得てから取得する',
          family: 'organizational',
          refs: [pa01('J.3.1.1 c)'), pa01('J.8.5 留意事項')],
        },
        {
          text: '利用目的をできる限り具体的に特定し、あらかじめ公表するか取得後速やかに通知又は公表する',
          family: 'organizational',
          refs: [pa01('J.8.1'), pa01('J.8.4 e)・f)')],
        },
      ],
    },
    {
      id: 'acq-sensitive-without-consent',
      phase: 'acquisition',
      threat: 'improper_acquisition',
      risk: '要配慮個人情報を、書面による明示と書面による本人の同意なしに取得する',
      when: { sensitive: true },
      countermeasures: [
        {
          text: '要配慮個人情報の取得・利用・提供について、あらかじめ書面で明示し、書面で本人の同意を得る',
          family: 'organizational',
          refs: [pa01('J.8.3 1'), pa01('J.8.3 留意事項')],
        },
        {
          text: '同意を要しない場合は J.8.3 2 a)〜k) のいずれに当たるかを台帳に記録し、個人情報保護管理者の承認を得る',
          family: 'organizational',
          refs: [pa01('J.8.3 2')],
        },
      ],
    },
    {
      id: 'acq-source-unverified',
      phase: 'acquisition',
      threat: 'improper_acquisition',
      risk: '提供元・委託元・共同利用者が適正に取得していない個人情報を受け取る',
      when: { acquisitionMethods: ['from_third_party', 'entrusted', 'joint_use'] },
      countermeasures: [
        {
          text: '提供元・委託元又は共同利用者が法令・ガイドライン等に沿って適切に取り扱っていることを確認する',
          family: 'organizational',
          refs: [pa01('J.8.2')],
        },
        {
          text: '第三者から提供を受ける際は必要な確認を行い、記録を作成して保管する',
          family: 'organizational',
          refs: [pa01('J.8.8.3 1・3・4')],
        },
      ],
    },
    {
      id: 'acq-input-error',
      phase: 'acquisition',
      threat: 'inaccuracy',
      risk: '入力時の誤入力・転記誤りにより、不正確な個人情報を登録する',
      when: {},
      countermeasures: [
        { text: 'データ入力の際は誤入力チェックを行い、正確かつ最新の状態であることを確認する', family: 'organizational', refs: [pa01('J.9.1 留意事項')] },
        {
          text: '入力原票と入力内容に相違がないかダブルチェックを徹底し、確認後の資料は定められた場所に保管又はシュレッダーで破棄する',
          family: 'human',
          refs: [setagaya('個人情報取り扱いマニュアル（個人情報の入力ルール）')],
        },
      ],
    },
    {
      id: 'acq-paper-left-at-counter',
      phase: 'acquisition',
      threat: 'loss',
      risk: '受け付けた申込書等の書類を窓口や机上に放置し、紛失する',
      when: { media: 'paper' },
      countermeasures: [
        { text: '離席時・退勤時に個人情報を記した書類を机上やその周辺に放置しない（クリアデスク）', family: 'human', refs: [pa01('J.9.2 b) 1)')] },
        {
          text: '個人情報を含む書類は限られた執務スペースでのみ取り扱い、窓口等への持ち出しを禁止する',
          family: 'physical',
          refs: [setagaya('4つの安全管理措置（物理的安全管理措置: 個人情報データを取り扱うエリアの管理）')],
        },
      ],
    },
    {
      id: 'acq-mail-fax-receipt',
      phase: 'acquisition',
      threat: 'leak',
      risk: '郵送・メール・FAX で受け取る際の宛先誤り・誤送信により、個人情報が第三者に渡る',
      when: {},
      countermeasures: [
        {
          text: '送付前に送り先の住所・アドレス等を相手方と再確認し、郵送はできるだけ返信用封筒を利用してもらう。受領の際はテストメール・FAX送信前の連絡を徹底する',
          family: 'human',
          refs: [setagaya('個人情報取り扱いマニュアル（郵送・メール等における取得ルール）')],
        },
        {
          text: '大量又はリスクの高い個人情報を FAX で受領する場合は、専用の受信 FAX をアクセス管理された場所に設置する',
          family: 'physical',
          refs: [pa01('J.9.2 b) 4) ⑤')],
        },
      ],
    },
    {
      id: 'acq-web-form',
      phase: 'acquisition',
      threat: 'leak',
      risk: 'Web フォームでの取得時に、通信の盗聴やフォームの脆弱性により個人情報が漏えいする',
      when: { media: 'electronic', acquisitionMethods: ['direct_written'] },
      countermeasures: [
        { text: 'インターネット経由で通信するシステムには SSL 等の暗号化対策を講じる', family: 'technical', refs: [pa01('J.9.2 b) 4) ④')] },
        {
          text: 'Web アプリケーションに SQL インジェクション・クロスサイトスクリプティング等の対策を実装する（IPA「安全なウェブサイトの作り方」を参考にする）',
          family: 'technical',
          refs: [pa01('J.9.2 e) 2)')],
        },
      ],
    },
    {
      id: 'acq-mynumber-area',
      phase: 'acquisition',
      threat: 'leak',
      risk: '特定個人情報を取扱区域外で受け取り、担当者以外の目に触れる',
      when: { myNumber: true },
      countermeasures: [
        {
          text: '特定個人情報は、特定個人情報等事務取扱担当者以外から見られることのない囲われた区域で、担当者だけが取り扱う',
          family: 'physical',
          refs: [pa01('J.9.2 a) 9)')],
        },
        { text: '特定個人情報を従業者から取得する場合は、受領日時等を記録する', family: 'organizational', refs: [pa01('J.9.2 b) 5) ③')] },
      ],
    },
    // ── 移送・送信 ──────────────────────────────────────────────────────────────────────
    {
      id: 'tr-paper-carry-out',
      phase: 'transfer',
      threat: 'loss',
      risk: '書類を外部へ持ち出す途中で紛失・置き忘れ・盗難に遭う（電車の網棚、車中放置等）',
      when: { media: 'paper' },
      countermeasures: [
        {
          text: '外部へ持ち出す際は所属長の許可を得、目的地以外へ立ち寄らず、電車の網棚に置かない、手放さない、車中に放置しない',
          family: 'human',
          refs: [pa01('J.9.2 b) 4) ①')],
        },
        {
          text: '持出し時は「個人情報持出し記録簿」に記録し、所長のチェックにより許可する。持出しには鍵付き鞄等を使用する',
          family: 'organizational',
          refs: [setagaya('窓口センターでの個人情報保護の取り組み'), setagaya('文書管理手順（紛失・混入の防止）')],
        },
      ],
    },
    {
      id: 'tr-paper-mail',
      phase: 'transfer',
      threat: 'leak',
      risk: '郵便・宅配便での誤封入・誤配・紛失により、個人情報が第三者に渡る',
      when: { media: 'paper' },
      countermeasures: [
        {
          text: '宛名の確認や封入物のダブルチェックを行い、受け取り確認が可能な移送手段を選ぶ',
          family: 'organizational',
          refs: [pa01('J.9.2 b) 4) ②')],
        },
        { text: '書類の郵送等が必要な場合、スタッフによるトリプルチェックを実施する', family: 'human', refs: [setagaya('窓口センターでの個人情報保護の取り組み')] },
        { text: '送付票や受領証等で授受の完了を確認するか、授受簿を作成し記録する', family: 'organizational', refs: [pa01('J.9.2 b) 5) ①')] },
      ],
    },
    {
      id: 'tr-fax',
      phase: 'transfer',
      threat: 'leak',
      risk: 'FAX の誤送信や、送受信した資料の放置により個人情報が漏えいする',
      when: { media: 'paper' },
      countermeasures: [
        {
          text: '必要に応じて短縮ダイヤルを利用し、送信完了まで待機し、完了後に相手先へ電話連絡する。送受信資料は直ちに回収する',
          family: 'human',
          refs: [pa01('J.9.2 b) 4) ⑤')],
        },
        {
          text: '原則として FAX・メールでの交付を禁止し、やむを得ない場合は送信先等を複数チェックし「個人情報持出し記録簿」へ記入する',
          family: 'organizational',
          refs: [setagaya('個人情報取り扱いマニュアル（送信（交付・持出し）ルール）')],
        },
      ],
    },
    {
      id: 'tr-email-missend',
      phase: 'transfer',
      threat: 'leak',
      risk: '電子メールの宛先誤り・同報メールの To/Cc 設定により、個人情報が漏えいする',
      when: { media: 'electronic' },
      countermeasures: [
        { text: '送信前に送信先のメールアドレスに間違いがないかを確認する', family: 'human', refs: [pa01('J.9.2 c) 16) ④')] },
        { text: '多数への同報メールは Bcc に送信先を設定する', family: 'human', refs: [pa01('J.9.2 c) 16) ⑤')] },
        {
          text: '個人情報を含むファイルは情報セキュリティ責任者が許可したストレージサービスを介して送受信する。やむを得ずメールに添付する場合はパスワードを設定する',
          family: 'technical',
          refs: [pa01('J.9.2 b) 4) ③'), setagaya('4つの安全管理措置（技術的安全管理措置: 情報システムの使用に伴う漏えい等の防止）')],
        },
      ],
    },
    {
      id: 'tr-network-intercept',
      phase: 'transfer',
      threat: 'leak',
      risk: 'ネットワーク経由の送受信で通信を盗聴される',
      when: { media: 'electronic' },
      countermeasures: [
        { text: 'インターネット経由の通信には SSL 等の暗号化対策やパスワード設定を講じる', family: 'technical', refs: [pa01('J.9.2 b) 4) ④')] },
        { text: '拠点間ネットワークは VPN を採用する等、安全性に十分注意したシステムを採用する', family: 'technical', refs: [pa01('J.9.2 c) 19) ①')] },
      ],
    },
    {
      id: 'tr-network-tamper',
      phase: 'transfer',
      threat: 'tampering',
      risk: '送受信中のデータが改ざんされる',
      when: { media: 'electronic' },
      countermeasures: [
        {
          text: '拠点間通信の対策が有効かをチェックし、不十分なら代替策や他の受け渡し方法に変更する',
          family: 'technical',
          refs: [pa01('J.9.2 c) 19) ②')],
        },
        { text: 'ネットワークの組織外との境界にファイアウォールを設けるなど不正侵入対策を施す', family: 'technical', refs: [pa01('J.9.2 c) 2) ①')] },
      ],
    },
    {
      id: 'tr-media-loss',
      phase: 'transfer',
      threat: 'loss',
      risk: 'USB メモリ・CD-R 等の電子媒体を受け渡し・持ち運び中に紛失する',
      when: { media: 'electronic' },
      countermeasures: [
        {
          text: '外部電磁的記憶媒体は所属長が認めた用途に限り、持出し・持込みは「USB メモリ持出管理台帳」で所属長及び情報セキュリティ責任者の許可を得る',
          family: 'organizational',
          refs: [pa01('J.9.2 c) 17) ①・③')],
        },
        {
          text: '媒体での受け渡しは配達記録が残るサービス又は従業者による手渡しとし、授受記録を残して所属長が定期的にチェックする',
          family: 'organizational',
          refs: [pa01('J.9.2 c) 20) ①・②')],
        },
        {
          text: 'CD・USB 等の電子媒体は原則持出し禁止とし、持ち出す際は管理簿等で所長が厳正に確認する',
          family: 'physical',
          refs: [setagaya('4つの安全管理措置（物理的安全管理措置: 電子媒体等を持ち運ぶ場合の漏えい等の防止）')],
        },
      ],
    },
    {
      id: 'tr-entrusted-handover',
      phase: 'transfer',
      threat: 'leak',
      risk: '委託先への受け渡し時、又は委託先での取扱いにおいて個人情報が漏えいする',
      when: { entrusts: true },
      countermeasures: [
        {
          text: '委託先選定基準を確立し、同等以上の保護水準にある委託先を「委託先審査表」（個人情報管理状況調査票）で評価して選定する',
          family: 'organizational',
          refs: [pa01('J.9.4 1'), pa01('J.9.4 t)'), setagaya('個人情報管理状況調査票')],
        },
        {
          text: '責任の明確化、安全管理、再委託、報告、事故時の連絡、契約終了後の措置を盛り込んだ契約（機密保持契約）を締結する',
          family: 'organizational',
          refs: [pa01('J.9.4 3 a)〜h)'), setagaya('外注管理規程（機密保持契約）')],
        },
      ],
    },
    {
      id: 'tr-third-party-without-consent',
      phase: 'transfer',
      threat: 'purpose_violation',
      risk: '本人の同意なく、又は例外に当たらないのに個人データを第三者に提供する',
      when: { thirdPartyProvision: true },
      countermeasures: [
        {
          text: '提供前に「個人情報取扱変更等申請書」で個人情報保護管理者の承認を受け、J.8.5 a)〜d) 及び取得方法を通知して本人の同意を得る',
          family: 'organizational',
          refs: [pa01('J.8.8 1'), pa01('J.8.8 留意事項')],
        },
        { text: '提供したときは提供の記録を作成し、必要な期間保管する', family: 'organizational', refs: [pa01('J.8.8.2 1・3')] },
      ],
    },
    {
      id: 'tr-overseas-without-basis',
      phase: 'transfer',
      threat: 'purpose_violation',
      risk: '外国にある第三者（委託先を含む）へ、本人同意・体制整備・同等水準国のいずれの根拠もなく提供する',
      when: { overseas: true },
      countermeasures: [
        {
          text: 'J.8.8.1 1 a)〜c) のいずれの根拠によるかを確認・記録し、a) の場合は外国の名称・制度・保護措置の情報を本人に提供する',
          family: 'organizational',
          refs: [pa01('J.8.8.1 1・2')],
        },
        {
          text: 'b) の場合は相当措置の実施状況等を定期的に確認し、支障が生じたときは必要な措置又は提供の停止を行う',
          family: 'organizational',
          refs: [pa01('J.8.8.1 3 j)・k)')],
        },
      ],
    },
    // ── 利用・加工 ──────────────────────────────────────────────────────────────────────
    {
      id: 'use-beyond-purpose',
      phase: 'use',
      threat: 'purpose_violation',
      risk: '特定した利用目的の達成に必要な範囲を超えて個人情報を利用する',
      when: {},
      countermeasures: [
        { text: '特定した利用目的の達成に必要な範囲内で利用する', family: 'organizational', refs: [pa01('J.8.6 2')] },
        {
          text: '利用目的を変更する場合は「個人情報取扱変更等申請書」で承認を得、範囲を超える場合は J.8.5 a)〜f) を通知して本人の同意を得る',
          family: 'organizational',
          refs: [pa01('J.8.6 3'), pa01('J.8.6 留意事項')],
        },
        {
          text: '全従業者に年1回以上、個人情報保護方針・規程・違反時の結果を教育する',
          family: 'human',
          refs: [pa01('J.4.3'), setagaya('4つの安全管理措置（人的安全管理措置: 従業員の教育）')],
        },
      ],
    },
    {
      id: 'use-insider-misuse',
      phase: 'use',
      threat: 'misuse',
      risk: '従業者が業務外の目的で個人情報を閲覧・持ち出し・利用する',
      when: {},
      countermeasures: [
        {
          text: '雇用契約時・派遣受入時に非開示契約を締結し、退職時には退職後の機密保持に関する誓約書を締結する',
          family: 'human',
          refs: [pa01('J.9.3 a)'), setagaya('退職者の機密保持に関する誓約書')],
        },
        { text: 'アクセス権は必要最小限の者に設定し、変更は所属長を経由して情報セキュリティ責任者が許可する', family: 'technical', refs: [pa01('J.9.2 c) 9) ①')] },
        { text: 'アクセス記録を取得し、定期的にチェックする', family: 'technical', refs: [pa01('J.9.2 c) 4)')] },
        { text: '内部規程違反は調査のうえ就業規則に則り懲戒を行う', family: 'human', refs: [pa01('J.9.3 b)')] },
      ],
    },
    {
      id: 'use-screen',
      phase: 'use',
      threat: 'leak',
      risk: '離席中の PC 画面の覗き見や無断操作により個人情報が漏えいする',
      when: { media: 'electronic' },
      countermeasures: [
        {
          text: '不操作10分でスクリーンセーバ又はスリープとなり、再使用前にパスワード入力を求める設定にする',
          family: 'technical',
          refs: [pa01('J.9.2 c) 13)'), setagaya('4つの安全管理措置（技術的安全管理措置: アクセス者の識別と認証）')],
        },
      ],
    },
    {
      id: 'use-malware',
      phase: 'use',
      threat: 'leak',
      risk: 'コンピュータウイルス・スパイウェア等の感染により個人情報が漏えいする',
      when: { media: 'electronic' },
      countermeasures: [
        {
          text: '全てのパソコンにウイルス対策ソフトを導入し、パターンファイルを適時更新する。OS・アプリケーションに最新のセキュリティパッチを適用する',
          family: 'technical',
          refs: [pa01('J.9.2 c) 3) ①・②'), setagaya('4つの安全管理措置（技術的安全管理措置: 外部からの不正アクセス等の防止）')],
        },
        { text: '指定されたソフトウェアのみを使用し、それ以外は事前に許可を得る', family: 'technical', refs: [pa01('J.9.2 c) 6)')] },
      ],
    },
    {
      id: 'use-unauthorized-change',
      phase: 'use',
      threat: 'tampering',
      risk: '権限のない者がデータを書き換える',
      when: { media: 'electronic' },
      countermeasures: [
        { text: 'ID・パスワードの付与・変更・削除を管理し、退職者のアカウントは速やかに削除する', family: 'technical', refs: [pa01('J.9.2 c) 7)')] },
        { text: 'データファイルやデータベースにアクセス権やパスワード等を設定する', family: 'technical', refs: [pa01('J.9.2 b) 3) ②')] },
      ],
    },
    {
      id: 'use-outdated',
      phase: 'use',
      threat: 'inaccuracy',
      risk: '住所変更等が反映されず、古い個人情報のまま利用する',
      when: {},
      countermeasures: [
        { text: '利用目的の達成に必要な範囲内で、個人データを正確かつ最新の状態で管理する', family: 'organizational', refs: [pa01('J.9.1 1')] },
        {
          text: '個人情報データの複数チェックを実施する',
          family: 'organizational',
          refs: [setagaya('4つの安全管理措置（組織的安全管理措置: 個人データの取扱いに係る規律に従った運用）')],
        },
      ],
    },
    {
      id: 'use-copies',
      phase: 'use',
      threat: 'leak',
      risk: '業務のために作成した複写物が放置・私有され、漏えいする',
      when: { media: 'paper' },
      countermeasures: [
        { text: '複製はバックアップ及び業務上やむを得ない場合の必要最小限にとどめる', family: 'organizational', refs: [pa01('J.9.2 b) 2)')] },
        {
          text: '業務履行のために複写した個人情報は直ちに破棄し、複写物の個人保管を禁止する',
          family: 'human',
          refs: [setagaya('個人情報取り扱いマニュアル（破棄ルール）')],
        },
      ],
    },
    {
      id: 'use-telework',
      phase: 'use',
      threat: 'leak',
      risk: '在宅勤務時に、端末の脆弱性・公衆の場での画面の覗き見・許可のないクラウド利用により漏えいする',
      when: { media: 'electronic' },
      countermeasures: [
        {
          text: '在宅勤務者への定期的な教育、端末の対策状況の確認、パブリッククラウドの利用ルール整備を行う',
          family: 'organizational',
          refs: [pa01('J.9.2 f) 1)')],
        },
        { text: '作業前に OS・ウイルス対策ソフトの更新を確認し、プライバシーフィルター等で覗き見を防ぐ', family: 'human', refs: [pa01('J.9.2 f) 2)')] },
      ],
    },
    {
      id: 'use-contractor-misuse',
      phase: 'use',
      threat: 'purpose_violation',
      risk: '委託先が目的外利用・無断再委託・私有・複製を行う',
      when: { entrusts: true },
      countermeasures: [
        {
          text: '再委託の条件、取扱状況の報告の内容・頻度、遵守状況を確認できる事項を契約に定め、委託先を適切に監督する',
          family: 'organizational',
          refs: [pa01('J.9.4 3 c)〜e)'), pa01('J.9.4 6')],
        },
        {
          text: '委託先での個人情報の私有、複製、目的外利用の禁止の徹底状況を評価する',
          family: 'organizational',
          refs: [setagaya('個人情報管理状況調査票 9'), pa01('J.9.4 t)')],
        },
      ],
    },
    {
      id: 'use-mynumber-access',
      phase: 'use',
      threat: 'misuse',
      risk: '特定個人情報を、特定個人情報等事務取扱担当者以外の者が取り扱う',
      when: { myNumber: true },
      countermeasures: [
        { text: '特定個人情報には担当者だけがアクセスできるようアクセス権を設定・維持する', family: 'technical', refs: [pa01('J.9.2 c) 9) ③')] },
        {
          text: '特定個人情報の管理区域を明確に定め、管理区域以外に保管しない',
          family: 'physical',
          refs: [pa01('J.9.2 b) 3) ①')],
        },
      ],
    },
    // ── 保管・バックアップ ────────────────────────────────────────────────────────────────
    {
      id: 'st-paper-theft',
      phase: 'storage',
      threat: 'loss',
      risk: '保管中の書類が盗難・紛失に遭う',
      when: { media: 'paper' },
      countermeasures: [
        {
          text: '業務終了時や長時間中断時は、書類・媒体を鍵のかかる机やキャビネット等に施錠して保管する',
          family: 'physical',
          refs: [pa01('J.9.2 b) 3) ③'), setagaya('窓口センターでの個人情報保護の取り組み（鍵付き書庫等に保管）')],
        },
        { text: '入退を制限する場所を定め、鍵管理を行い、最初の入場者と最後の退場者を記録する', family: 'physical', refs: [pa01('J.9.2 a) 1)・4)')] },
        {
          text: '最終退室者はキャビネット等の施錠確認を行う。保管台帳に基づき、責任者が現物確認を年2回実施する',
          family: 'organizational',
          refs: [setagaya('文書管理手順（盗難の防止）'), setagaya('個人情報取り扱いマニュアル（保管ルール）')],
        },
        { text: '重要な書類のファイル・保管場所には、部外者に内容が容易にわかる表示をしない', family: 'physical', refs: [pa01('J.9.2 b) 3) ④')] },
      ],
    },
    {
      id: 'st-paper-fire',
      phase: 'storage',
      threat: 'destruction_damage',
      risk: '火災・水害等により保管書類が滅失する',
      when: { media: 'paper' },
      countermeasures: [{ text: '保管場所は火気厳禁とし、必要に応じて消火器等を設置する', family: 'physical', refs: [pa01('J.9.2 b) 3) ⑥')] }],
    },
    {
      id: 'st-unauthorized-access',
      phase: 'storage',
      threat: 'leak',
      risk: '外部からの不正アクセスにより、保存データが漏えいする',
      when: { media: 'electronic' },
      countermeasures: [
        { text: '組織外との境界にファイアウォールを設け、不正アクセス対策をリスクに応じて実施する', family: 'technical', refs: [pa01('J.9.2 c) 2) ①・③')] },
        {
          text: 'パスワードは大小英数記号混合8文字以上とし、使い回さない。特権アカウントは情報セキュリティ責任者が厳重に管理する',
          family: 'technical',
          refs: [pa01('J.9.2 c) 8)')],
        },
        { text: '専用ツールや外部サービスによる定期的な脆弱性チェックを行う', family: 'technical', refs: [pa01('J.9.2 c) 1) ①')] },
      ],
    },
    {
      id: 'st-failure',
      phase: 'storage',
      threat: 'destruction_damage',
      risk: '機器障害・ランサムウェア・災害により保存データが滅失・毀損する',
      when: { media: 'electronic' },
      countermeasures: [
        { text: 'システム及びデータのバックアップ、ディスクの二重化、電源の冗長化を行う', family: 'technical', refs: [pa01('J.9.2 c) 1) ①')] },
        {
          text: 'バックアップ媒体は施錠可能な場所や別の場所に保管し、復元が可能かを定期的にチェックする',
          family: 'physical',
          refs: [pa01('J.9.2 c) 18) ①・②')],
        },
        { text: 'ランサムウェアに備え、重要なデータのバックアップを組織内システムから切り離して保存する', family: 'technical', refs: [pa01('J.9.2 f) 1) ③')] },
        { text: 'サーバー等を耐震・防火・防水を考慮して設置し、無停電電源装置を設置する', family: 'physical', refs: [pa01('J.9.2 c) 5)')] },
      ],
    },
    {
      id: 'st-pc-theft',
      phase: 'storage',
      threat: 'loss',
      risk: 'ノートパソコン・スマートフォン等の機器が盗難・紛失に遭う',
      when: { media: 'electronic' },
      countermeasures: [
        {
          text: 'ノートパソコンはワイヤチェーン等で固定するか、不使用時に施錠保管する',
          family: 'physical',
          refs: [pa01('J.9.2 c) 11)'), setagaya('4つの安全管理措置（物理的安全管理措置: 機器及び電子媒体等の盗難等の防止）')],
        },
        {
          text: '携帯電話・スマートフォンはセキュリティロックをかけ、必要に応じて遠隔ロック・遠隔削除を利用する',
          family: 'technical',
          refs: [pa01('J.9.2 d) 3) ②')],
        },
      ],
    },
    {
      id: 'st-request-refusal',
      phase: 'storage',
      threat: 'request_refusal',
      risk: '保有個人データの所在や手続が定まっておらず、開示等の請求に遅滞なく応じられない',
      when: { retainedPersonalData: true },
      countermeasures: [
        {
          text: '開示等の請求等の申出先・様式・本人確認の方法・手数料の徴収方法を文書化する',
          family: 'organizational',
          refs: [pa01('J.10.2 1')],
        },
        {
          text: '台帳で保有個人データの所在を特定し、開示請求には本人が指定した方法で遅滞なく応じる',
          family: 'organizational',
          refs: [pa01('J.3.1.1'), pa01('J.10.5 1')],
        },
      ],
    },
    // ── 消去・廃棄 ──────────────────────────────────────────────────────────────────────
    {
      id: 'dis-paper-trash',
      phase: 'disposal',
      threat: 'leak',
      risk: '書類をシュレッダーにかけずに廃棄し、又は廃棄前の一時保管中に漏えいする',
      when: { media: 'paper' },
      countermeasures: [
        {
          text: '紙はシュレッダーによる裁断、焼却、溶解のいずれかで処分し、重要書類は即廃棄する。個人情報の記された書類は再利用しない',
          family: 'physical',
          refs: [pa01('J.9.2 b) 6) ①・④'), setagaya('4つの安全管理措置（物理的安全管理措置: 個人データの削除及び機器、電子媒体等の廃棄）')],
        },
      ],
    },
    {
      id: 'dis-paper-mistaken',
      phase: 'disposal',
      threat: 'destruction_damage',
      risk: '保管が必要な書類を誤って廃棄する',
      when: { media: 'paper' },
      countermeasures: [
        {
          text: 'ゴミ箱付近に書類を置かず、シュレッダーによる誤処分にも注意する。保管台帳及び書類のタイトルに保管期間を反映する',
          family: 'human',
          refs: [setagaya('文書管理手順（誤廃棄の防止）')],
        },
        { text: 'データ消去簿や廃棄記録により廃棄漏れを防止する', family: 'organizational', refs: [pa01('J.9.2 b) 6) ⑤')] },
      ],
    },
    {
      id: 'dis-electronic-residue',
      phase: 'disposal',
      threat: 'leak',
      risk: 'PC・サーバー・媒体の廃棄やリース返却時に、残存データから漏えいする',
      when: { media: 'electronic' },
      countermeasures: [
        {
          text: 'データ消去用ソフトで復元できないように完全に消去するか、媒体を物理的に破壊する',
          family: 'technical',
          refs: [pa01('J.9.2 b) 6) ②'), setagaya('4つの安全管理措置（物理的安全管理措置: 個人データの削除及び機器、電子媒体等の廃棄）')],
        },
        { text: 'リース・レンタル機器は完全消去してから返却するか、返却先で確実に完全消去させる', family: 'technical', refs: [pa01('J.9.2 b) 6) ⑥')] },
      ],
    },
    {
      id: 'dis-overdue',
      phase: 'disposal',
      threat: 'leak',
      risk: '利用期限・保管期限を過ぎた個人情報を消去せずに持ち続け、漏えい等の影響を広げる',
      when: {},
      countermeasures: [
        {
          text: '台帳に定めた保管期間に従って保管し、利用する必要がなくなった個人データは定めた手順で消去する',
          family: 'organizational',
          refs: [pa01('J.9.2 b) 3) ⑤'), pa01('J.9.1 2')],
        },
        { text: '保存年限を超過した書類は必ずシュレッダーにより破棄する', family: 'human', refs: [setagaya('個人情報取り扱いマニュアル（破棄ルール）')] },
      ],
    },
    {
      id: 'dis-entrusted-return',
      phase: 'disposal',
      threat: 'leak',
      risk: '委託終了後に、委託先で個人情報が返却・廃棄されずに残る',
      when: { entrusts: true },
      countermeasures: [
        { text: '契約終了後の措置（返却・廃棄）を契約に定める', family: 'organizational', refs: [pa01('J.9.4 3 h)')] },
        {
          text: '業務終了後は預託した個人情報を回収するか、預託先に廃棄させ、廃棄証明書の提出を義務付ける',
          family: 'organizational',
          refs: [setagaya('外注管理規程（業務終了後の回収・廃棄証明書）')],
        },
      ],
    },
    {
      id: 'dis-mynumber-record',
      phase: 'disposal',
      threat: 'leak',
      risk: '特定個人情報の廃棄・返却の記録がなく、廃棄漏れが生じる',
      when: { myNumber: true },
      countermeasures: [{ text: '特定個人情報の廃棄、返却又は行政等への提出の際は、その日時等を記録する', family: 'organizational', refs: [pa01('J.9.2 b) 6) ⑤')] }],
    },
  ],
};

/** Every released typical-risk set, oldest first. Append new versions; never edit or remove one. */
export const typicalRiskSets: readonly TypicalRiskSet[] = Object.freeze([deepFreeze(typicalRisks202601)]);

/** The set used when nothing else is asked for (the newest). */
export const latestTypicalRisksVersion: string = (typicalRiskSets[typicalRiskSets.length - 1] ?? typicalRisks202601).id;

/** Thrown when a caller asks for a typical-risk set Mamori does not ship. */
export class UnknownTypicalRisksVersionError extends Error {
  readonly version: string;
  constructor(version: string) {
    super(`未知の典型リスクの版です: "${version}"（利用可能: ${typicalRiskSets.map((set) => set.id).join(', ')}）`);
    this.name = 'UnknownTypicalRisksVersionError';
    this.version = version;
  }
}

/**
 * Returns the typical-risk set with id `version`.
 * @throws UnknownTypicalRisksVersionError when no such version exists.
 */
export function getTypicalRiskSet(version: string): TypicalRiskSet {
  const found = typicalRiskSets.find((set) => set.id === version);
  if (!found) throw new UnknownTypicalRisksVersionError(version);
  return found;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
