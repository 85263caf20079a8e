import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../../tests/support/app.ts';
import { accounts } from '../auth/auth.tables.ts';
import { hashPassword } from '../auth/hashing.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import { organizations, people } from '../org/org.tables.ts';
import { notifications } from './notifications.tables.ts';
import { notifyAccounts } from './notify.ts';

let t: TestApp;
let pms: Client;
let staff: Client;
const account: Record<string, string> = {};
let otherOrgNotificationId: string;

async function notify(loginId: string, title: string, urgent = false) {
  return inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
    notifyAccounts(tx, t.demoOrganizationId, [account[loginId] as string], {
      kind: 'test',
      title,
      urgent,
      link: '/tasks',
    }),
  );
}

beforeAll(async () => {
  t = await buildTestApp();
  await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
    for (const a of await tx.select().from(accounts)) account[a.loginId] = a.id;
  });
  // staff@ starts from an empty inbox: the demo's own notifications to it (its 方針の周知 task, J.2.2 3) are not this test's.
  await asSystem(t.database, (tx) => tx.delete(notifications).where(eq(notifications.accountId, account['staff@demo.mamori.local'] as string)));
  const [org] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '別組織株式会社' }).returning());
  if (!org) throw new Error('org');
  otherOrgNotificationId = await inOrg(t.database, { organizationId: org.id }, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: org.id, name: '他社 一郎' }).returning();
    const [a] = await tx
      .insert(accounts)
      .values({
        organizationId: org.id,
        personId: p?.id ?? '',
        loginId: 'ichiro@other.example',
        passwordHash: await hashPassword('Other-pass1!'),
      })
      .returning();
    await notifyAccounts(tx, org.id, [a?.id ?? ''], {
      kind: 'test',
      title: '他社の通知',
    });
    const [n] = await tx.select().from(notifications);
    return n?.id ?? '';
  });
  pms = await t.login('pms@demo.mamori.local');
  staff = await t.login('staff@demo.mamori.local');
  await notify('staff@demo.mamori.local', '渡辺さんへの通知1');
  await notify('staff@demo.mamori.local', '渡辺さんへの通知2', true);
});
afterAll(() => t.close());

describe('通知 /api/notifications（自分の分だけ）', () => {
  it('自分の通知と未読件数だけが返る（他人・他組織の通知は出ない）', async () => {
    const r = await staff.get('/api/notifications');
    expect(r.status).toBe(200);
    expect(r.body.items.map((n: { title: string }) => n.title)).toEqual(['渡辺さんへの通知2', '渡辺さんへの通知1']);
    expect(r.body.unreadCount).toBe(2);
    expect(r.body.items[0]).toMatchObject({
      urgent: true,
      readAt: null,
      link: '/tasks',
      kind: 'test',
    });
    const p = await pms.get('/api/notifications');
    expect(p.body.items.map((n: { title: string }) => n.title)).not.toContain('渡辺さんへの通知1');
    expect(p.body.items.map((n: { title: string }) => n.title)).not.toContain('他社の通知');
  });

  it('既読にすると unread=1 の一覧から消え、未読件数が減る', async () => {
    const [first] = (await staff.get('/api/notifications')).body.items;
    expect((await staff.request('POST', `/api/notifications/${first!.id}/read`)).status).toBe(200);
    const unread = await staff.get('/api/notifications?unread=1');
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(first!.id);
    expect(unread.body.unreadCount).toBe(1);
    // Reading again changes nothing.
    expect((await staff.request('POST', `/api/notifications/${first!.id}/read`)).status).toBe(200);
  });

  it('他人の通知・他組織の通知を既読にしようとすると 404、不正な id は 400', async () => {
    const [mine] = (await staff.get('/api/notifications?unread=1')).body.items;
    expect((await pms.request('POST', `/api/notifications/${mine!.id}/read`)).status).toBe(404);
    expect((await pms.request('POST', `/api/notifications/${otherOrgNotificationId}/read`)).status).toBe(404);
    expect((await pms.request('POST', '/api/notifications/not-a-uuid/read')).status).toBe(400);
    const [row] = await inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) => tx.select().from(notifications).where(eq(notifications.id, mine!.id)));
    expect(row?.readAt).toBeNull();
  });

  it('すべて既読は自分の分だけ', async () => {
    const pmsUnreadBefore = (await pms.get('/api/notifications?unread=1')).body.unreadCount;
    expect(pmsUnreadBefore).toBeGreaterThan(0);
    const r = await staff.request('POST', '/api/notifications/read-all');
    expect(r.body).toEqual({ ok: true, count: 1 });
    expect((await staff.get('/api/notifications?unread=1')).body.unreadCount).toBe(0);
    expect((await pms.get('/api/notifications?unread=1')).body.unreadCount).toBe(pmsUnreadBefore);
    const [other] = await inOrg(
      t.database,
      {
        organizationId: (await asSystem(t.database, (tx) => tx.select().from(organizations).where(eq(organizations.name, '別組織株式会社'))))[0]?.id ?? '',
      },
      (tx) => tx.select().from(notifications),
    );
    expect(other?.readAt).toBeNull();
  });

  it('同じ dedupeKey の通知は二重に作られない', async () => {
    const once = () =>
      inOrg(t.database, { organizationId: t.demoOrganizationId }, (tx) =>
        notifyAccounts(tx, t.demoOrganizationId, [account['staff@demo.mamori.local'] as string], { kind: 'test', title: '一度だけ', dedupeKey: 'test:once' }),
      );
    expect(await once()).toBe(1);
    expect(await once()).toBe(0);
  });
});
