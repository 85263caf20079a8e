import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, download } from '../../api/client.ts';
import { PageHeader } from '../../components/page.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useAbility } from '../../session/session.tsx';
import { ExchangeAnswers } from './ExchangeAnswers.tsx';
import { QuestionnaireForm } from './QuestionnaireForm.tsx';
import type { Exchange, Questionnaire } from './types.ts';

const date = (iso: string | null) => (iso ? iso.slice(0, 10).replaceAll('-', '/') : '');

/** The 調査票 as answered: each 評価項目 with はい／いいえ／該当なし and the details; the files sent (the 委託元 downloads its copies). */
function AnsweredQuestionnaire({ questionnaire, canDownload }: { questionnaire: Questionnaire; canDownload: boolean }) {
  // 1 プライバシーマーク「はい」: the other items may be left out (調査票 「取得していない場合は、以下項目に該当しているか」).
  const covered = questionnaire.items.find((i) => i.coversOthers && i.answer === 'yes');
  return (
    <>
      <Descriptions size="small" column={1} bordered data-testid="questionnaire-answers">
        {questionnaire.items.map((i) => (
          <Descriptions.Item key={i.code} label={`${i.code} ${i.text}`}>
            {/* The answer once: いいえ as a red tag (what the 委託元 follows up), the others as text. */}
            {i.answer === 'no' ? (
              <Tag color="red">{i.answerLabel}</Tag>
            ) : (
              (i.answerLabel ?? <Typography.Text type="secondary">{covered ? `（${covered.code} が「はい」のため省略）` : '（回答なし）'}</Typography.Text>)
            )}
            {i.details ? <div style={{ whiteSpace: 'pre-wrap' }}>{i.details}</div> : null}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <div style={{ marginTop: 8 }} data-testid="questionnaire-files-sent">
        <Typography.Text strong>添付された資料: </Typography.Text>
        {questionnaire.files.length === 0 ? <Typography.Text type="secondary">なし</Typography.Text> : null}
        {questionnaire.files.map((f) =>
          canDownload ? (
            <Button key={f.attachmentId} type="link" icon={<DownloadOutlined />} onClick={() => void download(`/api/attachment-files/${f.attachmentId}`, f.fileName)}>
              {f.fileName}（{f.kindLabel}）
            </Button>
          ) : (
            <Tag key={f.attachmentId}>
              {f.fileName}（{f.kindLabel}）
            </Tag>
          ),
        )}
      </div>
    </>
  );
}

/** 確認 (委託元): 受理 or 差戻し with a note (the note is required to return). */
function Review({ exchange }: { exchange: Exchange }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: 'accepted' | 'returned') => {
    setError(null);
    try {
      await api.post(`/api/contractor-portal/exchanges/${exchange.id}/review`, { decision, note });
      message.success(decision === 'accepted' ? '受理しました' : '差し戻しました');
      await queryClient.invalidateQueries({ queryKey: ['contractor-portal'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.fields.map((f) => f.message).join(' / ') || e.message : String(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
      {error ? <Alert type="error" showIcon title={error} data-testid="questionnaire-review-error" /> : null}
      <Input.TextArea
        rows={2}
        aria-label="確認のコメント"
        placeholder="確認のコメント（差し戻すときは必須）"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="questionnaire-review-note"
      />
      <Space>
        <Button type="primary" onClick={() => decide('accepted')} data-testid="questionnaire-accept">
          受理する
        </Button>
        <Button danger onClick={() => decide('returned')} data-testid="questionnaire-return">
          差し戻す
        </Button>
      </Space>
    </Space>
  );
}

/** A 遵守報告書 (特記事項 第11条) opened from a task or the home: its answers and, for the 委託元, the review. */
function ComplianceExchange({ exchange, ours, open }: { exchange: Exchange; ours: boolean; open: boolean }) {
  return (
    <>
      <PageHeader title={exchange.title} lead={ours ? `委託先 ${exchange.otherPartyName ?? ''} への依頼` : `委託元 ${exchange.otherPartyName ?? ''} からの依頼`} />
      <Card size="small" title={<Tag data-testid="questionnaire-status">{exchange.overdue ? `${exchange.statusLabel}・期限超過` : exchange.statusLabel}</Tag>}>
        <Typography.Paragraph>提出期限 {date(exchange.dueOn)}</Typography.Paragraph>
        {!ours && open ? <Link to="/contractor-portal">「委託元からの依頼」で回答する</Link> : <ExchangeAnswers exchange={exchange} />}
        {ours && exchange.status === 'answered' ? <Review exchange={exchange} /> : null}
      </Card>
    </>
  );
}

/**
 * 個人情報管理状況調査票 (issue #13): one page for both sides. The 委託先 (the 依頼 is in its inbox)
 * answers it; the 委託元 (it sent it) reviews the answers and the files, and accepts or returns it.
 */
export default function QuestionnairePage() {
  const { id = '' } = useParams();
  const manages = useAbility('contractorPortal.manage');
  const responds = useAbility('contractorPortal.respond');
  const sent = useQuery({ queryKey: ['contractor-portal', 'sent'], queryFn: () => api.get<{ items: Exchange[] }>('/api/contractor-portal/exchanges'), enabled: manages });
  const inbox = useQuery({ queryKey: ['contractor-portal', 'inbox'], queryFn: () => api.get<{ items: Exchange[] }>('/api/contractor-portal/inbox'), enabled: responds });
  const ours = sent.data?.items.find((e) => e.id === id);
  const addressed = inbox.data?.items.find((e) => e.id === id);
  const exchange = ours ?? addressed;
  const questionnaire = useQuery({
    queryKey: ['contractor-portal', 'questionnaire', id],
    queryFn: () => api.get<Questionnaire>(`/api/contractor-portal/exchanges/${id}/questionnaire`),
    enabled: exchange?.kind === 'questionnaire',
  });
  const listed = (!manages || sent.isSuccess) && (!responds || inbox.isSuccess);
  if (listed && !exchange) return <Alert type="error" showIcon title="依頼が見つかりません（依頼した委託元と、宛先の委託先だけが開けます）" />;
  if (!exchange) return null;
  const open = exchange.status === 'requested' || exchange.status === 'returned';
  if (exchange.kind === 'compliance_report') return <ComplianceExchange exchange={exchange} ours={!!ours} open={open} />;
  const q = questionnaire.data;
  if (!q) return null;
  return (
    <>
      <PageHeader
        title={`${q.criteriaName}`}
        lead={
          ours
            ? `委託先 ${exchange.otherPartyName ?? ''} への依頼。回答を確かめて受理するか、理由をつけて差し戻します（JIS Q 15001 J.9.4）。`
            : `委託元 ${exchange.otherPartyName ?? ''} からの依頼。各評価項目に回答し、資料を添付して送ります。`
        }
      />
      <Card
        size="small"
        title={
          <Space wrap>
            <Tag
              color={exchange.overdue ? 'red' : exchange.status === 'accepted' ? 'green' : exchange.status === 'answered' ? 'gold' : undefined}
              data-testid="questionnaire-status"
            >
              {exchange.overdue ? `${exchange.statusLabel}・期限超過` : exchange.statusLabel}
            </Tag>
            <span>提出期限 {date(exchange.dueOn)}</span>
            {exchange.answeredByName ? (
              <span>
                回答: {exchange.answeredByName}（{formatDateTime(exchange.answeredAt)}）
              </span>
            ) : null}
          </Space>
        }
      >
        {exchange.reviewNote ? (
          <Alert type={exchange.status === 'returned' ? 'warning' : 'info'} showIcon title={`確認のコメント: ${exchange.reviewNote}`} style={{ marginBottom: 8 }} />
        ) : null}
        {addressed && open ? <QuestionnaireForm exchangeId={id} questionnaire={q} /> : <AnsweredQuestionnaire questionnaire={q} canDownload={!!ours} />}
        {ours && exchange.status === 'answered' ? <Review exchange={exchange} /> : null}
        {ours && exchange.status === 'accepted' ? (
          <Typography.Paragraph style={{ marginTop: 12 }}>受理した回答は、委託先の画面の「委託先審査表」で今年の評価の下書きに使えます。</Typography.Paragraph>
        ) : null}
      </Card>
      <div style={{ marginTop: 12 }}>
        <Link to={ours ? '/contractors' : '/contractor-portal'}>{ours ? '委託先の一覧へ' : '委託元からの依頼へ'}</Link>
      </div>
    </>
  );
}
