import { defineModule } from '../../platform/modules/manifest.ts';
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
  tables,
  routes: correctiveRoutes,
  approvalTypes: [correctivePlanApprovalType, correctiveResultApprovalType],
});
