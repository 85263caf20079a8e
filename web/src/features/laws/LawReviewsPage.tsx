import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { lawsContract } from '../../../../src/modules/laws/laws.contract.ts';
import { api } from '../../api/client.ts';
import { errorMessage, YearInput } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type LawReview, type LawReviewList, lawKeys, pathOf, useLawReviews } from './api.ts';
import { lt } from './messages.ts';

/** 法令規範一覧の見直し (J.1.3 c): the records by year; the 個人情報保護管理者 starts the year's. */
export default function LawReviewsPage() {
  const t = useT();
  const format = useDateFormat();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useLawReviews();
  // The year as typed: 「２０２６」「令和8年」「R8」 are read as 2026; text that does not read stays with the reason and starts nothing.
  const [year, setYear] = useState<number | string | null>(new Date().getFullYear());
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    if (typeof year !== 'number') return;
    setError(null);
    try {
      const review = await api.post<LawReview>(pathOf(lawsContract.startReview), { year });
      message.success(lt('review.started'));
      await queryClient.invalidateQueries({ queryKey: lawKeys.reviews });
      navigate(`/laws/reviews/${review.id}`);
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };

  return (
    <>
      <PageHeader
        title={lt('review.title')}
        lead={lt('review.lead')}
        extra={
          <>
            <Button onClick={() => navigate('/laws')}>{lt('nav')}</Button>
            {query.data?.canStart ? (
              <Space.Compact>
                <YearInput
                  aria-label={lt('review.year')}
                  label="見直しの年"
                  value={year}
                  onChange={setYear}
                  min={2000}
                  max={2100}
                  style={{ width: 110 }}
                  data-testid="law-review-year"
                />
                <Button type="primary" icon={<PlusOutlined />} onClick={start} disabled={typeof year !== 'number'} data-testid="law-review-start">
                  {lt('review.start')}
                </Button>
              </Space.Compact>
            ) : null}
          </>
        }
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<LawReviewList['items'][number]>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: lt('review.none') }}
        onRow={(row) => ({ onClick: () => navigate(`/laws/reviews/${row.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: lt('review.year'), dataIndex: 'year', width: 120, render: (y: number) => `${y}年` },
          {
            title: lt('review.outcome'),
            dataIndex: 'status',
            render: (s: 'open' | 'completed', row) =>
              s === 'completed' ? (
                <Tag color="success">
                  {lt('review.completed')} {row.completedOn ? format(row.completedOn) : ''}
                </Tag>
              ) : (
                <Tag color="processing">
                  {lt('review.open')}（{lt('review.unchecked', { n: row.unchecked })}）
                </Tag>
              ),
          },
        ]}
      />
    </>
  );
}
