import { Card, Input, Space, Table, type TablePaginationConfig, type TableProps } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Paged } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';
import { QueryError } from './page.tsx';

/**
 * Filters and paging of a server-paged list (people, audit log, inventory): changing a filter
 * goes back to page 1, and so does changing the page size.
 */
export function usePagedList<F extends object>(initial: F | (() => F), initialPageSize = 50) {
  const t = useT();
  const [filters, setFilters] = useState<F>(initial);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const update = (patch: Partial<F>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const pagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (p, size) => {
      setPage(size !== pageSize ? 1 : p);
      setPageSize(size);
    },
  });
  return { filters, update, page, pageSize, pagination };
}

/** The filter bar above a list. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
      <Space wrap size={[12, 12]}>
        {children}
      </Space>
    </Card>
  );
}

/**
 * The list's text search: typing edits the box, Enter or the button searches (trimmed), and
 * emptying the box (or its clear button) shows the whole list again.
 */
export function SearchBox({ placeholder, onSearch, width, testId }: { placeholder: string; onSearch: (q: string) => void; width: number; testId?: string }) {
  const t = useT();
  const [text, setText] = useState('');
  return (
    <Input.Search
      placeholder={placeholder}
      allowClear
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value) onSearch('');
      }}
      onSearch={(v) => onSearch(v.trim())}
      style={{ width }}
      enterButton={t('common.search')}
      aria-label={t('common.search')}
      data-testid={testId}
    />
  );
}

/** What PagedTable reads from the list's query (a useQuery result). */
type PagedQuery<T> = { data?: Paged<T>; isError: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };

/** A page of a server-paged list: the query's error (with retry), then the table with the pager. */
export function PagedTable<T extends object>({
  list,
  query,
  ...table
}: { list: { pagination: (total: number) => TablePaginationConfig }; query: PagedQuery<T> } & Omit<TableProps<T>, 'loading' | 'dataSource' | 'pagination'>) {
  return (
    <>
      {query.isError ? <QueryError error={query.error} onRetry={() => query.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<T> rowKey="id" {...table} loading={query.isFetching} dataSource={query.data?.items ?? []} pagination={list.pagination(query.data?.total ?? 0)} />
      </Card>
    </>
  );
}
