import { CheckOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Collapse, Empty, Input, List, Modal, Space, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import type { TextKey } from './messages.ts';
import { useText } from './messages.ts';
import type { ApprovalDetail, Change, Duty, Finding, RiskStatusCode } from './types.ts';

/** リスク分析の状態 as a coloured tag (未分析 stands out: SPEC M1 "shows as 未分析"). */
export function RiskStatusTag({ status, label }: { status: RiskStatusCode; label: string }) {
  const color = status === 'approved' ? 'green' : status === 'in_progress' ? 'blue' : status === 'needs_review' ? 'orange' : 'red';
  return (
    <Tag color={color} data-testid={`risk-status-${status}`}>
      {label}
    </Tag>
  );
}

/** Classification tags of an entry (要配慮, 特定個人情報 …). */
export function FlagTags({
  entry,
}: {
  entry: {
    sensitive: boolean;
    myNumber: boolean;
    retainedPersonalData: boolean;
    entrusted?: boolean;
    thirdPartyProvision: boolean;
    overseas?: boolean;
    disposalDue?: boolean;
    status?: string;
  };
}) {
  return (
    <Space size={[4, 4]} wrap>
      {entry.sensitive ? <Tag color="magenta">要配慮</Tag> : null}
      {entry.myNumber ? <Tag color="purple">特定個人情報</Tag> : null}
      {entry.retainedPersonalData ? <Tag>保有個人データ</Tag> : null}
      {entry.entrusted ? <Tag>委託</Tag> : null}
      {entry.thirdPartyProvision ? <Tag>第三者提供</Tag> : null}
      {entry.overseas ? <Tag>外国</Tag> : null}
      {entry.disposalDue ? <Tag color="volcano">期限経過</Tag> : null}
      {entry.status === 'disposed' ? <Tag>廃棄済み</Tag> : null}
    </Space>
  );
}

/** Clause-cited findings of the rule engines: errors (block) and warnings (inform). */
export function FindingList({ findings, emptyText }: { findings: Finding[]; emptyText?: string }) {
  if (findings.length === 0) return emptyText ? <Alert type="success" showIcon title={emptyText} /> : null;
  return (
    <List
      size="small"
      dataSource={findings}
      data-testid="findings"
      renderItem={(f) => (
        <List.Item>
          <Alert
            style={{ width: '100%' }}
            type={f.severity === 'error' ? 'error' : 'warning'}
            showIcon
            title={f.message}
            description={
              <span style={{ fontSize: 12 }}>
                <Tag>{f.clause}</Tag>
                {f.quote}
              </span>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** The notice / consent / confirmation duties an entry triggers (J.8.2–J.8.8.3), with the items to tell the person. */
export function DutyList({ duties }: { duties: Duty[] }) {
  const tx = useText();
  if (duties.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Collapse
      size="small"
      items={duties.map((d) => ({
        key: d.id,
        label: (
          <Space wrap>
            <Tag color={d.status === 'exempted' ? 'default' : 'blue'}>{d.clause}</Tag>
            <span>{d.label}</span>
            {d.status === 'exempted' ? <Tag>{tx('inv.dutyExempted')}</Tag> : null}
          </Space>
        ),
        children: (
          <div style={{ fontSize: 13 }}>
            <Typography.Paragraph type="secondary">「{d.quote}」</Typography.Paragraph>
            <div>きっかけ: {d.triggeredBy.join('、')}</div>
            {d.items.length > 0 ? (
              <ul style={{ margin: '8px 0' }}>
                {d.items.map((i) => (
                  <li key={i.letter}>
                    {i.letter}) {i.text}
                  </li>
                ))}
              </ul>
            ) : null}
            {d.procedure ? <Typography.Paragraph style={{ marginBottom: 4 }}>手順: {d.procedure}</Typography.Paragraph> : null}
            {d.exemptedBy ? (
              <div>
                例外: {d.exemptedBy.clause} {d.exemptedBy.letter}）{d.exemptedBy.text} — 理由: {d.exemptedBy.reason}
              </div>
            ) : null}
            {d.note ? <Typography.Text type="secondary">{d.note}</Typography.Text> : null}
          </div>
        ),
      }))}
    />
  );
}

/** A value of a diff or history row as people read it. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(displayValue).join('、');
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('media' in o || 'description' in o || 'date' in o)
      return [o.media === 'paper' ? '紙' : o.media === 'electronic' ? '電子' : o.media === 'both' ? '紙・電子' : o.media, o.date, o.description].filter(Boolean).join(' ');
    if ('value' in o) return `${o.approximate ? '約' : ''}${Number(o.value).toLocaleString('ja-JP')}`;
    if ('kind' in o) return o.kind === 'written_consent' ? '書面による同意' : `J.8.3 2 ${String(o.letter)}) ${String(o.reason ?? '')}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** 変更前 → 変更後, field by field. */
export function ChangeTable({ changes }: { changes: Change[] }) {
  const tx = useText();
  return (
    <Table<Change>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      data-testid="change-table"
      columns={[
        { title: '項目', dataIndex: 'label', width: 180 },
        { title: tx('req.before'), dataIndex: 'before', render: (v: unknown) => <span style={{ color: 'rgba(0,0,0,0.6)' }}>{displayValue(v)}</span> },
        { title: tx('req.after'), dataIndex: 'after', render: (v: unknown) => <strong>{displayValue(v)}</strong> },
      ]}
    />
  );
}

type Decision = 'approve' | 'return' | 'withdraw';

/**
 * The approval of a record: the chain with each step's stamp (承認者・日時), the comments, and the
 * approve / return / withdraw buttons when the signed-in person may take them (the server
 * decides: `abilities`).
 */
export function ApprovalPanel({ approvalRequestId, onChanged }: { approvalRequestId: string | null; onChanged?: () => void }) {
  const tx = useText();
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const detail = useQuery({
    queryKey: ['approval', approvalRequestId],
    queryFn: () => api.get<ApprovalDetail>(`/api/approvals/${approvalRequestId}`),
    enabled: !!approvalRequestId,
  });
  const decide = useMutation({
    mutationFn: (kind: Decision) => api.post(`/api/approvals/${approvalRequestId}/${kind}`, kind === 'withdraw' ? {} : comment.trim() ? { comment: comment.trim() } : {}),
    onSuccess: (_r, kind) => {
      message.success(kind === 'approve' ? tx('appr.approved') : kind === 'return' ? tx('appr.returned') : tx('appr.withdrawn'));
      setDecision(null);
      setComment('');
      void queryClient.invalidateQueries({ queryKey: ['approval', approvalRequestId] });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      onChanged?.();
    },
    onError: (error) => message.error(errorMessage(error, t)),
  });
  if (!approvalRequestId) return <Typography.Text type="secondary">{tx('appr.notSubmitted')}</Typography.Text>;
  if (!detail.data) return null;
  const d = detail.data;
  const stampOf = (index: number) => [...d.stamps].reverse().find((s) => s.step === index);
  return (
    <div data-testid="approval-panel">
      <Steps
        size="small"
        current={d.request.status === 'pending' ? d.request.stepIndex : d.steps.length}
        status={d.request.status === 'returned' ? 'error' : d.request.status === 'approved' ? 'finish' : 'process'}
        items={d.steps.map((s) => {
          const stamp = stampOf(s.index);
          return {
            title: s.label,
            description: stamp ? (
              <span style={{ fontSize: 12 }}>
                <span style={{ color: stamp.action === 'approve' ? '#b3261e' : '#d46b08', fontWeight: 600 }}>{stamp.actorName}</span>
                <br />
                {formatDateTime(stamp.at)}
              </span>
            ) : undefined,
          };
        })}
      />
      <Space style={{ marginTop: 8 }} wrap>
        <Tag color={d.request.status === 'approved' ? 'green' : d.request.status === 'returned' ? 'orange' : 'blue'} data-testid="approval-status">
          {d.request.statusLabel}
        </Tag>
        {d.request.status === 'pending' && d.request.stepLabel ? <span>{tx('appr.current', { step: d.request.stepLabel })}</span> : null}
      </Space>
      {d.stamps.some((s) => s.comment) ? (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={d.stamps.filter((s) => s.comment)}
          renderItem={(s) => (
            <List.Item>
              <span style={{ fontSize: 12 }}>
                {s.stepLabel}・{s.actorName}（{formatDateTime(s.at)}）: {s.comment}
              </span>
            </List.Item>
          )}
        />
      ) : null}
      {d.request.abilities.approve || d.request.abilities.withdraw ? (
        <Space style={{ marginTop: 12 }}>
          {d.request.abilities.approve ? (
            <>
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setDecision('approve')} data-testid="approve">
                {tx('appr.approve')}
              </Button>
              {d.request.abilities.return ? (
                <Button danger icon={<RollbackOutlined />} onClick={() => setDecision('return')} data-testid="return">
                  {tx('appr.return')}
                </Button>
              ) : null}
            </>
          ) : null}
          {d.request.abilities.withdraw ? (
            <Button icon={<UndoOutlined />} onClick={() => setDecision('withdraw')} data-testid="withdraw">
              {tx('appr.withdraw')}
            </Button>
          ) : null}
        </Space>
      ) : null}
      <Modal
        open={decision !== null}
        title={decision ? tx(`appr.${decision}` as TextKey) : ''}
        onCancel={() => setDecision(null)}
        okText={decision ? tx(`appr.${decision}` as TextKey) : ''}
        okButtonProps={{ disabled: decision === 'return' && !comment.trim(), loading: decide.isPending, ...({ 'data-testid': 'approval-confirm' } as object) }}
        onOk={() => decision && decide.mutate(decision)}
      >
        <Typography.Paragraph>{d.request.title}</Typography.Paragraph>
        {decision !== 'withdraw' ? (
          <Input.TextArea
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={decision === 'return' ? tx('appr.returnReason') : tx('appr.comment')}
          />
        ) : null}
      </Modal>
    </div>
  );
}
