import { clockAt } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { route } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { policyContract as c } from './policy.contract.ts';
import { listPolicies, presentVersion, publicPolicy, savePolicyDraft, submitPolicyVersion } from './policy.service.ts';

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
  route(app, c.publicPolicy, async (request) => publicPolicy(deps.database, request.params.slug), { tags, rateLimit: { max: 60, timeWindow: '1 minute' } });
}
