import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/verifyChain.ts';
import { auditLog, departments } from '../../src/platform/db/schema.ts';
import { asSystem, inOrg, rowsOf } from '../../src/platform/db/tenancy.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { and, desc, eq } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('監査証跡 (SPEC §3: 追記のみ・ハッシュチェーン)', () => {
  it('書込みは同じトランザクションで変更前・変更後とともに記録される', async () => {
    const scope = { organizationId: t.demoOrganizationId, actorAccountId: null };
    const [dept] = await inOrg(t.database, scope, (tx) => tx.insert(departments).values({ organizationId: t.demoOrganizationId, name: '監査テスト部' }).returning());
    await inOrg(t.database, scope, (tx) => tx.update(departments).set({ name: '監査テスト部（改）' }).where(eq(departments.id, dept!.id)));
    const rows = await inOrg(t.database, scope, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'departments'), eq(auditLog.entityId, dept!.id)))
        .orderBy(auditLog.chainSeq),
    );
    expect(rows.map((r) => r.action)).toEqual(['insert', 'update']);
    expect(rows[1]?.before).toMatchObject({ name: '監査テスト部' });
    expect(rows[1]?.after).toMatchObject({ name: '監査テスト部（改）' });
  });

  it('ロールバックされた変更は監査証跡にも残らない（同一トランザクション）', async () => {
    const scope = { organizationId: t.demoOrganizationId };
    const before = await inOrg(t.database, scope, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(auditLog));
    await expect(
      inOrg(t.database, scope, async (tx) => {
        await tx.insert(departments).values({ organizationId: t.demoOrganizationId, name: 'ロールバック部' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const after = await inOrg(t.database, scope, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(auditLog));
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('アプリケーションロールは監査証跡を変更・削除できない（追記のみ）', async () => {
    const scope = { organizationId: t.demoOrganizationId };
    await expect(inOrg(t.database, scope, (tx) => tx.execute(sql`update audit_log set action = 'x'`))).rejects.toThrow();
    await expect(inOrg(t.database, scope, (tx) => tx.execute(sql`delete from audit_log`))).rejects.toThrow();
    // Even the owner is stopped by the append-only trigger.
    const failure = await asSystem(t.database, (tx) => tx.execute(sql`delete from audit_log`)).then(
      () => null,
      (e: Error) => `${e.message} ${(e.cause as Error | undefined)?.message ?? ''}`,
    );
    expect(failure).toContain('監査証跡は追記のみです');
  });

  it('改ざんのない証跡は検証に合格し、行数を数える', async () => {
    const result = await verifyAuditChain(t.database, { batchSize: 7 });
    expect(result.ok).toBe(true);
    expect(result.rows).toBeGreaterThan(20);
  });

  it('1行を改ざんすると、検証はその行（組織・連番）を指摘する', async () => {
    const [target] = await asSystem(t.database, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, t.demoOrganizationId), eq(auditLog.entityType, 'people')))
        .orderBy(desc(auditLog.chainSeq))
        .limit(1),
    );
    await asSystem(t.database, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_log set after = jsonb_set(after, '{name}', '"改ざん太郎"') where id = ${target!.id}`);
    });
    const result = await verifyAuditChain(t.database);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ organizationId: t.demoOrganizationId, chainSeq: target!.chainSeq, id: target!.id });
    expect(result.firstBreak?.reason).toContain('改ざん');
  });
});

describe('監査証跡: 行の削除', () => {
  it('途中の行を削除すると、欠落した連番を指摘する', async () => {
    const t2 = await buildTestApp();
    try {
      const rows = await asSystem(t2.database, async (tx) =>
        rowsOf<{ id: number; chain_seq: number }>(
          await tx.execute(sql`select id, chain_seq from audit_log where organization_id = ${t2.demoOrganizationId} order by chain_seq limit 3`),
        ),
      );
      const victim = rows[1]!;
      await asSystem(t2.database, async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from audit_log where id = ${victim.id}`);
      });
      const result = await verifyAuditChain(t2.database);
      expect(result.ok).toBe(false);
      expect(result.firstBreak?.chainSeq).toBe(Number(victim.chain_seq) + 1);
      expect(result.firstBreak?.reason).toContain('欠落');
    } finally {
      await t2.close();
    }
  });
});
