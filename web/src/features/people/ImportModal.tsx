import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { exportsContract } from '../../../../src/platform/exports/exports.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api, withQuery } from '../../api/client.ts';
import { pathOf } from '../../api/queries.ts';
import { errorMessage } from '../../components/form.tsx';
import { ImportSheetPicker } from '../../components/ImportSheetPicker.tsx';
import { isMessageKey, type MessageKey, useT } from '../../i18n/index.tsx';

/** Every row's outcome of an import (POST /api/people/import). */
type ImportReport = ResponseOf<typeof exportsContract.importPeople>;
/** Every sheet of the uploaded file previewed, the sheet read and its header row (POST /api/people/import/inspect). */
type Inspection = ResponseOf<typeof exportsContract.inspectPeopleImport>;

/**
 * Excel取込 on the import pipeline (issue #12): upload → the sheet and header row (every sheet
 * previewed; a click on a preview row makes it the header) → dry run (every row's errors, nothing
 * written) → unknown 所属 names mapped to departments → 取込実行. SPEC §3: "a dry run that reports
 * every row's errors before anything is written".
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inspected, setInspected] = useState<Inspection | null>(null);
  const [choice, setChoice] = useState<{ sheet: string | null; headerRow: number | null }>({ sheet: null, headerRow: null });
  /** 所属 names of the file mapped to departments (name as written → department id). */
  const [mapped, setMapped] = useState<Record<string, string>>({});

  const formOf = (f: File) => {
    const form = new FormData();
    form.append('file', f, f.name);
    return form;
  };

  /** Reads the file's sheets (again with the sheet and header row chosen). */
  const inspect = async (f: File, next: { sheet: string | null; headerRow: number | null }) => {
    setError(null);
    setReport(null);
    try {
      const result = await api.upload<Inspection>(withQuery(pathOf(exportsContract.inspectPeopleImport), { sheet: next.sheet, headerRow: next.headerRow }), formOf(f));
      setInspected(result);
      setChoice(next);
    } catch (e) {
      setInspected(null);
      setError(errorMessage(e, t));
    }
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'dry' : 'run');
    setError(null);
    try {
      const values = Object.keys(mapped).length > 0 ? JSON.stringify({ department: mapped }) : null;
      const query = { dryRun: dryRun ? '1' : '0', sheet: choice.sheet ?? inspected?.sheetName, headerRow: choice.headerRow ?? inspected?.headerRow, values };
      const result = await api.upload<ImportReport>(withQuery(pathOf(exportsContract.importPeople), query), formOf(file));
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
        accept=".xlsx,.csv"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setReport(null);
          setMapped({});
          void inspect(f, { sheet: null, headerRow: null });
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setReport(null);
          setInspected(null);
          setMapped({});
        }}
        fileList={file ? [{ uid: 'import', name: file.name, status: 'done' }] : []}
      >
        <Button icon={<UploadOutlined />}>{t('people.import.choose')}</Button>
      </Upload>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
      {inspected && file ? (
        <div style={{ marginTop: 16 }} data-testid="people-import-sheets">
          <ImportSheetPicker
            inspected={inspected}
            onSheet={(name) => void inspect(file, { sheet: name, headerRow: null })}
            onHeaderRow={(name, row) => void inspect(file, { sheet: name, headerRow: row })}
          />
          {inspected.missingColumns.length ? (
            <Alert type="warning" showIcon title={t('people.import.missingColumns', { columns: inspected.missingColumns.join('・') })} data-testid="people-import-missing" />
          ) : null}
        </div>
      ) : null}
      {report?.unknownValues.length && inspected ? (
        <div style={{ marginTop: 16 }} data-testid="people-import-unknown">
          <Alert type="warning" showIcon title={t('people.import.unknownDepartments')} style={{ marginBottom: 8 }} />
          <Table
            size="small"
            rowKey="value"
            pagination={false}
            dataSource={report.unknownValues}
            columns={[
              { title: t('people.import.writtenDepartment'), dataIndex: 'value', width: 200 },
              { title: t('people.import.row'), dataIndex: 'rows', width: 160, render: (r: number[]) => r.slice(0, 10).join('、') + (r.length > 10 ? '…' : '') },
              {
                title: t('people.import.mapTo'),
                key: 'target',
                render: (_: unknown, u: ImportReport['unknownValues'][number]) => (
                  <Select
                    style={{ width: 240 }}
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('people.import.chooseDepartment')}
                    value={mapped[u.value]}
                    data-testid={`people-import-map-${u.value}`}
                    options={inspected.departments.map((d) => ({ value: d.id, label: d.code ? `${d.name}（${d.code}）` : d.name }))}
                    onChange={(id: string | undefined) =>
                      setMapped((m) => {
                        const next = { ...m };
                        if (id) next[u.value] = id;
                        else delete next[u.value];
                        return next;
                      })
                    }
                  />
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('people.import.mapLead')}
          </Typography.Paragraph>
        </div>
      ) : null}
      {report?.rememberedValues.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('people.import.remembered', {
            values: report.rememberedValues.map((v) => `${v.value} → ${inspected?.departments.find((d) => d.id === v.target)?.name ?? ''}`).join('、'),
          })}
        />
      ) : null}
      {report ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type={invalid > 0 ? 'warning' : 'success'}
            showIcon
            title={t('people.import.summary', { total: report.total, valid: report.valid })}
            description={invalid > 0 ? t(report.unknownValues.length ? 'people.import.hasUnknownDepartments' : 'people.import.hasErrors') : undefined}
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
