import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, InputNumber, Select, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, type ImportProgress, uploadWithProgress } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, RequirePermission } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { ImportProgressBar } from './ImportProgressBar.tsx';
import { ImportRiskReport } from './ImportRiskReport.tsx';
import { ImportSheetPicker } from '../../components/ImportSheetPicker.tsx';
import { useText } from './messages.ts';
import type { ImportReport, InspectResult, RiskReport } from './types.ts';

type UnknownField = ImportReport['unknownValues'][number]['field'];
/** The 台帳's fields → the file's heading each is taken from (what the mapping table edits). */
type FieldMapping = Record<string, string>;

/** The inspection's column choice as field → heading (the fields a column fills). */
const mappingOf = (inspected: InspectResult): FieldMapping => Object.fromEntries(inspected.columns.filter((c) => c.field).map((c) => [c.field as string, c.header]));

/** The field → heading mapping as the platform's column choice: every heading of the file, its field or '' (not imported). */
function columnChoice(inspected: InspectResult, mapping: FieldMapping): Record<string, string> {
  const fieldOf = new Map(Object.entries(mapping).map(([field, heading]) => [heading, field]));
  return Object.fromEntries(inspected.headers.map((h) => [h, fieldOf.get(h) ?? '']));
}
/** A value to map: not found (no target), or read through the organization's remembered mapping (its target). */
type ValueRow = ImportReport['unknownValues'][number] & { target?: string };

/**
 * Excel台帳の取込 (SPEC §3 Imports) on the one import pipeline (/api/imports/inventory, issue #12):
 * read the file (the shared sheet picker) → map its columns to the 台帳's fields (the choices are
 * remembered for the organization when the import is committed) → dry run listing every row's
 * errors, the values to map and the リスク分析 sheet → import, all or nothing, with its progress.
 */
function ImportScreen() {
  const tx = useText();
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  // null: the server finds the header row (title rows skipped, two-row headings joined; issue #12).
  const [headerRow, setHeaderRow] = useState<number | null>(null);
  // The sheet read (by name); null: the server picks the sheet whose header matches best and says why.
  const [sheet, setSheet] = useState<string | null>(null);
  const [inspected, setInspected] = useState<InspectResult | null>(null);
  const [mapping, setMapping] = useState<FieldMapping>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(true);
  const [busy, setBusy] = useState<'read' | 'dry' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** 取込の進み具合 of the dry run or import under way (null when none). */
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // 見つからない値の対応付け (issue #12): field → the value as the file writes it → the chosen record or kind.
  const [values, setValues] = useState<Partial<Record<UnknownField, Record<string, string>>>>({});
  // 取込時の追加情報 (issue #12): the unmapped columns kept on each entry; null: the server's default (all but a row number).
  const [keep, setKeep] = useState<string[] | null>(null);

  const form = () => {
    const data = new FormData();
    if (file) data.append('file', file, file.name);
    return data;
  };
  /** Reads the file (again): the sheet and header row chosen, or those the server finds. */
  const read = async (choice: { sheet: string | null; headerRow: number | null } = { sheet, headerRow }) => {
    if (!file) return;
    setBusy('read');
    setError(null);
    setReport(null);
    try {
      const query = new URLSearchParams();
      if (choice.sheet !== null) query.set('sheet', choice.sheet);
      if (choice.headerRow !== null) query.set('headerRow', String(choice.headerRow));
      const qs = query.toString();
      const result = await api.upload<InspectResult>(`/api/imports/inventory/inspect${qs ? `?${qs}` : ''}`, form());
      setInspected(result);
      setSheet(result.sheet.name);
      setHeaderRow(result.headerRow);
      setMapping(mappingOf(result));
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };
  const run = async (dryRun: boolean) => {
    setBusy(dryRun ? 'dry' : 'run');
    setError(null);
    setProgress(null);
    try {
      const result = await uploadWithProgress<ImportReport>(
        `/api/imports/inventory?dryRun=${dryRun ? 1 : 0}${inspected ? `&sheet=${encodeURIComponent(inspected.sheet.name)}` : ''}&headerRow=${headerRow ?? inspected?.headerRow ?? 1}${inspected ? `&columns=${encodeURIComponent(JSON.stringify(columnChoice(inspected, mapping)))}` : ''}${Object.keys(values).length > 0 ? `&values=${encodeURIComponent(JSON.stringify(values))}` : ''}${keep ? `&keep=${encodeURIComponent(JSON.stringify(keep))}` : ''}`,
        form(),
        setProgress,
      );
      setReport(result);
      if (!dryRun) {
        message.success(tx('imp.done', { n: result.created }));
        void queryClient.invalidateQueries({ queryKey: ['inventory'] });
        navigate('/inventory');
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setError(e.message);
      else setError(errorMessage(e, t));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };
  /** What an unknown value can be mapped to: an existing 所属, a 保管媒体 or a 取得方法. */
  const targetOptions = (field: UnknownField) => inspected?.choices[field] ?? [];
  const risk = (report?.companion ?? null) as unknown as RiskReport | null;
  /** The first data row's cell under `heading` (the sheet's preview), shown beside the field. */
  const sampleOf = (heading: string | undefined) => {
    if (!inspected || !heading) return '';
    const column = inspected.headers.indexOf(heading);
    const preview = inspected.sheets.find((s) => s.index === inspected.sheet.index);
    const first = preview?.rows.find((r) => r.row > inspected.headerRow);
    return column < 0 ? '' : (first?.cells[column] ?? '');
  };
  /** The column the file maps to `field`, as the inspection read it (its dictionary match, or remembered). */
  const columnFor = (heading: string | undefined) => inspected?.columns.find((c) => c.header === heading);
  const step = report && !report.dryRun ? 3 : report ? 2 : inspected ? 1 : 0;
  // An error on the リスク分析 sheet stops the whole import too (issue #12).
  const errorRows = report ? report.rows.filter((r) => r.errors.length > 0).length + (risk?.rows.filter((r) => r.errors.length > 0).length ?? 0) : 0;
  const rows = report ? (onlyErrors ? report.rows.filter((r) => r.errors.length > 0 || (r.warnings?.length ?? 0) > 0) : report.rows) : [];
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
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setHeaderRow(null);
              setSheet(null);
              setValues({});
              setKeep(null);
              setInspected(null);
              setReport(null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setInspected(null);
              setReport(null);
            }}
            fileList={file ? [{ uid: 'ledger', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />} data-testid="import-choose">
              {tx('imp.choose')}
            </Button>
          </Upload>
          <span>{tx('imp.headerRow')}</span>
          <InputNumber
            min={1}
            max={20}
            value={headerRow}
            placeholder={tx('imp.headerRowAuto')}
            onChange={(v) => setHeaderRow(v === null || v === undefined ? null : Number(v))}
            style={{ width: 120 }}
            data-testid="import-header-row"
          />
          <Button type="primary" disabled={!file} loading={busy === 'read'} onClick={() => read()} data-testid="import-read">
            {tx('imp.read')}
          </Button>
        </Space>
      </Card>
      {inspected ? (
        <Card title={tx('imp.sheet')} style={{ marginBottom: 16 }}>
          <ImportSheetPicker
            inspected={inspected}
            onSheet={(name) => void read({ sheet: name, headerRow: null })}
            onHeaderRow={(name, row) => void read({ sheet: name, headerRow: row })}
          />
        </Card>
      ) : null}
      {inspected ? (
        <Card title={`${tx('imp.step.mapping')}（${inspected.sheet.name}・${inspected.rowCount}行）`} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={inspected.fields}
            data-testid="import-mapping"
            columns={[
              { title: tx('imp.field'), dataIndex: 'header', width: 260, render: (h: string, f) => (f.required ? <strong>{h} *</strong> : h) },
              {
                title: tx('imp.column'),
                key: 'column',
                render: (_: unknown, f) => (
                  <Select
                    allowClear
                    placeholder={tx('imp.unmapped')}
                    value={mapping[f.key]}
                    onChange={(v?: string) =>
                      setMapping((m) => {
                        const next = { ...m };
                        if (v) next[f.key] = v;
                        else delete next[f.key];
                        return next;
                      })
                    }
                    options={inspected.headers.map((h) => ({ value: h, label: h }))}
                    style={{ width: 260 }}
                    data-testid={`map-${f.key}`}
                  />
                ),
              },
              {
                title: tx('imp.confidence'),
                key: 'confidence',
                width: 220,
                render: (_: unknown, f) => {
                  // 取込の記憶 (issue #12): the heading was mapped so in an earlier import; still changeable above.
                  const header = mapping[f.key];
                  if (header && columnFor(header)?.source === 'remembered' && columnFor(header)?.field === f.key)
                    return (
                      <Tag color="purple" data-testid={`remembered-${f.key}`}>
                        {tx('imp.remembered')}
                      </Tag>
                    );
                  const matched = columnFor(mapping[f.key]);
                  const mapped = matched?.suggested === f.key ? matched : undefined;
                  if (mapped?.confidence)
                    return (
                      <Tag color={mapped.confidence === 'exact' ? 'green' : mapped.confidence === 'normalized' ? 'blue' : 'gold'}>{tx(`imp.confidence.${mapped.confidence}`)}</Tag>
                    );
                  // A partial match is offered, never applied unseen: one click takes it.
                  const offered = mapping[f.key] ? undefined : inspected.columns.find((c) => c.suggested === f.key && c.confidence === 'partial');
                  return offered ? (
                    <Button size="small" type="link" onClick={() => setMapping((m) => ({ ...m, [f.key]: offered.header }))} data-testid={`offer-${f.key}`}>
                      {tx('imp.offer', { header: offered.header })}
                    </Button>
                  ) : null;
                },
              },
              {
                title: tx('imp.sample'),
                key: 'sample',
                render: (_: unknown, f) => <Typography.Text type="secondary">{sampleOf(mapping[f.key])}</Typography.Text>,
              },
            ]}
          />
          <Space style={{ marginTop: 12 }} wrap>
            <Button type="primary" loading={busy === 'dry'} onClick={() => run(true)} data-testid="import-dry-run">
              {tx('imp.dryRun')}
            </Button>
          </Space>
        </Card>
      ) : null}
      {report ? (
        <Card title={tx('imp.step.dryRun')} style={{ marginBottom: 16 }}>
          <Alert
            type={errorRows > 0 ? 'warning' : 'success'}
            showIcon
            title={tx('imp.summary', { total: report.total, valid: report.valid })}
            description={errorRows > 0 ? tx('imp.hasErrors') : report.ignoredColumns.length ? tx('imp.ignored', { columns: report.ignoredColumns.join('、') }) : undefined}
            style={{ marginBottom: 12 }}
            data-testid="import-summary"
          />
          {inspected && inspected.keepableColumns.length > 0 ? (
            <Space style={{ marginBottom: 12 }} wrap data-testid="import-keep">
              <span>{tx('imp.keep')}:</span>
              <Checkbox.Group
                value={keep ?? report.keptColumns}
                onChange={(v) => setKeep(v as string[])}
                options={inspected.keepableColumns.map((c) => ({ value: c, label: c }))}
              />
            </Space>
          ) : null}
          {report.unknownValues.length > 0 || report.rememberedValues.length > 0 || Object.keys(values).length > 0 ? (
            <Card size="small" type="inner" title={tx('imp.values')} style={{ marginBottom: 12 }} data-testid="import-values">
              <Typography.Paragraph type="secondary">
                {tx('imp.valuesLead')}
                {report.rememberedValues.length > 0 ? ` ${tx('imp.rememberedLead')}` : ''}
              </Typography.Paragraph>
              <Table<ValueRow>
                size="small"
                rowKey={(u) => `${u.field}:${u.value}`}
                pagination={false}
                dataSource={[...report.unknownValues, ...report.rememberedValues]}
                columns={[
                  { title: tx('imp.column'), dataIndex: 'column', width: 160 },
                  {
                    title: tx('imp.value'),
                    dataIndex: 'value',
                    width: 240,
                    render: (v: string, u) =>
                      u.target ? (
                        <>
                          {v} <Tag color="purple">{tx('imp.remembered')}</Tag>
                        </>
                      ) : (
                        v
                      ),
                  },
                  { title: tx('imp.row'), dataIndex: 'rows', width: 160, render: (r: number[]) => r.slice(0, 10).join('、') + (r.length > 10 ? '…' : '') },
                  {
                    title: tx('imp.mapTo'),
                    key: 'target',
                    render: (_: unknown, u) => (
                      <Select
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={tx('imp.leaveAsError')}
                        value={values[u.field]?.[u.value] ?? u.target}
                        onChange={(v?: string) =>
                          setValues((all) => {
                            const next = { ...all, [u.field]: { ...all[u.field] } };
                            const field = next[u.field] as Record<string, string>;
                            if (v) field[u.value] = v;
                            else delete field[u.value];
                            if (Object.keys(field).length === 0) delete next[u.field];
                            return next;
                          })
                        }
                        options={targetOptions(u.field)}
                        style={{ width: 240 }}
                        data-testid={`value-${u.field}-${u.value}`}
                      />
                    ),
                  },
                ]}
              />
              <Button style={{ marginTop: 8 }} loading={busy === 'dry'} onClick={() => run(true)} data-testid="import-recheck">
                {tx('imp.recheck')}
              </Button>
            </Card>
          ) : null}
          {risk ? <ImportRiskReport risk={risk} onlyErrors={onlyErrors} /> : null}
          <Space style={{ marginBottom: 8 }}>
            <Checkbox checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)}>
              {tx('imp.onlyErrors')}
            </Checkbox>
            <Button type="primary" disabled={errorRows > 0 || report.valid === 0} loading={busy === 'run'} onClick={() => run(false)} data-testid="import-execute">
              {tx('imp.execute')}
            </Button>
          </Space>
          <Table
            size="small"
            rowKey="row"
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
            data-testid="import-report"
            columns={[
              { title: tx('imp.row'), dataIndex: 'row', width: 64, align: 'right' },
              { title: tx('inv.name'), dataIndex: 'name', width: 220 },
              { title: tx('inv.department'), dataIndex: 'key', width: 120 },
              {
                title: tx('imp.errors'),
                dataIndex: 'errors',
                render: (errors: ImportReport['rows'][number]['errors'], r) => (
                  <>
                    {errors.map((e) => (
                      <div key={`${e.field}:${e.message}`} style={{ color: '#cf1322' }}>
                        <Tag color="red">{e.field}</Tag>
                        {e.message}
                      </div>
                    ))}
                    {(r.warnings ?? []).map((w) => (
                      <div key={`w:${w.field}:${w.message}`} style={{ color: '#ad6800' }}>
                        <Tag color="gold">{w.field}</Tag>
                        {w.message}
                      </div>
                    ))}
                  </>
                ),
              },
            ]}
          />
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
