import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { requestReplyApprovalType } from './reply-approval.ts';
import { requestAttachmentOwner } from './request-attachments.ts';
import { openRequestDeadlines } from './request-deadlines.ts';
import { seedDemoRequests } from './requests.demo.ts';
import { requestsRoutes } from './requests.routes.ts';
import * as tables from './requests.tables.ts';

/** M5 開示等の請求・苦情相談 (J.10–J.11): the 苦情・相談等受付処理票, 補正, the deadline engine's due date and the decision on statutory grounds. */
export const requestsModule = defineModule({
  name: 'requests',
  label: 'M5 開示等の請求・苦情相談',
  permissions: {
    'requests.read': {
      label: '開示等の請求・苦情の閲覧',
      grantedTo: ['top_management', 'complaints_manager', 'audit_manager', 'public_audit_manager', 'general_protection_manager'],
    },
    // J.10.4 c)・J.11.1: 苦情相談窓口責任者 records and drafts; the 個人情報保護管理者 holds every permission.
    'requests.manage': { label: '開示等の請求・苦情の受付・記録', grantedTo: ['complaints_manager', 'general_protection_manager'] },
  },
  auditLabels: {
    entities: { requests: '開示等の請求・苦情', request_corrections: '補正' },
    columns: {
      requests: {
        number: '受付番号',
        received_on: '受付日',
        channel: '受付方法',
        portal_reference: 'Web受付の参照',
        kind: '種類',
        requester_name_enc: '請求者の氏名',
        requester_address_enc: '請求者の住所',
        requester_contact_enc: '請求者の連絡先',
        agent_kind: '代理人',
        agent_name_enc: '代理人の氏名',
        agent_address_enc: '代理人の住所',
        agent_contact_enc: '代理人の連絡先',
        reply_to: '回答の送付先',
        content_enc: '請求の内容',
        record_subject_enc: '記録上の本人の表記',
        identity_check: '本人確認',
        status: '状況',
        extended: '期間の延長',
        special_provision: '開示決定等の期限の特例',
        deadline: '期限の計算',
        due_on: '期限',
        decision_scope: '決定',
        decision_ground_codes: '決定の理由（根拠条項）',
        decision_withheld_items: '提供しない項目（J.8.8.1 3 l)）',
        decision_note_enc: '決定の内容',
        reply_method: '回答方法',
        replied_on: '回答日',
        fee_yen: '手数料',
        cause_and_action_enc: '原因・対応',
        corrective_action_id: '是正処置',
      },
      request_corrections: { request_id: '請求', asked_on: '補正を求めた日', what_enc: '補正を求めた事項', completed_on: '補正が完了した日', answer_enc: '補正の回答' },
    },
  },
  tables,
  routes: requestsRoutes,
  approvalTypes: [requestReplyApprovalType],
  // 委任状・本人確認書類 (J.10.2) sent from the public portal, and a 補正's answer.
  attachmentOwners: [requestAttachmentOwner],
  // The home 期限 card: open requests with their 法定の期限 or target.
  deadlines: (tx, actor) => openRequestDeadlines(tx, actor),
  demo: (tx, { organizationId, today }) => seedDemoRequests(tx, organizationId, today),
});
