import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Space, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ImportColumnMapping } from '../../components/ImportColumnMapping.tsx';
import { ImportFileChooser } from '../../components/ImportFileChooser.tsx';
import { ImportProgressBar } from '../../components/ImportProgressBar.tsx';
import { ImportReportTable } from '../../components/ImportReportTable.tsx';
import { ImportSheetPicker } from '../../components/ImportSheetPicker.tsx';
import { ImportValueMapping } from '../../components/ImportValueMapping.tsx';
import { NumberInput } from '../../components/form.tsx';
import { useRegisterImport } from '../../components/useRegisterImport.ts';
import { PageHeader, RequirePermission } from '../../components/page.tsx';
import { ImportRiskReport } from './ImportRiskReport.tsx';
import { useText } from './messages.ts';
import type { RiskReport } from './types.ts';

/**
 * Excel台帳の取込 (SPEC §3 Imports) on the one import pipeline (/api/imports/inventory, issue #12),
 * with the steps every register's import shares (src/components/Import*.tsx): read the file (a
 * header row may be typed, or clicked in the sheet's preview) → map its columns to the 台帳's
 * fields (remembered for the organization when the import is committed) → dry run listing every
 * row's errors, the values to map and — the 台帳's own part — the リスク分析 sheet → import, all or
 * nothing, with its progress.
 */
function ImportScreen() {
  const tx = useText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const run = useRegisterImport('inventory');
  const { file, inspected, report, choice, busy, progress, error } = run;
  // The header row as typed (null: 自動, the server finds it); shows the row read once the file is read.
  // Text that does not read as a row number (「２行目」 reads as 2) stays, with the reason, and is not sent.
  const [headerRow, setHeaderRow] = useState<number | string | null>(null);
  const headerRowRefused = typeof headerRow === 'string';
  useEffect(() => setHeaderRow(inspected?.headerRow ?? null), [inspected]);
  const [onlyErrors, setOnlyErrors] = useState(true);

  /** 読み込む: the file read (again) with the header row typed, on the sheet read so far. */
  const read = () => {
    if (typeof headerRow === 'string') return;
    void run.inspect({ ...choice, sheet: inspected?.sheet.name ?? choice.sheet, headerRow });
  };
  const send = async (dryRun: boolean) => {
    const result = await run.send(dryRun);
    if (!result || dryRun) return;
    message.success(tx('imp.done', { n: result.created }));
    void queryClient.invalidateQueries({ queryKey: ['inventory'] });
    navigate('/inventory');
  };
  const risk = (report?.companion ?? null) as unknown as RiskReport | null;
  const step = report && !report.dryRun ? 3 : report ? 2 : inspected ? 1 : 0;
  // An error on the リスク分析 sheet stops the whole import too (issue #12).
  const errorRows = report ? report.rows.filter((r) => r.errors.length > 0).length + (risk?.rows.filter((r) => r.errors.length > 0).length ?? 0) : 0;
  return (
    <>
      <PageHeader title={tx('imp.title')} lead={tx('imp.lead')} />
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: tx('imp.step.file') }, { title: tx('imp.step.mapping') }, { title: tx('imp.step.dryRun') }, { title: tx('imp.step.done') }]}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error" /> : null}
      {progress && (busy === 'dry' || busy === 'run') ? <ImportProgressBar progress={progress} dryRun={busy === 'dry'} /> : null}
      <Card title={tx('imp.step.file')} style={{ marginBottom: 16 }}>
        <Space wrap>
          <ImportFileChooser session={run} label={tx('imp.choose')} readAtOnce={false} />
          <span>{tx('imp.headerRow')}</span>
          <NumberInput
            label="見出しの行"
            unit="行目"
            min={1}
            max={20}
            value={headerRow}
            placeholder={tx('imp.headerRowAuto')}
            onChange={setHeaderRow}
            aria-label={tx('imp.headerRow')}
            style={{ width: 120 }}
            data-testid="import-header-row"
          />
          <Button type="primary" disabled={!file || headerRowRefused} loading={busy === 'inspect'} onClick={read} data-testid="import-read">
            {tx('imp.read')}
          </Button>
        </Space>
      </Card>
      {inspected ? (
        <Card title={tx('imp.sheet')} style={{ marginBottom: 16 }}>
          <ImportSheetPicker inspected={inspected} onSheet={run.chooseSheet} onHeaderRow={run.chooseHeaderRow} />
        </Card>
      ) : null}
      {inspected ? (
        <Card title={`${tx('imp.step.mapping')}（${inspected.sheet.name}・${inspected.rowCount}行）`} style={{ marginBottom: 16 }} data-testid="import-mapping">
          <ImportColumnMapping session={run} />
          <Space style={{ marginTop: 12 }} wrap>
            <Button
              type="primary"
              loading={busy === 'dry'}
              disabled={busy !== null || inspected.missingColumns.length > 0 || inspected.columnProblems.length > 0}
              onClick={() => send(true)}
              data-testid="import-dry-run"
            >
              {tx('imp.dryRun')}
            </Button>
          </Space>
        </Card>
      ) : null}
      {report && inspected ? (
        <Card title={tx('imp.step.dryRun')} style={{ marginBottom: 16 }}>
          <Alert
            type={errorRows > 0 ? 'warning' : 'success'}
            showIcon
            title={tx('imp.summary', { total: report.total, valid: report.valid })}
            description={errorRows > 0 ? tx('imp.hasErrors') : report.ignoredColumns.length ? tx('imp.ignored', { columns: report.ignoredColumns.join('、') }) : undefined}
            style={{ marginBottom: 12 }}
            data-testid="import-summary"
          />
          <ImportValueMapping session={run} onRecheck={() => void send(true)} />
          {risk ? <ImportRiskReport risk={risk} onlyErrors={onlyErrors} /> : null}
          <Space style={{ marginBottom: 8 }}>
            <Checkbox checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)}>
              {tx('imp.onlyErrors')}
            </Checkbox>
            <Button
              type="primary"
              disabled={errorRows > 0 || report.valid === 0 || busy !== null}
              loading={busy === 'run'}
              onClick={() => send(false)}
              data-testid="import-execute"
            >
              {tx('imp.execute')}
            </Button>
          </Space>
          <ImportReportTable report={report} onlyProblems={onlyErrors} />
        </Card>
      ) : null}
    </>
  );
}

export default function ImportPage() {
  return (
    <RequirePermission permission="inventory.manage">
      <ImportScreen />
    </RequirePermission>
  );
}
