import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { policyContract } from '../../../../src/modules/policy/policy.contract.ts';
import { type PolicyKind, policyKindLabels, policyKinds } from '../../../../src/rules/policy/policyChecker.ts';
import { ApiError, api, download } from '../../api/client.ts';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { type PolicySubmitted, type PolicyVersion, pathOf, policyKeys, usePolicies } from './api.ts';
import { PolicyAcknowledgementsPanel } from './PolicyAcknowledgements.tsx';
import { PolicyCompare } from './PolicyCompare.tsx';
import { PolicyEditorModal } from './PolicyEditorModal.tsx';
import { PolicyText } from './PolicyText.tsx';

const statusColors: Record<PolicyVersion['status'], string> = { draft: 'default', pending: 'gold', published: 'green', superseded: 'default' };

function KindCard({ kind, versions, canEdit, canViewAcks }: { kind: PolicyKind; versions: PolicyVersion[]; canEdit: boolean; canViewAcks: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = versions[0];
  const published = versions.find((v) => v.status === 'published');
  const submit = async (v: PolicyVersion) => {
    setError(null);
    try {
      const r = await api.post<PolicySubmitted>(pathOf(policyContract.submit, { id: v.id }));
      message.success(`第${r.versionNo}版をトップマネジメントの承認に回しました`);
      await queryClient.invalidateQueries({ queryKey: policyKeys.all });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '申請できませんでした');
    }
  };
  // J.2.2 3 周知: the reader confirms the published version (recorded per person and version).
  const acknowledge = async (v: PolicyVersion) => {
    setError(null);
    try {
      await api.post(pathOf(policyContract.acknowledge, { id: v.id }));
      message.success(`第${v.versionNo}版の内容を確認したことを記録しました`);
      await queryClient.invalidateQueries({ queryKey: policyKeys.all });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '記録できませんでした');
    }
  };
  const pdf = (v: PolicyVersion) =>
    download(pathOf(policyContract.pdf, { id: v.id }), `${policyKindLabels[kind]}_第${v.versionNo}版.pdf`).catch((e: unknown) =>
      setError(e instanceof ApiError ? e.message : 'PDF を出力できませんでした'),
    );
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{policyKindLabels[kind]}</h2>}
      style={{ marginBottom: 16 }}
      data-testid={`policy-${kind}`}
      extra={
        canEdit && latest?.status !== 'pending' ? (
          <Button onClick={() => setEditing(true)} data-testid={`policy-edit-${kind}`}>
            {latest?.status === 'draft' ? '下書きを編集' : latest ? '改訂する（新しい版）' : '作成する'}
          </Button>
        ) : null
      }
    >
      {editing ? <PolicyEditorModal kind={kind} latest={latest} onClose={() => setEditing(false)} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="policy-submit-error" /> : null}
      <Table<PolicyVersion>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={versions}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="まだ版がありません" /> }}
        columns={[
          { title: '版', dataIndex: 'versionNo', render: (n: number) => `第${n}版` },
          { title: '状態', dataIndex: 'statusLabel', render: (label: string, v) => <Tag color={statusColors[v.status]}>{label}</Tag> },
          {
            title: 'J.2.2 2 の不足事項',
            render: (_: unknown, v) =>
              v.check.missing.length === 0 ? <Tag color="green">なし</Tag> : <span>{v.check.missing.map((i) => `${i.clause} ${i.text}`).join('、')}</span>,
          },
          { title: '公開日', dataIndex: 'publishedAt', render: (at: string | null) => formatDate(at) },
          {
            title: '',
            render: (_: unknown, v) => (
              <Space>
                {canEdit && v.status === 'draft' ? (
                  <Button type="primary" size="small" onClick={() => submit(v)} data-testid={`policy-submit-${kind}`}>
                    承認を申請
                  </Button>
                ) : null}
                <Button size="small" onClick={() => pdf(v)} data-testid={`policy-pdf-${kind}-${v.versionNo}`}>
                  PDF
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {published ? (
        <div style={{ marginTop: 16 }} data-testid={`policy-published-${kind}`}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>{`公開中の版（第${published.versionNo}版）`}</Typography.Title>
          <PolicyText version={published} />
          <div style={{ marginTop: 12 }} data-testid={`policy-ack-${kind}`}>
            {published.acknowledgedAt ? (
              <Tag color="green">{`内容を確認しました（${formatDateTime(published.acknowledgedAt)}）`}</Tag>
            ) : (
              <Space direction="vertical">
                <Typography.Text>{`第${published.versionNo}版の本文を読み、確認したら押してください（J.2.2 3 組織内に周知）。`}</Typography.Text>
                <Button type="primary" onClick={() => acknowledge(published)} data-testid={`policy-acknowledge-${kind}`}>
                  内容を確認しました
                </Button>
              </Space>
            )}
          </div>
        </div>
      ) : null}
      {canViewAcks ? <PolicyAcknowledgementsPanel kind={kind} versions={versions} /> : null}
      {canEdit || canViewAcks ? <PolicyCompare kind={kind} versions={versions} /> : null}
    </Card>
  );
}

/** 個人情報保護方針 (J.2.2): the 内部向け and 外部向け policy, their versions, the published text. */
export default function PolicyPage() {
  const list = usePolicies();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="個人情報保護方針"
        lead="トップマネジメントが定める個人情報保護方針（J.2.2）の内部向け・外部向けの版です。承認された版が公開され、従業者全員に確認のタスクが届きます（J.2.2 3 周知）。外部向けの方針は公開窓口のページに載ります。"
      />
      {list.error ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data
        ? policyKinds.map((kind) => (
            <KindCard
              key={kind}
              kind={kind}
              versions={items.filter((v) => v.kind === kind)}
              canEdit={list.data.abilities.edit}
              canViewAcks={list.data.abilities.viewAcknowledgements}
            />
          ))
        : null}
      <Typography.Paragraph type="secondary">
        承認はトップマネジメントが{' '}
        <Link to="/approvals" style={{ textDecoration: 'underline' }}>
          承認
        </Link>{' '}
        の画面で行います。
      </Typography.Paragraph>
    </>
  );
}
