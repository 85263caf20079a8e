import { accounts } from '../../src/platform/auth/auth.tables.ts';
import { hashPassword } from '../../src/platform/auth/hashing.ts';
import { asSystem, inOrg } from '../../src/platform/db/tenancy.ts';
import { DEMO_PASSWORD } from '../../src/platform/demo.ts';
import { organizations, people, roleAssignments } from '../../src/platform/org/org.tables.ts';
import type { Client, TestApp } from './app.ts';

/**
 * Signs in as the 個人情報保護管理者 of a second organization (別組織株式会社, `pms@other.example`),
 * made beside the demo one: the caller of tenancy tests, who must get 404 for the demo
 * organization's records and see none of them in a list.
 */
export async function signInToOtherOrganization(t: TestApp): Promise<Client> {
  const [other] = await asSystem(t.database, (tx) => tx.insert(organizations).values({ name: '別組織株式会社' }).returning());
  if (!other) throw new Error('別組織株式会社 was not created');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inOrg(t.database, { organizationId: other.id }, async (tx) => {
    const [p] = await tx.insert(people).values({ organizationId: other.id, name: '別組織 管理者' }).returning();
    if (!p) throw new Error('別組織 管理者 was not created');
    await tx.insert(roleAssignments).values({ organizationId: other.id, personId: p.id, role: 'pms_manager', startsOn: '2020-01-01' });
    await tx.insert(accounts).values({ organizationId: other.id, personId: p.id, loginId: 'pms@other.example', passwordHash });
  });
  return t.login('pms@other.example');
}
