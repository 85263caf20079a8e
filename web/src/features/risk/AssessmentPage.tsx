import { DeleteOutlined, DownloadOutlined, FilePdfOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Form, Input, List, Modal, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, download } from '../../api/client.ts';
import { DateInput, errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { PersonSelect } from '../../components/pickers.tsx';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.tsx';
import { ApprovalPanel } from '../inventory/components.tsx';
import { useRiskText } from './messages.ts';
import { HeatMapGrid } from './RiskPage.tsx';
import type { AssessmentDetail, Criteria, Proposal, RiskRecordView } from './types.ts';

/** A row being edited (scores may still be unset). */
type Draft = {
  key: string;
  id: string | null;
  phase: string;
  threat: string;
  risk: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  likelihood: number | null;
  impact: number | null;
  countermeasures: { text: string; refs: string[] }[];
  residualDescription: string;
  residualMeasure: string;
  residualMonitoringDate: string | null;
  typicalRiskId: string | null;
};

let seq = 0;
const newKey = () => `new-${++seq}`;

function fromView(r: RiskRecordView): Draft {
  return {
    key: r.id,
    id: r.id,
    phase: r.phase,
    threat: r.threat,
    risk: r.risk,
    ownerPersonId: r.ownerPersonId,
    ownerName: r.ownerName,
    likelihood: r.likelihood,
    impact: r.impact,
    countermeasures: r.countermeasures.length ? r.countermeasures : [{ text: '', refs: [] }],
    residualDescription: r.residualDescription ?? '',
    residualMeasure: r.residualMeasure ?? '',
    residualMonitoringDate: r.residualMonitoringDate,
    typicalRiskId: r.typicalRiskId,
  };
}

function toBody(d: Draft) {
  return {
    id: d.id,
    phase: d.phase,
    threat: d.threat,
    risk: d.risk,
    ownerPersonId: d.ownerPersonId,
    likelihood: d.likelihood,
    impact: d.impact,
    countermeasures: d.countermeasures.filter((c) => c.text.trim() !== '' || c.refs.length > 0),
    residualDescription: d.residualDescription,
    residualMeasure: d.residualMeasure,
    residualMonitoringDate: d.residualMonitoringDate,
    typicalRiskId: d.typicalRiskId,
  };
}

/** Field error under an input. */
function ErrorText({ message }: { message?: string }) {
  return message ? (
    <div className="ant-form-item-explain-error" style={{ color: '#cf1322', fontSize: 12, marginTop: 2 }} data-testid="record-error">
      {message}
    </div>
  ) : null;
}

function RecordEditor({
  draft,
  index,
  criteria,
  readOnly,
  errors,
  onChange,
  onRemove,
}: {
  draft: Draft;
  index: number;
  criteria: Criteria;
  readOnly: boolean;
  errors: Record<string, string>;
  onChange: (d: Draft) => void;
  onRemove: () => void;
}) {
  const rt = useRiskText();
  const threat = criteria.threats.find((x) => x.id === draft.threat);
  const score = draft.likelihood !== null && draft.impact !== null ? draft.likelihood * draft.impact : null;
  const hot = score !== null && score >= criteria.threshold;
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const err = (field: string) => errors[`${draft.key}.${field}`];
  const testid = (name: string) => `record-${index}-${name}`;
  return (
    <Form layout="vertical" component={false}>
      <div style={{ border: '1px solid #e5e8ec', borderRadius: 6, padding: 12, marginBottom: 12, background: hot ? '#fff7f7' : '#fff' }} data-testid={`record-${index}`}>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item label={rt('risk.threat')} style={{ marginBottom: 8 }}>
              <Select
                value={draft.threat}
                disabled={readOnly}
                onChange={(v) => {
                  const improper = criteria.threats.find((x) => x.id === v)?.improperHandling;
                  set(improper ? { threat: v, residualDescription: '', residualMeasure: '', residualMonitoringDate: null } : { threat: v });
                }}
                options={criteria.threats.map((x) => ({ value: x.id, label: x.improperHandling ? `${x.label} ※` : x.label }))}
                data-testid={testid('threat')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={rt('risk.owner')} style={{ marginBottom: 8 }} validateStatus={err('ownerPersonId') ? 'error' : undefined}>
              <PersonSelect
                value={draft.ownerPersonId}
                onChange={(v) => set({ ownerPersonId: v })}
                known={draft.ownerPersonId && draft.ownerName ? [{ value: draft.ownerPersonId, label: draft.ownerName }] : []}
                disabled={readOnly}
              />
              <ErrorText message={err('ownerPersonId')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={rt('risk.likelihood')} style={{ marginBottom: 8 }}>
              <Select
                value={draft.likelihood ?? undefined}
                placeholder={rt('risk.selectLevel')}
                disabled={readOnly}
                status={err('likelihood') ? 'error' : undefined}
                onChange={(v) => set({ likelihood: v })}
                options={criteria.likelihood.levels.map((l) => ({ value: l.value, label: `${l.value} ${l.label}`, title: l.description }))}
                data-testid={testid('likelihood')}
              />
              <ErrorText message={err('likelihood')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={rt('risk.impact')} style={{ marginBottom: 8 }}>
              <Select
                value={draft.impact ?? undefined}
                placeholder={rt('risk.selectLevel')}
                disabled={readOnly}
                status={err('impact') ? 'error' : undefined}
                onChange={(v) => set({ impact: v })}
                options={criteria.impact.levels.map((l) => ({ value: l.value, label: `${l.value} ${l.label}`, title: l.description }))}
                data-testid={testid('impact')}
              />
              <ErrorText message={err('impact')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={rt('risk.score')} style={{ marginBottom: 8 }}>
              <Space>
                <Tag color={score === null ? 'default' : hot ? 'red' : 'green'} style={{ fontSize: 16, padding: '2px 10px' }} data-testid={testid('score')}>
                  {score ?? '—'}
                </Tag>
                {!readOnly ? <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={rt('risk.remove')} /> : null}
              </Space>
            </Form.Item>
          </Col>
        </Row>
        {threat?.improperHandling ? (
          <Tag color="purple" style={{ marginBottom: 8 }}>
            {rt('risk.improper')}（{criteria.improperHandlingBasis.clause}）
          </Tag>
        ) : null}
        <Form.Item label={rt('risk.risk')} style={{ marginBottom: 8 }}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 3 }}
            value={draft.risk}
            disabled={readOnly}
            status={err('risk') ? 'error' : undefined}
            onChange={(e) => set({ risk: e.target.value })}
            data-testid={testid('risk')}
          />
          <ErrorText message={err('risk')} />
        </Form.Item>
        <Form.Item label={rt('risk.countermeasures')} style={{ marginBottom: 8 }}>
          {draft.countermeasures.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: countermeasures have no id; each row is a controlled input bound to its position
            <Space.Compact key={i} style={{ width: '100%', marginBottom: 4 }}>
              <Input
                value={c.text}
                disabled={readOnly}
                status={err('countermeasures') ? 'error' : undefined}
                placeholder={rt('risk.countermeasure')}
                onChange={(e) => set({ countermeasures: draft.countermeasures.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })}
                data-testid={testid(`cm-${i}`)}
              />
              <Select
                mode="tags"
                open={false}
                suffixIcon={null}
                disabled={readOnly}
                value={c.refs}
                placeholder={rt('risk.refs')}
                tokenSeparators={['、', ',']}
                onChange={(refs: string[]) => set({ countermeasures: draft.countermeasures.map((x, j) => (j === i ? { ...x, refs } : x)) })}
                style={{ width: 260 }}
                data-testid={testid(`cm-${i}-refs`)}
              />
              {!readOnly ? <Button icon={<DeleteOutlined />} onClick={() => set({ countermeasures: draft.countermeasures.filter((_, j) => j !== i) })} /> : null}
            </Space.Compact>
          ))}
          <ErrorText message={err('countermeasures')} />
          {!readOnly ? (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => set({ countermeasures: [...draft.countermeasures, { text: '', refs: [] }] })}>
              {rt('risk.addCountermeasure')}
            </Button>
          ) : null}
        </Form.Item>
        {!threat?.improperHandling ? (
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label={rt('risk.residualDescription')} style={{ marginBottom: 0 }}>
                <Input
                  value={draft.residualDescription}
                  disabled={readOnly}
                  status={err('residualDescription') ? 'error' : undefined}
                  onChange={(e) => set({ residualDescription: e.target.value })}
                  data-testid={testid('residual-description')}
                />
                <ErrorText message={err('residualDescription')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label={rt('risk.residualMeasure')} style={{ marginBottom: 0 }} required={hot}>
                <Input
                  value={draft.residualMeasure}
                  disabled={readOnly}
                  status={err('residualMeasure') ? 'error' : undefined}
                  onChange={(e) => set({ residualMeasure: e.target.value })}
                  data-testid={testid('residual-measure')}
                />
                <ErrorText message={err('residualMeasure')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item label={rt('risk.monitoring')} style={{ marginBottom: 0 }}>
                <DateInput
                  value={draft.residualMonitoringDate}
                  onChange={(v) => set({ residualMonitoringDate: v })}
                  disabled={readOnly}
                  status={err('residualMonitoringDate') ? 'error' : undefined}
                  id={testid('monitoring')}
                />
                <ErrorText message={err('residualMonitoringDate')} />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <ErrorText message={err('residualDescription')} />
        )}
      </div>
    </Form>
  );
}

function ProposalsModal({
  assessmentId,
  phase,
  criteria,
  onAdd,
  onClose,
}: {
  assessmentId: string;
  phase: string | null;
  criteria: Criteria;
  onAdd: (p: Proposal[]) => void;
  onClose: () => void;
}) {
  const rt = useRiskText();
  const proposals = useQuery({
    queryKey: ['risk', 'proposals', assessmentId],
    queryFn: () => api.get<{ proposals: Proposal[]; notes: string[]; typicalRisksVersion: string }>(`/api/risk/assessments/${assessmentId}/proposals`),
  });
  const list = (proposals.data?.proposals ?? []).filter((p) => !phase || p.phase === phase);
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <Modal
      open
      width={860}
      title={`${rt('risk.proposals')}${phase ? `: ${criteria.phases.find((p) => p.id === phase)?.label ?? ''}` : ''}`}
      onCancel={onClose}
      okText={rt('risk.addSelected')}
      okButtonProps={{ disabled: chosen.length === 0, ...({ 'data-testid': 'proposals-add' } as object) }}
      onOk={() => onAdd(list.filter((p) => chosen.includes(p.typicalRiskId)))}
    >
      {proposals.data?.notes.map((n) => (
        <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 8 }} />
      ))}
      <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} style={{ width: '100%' }}>
        <List
          size="small"
          loading={proposals.isPending}
          dataSource={list}
          style={{ maxHeight: 480, overflow: 'auto', width: '100%' }}
          renderItem={(p) => (
            <List.Item>
              <Checkbox value={p.typicalRiskId}>
                <div>
                  <Space wrap>
                    <Tag>{p.phaseLabel}</Tag>
                    <Tag color={p.improperHandling ? 'purple' : 'blue'}>{p.threatLabel}</Tag>
                    <strong>{p.risk}</strong>
                  </Space>
                  <ul style={{ margin: '4px 0', fontSize: 12 }}>
                    {p.countermeasures.map((c) => (
                      <li key={c.text}>
                        {c.text}（{c.refs.map((r) => `${r.source === 'PA01' ? '' : '世田谷区 '}${r.clause}`).join('、')}）
                      </li>
                    ))}
                  </ul>
                  {p.matchedBecause.length ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.matchedBecause.join('・')}
                    </Typography.Text>
                  ) : null}
                </div>
              </Checkbox>
            </List.Item>
          )}
        />
      </Checkbox.Group>
    </Modal>
  );
}

function AssessmentScreen() {
  const rt = useRiskText();
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['risk', 'assessment', id], queryFn: () => api.get<AssessmentDetail>(`/api/risk/assessments/${id}`) });
  const [records, setRecords] = useState<Draft[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [proposing, setProposing] = useState<{ phase: string | null } | null>(null);
  const version = detail.data?.updatedAt;
  // Take the server's rows whenever the record was (re)loaded from the server.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the stored version changes
  useEffect(() => {
    if (detail.data) setRecords(detail.data.records.map(fromView));
  }, [version, detail.data?.status]);
  const d = detail.data;
  const byPhase = useMemo(() => {
    const map = new Map<string, { draft: Draft; index: number }[]>();
    for (const [index, draft] of (records ?? []).entries()) map.set(draft.phase, [...(map.get(draft.phase) ?? []), { draft, index }]);
    return map;
  }, [records]);
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;
  if (!d || !records) return <Skeleton active />;
  const readOnly = !d.canEdit;
  const me = session ? { id: session.account.personId, name: session.account.name } : null;

  const add = (phase: string, from?: Proposal) =>
    setRecords((rs) => [
      ...(rs ?? []),
      {
        key: newKey(),
        id: null,
        phase,
        threat: from?.threat ?? 'leak',
        risk: from?.risk ?? '',
        ownerPersonId: me?.id ?? null,
        ownerName: me?.name ?? null,
        likelihood: null,
        impact: null,
        countermeasures: from
          ? from.countermeasures.map((c) => ({ text: c.text, refs: c.refs.map((r) => `${r.source === 'PA01' ? '' : '世田谷区 '}${r.clause}`) }))
          : [{ text: '', refs: [] }],
        residualDescription: '',
        residualMeasure: '',
        residualMonitoringDate: null,
        typicalRiskId: from?.typicalRiskId ?? null,
      },
    ]);

  /** Server field paths (`records.3.residualMeasure`) → the row's key and field. */
  const applyErrors = (error: unknown, sent: Draft[]) => {
    if (!(error instanceof ApiError)) {
      setProblem(errorMessage(error, t));
      return;
    }
    const next: Record<string, string> = {};
    const other: string[] = [];
    for (const f of error.fields) {
      const m = /^records\.(\d+)\.([A-Za-z]+)/.exec(f.path);
      const draft = m ? sent[Number(m[1])] : undefined;
      if (m && draft) next[`${draft.key}.${m[2]}`] = f.message;
      else other.push(f.message);
    }
    setErrors(next);
    setProblem(other.length ? other.join(' / ') : `${rt('risk.errors')}（${error.fields.length}件）`);
  };

  const save = async (): Promise<boolean> => {
    setProblem(null);
    const missing: Record<string, string> = {};
    for (const r of records) {
      if (r.likelihood === null) missing[`${r.key}.likelihood`] = '発生可能性を選んでください';
      if (r.impact === null) missing[`${r.key}.impact`] = '影響度を選んでください';
    }
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setProblem(rt('risk.errors'));
      return false;
    }
    setBusy('save');
    const sent = records;
    try {
      const saved = await api.put<AssessmentDetail>(`/api/risk/assessments/${id}/records`, { records: sent.map(toBody) });
      queryClient.setQueryData(['risk', 'assessment', id], saved);
      setRecords(saved.records.map(fromView));
      setErrors({});
      message.success(rt('risk.saved'));
      return true;
    } catch (error) {
      applyErrors(error, sent);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (!(await save())) return;
    setBusy('submit');
    try {
      const submitted = await api.post<AssessmentDetail>(`/api/risk/assessments/${id}/submit`);
      queryClient.setQueryData(['risk', 'assessment', id], submitted);
      void queryClient.invalidateQueries({ queryKey: ['risk'] });
      message.success(rt('risk.submitted'));
    } catch (error) {
      applyErrors(error, records);
    } finally {
      setBusy(null);
    }
  };

  const exportFile = async (kind: 'xlsx' | 'pdf') => {
    try {
      await download(`/api/risk/assessments/${id}/${kind === 'xlsx' ? 'export.xlsx' : 'report.pdf'}`, `リスク分析対策表.${kind}`);
    } catch (e) {
      message.error(`${t('common.downloadFailed')}: ${errorMessage(e, t)}`);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <Space>
            {d.category}
            <Tag color={d.status === 'approved' ? 'green' : d.status === 'pending' ? 'blue' : d.status === 'returned' ? 'orange' : 'default'} data-testid="assessment-status">
              {d.statusLabel}
            </Tag>
          </Space>
        }
        lead={`${d.departmentName}・${rt('risk.criteria', { title: d.criteria.title, id: d.criteriaVersion })}`}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => exportFile('xlsx')} data-testid="assessment-export">
              {rt('risk.exportExcel')}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => exportFile('pdf')}>
              {rt('risk.exportPdf')}
            </Button>
            {!readOnly ? (
              <>
                <Button icon={<PlusOutlined />} onClick={() => setProposing({ phase: null })}>
                  {rt('risk.addTypical')}
                </Button>
                <Button icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void save()} data-testid="assessment-save">
                  {rt('risk.save')}
                </Button>
              </>
            ) : null}
            {d.canSubmit ? (
              <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} onClick={() => void submit()} data-testid="assessment-submit">
                {rt('risk.submit')}
              </Button>
            ) : null}
          </>
        }
      />
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="assessment-error" /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          {d.criteria.phases.map((phase) => {
            const rows = byPhase.get(phase.id) ?? [];
            return (
              <Card
                key={phase.id}
                title={
                  <Space>
                    {phase.label}
                    <Tag>{rows.length}</Tag>
                  </Space>
                }
                style={{ marginBottom: 16 }}
                data-testid={`phase-${phase.id}`}
                extra={
                  !readOnly ? (
                    <Space>
                      <Button size="small" onClick={() => setProposing({ phase: phase.id })} data-testid={`add-typical-${phase.id}`}>
                        {rt('risk.addTypical')}
                      </Button>
                      <Button size="small" icon={<PlusOutlined />} onClick={() => add(phase.id)} data-testid={`add-risk-${phase.id}`}>
                        {rt('risk.addRisk')}
                      </Button>
                    </Space>
                  ) : null
                }
              >
                {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={rt('risk.noRisksInPhase')} /> : null}
                {rows.map(({ draft, index }) => (
                  <RecordEditor
                    key={draft.key}
                    draft={draft}
                    index={index}
                    criteria={d.criteria}
                    readOnly={readOnly}
                    errors={errors}
                    onChange={(next) => setRecords((rs) => (rs ?? []).map((r) => (r.key === draft.key ? next : r)))}
                    onRemove={() => setRecords((rs) => (rs ?? []).filter((r) => r.key !== draft.key))}
                  />
                ))}
              </Card>
            );
          })}
        </Col>
        <Col xs={24} xl={7}>
          <Card title={rt('risk.approval')} style={{ marginBottom: 16 }}>
            <ApprovalPanel approvalRequestId={d.approvalRequestId} onChanged={() => void queryClient.invalidateQueries({ queryKey: ['risk'] })} />
          </Card>
          <Card title={rt('risk.entries')} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={d.entries}
              renderItem={(e) => (
                <List.Item>
                  <Space wrap>
                    <Typography.Link onClick={() => navigate(`/inventory/entries/${e.id}`)}>{e.name}</Typography.Link>
                    <Tag>{e.riskStatusLabel}</Tag>
                    {e.stale ? <Tag color="orange">{rt('risk.stale')}</Tag> : null}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card title={rt('risk.heatmap')}>
            <HeatMapGrid heatMap={d.heatMap} criteria={d.criteria} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {rt('risk.thresholdHint', { threshold: d.criteria.threshold, clause: d.criteria.thresholdBasis.clause })}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      {proposing ? (
        <ProposalsModal
          assessmentId={d.id}
          phase={proposing.phase}
          criteria={d.criteria}
          onClose={() => setProposing(null)}
          onAdd={(chosen) => {
            for (const p of chosen) add(p.phase, p);
            setProposing(null);
          }}
        />
      ) : null}
    </>
  );
}

/** リスク分析対策表 of one 類型: five phases × threats, scores, countermeasures, residual risks, approval, exports. */
export default function AssessmentPage() {
  return (
    <RequirePermission permission="risk.read">
      <AssessmentScreen />
    </RequirePermission>
  );
}
