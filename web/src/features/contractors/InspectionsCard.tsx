import { DeleteOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { contractorInspectionsContract as I } from '../../../../src/modules/contractors/contractor-inspections.contract.ts';
import {
  type FindingSeverity,
  findingSeverities,
  findingSeverityLabels,
  type InspectionMethod,
  inspectionFieldLabels as L,
  inspectionMethodLabels,
  inspectionMethods,
} from '../../../../src/modules/contractors/contractor-inspections.labels.ts';
import { inspectionBody } from '../../../../src/modules/contractors/contractor-inspections.schema.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api } from '../../api/client.ts';
import { DateInput, errorMessage } from '../../components/form.tsx';
import { QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { contractorKeys, pathOf } from './api.ts';
import { useInspectionText } from './inspectionMessages.ts';

// 実地検査（立入検査） on the 委託先 page (issue 13): whether and when the next one is due (豊島区 守るべき
// 事項 5.), the records with their findings, a finding's 是正処置 (J.7.1) or the button that opens one,
// and the form that records an inspection with its findings.

type Inspections = ResponseOf<typeof I.inspections>;
type Inspection = Inspections['items'][number];
type Finding = Inspection['findings'][number];

const severityColor: Record<FindingSeverity, string> = { major: 'error', minor: 'warning', observation: 'default' };
const inspectionsKey = (id: string) => [...contractorKeys.all, 'inspections', id] as const;

type FindingDraft = { severity: FindingSeverity; description: string };
const emptyForm = { inspectedOn: '', inspectors: '', scope: '', method: 'onsite' as InspectionMethod, findings: [] as FindingDraft[], result: '' };

/** 実地検査の記録の入力: date as typed (readDate), inspectors, scope, method, findings, result. */
function InspectionForm({ contractorId, onDone, onCancel }: { contractorId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const it = useInspectionText();
  const tc = useT();
  const { message } = App.useApp();
  const [form, setForm] = useState(emptyForm);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const setFinding = (index: number, patch: Partial<FindingDraft>) => set({ findings: form.findings.map((f, i) => (i === index ? { ...f, ...patch } : f)) });
  const submit = async () => {
    setError(null);
    const parsed = inspectionBody.safeParse(form);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const index = issue?.path[0] === 'findings' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
      return setError(`${index !== null ? `${it('in.finding', { n: index + 1 })}: ` : ''}${issue?.message ?? ''}`);
    }
    try {
      await api.post(pathOf(I.addInspection, { id: contractorId }), parsed.data);
      message.success(it('in.saved'));
      setForm(emptyForm);
      await onDone();
    } catch (e) {
      setError(errorMessage(e, tc));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="in-form">
      {error ? <Alert type="error" showIcon title={error} data-testid="in-form-error" /> : null}
      <Space wrap>
        <label htmlFor="in-date">{L.inspectedOn}</label>
        <DateInput id="in-date" value={form.inspectedOn} onChange={(v) => set({ inspectedOn: v ?? '' })} />
        <label htmlFor="in-method">{L.method}</label>
        <Select
          id="in-method"
          style={{ width: 140 }}
          value={form.method}
          onChange={(v: InspectionMethod) => set({ method: v })}
          options={inspectionMethods.map((m) => ({ value: m, label: inspectionMethodLabels[m] }))}
        />
      </Space>
      <label htmlFor="in-inspectors">{L.inspectors}</label>
      <Input id="in-inspectors" value={form.inspectors} onChange={(e) => set({ inspectors: e.target.value })} />
      <label htmlFor="in-scope">{L.scope}</label>
      <Input.TextArea id="in-scope" rows={2} value={form.scope} onChange={(e) => set({ scope: e.target.value })} />
      <Typography.Text strong>{L.findings}</Typography.Text>
      {form.findings.map((f, index) => (
        // Findings have no id before saving; their place in the list is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: unsaved rows, edited in place
        <Space key={index} align="start" style={{ width: '100%' }} data-testid={`in-finding-${index + 1}`}>
          <Select
            aria-label={`${it('in.finding', { n: index + 1 })} ${L.severity}`}
            style={{ width: 120 }}
            value={f.severity}
            onChange={(v: FindingSeverity) => setFinding(index, { severity: v })}
            options={findingSeverities.map((s) => ({ value: s, label: findingSeverityLabels[s] }))}
          />
          <Input.TextArea
            aria-label={`${it('in.finding', { n: index + 1 })} ${L.description}`}
            rows={1}
            style={{ width: 420 }}
            value={f.description}
            onChange={(e) => setFinding(index, { description: e.target.value })}
          />
          <Button icon={<DeleteOutlined />} aria-label={it('in.removeFinding', { n: index + 1 })} onClick={() => set({ findings: form.findings.filter((_f, i) => i !== index) })} />
        </Space>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => set({ findings: [...form.findings, { severity: 'minor', description: '' }] })} data-testid="in-add-finding">
        {it('in.addFinding')}
      </Button>
      <label htmlFor="in-result">{L.result}</label>
      <Input.TextArea id="in-result" rows={2} value={form.result} onChange={(e) => set({ result: e.target.value })} />
      <Space>
        <Button type="primary" onClick={submit} data-testid="in-save">
          {it('in.save')}
        </Button>
        <Button onClick={onCancel}>{it('in.cancel')}</Button>
      </Space>
    </Space>
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
