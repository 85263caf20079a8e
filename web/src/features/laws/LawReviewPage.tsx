import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Radio, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { lawsContract } from '../../../../src/modules/laws/laws.contract.ts';
import { type LawReviewOutcome, lawReviewOutcomeLabels, lawReviewOutcomes } from '../../../../src/modules/laws/laws.labels.ts';
import { ApiError, api } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { FullPageSpin, PageHeader, QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type LawReview, lawKeys, pathOf, useLawReview } from './api.ts';
import { lt } from './messages.ts';

type Draft = Record<string, { outcome: LawReviewOutcome | null; note: string }>;

/** One 見直し (J.1.3 c): each entry 確認済み / 改訂あり (what changed) / 廃止, then 完了. */
export default function LawReviewPage() {
  const { id = '' } = useParams();
  const t = useT();
  const format = useDateFormat();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useLawReview(id);
  const [draft, setDraft] = useState<Draft>({});
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!query.data) return;
    setDraft(Object.fromEntries(query.data.items.map((i) => [i.lawId, { outcome: i.outcome, note: i.note ?? '' }])));
    setSummary(query.data.note ?? '');
  }, [query.data]);

  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const review = query.data;
  const editable = review.abilities.edit;

  const act = async (complete: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const items = Object.entries(draft).map(([lawId, d]) => ({ lawId, outcome: d.outcome, note: d.note }));
      let saved = await api.put<LawReview>(pathOf(lawsContract.saveReview, { id }), { items, note: summary });
      if (complete) saved = await api.post<LawReview>(pathOf(lawsContract.completeReview, { id }));
      queryClient.setQueryData(lawKeys.review(id), saved);
      await queryClient.invalidateQueries({ queryKey: lawKeys.all });
      message.success(complete ? lt('review.completed') : lt('saved'));
    } catch (e) {
      // A field error of one entry (items.3.note) names that entry, so the person finds the row.
      const names = Object.keys(draft).map((lawId) => review.items.find((i) => i.lawId === lawId)?.name ?? '');
      const rowErrors =
        e instanceof ApiError
          ? e.fields.flatMap((f) => {
              const at = /(?:^|\.)items\.(\d+)\./.exec(f.path);
              return at ? [`${names[Number(at[1])] ?? ''}: ${f.message}`] : [];
            })
          : [];
      setError(rowErrors.length > 0 ? rowErrors.join(' / ') : errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const allMarked = Object.values(draft).every((d) => d.outcome !== null);

  return (
    <>
      <PageHeader
        title={`${review.year}年 ${lt('review.title')}`}
        lead={
          review.status === 'completed'
            ? lt('review.completedBy', { date: review.completedOn ? format(review.completedOn) : '', name: review.completedBy ?? '' })
            : lt('review.lead')
        }
        extra={<Button onClick={() => navigate('/laws/reviews')}>{lt('review.back')}</Button>}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="law-review-error" /> : null}
      <Table<LawReview['items'][number]>
        size="small"
        rowKey="lawId"
        dataSource={review.items}
        pagination={false}
        columns={[
          {
            title: '名称',
            dataIndex: 'name',
            render: (name: string, row) => (
              <div>
                {name}
                {row.number ? <div style={{ color: '#595959', fontSize: 12 }}>{row.number}</div> : null}
              </div>
            ),
          },
          {
            title: lt('review.outcome'),
            key: 'outcome',
            width: 300,
            render: (_: unknown, row) => (
              <Radio.Group
                aria-label={`${row.name}の${lt('review.outcome')}`}
                disabled={!editable}
                value={draft[row.lawId]?.outcome ?? null}
                onChange={(e) => setDraft((d) => ({ ...d, [row.lawId]: { note: d[row.lawId]?.note ?? '', outcome: e.target.value as LawReviewOutcome } }))}
                options={lawReviewOutcomes.map((o) => ({ value: o, label: lawReviewOutcomeLabels[o] }))}
              />
            ),
          },
          {
            title: lt('review.note'),
            key: 'note',
            render: (_: unknown, row) => (
              <Input
                aria-label={`${row.name}の${lt('review.note')}`}
                disabled={!editable}
                value={draft[row.lawId]?.note ?? ''}
                status={draft[row.lawId]?.outcome === 'revised' && !draft[row.lawId]?.note.trim() ? 'error' : undefined}
                onChange={(e) => setDraft((d) => ({ ...d, [row.lawId]: { outcome: d[row.lawId]?.outcome ?? null, note: e.target.value } }))}
              />
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <Typography.Text strong>{lt('review.summary')}</Typography.Text>
        <Input.TextArea aria-label={lt('review.summary')} disabled={!editable} value={summary} onChange={(e) => setSummary(e.target.value)} autoSize={{ minRows: 2 }} />
      </div>
      {editable ? (
        <Space style={{ marginTop: 16 }}>
          <Button onClick={() => act(false)} loading={busy} data-testid="law-review-save">
            {lt('review.save')}
          </Button>
          <Button type="primary" onClick={() => act(true)} loading={busy} disabled={!allMarked} data-testid="law-review-complete">
            {lt('review.complete')}
          </Button>
        </Space>
      ) : null}
    </>
  );
}
