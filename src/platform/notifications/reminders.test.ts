import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../tests/support/app.ts';
import { accounts } from '../auth/auth.tables.ts';
import { type Database, openDatabase } from '../db/connection.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import type { Deps } from '../http/types.ts';
import { departments, people } from '../org/org.tables.ts';
import { reminderDeliveries, tasks } from '../tasks/tasks.tables.ts';
import { createMailer, type MailMessage } from './mailer.ts';
import { notifications } from './notifications.tables.ts';
import { notifyAccounts } from './notify.ts';
import { runReminderJobs, sendTaskReminders } from './reminders.ts';

// E-mail reminders against a real local SMTP sink (smtp-server on 127.0.0.1), run by two
// "instances" at once: on PostgreSQL two separate connection pools to the same database, on
// PGlite twice through the one handle it allows. Each reminder must arrive exactly once.

type Received = { to: string[]; subject: string; text: string };

/** Decodes RFC 2047 words (=?UTF-8?B?…?= / Q) and a quoted-printable or base64 body, enough for nodemailer's output. */
function decodeMessage(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const words = (s: string) =>
    s.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
  const subject = words(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '').trim();
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(unfolded)?.[1]?.trim().toLowerCase();
  let body = rest.join('\n\n');
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable')
    body = Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return { subject, text: body };
}

let t: TestApp;
let sink: SMTPServer;
let port: number;
const received: Received[] = [];
let second: Database | null = null;
const taskIds: Record<string, string> = {};

function depsOn(database: Database): Deps {
  return {
    ...t.deps,
    database,
    mailer: createMailer(`smtp://127.0.0.1:${port}`, 'Mamori <no-reply@mamori.local>'),
  };
}

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    // A plaintext local sink: no STARTTLS offered, so the client never tries TLS.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const message = decodeMessage(Buffer.concat(chunks).toString('utf8'));
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          ...message,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  port = (sink.server.address() as AddressInfo).port;

  t = await buildTestApp();
  await asSystem(t.database, (tx) => tx.delete(tasks));
  t.clock.set('2026-11-20T08:00:00+09:00');
  const org = t.demoOrganizationId;
  await inOrg(t.database, { organizationId: org }, async (tx) => {
    const person = Object.fromEntries((await tx.select().from(people)).map((p) => [p.name, p.id]));
    // 田中 has no e-mail on file: the reminder falls back to her login id.
    await tx
      .update(people)
      .set({ email: null })
      .where(eq(people.id, person['田中 美咲'] as string));
    const add = async (key: string, v: Partial<typeof tasks.$inferInsert> & { dueOn: string }) => {
      const [row] = await tx
        .insert(tasks)
        .values({ organizationId: org, title: `リマインド試験 ${key}`, ...v })
        .returning();
      taskIds[key] = row?.id ?? '';
    };
    await add('dueSoon', { ownerRole: 'pms_manager', dueOn: '2026-11-25' });
    await add('overdue', {
      ownerPersonId: person['渡辺 さくら'],
      dueOn: '2026-11-18',
    });
    await add('later', { ownerRole: 'pms_manager', dueOn: '2026-12-20' });
    await add('noAccount', {
      ownerPersonId: person['小林 翔'],
      dueOn: '2026-11-21',
    });
    await add('done', {
      ownerRole: 'pms_manager',
      dueOn: '2026-11-22',
      status: 'done',
      evidenceNote: '済',
    });
    await add('fallback', {
      ownerRole: 'department_head',
      departmentId: (await tx.select({ id: departments.id }).from(departments).where(eq(departments.name, '営業部')))[0]?.id ?? null,
      dueOn: '2026-11-27',
    });
    const [top] = await tx.select().from(accounts).where(eq(accounts.loginId, 'top@demo.mamori.local'));
    await notifyAccounts(tx, org, [top?.id ?? ''], {
      kind: 'incident_deadline',
      title: '漏えい等報告の速報期限が近づいています',
      body: '個人情報保護委員会への速報',
      link: '/incidents/1',
      urgent: true,
    });
    // Already e-mailed urgent notifications and non-urgent ones are not sent.
    await notifyAccounts(tx, org, [top?.id ?? ''], {
      kind: 'info',
      title: '通常の通知',
      urgent: false,
    });
  });
  if (t.database.kind === 'postgres') {
    // A second "app instance": its own pool to the same PostgreSQL database.
    const url = (
      (t.database.db as unknown as { $client: pg.Pool }).$client.options as {
        connectionString: string;
      }
    ).connectionString;
    second = await openDatabase({
      databaseUrl: url,
      dataDir: ':unused:',
      poolSize: 3,
    });
  }
});

afterAll(async () => {
  await second?.close();
  await t.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

const byRecipient = () => {
  const counts: Record<string, number> = {};
  for (const m of received) for (const to of m.to) counts[to] = (counts[to] ?? 0) + 1;
  return counts;
};

describe('メールのリマインダー（SMTP、複数インスタンスでも1通だけ）', () => {
  it('2つのインスタンスが同時に実行しても、リマインダー1件につきメールは1通', async () => {
    const a = depsOn(t.database);
    const b = depsOn(second ?? t.database);
    const results = await Promise.all([runReminderJobs(a), runReminderJobs(b)]);
    // One instance did the work; on PostgreSQL the other found the job lock taken (or nothing left to send).
    expect(results.reduce((n, r) => n + r.tasks.sent + r.urgent.sent, 0)).toBe(4);
    expect(received).toHaveLength(4);
    expect(byRecipient()).toEqual({
      'pms@demo.mamori.local': 1, // due soon (pms_manager)
      'staff@demo.mamori.local': 1, // overdue (named person)
      'sales-head@demo.mamori.local': 1, // due soon, no e-mail on file → login id
      'top@demo.mamori.local': 1, // urgent in-app notification
    });
    // …and once more, one after the other: nothing new.
    await runReminderJobs(a);
    await runReminderJobs(b);
    expect(received).toHaveLength(4);
  });

  it('件名と本文は日本語で、期限・根拠・リンクを含む', () => {
    const soon = received.find((m) => m.to.includes('pms@demo.mamori.local'));
    expect(soon?.subject).toBe('【Mamori】期限が近づいています: リマインド試験 dueSoon（期限 2026/11/25）');
    expect(soon?.text).toContain('佐藤 花子 様');
    expect(soon?.text).toContain(`/tasks/${taskIds.dueSoon}`);
    const overdue = received.find((m) => m.to.includes('staff@demo.mamori.local'));
    expect(overdue?.subject).toContain('期限を過ぎています');
    const urgent = received.find((m) => m.to.includes('top@demo.mamori.local'));
    expect(urgent?.subject).toBe('【Mamori・至急】漏えい等報告の速報期限が近づいています');
    expect(urgent?.text).toContain('/incidents/1');
  });

  it('送信の記録: reminder_deliveries に1行ずつ、緊急通知には emailed_at', async () => {
    const rows = await asSystem(t.database, (tx) => tx.select().from(reminderDeliveries));
    expect(rows.map((r) => `${r.kind}:${r.sentOn}`).sort()).toEqual(['due_soon:2026-11-20', 'due_soon:2026-11-20', 'overdue:2026-11-20']);
    const urgent = await asSystem(t.database, (tx) => tx.select().from(notifications).where(eq(notifications.urgent, true)));
    expect(urgent.every((n) => n.emailedAt !== null)).toBe(true);
  });

  it('翌日: 期限前のリマインドは一度きり、期限切れは1週間おき → 新しいメールなし', async () => {
    t.clock.set('2026-11-21T08:00:00+09:00');
    await runReminderJobs(depsOn(t.database));
    expect(received).toHaveLength(4);
  });

  it('1週間後: 期限を過ぎたタスク（新たに期限切れ1件＋前回から7日の1件）に1通ずつ', async () => {
    t.clock.set('2026-11-27T08:00:00+09:00');
    await Promise.all([runReminderJobs(depsOn(t.database)), runReminderJobs(depsOn(second ?? t.database))]);
    expect(received).toHaveLength(6);
    const latest = received.slice(4);
    expect(latest.map((m) => m.to[0]).sort()).toEqual(['pms@demo.mamori.local', 'staff@demo.mamori.local']);
    expect(latest.every((m) => m.subject.includes('期限を過ぎています'))).toBe(true);
  });
});

describe('送信に失敗したリマインダーは次回に再送される', () => {
  it('メール送信が失敗すると記録は残らず、次の実行で1通だけ届く', async () => {
    t.clock.set('2026-11-28T08:00:00+09:00');
    const [task] = await inOrg(t.database, { organizationId: t.demoOrganizationId }, async (tx) => {
      const [top] = await tx.select().from(accounts).where(eq(accounts.loginId, 'top@demo.mamori.local'));
      return tx
        .insert(tasks)
        .values({
          organizationId: t.demoOrganizationId,
          title: '送信失敗の試験',
          ownerPersonId: top?.personId,
          dueOn: '2026-11-29',
        })
        .returning();
    });
    const sent: MailMessage[] = [];
    let fail = true;
    const flaky: Deps = {
      ...t.deps,
      mailer: {
        enabled: true,
        send: async (m) => {
          if (fail) throw new Error('SMTP 接続エラー');
          sent.push(m);
        },
      },
    };
    const first = await sendTaskReminders(flaky);
    expect(first.sent).toBe(0);
    const none = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(reminderDeliveries)
        .where(eq(reminderDeliveries.taskId, task?.id ?? '')),
    );
    expect(none).toEqual([]);
    fail = false;
    await sendTaskReminders(flaky);
    await sendTaskReminders(flaky);
    // (The other e-mail of these runs is the 11-27 task turning overdue today.)
    expect(sent.map((m) => m.subject).filter((s) => s.includes('送信失敗の試験'))).toEqual(['【Mamori】期限が近づいています: 送信失敗の試験（期限 2026/11/29）']);
  });

  it('SMTP 未設定（メーラー無効）のときは何も記録しない', async () => {
    const r = await sendTaskReminders({
      ...t.deps,
      mailer: { enabled: false, send: async () => undefined },
    });
    expect(r).toEqual({ skipped: true, sent: 0 });
  });
});
