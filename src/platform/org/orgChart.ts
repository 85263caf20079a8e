import { and, asc, eq, gt, gte, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import { notFound } from '../http/errors.ts';
import { departments, organizations, people, roleAssignments } from './org.tables.ts';
import { type OrganizationProfile, type PmsRole, roleLabels } from '../../domain/roles.ts';

// 体制図 (J.2.3.1: トップマネジメントは PMS の役割・責任・権限を割り当て、組織内に伝達する; SPEC §2).
// The chart is built from the role assignments in force on a date, so it is always the
// organization as recorded — never a drawing that drifts from the register.

/** A person holding a role on the chart. */
export type ChartHolder = { personId: string; name: string; departmentName: string | null };

/** One role line inside a department box (所属長：田中 美咲). */
export type ChartRoleLine = { role: PmsRole; title: string; holders: ChartHolder[]; vacant: boolean };

/**
 * A box of the chart: a PMS role (トップマネジメント, 個人情報保護管理者 …), the group of all
 * departments (`departments`, whose children are the department boxes), or one department with
 * its per-department roles.
 */
export type ChartNode = {
  id: string;
  kind: 'role' | 'departments' | 'department';
  title: string;
  role: PmsRole | null;
  departmentId: string | null;
  holders: ChartHolder[];
  /** Department boxes: the per-department roles. Empty for the other kinds. */
  roles: ChartRoleLine[];
  /** A role the standard or guideline requires that nobody holds on the date (shown as 未選任). */
  vacant: boolean;
  children: ChartNode[];
};

export type OrgChart = { organizationName: string; profile: OrganizationProfile; asOf: string; root: ChartNode };

export type OrgChartInput = {
  organizationName: string;
  profile: OrganizationProfile;
  /** The date (YYYY-MM-DD) whose assignments the chart shows. */
  asOf: string;
  departments: { id: string; name: string; parentId: string | null; sortOrder: number }[];
  assignments: { role: PmsRole; personId: string; personName: string; personDepartmentId: string | null; departmentId: string | null; startsOn: string; endsOn: string | null }[];
};

/**
 * Per-department roles shown in each department box, in this order. The first role is the
 * department's responsible person, shown as 未選任 when vacant: 所属長 for a business (J.2.3.1,
 * Setagaya), 保護管理者 for a public body (行政機関等ガイドライン 4-2 (3), Toshima 4-8-2).
 */
const departmentRoles: Record<OrganizationProfile, PmsRole[]> = {
  private: ['department_head', 'handling_manager', 'info_manager', 'protection_manager', 'protection_staff'],
  designated_manager: ['department_head', 'handling_manager', 'info_manager', 'protection_manager', 'protection_staff'],
  public: ['protection_manager', 'protection_staff', 'department_head', 'handling_manager', 'info_manager'],
};

/** The roles a chart must show even when vacant, by profile. */
const requiredRoles: Record<OrganizationProfile, PmsRole[]> = {
  // J.2.3.1 (トップマネジメント・個人情報保護管理者), J.2.3.2 note / J.7.2 (監査責任者), J.10.1 (苦情及び相談への対応).
  private: ['top_management', 'pms_manager', 'audit_manager', 'complaints_manager'],
  designated_manager: ['top_management', 'pms_manager', 'audit_manager', 'complaints_manager'],
  // 行政機関等ガイドライン 4-2: 総括保護管理者, 保護管理者, 監査責任者.
  public: ['general_protection_manager', 'public_audit_manager'],
};

function isActive(a: { startsOn: string; endsOn: string | null }, asOf: string): boolean {
  return a.startsOn <= asOf && (a.endsOn === null || a.endsOn >= asOf);
}

/** Departments in tree order (parents before children, by sort order then name), with a `親 › 子` path title. */
function departmentsInTreeOrder(list: OrgChartInput['departments']): { id: string; title: string }[] {
  const byParent = new Map<string | null, OrgChartInput['departments']>();
  const ids = new Set(list.map((d) => d.id));
  for (const d of list) {
    const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), d]);
  }
  const out: { id: string; title: string }[] = [];
  const visit = (parent: string | null, path: string[], depth: number) => {
    if (depth > 20) return;
    const children = [...(byParent.get(parent) ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ja'));
    for (const d of children) {
      out.push({ id: d.id, title: [...path, d.name].join(' › ') });
      visit(d.id, [...path, d.name], depth + 1);
    }
  };
  visit(null, [], 0);
  return out;
}

/**
 * Builds the 体制図 from the assignments in force on `asOf`. Pure (no I/O): the same input
 * always gives the same chart.
 *
 * Business (`private`, `designated_manager`): トップマネジメント at the top; under it the
 * 個人情報保護監査責任者 (with the 監査員) beside — not under — the 個人情報保護管理者, because the
 * auditor must be independent of the audited PMS (J.2.3.2 note); under the 個人情報保護管理者 the
 * 苦情相談窓口責任者, 情報セキュリティ責任者, the My Number roles and every department with its
 * 所属長・個人情報取扱責任者・個人情報管理者.
 *
 * Public body: 総括保護管理者 at the top (under トップマネジメント when one is assigned); under it
 * the 監査責任者 and every department with its 保護管理者・保護担当者.
 */
export function buildOrgChart(input: OrgChartInput): OrgChart {
  const { profile, asOf } = input;
  const deptName = new Map(input.departments.map((d) => [d.id, d.name]));
  const active = input.assignments.filter((a) => isActive(a, asOf));
  const required = new Set(requiredRoles[profile]);

  const holdersOf = (role: PmsRole, departmentId?: string): ChartHolder[] => {
    const seen = new Set<string>();
    const holders: ChartHolder[] = [];
    for (const a of active) {
      if (a.role !== role || (departmentId !== undefined && a.departmentId !== departmentId) || seen.has(a.personId)) continue;
      seen.add(a.personId);
      holders.push({ personId: a.personId, name: a.personName, departmentName: a.personDepartmentId ? (deptName.get(a.personDepartmentId) ?? null) : null });
    }
    return holders.sort((x, y) => x.name.localeCompare(y.name, 'ja'));
  };
  const roleNode = (role: PmsRole, children: ChartNode[] = []): ChartNode => {
    const holders = holdersOf(role);
    return {
      id: `role:${role}`,
      kind: 'role',
      title: roleLabels[role].ja,
      role,
      departmentId: null,
      holders,
      roles: [],
      vacant: holders.length === 0 && required.has(role),
      children,
    };
  };
  /** Optional roles appear only when someone holds them (or a child does). */
  const optional = (role: PmsRole, children: ChartNode[] = []): ChartNode[] => {
    const node = roleNode(role, children);
    return node.holders.length > 0 || required.has(role) || children.length > 0 ? [node] : [];
  };

  const departmentNodes: ChartNode[] = departmentsInTreeOrder(input.departments).map((d) => {
    const roles = departmentRoles[profile]
      .map((role, i) => {
        const holders = holdersOf(role, d.id);
        return { role, title: roleLabels[role].ja, holders, vacant: i === 0 && holders.length === 0 };
      })
      .filter((line, i) => i === 0 || line.holders.length > 0);
    return { id: `dept:${d.id}`, kind: 'department', title: d.title, role: null, departmentId: d.id, holders: [], roles, vacant: roles[0]?.vacant ?? false, children: [] };
  });
  const departmentsNode: ChartNode[] =
    departmentNodes.length > 0
      ? [{ id: 'departments', kind: 'departments', title: '各所属', role: null, departmentId: null, holders: [], roles: [], vacant: false, children: departmentNodes }]
      : [];

  const myNumber = optional('mynumber_manager', optional('mynumber_staff'));
  const support = [...optional('complaints_manager'), ...optional('security_manager'), ...myNumber];

  let root: ChartNode;
  if (profile === 'public') {
    const general = roleNode('general_protection_manager', [
      ...optional('public_audit_manager', optional('auditor')),
      ...optional('pms_manager'),
      ...optional('audit_manager'),
      ...support,
      ...departmentsNode,
    ]);
    const top = roleNode('top_management', [general]);
    root = top.holders.length > 0 ? top : general;
  } else {
    root = roleNode('top_management', [roleNode('audit_manager', optional('auditor')), roleNode('pms_manager', [...support, ...departmentsNode])]);
  }
  return { organizationName: input.organizationName, profile, asOf, root };
}

/**
 * Loads the organization, its departments and the role assignments in force on `asOf` (of
 * people who have not left by then) and builds the chart.
 */
export async function loadOrgChart(tx: Tx, organizationId: string, asOf: string): Promise<OrgChart> {
  const [org] = await tx.select({ name: organizations.name, profile: organizations.profile }).from(organizations).where(eq(organizations.id, organizationId));
  if (!org) throw notFound('組織');
  const depts = await tx
    .select({ id: departments.id, name: departments.name, parentId: departments.parentId, sortOrder: departments.sortOrder })
    .from(departments)
    .where(eq(departments.organizationId, organizationId))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
  const assignments = await tx
    .select({
      role: roleAssignments.role,
      personId: roleAssignments.personId,
      personName: people.name,
      personDepartmentId: people.departmentId,
      departmentId: roleAssignments.departmentId,
      startsOn: roleAssignments.startsOn,
      endsOn: roleAssignments.endsOn,
    })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.organizationId, organizationId),
        lte(roleAssignments.startsOn, asOf),
        or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, asOf)),
        or(isNull(people.leftOn), gt(people.leftOn, asOf)),
      ),
    );
  return buildOrgChart({ organizationName: org.name, profile: org.profile, asOf, departments: depts, assignments });
}
