import { Alert, App, Button, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { policyContract } from '../../../../src/modules/policy/policy.contract.ts';
import { ApiError, download } from '../../api/client.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type AcknowledgementFilter, acknowledgementSearch, type PolicyAcknowledgements, type PolicyVersion, pathOf, useAcknowledgements } from './api.ts';

type Row = PolicyAcknowledgements['items'][number];

/**
 * 周知状況 (J.2.2 3 財団内に周知): per published (or 改訂済み) version, who pressed 「内容を確認しました」 and
 * when, and who has not yet; filtered by 確認状況, 所属, 氏名, and exported as the 運用記録 (.xlsx).
 */
export function PolicyAcknowledgementsPanel({ kind, versions }: { kind: string; versions: PolicyVersion[] }) {
  const { message } = App.useApp();
  const candidates = versions.filter((v) => v.status === 'published' || v.status === 'superseded');
  const [versionId, setVersionId] = useState<string | undefined>();
  const [filter, setFilter] = useState<AcknowledgementFilter>({});
  const selected = candidates.some((v) => v.id === versionId) ? versionId : candidates[0]?.id;
  const status = useAcknowledgements(selected, filter);
  if (candidates.length === 0) return null;
  const exportXlsx = () =>
    download(`${pathOf(policyContract.acknowledgementsXlsx, { id: selected ?? '' })}${acknowledgementSearch(filter)}`, '周知状況.xlsx').catch((e: unknown) =>
      message.error(e instanceof ApiError ? e.message : '出力できませんでした'),
    );
  return (
    <section style={{ marginTop: 24 }} data-testid={`policy-acks-${kind}`} aria-label="周知状況">
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        周知状況（J.2.2 3 組織内に周知）
      </Typography.Title>
      <Space wrap style={{ display: 'flex', marginBottom: 12 }}>
        <Select
          aria-label="版"
          style={{ width: 200 }}
          value={selected}
          onChange={setVersionId}
          options={candidates.map((v) => ({ value: v.id, label: `第${v.versionNo}版（${v.statusLabel}）` }))}
        />
        <Select
          aria-label="確認状況"
          style={{ width: 140 }}
          allowClear
          placeholder="確認状況"
          value={filter.status}
          onChange={(value) => setFilter({ ...filter, status: value })}
          options={[
            { value: 'confirmed', label: '確認済み' },
            { value: 'pending', label: '未確認' },
          ]}
          id={`policy-acks-status-${kind}`}
        />
        <Select
          aria-label="所属"
          style={{ width: 180 }}
          allowClear
          placeholder="所属"
          value={filter.departmentId}
          onChange={(value) => setFilter({ ...filter, departmentId: value })}
          options={(status.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Input.Search
          aria-label="氏名・従業者番号"
          placeholder="氏名・従業者番号"
          allowClear
          style={{ width: 200 }}
          onSearch={(q) => setFilter({ ...filter, q: q || undefined })}
        />
        <Button onClick={exportXlsx} data-testid={`policy-acks-export-${kind}`}>
          周知状況を出力（Excel）
        </Button>
      </Space>
      {status.error ? <Alert type="error" showIcon title={status.error instanceof ApiError ? status.error.message : '周知状況を読み込めませんでした'} /> : null}
      {status.data ? (
        <>
          <div style={{ display: 'flex', gap: 32, marginBottom: 12 }} data-testid={`policy-acks-counts-${kind}`}>
            <Statistic title="対象者" value={status.data.counts.total} suffix="名" styles={{ content: { fontSize: 20 } }} />
            <Statistic title="確認済み" value={status.data.counts.confirmed} suffix="名" styles={{ content: { fontSize: 20 } }} />
            <Statistic title="未確認" value={status.data.counts.pending} suffix="名" styles={{ content: { fontSize: 20 } }} />
          </div>
          <Table<Row>
            rowKey="personId"
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={status.data.items}
            locale={{ emptyText: '該当する従業者はいません' }}
            columns={[
              { title: '所属', dataIndex: 'departmentName', render: (v: string | null) => v ?? '（所属なし）' },
              { title: '従業者番号', dataIndex: 'employeeNumber' },
              { title: '氏名', dataIndex: 'name' },
              {
                title: '確認状況',
                dataIndex: 'statusLabel',
                render: (label: string, r) => <Tag color={r.status === 'confirmed' ? 'green' : 'gold'}>{label}</Tag>,
              },
              { title: '確認日時', dataIndex: 'acknowledgedAt', render: (at: string | null) => (at ? formatDateTime(at) : '') },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
