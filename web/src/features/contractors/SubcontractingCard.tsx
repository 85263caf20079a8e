import { ApartmentOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Select, Space, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { contractorsContract } from '../../../../src/modules/contractors/contractors.contract.ts';
import { MAX_SUBCONTRACT_WORKERS, type SupervisionMethod, supervisionMethodLabels, supervisionMethods } from '../../../../src/modules/contractors/contractors.labels.ts';
import { subcontractRequestBody, supervisionBody } from '../../../../src/modules/contractors/subcontracting.schema.ts';
import { api } from '../../api/client.ts';
import { DateInput, errorMessage } from '../../components/form.tsx';
import { QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type ContractorDetail, contractorKeys, pathOf, type SubcontractChainNode, useContractorList, useSubcontracting } from './api.ts';
import { useContractorText } from './messages.ts';

// 再委託の系列 on the contractor page (issue 13): the levels above, the tree below with 承認前／承認済,
// the 再委託承認申請 (特記事項 第6条第2項) and the 監督の記録 of each link (第6条第5項).

function toTreeData(node: SubcontractChainNode, navigate: (to: string) => void): DataNode {
  return {
    key: node.id,
    title: (
      <Space size={4}>
        <Typography.Link onClick={() => navigate(`/contractors/${node.id}`)}>{node.name}</Typography.Link>
        {node.statusLabel ? <Tag color={node.status === 'approved' ? 'success' : 'warning'}>{node.statusLabel}</Tag> : null}
      </Space>
    ),
    children: node.children.map((c) => toTreeData(c, navigate)),
  };
}

/** 再委託承認申請の入力: the sub-contractor from the register, the work, the entries, the measures, the period, the reason. */
function RequestForm({ detail, onDone }: { detail: ContractorDetail; onDone: () => Promise<void> }) {
  const ct = useContractorText();
  const tc = useT();
  const { message } = App.useApp();
  const register = useContractorList({ q: '', page: 1, pageSize: 200 });
  const [form, setForm] = useState({
    subContractorId: '',
    work: '',
    entryIds: [] as string[],
    safetyMeasures: '',
    startsOn: '',
    endsOn: '',
    reason: '',
    workLeadName: '',
    workLeadTitle: '',
    workLeadContact: '',
    workers: [''],
  });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async () => {
    setError(null);
    const parsed = subcontractRequestBody.safeParse({ ...form, endsOn: form.endsOn || null });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '');
    try {
      await api.post(pathOf(contractorsContract.requestSubcontract, { id: detail.id }), parsed.data);
      message.success(ct('ct.sub.submitted'));
      await onDone();
    } catch (e) {
      setError(errorMessage(e, tc));
    }
  };
  const label = (id: string, text: string) => <label htmlFor={id}>{text}</label>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="ct-sub-form">
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {label('ct-sub-contractor', ct('ct.sub.subContractor'))}
      <Select
        id="ct-sub-contractor"
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        value={form.subContractorId || undefined}
        onChange={(v: string) => set({ subContractorId: v })}
        options={(register.data?.items ?? []).filter((c) => c.id !== detail.id).map((c) => ({ value: c.id, label: c.name }))}
      />
      {label('ct-sub-work', ct('ct.sub.work'))}
      <Input.TextArea id="ct-sub-work" rows={2} value={form.work} onChange={(e) => set({ work: e.target.value })} />
      {label('ct-sub-entries', ct('ct.sub.entries'))}
      <Select
        id="ct-sub-entries"
        mode="multiple"
        value={form.entryIds}
        onChange={(v: string[]) => set({ entryIds: v })}
        options={detail.entries.map((e) => ({ value: e.id, label: e.name }))}
      />
      {label('ct-sub-safety', ct('ct.sub.safety'))}
      <Input.TextArea id="ct-sub-safety" rows={2} value={form.safetyMeasures} onChange={(e) => set({ safetyMeasures: e.target.value })} />
      <Space wrap>
        {label('ct-sub-starts', ct('ct.sub.startsOn'))}
        <DateInput id="ct-sub-starts" value={form.startsOn} onChange={(v) => set({ startsOn: v ?? '' })} />
        {label('ct-sub-ends', ct('ct.sub.endsOn'))}
        <DateInput id="ct-sub-ends" value={form.endsOn} onChange={(v) => set({ endsOn: v ?? '' })} />
      </Space>
      {label('ct-sub-reason', ct('ct.sub.reason'))}
      <Input.TextArea id="ct-sub-reason" rows={2} value={form.reason} onChange={(e) => set({ reason: e.target.value })} />
      {/* 豊島区 守るべき事項 3 ウ: 再委託先において個人情報を取り扱う作業責任者及び作業従事者の氏名等 */}
      {label('ct-sub-lead-name', ct('ct.sub.leadName'))}
      <Input id="ct-sub-lead-name" value={form.workLeadName} onChange={(e) => set({ workLeadName: e.target.value })} />
      {label('ct-sub-lead-title', ct('ct.sub.leadTitle'))}
      <Input id="ct-sub-lead-title" value={form.workLeadTitle} onChange={(e) => set({ workLeadTitle: e.target.value })} />
      {label('ct-sub-lead-contact', ct('ct.sub.leadContact'))}
      <Input id="ct-sub-lead-contact" value={form.workLeadContact} onChange={(e) => set({ workLeadContact: e.target.value })} />
      {form.workers.map((name, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is edited in place; an input's place is its identity
        <Space.Compact key={i} style={{ width: '100%' }}>
          <Input
            aria-label={ct('ct.sub.worker', { n: i + 1 })}
            placeholder={ct('ct.sub.worker', { n: i + 1 })}
            value={name}
            onChange={(e) => set({ workers: form.workers.map((w, j) => (j === i ? e.target.value : w)) })}
            data-testid={`ct-sub-worker-${i}`}
          />
          {form.workers.length > 1 ? (
            <Button onClick={() => set({ workers: form.workers.filter((_, j) => j !== i) })} aria-label={ct('ct.sub.workerRemove', { n: i + 1 })}>
              {ct('ct.sub.remove')}
            </Button>
          ) : null}
        </Space.Compact>
      ))}
      <Button onClick={() => set({ workers: [...form.workers, ''] })} disabled={form.workers.length >= MAX_SUBCONTRACT_WORKERS} data-testid="ct-sub-worker-add">
        {ct('ct.sub.workerAdd')}
      </Button>
      <Button type="primary" icon={<SendOutlined />} onClick={submit} data-testid="ct-sub-submit">
        {ct('ct.sub.submit')}
      </Button>
    </Space>
  );
}

/** 監督の記録の入力 (第6条第5項). */
function SupervisionForm({ contractorId, onDone }: { contractorId: string; onDone: () => Promise<void> }) {
  const ct = useContractorText();
  const tc = useT();
  const { message } = App.useApp();
  const [form, setForm] = useState({ supervisedOn: '', method: 'document' as SupervisionMethod, findings: '', supervisor: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async () => {
    setError(null);
    const parsed = supervisionBody.safeParse(form);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '');
    try {
      await api.post(pathOf(contractorsContract.recordSupervision, { id: contractorId }), parsed.data);
      message.success(ct('ct.sub.recorded'));
      setForm({ supervisedOn: '', method: 'document', findings: '', supervisor: '' });
      await onDone();
    } catch (e) {
      setError(errorMessage(e, tc));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="ct-supervision-form">
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Space wrap>
        <label htmlFor="ct-sv-date">{ct('ct.sub.supervisedOn')}</label>
        <DateInput id="ct-sv-date" value={form.supervisedOn} onChange={(v) => set({ supervisedOn: v ?? '' })} />
        <label htmlFor="ct-sv-method">{ct('ct.sub.method')}</label>
        <Select
          id="ct-sv-method"
          style={{ width: 140 }}
          value={form.method}
          onChange={(v: SupervisionMethod) => set({ method: v })}
          options={supervisionMethods.map((m) => ({ value: m, label: supervisionMethodLabels[m] }))}
        />
        <label htmlFor="ct-sv-by">{ct('ct.sub.supervisor')}</label>
        <Input id="ct-sv-by" value={form.supervisor} onChange={(e) => set({ supervisor: e.target.value })} style={{ width: 220 }} />
      </Space>
      <label htmlFor="ct-sv-findings">{ct('ct.sub.findings')}</label>
      <Input.TextArea id="ct-sv-findings" rows={2} value={form.findings} onChange={(e) => set({ findings: e.target.value })} />
      <Button onClick={submit} data-testid="ct-sv-submit">
        {ct('ct.sub.record')}
      </Button>
    </Space>
  );
}

/** 再委託の系列 card of the contractor page. */
export function SubcontractingCard({ detail }: { detail: ContractorDetail }) {
  const ct = useContractorText();
  const date = useDateFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useSubcontracting(detail.id);
  const [requesting, setRequesting] = useState(false);
  const refresh = async () => {
    setRequesting(false);
    await queryClient.invalidateQueries({ queryKey: contractorKeys.all });
  };
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  return (
    <Card size="small" title={ct('ct.sub.title')} loading={query.isPending} data-testid="ct-subcontracting">
      {data ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{ct('ct.sub.lead')}</Typography.Paragraph>
          {data.ancestors.length > 0 ? (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={ct('ct.sub.above')}>{data.ancestors.map((a) => a.name).join(' → ')}</Descriptions.Item>
            </Descriptions>
          ) : null}
          {data.tree.children.length > 0 ? (
            <Tree showLine defaultExpandAll icon={<ApartmentOutlined />} treeData={[toTreeData(data.tree, navigate)]} />
          ) : (
            <Typography.Text type="secondary">{ct('ct.sub.noneBelow')}</Typography.Text>
          )}
          {detail.subcontractingClause === 'prohibit' ? <Alert type="info" showIcon title={ct('ct.sub.prohibited')} /> : null}
          {data.requests.length > 0 ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.requests}
              columns={[
                { title: ct('ct.sub.work'), dataIndex: 'work' },
                { title: ct('ct.sub.startsOn'), render: (_v, r) => date(r.startsOn) },
                {
                  // 豊島区 守るべき事項 3 ウ: 再委託先において個人情報を取り扱う作業責任者及び作業従事者
                  title: ct('ct.sub.staff'),
                  render: (_v, r) =>
                    r.workLead ? (
                      <span data-testid={`ct-sub-staff-${r.id}`}>
                        {r.workLead.name}（{r.workLead.title}、{r.workLead.contact}）
                        <br />
                        {ct('ct.sub.workers')}: {r.workers.join('、')}
                      </span>
                    ) : (
                      <Typography.Text type="secondary">{ct('ct.sub.staffNone')}</Typography.Text>
                    ),
                },
                { title: ct('ct.sub.status'), render: (_v, r) => <Tag color={r.status === 'approved' ? 'success' : 'warning'}>{r.statusLabel}</Tag> },
              ]}
            />
          ) : null}
          {data.canRequest && !requesting ? (
            <Button onClick={() => setRequesting(true)} data-testid="ct-sub-request">
              {ct('ct.sub.request')}
            </Button>
          ) : null}
          {requesting ? <RequestForm detail={detail} onDone={refresh} /> : null}
          <Typography.Title level={5}>{ct('ct.sub.supervisions')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.supervisions}
            columns={[
              { title: ct('ct.sub.supervisedOn'), render: (_v, r) => date(r.supervisedOn) },
              { title: ct('ct.sub.method'), dataIndex: 'methodLabel' },
              { title: ct('ct.sub.supervisor'), dataIndex: 'supervisor' },
              { title: ct('ct.sub.findings'), dataIndex: 'findings' },
            ]}
          />
          {data.canSupervise ? <SupervisionForm contractorId={detail.id} onDone={refresh} /> : null}
        </Space>
      ) : null}
    </Card>
  );
}
