import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { employmentTypes } from '../../../../src/domain/roles.ts';
import { exportsContract } from '../../../../src/platform/exports/exports.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { orgContract } from '../../../../src/platform/org/org.contract.ts';
import { api, download, withQuery } from '../../api/client.ts';
import { pathOf, queryKeys } from '../../api/queries.ts';
import { errorMessage } from '../../components/form.tsx';
import { FilterBar, PagedTable, SearchBox, usePagedList } from '../../components/ListPage.tsx';
import { PageHeader, RequirePermission } from '../../components/page.tsx';
import { DepartmentSelect } from '../../components/pickers.tsx';
import { useI18n, useLabels, useT } from '../../i18n/index.tsx';
import { formatDate, todayInJapan } from '../../lib/dates.ts';
import { useAbility } from '../../session/session.tsx';
import { RegisterImportModal } from '../../components/RegisterImportModal.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';

/** A page of the 従業者 list (GET /api/people), and one of its rows. */
type PeoplePage = ResponseOf<typeof orgContract.people>;
type PersonListItem = PeoplePage['items'][number];
type Filters = { q: string; departmentId: string | null; employmentType: string | null; status: 'active' | 'left' | 'all' };

function PeopleScreen() {
  const t = useT();
  const labels = useLabels();
  const { calendar } = useI18n();
  const { message } = App.useApp();
  const canManage = useAbility('people.manage');
  const list = usePagedList<Filters>({ q: '', departmentId: null, employmentType: null, status: 'active' });
  const { filters, update, page, pageSize } = list;
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const queryClient = useQueryClient();
  const [exporting, setExporting] = useState(false);

  const query = { q: filters.q, departmentId: filters.departmentId, employmentType: filters.employmentType, status: filters.status };
  const people = useQuery({
    queryKey: queryKeys.people({ ...query, page, pageSize }),
    queryFn: () => api.get<PeoplePage>(withQuery(pathOf(orgContract.people), { ...query, page, pageSize })),
    placeholderData: (previous) => previous,
  });
  const exportExcel = async () => {
    setExporting(true);
    try {
      await download(withQuery(pathOf(exportsContract.exportPeople), query), '従業者一覧.xlsx');
    } catch (error) {
      message.error(`${t('common.downloadFailed')}: ${errorMessage(error, t)}`);
    } finally {
      setExporting(false);
    }
  };
  const today = todayInJapan();

  return (
    <>
      <PageHeader
        title={t('people.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={exportExcel} loading={exporting} data-testid="people-export">
              {t('common.exportExcel')}
            </Button>
            {canManage ? (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="people-import">
                  {t('common.importExcel')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')} data-testid="person-add">
                  {t('people.add')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <FilterBar>
        <SearchBox placeholder={t('people.searchPlaceholder')} onSearch={(q) => update({ q })} width={360} />
        <DepartmentSelect value={filters.departmentId} onChange={(v) => update({ departmentId: v })} placeholder={t('people.department')} style={{ width: 220 }} />
        <Select
          allowClear
          placeholder={t('people.employmentType')}
          aria-label={t('people.employmentType')}
          value={filters.employmentType ?? undefined}
          onChange={(v) => update({ employmentType: v ?? null })}
          options={employmentTypes.map((v) => ({ value: v, label: labels.employmentType(v) }))}
          style={{ width: 170 }}
        />
        <Select
          aria-label={t('people.status')}
          value={filters.status}
          onChange={(v) => update({ status: v })}
          options={(['active', 'left', 'all'] as const).map((v) => ({ value: v, label: `${t('people.status')}: ${t(`people.status.${v}`)}` }))}
          style={{ width: 170 }}
        />
      </FilterBar>
      <PagedTable<PersonListItem>
        list={list}
        query={people}
        size="middle"
        onRow={(p) => ({ onClick: () => setOpen(p.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('people.employeeNumber'), dataIndex: 'employeeNumber', width: 120 },
          {
            title: t('people.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <div>
                <Typography.Link>{name}</Typography.Link>
                {p.nameKana ? <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)' }}>{p.nameKana}</div> : null}
              </div>
            ),
          },
          { title: t('people.department'), dataIndex: 'departmentName' },
          { title: t('people.employmentType'), dataIndex: 'employmentType', width: 140, render: (v: string) => labels.employmentType(v) },
          { title: t('people.joinedOn'), dataIndex: 'joinedOn', width: 130, render: (v: string | null) => formatDate(v, calendar) },
          {
            title: t('people.status'),
            dataIndex: 'leftOn',
            width: 150,
            render: (v: string | null) => (v && v <= today ? <Tag>{`${t('people.status.left')} ${formatDate(v)}`}</Tag> : <Tag color="green">{t('people.status.active')}</Tag>),
          },
          {
            title: t('people.account'),
            dataIndex: 'hasAccount',
            width: 100,
            render: (v: boolean) => (v ? <Tag color="blue">{t('people.hasAccount')}</Tag> : <Typography.Text type="secondary">{t('people.noAccount')}</Typography.Text>),
          },
        ]}
      />
      {open ? <PersonDrawer personId={open} onClose={() => setOpen(null)} /> : null}
      {importing ? (
        <RegisterImportModal
          register="people"
          title={t('people.import.title')}
          onClose={() => setImporting(false)}
          onDone={() => void queryClient.invalidateQueries({ queryKey: ['people'] })}
        />
      ) : null}
    </>
  );
}

/** 従業者: search, filters, paged list, detail/edit drawer, Excel export and import. */
export default function PeoplePage() {
  return (
    <RequirePermission permission="people.read">
      <PeopleScreen />
    </RequirePermission>
  );
}
