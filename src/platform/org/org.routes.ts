import { todayInJapan } from '../../domain/time.ts';
import { recordPersonalDataAccess } from '../audit/personalDataAccess.ts';
import { inOrg, readInOrg } from '../db/tenancy.ts';
import { routes } from '../http/route.ts';
import { type App, type Deps, actorOf, scopeOf } from '../http/types.ts';
import { can } from '../policies/actor.ts';
import { abilitiesOnAccounts, assertMayChangeRoles, assertMayCreateAccountFor, roleChangeOf, updateAccount } from './accounts.service.ts';
import { orgContract } from './org.contract.ts';
import {
  presentAccountCreated,
  presentAccountList,
  presentDepartment,
  presentDepartmentList,
  presentOrganization,
  presentPeoplePage,
  presentPerson,
  presentRoleAssignment,
  presentRoleAssignmentList,
} from './org.presenters.ts';
import * as org from './org.service.ts';

/** 組織・所属・従業者・役割・アカウント (SPEC §2). Thin: validate → authorize → one service call → present. */
export function orgRoutes(app: App, deps: Deps): void {
  const today = () => todayInJapan(deps.now());

  routes(
    app,
    orgContract,
    {
      // ---- 組織 ----
      organization: async (request) => presentOrganization(await inOrg(deps.database, scopeOf(request), (tx) => org.getOrganization(tx, actorOf(request).organizationId))),

      updateOrganization: async (request) =>
        presentOrganization(await inOrg(deps.database, scopeOf(request), (tx) => org.updateOrganization(tx, actorOf(request).organizationId, request.body))),

      updateSettings: async (request) =>
        presentOrganization(await inOrg(deps.database, scopeOf(request), (tx) => org.updateOrganizationSettings(tx, actorOf(request).organizationId, request.body))),

      // ---- 所属 ----
      departments: async (request) =>
        presentDepartmentList(await inOrg(deps.database, scopeOf(request), (tx) => org.listDepartments(tx, actorOf(request).organizationId, today()))),

      createDepartment: async (request) =>
        presentDepartment(await inOrg(deps.database, scopeOf(request), (tx) => org.createDepartment(tx, actorOf(request).organizationId, request.body, today()))),

      updateDepartment: async (request) =>
        presentDepartment(
          await inOrg(deps.database, scopeOf(request), (tx) => org.updateDepartment(tx, actorOf(request).organizationId, request.params.id, request.body, today())),
        ),

      deleteDepartment: async (request) => {
        await inOrg(deps.database, scopeOf(request), (tx) => org.deleteDepartment(tx, actorOf(request).organizationId, request.params.id));
        return { ok: true as const };
      },

      // ---- 従業者 ----
      people: async (request) =>
        presentPeoplePage(await readInOrg(deps.database, scopeOf(request), (tx) => org.listPeople(tx, actorOf(request).organizationId, request.query, today()))),

      person: async (request) => {
        const actor = actorOf(request);
        const withContact = can(actor, 'people.readContact');
        return inOrg(deps.database, scopeOf(request), async (tx) => {
          const person = await org.getPerson(tx, actor.organizationId, request.params.id);
          // SPEC §3: every read of a personal-data record is recorded (and counts toward the bulk alert).
          if (withContact) await recordPersonalDataAccess(tx, actor, { action: 'read', entityType: 'people', entityId: person.id, rowCount: 1 }, deps.now());
          return presentPerson(person, withContact);
        });
      },

      createPerson: async (request) =>
        presentPerson(await inOrg(deps.database, scopeOf(request), (tx) => org.createPerson(tx, actorOf(request).organizationId, request.body, today())), true),

      updatePerson: async (request) => {
        // An editor who may not read contact details cannot send them: the stored ones are kept.
        const withContact = can(actorOf(request), 'people.readContact');
        return presentPerson(
          await inOrg(deps.database, scopeOf(request), (tx) =>
            org.updatePerson(tx, actorOf(request).organizationId, request.params.id, request.body, today(), { keepContact: !withContact }),
          ),
          withContact,
        );
      },

      // ---- 役割の割当て ----
      roleAssignments: async (request) =>
        presentRoleAssignmentList(await inOrg(deps.database, scopeOf(request), (tx) => org.listRoleAssignments(tx, actorOf(request).organizationId))),

      // Each change first passes the privilege ordering (issue 11 #2, accounts.service.ts).
      createRoleAssignment: async (request) =>
        presentRoleAssignment(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            await assertMayChangeRoles(tx, actorOf(request), [request.body], today());
            return org.saveRoleAssignment(tx, actorOf(request).organizationId, request.body);
          }),
        ),

      updateRoleAssignment: async (request) =>
        presentRoleAssignment(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            const actor = actorOf(request);
            await assertMayChangeRoles(tx, actor, [...(await roleChangeOf(tx, actor.organizationId, request.params.id)), request.body], today());
            return org.saveRoleAssignment(tx, actor.organizationId, request.body, request.params.id);
          }),
        ),

      deleteRoleAssignment: async (request) => {
        await inOrg(deps.database, scopeOf(request), async (tx) => {
          const actor = actorOf(request);
          await assertMayChangeRoles(tx, actor, await roleChangeOf(tx, actor.organizationId, request.params.id), today());
          await org.deleteRoleAssignment(tx, actor.organizationId, request.params.id);
        });
        return { ok: true as const };
      },

      // ---- アカウント ----
      accounts: async (request) =>
        inOrg(deps.database, scopeOf(request), async (tx) => {
          const actor = actorOf(request);
          const rows = await org.listAccounts(tx, actor.organizationId);
          // Each account with what the caller may do to it (privilege ordering, issue 11 #2).
          return presentAccountList(rows, await abilitiesOnAccounts(tx, actor, rows, today()));
        }),

      createAccount: async (request) =>
        presentAccountCreated(
          await inOrg(deps.database, scopeOf(request), async (tx) => {
            await assertMayCreateAccountFor(tx, actorOf(request), request.body.personId, today());
            return org.createAccount(tx, actorOf(request).organizationId, request.body, today());
          }),
        ),

      updateAccount: async (request) => {
        await inOrg(deps.database, scopeOf(request), (tx) => updateAccount(tx, actorOf(request), request.params.id, request.body, today(), deps.now()));
        return { ok: true as const };
      },
    },
    { tags: ['organization'] },
  );
}
