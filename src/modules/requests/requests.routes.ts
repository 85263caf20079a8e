import { clockAt } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { DOCX_TYPE, PDF_TYPE, sendDownload } from '../../platform/exports/download.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { closeComplaint } from './close-complaint.ts';
import { markReplySent, submitReplyForApproval } from './reply-approval.ts';
import { overseasRecordsForRequest } from './request-overseas-records.ts';
import { provisionRecordKindLabels, provisionRecordsForRequest } from './request-provision-records.ts';
import { buildReplyLetter, type ReplyLetter } from './reply-letter.ts';
import { renderReplyLetterDocx } from './reply-letter.docx.ts';
import { printedTitle, renderReplyLetterPdf } from './reply-letter.pdf.ts';
import { requestsContract } from './requests.contract.ts';
import { presentRequest, presentRequestPage } from './requests.presenters.ts';
import { detailOf, findRequest, listRequests } from './requests.queries.ts';
import { addCorrection, completeCorrection, createRequest, readRequestDetail, recordDecision, updateRequest } from './requests.service.ts';

/**
 * 開示等の請求・苦情相談 (M5), registered from requests.contract.ts. Thin: validate → authorize (the
 * contract's access) → one business function in the tenant transaction → present.
 */
export function requestsRoutes(app: App, deps: Deps): void {
  routes(
    app,
    requestsContract,
    {
      list: async (request) => {
        const clock = clockAt(deps.now());
        return presentRequestPage(await inOrg(deps.database, scopeOf(request), (tx) => listRequests(tx, actorOf(request), request.query, clock.today)));
      },
      create: async (request) => {
        const clock = clockAt(deps.now());
        return presentRequest(
          await inOrg(deps.database, scopeOf(request), async (tx) => detailOf(tx, actorOf(request), await createRequest(tx, actorOf(request), request.body, clock), clock.today)),
        );
      },
      detail: async (request) =>
        presentRequest(await inOrg(deps.database, scopeOf(request), (tx) => readRequestDetail(tx, actorOf(request), request.params.id, clockAt(deps.now())))),
      update: async (request) => {
        const clock = clockAt(deps.now());
        return presentRequest(
          await inOrg(deps.database, scopeOf(request), async (tx) =>
            detailOf(tx, actorOf(request), await updateRequest(tx, actorOf(request), request.params.id, request.body, clock), clock.today),
          ),
        );
      },
      addCorrection: async (request) => {
        const clock = clockAt(deps.now());
        return presentRequest(
          await inOrg(deps.database, scopeOf(request), async (tx) =>
            detailOf(tx, actorOf(request), await addCorrection(tx, actorOf(request), request.params.id, request.body, clock), clock.today),
          ),
        );
      },
      completeCorrection: async (request) => {
        const clock = clockAt(deps.now());
        return presentRequest(
          await inOrg(deps.database, scopeOf(request), async (tx) =>
            detailOf(tx, actorOf(request), await completeCorrection(tx, actorOf(request), request.params.id, request.body, clock), clock.today),
          ),
        );
      },
      decide: async (request) => {
        const clock = clockAt(deps.now());
        return presentRequest(
          await inOrg(deps.database, scopeOf(request), async (tx) =>
            detailOf(tx, actorOf(request), await recordDecision(tx, actorOf(request), request.params.id, request.body, clock), clock.today),
          ),
        );
      },
      submitReply: async (request) => {
        const submitted = await inOrg(deps.database, scopeOf(request), (tx) => submitReplyForApproval(tx, actorOf(request), request.params.id, clockAt(deps.now())));
        return { approvalRequestId: submitted.id, status: submitted.status };
      },
      markReplied: async (request) => {
        const clock = clockAt(deps.now());
        return presentRequest(
          await inOrg(deps.database, scopeOf(request), async (tx) =>
            detailOf(tx, actorOf(request), await markReplySent(tx, actorOf(request), request.params.id, request.body, clock), clock.today),
          ),
        );
      },
      replyLetterPdf: async (request, reply) => {
        const letter = await inOrg(deps.database, scopeOf(request), (tx) => buildReplyLetter(tx, actorOf(request), request.params.id, clockAt(deps.now())));
        return sendDownload(reply, { body: await renderReplyLetterPdf(letter, deps.now()), filename: letterFilename(letter, 'pdf'), contentType: PDF_TYPE });
      },
      replyLetterDocx: async (request, reply) => {
        const letter = await inOrg(deps.database, scopeOf(request), (tx) => buildReplyLetter(tx, actorOf(request), request.params.id, clockAt(deps.now())));
        return sendDownload(reply, { body: await renderReplyLetterDocx(letter), filename: letterFilename(letter, 'docx'), contentType: DOCX_TYPE });
      },
      closeComplaint: async (request) => {
        const clock = clockAt(deps.now());
        return presentRequest(
          await inOrg(deps.database, scopeOf(request), async (tx) =>
            detailOf(tx, actorOf(request), await closeComplaint(tx, actorOf(request), request.params.id, request.body, clock), clock.today),
          ),
        );
      },
      provisionRecords: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          const actor = actorOf(request);
          const row = await findRequest(tx, actor.organizationId, request.params.id);
          const items = await provisionRecordsForRequest(tx, actor, row, deps.now());
          return { applies: row.kind === 'provision_record_disclosure', items: items.map((r) => ({ ...r, kindLabel: provisionRecordKindLabels[r.kind] })) };
        }),
      overseasRecords: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          const actor = actorOf(request);
          const row = await findRequest(tx, actor.organizationId, request.params.id);
          return { applies: row.kind === 'overseas_info', items: await overseasRecordsForRequest(tx, actor, row, deps.now()) };
        }),
    },
    { tags: ['requests'] },
  );
}

/** `決定通知書_REQ-2026-0001.pdf` (the 受付番号, never the requester's name). */
function letterFilename(letter: ReplyLetter, extension: string): string {
  return `${printedTitle(letter)}_${letter.number}.${extension}`;
}
