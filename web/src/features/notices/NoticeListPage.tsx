import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { type NoticeList, useNotices } from './api.ts';
import { NoticeEditorModal } from './NoticeEditorModal.tsx';

type Item = NoticeList['items'][number];

/** 通知文テンプレートの一覧 (J.8.5 取得時の必要通知事項, J.8.8.4 1 個人関連情報の同意): the latest and the published version, and what the latest lacks. */
export default function NoticeListPage() {
  const list = useNotices();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="通知・同意"
        lead="本人から直接書面で取得するときに示す通知・同意の文書（J.8.5）、個人関連情報を個人データとして取得することへの同意を求める通知（J.8.8.4 1）とその版、同意の記録です。"
        extra={
          list.data?.canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="notice-add">
              通知文を作成
            </Button>
          ) : null
        }
      />
      {creating ? (
        <NoticeEditorModal
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`/notices/${id}`);
          }}
        />
      ) : null}
      <Card size="small">
        {list.error ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<Item>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '通知文はまだありません' }}
          columns={[
            { title: '名称', dataIndex: 'title', render: (v: string, r) => <Link to={`/notices/${r.id}`}>{v}</Link> },
            { title: '種類', dataIndex: 'kindLabel' },
            { title: '最新の版', dataIndex: 'latestVersionNo', render: (v: number) => `第${v}版` },
            { title: '公開中の版', dataIndex: 'publishedVersionNo', render: (v: number | null) => (v ? `第${v}版` : '未公開') },
            {
              title: '必要な事項の不足（J.8.5 1・J.8.8.4 1）',
              dataIndex: 'missingCount',
              render: (v: number) => (v === 0 ? <Tag color="green">なし</Tag> : <Tag color="red">{`${v}件`}</Tag>),
            },
          ]}
        />
      </Card>
    </>
  );
}
