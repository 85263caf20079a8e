import { labelledLines, snapshotNumber, snapshotRows, snapshotStrings, snapshotText } from '../../platform/approvals/snapshot-fields.ts';
import type { SnapshotField } from '../../platform/approvals/registry.ts';
import { getRiskCriteria, phaseLabel, threatLabel } from '../../rules/data/riskCriteria.ts';

// リスク分析対策表 on the approval screen (issue 10: top management was shown a 10,000-pixel JSON
// dump). J.3.1.3: the 対策表 is approved as the sheet reads — each risk by 局面 × 脅威, its
// evaluation, its measures and the 残留リスク (J.3.1.4) — in the columns of the 様式 (risk.export.ts).

/** The criteria the sheet was scored under, or null when the version is unknown (labels then fall back to the stored text). */
function criteriaOf(version: string | null) {
  if (!version) return null;
  try {
    return getRiskCriteria(version);
  } catch {
    return null;
  }
}

/** One risk of the sheet as readable lines: the risk, its evaluation, its measures and its residual risk. */
function describeRisk(record: Record<string, unknown>): string | null {
  const likelihood = snapshotNumber(record, 'likelihood');
  const impact = snapshotNumber(record, 'impact');
  const score = snapshotNumber(record, 'score');
  const measures = snapshotRows(record, 'countermeasures');
  const refs = [...new Set(measures.flatMap((m) => snapshotStrings(m, 'refs')))];
  return labelledLines([
    ['想定されるリスク', snapshotText(record, 'risk')],
    ['リスク所有者', snapshotText(record, 'owner')],
    ['評価', likelihood !== null && impact !== null ? `発生可能性 ${likelihood} × 影響度 ${impact} ＝ リスク総合評価 ${score ?? likelihood * impact}` : null],
    [
      'リスク対策',
      measures.length > 0
        ? measures
            .map((m) => snapshotText(m, 'text'))
            .filter((t): t is string => t !== null)
            .map((t) => `・${t}`)
            .join('\n')
        : null,
    ],
    ['関連する規程類の項番', refs.length > 0 ? refs.join('、') : null],
    ['残留リスク', snapshotText(record, 'residualDescription')],
    ['残存リスク対応策', snapshotText(record, 'residualMeasure')],
    ['次回モニタリング日', snapshotText(record, 'residualMonitoringDate')?.replaceAll('-', '/') ?? null],
  ]);
}

/**
 * The リスク分析対策表's snapshot (risk.approval.ts snapshotOf) as labelled lines: 類型, 説明,
 * 対象の個人情報 (with the 台帳's 版 analysed), リスク基準, then one line per risk (「リスク1:
 * 取得・入力／紛失」) keyed by the risk's id, so a re-approval shows which risks changed.
 */
export function describeRiskAssessmentSnapshot(data: Record<string, unknown>): SnapshotField[] {
  const criteriaVersion = snapshotText(data, 'criteriaVersion');
  const criteria = criteriaOf(criteriaVersion);
  const entries = snapshotRows(data, 'entries').map((e) => {
    const name = snapshotText(e, 'name');
    const revision = snapshotNumber(e, 'revision');
    return name ? `${name}${revision !== null ? `（第${revision}版）` : ''}` : null;
  });
  const records = snapshotRows(data, 'records');
  const fields: SnapshotField[] = [
    { key: 'category', label: '類型', value: snapshotText(data, 'category') },
    { key: 'description', label: '業務内容・媒体等', value: snapshotText(data, 'description') },
    { key: 'entries', label: '対象の個人情報（台帳の版）', value: entries.filter(Boolean).join('、') || null },
    { key: 'criteria', label: 'リスク基準', value: criteria ? criteria.title : criteriaVersion },
    { key: 'riskCount', label: 'リスクの数', value: `${records.length}件` },
  ];
  for (const [index, record] of records.entries()) {
    const phase = snapshotText(record, 'phase');
    const threat = snapshotText(record, 'threat');
    const where = [phase && criteria ? phaseLabel(criteria, phase) : null, threat && criteria ? threatLabel(criteria, threat) : null].filter(Boolean).join('／');
    fields.push({ key: `risk.${snapshotText(record, 'id') ?? index}`, label: `リスク${index + 1}${where ? `（${where}）` : ''}`, value: describeRisk(record) });
  }
  return fields;
}
