import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useT } from '../i18n/index.tsx';
import { ImportColumnMapping } from './ImportColumnMapping.tsx';
import { ImportFileChooser } from './ImportFileChooser.tsx';
import { ImportProgressBar } from './ImportProgressBar.tsx';
import { ImportReportTable } from './ImportReportTable.tsx';
import { ImportSheetPicker } from './ImportSheetPicker.tsx';
import { ImportValueMapping } from './ImportValueMapping.tsx';
import { type RegisterImportReport, useRegisterImport } from './useRegisterImport.ts';

/**
 * 取込 of any register on the one import pipeline (issue #12; server: src/platform/imports): upload
 * → the sheet and its header row (every sheet previewed; a click on a row makes it the header) →
 * the columns, each with its field and how it was found, changeable in one click → 確認 (every
 * row's errors; nothing written) → unknown values of reference fields mapped to records → 取込
 * (all or nothing, with its progress). The same dialog for 従業者, 法令規範一覧, 委託先 and the
 * registers to come; the steps are the shared import components the 台帳's page uses too.
 */
export function RegisterImportModal({
  register,
  title,
  onClose,
  onDone,
}: {
  register: string;
  title: string;
  onClose: () => void;
  onDone: (report: RegisterImportReport) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const run = useRegisterImport(register);
  const { file, inspected, report, busy, progress, error } = run;

  const send = async (dryRun: boolean) => {
    const result = await run.send(dryRun);
    if (!result || dryRun) return;
    message.success(t('import.done', { count: result.created + result.updated }));
    onDone(result);
    onClose();
  };

  const blocked = !inspected || inspected.missingColumns.length > 0 || inspected.columnProblems.length > 0;
  const invalid = report ? report.total - report.valid : 0;

  return (
    <Modal
      open
      width={1000}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => send(true)} disabled={blocked || busy !== null} loading={busy === 'dry'} data-testid="import-dry-run">
            {t('import.dryRun')}
          </Button>
          <Button
            type="primary"
            onClick={() => send(false)}
            disabled={!report || report.valid === 0 || invalid > 0 || busy !== null}
            loading={busy === 'run'}
            data-testid="import-execute"
          >
            {t('import.execute')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('import.lead')}</Typography.Paragraph>
      <ImportFileChooser session={run} label={t('import.choose')} readAtOnce />
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="import-error" /> : null}
      {progress && (busy === 'dry' || busy === 'run') ? <ImportProgressBar progress={progress} dryRun={busy === 'dry'} style={{ marginTop: 16, marginBottom: 0 }} /> : null}

      {inspected && file ? (
        <div style={{ marginTop: 16 }}>
          <ImportSheetPicker inspected={inspected} onSheet={run.chooseSheet} onHeaderRow={run.chooseHeaderRow} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('import.columnsTitle')}
          </Typography.Title>
          <ImportColumnMapping session={run} />
        </div>
      ) : null}

      <ImportValueMapping session={run} onRecheck={() => void send(true)} />
      {report ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type={invalid > 0 ? 'warning' : 'success'}
            showIcon
            title={t('import.summary', { total: report.total, valid: report.valid, created: report.created, updated: report.updated })}
            description={invalid > 0 ? t(report.unknownValues.length ? 'import.hasUnknownValues' : 'import.hasErrors') : report.sheet.message}
            style={{ marginBottom: 12 }}
            data-testid="import-summary"
          />
          {report.keptColumns.length ? (
            <Alert type="info" showIcon title={t('import.kept', { columns: report.keptColumns.join('、') })} style={{ marginBottom: 12 }} data-testid="import-kept" />
          ) : null}
          {report.ignoredColumns.length ? (
            <Alert type="info" showIcon title={t('import.ignored', { columns: report.ignoredColumns.join('、') })} style={{ marginBottom: 12 }} />
          ) : null}
          <ImportReportTable report={report} height={360} />
        </div>
      ) : null}
    </Modal>
  );
}
