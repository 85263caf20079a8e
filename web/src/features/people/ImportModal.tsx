import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { exportsContract } from '../../../../src/platform/exports/exports.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf } from '../../api/queries.ts';
import { errorMessage } from '../../components/form.tsx';
import { isMessageKey, type MessageKey, useT } from '../../i18n/index.tsx';

/** Every row's outcome of an import (POST /api/people/import). */
type ImportReport = ResponseOf<typeof exportsContract.importPeople>;

/**
 * Excel取込: upload → dry run (every row's errors, nothing written) → 取込実行. SPEC §3:
 * "a dry run that reports every row's errors before anything is written".
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'dry' : 'run');
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const result = await api.upload<ImportReport>(withQuery(pathOf(exportsContract.importPeople), { dryRun: dryRun ? '1' : '0' }), form);
      if (dryRun) setReport(result);
      else {
        message.success(t('people.import.done', { count: result.created + result.updated || result.valid }));
        void queryClient.invalidateQueries({ queryKey: ['people'] });
        onClose();
      }
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };

  const invalid = report ? report.rows.filter((r) => r.errors.length > 0).length : 0;
  const actionLabel = (action: string) => {
    const key = `people.import.action.${action}`;
    return isMessageKey(key) ? t(key as MessageKey) : action;
  };

  return (
    <Modal
      open
      width={920}
      title={t('people.import.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => send(true)} disabled={!file} loading={busy === 'dry'} data-testid="import-dry-run">
            {t('people.import.dryRun')}
          </Button>
          <Button type="primary" onClick={() => send(false)} disabled={!report || report.valid === 0 || invalid > 0} loading={busy === 'run'} data-testid="import-execute">
            {t('people.import.execute')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('people.import.lead')}</Typography.Paragraph>
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setReport(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setReport(null);
        }}
        fileList={file ? [{ uid: 'import', name: file.name, status: 'done' }] : []}
      >
        <Button icon={<UploadOutlined />}>{t('people.import.choose')}</Button>
      </Upload>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
      {report ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type={invalid > 0 ? 'warning' : 'success'}
            showIcon
            title={t('people.import.summary', { total: report.total, valid: report.valid })}
            description={invalid > 0 ? t('people.import.hasErrors') : undefined}
            style={{ marginBottom: 12 }}
          />
          {report.ignoredColumns.length ? (
            <Alert type="info" showIcon title={t('people.import.ignoredColumns', { columns: report.ignoredColumns.join('、') })} style={{ marginBottom: 12 }} />
          ) : null}
          <Table
            size="small"
            rowKey="row"
            dataSource={report.rows}
            pagination={report.rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
            scroll={{ y: 360 }}
            rowClassName={(r) => (r.errors.length ? 'mm-diff-changed' : '')}
            columns={[
              { title: t('people.import.row'), dataIndex: 'row', width: 64, align: 'right' },
              { title: t('people.employeeNumber'), dataIndex: 'employeeNumber', width: 120 },
              { title: t('people.name'), dataIndex: 'name', width: 160 },
              {
                title: t('people.import.action'),
                dataIndex: 'action',
                width: 90,
                render: (a: string, r) => (
                  <Tag color={r.errors.length ? 'error' : a === 'create' ? 'blue' : 'default'}>{r.errors.length ? actionLabel('error') : actionLabel(a)}</Tag>
                ),
              },
              {
                title: t('people.import.errors'),
                dataIndex: 'errors',
                render: (errors: ImportReport['rows'][number]['errors']) =>
                  errors.map((e) => (
                    <div key={`${e.field}:${e.message}`} style={{ color: '#cf1322' }}>
                      {e.message}
                    </div>
                  )),
              },
            ]}
          />
        </div>
      ) : null}
    </Modal>
  );
}
