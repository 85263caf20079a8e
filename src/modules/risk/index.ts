import { defineModule } from '../../platform/modules/manifest.ts';
import { inventoryReaders } from '../inventory/index.ts';
import { riskReviewApprovalType } from './risk.review.ts';
import { riskRoutes } from './risk.routes.ts';
import { riskAssessmentApprovalType } from './risk.service.ts';
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
  tables,
  routes: riskRoutes,
  approvalTypes: [riskAssessmentApprovalType, riskReviewApprovalType],
});
