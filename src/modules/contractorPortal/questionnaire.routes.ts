import { clockAt } from '../../domain/time.ts';
import { inOrg } from '../../platform/db/tenancy.ts';
import { routes } from '../../platform/http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../../platform/http/types.ts';
import { contractorQuestionnaireContract } from './contractorPortal.questionnaire.contract.ts';
import { organizationNames, presentExchange } from './contractorPortal.service.ts';
import { presentProfile, readProfile, saveProfile, shareForPrincipal, shareProfile, sharedProfile } from './profile.service.ts';
import { answerQuestionnaire, evaluationPrefill, presentQuestionnaire, readQuestionnaire } from './questionnaire.service.ts';

/** 委託先ポータル — 調査票 and the 委託先's profile (issue #13). Thin: validate → authorize → one business function → present. */
export function contractorQuestionnaireRoutes(app: App, deps: Deps): void {
  // The other organizations' names are read after the tenant transaction (one connection on PGlite).
  const profileOut = async (view: Awaited<ReturnType<typeof readProfile>>, today: string) =>
    presentProfile(
      view,
      await organizationNames(
        deps.database,
        view.shares.map((s) => s.principalId),
      ),
      today,
    );
  routes(
    app,
    contractorQuestionnaireContract,
    {
      questionnaire: async (request) => presentQuestionnaire(await inOrg(deps.database, scopeOf(request), (tx) => readQuestionnaire(tx, actorOf(request), request.params.id))),
      answerQuestionnaire: async (request) => {
        const clock = clockAt(deps.now());
        const row = await answerQuestionnaire(deps.database, actorOf(request), request.params.id, request.body, clock, request.ip);
        const names = await organizationNames(deps.database, [row.organizationId]);
        return presentExchange(row, names.get(row.organizationId) ?? null, clock.today);
      },
      evaluationPrefill: async (request) => inOrg(deps.database, scopeOf(request), (tx) => evaluationPrefill(tx, actorOf(request), request.params.id)),
      profile: async (request) => {
        const clock = clockAt(deps.now());
        return profileOut(await inOrg(deps.database, scopeOf(request), (tx) => readProfile(tx, actorOf(request))), clock.today);
      },
      saveProfile: async (request) => {
        const clock = clockAt(deps.now());
        return profileOut(await inOrg(deps.database, scopeOf(request), (tx) => saveProfile(tx, actorOf(request), request.body, clock)), clock.today);
      },
      shareProfile: async (request) => {
        const clock = clockAt(deps.now());
        return profileOut(await inOrg(deps.database, scopeOf(request), (tx) => shareProfile(tx, actorOf(request), request.params.id, request.body, clock)), clock.today);
      },
      sharedProfile: async (request) => {
        const clock = clockAt(deps.now());
        const principal = await inOrg(deps.database, scopeOf(request), (tx) => shareForPrincipal(tx, actorOf(request), request.params.id));
        const names = await organizationNames(deps.database, [principal.link.counterpartyOrganizationId]);
        return sharedProfile(deps.database, principal, names, clock.today);
      },
    },
    { tags: ['contractor-portal'] },
  );
}
