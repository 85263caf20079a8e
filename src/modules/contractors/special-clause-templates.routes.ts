import { inOrg } from '../../platform/db/tenancy.ts';
import { DOCX_TYPE, datedFilename, sendDownload } from '../../platform/exports/download.ts';
import { pdfHeaderOf } from '../../platform/exports/pdfHeader.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { specialClauseTemplatesContract } from './special-clause-templates.contract.ts';
import { renderTemplateDocx } from './special-clause-templates.docx.ts';
import { listTemplates, saveTemplate } from './special-clause-templates.ts';

/** 自社のひな型 (個人情報特記事項, issue 13), registered from special-clause-templates.contract.ts. */
export function specialClauseTemplatesRoutes(app: App, deps: Deps): void {
  routes(
    app,
    specialClauseTemplatesContract,
    {
      list: async (request) => inOrg(deps.database, scopeOf(request), (tx) => listTemplates(tx, actorOf(request))),
      save: async (request) => inOrg(deps.database, scopeOf(request), (tx) => saveTemplate(tx, actorOf(request), request.body, deps.now())),
      exportDocx: async (request, reply) => {
        const { current, organizationName } = await inOrg(deps.database, scopeOf(request), async (tx) => ({
          current: (await listTemplates(tx, actorOf(request))).current,
          organizationName: (await pdfHeaderOf(tx, actorOf(request).organizationId)).organizationName,
        }));
        const body = await renderTemplateDocx(current, organizationName);
        return sendDownload(reply, { body, filename: datedFilename(`特記事項のひな型_${current.versionLabel}`, 'docx', deps.now()), contentType: DOCX_TYPE });
      },
    },
    { tags: ['contractors'] },
  );
}
