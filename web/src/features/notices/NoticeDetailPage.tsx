import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import { consentChannelLabels } from '../../../../src/modules/notices/notices.labels.ts';
import { relatedConsentPartyLabels } from '../../../../src/rules/notices/relatedInfoNotice.ts';
import { diffLines } from '../../../../src/rules/notices/versions.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { LineDiff } from '../../components/LineDiff.tsx';
import { FullPageSpin, PageHeader, QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { useAbility } from '../../session/session.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type ConsentList, type NoticeVersion, noticeKeys, pathOf, useConsents, useNotice } from './api.ts';
import { RecordConsentModal, WithdrawConsentModal } from './ConsentModal.tsx';
import { NoticeEditorModal } from './NoticeEditorModal.tsx';

type Consent = ConsentList['items'][number];

/** 版の比較: the lines removed from the older version and added in the newer one. */
function VersionDiff({ versions }: { versions: NoticeVersion[] }) {
  const [older, setOlder] = useState(versions[1]?.id ?? versions[0]?.id ?? '');
  const [newer, setNewer] = useState(versions[0]?.id ?? '');
  const a = versions.find((v) => v.id === older);
  const b = versions.find((v) => v.id === newer);
  const options = versions.map((v) => ({ value: v.id, label: `第${v.versionNo}版（${v.stateLabel}）` }));
  return (
    <Card title="版の比較" size="small" style={{ marginTop: 16 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 12, flexWrap: 'wrap' }}>
        <Select aria-label="比較する古い版" value={older} onChange={setOlder} options={options} style={{ minWidth: 180 }} />
        <span>→</span>
        <Select aria-label="比較する新しい版" value={newer} onChange={setNewer} options={options} style={{ minWidth: 180 }} />
      </div>
      {a && b ? <LineDiff lines={diffLines(a.body, b.body)} testId="notice-diff" /> : null}
    </Card>
  );
}

/** 通知文の詳細: versions with the J.8.5 1 check, the diff between versions, the 台帳 entries relying on it, and the 同意記録. */
export default function NoticeDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const date = useDateFormat();
  const notice = useNotice(id);
  const manages = useAbility('notices.manage');
  const consents = useConsents(id, manages);
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [publishError, setPublishError] = useState<string | null>(null);
  const publish = async () => {
    setPublishError(null);
    try {
      await api.post(pathOf(noticesContract.publish, { id }));
      message.success('公開しました');
      await queryClient.invalidateQueries({ queryKey: noticeKeys.all });
    } catch (error) {
      setPublishError(errorMessage(error, t));
    }
  };
  if (notice.isLoading) return <FullPageSpin />;
  if (notice.error || !notice.data) return <QueryError error={notice.error} onRetry={() => notice.refetch()} />;
  const n = notice.data;
  const draft = n.versions[0]?.status === 'draft' ? n.versions[0] : null;
  const hasPublished = n.versions.some((v) => v.status === 'published');
  return (
    <>
      <PageHeader
        title={n.title}
        lead={n.relatedParty ? `${n.kindLabel}: ${relatedConsentPartyLabels[n.relatedParty]}` : n.kindLabel}
        extra={
          <>
            {n.abilities.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="notice-edit">
                {draft ? '下書きを編集' : '改訂する（次の版の下書き）'}
              </Button>
            ) : null}
            {n.abilities.edit && draft ? (
              <Button type="primary" onClick={publish} disabled={draft.check.blockers.length > 0} data-testid="notice-publish">
                {`第${draft.versionNo}版を公開`}
              </Button>
            ) : null}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/notices')}>
              一覧へ戻る
            </Button>
          </>
        }
      />
      {publishError ? <Alert type="error" showIcon title={publishError} style={{ marginBottom: 12 }} /> : null}
      {draft && draft.check.blockers.length > 0 ? (
        <Alert type="warning" showIcon title="公開できない理由" description={draft.check.blockers.join('、')} style={{ marginBottom: 12 }} />
      ) : null}
      {editing ? <NoticeEditorModal notice={n} onClose={() => setEditing(false)} /> : null}
      {recording ? <RecordConsentModal notice={n} onClose={() => setRecording(false)} /> : null}
      {withdrawing ? <WithdrawConsentModal noticeId={n.id} consentId={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
      <Card title="版" size="small">
        {n.versions.map((v) => (
          <div key={v.id} style={{ marginBottom: 16 }}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {`第${v.versionNo}版 `}
              <Tag color={v.stateLabel === '公開中' ? 'green' : undefined}>{v.stateLabel}</Tag>
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.body}</Typography.Paragraph>
            {v.check.missing.length > 0 ? (
              <Typography.Paragraph type="danger">{`不足事項: ${v.check.missing.map((i) => `${i.clause} ${i.text}`).join('、')}`}</Typography.Paragraph>
            ) : (
              <Typography.Paragraph type="secondary">
                {n.kind === 'related_info' ? 'J.8.8.4 1 の通知又は明示する事項は揃っています' : 'J.8.5 1 の必要通知事項は揃っています'}
              </Typography.Paragraph>
            )}
          </div>
        ))}
      </Card>
      {n.versions.length > 1 ? <VersionDiff versions={n.versions} /> : null}
      <Card title="この通知文に拠る台帳の項目" size="small" style={{ marginTop: 16 }}>
        {n.inventoryEntries.length === 0 ? (
          <Typography.Text type="secondary">台帳の項目からの参照はありません</Typography.Text>
        ) : (
          <ul style={{ margin: 0 }}>
            {n.inventoryEntries.map((e) => (
              <li key={`${e.id}:${e.versionId}`}>
                <Link to={`/inventory/entries/${e.id}`}>{e.name}</Link>
                {`（第${e.versionNo}版）`}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {manages ? (
        <Card
          title="同意記録"
          size="small"
          style={{ marginTop: 16 }}
          extra={
            hasPublished ? (
              <Button size="small" onClick={() => setRecording(true)} data-testid="consent-add">
                同意を記録
              </Button>
            ) : null
          }
        >
          {consents.error ? <QueryError error={consents.error} onRetry={() => consents.refetch()} /> : null}
          <Table<Consent>
            rowKey="id"
            loading={consents.isLoading}
            dataSource={consents.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: <Typography.Text type="secondary">同意記録はまだありません</Typography.Text> }}
            columns={[
              { title: '本人（氏名又は識別子）', dataIndex: 'subject' },
              { title: '版', dataIndex: 'versionNo', render: (v: number) => `第${v}版` },
              { title: '取得方法', dataIndex: 'channel', render: (v: Consent['channel']) => consentChannelLabels[v] },
              { title: '同意日', dataIndex: 'consentedOn', render: (v: string) => date(v) },
              {
                title: '撤回',
                render: (_: unknown, c) =>
                  c.withdrawnOn ? (
                    `${date(c.withdrawnOn)}（${c.withdrawalChannel ? consentChannelLabels[c.withdrawalChannel] : ''}）`
                  ) : (
                    <Button size="small" onClick={() => setWithdrawing(c.id)}>
                      撤回を記録
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
