import type { FastifyReply } from 'fastify';
import { todayInJapan } from '../../domain/time.ts';
import { recordPersonalDataAccess } from '../../platform/audit/personalDataAccess.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { PDF_TYPE, sendDownload } from '../../platform/exports/download.ts';
import { type ContractRequest, routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { sendUrgentNotificationEmails } from '../../platform/notifications/reminders.ts';
import { presentCorrective } from '../corrective/corrective.api.ts';
import { submitIncidentClosure } from './close-incident.ts';
import { incidentsContract } from './incidents.contract.ts';
import { renderBreachReportPdf, renderIncidentRecordPdf, renderNoticeLetterPdf } from './incidents.pdf.ts';
import {
  presentDashboard,
  presentDuty,
  presentEntryId,
  presentFactsUpdated,
  presentIncidentDetail,
  presentIncidentPage,
  presentIncidentUpdated,
  presentMyReports,
  presentReported,
  presentSubmitted,
} from './incidents.presenters.ts';
import { getIncidentDetail, type IncidentDetail, incidentDashboard, listIncidents, listMyReports } from './incidents.queries.ts';
import { openCorrectiveFromIncident } from './open-corrective-from-incident.ts';
import {
  addEnquiry,
  addMeeting,
  addTimelineEntry,
  deleteEnquiry,
  deleteMeeting,
  deleteTimelineEntry,
  updateEnquiry,
  updateMeeting,
  updateTimelineEntry,
} from './record-response-log.ts';
import { reportIncident } from './report-incident.ts';
import { updateDuty } from './update-duty.ts';
import { updateIncident } from './update-incident.ts';
import { updateIncidentFacts } from './update-incident-facts.ts';

type PdfRoute = typeof incidentsContract.recordPdf | typeof incidentsContract.breachReportPdf | typeof incidentsContract.noticeLetterPdf;

/**
 * 緊急事態・事故等 (M4), registered from incidents.contract.ts. Thin: validate (zod) → authorize
 * (the contract's access, then the service's visibility: an incident the actor may not see is
 * 404) → one business function in the tenant transaction → present. Reads and exports of an
 * incident are personal-data accesses and are recorded (SPEC §3, Toshima 4-8-6 (3)).
 */
export function incidentsRoutes(app: App, deps: Deps): void {
  const clock = () => {
    const now = deps.now();
    return { today: todayInJapan(now), now };
  };

  /** One of the outputs (様式): each is a personal-data export and is recorded. */
  const sendPdf =
    (output: string, name: string, render: (detail: IncidentDetail, printedAt: Date) => Promise<Buffer>) =>
    async (request: ContractRequest<PdfRoute>, reply: FastifyReply): Promise<FastifyReply> => {
      const actor = actorOf(request);
      const c = clock();
      const detail = await inOrg(deps.database, scopeOf(request), async (tx) => {
        const d = await getIncidentDetail(tx, actor, request.params.id);
        await recordPersonalDataAccess(tx, actor, { action: 'export', entityType: 'incidents', entityId: d.incident.id, rowCount: 1, meta: { output } }, c.now);
        return d;
      });
      const body = await render(detail, c.now);
      return sendDownload(reply, { body, filename: `${name}_${detail.incident.number}.pdf`, contentType: PDF_TYPE });
    };

  routes(
    app,
    incidentsContract,
    {
      report: async (request) => {
        const row = await inOrg(deps.database, scopeOf(request), (tx) => reportIncident(tx, actorOf(request), request.body, clock()));
        // The urgent-mail job runs every few minutes; with the scheduler on, send this report's e-mails now.
        if (deps.config.scheduler)
          setImmediate(() => void sendUrgentNotificationEmails(deps).catch((error: unknown) => request.log.error({ err: error }, 'urgent e-mail after incident report failed')));
        return presentReported(row);
      },

      myReports: async (request) => presentMyReports(await inOrg(deps.database, scopeOf(request), (tx) => listMyReports(tx, actorOf(request)))),

      list: async (request) => presentIncidentPage(await inOrg(deps.database, scopeOf(request), (tx) => listIncidents(tx, actorOf(request), request.query))),

      dashboard: async (request) => {
        const c = clock();
        return presentDashboard(await inOrg(deps.database, scopeOf(request), (tx) => incidentDashboard(tx, actorOf(request))), c.today);
      },

      detail: async (request) => {
        const actor = actorOf(request);
        const c = clock();
        return inOrg(deps.database, scopeOf(request), async (tx) => {
          const detail = await getIncidentDetail(tx, actor, request.params.id);
          await recordPersonalDataAccess(tx, actor, { action: 'read', entityType: 'incidents', entityId: detail.incident.id, rowCount: 1 }, c.now);
          return presentIncidentDetail(detail, c.today);
        });
      },

      update: async (request) =>
        presentIncidentUpdated(await inOrg(deps.database, scopeOf(request), (tx) => updateIncident(tx, actorOf(request), request.params.id, request.body, clock()))),

      updateFacts: async (request) => {
        const c = clock();
        return presentFactsUpdated(
          await inOrg(deps.database, scopeOf(request), (tx) => updateIncidentFacts(tx, actorOf(request), request.params.id, request.body.facts, c)),
          c.today,
        );
      },

      updateDuty: async (request) => {
        const c = clock();
        return presentDuty(await inOrg(deps.database, scopeOf(request), (tx) => updateDuty(tx, actorOf(request), request.params.id, request.body, c)), c.today);
      },

      // 対応経過 (timeline), 緊急事態対策会議 (meetings), 外部からの問い合わせ (enquiries).
      addTimelineEntry: async (request) =>
        presentEntryId(await inOrg(deps.database, scopeOf(request), (tx) => addTimelineEntry(tx, actorOf(request), request.params.id, request.body, clock()))),
      updateTimelineEntry: async (request) =>
        presentEntryId(await inOrg(deps.database, scopeOf(request), (tx) => updateTimelineEntry(tx, actorOf(request), request.params.id, request.body, clock()))),
      deleteTimelineEntry: async (request) => {
        await inOrg(deps.database, scopeOf(request), (tx) => deleteTimelineEntry(tx, actorOf(request), request.params.id));
        return { ok: true as const };
      },
      addMeeting: async (request) =>
        presentEntryId(await inOrg(deps.database, scopeOf(request), (tx) => addMeeting(tx, actorOf(request), request.params.id, request.body, clock()))),
      updateMeeting: async (request) =>
        presentEntryId(await inOrg(deps.database, scopeOf(request), (tx) => updateMeeting(tx, actorOf(request), request.params.id, request.body, clock()))),
      deleteMeeting: async (request) => {
        await inOrg(deps.database, scopeOf(request), (tx) => deleteMeeting(tx, actorOf(request), request.params.id));
        return { ok: true as const };
      },
      addEnquiry: async (request) =>
        presentEntryId(await inOrg(deps.database, scopeOf(request), (tx) => addEnquiry(tx, actorOf(request), request.params.id, request.body, clock()))),
      updateEnquiry: async (request) =>
        presentEntryId(await inOrg(deps.database, scopeOf(request), (tx) => updateEnquiry(tx, actorOf(request), request.params.id, request.body, clock()))),
      deleteEnquiry: async (request) => {
        await inOrg(deps.database, scopeOf(request), (tx) => deleteEnquiry(tx, actorOf(request), request.params.id));
        return { ok: true as const };
      },

      submitClosure: async (request) =>
        presentSubmitted(await inOrg(deps.database, scopeOf(request), (tx) => submitIncidentClosure(tx, actorOf(request), request.params.id, clock()))),

      // 201 with the new corrective action; 200 with the one already opened (one per incident).
      openCorrective: async (request, reply) => {
        const result = await inOrg(deps.database, scopeOf(request), (tx) => openCorrectiveFromIncident(tx, actorOf(request), request.params.id, request.body, clock()));
        const body = presentCorrective(result.correctiveAction);
        if (result.created) return body;
        return reply.status(200).send(body);
      },

      recordPdf: sendPdf('record.pdf', '緊急事態対応記録', renderIncidentRecordPdf),
      breachReportPdf: sendPdf('breach-report.pdf', '漏えい等報告書（案）', renderBreachReportPdf),
      noticeLetterPdf: sendPdf('notice-letter.pdf', '本人通知（案）', renderNoticeLetterPdf),
    },
    { tags: ['incidents'] },
  );
}
