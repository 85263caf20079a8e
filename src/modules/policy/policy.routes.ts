import { clockAt, todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { datedFilename, PDF_TYPE, sendDownload, XLSX_TYPE } from '../../platform/exports/download.ts';
import { pdfHeaderOf } from '../../platform/exports/pdfHeader.ts';
import { route } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { policyKindLabels } from '../../rules/policy/policyChecker.ts';
import { acknowledgePolicy, acknowledgementStatus } from './policy.acknowledgements.ts';
import { policyContract as c } from './policy.contract.ts';
import { exportAcknowledgementsXlsx } from './policy.export.ts';
import { renderPolicyPdf } from './policy.pdf.ts';
import { listPolicies, presentVersion, publicPolicy, readablePolicyVersion, savePolicyDraft, submitPolicyVersion } from './policy.service.ts';

/** 個人情報保護方針 (J.2.2); the public route is rate-limited like the portal's page. */
export function policyRoutes(app: App, deps: Deps): void {
  const tags = ['policy'];
  route(app, c.list, async (request) => inOrg(deps.database, scopeOf(request), (tx) => listPolicies(tx, actorOf(request))), { tags });
  route(
    app,
    c.saveDraft,
    async (request) =>
      inOrg(deps.database, scopeOf(request), async (tx) => presentVersion(await savePolicyDraft(tx, actorOf(request), request.params.kind, request.body, deps.now()))),
    { tags },
  );
  route(
    app,
    c.submit,
    async (request) =>
      inOrg(deps.database, scopeOf(request), async (tx) => {
        const { version, approvalRequestId } = await submitPolicyVersion(tx, actorOf(request), request.params.id, clockAt(deps.now()));
        return { ...presentVersion(version), approvalRequestId };
      }),
    { tags },
  );
  route(app, c.acknowledge, async (request) => inOrg(deps.database, scopeOf(request), (tx) => acknowledgePolicy(tx, actorOf(request), request.params.id, deps.now())), {
    tags,
  });
  route(
    app,
    c.acknowledgements,
    async (request) => inOrg(deps.database, scopeOf(request), (tx) => acknowledgementStatus(tx, actorOf(request), request.params.id, request.query, todayInJapan(deps.now()))),
    { tags },
  );
  route(
    app,
    c.acknowledgementsXlsx,
    async (request, reply) => {
      const status = await inOrg(deps.database, scopeOf(request), (tx) => acknowledgementStatus(tx, actorOf(request), request.params.id, request.query, todayInJapan(deps.now())));
      const body = await exportAcknowledgementsXlsx(status);
      return sendDownload(reply, {
        body,
        filename: datedFilename(`周知状況_${status.version.kindLabel}_第${status.version.versionNo}版`, 'xlsx', deps.now()),
        contentType: XLSX_TYPE,
      });
    },
    { tags },
  );
  route(
    app,
    c.pdf,
    async (request, reply) => {
      const { version, header } = await inOrg(deps.database, scopeOf(request), async (tx) => ({
        version: await readablePolicyVersion(tx, actorOf(request), request.params.id),
        header: await pdfHeaderOf(tx, actorOf(request).organizationId),
      }));
      const body = await renderPolicyPdf(version, header, deps.now());
      return sendDownload(reply, { body, filename: `${policyKindLabels[version.kind]}_第${version.versionNo}版.pdf`, contentType: PDF_TYPE });
    },
    { tags },
  );
  route(app, c.publicPolicy, async (request) => publicPolicy(deps.database, request.params.slug), { tags, rateLimit: { max: 60, timeWindow: '1 minute' } });
}
