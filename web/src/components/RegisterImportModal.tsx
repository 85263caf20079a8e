import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { registerImportReportResponse, registerInspectionResponse } from '../../../src/platform/imports/imports.schema.ts';
import { api, type ImportProgress, uploadWithProgress, withQuery } from '../api/client.ts';
import { type MessageKey, useT } from '../i18n/index.tsx';
import { errorMessage } from './form.tsx';
import { ImportSheetPicker } from './ImportSheetPicker.tsx';

type Inspection = z.output<typeof registerInspectionResponse>;
type Report = z.output<typeof registerImportReportResponse>;
type Column = Inspection['columns'][number];

/** What was chosen so far: the sheet and header row, the columns (heading → field, '' = 取り込まない) and the values mapped. */
type Choice = {
  sheet: string | null;
  headerRow: number | null;
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
  /** The unmapped columns kept as 取込時の追加情報; null: the server's default (all but a row number). */
  keep: string[] | null;
};
const freshChoice = (): Choice => ({ sheet: null, headerRow: null, columns: {}, values: {}, keep: null });

const confidenceKey: Record<NonNullable<Column['confidence']>, MessageKey> = {
  exact: 'import.confidence.exact',
  normalized: 'import.confidence.normalized',
  partial: 'import.confidence.partial',
};

/** The tag beside a column's field: where the choice came from, or how sure the dictionary is. */
function ColumnSource({ column }: { column: Column }) {
  const t = useT();
  if (column.source === 'chosen') return <Tag color="blue">{t('import.source.chosen')}</Tag>;
  if (column.source === 'remembered') return <Tag color="purple">{t('import.source.remembered')}</Tag>;
  if (column.field === null && column.suggested !== null && column.confidence === 'partial') return <Tag color="gold">{t('import.confidence.partialSuggested')}</Tag>;
  if (column.confidence) return <Tag color={column.confidence === 'exact' ? 'green' : 'cyan'}>{t(confidenceKey[column.confidence])}</Tag>;
  return <Tag>{t('import.confidence.none')}</Tag>;
}

/**
 * 取込 of any register on the one import pipeline (issue #12; server: src/platform/imports): upload
 * → the sheet and its header row (every sheet previewed; a click on a row makes it the header) →
 * the columns, each with its field and how it was found, changeable in one click → 確認 (every
 * row's errors; nothing written) → unknown values of reference fields mapped to records → 取込
 * (all or nothing, with its progress). The same dialog for 従業者, 法令規範一覧, 委託先 and the
 * registers to come.
 */
export function RegisterImportModal({ register, title, onClose, onDone }: { register: string; title: string; onClose: () => void; onDone: (report: Report) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [inspected, setInspected] = useState<Inspection | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [choice, setChoice] = useState<Choice>(freshChoice());
  const [busy, setBusy] = useState<'inspect' | 'dry' | 'run' | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/imports/${register}`;

  const formOf = (f: File) => {
    const form = new FormData();
    form.append('file', f, f.name);
    return form;
  };
  const json = (value: Record<string, unknown>) => (Object.keys(value).length > 0 ? JSON.stringify(value) : null);

  /** Reads the file again with the sheet, header row and columns chosen (a report of an earlier choice no longer holds). */
  const inspect = async (f: File, next: Choice) => {
    setBusy('inspect');
    setError(null);
    setReport(null);
    try {
      const result = await api.upload<Inspection>(withQuery(`${base}/inspect`, { sheet: next.sheet, headerRow: next.headerRow, columns: json(next.columns) }), formOf(f));
      setInspected(result);
      setChoice(next);
    } catch (e) {
      setInspected(null);
      setError(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };

  const send = async (dryRun: boolean) => {
    if (!file || !inspected) return;
    setBusy(dryRun ? 'dry' : 'run');
    setError(null);
    setProgress(null);
    const query = {
      dryRun: dryRun ? '1' : '0',
      sheet: choice.sheet ?? inspected.sheet.name,
      headerRow: choice.headerRow ?? inspected.headerRow,
      columns: json(choice.columns),
      values: json(choice.values),
      keep: choice.keep ? JSON.stringify(choice.keep) : null,
    };
    try {
      const result = await uploadWithProgress<Report>(withQuery(base, query), formOf(file), setProgress);
      if (dryRun) setReport(result);
      else {
        message.success(t('import.done', { count: result.created + result.updated }));
        onDone(result);
        onClose();
      }
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const chooseColumn = (header: string, field: string) => {
    if (!file) return;
    void inspect(file, { ...choice, columns: { ...choice.columns, [header]: field } });
  };
  const mapValue = (field: string, value: string, target: string | undefined) =>
    setChoice((c) => {
      const forField = { ...(c.values[field] ?? {}) };
      if (target) forField[value] = target;
      else delete forField[value];
      return { ...c, values: { ...c.values, [field]: forField } };
    });

  const fieldOptions = inspected
    ? [{ value: '', label: t('import.notImported') }, ...inspected.fields.map((f) => ({ value: f.key, label: f.required ? `${f.header}（${t('import.required')}）` : f.header }))]
    : [];
  const fieldHeader = (key: string) => inspected?.fields.find((f) => f.key === key)?.header ?? key;
  const blocked = !inspected || inspected.missingColumns.length > 0 || inspected.columnProblems.length > 0;
  const invalid = report ? report.total - report.valid : 0;
  const actionLabel = { create: t('import.action.create'), update: t('import.action.update'), error: t('import.action.error') } as const;
  const done = progress?.total ? (report === null && busy === 'run' ? (progress.validated + progress.written) / (2 * progress.total) : progress.validated / progress.total) : 0;

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
      <Upload
        accept=".xlsx,.csv"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          void inspect(f, freshChoice());
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setInspected(null);
          setReport(null);
          setChoice(freshChoice());
        }}
        fileList={file ? [{ uid: 'import', name: file.name, status: 'done' }] : []}
      >
        <Button icon={<UploadOutlined />} data-testid="import-choose">
          {t('import.choose')}
        </Button>
      </Upload>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="import-error" /> : null}
      {progress ? (
        <div style={{ marginTop: 16 }} data-testid="import-progress" role="status" aria-live="polite">
          <Progress percent={Math.floor(done * 100)} status="active" />
          <Typography.Text type="secondary">
            {progress.total === null
              ? t('import.progress.reading')
              : t('import.progress.rows', {
                  total: progress.total.toLocaleString('ja-JP'),
                  parsed: progress.parsed.toLocaleString('ja-JP'),
                  validated: progress.validated.toLocaleString('ja-JP'),
                  written: progress.written.toLocaleString('ja-JP'),
                })}
          </Typography.Text>
        </div>
      ) : null}

      {inspected && file ? (
        <div style={{ marginTop: 16 }}>
          <ImportSheetPicker
            inspected={inspected}
            onSheet={(name) => void inspect(file, { ...choice, sheet: name, headerRow: null })}
            onHeaderRow={(name, row) => void inspect(file, { ...choice, sheet: name, headerRow: row })}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('import.columnsTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('import.columnsLead')}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="header"
            pagination={false}
            dataSource={inspected.columns}
            data-testid="import-columns"
            columns={[
              { title: t('import.fileHeading'), dataIndex: 'header', width: 260 },
              {
                title: t('import.field'),
                key: 'field',
                width: 300,
                render: (_: unknown, c: Column) => (
                  <Select
                    style={{ width: 280 }}
                    value={c.field ?? ''}
                    options={fieldOptions}
                    disabled={busy !== null}
                    aria-label={t('import.fieldOf', { heading: c.header })}
                    data-testid={`import-column-${c.header}`}
                    onChange={(field: string) => chooseColumn(c.header, field)}
                  />
                ),
              },
              {
                title: t('import.how'),
                key: 'how',
                render: (_: unknown, c: Column) => (
                  <Space size={4} wrap>
                    <ColumnSource column={c} />
                    {c.field === null && c.suggested ? (
                      <Button size="small" type="link" onClick={() => chooseColumn(c.header, c.suggested ?? '')} data-testid={`import-accept-${c.header}`}>
                        {t('import.acceptSuggestion', { field: fieldHeader(c.suggested) })}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
          {inspected.missingColumns.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t('import.missingColumns', { columns: inspected.missingColumns.join('・') })}
              data-testid="import-missing"
            />
          ) : null}
          {inspected.columnProblems.map((p) => (
            <Alert key={p} type="warning" showIcon style={{ marginTop: 8 }} title={p} />
          ))}
          {inspected.keepableColumns.length > 0 ? (
            // 取込時の追加情報 (issue #12): the unmapped columns kept on each record, as written.
            <div style={{ marginTop: 12 }} data-testid="import-keep">
              <Typography.Text strong>{t('import.keep')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {t('import.keepLead')}
              </Typography.Paragraph>
              <Checkbox.Group
                value={choice.keep ?? inspected.keptColumns}
                disabled={busy !== null}
                onChange={(v) => {
                  setReport(null);
                  setChoice((c) => ({ ...c, keep: v as string[] }));
                }}
                options={inspected.keepableColumns.map((c) => ({ value: c, label: c }))}
              />
            </div>
          ) : null}
        </div>
      ) : null}

      {report?.unknownValues.length && inspected ? (
        <div style={{ marginTop: 16 }} data-testid="import-unknown">
          <Alert type="warning" showIcon title={t('import.unknownValues')} style={{ marginBottom: 8 }} />
          <Table
            size="small"
            rowKey={(u) => `${u.field}:${u.value}`}
            pagination={false}
            dataSource={report.unknownValues}
            columns={[
              { title: t('import.fileColumn'), dataIndex: 'column', width: 160 },
              { title: t('import.writtenValue'), dataIndex: 'value', width: 200 },
              { title: t('import.rows'), dataIndex: 'rows', width: 140, render: (r: number[]) => r.slice(0, 10).join('、') + (r.length > 10 ? '…' : '') },
              {
                title: t('import.mapTo'),
                key: 'target',
                render: (_: unknown, u: Report['unknownValues'][number]) => (
                  <Select
                    style={{ width: 280 }}
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('import.chooseRecord')}
                    value={choice.values[u.field]?.[u.value]}
                    aria-label={t('import.mapOf', { value: u.value })}
                    data-testid={`import-map-${u.value}`}
                    options={inspected.choices[u.field] ?? []}
                    onChange={(target: string | undefined) => mapValue(u.field, u.value, target)}
                  />
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('import.mapLead')}
          </Typography.Paragraph>
        </div>
      ) : null}
      {report?.rememberedValues.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('import.remembered', {
            values: report.rememberedValues.map((v) => `${v.value} → ${inspected?.choices[v.field]?.find((c) => c.value === v.target)?.label ?? ''}`).join('、'),
          })}
        />
      ) : null}
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
          <Table
            size="small"
            rowKey="row"
            dataSource={report.rows}
            pagination={report.rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
            scroll={{ y: 360 }}
            data-testid="import-report"
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 64, align: 'right' },
              { title: report.keyLabel, dataIndex: 'key', width: 140 },
              { title: report.nameLabel, dataIndex: 'name', width: 200 },
              {
                title: t('import.actionTitle'),
                dataIndex: 'action',
                width: 90,
                render: (a: Report['rows'][number]['action']) => <Tag color={a === 'error' ? 'error' : a === 'create' ? 'blue' : 'default'}>{actionLabel[a]}</Tag>,
              },
              {
                title: t('import.errors'),
                dataIndex: 'errors',
                render: (errors: Report['rows'][number]['errors']) =>
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
