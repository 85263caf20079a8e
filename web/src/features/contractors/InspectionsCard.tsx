import { DeleteOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { contractorInspectionsContract as I } from '../../../../src/modules/contractors/contractor-inspections.contract.ts';
import {
  type FindingSeverity,
  findingSeverities,
  findingSeverityLabels,
  inspectionFieldLabels as L,
  inspectionMethodLabels,
  inspectionMethods,
} from '../../../../src/modules/contractors/contractor-inspections.labels.ts';
import { inspectionBody } from '../../../../src/modules/contractors/contractor-inspections.schema.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, bound, DateInput, errorMessage, Field, FormLayout } from '../../components/form.tsx';
import { QueryError } from '../../components/page.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { contractorKeys, pathOf } from './api.ts';
import { useInspectionText } from './inspectionMessages.ts';
import { useContractorText } from './messages.ts';

// 実地検査（立入検査） on the 委託先 page (issue 13): whether and when the next one is due (豊島区 守るべき
// 事項 5.), the records with their findings, a finding's 是正処置 (J.7.1) or the button that opens one,
// and the form that records an inspection with its findings.

type Inspections = ResponseOf<typeof I.inspections>;
type Inspection = Inspections['items'][number];
type Finding = Inspection['findings'][number];

const severityColor: Record<FindingSeverity, string> = { major: 'error', minor: 'warning', observation: 'default' };
const inspectionsKey = (id: string) => [...contractorKeys.all, 'inspections', id] as const;

type FormIn = z.input<typeof inspectionBody>;
type FormOut = z.output<typeof inspectionBody>;
const FIELDS = ['inspectedOn', 'inspectors', 'scope', 'method', 'findings', 'result'];
const emptyForm: FormIn = { inspectedOn: '', inspectors: '', scope: '', method: 'onsite', findings: [], result: '' };

/**
 * 実地検査の記録の入力: date as typed (readDate), inspectors, scope, method, findings, result — the
 * server's own schema, every error under its field at once (the required ones marked), and the
 * server's refusals (a future 検査日) under theirs too.
 */
function InspectionForm({ contractorId, onDone, onCancel }: { contractorId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const it = useInspectionText();
  const ct = useContractorText();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(inspectionBody), defaultValues: emptyForm });
  const findings = useFieldArray({ control: form.control, name: 'findings' });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(
    async (values) => {
      setError(null);
      try {
        await api.post(pathOf(I.addInspection, { id: contractorId }), values);
        leave.release();
        message.success(it('in.saved'));
        form.reset(emptyForm);
        await onDone();
      } catch (e) {
        setError(applyServerErrors(e, form.setError, FIELDS));
      }
    },
    () => setError(ct('ct.errors')),
  );
  const text = (name: 'inspectors' | 'scope' | 'result', rows: number) => (
    <Field control={form.control} name={name} label={L[name]} required>
      {(field) =>
        rows === 1 ? (
          <Input id={field.id} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />
        ) : (
          <Input.TextArea id={field.id} rows={rows} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />
        )
      }
    </Field>
  );
  return (
    <div data-testid="in-form">
      <FormLayout onSubmit={onSubmit}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="in-form-error" /> : null}
        <Space wrap align="start">
          <Field control={form.control} name="inspectedOn" label={L.inspectedOn} required>
            {(field) => <DateInput id={field.id} value={field.value ?? null} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} status={field.status} />}
          </Field>
          <Field control={form.control} name="method" label={L.method} required>
            {(field) => <Select {...bound(field)} style={{ width: 140 }} options={inspectionMethods.map((m) => ({ value: m, label: inspectionMethodLabels[m] }))} />}
          </Field>
        </Space>
        {text('inspectors', 1)}
        {text('scope', 2)}
        <Typography.Text strong>{L.findings}</Typography.Text>
        {findings.fields.map((row, index) => (
          <Space key={row.id} align="start" wrap style={{ width: '100%' }} data-testid={`in-finding-${index + 1}`}>
            <Field control={form.control} name={`findings.${index}.severity`} label={`${it('in.finding', { n: index + 1 })} ${L.severity}`} required>
              {(field) => <Select {...bound(field)} style={{ width: 120 }} options={findingSeverities.map((s) => ({ value: s, label: findingSeverityLabels[s] }))} />}
            </Field>
            <Field control={form.control} name={`findings.${index}.description`} label={`${it('in.finding', { n: index + 1 })} ${L.description}`} required>
              {(field) => (
                <Input.TextArea id={field.id} rows={1} style={{ width: 420 }} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />
              )}
            </Field>
            <Button icon={<DeleteOutlined />} aria-label={it('in.removeFinding', { n: index + 1 })} onClick={() => findings.remove(index)} style={{ marginTop: 30 }} />
          </Space>
        ))}
        <div style={{ margin: '8px 0 16px' }}>
          <Button icon={<PlusOutlined />} onClick={() => findings.append({ severity: 'minor', description: '' })} data-testid="in-add-finding">
            {it('in.addFinding')}
          </Button>
        </div>
        {text('result', 2)}
        <Space>
          <Button type="primary" htmlType="submit" data-testid="in-save">
            {it('in.save')}
          </Button>
          <Button onClick={() => leave.confirmClose(onCancel)}>{it('in.cancel')}</Button>
        </Space>
      </FormLayout>
    </div>
  );
}

/** A finding: its 区分 and text, and its 是正処置 (number and status) or the button that opens one. */
function FindingLine({ finding, index, canOpen, onOpened }: { finding: Finding; index: number; canOpen: boolean; onOpened: () => Promise<void> }) {
  const it = useInspectionText();
  const tc = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const r = await api.post<ResponseOf<typeof I.openFindingCorrective>>(pathOf(I.openFindingCorrective, { id: finding.id }), {});
      message.success(it('in.opened', { number: r.correctiveAction.number }));
      await onOpened();
    } catch (e) {
      message.error(errorMessage(e, tc));
    } finally {
      setBusy(false);
    }
  };
  const action = finding.correctiveAction;
  return (
    <List.Item data-testid={`in-finding-line-${index + 1}`}>
      <Space wrap>
        <Tag color={severityColor[finding.severity]}>{finding.severityLabel}</Tag>
        <Typography.Text>{finding.description}</Typography.Text>
        {action ? (
          <Space size={4}>
            <Typography.Link onClick={() => navigate(`/corrective-actions/${action.id}`)} data-testid="in-corrective-link">
              {it('in.correctiveOf', { number: action.number })}
            </Typography.Link>
            <Tag>{action.statusLabel}</Tag>
          </Space>
        ) : canOpen ? (
          <Button size="small" icon={<SafetyCertificateOutlined />} loading={busy} onClick={open} aria-label={`${it('in.openCorrective')}: ${it('in.finding', { n: index + 1 })}`}>
            {it('in.openCorrective')}
          </Button>
        ) : null}
      </Space>
    </List.Item>
  );
}

/** 実地検査 card of the contractor page. */
export function InspectionsCard({ contractorId }: { contractorId: string }) {
  const it = useInspectionText();
  const date = useDateFormat();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: inspectionsKey(contractorId), queryFn: () => api.get<Inspections>(pathOf(I.inspections, { id: contractorId })) });
  const [adding, setAdding] = useState(false);
  const refresh = async () => {
    setAdding(false);
    await queryClient.invalidateQueries({ queryKey: contractorKeys.all });
  };
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  return (
    <Card size="small" title={it('in.title')} loading={query.isPending} data-testid="ct-inspections">
      {data ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{it('in.lead')}</Typography.Paragraph>
          <Alert
            type={data.due.overdue ? 'error' : data.due.required ? 'warning' : 'info'}
            showIcon
            title={data.due.dueOn ? it(data.due.overdue ? 'in.overdue' : 'in.dueOn', { date: date(data.due.dueOn) }) : data.due.reason}
            description={data.due.dueOn ? data.due.reason : undefined}
            data-testid="in-due"
          />
          {data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={it('in.empty')} /> : null}
          {data.items.map((inspection) => (
            <Card
              key={inspection.id}
              type="inner"
              size="small"
              title={`${date(inspection.inspectedOn)}（${inspection.methodLabel}）`}
              data-testid={`in-record-${inspection.inspectedOn}`}
            >
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={L.inspectors}>{inspection.inspectors}</Descriptions.Item>
                <Descriptions.Item label={L.scope}>{inspection.scope}</Descriptions.Item>
                <Descriptions.Item label={L.result}>{inspection.result}</Descriptions.Item>
              </Descriptions>
              <List
                size="small"
                header={<Typography.Text strong>{L.findings}</Typography.Text>}
                dataSource={inspection.findings}
                locale={{ emptyText: it('in.noFindings') }}
                renderItem={(finding, index) => <FindingLine finding={finding} index={index} canOpen={inspection.abilities.edit} onOpened={refresh} />}
              />
            </Card>
          ))}
          {data.canAdd && !adding ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="in-add">
              {it('in.add')}
            </Button>
          ) : null}
          {adding ? <InspectionForm contractorId={contractorId} onDone={refresh} onCancel={() => setAdding(false)} /> : null}
        </Space>
      ) : null}
    </Card>
  );
}
