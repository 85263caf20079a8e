import { AuditOutlined, DownloadOutlined, FilePdfOutlined, FileTextOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { entryFlags } from '../../../../src/modules/inventory/inventory.schema.ts';
import { entryFlagLabels, riskStatusCodeLabels } from '../../../../src/modules/inventory/inventory.labels.ts';
import { storageMediumLabels } from '../../../../src/rules/inventoryRules.ts';
import { api, download, withQuery } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { FilterBar, PagedTable, SearchBox, usePagedList } from '../../components/ListPage.tsx';
import { PageHeader, RequirePermission } from '../../components/page.tsx';
import { DepartmentSelect } from '../../components/pickers.tsx';
import { useI18n, useT } from '../../i18n/index.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useAbility } from '../../session/session.tsx';
import { FlagTags, RiskStatusTag } from './components.tsx';
import { useText } from './messages.ts';
import type { EntryListItem, EntryPage, EntrySummary, RiskStatusCode } from './types.ts';

type Filters = { q: string; departmentId: string | null; flags: string[]; media: string | null; riskStatus: RiskStatusCode | null; status: 'active' | 'disposed' | 'all' };

function InventoryScreen() {
  const tx = useText();
  const t = useT();
  const { calendar } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canRequest = useAbility('inventory.request');
  const canManage = useAbility('inventory.manage');
  const list = usePagedList<Filters>({ q: '', departmentId: null, flags: [], media: null, riskStatus: null, status: 'active' });
  const { filters, update, page, pageSize } = list;
  const [exporting, setExporting] = useState<'xlsx' | 'pdf' | null>(null);
  const query = { q: filters.q, departmentId: filters.departmentId, flags: filters.flags.join(','), media: filters.media, riskStatus: filters.riskStatus, status: filters.status };
  const entries = useQuery({
    queryKey: ['inventory', 'entries', query, page, pageSize],
    queryFn: () => api.get<EntryPage>(withQuery('/api/inventory/entries', { ...query, page, pageSize })),
    placeholderData: (previous) => previous,
  });
  const summary = useQuery({ queryKey: ['inventory', 'summary'], queryFn: () => api.get<EntrySummary>('/api/inventory/summary') });
  const exportFile = async (kind: 'xlsx' | 'pdf') => {
    setExporting(kind);
    try {
      await download(
        withQuery(kind === 'xlsx' ? '/api/inventory/entries/export.xlsx' : '/api/inventory/entries/ledger.pdf', query),
        kind === 'xlsx' ? '個人情報管理台帳.xlsx' : '個人情報管理台帳.pdf',
      );
    } catch (error) {
      message.error(`${t('common.downloadFailed')}: ${errorMessage(error, t)}`);
    } finally {
      setExporting(null);
    }
  };
  const s = summary.data;
  return (
    <>
      <PageHeader
        title={tx('inv.title')}
        lead={tx('inv.lead')}
        extra={
          <>
            <Button icon={<FileTextOutlined />} onClick={() => navigate('/inventory/requests')} data-testid="inventory-requests">
              {tx('inv.requests')}
            </Button>
            <Button icon={<AuditOutlined />} onClick={() => navigate('/inventory/reviews')} data-testid="inventory-reviews">
              {tx('inv.reviews')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => exportFile('xlsx')} loading={exporting === 'xlsx'} data-testid="inventory-export">
              {tx('inv.exportExcel')}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => exportFile('pdf')} loading={exporting === 'pdf'} data-testid="inventory-pdf">
              {tx('inv.exportPdf')}
            </Button>
            {canManage ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/inventory/import')} data-testid="inventory-import">
                {tx('inv.import')}
              </Button>
            ) : null}
            {canRequest ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/inventory/requests/new')} data-testid="inventory-new">
                {tx('inv.newAcquisition')}
              </Button>
            ) : null}
          </>
        }
      />
      {s ? (
        <Space style={{ marginBottom: 12 }} wrap>
          <Tag>{tx('inv.summary.total', { n: s.total })}</Tag>
          <Tag color="red" style={{ cursor: 'pointer' }} onClick={() => update({ riskStatus: 'unanalysed' })}>
            {tx('inv.summary.unanalysed', { n: s.unanalysed })}
          </Tag>
          <Tag color="orange" style={{ cursor: 'pointer' }} onClick={() => update({ riskStatus: 'needs_review' })}>
            {tx('inv.summary.needsReview', { n: s.needsReview })}
          </Tag>
          <Tag color="magenta" style={{ cursor: 'pointer' }} onClick={() => update({ flags: ['sensitive'] })}>
            {tx('inv.summary.sensitive', { n: s.sensitive })}
          </Tag>
          <Tag color="volcano" style={{ cursor: 'pointer' }} onClick={() => update({ flags: ['disposalDue'] })}>
            {tx('inv.summary.disposalDue', { n: s.disposalDue })}
          </Tag>
        </Space>
      ) : null}
      <FilterBar>
        <SearchBox placeholder={tx('inv.searchPlaceholder')} onSearch={(q) => update({ q })} width={380} testId="inventory-search" />
        <DepartmentSelect value={filters.departmentId} onChange={(v) => update({ departmentId: v })} placeholder={tx('inv.department')} style={{ width: 200 }} />
        <Select
          mode="multiple"
          allowClear
          placeholder={tx('inv.flags')}
          aria-label={tx('inv.flags')}
          value={filters.flags}
          onChange={(v) => update({ flags: v })}
          options={entryFlags.map((f) => ({ value: f, label: entryFlagLabels[f] }))}
          style={{ minWidth: 220 }}
          data-testid="inventory-flags"
        />
        <Select
          allowClear
          placeholder={tx('inv.media')}
          aria-label={tx('inv.media')}
          value={filters.media ?? undefined}
          onChange={(v) => update({ media: v ?? null })}
          options={(['paper', 'electronic', 'both'] as const).map((m) => ({ value: m, label: storageMediumLabels[m] }))}
          style={{ width: 130 }}
        />
        <Select
          allowClear
          placeholder={tx('inv.riskStatus')}
          aria-label={tx('inv.riskStatus')}
          value={filters.riskStatus ?? undefined}
          onChange={(v) => update({ riskStatus: v ?? null })}
          options={(Object.keys(riskStatusCodeLabels) as RiskStatusCode[]).map((k) => ({ value: k, label: riskStatusCodeLabels[k] }))}
          style={{ width: 150 }}
        />
        <Select
          aria-label={tx('inv.status')}
          value={filters.status}
          onChange={(v) => update({ status: v })}
          options={(['active', 'disposed', 'all'] as const).map((v) => ({ value: v, label: `${tx('inv.status')}: ${tx(`inv.status.${v}`)}` }))}
          style={{ width: 150 }}
        />
      </FilterBar>
      <PagedTable<EntryListItem>
        list={list}
        query={entries}
        size="middle"
        onRow={(e) => ({ onClick: () => navigate(`/inventory/entries/${e.id}`), style: { cursor: 'pointer' } })}
        data-testid="inventory-table"
        columns={[
          {
            title: tx('inv.name'),
            dataIndex: 'name',
            render: (name: string, e) => (
              <div>
                <Typography.Link>{name}</Typography.Link>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)' }}>{e.items.slice(0, 6).join('・')}</div>
              </div>
            ),
          },
          { title: tx('inv.department'), dataIndex: 'departmentName', width: 130 },
          { title: tx('inv.purpose'), dataIndex: 'purpose', ellipsis: true },
          { title: tx('inv.media'), dataIndex: 'storageMedia', width: 90, render: (m: EntryListItem['storageMedia']) => (m ? storageMediumLabels[m] : '') },
          {
            title: tx('inv.count'),
            dataIndex: 'recordCount',
            width: 100,
            align: 'right',
            render: (v: number | null, e) => (v === null ? '' : `${e.approximate ? '約' : ''}${v.toLocaleString('ja-JP')}`),
          },
          {
            title: tx('inv.retainUntil'),
            dataIndex: 'retainUntilDate',
            width: 140,
            render: (v: string | null, e) => [formatDate(v, calendar), e.retainUntilText].filter(Boolean).join(' '),
          },
          { title: tx('inv.flags'), key: 'flags', width: 200, render: (_: unknown, e) => <FlagTags entry={e} /> },
          { title: tx('inv.riskStatus'), dataIndex: 'riskStatus', width: 110, render: (v: RiskStatusCode, e) => <RiskStatusTag status={v} label={e.riskStatusLabel} /> },
        ]}
      />
    </>
  );
}

/** 個人情報管理台帳: search, filters, paged list, exports, links to requests, import and review. */
export default function InventoryPage() {
  return (
    <RequirePermission permission="inventory.read">
      <InventoryScreen />
    </RequirePermission>
  );
}
