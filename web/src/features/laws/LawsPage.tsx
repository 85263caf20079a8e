import { CheckOutlined, EditOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { lawsContract } from '../../../../src/modules/laws/laws.contract.ts';
import { lawFieldLabels as L, lawKindLabels, lawStatusLabels } from '../../../../src/modules/laws/laws.labels.ts';
import { api, download } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type Law, lawKeys, pathOf, useLawList } from './api.ts';
import { LawFormModal } from './LawFormModal.tsx';
import { ImportExtras } from '../../components/ImportExtras.tsx';
import { RegisterImportModal } from '../../components/RegisterImportModal.tsx';
import { lt } from './messages.ts';

/**
 * 個人情報保護に関する法令規範一覧 (J.1.3): every 従業者 reads it (b); the 個人情報保護管理者
 * registers, changes, approves (a) and imports it — the buttons follow the server's abilities.
 */
export default function LawsPage() {
  const t = useT();
  const format = useDateFormat();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<{ q: string; status: '' | 'active' | 'repealed' }>({ q: '', status: '' });
  const [editing, setEditing] = useState<Law | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const query = useLawList(filters);

  const approve = (law: Law) =>
    modal.confirm({
      title: lt('approve'),
      content: lt('approveConfirm'),
      okText: lt('approve'),
      cancelText: lt('cancel'),
      okButtonProps: { ...({ 'data-testid': 'law-approve-ok' } as object) },
      onOk: async () => {
        try {
          await api.post(pathOf(lawsContract.approve, { id: law.id }));
          message.success(lt('approved'));
          await queryClient.invalidateQueries({ queryKey: lawKeys.all });
        } catch (error) {
          message.error(errorMessage(error, t));
        }
      },
    });

  return (
    <>
      <PageHeader
        title={lt('title')}
        lead={lt('lead')}
        extra={
          <>
            <Button onClick={() => navigate('/laws/reviews')} data-testid="laws-reviews">
              {lt('reviews')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              data-testid="laws-export"
              onClick={() => download(pathOf(lawsContract.exportXlsx), '法令規範一覧.xlsx').catch((error: unknown) => message.error(errorMessage(error, t)))}
            >
              {lt('export')}
            </Button>
            {query.data?.canManage ? (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="laws-import">
                  {lt('import')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="laws-add">
                  {lt('add')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          placeholder={lt('search')}
          aria-label={lt('search')}
          allowClear
          style={{ width: 360 }}
          onSearch={(q) => setFilters((f) => ({ ...f, q }))}
          data-testid="laws-search"
        />
        <Select
          aria-label={L.status}
          style={{ width: 160 }}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          options={[
            { value: '', label: lt('allStatuses') },
            { value: 'active', label: lawStatusLabels.active },
            { value: 'repealed', label: lawStatusLabels.repealed },
          ]}
        />
      </Space>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<Law>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={false}
        data-testid="laws-table"
        // 備考 and 取込時の追加情報 (issue #12) under the row that has them.
        expandable={{
          rowExpandable: (law) => Boolean(law.note) || law.importExtras.length > 0,
          expandedRowRender: (law) => <ImportExtras note={law.note} extras={law.importExtras} />,
        }}
        columns={[
          {
            title: L.name,
            dataIndex: 'name',
            render: (name: string, law) => (
              <div>
                {law.url ? (
                  <Typography.Link href={law.url} target="_blank" rel="noopener noreferrer">
                    {name}
                  </Typography.Link>
                ) : (
                  name
                )}
                {law.number ? <div style={{ color: '#595959', fontSize: 12 }}>{law.number}</div> : null}
              </div>
            ),
          },
          { title: L.kind, dataIndex: 'kind', width: 150, render: (k: Law['kind']) => lawKindLabels[k] },
          { title: L.issuer, dataIndex: 'issuer', width: 160 },
          { title: L.lastAmendedOn, dataIndex: 'lastAmendedOn', width: 110, render: (v: string | null) => (v ? format(v) : '') },
          { title: L.application, dataIndex: 'application', ellipsis: true },
          {
            title: L.status,
            dataIndex: 'status',
            width: 70,
            render: (s: Law['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{lawStatusLabels[s]}</Tag>,
          },
          {
            title: L.approval,
            dataIndex: 'approval',
            width: 170,
            render: (a: Law['approval']) =>
              a ? (
                <span>
                  {format(a.approvedAt.slice(0, 10))} {a.approvedBy ?? ''}
                </span>
              ) : (
                <Tag color="warning">{lt('unapproved')}</Tag>
              ),
          },
          ...(query.data?.canManage
            ? [
                {
                  title: lt('actions'),
                  key: 'actions',
                  width: 170,
                  render: (_: unknown, law: Law) => (
                    <Space size="small">
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(law)} aria-label={`${law.name}を${lt('edit')}`}>
                        {lt('edit')}
                      </Button>
                      {law.abilities.approve ? (
                        <Button size="small" icon={<CheckOutlined />} onClick={() => approve(law)} data-testid={`law-approve-${law.name}`}>
                          {lt('approve')}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? <LawFormModal law={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {importing ? (
        <RegisterImportModal
          register="laws"
          title={lt('import.title')}
          onClose={() => setImporting(false)}
          onDone={() => void queryClient.invalidateQueries({ queryKey: lawKeys.all })}
        />
      ) : null}
    </>
  );
}
