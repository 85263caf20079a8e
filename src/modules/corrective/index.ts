import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { correctiveRoutes } from './corrective.routes.ts';
import { correctivePlanApprovalType, correctiveResultApprovalType } from './corrective.service.ts';
import * as tables from './corrective.tables.ts';

/** M10 不適合・是正処置 (J.7.1). */
export const correctiveModule = defineModule({
  name: 'corrective',
  label: 'M10 是正処置',
  permissions: {
    'corrective.read': {
      label: '是正処置の閲覧',
      grantedTo: ['security_manager', 'top_management', 'audit_manager', 'public_audit_manager', 'auditor', 'department_head', 'protection_manager', 'handling_manager'],
    },
    'corrective.manage': { label: '是正処置の記録', grantedTo: ['audit_manager', 'public_audit_manager', 'department_head', 'protection_manager'] },
  },
  auditLabels: {
    entities: { corrective_actions: '是正処置' },
    columns: {
      corrective_actions: {
        number: '番号',
        source_type: '発見の契機',
        source_ref: '契機の参照',
        title: '件名',
        content: '不適合の内容',
        correction: '修正',
        root_cause: '原因',
        similar_cases: '類似の不適合',
        plan: '処置計画',
        implementation: '実施内容',
        implemented_on: '実施日',
        effectiveness_review: '有効性のレビュー',
        effective: '有効',
        effectiveness_reviewed_on: 'レビュー日',
        effectiveness_reviewed_by_person_id: 'レビューした人',
        reported_at: '記録日時',
        closed_at: '完了日時',
        reported_by_person_id: '記録者',
        reported_by_account_id: '記録したアカウント',
      },
    },
  },
  tables,
  routes: correctiveRoutes,
  approvalTypes: [correctivePlanApprovalType, correctiveResultApprovalType],
});
