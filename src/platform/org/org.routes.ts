import { todayInJapan } from '../../domain/time.ts';
import { z } from 'zod';
import { recordPersonalDataAccess } from '../audit/personalDataAccess.ts';
import { inOrg, readInOrg } from '../db/tenancy.ts';
import { type App, type Deps, actorOf, scopeOf } from '../http/types.ts';
import { can } from '../policies/actor.ts';
import { accountCreateBody, accountUpdateBody, departmentBody, idParams, organizationBody, peopleQuery, personBody, roleAssignmentBody } from './org.schema.ts';
import * as org from './org.service.ts';
import { presentDepartment, presentOrganization, presentPerson, presentRoleAssignment } from './org.presenters.ts';
import { organizationSettingsSchema } from './orgSettings.ts';

const ok = z.object({ ok: z.literal(true) });

/** 組織・所属・従業者・役割・アカウント (SPEC §2). Thin: validate → authorize → one service call → present. */
export function orgRoutes(app: App, deps: Deps): void {
  const today = () => todayInJapan(deps.now());

  app.get('/api/organization', { schema: { tags: ['organization'], summary: '組織情報' }, config: { access: 'org.read' } }, async (request) =>
    presentOrganization(await inOrg(deps.database, scopeOf(request), (tx) => org.getOrganization(tx, actorOf(request).organizationId))),
  );
  app.put('/api/organization', { schema: { tags: ['organization'], summary: '組織情報の更新', body: organizationBody }, config: { access: 'org.manage' } }, async (request) =>
    presentOrganization(await inOrg(deps.database, scopeOf(request), (tx) => org.updateOrganization(tx, actorOf(request).organizationId, request.body))),
  );
  app.put(
    '/api/organization/settings',
    { schema: { tags: ['organization'], summary: 'セキュリティ設定の更新', body: organizationSettingsSchema }, config: { access: 'org.manage' } },
    async (request) => presentOrganization(await inOrg(deps.database, scopeOf(request), (tx) => org.updateOrganizationSettings(tx, actorOf(request).organizationId, request.body))),
  );

  app.get('/api/departments', { schema: { tags: ['organization'], summary: '所属一覧' }, config: { access: 'org.read' } }, async (request) => ({
    items: (await inOrg(deps.database, scopeOf(request), (tx) => org.listDepartments(tx, actorOf(request).organizationId, today()))).map(presentDepartment),
  }));
  app.post(
    '/api/departments',
    { schema: { tags: ['organization'], summary: '所属の追加', body: departmentBody }, config: { access: 'departments.manage' } },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => org.createDepartment(tx, actorOf(request).organizationId, request.body, today()));
      return reply.status(201).send(presentDepartment(row));
    },
  );
  app.put(
    '/api/departments/:id',
    { schema: { tags: ['organization'], summary: '所属の更新', params: idParams, body: departmentBody }, config: { access: 'departments.manage' } },
    async (request) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => org.updateDepartment(tx, actorOf(request).organizationId, request.params.id, request.body, today()));
      return row ? presentDepartment(row) : null;
    },
  );
  app.delete(
    '/api/departments/:id',
    { schema: { tags: ['organization'], summary: '所属の削除', params: idParams, response: { 200: ok } }, config: { access: 'departments.manage' } },
    async (request) => {
      await inOrg(deps.database, scopeOf(request), (tx) => org.deleteDepartment(tx, actorOf(request).organizationId, request.params.id));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/people',
    { schema: { tags: ['people'], summary: '従業者一覧（検索・絞り込み・ページ）', querystring: peopleQuery }, config: { access: 'people.read' } },
    async (request) => readInOrg(deps.database, scopeOf(request), (tx) => org.listPeople(tx, actorOf(request).organizationId, request.query, today())),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags: ['people'], summary: '従業者の詳細（連絡先の閲覧は記録されます）', params: idParams }, config: { access: 'people.read' } },
    async (request) => {
      const actor = actorOf(request);
      const withContact = can(actor, 'people.readContact');
      return inOrg(deps.database, scopeOf(request), async (tx) => {
        const person = await org.getPerson(tx, actor.organizationId, request.params.id);
        // SPEC §3: every read of a personal-data record is recorded (and counts toward the bulk alert).
        if (withContact) await recordPersonalDataAccess(tx, actor, { action: 'read', entityType: 'people', entityId: person.id, rowCount: 1 }, deps.now());
        return presentPerson(person, withContact);
      });
    },
  );
  app.post('/api/people', { schema: { tags: ['people'], summary: '従業者の追加', body: personBody }, config: { access: 'people.manage' } }, async (request, reply) => {
    const row = await inOrg(deps.database, scopeOf(request), (tx) => org.createPerson(tx, actorOf(request).organizationId, request.body, today()));
    return reply.status(201).send(presentPerson(row, true));
  });
  app.put(
    '/api/people/:id',
    { schema: { tags: ['people'], summary: '従業者の更新（退職日の登録でアカウントは直ちに無効化）', params: idParams, body: personBody }, config: { access: 'people.manage' } },
    async (request) =>
      presentPerson(
        await inOrg(deps.database, scopeOf(request), (tx) =>
          org.updatePerson(tx, actorOf(request).organizationId, request.params.id, request.body, today(), { keepContact: !can(actorOf(request), 'people.readContact') }),
        ),
        can(actorOf(request), 'people.readContact'),
      ),
  );

  app.get('/api/role-assignments', { schema: { tags: ['roles'], summary: '役割の割当て一覧' }, config: { access: 'org.read' } }, async (request) => ({
    items: await inOrg(deps.database, scopeOf(request), (tx) => org.listRoleAssignments(tx, actorOf(request).organizationId)),
  }));
  app.post(
    '/api/role-assignments',
    { schema: { tags: ['roles'], summary: '役割の割当て（職務分離の規則を適用）', body: roleAssignmentBody }, config: { access: 'roles.manage' } },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => org.saveRoleAssignment(tx, actorOf(request).organizationId, request.body));
      return reply.status(201).send(row ? presentRoleAssignment(row) : null);
    },
  );
  app.put(
    '/api/role-assignments/:id',
    { schema: { tags: ['roles'], summary: '役割の割当ての変更', params: idParams, body: roleAssignmentBody }, config: { access: 'roles.manage' } },
    async (request) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => org.saveRoleAssignment(tx, actorOf(request).organizationId, request.body, request.params.id));
      return row ? presentRoleAssignment(row) : null;
    },
  );
  app.delete(
    '/api/role-assignments/:id',
    { schema: { tags: ['roles'], summary: '役割の割当ての削除', params: idParams, response: { 200: ok } }, config: { access: 'roles.manage' } },
    async (request) => {
      await inOrg(deps.database, scopeOf(request), (tx) => org.deleteRoleAssignment(tx, actorOf(request).organizationId, request.params.id));
      return { ok: true as const };
    },
  );

  app.get('/api/accounts', { schema: { tags: ['accounts'], summary: 'アカウント一覧' }, config: { access: 'accounts.manage' } }, async (request) => ({
    items: await inOrg(deps.database, scopeOf(request), (tx) => org.listAccounts(tx, actorOf(request).organizationId)),
  }));
  app.post(
    '/api/accounts',
    { schema: { tags: ['accounts'], summary: 'アカウントの作成', body: accountCreateBody }, config: { access: 'accounts.manage' } },
    async (request, reply) => {
      const row = await inOrg(deps.database, scopeOf(request), (tx) => org.createAccount(tx, actorOf(request).organizationId, request.body, today()));
      return reply.status(201).send(row);
    },
  );
  app.patch(
    '/api/accounts/:id',
    {
      schema: { tags: ['accounts'], summary: 'アカウントの無効化・ロック解除・パスワード再設定', params: idParams, body: accountUpdateBody, response: { 200: ok } },
      config: { access: 'accounts.manage' },
    },
    async (request) => {
      await inOrg(deps.database, scopeOf(request), (tx) => org.updateAccount(tx, actorOf(request).organizationId, request.params.id, request.body));
      return { ok: true as const };
    },
  );
}
