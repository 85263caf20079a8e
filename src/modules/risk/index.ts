import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { inventoryReaders } from '../inventory/index.ts';
import { riskAssessmentApprovalType } from './risk.approval.ts';
import { riskReviewApprovalType } from './risk.review.ts';
import { seedDemoRisk } from './risk.demo.ts';
import { riskRoutes } from './risk.routes.ts';
import * as tables from './risk.tables.ts';

/** M2 リスク分析対策表 (J.3.1.3). */
export const riskModule = defineModule({
  name: 'risk',
  label: 'M2 リスク分析対策表',
  permissions: {
    'risk.read': { label: 'リスク分析の閲覧', grantedTo: inventoryReaders },
    // The 所属長 draws up the 対策表 of their department (J.3.1.3).
    'risk.manage': { label: 'リスク分析の作成', grantedTo: ['department_head', 'protection_manager', 'handling_manager'] },
  },
  auditLabels: {
    entities: { risk_assessments: 'リスク分析対策表', risk_assessment_entries: '対策表の対象台帳', risk_records: 'リスク', risk_monitoring_logs: '残存リスクのモニタリング' },
    columns: {
      risk_assessments: {
        created_by_person_id: '作成者',
        category: '区分',
        description: '説明',
        criteria_version: '基準の版',
        typical_risks_version: '典型リスクの版',
        approved_at: '承認日時',
      },
      risk_assessment_entries: { assessment_id: 'リスク分析対策表', entry_id: '台帳の項目', entry_revision: '台帳の版' },
      risk_records: {
        assessment_id: 'リスク分析対策表',
        criteria_version: '基準の版',
        phase: '局面',
        threat: '脅威',
        risk: 'リスク',
        owner_person_id: '担当者',
        likelihood: '発生可能性',
        impact: '影響度',
        score: 'リスク値',
        countermeasures: '対策',
        residual_description: '残存リスク',
        residual_measure: '残存リスクへの対応',
        residual_monitoring_date: 'モニタリング日',
        typical_risk_id: '典型リスク',
      },
      risk_monitoring_logs: { record_id: 'リスク', by_person_id: '確認者', reviewed_on: '確認日', note: '所見', next_monitoring_date: '次回のモニタリング日' },
    },
  },
  tables,
  routes: riskRoutes,
  approvalTypes: [riskAssessmentApprovalType, riskReviewApprovalType],
  // The リスク分析 screen lists these tasks and starts or opens the analysis from them (J.3.1.3).
  tasks: [
    { sourceType: 'risk_analysis', label: 'リスク分析', link: () => '/risk' },
    { sourceType: 'risk_analysis_import', label: 'リスク分析（取り込んだ台帳）', link: () => '/risk' },
    { sourceType: 'risk_monitoring', label: '残存リスクのモニタリング', link: () => '/risk' },
  ],
  calendarItems: [{ code: 'risk_review', link: '/risk/reviews' }],
  demo: seedDemoRisk,
});
