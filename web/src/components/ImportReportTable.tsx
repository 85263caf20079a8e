import { Table, Tag } from 'antd';
import { useT } from '../i18n/index.tsx';
import type { RegisterImportReport } from './useRegisterImport.ts';

type Problem = { field: string; message: string };
type Row = RegisterImportReport['rows'][number];

/** A row's errors (red) and warnings (gold), each on the column the user sees. */
export function RowProblems({ errors, warnings = [] }: { errors: readonly Problem[]; warnings?: readonly Problem[] }) {
  return (
    <>
      {errors.map((e) => (
        <div key={`${e.field}:${e.message}`} style={{ color: '#cf1322' }}>
          <Tag color="red">{e.field}</Tag>
          {e.message}
        </div>
      ))}
      {warnings.map((w) => (
        <div key={`w:${w.field}:${w.message}`} style={{ color: '#ad6800' }}>
          <Tag color="gold">{w.field}</Tag>
          {w.message}
        </div>
      ))}
    </>
  );
}

/**
 * Every row of a dry run or import of any register (issue #12): its row number, identifying value
 * and name (the register's own labels), what it will do (新規・更新・エラー) and its errors and
 * warnings. `onlyProblems` shows only the rows with an error or a warning.
 */
export function ImportReportTable({ report, onlyProblems = false, height }: { report: RegisterImportReport; onlyProblems?: boolean; height?: number }) {
  const t = useT();
  const actionLabel = { create: t('import.action.create'), update: t('import.action.update'), error: t('import.action.error') } as const;
  const rows = onlyProblems ? report.rows.filter((r) => r.errors.length > 0 || (r.warnings?.length ?? 0) > 0) : report.rows;
  return (
    <Table
      size="small"
      rowKey="row"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
      scroll={height ? { y: height } : undefined}
      data-testid="import-report"
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 64, align: 'right' },
        { title: report.keyLabel, dataIndex: 'key', width: 140 },
        { title: report.nameLabel, dataIndex: 'name', width: 220 },
        {
          title: t('import.actionTitle'),
          dataIndex: 'action',
          width: 90,
          render: (a: Row['action']) => <Tag color={a === 'error' ? 'error' : a === 'create' ? 'blue' : 'default'}>{actionLabel[a]}</Tag>,
        },
        { title: t('import.errors'), dataIndex: 'errors', render: (errors: Row['errors'], r: Row) => <RowProblems errors={errors} warnings={r.warnings} /> },
      ]}
    />
  );
}
