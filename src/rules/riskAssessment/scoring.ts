/**
 * Scoring of the リスク分析対策表 (SPEC M2): リスク総合評価 = 発生可能性 × 影響度 under a versioned
 * criteria set (J.3.1.3 1 b)), the heat map of a sheet and the treatment order (J.3.1.3 1 d) 2)).
 * Re-exported by `../riskAssessment.ts`.
 */
import { latestRiskCriteriaVersion, type RiskCriteria, resolveRiskCriteria } from '../data/riskCriteria.ts';
import type { RiskRecord } from './sheet.ts';

/** Thrown by {@link scoreRisk} when a value is not a level of the scale. */
export class RiskScaleError extends Error {
  readonly field: 'likelihood' | 'impact';
  constructor(field: 'likelihood' | 'impact', message: string) {
    super(message);
    this.name = 'RiskScaleError';
    this.field = field;
  }
}

/** Inputs of a score: the chosen levels. */
export type RiskScoreInput = { likelihood: number; impact: number };

/** A score (リスク総合評価) with the criteria version it was computed under. */
export type RiskScore = {
  /** Store this with the assessment (J.3.1.3 1 b): comparable results). */
  criteriaVersion: string;
  likelihood: number;
  impact: number;
  likelihoodLabel: string;
  impactLabel: string;
  /** 発生可能性 × 影響度. */
  score: number;
  threshold: number;
  /** score ≥ threshold: a 残存リスク対応策 is required (世田谷区 自己点検 No.2). */
  atOrAboveThreshold: boolean;
};

/** The level `value` of a scale, or undefined when it is not on the scale. */
export function levelOf(criteria: RiskCriteria, field: 'likelihood' | 'impact', value: number) {
  return criteria[field].levels.find((level) => level.value === value);
}

/** Japanese description of the allowed levels of a scale, e.g. 「1・2・3」. */
export function allowedLevels(criteria: RiskCriteria, field: 'likelihood' | 'impact'): string {
  return criteria[field].levels.map((level) => level.value).join('・');
}

/**
 * Scores a risk: 発生可能性 × 影響度 under `criteria` (a version id, or an organization's own
 * criteria object). Same inputs and version → same score; the version is in the result.
 *
 * @throws RiskScaleError when likelihood or impact is not a level of the scale;
 *   UnknownRiskCriteriaVersionError for an unknown version id.
 * @example scoreRisk({ likelihood: 2, impact: 2 }, 'risk-criteria-2026-01') // score 4, atOrAboveThreshold true
 */
export function scoreRisk(input: RiskScoreInput, criteria: string | RiskCriteria = latestRiskCriteriaVersion): RiskScore {
  const set = resolveRiskCriteria(criteria);
  const likelihood = levelOf(set, 'likelihood', input.likelihood);
  if (!likelihood) {
    throw new RiskScaleError(
      'likelihood',
      `${set.likelihood.label}は ${allowedLevels(set, 'likelihood')} のいずれかで入力してください（入力値: ${String(input.likelihood)}、基準: ${set.title}）`,
    );
  }
  const impact = levelOf(set, 'impact', input.impact);
  if (!impact) {
    throw new RiskScaleError('impact', `${set.impact.label}は ${allowedLevels(set, 'impact')} のいずれかで入力してください（入力値: ${String(input.impact)}、基準: ${set.title}）`);
  }
  const score = likelihood.value * impact.value;
  return {
    criteriaVersion: set.id,
    likelihood: likelihood.value,
    impact: impact.value,
    likelihoodLabel: likelihood.label,
    impactLabel: impact.label,
    score,
    threshold: set.threshold,
    atOrAboveThreshold: score >= set.threshold,
  };
}

// ─── Heat map and ranking ──────────────────────────────────────────────────────────────────

/** One cell of the heat map. */
export type HeatMapCell = { likelihood: number; impact: number; score: number; atOrAboveThreshold: boolean; count: number };

/** Output of {@link heatMap}. */
export type HeatMap = {
  criteriaVersion: string;
  /** Every (likelihood, impact) pair of the scale, likelihood-major in ascending order. */
  cells: HeatMapCell[];
  /** Records counted in a cell. */
  total: number;
  /** Records not counted: another criteria version (not comparable, J.3.1.3 1 b)) or off the scale. */
  excluded: { otherVersion: number; outOfScale: number };
};

/**
 * Counts records per (likelihood, impact) cell of the criteria's scale. Records assessed under
 * another criteria version are not comparable (J.3.1.3 1 b)) and are counted in
 * `excluded.otherVersion`; values off the scale in `excluded.outOfScale`.
 */
export function heatMap(records: readonly Pick<RiskRecord, 'likelihood' | 'impact' | 'criteriaVersion'>[], criteria: string | RiskCriteria = latestRiskCriteriaVersion): HeatMap {
  const set = resolveRiskCriteria(criteria);
  const counts = new Map<string, number>();
  let otherVersion = 0;
  let outOfScale = 0;
  for (const record of records) {
    if (record.criteriaVersion !== set.id) {
      otherVersion += 1;
      continue;
    }
    if (!levelOf(set, 'likelihood', record.likelihood) || !levelOf(set, 'impact', record.impact)) {
      outOfScale += 1;
      continue;
    }
    const key = `${record.likelihood}:${record.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells: HeatMapCell[] = [];
  for (const l of set.likelihood.levels) {
    for (const i of set.impact.levels) {
      const score = l.value * i.value;
      cells.push({ likelihood: l.value, impact: i.value, score, atOrAboveThreshold: score >= set.threshold, count: counts.get(`${l.value}:${i.value}`) ?? 0 });
    }
  }
  return { criteriaVersion: set.id, cells, total: records.length - otherVersion - outOfScale, excluded: { otherVersion, outOfScale } };
}

/**
 * リスク対応の優先順位 (J.3.1.3 1 d) 2) 「リスク対応の優先順位を明らかにする」): records ordered by
 * score (highest first); on equal scores improper-handling threats first (they must be fully
 * treated, J.3.1.4 留意事項), then higher impact, then input order. Records off the scale go last.
 * Returns a new array; the input is not changed.
 */
export function rankRisks<T extends Pick<RiskRecord, 'likelihood' | 'impact' | 'threat'>>(records: readonly T[], criteria: string | RiskCriteria = latestRiskCriteriaVersion): T[] {
  const set = resolveRiskCriteria(criteria);
  const keyed = records.map((record, index) => {
    const valid = levelOf(set, 'likelihood', record.likelihood) !== undefined && levelOf(set, 'impact', record.impact) !== undefined;
    const improper = set.threats.find((threat) => threat.id === record.threat)?.improperHandling === true;
    return { record, index, valid, score: valid ? record.likelihood * record.impact : -1, improper };
  });
  keyed.sort(
    (a, b) =>
      Number(b.valid) - Number(a.valid) ||
      b.score - a.score ||
      Number(b.improper) - Number(a.improper) ||
      (b.valid ? b.record.impact : 0) - (a.valid ? a.record.impact : 0) ||
      a.index - b.index,
  );
  return keyed.map((item) => item.record);
}
