import { Alert, Card, Table, Typography } from 'antd';
import { RowProblems } from '../../components/ImportReportTable.tsx';
import { useText } from './messages.ts';
import type { RiskReport } from './types.ts';

/**
 * The リスク分析 sheet of a 台帳 workbook in the dry run (issue #12): the columns read as the
 * リスク分析対策表's fields, how many draft 対策表 the import creates, and each row's errors and
 * warnings by the sheet's column. An error here stops the whole import, 台帳 rows included.
 */
export function ImportRiskReport({ risk, onlyErrors }: { risk: RiskReport; onlyErrors: boolean }) {
  const tx = useText();
  const errorRows = risk.rows.filter((r) => r.errors.length > 0).length;
  const rows = onlyErrors ? risk.rows.filter((r) => r.errors.length > 0 || r.warnings.length > 0) : risk.rows;
  return (
    <Card size="small" type="inner" title={tx('imp.risk.title', { sheet: risk.sheet, headerRow: risk.headerRow })} style={{ marginBottom: 12 }} data-testid="import-risk">
      <Alert
        type={errorRows > 0 ? 'warning' : 'success'}
        showIcon
        title={tx('imp.risk.summary', { total: risk.total, valid: risk.valid, assessments: risk.assessments, records: risk.records })}
        description={errorRows > 0 ? tx('imp.risk.hasErrors') : undefined}
        style={{ marginBottom: 8 }}
        data-testid="import-risk-summary"
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {tx('imp.risk.columns')}: {risk.columns.map((c) => (c.heading === c.field ? c.heading : `${c.heading} → ${c.field}`)).join('、')}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="row"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
        columns={[
          { title: tx('imp.row'), dataIndex: 'row', width: 64, align: 'right' },
          { title: tx('imp.risk.entries'), dataIndex: 'entries', width: 200, render: (e: string[]) => e.join('、') },
          { title: tx('imp.risk.risk'), dataIndex: 'risk', width: 240 },
          {
            title: tx('imp.errors'),
            dataIndex: 'errors',
            render: (errors: RiskReport['rows'][number]['errors'], r: RiskReport['rows'][number]) => <RowProblems errors={errors} warnings={r.warnings} />,
          },
        ]}
      />
    </Card>
  );
}
