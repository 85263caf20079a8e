/**
 * 開示等の請求に対する決定と、その決定を選べる法定の理由（pure data, SPEC M5, issue #14）.
 *
 * A 不開示・一部開示 (or 不訂正・利用停止しない…) decision must cite at least one ground from the
 * list for the request's kind and the organization's profile:
 * - private / designated_manager (個人情報取扱事業者, JIS Q 15001 J.10.4–J.10.7 as seeds/003 words it):
 *   J.10.4 2 (J.8.4 a)〜c), J.10.3 c)), J.10.5 2 a)〜c), J.10.6 3, J.10.7 3 a)〜d).
 * - public (行政機関等・地方公共団体, 個人情報の保護に関する法律 第5章第4節): 第78条第1項各号
 *   (不開示情報), 第81条 (存否応答拒否), 第82条第2項 (保有していない), 第92条 (訂正義務), 第100条
 *   (利用停止義務・ただし書).
 * This is not legal advice: the lists are the clauses' own words, shortened.
 */
import type { RequestKindCode } from './kinds.ts';

export type RequestProfile = 'private' | 'public' | 'designated_manager';

/** 決定の区分. `full` needs no ground; `partial` and `refused` need at least one. */
export type DecisionScope = 'full' | 'partial' | 'refused';

export interface DecisionGround {
  code: string;
  /** The rule the organization applies, e.g. `J.10.5 2 a)` (private, internal) or `法第78条第1項第2号` (public). */
  clause: string;
  /**
   * The article of 個人情報の保護に関する法律 (法) that allows it: what a letter to 本人 cites, e.g.
   * `法第33条第2項第1号`. null where the organization's rule goes beyond the law (J.10.7 3 b)〜d):
   * 法第35条 has no such exception), so the letter names the organization's rule instead.
   */
  law: string | null;
  /** 理由 as the letter states it. */
  label: string;
}

/** What a letter to 本人 cites for `g`: the law's article, else the organization's own rule (no bare JIS clause). */
export function letterCitation(g: Pick<DecisionGround, 'clause' | 'law'>): string {
  return g.law ?? `個人情報保護に関する内部規程（${g.clause}）`;
}

/** What staff see for `g` (decision form, approval): the law's article with the internal clause beside it. */
export function staffCitation(g: Pick<DecisionGround, 'clause' | 'law'>): string {
  if (g.law === null) return `${g.clause}（法令上の条項なし。回答書には内部規程として記載）`;
  return g.law === g.clause ? g.law : `${g.law}（${g.clause}）`;
}

const privatePurposeNotice: DecisionGround[] = [
  {
    code: 'j84a',
    clause: 'J.10.4 2（J.8.4 a)）',
    law: '法第32条第2項第2号（法第21条第4項第1号）',
    label: '利用目的を本人に通知することにより、本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある',
  },
  {
    code: 'j84b',
    clause: 'J.10.4 2（J.8.4 b)）',
    law: '法第32条第2項第2号（法第21条第4項第2号）',
    label: '利用目的を本人に通知することにより、当該組織の権利又は正当な利益を害するおそれがある',
  },
  {
    code: 'j84c',
    clause: 'J.10.4 2（J.8.4 c)）',
    law: '法第32条第2項第2号（法第21条第4項第3号）',
    label: '国の機関又は地方公共団体が法令の定める事務を遂行することに協力する必要がある場合であって、通知により当該事務の遂行に支障を及ぼすおそれがある',
  },
  { code: 'j103c', clause: 'J.10.4 2（J.10.3 c)）', law: '法第32条第2項第1号', label: '公表により当該本人が識別される保有個人データの利用目的が明らかである' },
];

const privateDisclosure: DecisionGround[] = [
  { code: 'j105a', clause: 'J.10.5 2 a)', law: '法第33条第2項第1号', label: '本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある' },
  { code: 'j105b', clause: 'J.10.5 2 b)', law: '法第33条第2項第2号', label: '業務の適正な実施に著しい支障を及ぼすおそれがある' },
  { code: 'j105c', clause: 'J.10.5 2 c)', law: '法第33条第2項第3号', label: '法令に違反する' },
];

/** 第三者提供記録の開示: 法第33条第5項 applies 同条第2項 to the records (J.10.5 covers both). */
const privateProvisionRecordDisclosure: DecisionGround[] = privateDisclosure.map((g) => ({
  ...g,
  law: g.law ? g.law.replace('法第33条', '法第33条第5項において準用する同条') : null,
}));

const privateCorrection: DecisionGround[] = [
  { code: 'j106-facts', clause: 'J.10.6 1', law: '法第34条第2項', label: '必要な調査の結果、保有個人データの内容が事実でないとは認められない' },
  { code: 'j106-purpose', clause: 'J.10.6 1', law: '法第34条第2項', label: '請求の訂正等は利用目的の達成に必要な範囲を超える' },
  { code: 'j106-law', clause: 'J.10.6 1', law: '法第34条第2項', label: '法令の規定により訂正等について特別の手続が定められている' },
];

const privateSuspension: DecisionGround[] = [
  {
    code: 'j107a',
    clause: 'J.10.7 3 a)',
    law: '法第35条第2項・第4項・第6項ただし書',
    label: '利用停止等に多額の費用を要する等の理由により困難であり、本人の権利利益を保護するため必要なこれに代わるべき措置をとる',
  },
  { code: 'j107b', clause: 'J.10.7 3 b)', law: null, label: '本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある' },
  { code: 'j107c', clause: 'J.10.7 3 c)', law: null, label: '業務の適正な実施に著しい支障を及ぼすおそれがある' },
  { code: 'j107d', clause: 'J.10.7 3 d)', law: null, label: '法令に違反する' },
];

const publicDisclosure: DecisionGround[] = [
  { code: 'a78-1', clause: '法第78条第1項第1号', law: '法第78条第1項第1号', label: '開示請求者の生命、健康、生活又は財産を害するおそれがある情報' },
  { code: 'a78-2', clause: '法第78条第1項第2号', law: '法第78条第1項第2号', label: '開示請求者以外の個人に関する情報' },
  {
    code: 'a78-3',
    clause: '法第78条第1項第3号',
    law: '法第78条第1項第3号',
    label: '法人その他の団体に関する情報であって、開示により当該法人等の権利、競争上の地位その他正当な利益を害するおそれがあるもの',
  },
  { code: 'a78-4', clause: '法第78条第1項第4号', law: '法第78条第1項第4号', label: '開示により国の安全が害されるおそれ等があると認めることにつき相当の理由がある情報' },
  {
    code: 'a78-5',
    clause: '法第78条第1項第5号',
    law: '法第78条第1項第5号',
    label: '開示により犯罪の予防、鎮圧又は捜査その他の公共の安全と秩序の維持に支障を及ぼすおそれがあると認めることにつき相当の理由がある情報',
  },
  {
    code: 'a78-6',
    clause: '法第78条第1項第6号',
    law: '法第78条第1項第6号',
    label: '審議、検討又は協議に関する情報であって、開示により率直な意見の交換若しくは意思決定の中立性が不当に損なわれるおそれ等があるもの',
  },
  {
    code: 'a78-7',
    clause: '法第78条第1項第7号',
    law: '法第78条第1項第7号',
    label: '事務又は事業に関する情報であって、開示により当該事務又は事業の適正な遂行に支障を及ぼすおそれがあるもの',
  },
  { code: 'a81', clause: '法第81条', law: '法第81条', label: '開示請求に係る保有個人情報が存在しているか否かを答えるだけで不開示情報を開示することとなる（存否応答拒否）' },
  { code: 'a82-2', clause: '法第82条第2項', law: '法第82条第2項', label: '開示請求に係る保有個人情報を保有していない' },
];

const publicCorrection: DecisionGround[] = [
  { code: 'a92', clause: '法第92条', law: '法第92条', label: '訂正請求に理由があると認められない' },
  { code: 'a92-purpose', clause: '法第92条', law: '法第92条', label: '訂正は保有個人情報の利用目的の達成に必要な範囲を超える' },
  { code: 'a82-2', clause: '法第82条第2項', law: '法第82条第2項', label: '訂正請求に係る保有個人情報を保有していない' },
];

const publicSuspension: DecisionGround[] = [
  { code: 'a100', clause: '法第100条', law: '法第100条', label: '利用停止請求に理由があると認められない' },
  {
    code: 'a100-proviso',
    clause: '法第100条ただし書',
    law: '法第100条ただし書',
    label: '利用停止をすることにより、当該保有個人情報の利用目的に係る事務の性質上、当該事務の適正な遂行に著しい支障を及ぼすおそれがある',
  },
  { code: 'a82-2', clause: '法第82条第2項', law: '法第82条第2項', label: '利用停止請求に係る保有個人情報を保有していない' },
];

/**
 * J.8.8.1 3 l) (法第28条第3項, 規則第18条第3項ただし書): the one ground on which a 個人情報取扱事業者
 * (private, designated_manager) may withhold the information — 「情報提供することにより…業務の適正な実施に
 * 著しい支障を及ぼすおそれがある場合」.
 */
const overseasInfo: DecisionGround[] = [
  { code: 'j8813l', clause: 'J.8.8.1 3 l)', law: '法第28条第3項（規則第18条第3項ただし書）', label: '情報提供することにより業務の適正な実施に著しい支障を及ぼすおそれがある' },
];

/**
 * 行政機関等 (public): 法第28条 binds 個人情報取扱事業者 only. A 行政機関の長等 that provided 保有個人情報 to a
 * 外国にある第三者 with a 体制 (法第71条第1項) provides the information about the 必要な措置 本人の求めに応じて
 * under 法第71条第3項, 「個人情報保護委員会規則で定めるところにより」; the letter cites that paragraph (the
 * 規則's article number is not cited: see docs/rules/request-deadlines.md). Same code as the private ground, so a
 * decision recorded before keeps its ground.
 */
const publicOverseasInfo: DecisionGround[] = [
  { code: 'j8813l', clause: '法第71条第3項', law: '法第71条第3項', label: '情報提供することにより事務又は事業の適正な遂行に著しい支障を及ぼすおそれがある' },
];

/**
 * The grounds a decision on `kind` may cite under `profile`. Complaints (苦情・相談) have none: they
 * close with a 原因・対応 note, not a decision. 利用目的の通知 has no statutory procedure for the public
 * profile (第5章第4節 has no 利用目的の通知請求), so the J.10.4 list applies to every profile.
 * designated_manager (指定管理者・受託者) answers as a 個人情報取扱事業者 and uses the private lists.
 */
export function decisionGrounds(kind: RequestKindCode, profile: RequestProfile): readonly DecisionGround[] {
  if (kind === 'complaint') return [];
  if (kind === 'purpose_notice') return privatePurposeNotice;
  if (kind === 'overseas_info') return profile === 'public' ? publicOverseasInfo : overseasInfo;
  if (profile === 'public') {
    if (kind === 'disclosure' || kind === 'provision_record_disclosure') return publicDisclosure;
    if (kind === 'correction') return publicCorrection;
    return publicSuspension;
  }
  if (kind === 'disclosure') return privateDisclosure;
  if (kind === 'provision_record_disclosure') return privateProvisionRecordDisclosure;
  if (kind === 'correction') return privateCorrection;
  return privateSuspension;
}
