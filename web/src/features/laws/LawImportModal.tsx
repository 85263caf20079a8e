import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { lawsContract } from '../../../../src/modules/laws/laws.contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { useT } from '../../i18n/index.tsx';
import { type LawImportReport, lawKeys, pathOf } from './api.ts';
import { lt } from './messages.ts';

/** 法令規範一覧の取込: upload → 確認 (every row's errors, nothing written) → 取込を実行 (all or nothing). */
export function LawImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<LawImportReport | null>(null);
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'dry' : 'run');
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const result = await api.upload<LawImportReport>(withQuery(pathOf(lawsContract.import), { dryRun: dryRun ? '1' : '0' }), form);
      if (dryRun) setReport(result);
      else {
        message.success(lt('import.done', { count: result.valid }));
        await queryClient.invalidateQueries({ queryKey: lawKeys.all });
        onClose();
      }
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };

  const invalid = report ? report.rows.filter((r) => r.errors.length > 0).length : 0;
  const actionLabel = { create: lt('import.create'), update: lt('import.update'), error: lt('import.error') } as const;

  return (
    <Modal
      open
      width={920}
      title={lt('import.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{lt('cancel')}</Button>
          <Button onClick={() => send(true)} disabled={!file} loading={busy === 'dry'} data-testid="law-import-dry-run">
            {lt('import.dryRun')}
          </Button>
          <Button type="primary" onClick={() => send(false)} disabled={!report || report.valid === 0 || invalid > 0} loading={busy === 'run'} data-testid="law-import-execute">
            {lt('import.execute')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{lt('import.lead')}</Typography.Paragraph>
      <Upload
        accept=".xlsx,.csv"
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
        <Button icon={<UploadOutlined />} data-testid="law-import-choose">
          {lt('import.choose')}
        </Button>
      </Upload>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
      {report ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type={invalid > 0 ? 'warning' : 'success'}
            showIcon
            title={lt('import.summary', { total: report.total, valid: report.valid, created: report.created, updated: report.updated })}
            description={invalid > 0 ? lt('import.hasErrors') : report.sheet}
            style={{ marginBottom: 12 }}
            data-testid="law-import-summary"
          />
          {report.ignoredColumns.length ? (
            <Alert type="info" showIcon title={lt('import.ignored', { columns: report.ignoredColumns.join('、') })} style={{ marginBottom: 12 }} />
          ) : null}
          <Table
            size="small"
            rowKey="row"
            dataSource={report.rows}
            pagination={report.rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
            scroll={{ y: 360 }}
            columns={[
              { title: lt('import.row'), dataIndex: 'row', width: 64, align: 'right' },
              { title: '名称', dataIndex: 'name' },
              {
                title: lt('import.action'),
                dataIndex: 'action',
                width: 90,
                render: (a: LawImportReport['rows'][number]['action']) => <Tag color={a === 'error' ? 'error' : a === 'create' ? 'blue' : 'default'}>{actionLabel[a]}</Tag>,
              },
              {
                title: lt('import.errors'),
                dataIndex: 'errors',
                render: (errors: LawImportReport['rows'][number]['errors']) =>
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
