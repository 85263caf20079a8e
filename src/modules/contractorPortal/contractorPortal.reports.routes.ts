import { clockAt } from '../../domain/time.ts';
import { asSystem, inOrg } from '../../platform/db/tenancy.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { assertCertificateTarget, attachCertificate, certificatesOf, readCertificateUpload } from './contractorPortal.reports.certificate.ts';
import { contractorPortalReportsContract } from './contractorPortal.reports.contract.ts';
import { confirmReport, myReports, presentReport, progressOf, type ReportRow, receivedReports, submitReport, submitSubcontractForApproval } from './contractorPortal.reports.ts';
import { organizationNames } from './contractorPortal.service.ts';

/** 委託先からの報告 (issue #13). Thin: validate → authorize → one business function → present. */
export function contractorPortalReportsRoutes(app: App, deps: Deps): void {
  // The 委託先's view of where its reports stand reads the 委託元's rows they became (status only),
  // by their ids, after its own reports were read in its tenant scope.
  const forContractor = async (rows: ReportRow[]) => {
    const { progress, certificates } = await asSystem(deps.database, async (tx) => ({
      progress: await progressOf(tx, rows),
      certificates: await certificatesOf(
        tx,
        rows.map((r) => r.id),
      ),
    }));
    const names = await organizationNames(
      deps.database,
      rows.map((r) => r.organizationId),
    );
    return rows.map((r) => presentReport(r, progress.get(r.id), names.get(r.organizationId) ?? null, 'contractor', certificates.get(r.id)));
  };
  const submitted = async (row: ReportRow) => (await forContractor([row]))[0] as ReturnType<typeof presentReport>;
  const forPrincipal = async (request: Parameters<typeof scopeOf>[0], row: ReportRow) => {
    const { progress, certificates } = await inOrg(deps.database, scopeOf(request), async (tx) => ({
      progress: await progressOf(tx, [row]),
      certificates: await certificatesOf(tx, [row.id]),
    }));
    const names = await organizationNames(deps.database, [row.counterpartyOrganizationId]);
    return presentReport(row, progress.get(row.id), names.get(row.counterpartyOrganizationId) ?? null, 'principal', certificates.get(row.id));
  };
  routes(
    app,
    contractorPortalReportsContract,
    {
      outbox: async (request) => {
        const { links, rows } = await inOrg(deps.database, scopeOf(request), (tx) => myReports(tx, actorOf(request)));
        const names = await organizationNames(
          deps.database,
          links.map((l) => l.organizationId),
        );
        return { principals: links.map((l) => ({ linkId: l.id, name: names.get(l.organizationId) ?? '委託元' })), items: await forContractor(rows) };
      },
      subcontract: async (request) => {
        const row = await submitReport(deps.database, actorOf(request), request.params.id, { kind: 'subcontract', body: request.body }, clockAt(deps.now()), request.ip);
        return submitted(row);
      },
      returnDisposal: async (request) => {
        const row = await submitReport(deps.database, actorOf(request), request.params.id, { kind: 'return_disposal', body: request.body }, clockAt(deps.now()), request.ip);
        return submitted(row);
      },
      incident: async (request) => {
        const row = await submitReport(deps.database, actorOf(request), request.params.id, { kind: 'incident', body: request.body }, clockAt(deps.now()), request.ip);
        return submitted(row);
      },
      certificate: async (request) => {
        await assertCertificateTarget(deps.database, actorOf(request), request.params.id);
        const file = await readCertificateUpload(request);
        const row = await attachCertificate(deps.database, actorOf(request), request.params.id, file, request.ip);
        return submitted(row);
      },
      received: async (request) => {
        const found = await inOrg(deps.database, scopeOf(request), async (tx) => {
          const r = await receivedReports(tx, actorOf(request), request.query.contractorId);
          return {
            ...r,
            progress: await progressOf(tx, r.rows),
            certificates: await certificatesOf(
              tx,
              r.rows.map((x) => x.id),
            ),
          };
        });
        return { items: found.rows.map((r) => presentReport(r, found.progress.get(r.id), found.contractorNames.get(r.linkId) ?? null, 'principal', found.certificates.get(r.id))) };
      },
      confirm: async (request) => {
        const row = await inOrg(deps.database, scopeOf(request), (tx) => confirmReport(tx, actorOf(request), request.params.id, request.body, clockAt(deps.now())));
        return forPrincipal(request, row);
      },
      submitSubcontract: async (request) => {
        const row = await inOrg(deps.database, scopeOf(request), (tx) => submitSubcontractForApproval(tx, actorOf(request), request.params.id, clockAt(deps.now())));
        return forPrincipal(request, row);
      },
    },
    { tags: ['contractor-portal'] },
  );
}
