import { todayInJapan } from '../domain/time.ts';
import { eq } from 'drizzle-orm';
import { accounts } from './auth/auth.tables.ts';
import { hashPassword } from './auth/hashing.ts';

import type { Database, Tx } from './db/connection.ts';
import { asSystem, enterOrg } from './db/tenancy.ts';
import { departments, organizations, people, roleAssignments } from './org/org.tables.ts';
import { seedOrganizationDefaults } from './org/orgDefaults.ts';
import { seedDemoApprovals } from './approvals/roleRequests.service.ts';
import { installedModules } from './moduleKit/registry.ts';
import type { EmploymentType, PmsRole } from '../domain/roles.ts';

/** The demo organization's accounts; all share one password (listed in the README). */
export const DEMO_PASSWORD = 'Mamori-demo1!';
export const DEMO_ORGANIZATION = '株式会社まもりデモ';

type DemoPerson = { key: string; name: string; kana: string; dept: string; type: EmploymentType; login?: string; roles: { role: PmsRole; dept?: string }[] };

const demoDepartments = [
  { key: 'mgmt', name: '経営企画室', code: 'D01' },
  { key: 'ga', name: '総務部', code: 'D02' },
  { key: 'sales', name: '営業部', code: 'D03' },
  { key: 'it', name: '情報システム部', code: 'D04' },
  { key: 'audit', name: '内部監査室', code: 'D05' },
] as const;

export const demoPeople: DemoPerson[] = [
  { key: 'top', name: '山田 太郎', kana: 'ヤマダ タロウ', dept: 'mgmt', type: 'officer', login: 'top@demo.mamori.local', roles: [{ role: 'top_management' }] },
  {
    key: 'pms',
    name: '佐藤 花子',
    kana: 'サトウ ハナコ',
    dept: 'ga',
    type: 'employee',
    login: 'pms@demo.mamori.local',
    roles: [{ role: 'pms_manager' }, { role: 'department_head', dept: 'ga' }],
  },
  {
    key: 'auditmgr',
    name: '鈴木 一郎',
    kana: 'スズキ イチロウ',
    dept: 'audit',
    type: 'employee',
    login: 'audit@demo.mamori.local',
    roles: [{ role: 'audit_manager' }, { role: 'department_head', dept: 'audit' }],
  },
  {
    key: 'sec',
    name: '高橋 健',
    kana: 'タカハシ ケン',
    dept: 'it',
    type: 'employee',
    login: 'security@demo.mamori.local',
    roles: [{ role: 'security_manager' }, { role: 'department_head', dept: 'it' }],
  },
  {
    key: 'sales',
    name: '田中 美咲',
    kana: 'タナカ ミサキ',
    dept: 'sales',
    type: 'employee',
    login: 'sales-head@demo.mamori.local',
    roles: [{ role: 'department_head', dept: 'sales' }],
  },
  { key: 'desk', name: '伊藤 直樹', kana: 'イトウ ナオキ', dept: 'ga', type: 'employee', login: 'desk@demo.mamori.local', roles: [{ role: 'complaints_manager' }] },
  { key: 'emp', name: '渡辺 さくら', kana: 'ワタナベ サクラ', dept: 'sales', type: 'employee', login: 'staff@demo.mamori.local', roles: [] },
  { key: 'auditor', name: '中村 優', kana: 'ナカムラ ユウ', dept: 'it', type: 'employee', roles: [{ role: 'auditor' }] },
  { key: 'haken', name: '小林 翔', kana: 'コバヤシ ショウ', dept: 'sales', type: 'dispatched', roles: [] },
  { key: 'contract', name: '加藤 陽子', kana: 'カトウ ヨウコ', dept: 'ga', type: 'contract', roles: [] },
];

/**
 * Seeds the demo organization (once): departments, people of every employment type, the PMS
 * roles and an account for each role, plus the organization defaults. Returns its id.
 */
/** The demo's 委託先 as a Mamori organization of its own: one account, its 個人情報保護管理者 (issue #13 委託先ポータル). */
export const DEMO_CONTRACTOR_ORGANIZATION = '株式会社デモ発送サービス';
export const DEMO_CONTRACTOR_LOGIN = 'vendor@demo.mamori.local';

async function seedDemoContractorOrganization(tx: Tx, passwordHash: string, today: string): Promise<string> {
  const [org] = await tx
    .insert(organizations)
    .values({ name: DEMO_CONTRACTOR_ORGANIZATION, address: '埼玉県さいたま市浦和区1-2-3', representative: '代表取締役 発送 太郎', profile: 'private' })
    .returning();
  if (!org) throw new Error('demo contractor organization insert failed');
  const [person] = await tx
    .insert(people)
    .values({ organizationId: org.id, name: '発送 一郎', employeeNumber: 'H0001', employmentType: 'employee', joinedOn: '2019-04-01', email: DEMO_CONTRACTOR_LOGIN })
    .returning({ id: people.id });
  if (!person) throw new Error('demo contractor person insert failed');
  await tx.insert(roleAssignments).values({ organizationId: org.id, personId: person.id, role: 'pms_manager', startsOn: '2025-04-01' });
  await tx.insert(accounts).values({ organizationId: org.id, personId: person.id, loginId: DEMO_CONTRACTOR_LOGIN, passwordHash });
  await seedOrganizationDefaults(tx, org.id, today);
  return org.id;
}

export async function seedDemo(database: Database, now: Date): Promise<{ organizationId: string; created: boolean }> {
  const existing = await asSystem(database, (tx) => tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, DEMO_ORGANIZATION)));
  if (existing[0]) return { organizationId: existing[0].id, created: false };
  const today = todayInJapan(now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // One transaction: a failure anywhere leaves no half-made organization behind (issue 11 #8).
  return asSystem(database, async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({
        name: DEMO_ORGANIZATION,
        address: '東京都豊島区南池袋1-1-1',
        representative: '代表取締役 山田 太郎',
        profile: 'private',
        privacyMarkNumber: '10000000(01)',
        privacyMarkValidFrom: '2025-04-01',
        privacyMarkValidTo: '2027-03-31',
      })
      .returning();
    if (!org) throw new Error('demo organization insert failed');
    const contractorOrganizationId = await seedDemoContractorOrganization(tx, passwordHash, today);
    await enterOrg(tx, { organizationId: org.id });
    const deptIds = new Map<string, string>();
    for (const [i, d] of demoDepartments.entries()) {
      const [row] = await tx.insert(departments).values({ organizationId: org.id, name: d.name, code: d.code, sortOrder: i }).returning({ id: departments.id });
      if (row) deptIds.set(d.key, row.id);
    }
    for (const [i, p] of demoPeople.entries()) {
      const [person] = await tx
        .insert(people)
        .values({
          organizationId: org.id,
          name: p.name,
          nameKana: p.kana,
          employeeNumber: `E${String(i + 1).padStart(4, '0')}`,
          employmentType: p.type,
          departmentId: deptIds.get(p.dept) ?? null,
          joinedOn: '2020-04-01',
          email: p.login ?? `${p.key}@demo.mamori.local`,
          phone: `03-0000-${String(1000 + i)}`,
        })
        .returning({ id: people.id });
      if (!person) continue;
      for (const r of p.roles) {
        await tx
          .insert(roleAssignments)
          .values({ organizationId: org.id, personId: person.id, role: r.role, departmentId: r.dept ? (deptIds.get(r.dept) ?? null) : null, startsOn: '2025-04-01' });
      }
      if (p.login) await tx.insert(accounts).values({ organizationId: org.id, personId: person.id, loginId: p.login, passwordHash });
    }
    await seedOrganizationDefaults(tx, org.id, today);
    await seedDemoApprovals(tx, org.id, today);
    for (const m of installedModules()) await m.demo?.(tx, { organizationId: org.id, today, now, contractorOrganizationId });

    return { organizationId: org.id, created: true };
  });
}
