import { FileExcelOutlined, FileTextOutlined, OrderedListOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { contractorsContract } from '../../../../src/modules/contractors/contractors.contract.ts';
import { contractorFieldLabels as L } from '../../../../src/modules/contractors/contractors.labels.ts';
import { download } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { FilterBar, PagedTable, SearchBox, usePagedList } from '../../components/ListPage.tsx';
import { PageHeader, RequirePermission } from '../../components/page.tsx';
import { RegisterImportModal } from '../../components/RegisterImportModal.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type ContractorListItem, contractorKeys, pathOf, useContractorList } from './api.ts';
import { useContractorText } from './messages.ts';

function ContractorList() {
  const ct = useContractorText();
  const tc = useT();
  const format = useDateFormat();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = usePagedList({ q: '' }, 50);
  const query = useContractorList({ q: list.filters.q, page: list.page, pageSize: list.pageSize });
  const queryClient = useQueryClient();
  const [importing, setImporting] = useState(false);
  return (
    <>
      <PageHeader
        title={ct('ct.title')}
        lead={ct('ct.lead')}
        extra={
          <>
            <Button icon={<OrderedListOutlined />} onClick={() => navigate('/contractors/criteria')} data-testid="contractors-criteria">
              {ct('ct.criteria')}
            </Button>
            <Button icon={<FileTextOutlined />} onClick={() => navigate('/contractors/special-clause-template')} data-testid="contractors-template">
              {ct('ct.template')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              data-testid="contractors-export"
              onClick={() => download(pathOf(contractorsContract.exportXlsx), '委託先一覧.xlsx').catch((error: unknown) => message.error(errorMessage(error, tc)))}
            >
              {ct('ct.export')}
            </Button>
            {query.data?.canCreate ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="contractors-import">
                {ct('ct.import')}
              </Button>
            ) : null}
            {query.data?.canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/contractors/new')} data-testid="contractors-add">
                {ct('ct.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <FilterBar>
        <SearchBox placeholder={ct('ct.search')} onSearch={(q) => list.update({ q })} width={360} testId="contractors-search" />
      </FilterBar>
      <PagedTable<ContractorListItem>
        list={list}
        query={query}
        size="small"
        onRow={(row) => ({ onClick: () => navigate(`/contractors/${row.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: L.name, dataIndex: 'name' },
          { title: L.corporateNumber, dataIndex: 'corporateNumber', width: 150, render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '') },
          { title: L.departmentId, dataIndex: 'departmentName', width: 120 },
          { title: L.entrustedWork, dataIndex: 'entrustedWork', ellipsis: true },
          {
            title: L.privacyMarkStatus,
            dataIndex: 'privacyMarkStatusLabel',
            width: 150,
            render: (v: string, row) => `${v}${row.privacyMarkExpiresOn ? `（${format(row.privacyMarkExpiresOn)}まで）` : ''}`,
          },
          { title: L.contractEndsOn, dataIndex: 'contractEndsOn', width: 120, render: (v: string | null) => (v ? format(v) : '') },
          {
            title: ct('ct.specific'),
            dataIndex: 'specificPersonalInfo',
            width: 110,
            render: (v: boolean) => (v ? <Tag color="purple">{ct('ct.specificYes')}</Tag> : ct('ct.specificNo')),
          },
          {
            title: ct('ct.missing'),
            dataIndex: 'missingClauseCount',
            width: 120,
            render: (n: number) => (n > 0 ? <Tag color="error">{ct('ct.missingCount', { n })}</Tag> : <Tag color="success">{ct('ct.none')}</Tag>),
          },
        ]}
      />
      {importing ? (
        <RegisterImportModal
          register="contractors"
          title={ct('ct.importTitle')}
          onClose={() => setImporting(false)}
          onDone={() => void queryClient.invalidateQueries({ queryKey: contractorKeys.all })}
        />
      ) : null}
    </>
  );
}

/** 委託先の一覧 (M7, J.9.4 4). */
export default function ContractorListPage() {
  return (
    <RequirePermission permission="contractors.read">
      <ContractorList />
    </RequirePermission>
  );
}
