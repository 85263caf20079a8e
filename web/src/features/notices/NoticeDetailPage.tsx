import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { consentChannelLabels } from '../../../../src/modules/notices/notices.labels.ts';
import { diffLines } from '../../../../src/rules/notices/versions.ts';
import { FullPageSpin, PageHeader, QueryError } from '../../components/page.tsx';
import { useAbility } from '../../session/session.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type ConsentList, type NoticeVersion, useConsents, useNotice } from './api.ts';

type Consent = ConsentList['items'][number];

/** 版の比較: the lines removed from the older version and added in the newer one. */
function VersionDiff({ versions }: { versions: NoticeVersion[] }) {
  const [older, setOlder] = useState(versions[1]?.id ?? versions[0]?.id ?? '');
  const [newer, setNewer] = useState(versions[0]?.id ?? '');
  const a = versions.find((v) => v.id === older);
  const b = versions.find((v) => v.id === newer);
  const options = versions.map((v) => ({ value: v.id, label: `第${v.versionNo}版（${v.status === 'published' ? '公開' : '下書き'}）` }));
  return (
    <Card title="版の比較" size="small" style={{ marginTop: 16 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 12, flexWrap: 'wrap' }}>
        <Select aria-label="比較する古い版" value={older} onChange={setOlder} options={options} style={{ minWidth: 180 }} />
        <span>→</span>
        <Select aria-label="比較する新しい版" value={newer} onChange={setNewer} options={options} style={{ minWidth: 180 }} />
      </div>
      {a && b ? (
        <pre className="mm-diff" style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="notice-diff">
          {diffLines(a.body, b.body).map((line, i) => (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: a diff's lines have no identity but their place
              key={i}
              style={{ background: line.op === 'added' ? '#e6f4ea' : line.op === 'removed' ? '#fdecea' : undefined }}
            >
              {`${line.op === 'added' ? '＋ ' : line.op === 'removed' ? '－ ' : '　 '}${line.text}`}
            </div>
          ))}
        </pre>
      ) : null}
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
  if (notice.isLoading) return <FullPageSpin />;
  if (notice.error || !notice.data) return <QueryError error={notice.error} onRetry={() => notice.refetch()} />;
  const n = notice.data;
  return (
    <>
      <PageHeader
        title={n.title}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/notices')}>
            一覧へ戻る
          </Button>
        }
      />
      <Card title="版" size="small">
        {n.versions.map((v) => (
          <div key={v.id} style={{ marginBottom: 16 }}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {`第${v.versionNo}版 `}
              {v.status === 'published' ? <Tag color="green">公開</Tag> : <Tag>下書き</Tag>}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.body}</Typography.Paragraph>
            {v.check.missing.length > 0 ? (
              <Typography.Paragraph type="danger">{`不足事項: ${v.check.missing.map((i) => `${i.clause} ${i.text}`).join('、')}`}</Typography.Paragraph>
            ) : (
              <Typography.Paragraph type="secondary">J.8.5 1 の必要通知事項は揃っています</Typography.Paragraph>
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
        <Card title="同意記録" size="small" style={{ marginTop: 16 }}>
          {consents.error ? <QueryError error={consents.error} onRetry={() => consents.refetch()} /> : null}
          <Table<Consent>
            rowKey="id"
            loading={consents.isLoading}
            dataSource={consents.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: '同意記録はまだありません' }}
            columns={[
              { title: '本人（氏名又は識別子）', dataIndex: 'subject' },
              { title: '版', dataIndex: 'versionNo', render: (v: number) => `第${v}版` },
              { title: '取得方法', dataIndex: 'channel', render: (v: Consent['channel']) => consentChannelLabels[v] },
              { title: '同意日', dataIndex: 'consentedOn', render: (v: string) => date(v) },
              {
                title: '撤回',
                render: (_: unknown, c) => (c.withdrawnOn ? `${date(c.withdrawnOn)}（${c.withdrawalChannel ? consentChannelLabels[c.withdrawalChannel] : ''}）` : '—'),
              },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
