import { defineModule } from '../../platform/moduleKit/manifest.ts';
import { seedDemoIncidents } from './incidents.demo.ts';
import { openIncidentDeadlines } from './incident-deadlines.ts';
import { escalateIncidentDeadlines } from './incidents.jobs.ts';
import { incidentsRoutes } from './incidents.routes.ts';
import { incidentClosureApprovalType } from './close-incident.ts';
import { incidentAttachmentOwner } from './incident-attachments.ts';
import * as tables from './incidents.tables.ts';

/** M4 緊急事態・事故等 (J.4.3.3, J.7.1; the APPI, My Number and public-body reporting duties). */
export const incidentsModule = defineModule({
  name: 'incidents',
  label: 'M4 緊急事態・事故等',
  permissions: {
    // 所属長 and the other duty holders see their department's incidents (scoped in the service).
    'incidents.read': {
      label: '事故等の閲覧',
      grantedTo: ['security_manager', 'top_management', 'audit_manager', 'public_audit_manager', 'department_head', 'protection_manager', 'handling_manager'],
    },
    'incidents.manage': { label: '事故等の対応・記録', grantedTo: [] },
  },
  auditLabels: {
    entities: { incidents: '事故等', incident_duties: '報告等の義務', incident_timeline: '対応の経過', incident_meetings: '対策会議', incident_enquiries: '問合せ' },
    columns: {
      incidents: {
        number: '受付番号',
        title: '件名',
        phase: '段階',
        discovered_at: '発見日時',
        known_on: '知った日',
        reported_at: '報告日時',
        report_summary_enc: '状況',
        facts: '事実',
        rules_version: '判定規則の版',
        evaluation: '判定結果',
        is_incident: '事故等に当たるか',
        facts_revision: '事実の版',
        facts_updated_at: '事実の更新日時',
        affected_records: '影響を受けた個人情報',
        closed_at: '終結日時',
        narrative_enc: '5W1H',
        details_enc: '原因・二次被害・再発防止等',
        reported_by_person_id: '報告者（委託先からの報告では受け付けた者）',
        reported_by_account_id: '報告したアカウント',
        reported_by_outsider_enc: '報告者（組織外）',
      },
      incident_duties: {
        incident_id: '事案',
        rules_version: '判定規則の版',
        kind: '義務の種類',
        label: '義務',
        recipient: '報告先',
        basis: '根拠',
        authority: '義務を定めるもの（法令・規格・契約・ガイドライン）',
        reason: '理由',
        timing: '時期',
        target_from: '目安（から）',
        target_to: '目安（まで）',
        triggers: '該当した要件',
        done_on: '実施日',
        done_by_person_id: '実施者',
        reference_number: '受付番号',
        added_at: '追加日時',
        removed_at: '不要になった日時',
      },
      incident_timeline: { incident_id: '事案', phase: '段階', created_by_person_id: '記録者', occurred_at: '日時', action_enc: '対応内容', actor_name: '対応者' },
      incident_meetings: {
        incident_id: '事案',
        created_by_person_id: '記録者',
        held_at: '開催日時',
        place: '場所',
        attendees: '出席者',
        minutes_enc: '議事',
        decisions_enc: '決定事項',
      },
      incident_enquiries: {
        incident_id: '事案',
        received_at: '受付日時',
        channel: '受付方法',
        enquirer_kind: '問合せ者の区分',
        enquirer_name_enc: '問合せ者',
        enquirer_contact_enc: '連絡先',
        content_enc: '内容',
        response_enc: '回答',
        responded_at: '回答日時',
        handled_by_person_id: '対応者',
      },
    },
  },
  tables,
  routes: incidentsRoutes,
  jobs: [
    // Duties due soon or overdue → urgent notifications, e-mailed at once (escalation).
    { name: 'incident-deadlines', schedule: '15 * * * *', run: async (deps) => void (await escalateIncidentDeadlines(deps)) },
  ],
  approvalTypes: [incidentClosureApprovalType],
  attachmentOwners: [incidentAttachmentOwner],
  tasks: [{ sourceType: 'incident', label: '事故等の対応', link: (id) => `/incidents/${id}` }],
  // The open 報告等の義務 on the home's 期限 card (期限間近・期限超過).
  deadlines: (tx, actor) => openIncidentDeadlines(tx, actor),
  demo: (tx, { organizationId, today, now }) => seedDemoIncidents(tx, organizationId, today, now),
});
