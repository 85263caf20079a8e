import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Spin, Typography } from 'antd';
import { Fragment } from 'react';
import { exportsContract } from '../../../../src/platform/exports/exports.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api } from '../../api/client.ts';
import { pathOf, queryKeys } from '../../api/queries.ts';
import { QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';

/** GET /api/org-chart, and one box of it as the server sends it. */
type OrgChartResponse = ResponseOf<typeof exportsContract.orgChart>;
type ServerChartNode = OrgChartResponse['root'];

/** A box of the chart as drawn: its heading, the lines under it, and its children. */
export type ChartNode = { key: string; label: string; people: string[]; group: boolean; children: ChartNode[] };

/**
 * GET /api/org-chart (J.2.3.1) as boxes: a role box lists its holders (with their department),
 * a department box lists its department roles (「所属長: 田中 美咲」), and the 「各所属」 group
 * box only gathers the departments.
 */
export function toChartNodes(node: ServerChartNode, vacant: string): ChartNode {
  const holders = node.holders.map((h) => (h.departmentName && node.kind === 'role' ? `${h.name}（${h.departmentName}）` : h.name));
  const lines = node.roles.map((r) => `${r.title}: ${r.holders.length ? r.holders.map((h) => h.name).join('、') : vacant}`);
  return {
    key: node.id,
    label: node.title,
    people: [...holders, ...lines],
    group: node.kind === 'departments',
    children: node.children.map((c) => toChartNodes(c, vacant)),
  };
}

function Box({ node }: { node: ChartNode }) {
  const t = useT();
  return (
    <div className="mm-chart-box" data-testid="chart-box">
      <div className="mm-chart-box-role">{node.label}</div>
      {node.group ? null : (
        <div className="mm-chart-box-people">
          {node.people.length ? node.people.map((p) => <div key={p}>{p}</div>) : <Typography.Text type="secondary">{t('roles.vacant')}</Typography.Text>}
        </div>
      )}
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
export function OrgChart() {
  const t = useT();
  const chart = useQuery({ queryKey: queryKeys.orgChart, queryFn: () => api.get<OrgChartResponse>(pathOf(exportsContract.orgChart)) });
  const nodes = chart.data ? [toChartNodes(chart.data.root, t('roles.vacant'))] : [];
  return (
    <Card
      title={t('roles.chartLead')}
      extra={
        <Button icon={<FilePdfOutlined />} href={pathOf(exportsContract.orgChartPdf)} target="_blank" rel="noopener" data-testid="org-chart-pdf">
          {t('roles.chartPdf')}
        </Button>
      }
    >
      {chart.isError ? <QueryError error={chart.error} onRetry={() => chart.refetch()} /> : null}
      {chart.isPending ? <Spin /> : nodes.length ? <ChartView nodes={nodes} /> : <Empty description={t('roles.chartEmpty')} />}
    </Card>
  );
}
