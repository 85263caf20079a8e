import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Spin, Typography } from 'antd';
import { Fragment, useMemo } from 'react';
import { isUnavailable, optionalList, queryKeys } from '../../api/queries.ts';
import type { RoleAssignment } from '../../api/types.ts';
import { QueryError } from '../../components/page.tsx';
import { useLabels, useT } from '../../i18n/index.tsx';
import { todayInJapan } from '../../lib/dates.ts';

export type ChartNode = { key: string; label: string; people: string[]; children: ChartNode[] };

type Labels = ReturnType<typeof useLabels> & { vacant: string };

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function personName(p: unknown): string | null {
  if (typeof p === 'string') return p;
  const r = asRecord(p);
  if (!r) return null;
  const name = typeof r.name === 'string' ? r.name : typeof r.personName === 'string' ? r.personName : null;
  if (!name) return null;
  const dept = typeof r.departmentName === 'string' && r.departmentName ? `（${r.departmentName}）` : '';
  return `${name}${dept}`;
}

/**
 * Reads GET /api/org-chart defensively: a tree or a list of `{ role, label, people: [{ name }],
 * children? }`, possibly wrapped (`{ items }`, `{ nodes }`, `{ roles }`, `{ root }`).
 */
export function normalizeChart(raw: unknown, labels: Labels, path = 'n'): ChartNode[] {
  if (Array.isArray(raw)) return raw.flatMap((x, i) => normalizeNode(x, labels, `${path}.${i}`));
  const r = asRecord(raw);
  if (!r) return [];
  for (const key of ['items', 'nodes', 'roles', 'chart', 'tree']) if (Array.isArray(r[key]) || asRecord(r[key])) return normalizeChart(r[key], labels, path);
  if (r.root) return normalizeChart([r.root], labels, path);
  return normalizeNode(r, labels, path);
}

function holderNames(value: unknown, withDepartment: boolean): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((p) => {
      if (!withDepartment) {
        const r = asRecord(p);
        return typeof p === 'string' ? p : r && typeof r.name === 'string' ? r.name : null;
      }
      return personName(p);
    })
    .filter((n): n is string => Boolean(n));
}

function normalizeNode(value: unknown, labels: Labels, key: string): ChartNode[] {
  const r = asRecord(value);
  if (!r) return [];
  const role = typeof r.role === 'string' ? r.role : null;
  const label = typeof r.label === 'string' ? r.label : typeof r.title === 'string' ? r.title : role ? labels.role(role) : typeof r.name === 'string' ? r.name : '';
  const rawPeople = Array.isArray(r.people) ? r.people : Array.isArray(r.holders) ? r.holders : Array.isArray(r.members) ? r.members : Array.isArray(r.persons) ? r.persons : [];
  const people = holderNames(rawPeople, true);
  // A department box lists its roles: 「所属長: 田中 美咲」.
  if (Array.isArray(r.roles)) {
    for (const sub of r.roles) {
      const s = asRecord(sub);
      if (!s) continue;
      const subLabel = typeof s.title === 'string' ? s.title : typeof s.label === 'string' ? s.label : typeof s.role === 'string' ? labels.role(s.role) : '';
      const names = holderNames(s.holders ?? s.people, false);
      people.push(`${subLabel}: ${names.length ? names.join('、') : labels.vacant}`);
    }
  }
  const children = r.children ? normalizeChart(r.children, labels, key) : [];
  if (!label && people.length === 0 && children.length === 0) return [];
  const id = typeof r.id === 'string' ? r.id : `${role ?? label}`;
  return [{ key: `${key}:${id}`, label, people, children }];
}

/**
 * The J.2.3.1 structure built from the role assignments in force, used while the server's
 * /api/org-chart is not available: トップマネジメント over 個人情報保護管理者 (with the desk,
 * security and department roles) and 個人情報保護監査責任者 (with the auditors).
 */
export function chartFromAssignments(assignments: readonly RoleAssignment[], labels: Labels): ChartNode[] {
  const today = todayInJapan();
  const current = assignments.filter((a) => a.startsOn <= today && (!a.endsOn || a.endsOn >= today));
  const node = (role: string, children: ChartNode[] = []): ChartNode => ({
    key: role,
    label: labels.role(role),
    people: current.filter((a) => a.role === role).map((a) => (a.departmentName ? `${a.personName}（${a.departmentName}）` : a.personName)),
    children,
  });
  const present = (n: ChartNode) => n.people.length > 0 || n.children.length > 0;
  const managerChildren = ['complaints_manager', 'security_manager', 'mynumber_manager', 'department_head', 'handling_manager', 'info_manager'].map((r) => node(r)).filter(present);
  const auditChildren = [node('auditor')].filter(present);
  return [node('top_management', [node('pms_manager', managerChildren), node('audit_manager', auditChildren)])];
}

function Box({ node }: { node: ChartNode }) {
  const t = useT();
  return (
    <div className="mm-chart-box" data-testid="chart-box">
      <div className="mm-chart-box-role">{node.label}</div>
      <div className="mm-chart-box-people">
        {node.people.length ? (
          node.people.map((p) => <div key={p}>{p}</div>)
        ) : (
          <Typography.Text type="secondary">{t('roles.vacant')}</Typography.Text>
        )}
      </div>
    </div>
  );
}

function Branch({ node }: { node: ChartNode }) {
  return (
    <div className="mm-chart-node">
      <Box node={node} />
      {node.children.length ? (
        <>
          <div className="mm-chart-vline" />
          <div className="mm-chart-children">
            {node.children.map((c) => (
              <Branch key={c.key} node={c} />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}

export function ChartView({ nodes }: { nodes: ChartNode[] }) {
  const hierarchical = nodes.some((n) => n.children.length > 0);
  if (!hierarchical) {
    return (
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, justifyContent: 'center', padding: 16 }}>
        {nodes.map((n) => (
          <Box key={n.key} node={n} />
        ))}
      </div>
    );
  }
  return (
    <div className="mm-chart">
      <div className="mm-chart-inner">
        <div className="mm-chart-level">
          {nodes.map((n) => (
            <Fragment key={n.key}>
              <Branch node={n} />
            </Fragment>
          ))}
        </div>
      </div>
    </div>
  );
}

/** 体制図 (J.2.3.1): GET /api/org-chart as boxes per role, with the PDF export. */
export function OrgChart({ assignments }: { assignments: readonly RoleAssignment[] }) {
  const t = useT();
  const baseLabels = useLabels();
  const labels = useMemo(() => ({ ...baseLabels, vacant: t('roles.vacant') }), [baseLabels, t]);
  const chart = useQuery({ queryKey: queryKeys.orgChart, queryFn: () => optionalList<unknown>('/api/org-chart') });
  const fromServer = chart.data !== undefined && !isUnavailable(chart.data);
  const nodes = fromServer ? normalizeChart(chart.data, labels) : chart.data ? chartFromAssignments(assignments, labels) : [];
  return (
    <Card
      title={t('roles.chartLead')}
      extra={
        <Button icon={<FilePdfOutlined />} href="/api/org-chart.pdf" target="_blank" rel="noopener" data-testid="org-chart-pdf">
          {t('roles.chartPdf')}
        </Button>
      }
    >
      {chart.isError ? <QueryError error={chart.error} onRetry={() => chart.refetch()} /> : null}
      {chart.data && !fromServer ? <Alert type="info" showIcon title={t('roles.chartFallback')} style={{ marginBottom: 12 }} /> : null}
      {chart.isPending ? <Spin /> : nodes.length ? <ChartView nodes={nodes} /> : <Empty description={t('roles.chartEmpty')} />}
    </Card>
  );
}
