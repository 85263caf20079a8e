import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/connection.ts';
import { asSystem, inOrg, rowsOf } from '../src/platform/db/tenancy.ts';
import { departments, organizations, people } from '../src/platform/db/schema.ts';

/**
 * Seeds a large organization: `peopleCount` people over 10 departments (through the normal
 * audited write path), then `auditRows` synthetic read events appended to the audit chain
 * with correct hashes (computed here, inserted in bulk), so `audit verify` has real work.
 */
export async function seedLargeOrganization(database: Database, options: { peopleCount: number; auditRows: number; log: (m: string) => void }) {
  const [org] = await asSystem(database, (tx) => tx.insert(organizations).values({ name: 'ベンチマーク株式会社' }).returning());
  if (!org) throw new Error('org insert failed');
  const scope = { organizationId: org.id };
  const deptIds = await inOrg(database, scope, async (tx) => {
    const rows = await tx
      .insert(departments)
      .values(Array.from({ length: 10 }, (_, i) => ({ organizationId: org.id, name: `第${i + 1}営業部`, sortOrder: i })))
      .returning({ id: departments.id });
    return rows.map((r) => r.id);
  });
  const family = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
  const given = ['太郎', '花子', '一郎', '美咲', '健', '直樹', 'さくら', '優', '翔', '陽子'];
  for (let start = 0; start < options.peopleCount; start += 1000) {
    await inOrg(database, scope, (tx) =>
      tx.insert(people).values(
        Array.from({ length: Math.min(1000, options.peopleCount - start) }, (_, j) => {
          const i = start + j;
          return {
            organizationId: org.id,
            name: `${family[i % 10]} ${given[Math.floor(i / 10) % 10]}${i}`,
            employeeNumber: `B${String(i).padStart(6, '0')}`,
            departmentId: deptIds[i % 10] ?? null,
            employmentType: 'employee' as const,
            joinedOn: '2020-04-01',
            email: `person${i}@bench.example`,
          };
        }),
      ),
    );
  }
  options.log(`seeded ${options.peopleCount} people`);
  const [last] = await asSystem(database, async (tx) =>
    rowsOf<{ seq: string; hash: string }>(
      await tx.execute(sql`select chain_seq::text as seq, hash from audit_log where organization_id = ${org.id} order by audit_log.chain_seq desc limit 1`),
    ),
  );
  let prev = last?.hash ?? '';
  let seq = Number(last?.seq ?? 0);
  const personIds = await inOrg(database, scope, async (tx) => (await tx.select({ id: people.id }).from(people).limit(1000)).map((p) => p.id));
  const base = Date.UTC(2026, 0, 1);
  const batch = 5000;
  for (let done = 0; done < options.auditRows; done += batch) {
    const n = Math.min(batch, options.auditRows - done);
    const seqs: number[] = [];
    const entityIds: string[] = [];
    const times: string[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (let k = 0; k < n; k++) {
      seq += 1;
      const entityId = personIds[seq % personIds.length] ?? '';
      const micros = (base + seq * 1000) * 1000;
      const at = `${new Date(Math.floor(micros / 1000)).toISOString().slice(0, 19)}.${String(micros % 1_000_000).padStart(6, '0')}Z`;
      const canonical = `${prev}|${seq}|${org.id}||read|people|${entityId}||||1|${at}`;
      const hash = createHash('sha256').update(canonical, 'utf8').digest('hex');
      seqs.push(seq);
      entityIds.push(entityId);
      times.push(at);
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    }
    await asSystem(database, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
        insert into audit_log (organization_id, chain_seq, action, entity_type, entity_id, row_count, created_at, prev_hash, hash)
        select ${org.id}::uuid, s, 'read', 'people', e, 1, t::timestamptz, p, h
        from unnest(${`{${seqs.join(',')}}`}::bigint[], ${`{${entityIds.join(',')}}`}::text[], ${`{${times.join(',')}}`}::text[], ${`{${prevs.map((x) => `"${x}"`).join(',')}}`}::text[], ${`{${hashes.join(',')}}`}::text[]) as u(s, e, t, p, h)`);
    });
    if ((done / batch) % 40 === 0) options.log(`audit rows ${done + n}/${options.auditRows}`);
  }
  return { organizationId: org.id, departmentIds: deptIds };
}
