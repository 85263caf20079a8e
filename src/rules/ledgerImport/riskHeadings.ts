import type { HeadingField } from './headings.ts';

// リスク分析のシートの見出しの辞書 (issue #12: a 台帳 with a risk sheet imports its risk side into
// M2; documented in docs/import.md). Sources: the リスク分析対策表 of PA01 J.3.1.3 (局面・脅威・
// 想定されるリスク・リスク所有者・発生可能性・影響度・リスク対策・関連する規程類の項番), J.3.1.4
// 留意事項 (残留リスク), 世田谷区 事業計画書 自己点検チェックシート No.2 (リスク総合評価・
// 残存リスク対応策), and the リスク分析表 of the consultant templates Privacy-Mark applicants start
// from (リスク値・現状の対策・追加対策). Labels are the headings Mamori's own risk export writes
// (src/modules/risk/risk.export.ts).

export const riskHeadings = [
  {
    key: 'entries',
    label: '対象の個人情報',
    synonyms: ['個人情報の名称', '個人情報名', '台帳名', '帳票名', '個人情報の種類', '対象個人情報', '対象となる個人情報', '個人情報', '資産名称'],
  },
  { key: 'department', label: '所管部署', synonyms: ['所属', '部署', '部署名', '担当部署', '管理部署', '管理部門', '所管課'] },
  { key: 'category', label: '類型', synonyms: ['類型の名称', '個人情報の類型', 'グループ', '分類'] },
  { key: 'phase', label: '局面', synonyms: ['ライフサイクル', 'ライフサイクルの局面', '取扱いの局面', '取扱局面', 'プロセス', '業務の流れ'] },
  { key: 'threat', label: '脅威', synonyms: ['脅威の種類', 'リスクの種類', 'リスクの分類'] },
  { key: 'risk', label: '想定されるリスク', synonyms: ['リスク', 'リスクの内容', '想定リスク', 'リスク内容', '想定される事象', 'リスクの想定'] },
  { key: 'owner', label: 'リスク所有者', synonyms: ['所有者', 'リスクオーナー', '責任者', '対策の責任者'] },
  { key: 'likelihood', label: '発生可能性', synonyms: ['可能性', '発生頻度', '発生の可能性', '発生確率', '頻度'] },
  { key: 'impact', label: '影響度', synonyms: ['影響', '影響の大きさ', '被害の大きさ', '重大性'] },
  { key: 'score', label: 'リスク総合評価', synonyms: ['リスク値', '総合評価', 'リスク評価', '評価', 'リスクの大きさ', 'リスクレベル'] },
  { key: 'countermeasures', label: 'リスク対策', synonyms: ['対策', '現状の対策', 'リスク対策の内容', '安全管理措置', '実施している対策', '対策の内容'] },
  { key: 'refs', label: '関連する規程類の項番', synonyms: ['規程類の項番', '関連規程', '関連する規程', '規程の項番', '根拠規程'] },
  { key: 'residualDescription', label: '残留リスク', synonyms: ['残留リスクの内容'] },
  { key: 'residualMeasure', label: '残存リスク対応策', synonyms: ['残存リスクへの対応', '残存リスク対策', '残留リスク対応策', '残留リスクへの対応', '追加対策', '追加の対策'] },
  { key: 'residualMonitoringDate', label: '次回モニタリング日', synonyms: ['モニタリング日', '次回確認日', 'モニタリング予定日'] },
] as const satisfies readonly HeadingField[];

export type RiskHeadingKey = (typeof riskHeadings)[number]['key'];

/** The columns a sheet must have to be read as a risk sheet: what is assessed, the risk, and its two levels. */
export const requiredRiskHeadings: readonly RiskHeadingKey[] = ['entries', 'risk', 'likelihood', 'impact'];
