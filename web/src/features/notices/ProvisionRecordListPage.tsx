import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import { download, withQuery } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type ProvisionRecord, pathOf, useProvisionRecords } from './api.ts';
import { counterpartyKindLabels } from './labels.ts';

type Kind = 'all' | 'provision' | 'receipt' | 'related' | 'related_receipt';

/** 第三者提供記録・確認記録・個人関連情報の確認記録の一覧 (J.8.8.2・J.8.8.3・J.8.8.4) with each record's 保存期間 (規則第21条・第25条). */
export default function ProvisionRecordListPage() {
  const navigate = useNavigate();
  const date = useDateFormat();
  const t = useT();
  const { message } = App.useApp();
  const exportXlsx = () =>
    download(withQuery(pathOf(noticesContract.exportProvisionRecords), { kind: kind === 'all' ? undefined : kind }), '提供記録・確認記録.xlsx').catch((error: unknown) =>
      message.error(errorMessage(error, t)),
    );
  const [kind, setKind] = useState<Kind>('all');
  const list = useProvisionRecords(kind);
  return (
    <RequirePermission permission="notices.records">
      <PageHeader
        title="提供記録・確認記録"
        lead="第三者への個人データの提供（J.8.8.2）、第三者から提供を受けた際の確認（J.8.8.3）、個人関連情報を第三者に提供する際の確認（J.8.8.4）の記録です。保存期間が過ぎると廃棄のタスクができます。"
        extra={
          <Space>
            <Button icon={<FileExcelOutlined />} onClick={exportXlsx} data-testid="pr-export">
              Excel に出力
            </Button>
            {list.data?.canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/notices/provision-records/new')} data-testid="pr-add">
                記録を作成
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small">
        <Segmented<Kind>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: 'すべて' },
            { value: 'provision', label: '第三者提供記録' },
            { value: 'receipt', label: '確認記録' },
            { value: 'related', label: '個人関連情報（提供元）' },
            { value: 'related_receipt', label: '個人関連情報（提供先）' },
          ]}
          style={{ marginBottom: 12 }}
        />
        {list.error ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<ProvisionRecord>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: '記録はまだありません' }}
          columns={[
            { title: '種類', dataIndex: 'kindLabel', render: (v: string, r) => <Link to={`/notices/provision-records/${r.id}`}>{v}</Link> },
            { title: '記録を作成した日', dataIndex: 'recordedOn', render: (v: string) => date(v) },
            {
              title: '第三者',
              render: (_: unknown, r) => (r.counterpartyKind === 'unspecified' ? counterpartyKindLabels.unspecified : (r.counterpartyName ?? '')),
            },
            { title: '個人データ・個人関連情報の項目', dataIndex: 'dataItems' },
            { title: '根拠', dataIndex: 'basisLabel' },
            {
              title: '保存期間の末日',
              render: (_: unknown, r) =>
                r.disposedOn ? <Tag>{`${date(r.disposedOn)} 廃棄済み`}</Tag> : r.retention ? date(r.retention.retainUntil) : <Tag>記録を要しない場合</Tag>,
            },
          ]}
        />
      </Card>
    </RequirePermission>
  );
}
