import { ArrowLeftOutlined, CheckOutlined, ExportOutlined, HistoryOutlined, RollbackOutlined, TeamOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, Modal, Row, Skeleton, Space, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { approvalsContract } from '../../../../src/platform/approvals/approvals.contract.ts';
import { ApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { appLink } from '../../lib/links.ts';
import { type ApprovalDetail, type ApprovalStamp, type ApprovalStatus, type ApprovalStepState, approvalKeys, type Decision, decideApproval, useApproval } from './api.ts';
import { isApprovalMessageKey, type ApprovalMessageKey, useApprovalT } from './messages.ts';
import { actionTagColors, statusTagColors, stepTagColor } from './tagColors.ts';

type Stamp = ApprovalStamp;

const stepStatus: Record<ApprovalStepState, 'finish' | 'error' | 'process' | 'wait'> = {
  approved: 'finish',
  returned: 'error',
  current: 'process',
  waiting: 'wait',
  skipped: 'wait',
  passed: 'wait',
};

function StatusTag({ status, fallback }: { status: ApprovalStatus; fallback: string }) {
  const t = useApprovalT();
  const key = `approval.status.${status}`;
  return (
    <Tag color={statusTagColors[status]} data-testid="approval-status">
      {isApprovalMessageKey(key) ? t(key as ApprovalMessageKey) : fallback}
    </Tag>
  );
}

/** 承認者（代理のときは「代理」と委任者）. */
function StampActor({ stamp }: { stamp: Stamp }) {
  const t = useApprovalT();
  if (!stamp.onBehalfOfName) return <span>{stamp.actorName}</span>;
  return (
    <Space size={4} wrap>
      <span>{stamp.actorName}</span>
      <Tag color="purple">{t('approval.proxy')}</Tag>
      <Typography.Text type="secondary">{t('approval.stamp.onBehalf', { name: stamp.onBehalfOfName })}</Typography.Text>
    </Space>
  );
}

/** A described value: multi-line text as written, 「—」 when not filled. */
function FieldValue({ value }: { value: string | null }) {
  if (value === null || value.trim() === '') return <Typography.Text type="secondary">—</Typography.Text>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>;
}

/**
 * 申請内容: the record as it was submitted, as its record type describes it — Japanese labels and
 * values from the server (describeSnapshot), never the raw snapshot (issue 10).
 */
function RecordContent({ detail }: { detail: ApprovalDetail }) {
  const t = useApprovalT();
  const fields = detail.request.snapshotFields;
  if (fields.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approval.recordEmpty')} />;
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      styles={{ label: { width: 200 } }}
      items={fields.map((f) => ({ key: f.key, label: f.label, children: <FieldValue value={f.value} /> }))}
    />
  );
}

type Changes = NonNullable<ApprovalDetail['request']['changes']>;

/** 前回承認された版との違い: each field that differs, before and after (issue 10). */
function ChangesTable({ changes }: { changes: Changes }) {
  const t = useApprovalT();
  return (
    <>
      <Typography.Paragraph type="secondary">
        {changes.approvedAt
          ? t('approval.changes.basisAt', { basis: changes.basis, at: formatDateTime(changes.approvedAt) })
          : t('approval.changes.basis', { basis: changes.basis })}
      </Typography.Paragraph>
      <Table<Changes['fields'][number]>
        size="small"
        rowKey="key"
        dataSource={changes.fields}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approval.changes.none')} /> }}
        columns={[
          { title: t('approval.changes.item'), dataIndex: 'label', width: 200 },
          { title: t('approval.changes.before'), dataIndex: 'before', render: (v: string | null) => <FieldValue value={v} /> },
          { title: t('approval.changes.after'), dataIndex: 'after', render: (v: string | null) => <FieldValue value={v} /> },
        ]}
      />
    </>
  );
}

/** 承認経路: each step with its state and the stamp that decided it. */
function ChainSteps({ detail }: { detail: ApprovalDetail }) {
  const t = useApprovalT();
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={detail.request.stepIndex}
      items={detail.steps.map((step) => {
        const stamp = [...detail.stamps].reverse().find((s) => s.step === step.index);
        return {
          status: stepStatus[step.state],
          title: (
            <Space size={6}>
              <span>{step.label}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('approval.stepNo', { n: step.index + 1 })}
              </Typography.Text>
            </Space>
          ),
          content: (
            <div data-testid={`approval-step-${step.index}`}>
              <Tag color={stepTagColor(step.state)}>{t(`approval.stepState.${step.state}`)}</Tag>
              {step.alternateLabel && step.state !== 'approved' && step.state !== 'passed' ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('chains.alternateTag', { label: step.alternateLabel })}
                </Typography.Text>
              ) : null}
              {step.note && step.state === 'passed' ? (
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)', marginTop: 4 }} data-testid={`approval-step-note-${step.index}`}>
                  {step.note}
                </div>
              ) : null}
              {stamp ? (
                <div style={{ marginTop: 4 }}>
                  <StampActor stamp={stamp} />
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{formatDateTime(stamp.at)}</div>
                </div>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}

function StampsTable({ stamps }: { stamps: Stamp[] }) {
  const t = useApprovalT();
  return (
    <Table<Stamp>
      size="small"
      rowKey={(s) => `${s.step}-${s.at}`}
      dataSource={stamps}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approval.noStamps')} /> }}
      columns={[
        { title: t('approval.stamp.step'), dataIndex: 'stepLabel', width: 170 },
        {
          title: t('approval.stamp.action'),
          dataIndex: 'action',
          width: 90,
          render: (action: Stamp['action']) => <Tag color={actionTagColors[action]}>{t(action === 'approve' ? 'approval.action.approve' : 'approval.action.return')}</Tag>,
        },
        { title: t('approval.stamp.actor'), key: 'actor', width: 240, render: (_v, s) => <StampActor stamp={s} /> },
        { title: t('approval.stamp.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
        { title: t('approval.stamp.comment'), dataIndex: 'comment', render: (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{v ?? ''}</span> },
      ]}
    />
  );
}

/** The confirmation of 承認 / 差戻し / 取下げ, with the comment (required for 差戻し, checked with the API's schema). */
function DecisionModal({ detail, kind, onClose }: { detail: ApprovalDetail; kind: Decision; onClose: () => void }) {
  const t = useApprovalT();
  const common = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const id = detail.request.id;
  const decide = useMutation({
    mutationFn: (comment: string | null) => {
      if (kind === 'withdraw') return decideApproval(id, 'withdraw');
      if (kind === 'return') return decideApproval(id, 'return', { comment: comment ?? '' });
      return decideApproval(id, 'approve', comment ? { comment } : {});
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(approvalKeys.detail(id), updated);
      // The home inbox, tasks and the bell change with the decision.
      void queryClient.invalidateQueries({ queryKey: queryKeys.myApprovals });
      void queryClient.invalidateQueries({ queryKey: queryKeys.myTasks });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
      message.success(t(`approval.done.${kind}`));
      onClose();
    },
    onError: (error) => {
      const field = error instanceof ApiError ? error.fields.find((f) => f.path === 'comment') : undefined;
      if (field) {
        setCommentError(field.message);
        return;
      }
      message.error(errorMessage(error, common));
      // Someone else may have decided meanwhile (409): show the request as it is now.
      void queryClient.invalidateQueries({ queryKey: approvalKeys.detail(id) });
      onClose();
    },
  });
  const confirm = () => {
    if (kind === 'withdraw') {
      decide.mutate(null);
      return;
    }
    const parsed = (kind === 'return' ? approvalsContract.return.body : approvalsContract.approve.body).safeParse({ comment });
    if (!parsed.success) {
      setCommentError(parsed.error.issues[0]?.message ?? t('approval.returnReason'));
      return;
    }
    decide.mutate(parsed.data.comment ?? null);
  };
  const title = detail.request.title;
  return (
    <Modal
      open
      title={t(`approval.confirm.${kind}Title`)}
      okText={t(`approval.action.${kind}`)}
      okButtonProps={{ danger: kind !== 'approve', loading: decide.isPending }}
      cancelText={common('common.cancel')}
      onOk={confirm}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t(`approval.confirm.${kind}`, { title })}</Typography.Paragraph>
      <Typography.Text type="secondary">
        {detail.request.recordTypeLabel} ／ {detail.request.submittedByName}
        {detail.request.stepLabel ? ` ／ ${detail.request.stepLabel}` : ''}
      </Typography.Text>
      {kind !== 'withdraw' ? (
        <div style={{ marginTop: 12 }}>
          <label htmlFor="approval-comment">{kind === 'approve' ? t('approval.commentOptional') : t('approval.returnReason')}</label>
          <Input.TextArea
            id="approval-comment"
            rows={3}
            value={comment}
            status={commentError ? 'error' : undefined}
            onChange={(e) => {
              setComment(e.target.value);
              setCommentError(null);
            }}
            count={{ max: 2000 }}
          />
          {commentError ? (
            <div role="alert" style={{ color: '#ff4d4f', marginTop: 4 }}>
              {commentError}
            </div>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}

function ApprovalScreen({ detail }: { detail: ApprovalDetail }) {
  const t = useApprovalT();
  const common = useT();
  const navigate = useNavigate();
  const [decision, setDecision] = useState<Decision | null>(null);
  const { request } = detail;
  // The buttons follow what the server says the caller may do (request.abilities), never rules re-derived here.
  const { abilities } = request;
  const recordLink = appLink(request.link);
  // Nobody but the submitter could approve the current step (issue 10): the screen says so plainly.
  const stuck = request.currentApprovers?.kind === 'stranded' || request.currentApprovers?.kind === 'vacant';
  return (
    <>
      <PageHeader
        title={request.title}
        lead={
          <Space size={6} wrap>
            <Tag color="blue">{request.recordTypeLabel}</Tag>
            <StatusTag status={request.status} fallback={request.statusLabel} />
          </Space>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/')}>
              {common('common.backHome')}
            </Button>
            {recordLink ? (
              <Button icon={<ExportOutlined />} onClick={() => navigate(recordLink)}>
                {t('approval.openRecord')}
              </Button>
            ) : null}
            {abilities.delegate ? (
              <Button icon={<TeamOutlined />} onClick={() => navigate('/settings?tab=delegations')} data-testid="approval-delegate">
                {t('approval.action.delegate')}
              </Button>
            ) : null}
            {abilities.withdraw ? (
              <Button icon={<UndoOutlined />} onClick={() => setDecision('withdraw')} data-testid="approval-withdraw">
                {t('approval.action.withdraw')}
              </Button>
            ) : null}
            {abilities.return ? (
              <Button danger icon={<RollbackOutlined />} onClick={() => setDecision('return')} data-testid="approval-return">
                {t('approval.action.return')}
              </Button>
            ) : null}
            {abilities.approve ? (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setDecision('approve')} data-testid="approval-approve">
                {t('approval.action.approve')}
              </Button>
            ) : null}
          </>
        }
      />
      {abilities.approve && request.onBehalfOf ? (
        <Alert type="info" showIcon title={t('approval.onBehalfNotice', { name: request.onBehalfOf.name })} style={{ marginBottom: 16 }} />
      ) : null}
      {request.status === 'pending' && !abilities.approve && request.stepLabel ? (
        <Alert
          type={stuck ? 'warning' : 'info'}
          showIcon
          title={t('approval.waitingFor', { step: request.stepLabel })}
          description={request.currentApprovers?.note}
          style={{ marginBottom: 16 }}
          data-testid="approval-current-approvers"
        />
      ) : null}
      {request.status === 'pending' && abilities.approve && request.currentApprovers?.kind === 'alternate' ? (
        // The 代行者 approves a step that is not theirs: say why (SPEC §5.4, issue 10).
        <Alert type="info" showIcon title={request.currentApprovers.note} style={{ marginBottom: 16 }} data-testid="approval-current-approvers" />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('approval.record')} data-testid="approval-record">
              <RecordContent detail={detail} />
            </Card>
            {request.changes ? (
              <Card title={t('approval.changes')} data-testid="approval-changes" styles={{ body: { paddingTop: 12 } }}>
                <ChangesTable changes={request.changes} />
              </Card>
            ) : null}
            <Card title={t('approval.summary')}>
              <Descriptions
                column={{ xs: 1, md: 2 }}
                size="small"
                items={[
                  { key: 'type', label: t('approval.recordType'), children: request.recordTypeLabel },
                  { key: 'status', label: t('approval.status'), children: <StatusTag status={request.status} fallback={request.statusLabel} /> },
                  { key: 'by', label: t('approval.submittedBy'), children: request.submittedByName },
                  { key: 'at', label: t('approval.submittedAt'), children: formatDateTime(request.submittedAt) },
                  ...(request.departmentName ? [{ key: 'dept', label: t('approval.department'), children: request.departmentName }] : []),
                  ...(request.status === 'pending' && request.stepLabel ? [{ key: 'step', label: t('approval.currentStep'), children: request.stepLabel }] : []),
                  ...(request.currentApprovers
                    ? [
                        {
                          key: 'approvers',
                          label: t('approval.approvers'),
                          children: request.currentApprovers.names.length > 0 ? request.currentApprovers.names.join('、') : t('approval.noApprover'),
                        },
                      ]
                    : []),
                  ...(request.decidedAt ? [{ key: 'decided', label: t('approval.decidedAt'), children: formatDateTime(request.decidedAt) }] : []),
                ]}
              />
              {request.previousRequestId ? (
                <Button type="link" icon={<HistoryOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate(`/approvals/${request.previousRequestId}`)}>
                  {t('approval.previous')}
                </Button>
              ) : null}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('approval.chain')} data-testid="approval-chain">
            <ChainSteps detail={detail} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('approval.stamps')} data-testid="approval-stamps" styles={{ body: { padding: 0 } }}>
            <StampsTable stamps={detail.stamps} />
          </Card>
        </Col>
      </Row>
      {decision ? <DecisionModal detail={detail} kind={decision} onClose={() => setDecision(null)} /> : null}
    </>
  );
}

/** 承認依頼の詳細 (/approvals/:id): the record as submitted, the chain, the stamps, and 承認・差戻し・取下げ. */
export default function ApprovalPage() {
  const t = useApprovalT();
  const { id = '' } = useParams();
  const approval = useApproval(id);
  if (approval.isError) {
    return (
      <>
        <PageHeader title={t('approval.title')} />
        <QueryError error={approval.error} onRetry={() => approval.refetch()} />
      </>
    );
  }
  if (!approval.data) return <Skeleton active />;
  return <ApprovalScreen detail={approval.data} />;
}
