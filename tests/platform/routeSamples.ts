import { defaultEditableArticles } from '../../src/rules/contractors/specialClauseTemplate.ts';
import { sql } from 'drizzle-orm';
import { asSystem, rowsOf } from '../../src/platform/db/tenancy.ts';
import type { TestApp } from '../support/app.ts';

/**
 * Valid request bodies per route, so the negative-authorization suite reaches the authorization
 * and tenancy checks instead of stopping at validation. Keyed by "METHOD /url".
 */
const bodies: Record<string, unknown> = {
  'PUT /api/organization': { name: '乗っ取り', profile: 'private' },
  'PUT /api/organization/settings': { idleTimeoutMinutes: 10, requireTotpForAdmins: false, bulkAccessThreshold: 100, bulkAccessWindowMinutes: 60, reminderDaysBefore: 7 },
  'POST /api/departments': { name: '侵入部' },
  'PUT /api/departments/:id': { name: '侵入部' },
  'POST /api/people': { name: '侵入 者', employmentType: 'employee' },
  'PUT /api/people/:id': { name: '侵入 者', employmentType: 'employee' },
  'POST /api/role-assignments': { personId: '00000000-0000-4000-8000-000000000000', role: 'auditor', startsOn: '2026-01-01' },
  'PUT /api/role-assignments/:id': { personId: '00000000-0000-4000-8000-000000000000', role: 'auditor', startsOn: '2026-01-01' },
  'POST /api/accounts': { personId: '00000000-0000-4000-8000-000000000000', loginId: 'x@example.jp', password: 'Valid-pass1!' },
  'PATCH /api/accounts/:id': { disabled: true },
  'POST /api/auth/password': { currentPassword: 'x', newPassword: 'Valid-pass2!' },
  'POST /api/auth/totp/verify': { code: '123456' },
  'POST /api/auth/totp/enable': { code: '123456' },
  // M4 緊急事態・事故等 / M10 是正処置
  'POST /api/incidents': { title: 'USBメモリの紛失', summary: '患者記録を保存したUSBメモリを紛失した' },
  'PATCH /api/incidents/:id': { title: '乗っ取り' },
  'PUT /api/incidents/:id/facts': { facts: { profile: 'private', knownOn: '2026-01-05', events: ['leak'] } },
  'PUT /api/incident-duties/:id': { status: 'done', doneOn: '2026-01-06', referenceNumber: 'X-1' },
  'POST /api/incidents/:id/timeline': { phase: 'investigation', occurredAt: '2026-01-05T10:00:00+09:00', action: '調査' },
  'PUT /api/incident-timeline/:id': { phase: 'investigation', occurredAt: '2026-01-05T10:00:00+09:00', action: '調査' },
  'POST /api/incidents/:id/meetings': { heldAt: '2026-01-05T10:00:00+09:00', attendees: '出席者', minutes: '議事' },
  'PUT /api/incident-meetings/:id': { heldAt: '2026-01-05T10:00:00+09:00', attendees: '出席者', minutes: '議事' },
  'POST /api/incidents/:id/enquiries': { receivedAt: '2026-01-05T10:00:00+09:00', channel: 'phone', enquirerKind: 'individual', content: '問い合わせ' },
  'PUT /api/incident-enquiries/:id': { receivedAt: '2026-01-05T10:00:00+09:00', channel: 'phone', enquirerKind: 'individual', content: '問い合わせ' },
  'POST /api/corrective-actions': { sourceType: 'audit', title: '侵入', content: '侵入' },
  'PATCH /api/corrective-actions/:id': { title: '乗っ取り' },
  'POST /api/approvals/:id/return': { comment: '差戻し' },
  'POST /api/approvals/:id/approve': { comment: '承認' },
  'PUT /api/calendar/:id': { title: '侵入', ownerRole: 'pms_manager', recurrence: 'yearly', month: 12, dayOfMonth: 28, perDepartment: false, active: true },
  'PATCH /api/tasks/:id': { status: 'open' },
  'POST /api/tasks': { title: '侵入', dueOn: '2026-12-31' },
  // 添付ファイル (the upload reads multipart itself: an empty body reaches the owner's rule after the multipart check)
  'DELETE /api/attachment-files/:id': { reason: '侵入' },
  'PUT /api/approval-chains/:recordType': { steps: [{ role: 'pms_manager' }] },
  'POST /api/role-requests': { personId: '00000000-0000-4000-8000-000000000000', role: 'auditor', startsOn: '2026-01-01' },
  'POST /api/approval-delegations': { toPersonId: '00000000-0000-4000-8000-000000000000', startsOn: '2026-01-01', endsOn: '2026-01-31' },
  // M1 個人情報管理台帳 / M2 リスク分析対策表
  'POST /api/inventory/requests': { kind: 'acquisition', proposed: { name: '侵入', departmentId: '00000000-0000-4000-8000-000000000000' }, reason: '侵入' },
  'PUT /api/inventory/requests/:id': { proposed: { name: '侵入', departmentId: '00000000-0000-4000-8000-000000000000' }, reason: '侵入' },
  'POST /api/inventory/reviews': { departmentId: '00000000-0000-4000-8000-000000000000', year: 2026 },
  'POST /api/inventory/reviews/:id/confirm': { subjectId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/risk/assessments': { departmentId: '00000000-0000-4000-8000-000000000000', category: '侵入', entryIds: ['00000000-0000-4000-8000-000000000000'] },
  'PUT /api/risk/assessments/:id': { category: '侵入', entryIds: ['00000000-0000-4000-8000-000000000000'] },
  'PUT /api/risk/assessments/:id/records': { records: [] },
  'POST /api/risk/records/:id/monitoring': { reviewedOn: '2026-01-05', note: '侵入' },
  'POST /api/risk/reviews': { departmentId: '00000000-0000-4000-8000-000000000000', year: 2026 },
  'POST /api/risk/reviews/:id/confirm': { subjectId: '00000000-0000-4000-8000-000000000000' },
  // M5 開示等の請求・苦情相談
  'POST /api/requests': { receivedOn: '2026-01-05', channel: 'counter', kind: 'disclosure', requesterName: '侵入 者', content: '侵入' },
  'PATCH /api/requests/:id': { extended: false },
  'POST /api/requests/:id/corrections': { askedOn: '2026-01-06', what: '侵入' },
  'POST /api/request-corrections/:id/complete': { completedOn: '2026-01-07' },
  'PUT /api/requests/:id/decision': { scope: 'full' },
  'POST /api/requests/:id/reply-sent': { repliedOn: '2026-01-20', replyMethod: 'mail' },
  'POST /api/requests/:id/complaint-closure': { closedOn: '2026-01-20', causeAndAction: '侵入' },
  // M7 委託先管理
  'POST /api/contractors': { name: '侵入株式会社', entrustedWork: '侵入' },
  'PATCH /api/contractors/:id': { name: '乗っ取り' },
  // M6 通知・同意
  'POST /api/notices': { title: '侵入の通知文' },
  // 委託先ポータル (issue #13)
  'POST /api/contractor-portal/invitations': { contractorId: '00000000-0000-4000-8000-000000000000', email: 'x@example.jp' },
  'POST /api/contractor-portal/invitations/accept': { token: 'x'.repeat(32) },
  'POST /api/contractor-portal/links/:id/exchanges': { kind: 'compliance_report', dueOn: '2099-01-31' },
  'POST /api/contractor-portal/exchanges/:id/answer': { answeredByName: '侵入', answers: [] },
  'POST /api/contractor-portal/exchanges/:id/review': { decision: 'accepted' },
  'POST /api/contractor-portal/exchanges/:id/questionnaire': { answeredByName: '侵入', answers: [], attachmentIds: [] },
  'PUT /api/contractor-portal/profile': { questionnaireAnswers: [], certificates: [], securityMeasures: '侵入' },
  'PUT /api/contractor-portal/profile/shares/:id': { sections: ['questionnaire'] },
  // 委託先からの報告 (issue #13)
  'POST /api/contractor-portal/principals/:id/subcontract-requests': {
    reportedByName: '侵入',
    subContractorName: '侵入株式会社',
    work: '侵入',
    personalData: '氏名',
    startsOn: '2099-01-01',
    safetyMeasures: '侵入',
    supervision: '侵入',
    workStartsOn: '2099-01-01',
    reason: '侵入',
    workLeadName: '侵入',
    workLeadTitle: '侵入',
    workLeadContact: '侵入',
    workers: ['侵入'],
  },
  'POST /api/contractor-portal/principals/:id/return-disposal-reports': {
    reportedByName: '侵入',
    performedAt: '2026-01-05T10:00:00+09:00',
    method: 'shred',
    personInCharge: '侵入',
    target: '侵入',
  },
  'POST /api/contractor-portal/principals/:id/incident-reports': {
    reportedByName: '侵入',
    title: '侵入',
    whatHappened: '侵入',
    knownAt: '2026-01-05T10:00:00+09:00',
    personalData: '氏名',
    measures: '侵入',
  },
  'POST /api/contractor-portal/reports/:id/confirm': {},
  // 公開窓口 (issue #14)
  'PUT /api/portal/settings': {
    slug: 'shinnyu',
    published: false,
    facts: { organization: {}, manager: {}, procedure: { fees: { purposeNotice: null, disclosure: null } } },
  },
  // 公開窓口の公開 route (issue #14: 添付書類・補正の回答・同意): no account to refuse (the negative-authorization
  // suite skips `public`); each is rate-limited and checks its secret or bot check (portal.*.test.ts).
  'POST /api/public/portals/:slug/receipts/:number/answer': { token: 'x'.repeat(43), answer: '侵入', files: [] },
  'POST /api/public/portals/:slug/notices/:templateId/consents': {
    versionId: '00000000-0000-4000-8000-000000000000',
    subject: '侵入',
    agreed: true,
    challenge: { token: 'x', nonce: '1' },
  },
  'POST /api/public/portals/:slug/consent/withdraw': { token: 'x'.repeat(43) },
  'PUT /api/notices/:id/draft': { body: '乗っ取り' },
  // 個人情報保護方針 (J.2.2)
  'PUT /api/policies/:kind/draft': { body: '乗っ取り' },
  'POST /api/policies/versions/:id/acknowledge': {},
  'POST /api/notices/:id/consents': { versionId: '00000000-0000-4000-8000-000000000000', subject: '侵入', channel: 'web', consentedOn: '2026-01-05' },
  'POST /api/notice-consents/:id/withdraw': { withdrawnOn: '2026-01-06', channel: 'web' },
  'POST /api/provision-records': {
    kind: 'provision',
    basis: 'consent',
    form: 'individual',
    recordedOn: '2026-01-05',
    counterpartyKind: 'corporation',
    counterpartyName: '侵入株式会社',
    subject: '侵入',
    dataItems: '氏名',
    consentObtained: true,
  },
  'PATCH /api/provision-records/:id': { counterpartyName: '乗っ取り株式会社' },
  'POST /api/provision-records/:id/dispose': { disposedOn: '2026-01-06' },
  'POST /api/provision-records/:id/provisions': { providedOn: '2026-01-06' },
  // 法令規範一覧 (J.1.3)
  'POST /api/laws': { name: '侵入の法令', kind: 'act' },
  'PUT /api/laws/:id': { name: '乗っ取り', kind: 'act' },
  'POST /api/laws/reviews': { year: 2031 },
  'PUT /api/laws/reviews/:id': { items: [], note: '乗っ取り' },
  'PUT /api/contractors/:id/evaluation': { year: 2026, answers: { '1': 'suitable' } },
  'PUT /api/contractor-criteria/draft': { name: '侵入', items: [{ code: '1', text: '侵入' }] },
  // 自社のひな型 (個人情報特記事項, issue 13): the built-in set as it starts, a valid save.
  'PUT /api/special-clause-template': { title: '侵入', articles: defaultEditableArticles },
  'POST /api/contractors/:id/supervisions': { supervisedOn: '2026-01-01', method: 'document', supervisor: '侵入' },
  // 委託先の実地検査 (issue 13)
  'POST /api/contractors/:id/inspections': {
    inspectedOn: '2026-01-01',
    inspectors: '侵入',
    scope: '侵入',
    method: 'onsite',
    result: '侵入',
    findings: [{ severity: 'minor', description: '侵入' }],
  },
  'PUT /api/contractor-inspections/:id': { inspectedOn: '2026-01-01', inspectors: '乗っ取り', scope: '侵入', method: 'remote', result: '侵入', findings: [] },
  'POST /api/contractor-inspection-findings/:id/corrective-action': {},
  'POST /api/contractors/:id/subcontract-requests': {
    subContractorId: '00000000-0000-4000-8000-000000000000',
    work: '侵入',
    safetyMeasures: '侵入',
    startsOn: '2099-01-01',
    reason: '侵入',
    workLeadName: '侵入',
    workLeadTitle: '侵入',
    workLeadContact: '侵入',
    workers: ['侵入'],
  },
};

/** Query strings for GET routes that need parameters. */
const queries: Record<string, string> = {
  'GET /api/approval-stamps': '?recordType=role_request&recordId=00000000-0000-4000-8000-000000000000',
  'GET /api/approvals':
    '?view=submitted&recordType=role_request&status=pending&submittedFrom=2026-01-01&submittedTo=2026-12-31&departmentId=00000000-0000-4000-8000-000000000000&page=1&pageSize=20',
  // 個人情報保護方針の周知状況 (J.2.2 3): every filter.
  'GET /api/policies/versions/:id/acknowledgements': '?status=pending&departmentId=00000000-0000-4000-8000-000000000000&q=x',
  'GET /api/policies/versions/:id/acknowledgements.xlsx': '?status=pending&departmentId=00000000-0000-4000-8000-000000000000&q=x',
  // 個人情報特記事項 (issue 13): a template set and variants.
  'GET /api/contractors/:id/special-clauses.docx': '?template=toshimaCurrent&subcontracting=restrict&returnOrDisposal=dispose&inspection=rule43',
  'GET /api/contractors/:id/special-clauses.pdf': '?template=toshimaOrdinanceEra&copying=restrictToSpec',
};

export function sampleQueryFor(method: string, url: string): string {
  return queries[`${method} ${url}`] ?? '';
}

export function sampleBodyFor(method: string, url: string): unknown {
  const key = `${method} ${url}`;
  if (key in bodies) return bodies[key];
  if (method === 'GET' || method === 'DELETE') return undefined;
  return {};
}

/** For each table a route's `:id` refers to, a query picking one of the demo organization's ids. */
const idSources: { prefix: string; table: string }[] = [
  { prefix: '/api/departments/', table: 'departments' },
  { prefix: '/api/people/', table: 'people' },
  { prefix: '/api/role-assignments/', table: 'role_assignments' },
  { prefix: '/api/accounts/', table: 'accounts' },
  { prefix: '/api/approvals/', table: 'approval_requests' },
  { prefix: '/api/approval-delegations/', table: 'approval_delegations' },
  { prefix: '/api/tasks/', table: 'tasks' },
  { prefix: '/api/calendar/', table: 'calendar_items' },
  { prefix: '/api/notifications/', table: 'notifications' },
  { prefix: '/api/role-requests/', table: 'role_requests' },
  { prefix: '/api/incidents/', table: 'incidents' },
  { prefix: '/api/incident-duties/', table: 'incident_duties' },
  { prefix: '/api/incident-timeline/', table: 'incident_timeline' },
  { prefix: '/api/incident-meetings/', table: 'incident_meetings' },
  { prefix: '/api/incident-enquiries/', table: 'incident_enquiries' },
  { prefix: '/api/corrective-actions/', table: 'corrective_actions' },
  { prefix: '/api/inventory/entries/', table: 'inventory_entries' },
  { prefix: '/api/inventory/requests/', table: 'inventory_requests' },
  { prefix: '/api/inventory/reviews/', table: 'annual_reviews' },
  { prefix: '/api/risk/assessments/', table: 'risk_assessments' },
  { prefix: '/api/risk/records/', table: 'risk_records' },
  { prefix: '/api/risk/reviews/', table: 'annual_reviews' },
  { prefix: '/api/contractors/', table: 'contractors' },
  { prefix: '/api/requests/', table: 'requests' },
  { prefix: '/api/request-corrections/', table: 'request_corrections' },
  { prefix: '/api/contractor-evaluations/', table: 'contractor_evaluations' },
  { prefix: '/api/contractor-inspections/', table: 'contractor_inspections' },
  { prefix: '/api/contractor-inspection-findings/', table: 'contractor_inspection_findings' },
  { prefix: '/api/attachment-files/', table: 'attachments' },
  { prefix: '/api/notices/', table: 'notice_templates' },
  { prefix: '/api/contractor-portal/links/', table: 'contractor_portal_links' },
  { prefix: '/api/contractor-portal/profile/shares/', table: 'contractor_portal_links' },
  { prefix: '/api/contractor-portal/contractors/', table: 'contractors' },
  { prefix: '/api/contractor-portal/exchanges/', table: 'contractor_portal_exchanges' },
  { prefix: '/api/contractor-portal/principals/', table: 'contractor_portal_links' },
  { prefix: '/api/contractor-portal/reports/', table: 'contractor_portal_reports' },
  { prefix: '/api/contractor-portal/my-reports/', table: 'contractor_portal_reports' },
  { prefix: '/api/notice-consents/', table: 'notice_consents' },
  { prefix: '/api/provision-records/', table: 'provision_records' },
  { prefix: '/api/laws/reviews/', table: 'law_reviews' },
  { prefix: '/api/laws/', table: 'laws' },
  { prefix: '/api/policies/versions/', table: 'policy_versions' },
];

export async function sampleIdFor(t: TestApp, url: string): Promise<Record<string, string>> {
  if (!/:id\b/.test(url)) return {};
  const source = idSources.find((s) => url.startsWith(s.prefix));
  if (!source) throw new Error(`routeSamples.ts: add an id source for ${url}`);
  const rows = await asSystem(t.database, async (tx) =>
    rowsOf<{ id: string }>(await tx.execute(sql`select id::text from ${sql.identifier(source.table)} where organization_id = ${t.demoOrganizationId} limit 1`)),
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`routeSamples.ts: the demo organization has no ${source.table} row for ${url}`);
  const param = /:([A-Za-z]+)/.exec(url)?.[1] ?? 'id';
  return { [param]: id };
}
