/**
 * Versioned risk criteria for the リスク分析対策表 (個人情報保護のリスク基準, SPEC M2).
 *
 * PA01 J.3.1.3 1 b) asks that 「繰り返し実施した個人情報保護リスクアセスメントに、一貫性及び妥当性が
 * あり、かつ、比較可能な結果を生み出すことを確実にする」. Mamori meets it by freezing every set of
 * criteria under an id (e.g. `risk-criteria-2026-01`) and storing that id with each assessment:
 * the same inputs under the same id always give the same score, and a change of scale or threshold
 * becomes a *new* entry in {@link riskCriteriaVersions} (built with {@link deriveRiskCriteria}),
 * never an edit of an old one.
 *
 * Sources (seeds/): PA01 J.3.1.3 (リスク基準 a) 1)–4), 各局面の留意事項, 手順 e)–i)), PA01 J.3.1.4
 * 留意事項 (残留リスク), 世田谷区 事業計画書 自己点検チェックシート No.2 (閾値【4】). The level
 * descriptions of the 1–3 scales are Mamori defaults: the seeds give no scale (see
 * docs/rules/inventory-and-risk.md「不確かな点」).
 */

/** ライフサイクルの局面 (PA01 J.3.1.3 留意事項・手順 f)). */
export type RiskPhaseId = 'acquisition' | 'transfer' | 'use' | 'storage' | 'disposal';

/** 脅威 (PA01 J.3.1.3 1 a) 4) の列挙). `destruction_damage` is 滅失・毀損 as one item, as in the seed. */
export type RiskThreatId = 'leak' | 'loss' | 'destruction_damage' | 'tampering' | 'inaccuracy' | 'improper_acquisition' | 'purpose_violation' | 'misuse' | 'request_refusal';

/** One level of a likelihood or impact scale, with the wording shown on the form. */
export type RiskScaleLevel = {
  readonly value: number;
  /** Short label (低い / 中程度 / 高い). */
  readonly label: string;
  /** What an assessor should have in mind when choosing this level. */
  readonly description: string;
};

/** A likelihood or impact scale: ascending, distinct integer levels. */
export type RiskScale = {
  /** 発生可能性 / 影響度. */
  readonly label: string;
  readonly levels: readonly RiskScaleLevel[];
};

/** A clause reference with the seed's own words, shown next to a rule. */
export type ClauseQuote = { readonly clause: string; readonly quote: string };

/** A lifecycle phase (局面). */
export type RiskPhase = { readonly id: RiskPhaseId; readonly label: string };

/** A threat (脅威) and whether it is an 不適切な取扱い that can never stay as 残留リスク. */
export type RiskThreat = {
  readonly id: RiskThreatId;
  readonly label: string;
  /**
   * PA01 J.3.1.4 留意事項: 「個人情報の不適切な取扱い（不正な取得・利用など）に関するリスクについては、
   * 法令遵守の観点から、全て対応する必要があるため、残留リスクとすることは認められない。」
   */
  readonly improperHandling: boolean;
  /**
   * Why the flag is set: `seed_example` when the seed names it (不正な取得・利用), `spec_reading`
   * when SPEC M2 reads 「など」 to include it (目的外利用・提供, 開示等の求め等の拒否).
   */
  readonly improperHandlingSource: 'seed_example' | 'spec_reading' | null;
};

/** A frozen, versioned set of risk criteria. Every field is data; the engine holds no numbers. */
export type RiskCriteria = {
  /** Stable id stored with each assessment, e.g. `risk-criteria-2026-01`. */
  readonly id: string;
  /** First date the criteria apply to new assessments, `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  readonly title: string;
  /** J.3.1.3 1 a) 1)–4): the viewpoints (観点) the criteria stand on. */
  readonly viewpoints: readonly string[];
  readonly likelihood: RiskScale;
  readonly impact: RiskScale;
  /** How the score (リスク総合評価) is formed. Only `product` (発生可能性 × 影響度) exists today. */
  readonly scoring: 'product';
  /** Score at or above which a 残存リスク対応策 is required. */
  readonly threshold: number;
  readonly thresholdBasis: ClauseQuote;
  readonly phases: readonly RiskPhase[];
  readonly threats: readonly RiskThreat[];
  readonly improperHandlingBasis: ClauseQuote;
  readonly residualRiskBasis: ClauseQuote;
};

/**
 * Criteria released 2026-01 (PA01 第4版 2024-12-01 and the Setagaya 自己点検チェックシート).
 *
 * The scale (1–3 × 1–3, score = product) is SPEC M2's default; the seeds define no scale. The
 * threshold 4 is Setagaya 自己点検 No.2 「リスク総合評価が【4】以上の項目」.
 */
const riskCriteria202601: RiskCriteria = {
  id: 'risk-criteria-2026-01',
  effectiveFrom: '2026-01-01',
  title: '個人情報保護リスク基準（発生可能性1〜3 × 影響度1〜3、閾値4）',
  viewpoints: [
    '本人の権利利益の侵害',
    '本規程に定める事項',
    '法令及び国が定める指針その他の規範に関する事項',
    '個人情報の漏えい、紛失、滅失・毀損、改ざん、正確性の未確保、不正・不適正取得、目的外利用・提供、不正利用、開示等の求め等の拒否に関する事項',
  ],
  likelihood: {
    label: '発生可能性',
    levels: [
      { value: 1, label: '低い', description: '現状の対策が有効に機能しており、発生することはまれと考えられる' },
      { value: 2, label: '中程度', description: '対策はあるが、人為的な誤りや想定外の事象により発生し得る' },
      { value: 3, label: '高い', description: '対策が不十分、又は取扱いの頻度・量が多く、発生する可能性が高い（過去に発生した場合を含む）' },
    ],
  },
  impact: {
    label: '影響度',
    levels: [
      { value: 1, label: '小さい', description: '本人の権利利益の侵害は軽微（件数が少ない、公開されている情報に近い等）' },
      { value: 2, label: '中程度', description: '本人に一定の不利益（迷惑行為、精神的苦痛等）が生じ得る' },
      {
        value: 3,
        label: '大きい',
        description: '要配慮個人情報・財産的被害につながる情報・特定個人情報を含む、又は大量であり、本人の権利利益を大きく侵害し得る',
      },
    ],
  },
  scoring: 'product',
  threshold: 4,
  thresholdBasis: {
    clause: '世田谷区 事業計画書 個人情報自己点検チェックシート No.2（リスクなどの認識・分析及び対策）',
    quote:
      '個人情報リスク評価シートを作成し、特定した個人情報のリスク総合評価が【4】以上の項目について、残存リスクへの対応策を講じているか ⇒ 上記について、個人情報リスク評価シートの「残存リスク対応策（出）」が漏れなく記入されているか確認すること。',
  },
  phases: [
    { id: 'acquisition', label: '取得・入力' },
    { id: 'transfer', label: '移送・送信' },
    { id: 'use', label: '利用・加工' },
    { id: 'storage', label: '保管・バックアップ' },
    { id: 'disposal', label: '消去・廃棄' },
  ],
  threats: [
    { id: 'leak', label: '漏えい', improperHandling: false, improperHandlingSource: null },
    { id: 'loss', label: '紛失', improperHandling: false, improperHandlingSource: null },
    { id: 'destruction_damage', label: '滅失・毀損', improperHandling: false, improperHandlingSource: null },
    { id: 'tampering', label: '改ざん', improperHandling: false, improperHandlingSource: null },
    { id: 'inaccuracy', label: '正確性の未確保', improperHandling: false, improperHandlingSource: null },
    { id: 'improper_acquisition', label: '不正・不適正取得', improperHandling: true, improperHandlingSource: 'seed_example' },
    { id: 'purpose_violation', label: '目的外利用・提供', improperHandling: true, improperHandlingSource: 'spec_reading' },
    { id: 'misuse', label: '不正利用', improperHandling: true, improperHandlingSource: 'seed_example' },
    { id: 'request_refusal', label: '開示等の求め等の拒否', improperHandling: true, improperHandlingSource: 'spec_reading' },
  ],
  improperHandlingBasis: {
    clause: 'J.3.1.4 留意事項',
    quote: 'なお、個人情報の不適切な取扱い（不正な取得・利用など）に関するリスクについては、法令遵守の観点から、全て対応する必要があるため、残留リスクとすることは認められない。',
  },
  residualRiskBasis: {
    clause: 'J.3.1.4 留意事項',
    quote:
      '残留リスクとは、リスク対応後に残っているリスクのことであり、受容するリスク（放置しておいてよいリスク）ではなく、現時点では困難であるが、短期的若しくは中長期的に対応していくリスクのことである。',
  },
};

/** Thrown when criteria are internally inconsistent (by {@link defineRiskCriteria}). */
export class InvalidRiskCriteriaError extends Error {
  readonly problems: readonly string[];
  constructor(id: string, problems: readonly string[]) {
    super(`リスク基準 "${id}" が不正です: ${problems.join(' / ')}`);
    this.name = 'InvalidRiskCriteriaError';
    this.problems = problems;
  }
}

/** Threats the seed itself names as 不適切な取扱い (「不正な取得・利用」); no version may unflag them. */
const seedNamedImproperThreats: readonly RiskThreatId[] = ['improper_acquisition', 'misuse'];

/**
 * Checks a criteria object for internal consistency and returns it deep-frozen. Used for every
 * released version and for organization-specific criteria stored elsewhere.
 *
 * Rules: each scale has at least one level; values are ascending, distinct integers ≥ 1; the
 * threshold is an integer between the smallest and the largest possible score; phase and threat
 * ids are unique; 不正・不適正取得 and 不正利用 stay flagged as improper handling (J.3.1.4 留意事項).
 *
 * @throws InvalidRiskCriteriaError listing every problem found.
 */
export function defineRiskCriteria(criteria: RiskCriteria): RiskCriteria {
  const problems: string[] = [];
  if (criteria.id.trim() === '') problems.push('id（版）が空です');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(criteria.effectiveFrom)) problems.push('effectiveFrom は YYYY-MM-DD で指定してください');
  for (const scale of [criteria.likelihood, criteria.impact]) {
    const values = scale.levels.map((level) => level.value);
    if (values.length === 0) problems.push(`${scale.label}の段階がありません`);
    if (values.some((value) => !Number.isInteger(value) || value < 1)) problems.push(`${scale.label}の値は1以上の整数にしてください`);
    if (values.some((value, index) => index > 0 && value <= (values[index - 1] ?? 0))) {
      problems.push(`${scale.label}の値は重複のない昇順にしてください`);
    }
    if (scale.levels.some((level) => level.label.trim() === '' || level.description.trim() === '')) {
      problems.push(`${scale.label}の各段階に名称と説明を付けてください`);
    }
  }
  const lows = [criteria.likelihood, criteria.impact].map((scale) => scale.levels[0]?.value ?? 1);
  const highs = [criteria.likelihood, criteria.impact].map((scale) => scale.levels[scale.levels.length - 1]?.value ?? 1);
  const minScore = (lows[0] ?? 1) * (lows[1] ?? 1);
  const maxScore = (highs[0] ?? 1) * (highs[1] ?? 1);
  if (!Number.isInteger(criteria.threshold) || criteria.threshold < minScore || criteria.threshold > maxScore) {
    problems.push(`閾値は ${minScore}〜${maxScore} の整数にしてください（現在: ${criteria.threshold}）`);
  }
  if (new Set(criteria.phases.map((phase) => phase.id)).size !== criteria.phases.length) problems.push('局面の id が重複しています');
  if (new Set(criteria.threats.map((threat) => threat.id)).size !== criteria.threats.length) problems.push('脅威の id が重複しています');
  for (const id of seedNamedImproperThreats) {
    const threat = criteria.threats.find((candidate) => candidate.id === id);
    if (threat !== undefined && !threat.improperHandling) {
      problems.push(`「${threat.label}」は J.3.1.4 留意事項の「不正な取得・利用」に当たるため、不適切な取扱い（improperHandling）から外せません`);
    }
  }
  if (problems.length > 0) throw new InvalidRiskCriteriaError(criteria.id, problems);
  // Clone first: freezing must not reach into the caller's (possibly shared) object.
  return deepFreeze(structuredClone(criteria));
}

/** Every released criteria set, oldest first. Append new versions; never edit or remove one. */
export const riskCriteriaVersions: readonly RiskCriteria[] = Object.freeze([defineRiskCriteria(riskCriteria202601)]);

/** The version new assessments use by default (the newest released set). */
export const latestRiskCriteriaVersion: string = (riskCriteriaVersions[riskCriteriaVersions.length - 1] ?? riskCriteria202601).id;

/** Thrown when a caller asks for a criteria version Mamori does not ship. */
export class UnknownRiskCriteriaVersionError extends Error {
  readonly version: string;
  constructor(version: string) {
    super(`未知のリスク基準の版です: "${version}"（利用可能: ${riskCriteriaVersions.map((set) => set.id).join(', ')}）`);
    this.name = 'UnknownRiskCriteriaVersionError';
    this.version = version;
  }
}

/**
 * Returns the criteria with id `version`.
 * @throws UnknownRiskCriteriaVersionError when no such version exists.
 * @example getRiskCriteria('risk-criteria-2026-01').threshold // 4
 */
export function getRiskCriteria(version: string): RiskCriteria {
  const found = riskCriteriaVersions.find((set) => set.id === version);
  if (!found) throw new UnknownRiskCriteriaVersionError(version);
  return found;
}

/** Resolves a version id or an already-built criteria object (organization-specific criteria). */
export function resolveRiskCriteria(criteria: string | RiskCriteria): RiskCriteria {
  return typeof criteria === 'string' ? getRiskCriteria(criteria) : criteria;
}

/** A partial override of a criteria set for {@link deriveRiskCriteria}. */
export type RiskCriteriaPatch = {
  readonly id: string;
  readonly effectiveFrom: string;
  readonly title?: string;
  readonly viewpoints?: readonly string[];
  readonly likelihood?: RiskScale;
  readonly impact?: RiskScale;
  readonly threshold?: number;
  readonly thresholdBasis?: ClauseQuote;
  readonly phases?: readonly RiskPhase[];
  readonly threats?: readonly RiskThreat[];
};

/**
 * Builds the next version from a previous one by overriding only what changed, leaving the
 * previous version untouched. The result is checked with {@link defineRiskCriteria}.
 *
 * @example
 * // An organization moving to a 1–5 scale with threshold 10 (illustrative only):
 * const next = deriveRiskCriteria(getRiskCriteria('risk-criteria-2026-01'), {
 *   id: 'acme-risk-2027-01', effectiveFrom: '2027-01-01', threshold: 10,
 *   likelihood: { label: '発生可能性', levels: [...] }, impact: { label: '影響度', levels: [...] },
 * });
 */
export function deriveRiskCriteria(base: RiskCriteria, patch: RiskCriteriaPatch): RiskCriteria {
  return defineRiskCriteria({
    ...base,
    ...patch,
    title: patch.title ?? base.title,
  });
}

/** Label of a phase id under the given criteria (the id itself if the version lacks it). */
export function phaseLabel(criteria: RiskCriteria, id: string): string {
  return criteria.phases.find((phase) => phase.id === id)?.label ?? id;
}

/** Label of a threat id under the given criteria (the id itself if the version lacks it). */
export function threatLabel(criteria: RiskCriteria, id: string): string {
  return criteria.threats.find((threat) => threat.id === id)?.label ?? id;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
