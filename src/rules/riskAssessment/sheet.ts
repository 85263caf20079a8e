/**
 * One row of the リスク分析対策表 (SPEC M2): its zod schema and the clause-cited checks that decide
 * whether it may be submitted for approval (J.3.1.3, J.3.1.4, 世田谷区 自己点検 No.2).
 * Re-exported by `../riskAssessment.ts`.
 */
import { z } from 'zod';
import { type ClauseQuote, type RiskCriteria, type RiskThreat, resolveRiskCriteria } from '../data/riskCriteria.ts';
import { citesMunicipality, companyThresholdBasis, type RuleAudience } from '../data/seedSources.ts';
import { isIsoDate } from '../deadlines.ts';
import { allowedLevels, levelOf } from './scoring.ts';

// ─── Record schema ─────────────────────────────────────────────────────────────────────────

const requiredText = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label}は必須です` : `${label}は文字で入力してください`) })
    .trim()
    .min(1, { error: `${label}は必須です` });

const level = (label: string) => z.number({ error: (issue) => (issue.input === undefined ? `${label}は必須です` : `${label}は数値で入力してください`) });

/**
 * Zod schema of one row of the リスク分析対策表 (SPEC M2). Shapes only: whether the levels are on
 * the scale, and every clause rule, is {@link validateRiskRecord}'s job (the scale belongs to the
 * criteria version, not to the schema). Phase and threat are checked against the criteria too.
 */
export const riskRecordSchema = z.strictObject(
  {
    id: z.string({ error: 'IDは文字で入力してください' }).optional(),
    /** 個人情報管理台帳の行 (or a 類型 that groups several rows, PA01 J.3.1.3 e)). */
    inventoryEntryId: z.string({ error: '台帳IDは文字で入力してください' }).optional(),
    /** 類型 (PA01 J.3.1.3 e) 「業務内容や媒体単位等の類似した個人情報を集約する」). */
    category: z.string({ error: '類型は文字で入力してください' }).optional(),
    phase: requiredText('局面'),
    threat: requiredText('脅威'),
    /** 想定されるリスク. */
    risk: requiredText('想定されるリスク'),
    /** リスク所有者 (J.3.1.3 1 c) 3)). Empty is reported by validateRiskRecord with the clause. */
    owner: z.string({ error: 'リスク所有者は文字で入力してください' }).optional(),
    likelihood: level('発生可能性'),
    impact: level('影響度'),
    criteriaVersion: requiredText('リスク基準の版'),
    countermeasures: z
      .array(
        z.strictObject({
          text: z.string({ error: '対策は文字で入力してください' }),
          /** 関連する規程類の項番 (PA01 J.3.1.3 h)). */
          refs: z.array(z.string({ error: '規程類の項番は文字で入力してください' })).optional(),
        }),
        { error: '対策は一覧で入力してください' },
      )
      .optional(),
    /** 残留リスク and its 残存リスク対応策 (PA01 J.3.1.3 i), J.3.1.4; 世田谷区「残存リスク対応策（出）」). */
    residual: z
      .strictObject({
        /** 残留リスクの内容. */
        description: z.string({ error: '残留リスクは文字で入力してください' }).optional(),
        /** 残存リスク対応策. */
        measure: z.string({ error: '残存リスク対応策は文字で入力してください' }).optional(),
        /** 次回モニタリング日 (J.3.1.4 留意事項: 残留リスクの管理). */
        monitoringDate: z
          .string({ error: '次回モニタリング日は日付（例: 2026-11-28）で入力してください' })
          .refine(isIsoDate, { error: '次回モニタリング日は実在する日付（例: 2026-11-28）で入力してください' })
          .nullable()
          .optional(),
      })
      .nullable()
      .optional(),
  },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `リスク分析の行に不明な項目があります（${issue.keys.length}件）`;
      if (issue.code === 'invalid_type') return 'リスク分析の行の形式が正しくありません';
      return undefined;
    },
  },
);

/** One row of the リスク分析対策表. */
export type RiskRecord = z.output<typeof riskRecordSchema>;

/**
 * The basis of the 残存リスク対応策 threshold as the organization reads it: a company cites its own
 * risk criteria (PA01 J.3.1.3 1 d)), a public body or 指定管理者 the criteria's recorded source
 * (世田谷区 自己点検 No.2). Without an audience, the recorded source (issue 10).
 */
export function thresholdBasisFor(criteria: RiskCriteria, audience?: RuleAudience): ClauseQuote {
  return audience === 'company' && citesMunicipality(criteria.thresholdBasis.clause) ? companyThresholdBasis : criteria.thresholdBasis;
}

// ─── Validation ────────────────────────────────────────────────────────────────────────────

/** A clause-cited problem in a risk record. */
export type RiskViolation = {
  code:
    | 'criteria_version_mismatch'
    | 'unknown_phase'
    | 'unknown_threat'
    | 'likelihood_out_of_scale'
    | 'impact_out_of_scale'
    | 'owner_missing'
    | 'countermeasure_missing'
    | 'countermeasure_ref_missing'
    | 'residual_measure_required'
    | 'improper_handling_residual'
    | 'improper_handling_not_fully_treated'
    | 'residual_measure_missing'
    | 'residual_monitoring_missing';
  severity: 'error' | 'warning';
  field: string;
  clause: string;
  quote: string;
  message: string;
};

const J3131B_QUOTE = '繰り返し実施した個人情報保護リスクアセスメントに、一貫性及び妥当性があり、かつ、比較可能な結果を生み出すことを確実にする。';
const OWNER_QUOTE = '上記で特定したリスクのリスク所有者を特定する。';
const COUNTERMEASURE_QUOTE = 'g) リスク対策を記述する リスクに対する対策を記入する。';
const REF_QUOTE = 'h) 関連する規程類の記入 リスク対策を参照できるよう、関連する規程類の項番を記入する。';
const MONITORING_QUOTE = '残留リスクの管理とは、残留リスクについて文書化し、モニタリングし、レビューし、対応可能となった場合に追加的対応の対象とすること等を指す。';

const hasText = (value: string | null | undefined): boolean => value !== undefined && value !== null && value.trim() !== '';

/** Whether the record records a 残留リスク (any residual content at all). */
function recordsResidual(record: RiskRecord): boolean {
  const residual = record.residual ?? null;
  return residual !== null && (hasText(residual.description) || hasText(residual.measure) || hasText(residual.monitoringDate));
}

/**
 * Checks one row of the リスク分析対策表 against its criteria and returns every violation, each
 * with its clause and the seed's wording (errors first, then warnings). An empty array means the
 * row may be submitted for approval.
 *
 * Convention: likelihood and impact are judged **after** the countermeasures listed in the row
 * (J.3.1.3 留意事項 4) 「既に講じている安全管理措置」); what remains at or above the threshold is
 * what the 残存リスク対応策 addresses.
 *
 * Rules:
 * 1. `criteriaVersion` equals the criteria's id (J.3.1.3 1 b)).
 * 2. phase and threat exist in the criteria (J.3.1.3 留意事項・1 a) 4)).
 * 3. likelihood and impact are levels of the scale.
 * 4. an owner is named (J.3.1.3 1 c) 3)).
 * 5. at least one countermeasure (PA01 J.3.1.3 g)); each with a clause ref (h), warning).
 * 6. score ≥ threshold → a 残存リスク対応策 (世田谷区 自己点検 No.2) — except for improper handling.
 * 7. improper handling (不正な取得・利用など) may never be a 残留リスク, and at or above the
 *    threshold it is not yet fully treated (J.3.1.4 留意事項).
 * 8. a recorded 残留リスク has a measure and a monitoring date (J.3.1.4 留意事項).
 */
export function validateRiskRecord(record: RiskRecord, criteria: string | RiskCriteria = record.criteriaVersion, options: { audience?: RuleAudience } = {}): RiskViolation[] {
  const set = resolveRiskCriteria(criteria);
  const thresholdBasis = thresholdBasisFor(set, options.audience);
  const violations: RiskViolation[] = [];
  const push = (violation: RiskViolation) => violations.push(violation);

  if (record.criteriaVersion !== set.id) {
    push({
      code: 'criteria_version_mismatch',
      severity: 'error',
      field: 'criteriaVersion',
      clause: 'J.3.1.3 1 b)',
      quote: J3131B_QUOTE,
      message: `リスク基準の版が「${record.criteriaVersion}」ですが、「${set.id}」で検証しています。評価は記録した版の基準で行ってください`,
    });
  }
  if (!set.phases.some((phase) => phase.id === record.phase)) {
    push({
      code: 'unknown_phase',
      severity: 'error',
      field: 'phase',
      clause: 'J.3.1.3 留意事項',
      quote: '個人情報の取得・入力、移送・送信、利用・加工、保管・バックアップ、消去・廃棄等に至る個人情報の取扱いの一連の流れ',
      message: `局面は ${set.phases.map((phase) => `「${phase.label}」`).join('・')} のいずれかを選んでください`,
    });
  }
  const threat: RiskThreat | undefined = set.threats.find((candidate) => candidate.id === record.threat);
  if (!threat) {
    push({
      code: 'unknown_threat',
      severity: 'error',
      field: 'threat',
      clause: 'J.3.1.3 1 a) 4)',
      quote: set.viewpoints[3] ?? '',
      message: `脅威は ${set.threats.map((candidate) => `「${candidate.label}」`).join('・')} のいずれかを選んでください`,
    });
  }
  const onScale = { likelihood: levelOf(set, 'likelihood', record.likelihood), impact: levelOf(set, 'impact', record.impact) };
  for (const field of ['likelihood', 'impact'] as const) {
    if (onScale[field]) continue;
    push({
      code: field === 'likelihood' ? 'likelihood_out_of_scale' : 'impact_out_of_scale',
      severity: 'error',
      field,
      clause: 'J.3.1.3 1 b)',
      quote: J3131B_QUOTE,
      message: `${set[field].label}は ${allowedLevels(set, field)} のいずれかで入力してください（入力値: ${String(record[field])}、基準: ${set.title}）`,
    });
  }
  if (!hasText(record.owner)) {
    push({
      code: 'owner_missing',
      severity: 'error',
      field: 'owner',
      clause: 'J.3.1.3 1 c) 3)',
      quote: OWNER_QUOTE,
      message: 'リスク所有者を入力してください（J.3.1.3 1 c) 3)）',
    });
  }
  const measures = (record.countermeasures ?? []).filter((measure) => hasText(measure.text));
  if (measures.length === 0) {
    push({
      code: 'countermeasure_missing',
      severity: 'error',
      field: 'countermeasures',
      clause: 'J.3.1.3 g)',
      quote: COUNTERMEASURE_QUOTE,
      message: 'リスク対策を1件以上入力してください（J.3.1.3 g)、J.3.1.4 1 a)）',
    });
  }

  const residual = record.residual ?? null;
  const hasResidual = recordsResidual(record);
  if (threat?.improperHandling === true) {
    // J.3.1.4 留意事項: 不適切な取扱い must be fully treated; it is never a 残留リスク.
    if (hasResidual) {
      push({
        code: 'improper_handling_residual',
        severity: 'error',
        field: 'residual',
        clause: set.improperHandlingBasis.clause,
        quote: set.improperHandlingBasis.quote,
        message: `「${threat.label}」は個人情報の不適切な取扱いに関するリスクのため、残留リスクとすることは認められません。残留リスクの記入を削除し、対策で全て対応してください（J.3.1.4 留意事項）`,
      });
    }
    if (onScale.likelihood && onScale.impact && record.likelihood * record.impact >= set.threshold) {
      push({
        code: 'improper_handling_not_fully_treated',
        severity: 'error',
        field: 'countermeasures',
        clause: set.improperHandlingBasis.clause,
        quote: set.improperHandlingBasis.quote,
        message: `「${threat.label}」の対策後の評価が ${record.likelihood * record.impact}（閾値 ${set.threshold} 以上）です。不適切な取扱いのリスクは全て対応する必要があるため、対策を追加し、評価が閾値未満になるようにしてください（J.3.1.4 留意事項）`,
      });
    }
  } else if (onScale.likelihood && onScale.impact && record.likelihood * record.impact >= set.threshold && !hasText(residual?.measure)) {
    push({
      code: 'residual_measure_required',
      severity: 'error',
      field: 'residual.measure',
      clause: thresholdBasis.clause,
      quote: thresholdBasis.quote,
      message: `リスク総合評価が ${record.likelihood * record.impact}（閾値 ${set.threshold} 以上）のため、残存リスク対応策を入力してください`,
    });
  }
  if (hasResidual && threat?.improperHandling !== true) {
    if (!hasText(residual?.measure) && !violations.some((v) => v.code === 'residual_measure_required')) {
      push({
        code: 'residual_measure_missing',
        severity: 'error',
        field: 'residual.measure',
        clause: set.residualRiskBasis.clause,
        quote: set.residualRiskBasis.quote,
        message: '残留リスクは放置してよいリスクではなく、短期的若しくは中長期的に対応していくリスクです。残存リスク対応策を入力してください（J.3.1.4 留意事項）',
      });
    }
    if (!hasText(residual?.monitoringDate)) {
      push({
        code: 'residual_monitoring_missing',
        severity: 'error',
        field: 'residual.monitoringDate',
        clause: 'J.3.1.4 留意事項',
        quote: MONITORING_QUOTE,
        message: '残留リスクの次回モニタリング日を入力してください（J.3.1.4 留意事項: 残留リスクの管理）',
      });
    }
  }
  measures.forEach((measure, index) => {
    if ((measure.refs ?? []).some((ref) => ref.trim() !== '')) return;
    push({
      code: 'countermeasure_ref_missing',
      severity: 'warning',
      field: `countermeasures[${index}].refs`,
      clause: 'J.3.1.3 h)',
      quote: REF_QUOTE,
      message: `対策「${measure.text}」に関連する規程類の項番を入力してください（J.3.1.3 h)）`,
    });
  });
  return [...violations.filter((v) => v.severity === 'error'), ...violations.filter((v) => v.severity === 'warning')];
}
