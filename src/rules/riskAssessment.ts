/**
 * Risk assessment engine (リスク分析対策表のルール, SPEC M2). Pure: records in, scores and
 * clause-cited violations out. No I/O, no clock.
 *
 * - {@link scoreRisk}: リスク総合評価 = 発生可能性 × 影響度 under a versioned criteria set; the
 *   same inputs and version always give the same score (J.3.1.3 1 b)).
 * - {@link validateRiskRecord}: scale, owner, countermeasures, 残存リスク対応策 at or above the
 *   threshold (世田谷区 自己点検 No.2), no 残留リスク for improper handling (J.3.1.4 留意事項),
 *   monitoring of residual risks (J.3.1.4 留意事項).
 * - {@link proposeTypicalRisks}: the starting set for an inventory entry, per phase.
 * - {@link heatMap}, {@link rankRisks}: counts per cell and the treatment order (J.3.1.3 1 d) 2)).
 * - {@link riskStatusOfEntry}: 未分析 / 分析中 / 承認済 / 要見直し.
 *
 * Criteria live in `./data/riskCriteria.ts`, typical risks in `./data/typicalRisks.ts`.
 * See docs/rules/inventory-and-risk.md.
 */
import { z } from 'zod';
import type { ApprovalStatus } from './approvalChains.ts';
import {
  latestRiskCriteriaVersion,
  phaseLabel,
  type RiskCriteria,
  type RiskPhaseId,
  type RiskThreat,
  type RiskThreatId,
  resolveRiskCriteria,
  threatLabel,
} from './data/riskCriteria.ts';
import { getTypicalRiskSet, latestTypicalRisksVersion, type TypicalCountermeasure, type TypicalRiskCondition } from './data/typicalRisks.ts';
import { isIsoDate } from './deadlines.ts';
import { acquisitionMethodLabels, type InventoryEntry, isTreatedAsSensitive } from './inventoryRules.ts';

// ─── Scoring ───────────────────────────────────────────────────────────────────────────────

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

function levelOf(criteria: RiskCriteria, field: 'likelihood' | 'impact', value: number) {
  return criteria[field].levels.find((level) => level.value === value);
}

/** Japanese description of the allowed levels of a scale, e.g. 「1・2・3」. */
function allowedLevels(criteria: RiskCriteria, field: 'likelihood' | 'impact'): string {
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
      `${set.likelihood.label}（likelihood）は ${allowedLevels(set, 'likelihood')} のいずれかで入力してください（入力値: ${String(input.likelihood)}、基準: ${set.id}）`,
    );
  }
  const impact = levelOf(set, 'impact', input.impact);
  if (!impact) {
    throw new RiskScaleError(
      'impact',
      `${set.impact.label}（impact）は ${allowedLevels(set, 'impact')} のいずれかで入力してください（入力値: ${String(input.impact)}、基準: ${set.id}）`,
    );
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

// ─── Record schema ─────────────────────────────────────────────────────────────────────────

const requiredText = (field: string, label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label}（${field}）は必須です` : `${label}（${field}）は文字列で入力してください`) })
    .trim()
    .min(1, { error: `${label}（${field}）は必須です` });

const level = (field: string, label: string) =>
  z.number({ error: (issue) => (issue.input === undefined ? `${label}（${field}）は必須です` : `${label}（${field}）は数値で入力してください`) });

/**
 * Zod schema of one row of the リスク分析対策表 (SPEC M2). Shapes only: whether the levels are on
 * the scale, and every clause rule, is {@link validateRiskRecord}'s job (the scale belongs to the
 * criteria version, not to the schema). Phase and threat are checked against the criteria too.
 */
export const riskRecordSchema = z.strictObject(
  {
    id: z.string({ error: 'ID（id）は文字列で入力してください' }).optional(),
    /** 個人情報管理台帳の行 (or a 類型 that groups several rows, PA01 J.3.1.3 e)). */
    inventoryEntryId: z.string({ error: '台帳ID（inventoryEntryId）は文字列で入力してください' }).optional(),
    /** 類型 (PA01 J.3.1.3 e) 「業務内容や媒体単位等の類似した個人情報を集約する」). */
    category: z.string({ error: '類型（category）は文字列で入力してください' }).optional(),
    phase: requiredText('phase', '局面'),
    threat: requiredText('threat', '脅威'),
    /** 想定されるリスク. */
    risk: requiredText('risk', '想定されるリスク'),
    /** リスク所有者 (J.3.1.3 1 c) 3)). Empty is reported by validateRiskRecord with the clause. */
    owner: z.string({ error: 'リスク所有者（owner）は文字列で入力してください' }).optional(),
    likelihood: level('likelihood', '発生可能性'),
    impact: level('impact', '影響度'),
    criteriaVersion: requiredText('criteriaVersion', 'リスク基準の版'),
    countermeasures: z
      .array(
        z.strictObject({
          text: z.string({ error: '対策（countermeasures.text）は文字列で入力してください' }),
          /** 関連する規程類の項番 (PA01 J.3.1.3 h)). */
          refs: z.array(z.string({ error: '規程類の項番（countermeasures.refs）は文字列で入力してください' })).optional(),
        }),
        { error: '対策（countermeasures）は配列で入力してください' },
      )
      .optional(),
    /** 残留リスク and its 残存リスク対応策 (PA01 J.3.1.3 i), J.3.1.4; 世田谷区「残存リスク対応策（出）」). */
    residual: z
      .strictObject({
        /** 残留リスクの内容. */
        description: z.string({ error: '残留リスク（residual.description）は文字列で入力してください' }).optional(),
        /** 残存リスク対応策. */
        measure: z.string({ error: '残存リスク対応策（residual.measure）は文字列で入力してください' }).optional(),
        /** 次回モニタリング日 (J.3.1.4 留意事項: 残留リスクの管理). */
        monitoringDate: z
          .string({ error: 'モニタリング日（residual.monitoringDate）は "YYYY-MM-DD" 形式で入力してください' })
          .refine(isIsoDate, { error: 'モニタリング日（residual.monitoringDate）は実在する日付を "YYYY-MM-DD" 形式で入力してください' })
          .nullable()
          .optional(),
      })
      .nullable()
      .optional(),
  },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `不明な項目です: ${issue.keys.join(', ')}（項目名の綴りを確認してください）`;
      if (issue.code === 'invalid_type') return 'リスク分析の行（record）は JSON オブジェクトで入力してください';
      return undefined;
    },
  },
);

/** One row of the リスク分析対策表. */
export type RiskRecord = z.output<typeof riskRecordSchema>;

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
export function validateRiskRecord(record: RiskRecord, criteria: string | RiskCriteria = record.criteriaVersion): RiskViolation[] {
  const set = resolveRiskCriteria(criteria);
  const violations: RiskViolation[] = [];
  const push = (violation: RiskViolation) => violations.push(violation);

  if (record.criteriaVersion !== set.id) {
    push({
      code: 'criteria_version_mismatch',
      severity: 'error',
      field: 'criteriaVersion',
      clause: 'J.3.1.3 1 b)',
      quote: J3131B_QUOTE,
      message: `リスク基準の版（criteriaVersion）が "${record.criteriaVersion}" ですが、"${set.id}" で検証しています。評価は記録した版の基準で行ってください`,
    });
  }
  if (!set.phases.some((phase) => phase.id === record.phase)) {
    push({
      code: 'unknown_phase',
      severity: 'error',
      field: 'phase',
      clause: 'J.3.1.3 留意事項',
      quote: '個人情報の取得・入力、移送・送信、利用・加工、保管・バックアップ、消去・廃棄等に至る個人情報の取扱いの一連の流れ',
      message: `局面（phase）は ${set.phases.map((phase) => `"${phase.id}"（${phase.label}）`).join('・')} のいずれかで入力してください（入力値: "${record.phase}"）`,
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
      message: `脅威（threat）は ${set.threats.map((candidate) => `"${candidate.id}"（${candidate.label}）`).join('・')} のいずれかで入力してください（入力値: "${record.threat}"）`,
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
      message: `${set[field].label}（${field}）は基準 ${set.id} の ${allowedLevels(set, field)} のいずれかで入力してください（入力値: ${String(record[field])}）`,
    });
  }
  if (!hasText(record.owner)) {
    push({
      code: 'owner_missing',
      severity: 'error',
      field: 'owner',
      clause: 'J.3.1.3 1 c) 3)',
      quote: OWNER_QUOTE,
      message: 'リスク所有者（owner）を入力してください（J.3.1.3 1 c) 3)）',
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
      message: 'リスク対策（countermeasures）を1件以上入力してください（J.3.1.3 g)、J.3.1.4 1 a)）',
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
        message: `「${threat.label}」は個人情報の不適切な取扱いに関するリスクのため、残留リスクとすることは認められません。残留リスク（residual）を削除し、対策で全て対応してください（J.3.1.4 留意事項）`,
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
      clause: set.thresholdBasis.clause,
      quote: set.thresholdBasis.quote,
      message: `リスク総合評価が ${record.likelihood * record.impact}（閾値 ${set.threshold} 以上）のため、残存リスク対応策（residual.measure）を入力してください`,
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
        message:
          '残留リスクは放置してよいリスクではなく、短期的若しくは中長期的に対応していくリスクです。残存リスク対応策（residual.measure）を入力してください（J.3.1.4 留意事項）',
      });
    }
    if (!hasText(residual?.monitoringDate)) {
      push({
        code: 'residual_monitoring_missing',
        severity: 'error',
        field: 'residual.monitoringDate',
        clause: 'J.3.1.4 留意事項',
        quote: MONITORING_QUOTE,
        message: '残留リスクの次回モニタリング日（residual.monitoringDate）を入力してください（J.3.1.4 留意事項: 残留リスクの管理）',
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
      message: `対策「${measure.text}」に関連する規程類の項番（refs）を入力してください（J.3.1.3 h)）`,
    });
  });
  return [...violations.filter((v) => v.severity === 'error'), ...violations.filter((v) => v.severity === 'warning')];
}

// ─── Typical risks for an entry ────────────────────────────────────────────────────────────

/** A typical risk proposed for an inventory entry, ready to be copied into the 対策表. */
export type ProposedRisk = {
  typicalRiskId: string;
  inventoryEntryId: string;
  phase: RiskPhaseId;
  phaseLabel: string;
  threat: RiskThreatId;
  threatLabel: string;
  /** J.3.1.4 留意事項: cannot be left as 残留リスク. */
  improperHandling: boolean;
  risk: string;
  countermeasures: TypicalCountermeasure[];
  /** Why it applies (Japanese), e.g. 「媒体: 紙」「委託あり」; empty for risks that apply to every entry. */
  matchedBecause: string[];
};

/** Output of {@link proposeTypicalRisks}. */
export type TypicalRiskProposal = {
  typicalRisksVersion: string;
  criteriaVersion: string;
  proposals: ProposedRisk[];
  /** Caveats, e.g. the medium is unknown so both paper and electronic risks are proposed. */
  notes: string[];
};

/** The entry attributes typical risks filter on. */
type EntryTraits = {
  paper: boolean;
  electronic: boolean;
  mediaKnown: boolean;
  entrusts: boolean;
  sensitive: boolean;
  overseas: boolean;
  myNumber: boolean;
  thirdPartyProvision: boolean;
  retainedPersonalData: boolean;
  methods: ReadonlySet<string>;
};

function traitsOf(entry: Partial<InventoryEntry>): EntryTraits {
  const media = entry.storageMethod?.media;
  return {
    // Unknown medium: propose both, so nothing is missed (noted in the result).
    paper: media === undefined || media === 'paper' || media === 'both',
    electronic: media === undefined || media === 'electronic' || media === 'both',
    mediaKnown: media !== undefined,
    entrusts: (entry.entrustedTo ?? []).some((id) => id.trim() !== ''),
    sensitive: isTreatedAsSensitive(entry),
    overseas: (entry.overseasCountries ?? []).some((country) => country.trim() !== ''),
    myNumber: entry.myNumber === true,
    thirdPartyProvision: entry.thirdPartyProvision === true,
    retainedPersonalData: entry.retainedPersonalData === true,
    methods: new Set(entry.acquisitionMethods ?? []),
  };
}

/** Reasons the condition holds, or null when it does not. */
function matchCondition(when: TypicalRiskCondition, traits: EntryTraits): string[] | null {
  const because: string[] = [];
  if (when.media === 'paper') {
    if (!traits.paper) return null;
    because.push('媒体: 紙');
  }
  if (when.media === 'electronic') {
    if (!traits.electronic) return null;
    because.push('媒体: 電子');
  }
  const flags: [keyof TypicalRiskCondition & keyof EntryTraits, string][] = [
    ['entrusts', '委託あり'],
    ['sensitive', '要配慮個人情報'],
    ['overseas', '外国にある第三者への提供'],
    ['myNumber', '特定個人情報'],
    ['thirdPartyProvision', '第三者提供'],
    ['retainedPersonalData', '保有個人データ'],
  ];
  for (const [key, label] of flags) {
    if (when[key] !== true) continue;
    if (!traits[key]) return null;
    because.push(label);
  }
  if (when.acquisitionMethods !== undefined) {
    const hit = when.acquisitionMethods.filter((method) => traits.methods.has(method));
    if (hit.length === 0) return null;
    because.push(`取得方法: ${hit.map((method) => acquisitionMethodLabels[method]).join('・')}`);
  }
  return because;
}

/**
 * The typical risks and countermeasures that fit an inventory entry (SPEC M2: nobody starts from
 * a blank sheet), filtered by its attributes — medium (紙/電子), 委託, 要配慮, 外国, 特定個人情報,
 * 第三者提供, 保有個人データ, 取得方法 — and ordered by phase (取得・入力 → 消去・廃棄), then threat
 * (criteria order), then the set's own order. Phases or threats the criteria version lacks are
 * left out. Adding an attribute never removes a proposal.
 *
 * @param entry the inventory entry (only `id` is needed; missing attributes count as absent,
 *   except an unknown medium, which proposes both paper and electronic risks).
 */
export function proposeTypicalRisks(
  entry: Partial<InventoryEntry> & { id: string },
  options: { typicalRisksVersion?: string; criteria?: string | RiskCriteria } = {},
): TypicalRiskProposal {
  const set = getTypicalRiskSet(options.typicalRisksVersion ?? latestTypicalRisksVersion);
  const criteria = resolveRiskCriteria(options.criteria ?? latestRiskCriteriaVersion);
  const traits = traitsOf(entry);
  const phaseOrder = new Map(criteria.phases.map((phase, index) => [phase.id, index]));
  const threatOrder = new Map(criteria.threats.map((threat, index) => [threat.id, index]));
  const proposals: { proposal: ProposedRisk; index: number }[] = [];
  set.risks.forEach((typical, index) => {
    if (!phaseOrder.has(typical.phase) || !threatOrder.has(typical.threat)) return;
    const because = matchCondition(typical.when, traits);
    if (because === null) return;
    proposals.push({
      index,
      proposal: {
        typicalRiskId: typical.id,
        inventoryEntryId: entry.id,
        phase: typical.phase,
        phaseLabel: phaseLabel(criteria, typical.phase),
        threat: typical.threat,
        threatLabel: threatLabel(criteria, typical.threat),
        improperHandling: criteria.threats.find((threat) => threat.id === typical.threat)?.improperHandling ?? false,
        risk: typical.risk,
        countermeasures: typical.countermeasures.map((measure) => ({ ...measure, refs: [...measure.refs] })),
        matchedBecause: because,
      },
    });
  });
  proposals.sort(
    (a, b) =>
      (phaseOrder.get(a.proposal.phase) ?? 0) - (phaseOrder.get(b.proposal.phase) ?? 0) ||
      (threatOrder.get(a.proposal.threat) ?? 0) - (threatOrder.get(b.proposal.threat) ?? 0) ||
      a.index - b.index,
  );
  const notes = traits.mediaKnown ? [] : ['保管方法の媒体（紙／電子）が未入力のため、紙と電子の両方のリスクを提示しています。'];
  return { typicalRisksVersion: set.id, criteriaVersion: criteria.id, proposals: proposals.map((item) => item.proposal), notes };
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

// ─── Status of an entry ────────────────────────────────────────────────────────────────────

/** リスク分析の状態 of an inventory entry. */
export type EntryRiskStatus = '未分析' | '分析中' | '承認済' | '要見直し';

/** The part of an assessment (リスク分析対策表 for one entry) the status needs. */
export type AssessmentSummary = {
  inventoryEntryId: string;
  /** Approval state; `draft` before submission (approvals engine statuses otherwise). */
  status: 'draft' | ApprovalStatus;
  /** The entry revision the assessment covered. */
  entryRevision: number;
};

/**
 * The risk-analysis status of an inventory entry:
 * - **承認済**: an approved assessment covers the entry's current revision.
 * - **分析中**: otherwise, an assessment is being drafted, awaits approval or was returned.
 * - **要見直し**: otherwise, an assessment was approved (or superseded) for an older revision —
 *   the entry changed after approval (J.3.1.3: 「取り扱い方法に変更が生じた場合には、随時見直し
 *   を行う」; J.3.1.3 j) 新規取得・利用目的変更・取扱い方法変更の場合).
 * - **未分析**: no assessment (withdrawn ones do not count).
 *
 * The yearly December review is a calendar task (pmsCalendar `risk_review`), not a status here.
 */
export function riskStatusOfEntry(entry: Pick<InventoryEntry, 'id' | 'revision'>, assessments: readonly AssessmentSummary[]): EntryRiskStatus {
  const revision = entry.revision ?? 1;
  const own = assessments.filter((assessment) => assessment.inventoryEntryId === entry.id && assessment.status !== 'withdrawn');
  if (own.some((assessment) => assessment.status === 'approved' && assessment.entryRevision >= revision)) return '承認済';
  if (own.some((assessment) => assessment.status === 'draft' || assessment.status === 'pending' || assessment.status === 'returned')) return '分析中';
  if (own.some((assessment) => assessment.status === 'approved' || assessment.status === 'superseded')) return '要見直し';
  return '未分析';
}
