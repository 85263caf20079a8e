import { todayInJapan } from '../../domain/time.ts';
import { eq } from 'drizzle-orm';
import { passwordSchema } from '../auth/password.ts';
import { accounts } from '../auth/auth.tables.ts';
import { hashPassword } from '../auth/hashing.ts';

import type { Database } from '../db/connection.ts';
import { asSystem, enterOrg } from '../db/tenancy.ts';
import { organizations, people, roleAssignments } from '../org/org.tables.ts';
import { seedOrganizationDefaults } from '../org/orgDefaults.ts';
import { pmsRoles, type PmsRole } from '../../domain/roles.ts';

/**
 * `mamori user create`: the first account of a new organization (or another account of an
 * existing one), for operators without the web screens yet.
 */
export async function createUser(
  database: Database,
  input: { loginId: string; name: string; organizationName: string | null; role: string | null; password: string },
  now: Date,
): Promise<{ loginId: string; organizationName: string }> {
  const password = passwordSchema.safeParse(input.password);
  if (!password.success) throw new Error(password.error.issues.map((i) => i.message).join(' / '));
  if (input.role && !pmsRoles.includes(input.role as PmsRole)) throw new Error(`役割 ${input.role} は存在しません。指定できる役割: ${pmsRoles.join(', ')}`);
  const loginId = input.loginId.trim().toLowerCase();
  const today = todayInJapan(now);
  const orgName = input.organizationName ?? 'マイ組織';
  const passwordHash = await hashPassword(input.password);
  // One transaction: a failure (a login id already taken, …) leaves no organization without
  // its account behind (issue 11 #8).
  const org = await asSystem(database, async (tx) => {
    const existing = await tx.select().from(organizations).where(eq(organizations.name, orgName));
    const org = existing[0] ?? (await tx.insert(organizations).values({ name: orgName }).returning())[0];
    if (!org) throw new Error('組織を作成できませんでした');
    await enterOrg(tx, { organizationId: org.id });
    const [person] = await tx.insert(people).values({ organizationId: org.id, name: input.name, email: loginId }).returning({ id: people.id });
    if (!person) throw new Error('従業者を作成できませんでした');
    await tx.insert(accounts).values({ organizationId: org.id, personId: person.id, loginId, passwordHash });
    if (input.role) await tx.insert(roleAssignments).values({ organizationId: org.id, personId: person.id, role: input.role as PmsRole, startsOn: today });
    if (!existing[0]) await seedOrganizationDefaults(tx, org.id, today);
    return org;
  });
  return { loginId, organizationName: org.name };
}
