import { todayInJapan } from '../../domain/time.ts';
import { z } from 'zod';
import { recordPersonalDataAccess } from '../../platform/audit/personalDataAccess.ts';

import { inOrg } from '../../platform/db/tenancy.ts';
import { PDF_TYPE, sendDownload } from '../../platform/exports/download.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { sendUrgentNotificationEmails } from '../../platform/notifications/reminders.ts';
import { presentCorrective } from '../corrective/corrective.presenters.ts';
import { renderBreachReportPdf, renderIncidentRecordPdf, renderNoticeLetterPdf } from './incidents.pdf.ts';
import { presentDashboard, presentDuty, presentIncidentDetail, presentIncidentListItem, presentMyReport } from './incidents.presenters.ts';
import {
  dutyUpdateBody,
  enquiryBody,
  incidentFactsBody,
  incidentIdParams,
  incidentListQuery,
  meetingBody,
  openCorrectiveBody,
  recordIdParams,
  reportIncidentBody,
  timelineBody,
  updateIncidentBody,
} from './incidents.schema.ts';
import * as service from './incidents.service.ts';

const ok = z.object({ ok: z.literal(true) });

/**
 * 緊急事態・事故等 (M4). Thin: validate (zod) → authorize (config.access, then the service's
 * visibility: an incident the actor may not see is 404) → one business function in the tenant
 * transaction → present. Reads and exports of an incident are personal-data accesses and are
 * recorded (SPEC §3, Toshima 4-8-6 (3)).
 */
export function incidentsRoutes(app: App, deps: Deps): void {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };
  const tags = ['incidents'];

  app.post(
    '/api/incidents',
    {
      schema: { tags, summary: '事故等の報告（全従業者。事実が未確定でも直ちに報告。個人情報保護管理者と所属長に至急通知）', body: reportIncidentBody },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => service.reportIncident(tx, actorOf(request), request.body, clock()));
      // The urgent-mail job runs every few minutes; with the scheduler on, send this report's e-mails now.
      if (deps.config.scheduler)
        setImmediate(() => void sendUrgentNotificationEmails(deps).catch((error: unknown) => request.log.error({ err: error }, 'urgent e-mail after incident report failed')));
      return reply.status(201).send({ id: row.id, number: row.number, title: row.title, status: row.status, reportedAt: row.reportedAt.toISOString() });
    },
  );

  app.get('/api/me/incident-reports', { schema: { tags, summary: '自分が報告した事故等（受付番号と状態）' }, config: { access: 'authenticated' } }, async (request) => ({
    items: (await inOrg(deps.database, scopeOf(request), (tx) => service.listMyReports(tx, actorOf(request)))).map(presentMyReport),
  }));

  app.get(
    '/api/incidents',
    { schema: { tags, summary: '事案一覧（未対応の義務の数と直近の期限つき）', querystring: incidentListQuery }, config: { access: 'incidents.read' } },
    async (request) => {
      const page = await inOrg(deps.database, scopeOf(request), (tx) => service.listIncidents(tx, actorOf(request), request.query));
      return { ...page, items: page.items.map(presentIncidentListItem) };
    },
  );

  app.get(
    '/api/incidents/dashboard',
    { schema: { tags, summary: '報告等の義務のカウントダウン（未対応の義務を期限の近い順に）' }, config: { access: 'incidents.read' } },
    async (request) => {
      const c = clock();
      return presentDashboard(await inOrg(deps.database, scopeOf(request), (tx) => service.incidentDashboard(tx, actorOf(request))), c.today);
    },
  );

  app.get(
    '/api/incidents/:id',
    { schema: { tags, summary: '事案の詳細（閲覧は記録されます）', params: incidentIdParams }, config: { access: 'incidents.read' } },
    async (request) => {
      const actor = actorOf(request);
      const c = clock();
      return inOrg(deps.database, scopeOf(request), async (tx) => {
        const detail = await service.getIncidentDetail(tx, actor, request.params.id);
        await recordPersonalDataAccess(tx, actor, { action: 'read', entityType: 'incidents', entityId: detail.incident.id, rowCount: 1 }, c.now);
        return presentIncidentDetail(detail, c.today);
      });
    },
  );

  app.patch(
    '/api/incidents/:id',
    {
      schema: { tags, summary: '事案の記録の更新（件名・発生部署・5W1H・報告事項・影響を受けた個人情報）', params: incidentIdParams, body: updateIncidentBody },
      config: { access: 'incidents.manage' },
    },
    async (request) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => service.updateIncident(tx, actorOf(request), request.params.id, request.body, clock()));
      return { id: row.id, status: row.status, phase: row.phase, updatedAt: row.updatedAt.toISOString() };
    },
  );

  app.put(
    '/api/incidents/:id/facts',
    {
      schema: {
        tags,
        summary: '事実の更新と報告等の義務の再判定（組織の区分とPマークは組織情報から。新たな義務は個人情報保護管理者に至急通知）',
        params: incidentIdParams,
        body: incidentFactsBody,
      },
      config: { access: 'incidents.manage' },
    },
    async (request) => {
      const c = clock();
      const result = await inOrg(deps.database, scopeOf(request), (tx) => service.updateIncidentFacts(tx, actorOf(request), request.params.id, request.body.facts, c));
      return {
        id: result.incident.id,
        rulesVersion: result.incident.rulesVersion,
        factsRevision: result.incident.factsRevision,
        isIncident: result.incident.isIncident,
        added: result.added.map((d) => presentDuty(d, c.today)),
        removed: result.removed.map((d) => presentDuty(d, c.today)),
      };
    },
  );

  app.put(
    '/api/incident-duties/:id',
    {
      schema: { tags, summary: '報告等の義務の対応状況（対応日・対応者・受付番号、又は対応不要の理由）', params: recordIdParams, body: dutyUpdateBody },
      config: { access: 'incidents.manage' },
    },
    async (request) => {
      const c = clock();
      return presentDuty(await inOrg(deps.database, scopeOf(request), (tx) => service.updateDuty(tx, actorOf(request), request.params.id, request.body, c)), c.today);
    },
  );

  // 対応経過 (timeline), 緊急事態対策会議 (meetings), 外部からの問い合わせ (enquiries).
  const manage = { access: 'incidents.manage' } as const;

  app.post('/api/incidents/:id/timeline', { schema: { tags, summary: '対応経過の追加', params: incidentIdParams, body: timelineBody }, config: manage }, async (request, reply) => {
    const row = await inOrg(deps.database, scopeOf(request), (tx) => service.addTimelineEntry(tx, actorOf(request), request.params.id, request.body, clock()));
    return reply.status(201).send({ id: row?.id ?? null });
  });
  app.put('/api/incident-timeline/:id', { schema: { tags, summary: '対応経過の更新', params: recordIdParams, body: timelineBody }, config: manage }, async (request) => ({
    id: (await inOrg(deps.database, scopeOf(request), (tx) => service.updateTimelineEntry(tx, actorOf(request), request.params.id, request.body, clock())))?.id ?? null,
  }));
  app.delete('/api/incident-timeline/:id', { schema: { tags, summary: '対応経過の削除', params: recordIdParams, response: { 200: ok } }, config: manage }, async (request) => {
    await inOrg(deps.database, scopeOf(request), (tx) => service.deleteTimelineEntry(tx, actorOf(request), request.params.id));
    return { ok: true as const };
  });

  app.post(
    '/api/incidents/:id/meetings',
    { schema: { tags, summary: '緊急事態対策会議の議事録の追加', params: incidentIdParams, body: meetingBody }, config: manage },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => service.addMeeting(tx, actorOf(request), request.params.id, request.body, clock()));
      return reply.status(201).send({ id: row?.id ?? null });
    },
  );
  app.put(
    '/api/incident-meetings/:id',
    { schema: { tags, summary: '緊急事態対策会議の議事録の更新', params: recordIdParams, body: meetingBody }, config: manage },
    async (request) => ({
      id: (await inOrg(deps.database, scopeOf(request), (tx) => service.updateMeeting(tx, actorOf(request), request.params.id, request.body, clock())))?.id ?? null,
    }),
  );
  app.delete(
    '/api/incident-meetings/:id',
    { schema: { tags, summary: '緊急事態対策会議の議事録の削除', params: recordIdParams, response: { 200: ok } }, config: manage },
    async (request) => {
      await inOrg(deps.database, scopeOf(request), (tx) => service.deleteMeeting(tx, actorOf(request), request.params.id));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/incidents/:id/enquiries',
    { schema: { tags, summary: '外部からの問い合わせ・クレームの記録', params: incidentIdParams, body: enquiryBody }, config: manage },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => service.addEnquiry(tx, actorOf(request), request.params.id, request.body, clock()));
      return reply.status(201).send({ id: row?.id ?? null });
    },
  );
  app.put(
    '/api/incident-enquiries/:id',
    { schema: { tags, summary: '外部からの問い合わせ・クレームの更新', params: recordIdParams, body: enquiryBody }, config: manage },
    async (request) => ({
      id: (await inOrg(deps.database, scopeOf(request), (tx) => service.updateEnquiry(tx, actorOf(request), request.params.id, request.body, clock())))?.id ?? null,
    }),
  );
  app.delete(
    '/api/incident-enquiries/:id',
    { schema: { tags, summary: '外部からの問い合わせ・クレームの削除', params: recordIdParams, response: { 200: ok } }, config: manage },
    async (request) => {
      await inOrg(deps.database, scopeOf(request), (tx) => service.deleteEnquiry(tx, actorOf(request), request.params.id));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/incidents/:id/closure',
    { schema: { tags, summary: '終結の申請（個人情報保護管理者 → トップマネジメントの承認）', params: incidentIdParams }, config: { access: 'incidents.read' } },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => service.submitIncidentClosure(tx, actorOf(request), request.params.id, clock()));
      return reply.status(201).send({ approvalRequestId: row.id, status: row.status });
    },
  );

  app.post(
    '/api/incidents/:id/corrective-action',
    {
      schema: { tags, summary: '原因から是正処置（J.7.1）を起票（1事案に1件。既にあればそれを返す）', params: incidentIdParams, body: openCorrectiveBody },
      config: { access: 'incidents.read' },
    },
    async (request, reply) => {
      const result = await inOrg(deps.database, scopeOf(request), (tx) => service.openCorrectiveFromIncident(tx, actorOf(request), request.params.id, request.body, clock()));
      return reply.status(result.created ? 201 : 200).send(presentCorrective(result.correctiveAction));
    },
  );

  // Outputs (様式). Each is a personal-data export and is recorded.
  const outputs = [
    { path: 'record.pdf', name: '緊急事態対応記録', summary: '緊急事態対応記録（PDF: 経過・会議・問い合わせ・義務の対応状況・承認）', render: renderIncidentRecordPdf },
    { path: 'breach-report.pdf', name: '漏えい等報告書（案）', summary: '漏えい等報告の下書き（PDF: 施行規則第8条第1項の9項目）', render: renderBreachReportPdf },
    { path: 'notice-letter.pdf', name: '本人通知（案）', summary: '本人への通知文の下書き（PDF: 施行規則第10条、第8条第1項第1・2・4・5・9号）', render: renderNoticeLetterPdf },
  ] as const;
  for (const output of outputs) {
    app.get(
      `/api/incidents/:id/${output.path}`,
      { schema: { tags, summary: output.summary, params: incidentIdParams }, config: { access: 'incidents.read' } },
      async (request, reply) => {
        const actor = actorOf(request);
        const c = clock();
        const detail = await inOrg(deps.database, scopeOf(request), async (tx) => {
          const d = await service.getIncidentDetail(tx, actor, request.params.id);
          await recordPersonalDataAccess(tx, actor, { action: 'export', entityType: 'incidents', entityId: d.incident.id, rowCount: 1, meta: { output: output.path } }, c.now);
          return d;
        });
        const body = await output.render(detail, c.now);
        return sendDownload(reply, { body, filename: `${output.name}_${detail.incident.number}.pdf`, contentType: PDF_TYPE });
      },
    );
  }
}
