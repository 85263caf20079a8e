import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defineRiskCriteria,
  deriveRiskCriteria,
  getRiskCriteria,
  InvalidRiskCriteriaError,
  latestRiskCriteriaVersion,
  type RiskCriteria,
  type RiskThreatId,
  riskCriteriaVersions,
  UnknownRiskCriteriaVersionError,
} from './data/riskCriteria.ts';
import { getTypicalRiskSet, latestTypicalRisksVersion, typicalRiskSets, UnknownTypicalRisksVersionError } from './data/typicalRisks.ts';
import type { InventoryEntry } from './inventoryRules.ts';
import {
  type AssessmentSummary,
  heatMap,
  proposeTypicalRisks,
  type RiskRecord,
  RiskScaleError,
  rankRisks,
  riskRecordSchema,
  riskStatusOfEntry,
  scoreRisk,
  validateRiskRecord,
} from './riskAssessment.ts';

const V = 'risk-criteria-2026-01';
const criteria = getRiskCriteria(V);
const allThreats: RiskThreatId[] = criteria.threats.map((threat) => threat.id);
const improperThreats: RiskThreatId[] = ['improper_acquisition', 'purpose_violation', 'misuse', 'request_refusal'];
const ordinaryThreats = allThreats.filter((threat) => !improperThreats.includes(threat));

/** A complete, valid row: 漏えい at 移送・送信, low score, one countermeasure with its clause. */
function buildRecord(overrides: Partial<RiskRecord> = {}): RiskRecord {
  return {
    id: 'r1',
    inventoryEntryId: 'e1',
    phase: 'transfer',
    threat: 'leak',
    risk: 'メールの誤送信により漏えいする',
    owner: '総務課長',
    likelihood: 1,
    impact: 3,
    criteriaVersion: V,
    countermeasures: [{ text: '送信前に宛先を確認する', refs: ['J.9.2 c) 16) ④'] }],
    residual: null,
    ...overrides,
  };
}

const codes = (record: RiskRecord, against: string | RiskCriteria = V) => validateRiskRecord(record, against).map((v) => v.code);

describe('リスク基準（data/riskCriteria）', () => {
  it('J.3.1.3 1 b)「一貫性及び妥当性があり、かつ、比較可能な結果を生み出す」: 基準は版 id で凍結され、未知の版は明確なエラー', () => {
    expect(latestRiskCriteriaVersion).toBe(V);
    expect(Object.isFrozen(criteria)).toBe(true);
    expect(Object.isFrozen(criteria.likelihood.levels[0])).toBe(true);
    expect(() => getRiskCriteria('risk-criteria-1999-01')).toThrow(UnknownRiskCriteriaVersionError);
    expect(() => getRiskCriteria('risk-criteria-1999-01')).toThrow(`未知のリスク基準の版です: "risk-criteria-1999-01"（利用可能: ${V}）`);
  });

  it('既定の尺度は発生可能性1〜3 × 影響度1〜3（SPEC M2）で、各段階に日本語の名称と説明がある', () => {
    expect(criteria.likelihood.label).toBe('発生可能性');
    expect(criteria.impact.label).toBe('影響度');
    expect(criteria.likelihood.levels.map((level) => level.value)).toEqual([1, 2, 3]);
    expect(criteria.impact.levels.map((level) => level.value)).toEqual([1, 2, 3]);
    for (const level of [...criteria.likelihood.levels, ...criteria.impact.levels]) {
      expect(level.label).toMatch(/低い|中程度|高い|小さい|大きい/);
      expect(level.description.length).toBeGreaterThan(10);
    }
    expect(criteria.scoring).toBe('product');
  });

  it('世田谷区 自己点検 No.2「リスク総合評価が【4】以上の項目について、残存リスクへの対応策を講じているか」: 既定の閾値は4', () => {
    expect(criteria.threshold).toBe(4);
    expect(criteria.thresholdBasis.quote).toContain('リスク総合評価が【4】以上の項目について、残存リスクへの対応策を講じているか');
    expect(criteria.thresholdBasis.quote).toContain('「残存リスク対応策（出）」が漏れなく記入されているか');
  });

  it('J.3.1.3 留意事項「取得・入力、移送・送信、利用・加工、保管・バックアップ、消去・廃棄」: 局面はこの5つをこの順で持つ', () => {
    expect(criteria.phases.map((phase) => phase.label)).toEqual(['取得・入力', '移送・送信', '利用・加工', '保管・バックアップ', '消去・廃棄']);
  });

  it('J.3.1.3 1 a) 4)「漏えい、紛失、滅失・毀損、改ざん、正確性の未確保、不正・不適正取得、目的外利用・提供、不正利用、開示等の求め等の拒否」: 脅威はこの9つ', () => {
    expect(criteria.threats.map((threat) => threat.label).join('、')).toBe(
      '漏えい、紛失、滅失・毀損、改ざん、正確性の未確保、不正・不適正取得、目的外利用・提供、不正利用、開示等の求め等の拒否',
    );
    expect(criteria.viewpoints).toHaveLength(4);
    expect(criteria.viewpoints[0]).toBe('本人の権利利益の侵害');
  });

  it('J.3.1.4 留意事項「個人情報の不適切な取扱い（不正な取得・利用など）」: 不正・不適正取得・目的外利用・提供・不正利用・開示等の求め等の拒否が不適切な取扱い', () => {
    expect(criteria.threats.filter((threat) => threat.improperHandling).map((threat) => threat.id)).toEqual(improperThreats);
    // The seed names 不正な取得・利用; the other two are SPEC M2's reading of 「など」.
    const sources = Object.fromEntries(criteria.threats.map((threat) => [threat.id, threat.improperHandlingSource]));
    expect(sources).toMatchObject({ improper_acquisition: 'seed_example', misuse: 'seed_example', purpose_violation: 'spec_reading', request_refusal: 'spec_reading', leak: null });
    expect(criteria.improperHandlingBasis.quote).toContain('残留リスクとすることは認められない');
  });

  it('新しい版は旧版を書き換えずに追加できる（deriveRiskCriteria）', () => {
    const five = (label: string) => ({ label, levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `段階${value}`, description: `${label}の段階${value}の説明` })) });
    const next = deriveRiskCriteria(criteria, { id: 'acme-risk-2027-01', effectiveFrom: '2027-01-01', likelihood: five('発生可能性'), impact: five('影響度'), threshold: 10 });
    expect(next.threshold).toBe(10);
    expect(getRiskCriteria(V).threshold).toBe(4);
    expect(getRiskCriteria(V).likelihood.levels).toHaveLength(3);
    expect(scoreRisk({ likelihood: 3, impact: 3 }, next)).toMatchObject({ criteriaVersion: 'acme-risk-2027-01', score: 9, atOrAboveThreshold: false });
    expect(scoreRisk({ likelihood: 3, impact: 3 }, V)).toMatchObject({ criteriaVersion: V, score: 9, atOrAboveThreshold: true });
    expect(riskCriteriaVersions.map((set) => set.id)).toEqual([V]);
  });

  it('J.3.1.4 留意事項: 「不正な取得・利用」を不適切な取扱いから外す版は作れない', () => {
    const threats = criteria.threats.map((threat) => (threat.id === 'misuse' ? { ...threat, improperHandling: false } : threat));
    expect(() => deriveRiskCriteria(criteria, { id: 'x', effectiveFrom: '2027-01-01', threats })).toThrow(InvalidRiskCriteriaError);
    expect(() => deriveRiskCriteria(criteria, { id: 'x', effectiveFrom: '2027-01-01', threats })).toThrow('「不正利用」は J.3.1.4 留意事項');
  });

  it('閾値が尺度の範囲外・段階の重複・空の id の基準は拒否する', () => {
    expect(() => defineRiskCriteria({ ...criteria, id: 'x', threshold: 10 })).toThrow('閾値は 1〜9 の整数にしてください');
    const dup = { label: '影響度', levels: [criteria.impact.levels[0], criteria.impact.levels[0]].flatMap((level) => (level ? [level] : [])) };
    expect(() => defineRiskCriteria({ ...criteria, id: 'x', impact: dup })).toThrow('重複のない昇順');
    expect(() => defineRiskCriteria({ ...criteria, id: ' ' })).toThrow('id（版）が空です');
  });
});

describe('scoreRisk: リスク総合評価 = 発生可能性 × 影響度', () => {
  it('評価は積で、適用した基準の版を記録する（J.3.1.3 1 b)）', () => {
    expect(scoreRisk({ likelihood: 2, impact: 3 }, V)).toEqual({
      criteriaVersion: V,
      likelihood: 2,
      impact: 3,
      likelihoodLabel: '中程度',
      impactLabel: '大きい',
      score: 6,
      threshold: 4,
      atOrAboveThreshold: true,
    });
    expect(scoreRisk({ likelihood: 1, impact: 3 }).atOrAboveThreshold).toBe(false);
    expect(scoreRisk({ likelihood: 2, impact: 2 }).atOrAboveThreshold).toBe(true);
  });

  it('尺度外の値は項目名を挙げた日本語の RiskScaleError', () => {
    expect(() => scoreRisk({ likelihood: 0, impact: 1 }, V)).toThrow(RiskScaleError);
    expect(() => scoreRisk({ likelihood: 4, impact: 1 }, V)).toThrow('発生可能性は 1・2・3 のいずれかで入力してください（入力値: 4');
    expect(() => scoreRisk({ likelihood: 1, impact: 1.5 }, V)).toThrow('影響度は');
    expect(() => scoreRisk({ likelihood: Number.NaN, impact: 1 }, V)).toThrow(RiskScaleError);
    expect(() => scoreRisk({ likelihood: 1, impact: 1 }, 'nope')).toThrow(UnknownRiskCriteriaVersionError);
  });

  it('J.3.1.3 1 b) 同じ入力と版からは常に同じ評価: 積・閾値判定・単調性（fast-check）', () => {
    const lv = fc.integer({ min: 1, max: 3 });
    fc.assert(
      fc.property(lv, lv, lv, lv, (l, i, l2, i2) => {
        const a = scoreRisk({ likelihood: l, impact: i }, V);
        expect(scoreRisk({ likelihood: l, impact: i }, V)).toEqual(a);
        expect(a.score).toBe(l * i);
        expect(a.atOrAboveThreshold).toBe(l * i >= 4);
        if (l2 >= l && i2 >= i) expect(scoreRisk({ likelihood: l2, impact: i2 }, V).score).toBeGreaterThanOrEqual(a.score);
      }),
    );
  });

  it('尺度外の整数は必ず拒否される（fast-check）', () => {
    const off = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 4 }));
    fc.assert(
      fc.property(off, fc.integer({ min: 1, max: 3 }), fc.boolean(), (bad, good, first) => {
        const input = first ? { likelihood: bad, impact: good } : { likelihood: good, impact: bad };
        expect(() => scoreRisk(input, V)).toThrow(RiskScaleError);
      }),
    );
  });
});

describe('validateRiskRecord: リスク分析対策表の行の検証', () => {
  it('完全な行は違反なし', () => {
    expect(validateRiskRecord(buildRecord(), V)).toEqual([]);
  });

  it('世田谷区 自己点検 No.2「リスク総合評価が【4】以上の項目について、残存リスクへの対応策を講じているか」: 閾値以上で残存リスク対応策がなければ違反', () => {
    const [violation, ...rest] = validateRiskRecord(buildRecord({ likelihood: 2, impact: 2 }), V);
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ code: 'residual_measure_required', severity: 'error', field: 'residual.measure' });
    expect(violation?.clause).toContain('自己点検チェックシート No.2');
    expect(violation?.quote).toContain('【4】以上');
    expect(violation?.message).toBe('リスク総合評価が 4（閾値 4 以上）のため、残存リスク対応策を入力してください');
    const treated = buildRecord({
      likelihood: 3,
      impact: 3,
      residual: { description: '誤送信の可能性が残る', measure: '送信前の上長確認を導入する', monitoringDate: '2026-06-30' },
    });
    expect(validateRiskRecord(treated, V)).toEqual([]);
  });

  it('世田谷区 自己点検 No.2: 評価が閾値未満（1×3=3）なら残存リスク対応策は求めない', () => {
    expect(codes(buildRecord({ likelihood: 1, impact: 3 }))).toEqual([]);
    expect(codes(buildRecord({ likelihood: 3, impact: 1 }))).toEqual([]);
  });

  it.each(improperThreats)(
    'J.3.1.4 留意事項「個人情報の不適切な取扱い（不正な取得・利用など）に関するリスクについては…残留リスクとすることは認められない」: %s を残留リスクにできない',
    (threat) => {
      const record = buildRecord({ threat, residual: { description: '一部残る', measure: '来年度対応', monitoringDate: '2026-12-01' } });
      const violations = validateRiskRecord(record, V);
      expect(violations.map((v) => v.code)).toEqual(['improper_handling_residual']);
      expect(violations[0]?.clause).toBe('J.3.1.4 留意事項');
      expect(violations[0]?.quote).toContain('残留リスクとすることは認められない');
      expect(violations[0]?.message).toContain('残留リスクとすることは認められません');
    },
  );

  it('J.3.1.4 留意事項「法令遵守の観点から、全て対応する必要がある」: 不適切な取扱いで対策後の評価が閾値以上なら対策不足（残存リスク対応策では代えられない）', () => {
    const record = buildRecord({ threat: 'purpose_violation', phase: 'use', likelihood: 2, impact: 3 });
    expect(codes(record)).toEqual(['improper_handling_not_fully_treated']);
    const withResidual = buildRecord({ threat: 'misuse', likelihood: 3, impact: 3, residual: { measure: '監視を強化', monitoringDate: '2026-09-01' } });
    expect(codes(withResidual)).toEqual(['improper_handling_residual', 'improper_handling_not_fully_treated']);
    expect(codes(buildRecord({ threat: 'misuse', likelihood: 1, impact: 3 }))).toEqual([]);
  });

  it('J.3.1.4 留意事項「残留リスクとは…受容するリスク（放置しておいてよいリスク）ではなく…対応していくリスク」: 記録した残留リスクには対応策が要る', () => {
    const record = buildRecord({ residual: { description: '郵送事故の可能性', monitoringDate: '2026-06-30' } });
    const violations = validateRiskRecord(record, V);
    expect(violations.map((v) => v.code)).toEqual(['residual_measure_missing']);
    expect(violations[0]?.quote).toContain('受容するリスク（放置しておいてよいリスク）ではなく');
  });

  it('J.3.1.4 留意事項「残留リスクの管理とは、残留リスクについて文書化し、モニタリングし、レビューし」: 残留リスクには次回モニタリング日が要る', () => {
    const record = buildRecord({ likelihood: 2, impact: 2, residual: { description: '残る', measure: '二重確認を徹底' } });
    const violations = validateRiskRecord(record, V);
    expect(violations.map((v) => v.code)).toEqual(['residual_monitoring_missing']);
    expect(violations[0]?.field).toBe('residual.monitoringDate');
    expect(violations[0]?.quote).toContain('モニタリングし');
  });

  it('J.3.1.3 1 c) 3)「上記で特定したリスクのリスク所有者を特定する」: リスク所有者がなければ違反', () => {
    for (const owner of [undefined, '', '   ']) {
      const violations = validateRiskRecord(buildRecord({ owner }), V);
      expect(violations.map((v) => v.code)).toEqual(['owner_missing']);
      expect(violations[0]?.clause).toBe('J.3.1.3 1 c) 3)');
    }
  });

  it('J.3.1.3 g)「リスク対策を記述する」: 対策がなければ違反', () => {
    for (const countermeasures of [undefined, [], [{ text: ' ' }]]) {
      expect(codes(buildRecord({ countermeasures }))).toEqual(['countermeasure_missing']);
    }
  });

  it('J.3.1.3 h)「リスク対策を参照できるよう、関連する規程類の項番を記入する」: 項番のない対策は警告', () => {
    const record = buildRecord({ countermeasures: [{ text: '宛先確認', refs: ['J.9.2 c) 16) ④'] }, { text: 'BCC 送信' }] });
    const violations = validateRiskRecord(record, V);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ code: 'countermeasure_ref_missing', severity: 'warning', field: 'countermeasures[1].refs', clause: 'J.3.1.3 h)' });
  });

  it('J.3.1.3 1 b): 尺度外の発生可能性・影響度は違反（閾値判定はしない）', () => {
    expect(codes(buildRecord({ likelihood: 0, impact: 3 }))).toEqual(['likelihood_out_of_scale']);
    expect(codes(buildRecord({ likelihood: 3, impact: 4 }))).toEqual(['impact_out_of_scale']);
    expect(codes(buildRecord({ likelihood: 2.5, impact: 7 }))).toEqual(['likelihood_out_of_scale', 'impact_out_of_scale']);
    const message = validateRiskRecord(buildRecord({ likelihood: 9 }), V)[0]?.message;
    expect(message).toBe('発生可能性は 1・2・3 のいずれかで入力してください（入力値: 9、基準: 個人情報保護リスク基準（発生可能性1〜3 × 影響度1〜3、閾値4））');
  });

  it('J.3.1.3 1 b): 記録した版と異なる基準で検証すると違反（比較可能な結果のため）', () => {
    const other = deriveRiskCriteria(criteria, { id: 'risk-criteria-2027-01', effectiveFrom: '2027-01-01' });
    expect(codes(buildRecord(), other)).toEqual(['criteria_version_mismatch']);
    // By default the record's own version is used.
    expect(validateRiskRecord(buildRecord())).toEqual([]);
    expect(() => validateRiskRecord(buildRecord({ criteriaVersion: 'risk-criteria-1999-01' }))).toThrow(UnknownRiskCriteriaVersionError);
  });

  it('局面・脅威は基準に定めたものに限る', () => {
    expect(codes(buildRecord({ phase: 'archive' }))).toEqual(['unknown_phase']);
    expect(codes(buildRecord({ threat: 'fire' }))).toEqual(['unknown_threat']);
  });

  it('違反は error を先に、warning を後に並べる', () => {
    const record = buildRecord({ owner: '', likelihood: 3, impact: 3, countermeasures: [{ text: '確認' }] });
    const severities = validateRiskRecord(record, V).map((v) => v.severity);
    expect(severities).toEqual(['error', 'error', 'warning']);
  });

  it('閾値以上かつ残存リスク対応策なし ⇔ residual_measure_required（通常の脅威、fast-check）', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(...ordinaryThreats),
        fc.option(fc.constantFrom('', '二重確認', '  '), { nil: undefined }),
        (likelihood, impact, threat, measure) => {
          const residual = measure === undefined ? null : { measure, description: '残る', monitoringDate: '2026-06-30' };
          const got = codes(buildRecord({ likelihood, impact, threat, residual }));
          const expected = likelihood * impact >= 4 && (measure === undefined || measure.trim() === '');
          expect(got.includes('residual_measure_required')).toBe(expected);
          expect(got).not.toContain('improper_handling_residual');
        },
      ),
    );
  });

  it('不適切な取扱いの脅威は、どんな評価でも残留リスクを持てない（fast-check）', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom(...improperThreats), (likelihood, impact, threat) => {
        const record = buildRecord({ likelihood, impact, threat, residual: { description: '残る', measure: '対応予定', monitoringDate: '2026-06-30' } });
        const got = codes(record);
        expect(got).toContain('improper_handling_residual');
        expect(got).not.toContain('residual_measure_required');
      }),
    );
  });
});

describe('riskRecordSchema: 入力の形', () => {
  it('項目の日本語名を挙げたエラー（内部の項目名 threat・residual.measure を見せない: issue 10）を返し、未知の項目を拒否する', () => {
    const missing = riskRecordSchema.safeParse({ phase: 'use' });
    expect(missing.success).toBe(false);
    const messages = missing.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('脅威は必須です');
    expect(messages).toContain('発生可能性は必須です');
    expect(messages).toContain('リスク基準の版は必須です');
    const unknown = riskRecordSchema.safeParse({ ...buildRecord(), score: 3 });
    expect(unknown.error?.issues[0]?.message).toBe('リスク分析の行に不明な項目があります（1件）');
    const badDate = riskRecordSchema.safeParse(buildRecord({ residual: { monitoringDate: '2026-02-30' } }));
    expect(badDate.error?.issues[0]?.message).toBe('次回モニタリング日は実在する日付（例: 2026-11-28）で入力してください');
    expect(riskRecordSchema.parse(buildRecord())).toEqual(buildRecord());
  });
});

describe('組織の規程でない資料を示さない（issue 10: 会社の対策表が世田谷区の資料を引いていた）', () => {
  const hot = () => buildRecord({ likelihood: 2, impact: 2 });

  it('会社（company）には閾値の根拠として自社のリスク基準（J.3.1.3 1 d)）を示し、世田谷区 自己点検 No.2 は示さない', () => {
    const [violation] = validateRiskRecord(hot(), V, { audience: 'company' });
    expect(violation).toMatchObject({ code: 'residual_measure_required', clause: expect.stringContaining('J.3.1.3 1 d)') });
    expect(`${violation?.clause} ${violation?.quote}`).not.toMatch(/世田谷/);
  });

  it('行政機関等・指定管理者（public_body）と、組織を指定しないときは、基準の版が記録した根拠（世田谷区 自己点検 No.2）', () => {
    expect(validateRiskRecord(hot(), V, { audience: 'public_body' })[0]?.clause).toContain('自己点検チェックシート No.2');
    expect(validateRiskRecord(hot(), V)[0]?.clause).toContain('自己点検チェックシート No.2');
  });

  it('会社への典型リスクの提案は、対策の項番に PA01 だけを引く（世田谷区のマニュアルは会社の規程ではない）', () => {
    const entry = { id: 'e1', storageMethod: { media: 'both' as const } };
    const refsOf = (audience?: 'company' | 'public_body') => proposeTypicalRisks(entry, { audience }).proposals.flatMap((p) => p.countermeasures.flatMap((c) => c.refs));
    expect(refsOf('public_body').some((r) => r.source === 'Setagaya')).toBe(true);
    expect(refsOf('company').length).toBeGreaterThan(0);
    expect(refsOf('company').every((r) => r.source === 'PA01')).toBe(true);
  });
});

describe('proposeTypicalRisks: 典型的なリスクの初期セット', () => {
  const paper = (overrides: Partial<InventoryEntry> = {}) => ({ id: 'e1', storageMethod: { media: 'paper' as const }, ...overrides });
  const electronic = (overrides: Partial<InventoryEntry> = {}) => ({ id: 'e1', storageMethod: { media: 'electronic' as const }, ...overrides });
  const ids = (entry: Partial<InventoryEntry> & { id: string }) => proposeTypicalRisks(entry).proposals.map((p) => p.typicalRiskId);

  it('PA01 J.3.1.3 f)「ライフサイクル局面ごとのリスクを記述する」: 提案は取得・入力から消去・廃棄まで局面順に並び、全局面を含む', () => {
    const result = proposeTypicalRisks({ id: 'e1', storageMethod: { media: 'both' } });
    expect(result.typicalRisksVersion).toBe(latestTypicalRisksVersion);
    expect(result.criteriaVersion).toBe(V);
    const phases = result.proposals.map((p) => p.phaseLabel);
    expect([...new Set(phases)]).toEqual(['取得・入力', '移送・送信', '利用・加工', '保管・バックアップ', '消去・廃棄']);
    const order = result.proposals.map((p) => criteria.phases.findIndex((phase) => phase.id === p.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(result.proposals.every((p) => p.inventoryEntryId === 'e1')).toBe(true);
  });

  it('紙の台帳には紙の、電子の台帳には電子のリスクだけを提案する（J.9.2 b) 6) ① シュレッダー / ② 消去ソフト）', () => {
    expect(ids(paper())).toContain('dis-paper-trash');
    expect(ids(paper())).not.toContain('dis-electronic-residue');
    expect(ids(electronic())).toContain('dis-electronic-residue');
    expect(ids(electronic())).not.toContain('dis-paper-trash');
    expect(proposeTypicalRisks(paper()).notes).toEqual([]);
  });

  it('媒体が未入力なら紙と電子の両方を提案し、その旨を注記する', () => {
    const result = proposeTypicalRisks({ id: 'e1' });
    expect(result.proposals.map((p) => p.typicalRiskId)).toEqual(expect.arrayContaining(['dis-paper-trash', 'dis-electronic-residue']));
    expect(result.notes[0]).toContain('媒体（紙／電子）が未入力');
  });

  it('委託先がある台帳には J.9.4「委託先の監督」の対策を提案する', () => {
    expect(ids(paper())).not.toContain('tr-entrusted-handover');
    const result = proposeTypicalRisks(paper({ entrustedTo: ['c1'] }));
    const handover = result.proposals.find((p) => p.typicalRiskId === 'tr-entrusted-handover');
    expect(handover?.matchedBecause).toEqual(['委託あり']);
    expect(handover?.countermeasures.flatMap((m) => m.refs.map((r) => r.clause))).toEqual(expect.arrayContaining(['J.9.4 1', 'J.9.4 3 a)〜h)', '個人情報管理状況調査票']));
    expect(result.proposals.map((p) => p.typicalRiskId)).toEqual(expect.arrayContaining(['use-contractor-misuse', 'dis-entrusted-return']));
  });

  it('要配慮個人情報には J.8.3 1「あらかじめ書面によって明示し、書面によって本人の同意を得る」を提案する', () => {
    expect(ids(paper())).not.toContain('acq-sensitive-without-consent');
    expect(ids(paper({ sensitive: true }))).toContain('acq-sensitive-without-consent');
    // J.8.3 3: 労働組合に関する情報 is treated as 要配慮 even without the flag.
    expect(ids(paper({ specialCategories: ['labor_union'] }))).toContain('acq-sensitive-without-consent');
  });

  it('外国にある第三者への提供には J.8.8.1、特定個人情報には J.9.2 a) 9) 取扱区域、保有個人データには J.10 の対策を提案する', () => {
    expect(ids(electronic({ overseasCountries: ['米国'] }))).toContain('tr-overseas-without-basis');
    expect(ids(electronic({ overseasCountries: ['  '] }))).not.toContain('tr-overseas-without-basis');
    expect(ids(paper({ myNumber: true }))).toEqual(expect.arrayContaining(['acq-mynumber-area', 'use-mynumber-access', 'dis-mynumber-record']));
    expect(ids(paper({ retainedPersonalData: true }))).toContain('st-request-refusal');
    expect(ids(paper({ thirdPartyProvision: true }))).toContain('tr-third-party-without-consent');
  });

  it('取得方法で絞り込む: 第三者から・委託を受けて・共同利用なら J.8.2 の確認、Web フォームは直接書面かつ電子', () => {
    expect(ids(paper())).not.toContain('acq-source-unverified');
    const result = proposeTypicalRisks(paper({ acquisitionMethods: ['from_third_party'] }));
    expect(result.proposals.find((p) => p.typicalRiskId === 'acq-source-unverified')?.matchedBecause).toEqual(['取得方法: 第三者から']);
    expect(ids(electronic({ acquisitionMethods: ['direct_written'] }))).toContain('acq-web-form');
    expect(ids(paper({ acquisitionMethods: ['direct_written'] }))).not.toContain('acq-web-form');
  });

  it('J.3.1.4 留意事項: 不適切な取扱いの提案には improperHandling が付く', () => {
    const result = proposeTypicalRisks({ id: 'e1', storageMethod: { media: 'both' } });
    for (const proposal of result.proposals) {
      expect(proposal.improperHandling).toBe(improperThreats.includes(proposal.threat));
    }
    expect(result.proposals.some((p) => p.improperHandling)).toBe(true);
  });

  it('提案は元データのコピーで、未知の版は明確なエラー', () => {
    const result = proposeTypicalRisks(paper());
    const first = result.proposals[0];
    if (!first) throw new Error('no proposals');
    first.countermeasures.push({ text: '追加', family: 'human', refs: [] });
    expect(proposeTypicalRisks(paper()).proposals[0]?.countermeasures).toHaveLength(first.countermeasures.length - 1);
    expect(() => proposeTypicalRisks(paper(), { typicalRisksVersion: 'typical-1999' })).toThrow(UnknownTypicalRisksVersionError);
    expect(() => getTypicalRiskSet('typical-1999')).toThrow('未知の典型リスクの版です: "typical-1999"');
  });

  it('属性を足しても提案は減らない。媒体「紙・電子」は紙と電子の和集合（fast-check）', () => {
    const entryArb = fc.record({
      entrustedTo: fc.constantFrom<string[]>([], ['c1']),
      sensitive: fc.boolean(),
      overseasCountries: fc.constantFrom<string[]>([], ['米国']),
      myNumber: fc.boolean(),
      thirdPartyProvision: fc.boolean(),
      retainedPersonalData: fc.boolean(),
      acquisitionMethods: fc.subarray(['direct_written', 'direct_other', 'from_third_party', 'entrusted', 'joint_use'] as const),
    });
    fc.assert(
      fc.property(entryArb, entryArb, (a, b) => {
        const merged = {
          entrustedTo: [...a.entrustedTo, ...b.entrustedTo],
          sensitive: a.sensitive || b.sensitive,
          overseasCountries: [...a.overseasCountries, ...b.overseasCountries],
          myNumber: a.myNumber || b.myNumber,
          thirdPartyProvision: a.thirdPartyProvision || b.thirdPartyProvision,
          retainedPersonalData: a.retainedPersonalData || b.retainedPersonalData,
          acquisitionMethods: [...new Set([...a.acquisitionMethods, ...b.acquisitionMethods])],
        };
        const before = ids(paper(a));
        const after = ids(paper(merged));
        for (const id of before) expect(after).toContain(id);
        const both = new Set(ids({ id: 'e1', storageMethod: { media: 'both' }, ...a }));
        const union = new Set([...ids(paper(a)), ...ids(electronic(a))]);
        expect(both).toEqual(union);
      }),
      { numRuns: 100 },
    );
  });
});

describe('典型的なリスクのデータ（data/typicalRisks）', () => {
  const set = getTypicalRiskSet(latestTypicalRisksVersion);

  it('PA01 J.3.1.3 h)「関連する規程類の項番を記入する」: 全ての対策に規程類の項番と安全管理措置の分類がある', () => {
    for (const risk of set.risks) {
      expect(risk.countermeasures.length).toBeGreaterThan(0);
      for (const measure of risk.countermeasures) {
        expect(measure.refs.length).toBeGreaterThan(0);
        expect(['organizational', 'human', 'physical', 'technical']).toContain(measure.family);
        for (const ref of measure.refs) {
          if (ref.source === 'PA01') expect(ref.clause).toMatch(/^J\.(3|4|8|9|10)\./);
          else expect(ref.clause.length).toBeGreaterThan(3);
        }
      }
    }
  });

  it('id は一意で、局面・脅威は基準にあり、全局面と9つの脅威のうち8つ以上を覆う。データは凍結されている', () => {
    expect(new Set(set.risks.map((risk) => risk.id)).size).toBe(set.risks.length);
    for (const risk of set.risks) {
      expect(criteria.phases.map((phase) => phase.id)).toContain(risk.phase);
      expect(allThreats).toContain(risk.threat);
    }
    expect(new Set(set.risks.map((risk) => risk.phase)).size).toBe(5);
    expect(new Set(set.risks.map((risk) => risk.threat)).size).toBeGreaterThanOrEqual(8);
    expect(Object.isFrozen(set.risks[0]?.countermeasures[0]?.refs)).toBe(true);
    expect(typicalRiskSets.map((s) => s.id)).toEqual(['typical-risks-2026-01']);
  });

  it('世田谷区「4つの安全管理措置」の4分類すべてと、世田谷区の取り組みを出典に含む', () => {
    const families = new Set(set.risks.flatMap((risk) => risk.countermeasures.map((m) => m.family)));
    expect(families).toEqual(new Set(['organizational', 'human', 'physical', 'technical']));
    expect(set.risks.some((risk) => risk.countermeasures.some((m) => m.refs.some((r) => r.source === 'Setagaya')))).toBe(true);
  });
});

describe('heatMap: 発生可能性 × 影響度のセルごとの件数', () => {
  it('セルごとに数え、他の版（比較不能、J.3.1.3 1 b)）と尺度外は除外件数に回す', () => {
    const records = [
      { likelihood: 1, impact: 1, criteriaVersion: V },
      { likelihood: 3, impact: 2, criteriaVersion: V },
      { likelihood: 3, impact: 2, criteriaVersion: V },
      { likelihood: 3, impact: 2, criteriaVersion: 'risk-criteria-2025-01' },
      { likelihood: 4, impact: 2, criteriaVersion: V },
    ];
    const map = heatMap(records, V);
    expect(map.cells).toHaveLength(9);
    expect(map.cells.find((c) => c.likelihood === 3 && c.impact === 2)).toEqual({ likelihood: 3, impact: 2, score: 6, atOrAboveThreshold: true, count: 2 });
    expect(map.cells.find((c) => c.likelihood === 1 && c.impact === 3)).toMatchObject({ score: 3, atOrAboveThreshold: false, count: 0 });
    expect(map.total).toBe(3);
    expect(map.excluded).toEqual({ otherVersion: 1, outOfScale: 1 });
  });

  it('セルの合計 = total、total + 除外 = 件数（fast-check）', () => {
    const recordArb = fc.record({ likelihood: fc.integer({ min: 0, max: 4 }), impact: fc.integer({ min: 0, max: 4 }), criteriaVersion: fc.constantFrom(V, 'other') });
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), (records) => {
        const map = heatMap(records, V);
        expect(map.cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(map.total);
        expect(map.total + map.excluded.otherVersion + map.excluded.outOfScale).toBe(records.length);
        for (const cell of map.cells) expect(cell.atOrAboveThreshold).toBe(cell.score >= 4);
      }),
    );
  });
});

describe('rankRisks: J.3.1.3 1 d) 2)「リスク対応の優先順位を明らかにする」', () => {
  it('評価の高い順、同点なら不適切な取扱い、影響度の高い順、入力順。尺度外は最後', () => {
    const rows = [
      { id: 'a', likelihood: 1, impact: 2, threat: 'leak' },
      { id: 'b', likelihood: 3, impact: 2, threat: 'leak' },
      { id: 'c', likelihood: 2, impact: 3, threat: 'leak' },
      { id: 'd', likelihood: 3, impact: 2, threat: 'misuse' },
      { id: 'e', likelihood: 9, impact: 9, threat: 'leak' },
      { id: 'f', likelihood: 1, impact: 2, threat: 'loss' },
    ];
    expect(rankRisks(rows, V).map((row) => row.id)).toEqual(['d', 'c', 'b', 'a', 'f', 'e']);
    expect(rows.map((row) => row.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('並べ替えは評価の降順を保つ（fast-check）', () => {
    const rowArb = fc.record({ likelihood: fc.integer({ min: 1, max: 3 }), impact: fc.integer({ min: 1, max: 3 }), threat: fc.constantFrom(...allThreats) });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        const scores = rankRisks(rows, V).map((row) => row.likelihood * row.impact);
        expect(scores).toEqual([...scores].sort((x, y) => y - x));
      }),
    );
  });
});

describe('riskStatusOfEntry: 未分析 / 分析中 / 承認済 / 要見直し', () => {
  const entry = { id: 'e1', revision: 3 };
  const a = (status: AssessmentSummary['status'], entryRevision: number, inventoryEntryId = 'e1'): AssessmentSummary => ({ inventoryEntryId, status, entryRevision });

  it('分析がなければ未分析（他の台帳の分析・取下げは数えない）', () => {
    expect(riskStatusOfEntry(entry, [])).toBe('未分析');
    expect(riskStatusOfEntry(entry, [a('approved', 3, 'e2'), a('withdrawn', 3)])).toBe('未分析');
  });

  it('下書き・承認待ち・差戻しは分析中', () => {
    for (const status of ['draft', 'pending', 'returned'] as const) expect(riskStatusOfEntry(entry, [a(status, 3)])).toBe('分析中');
  });

  it('現在の版を対象とした承認があれば承認済（個人情報保護管理者の承認を経てトップマネジメントが承認する）', () => {
    expect(riskStatusOfEntry(entry, [a('approved', 3)])).toBe('承認済');
    expect(riskStatusOfEntry(entry, [a('approved', 3), a('draft', 3)])).toBe('承認済');
    expect(riskStatusOfEntry({ id: 'e1' }, [a('approved', 1)])).toBe('承認済');
  });

  it('J.3.1.3「取り扱い方法に変更が生じた場合には、随時見直しを行う」: 承認後に台帳が変わったら要見直し', () => {
    expect(riskStatusOfEntry(entry, [a('approved', 2)])).toBe('要見直し');
    expect(riskStatusOfEntry(entry, [a('superseded', 2)])).toBe('要見直し');
    // Re-analysis under way.
    expect(riskStatusOfEntry(entry, [a('approved', 2), a('draft', 3)])).toBe('分析中');
  });
});
