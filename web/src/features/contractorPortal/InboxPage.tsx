import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { complianceItemText } from '../../../../src/rules/contractors/complianceReport.ts';
import { complianceReportItems, type YesNo } from '../../../../src/rules/data/contractorComplianceReport.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { ExchangeAnswers } from './ExchangeAnswers.tsx';
import { PortalReports, type ReportTab, reportTabs } from './PortalReports.tsx';
import type { Outbox } from './reportTypes.ts';
import type { CriteriaNotice, Exchange, PortalLink, PrincipalTerms } from './types.ts';

const date = (iso: string | null) => (iso ? iso.slice(0, 10).replaceAll('-', '/') : '');

/** 招待を受ける: the code from the 委託元's e-mail (prefilled from `?code=`). */
function AcceptInvitation() {
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [error, setError] = useState<string | null>(null);
  const accept = async () => {
    setError(null);
    try {
      const link = await api.post<PortalLink>('/api/contractor-portal/invitations/accept', { token: code });
      message.success(`委託元と接続しました（${link.counterpartyName ?? ''}）`);
      setCode('');
      // Accepting may bring the 委託元's criteria in force (a notice, and a notification for the bell).
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['contractor-portal'] }), queryClient.invalidateQueries({ queryKey: queryKeys.notifications })]);
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : String(e));
    }
  };
  return (
    <Card size="small" title="委託元からの招待を受ける" style={{ marginBottom: 16 }}>
      <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
        <Input
          placeholder="招待のメールにある招待のコード"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          status={error ? 'error' : undefined}
          data-testid="portal-accept-code"
        />
        <Button type="primary" onClick={accept} data-testid="portal-accept-submit">
          招待を受ける
        </Button>
      </Space.Compact>
      {error ? (
        <div style={{ color: '#cf1322', marginTop: 4 }} data-testid="portal-accept-error">
          {error}
        </div>
      ) : null}
    </Card>
  );
}

type Draft = { name: string; answers: Record<number, { answer?: YesNo; details: string }> };

/** 遵守報告書の回答: the 9 items as printed, はい／いいえ, the details the form asks for, each item's error under it. */
function ComplianceForm({ exchange }: { exchange: Exchange }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    name: '',
    answers: Object.fromEntries((exchange.answers ?? []).map((a) => [a.number, { answer: a.answer, details: a.details ?? '' }])),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const subcontracting = draft.answers[6]?.answer === 'yes';
  const items = complianceReportItems.filter((i) => !i.whenSubcontracting || subcontracting);
  const set = (n: number, change: Partial<{ answer: YesNo; details: string }>) =>
    setDraft((d) => ({ ...d, answers: { ...d.answers, [n]: { details: '', ...d.answers[n], ...change } } }));
  const submit = async () => {
    setErrors({});
    setFormError(null);
    try {
      await api.post(`/api/contractor-portal/exchanges/${exchange.id}/answer`, {
        answeredByName: draft.name,
        answers: items.flatMap((i) => {
          const a = draft.answers[i.number];
          return a?.answer ? [{ number: i.number, answer: a.answer, details: a.details.trim() || null }] : [];
        }),
      });
      message.success('遵守報告書を送りました');
      await queryClient.invalidateQueries({ queryKey: ['contractor-portal'] });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])));
      // The errors are under their items; the banner only counts them (or says what has no item).
      setFormError(e.fields.length > 0 ? `送れませんでした。赤い項目を直してください（${e.fields.length}件）` : e.message);
    }
  };
  return (
    <div data-testid={`portal-answer-${exchange.id}`}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 8 }} /> : null}
      {items.map((i) => {
        const a = draft.answers[i.number];
        const needsDetails = !!a?.answer && i.detailsWhen.includes(a.answer);
        return (
          <div key={i.number} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
            <div>
              <Typography.Text type="secondary">{i.group}</Typography.Text>
            </div>
            <div id={`item-${i.number}`}>
              ({i.number}) {complianceItemText(i, exchange.principalPublicBody ? 'public_body' : 'company')}
            </div>
            <Radio.Group
              aria-labelledby={`item-${i.number}`}
              value={a?.answer}
              onChange={(e) => set(i.number, { answer: e.target.value })}
              options={[
                { value: 'yes', label: 'はい' },
                { value: 'no', label: 'いいえ' },
              ]}
              data-testid={`portal-item-${i.number}`}
            />
            {needsDetails || a?.details ? (
              <Input.TextArea
                rows={2}
                placeholder={i.note ?? '具体的内容'}
                value={a?.details ?? ''}
                onChange={(e) => set(i.number, { details: e.target.value })}
                status={errors[`answers.${i.number}`] ? 'error' : undefined}
                style={{ marginTop: 4 }}
                data-testid={`portal-item-${i.number}-details`}
              />
            ) : null}
            {errors[`answers.${i.number}`] ? <div style={{ color: '#cf1322' }}>{errors[`answers.${i.number}`]}</div> : null}
          </div>
        );
      })}
      <Space style={{ marginTop: 8 }}>
        <Input
          placeholder="回答者の氏名"
          value={draft.name}
          onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
          status={errors.answeredByName ? 'error' : undefined}
          data-testid="portal-answered-by"
        />
        <Button type="primary" onClick={submit} data-testid="portal-answer-submit">
          遵守報告書を送る
        </Button>
      </Space>
      {errors.answeredByName ? <div style={{ color: '#cf1322' }}>{errors.answeredByName}</div> : null}
    </div>
  );
}

/**
 * 評価基準の改定のお知らせ (issue #13; J.9.4 s)): a 委託元 approved a new version of its criteria — its
 * name, number and items, and what changed since what this organization last saw from it. The items
 * are in the profile at once, so the answers are ready before the next 調査票.
 */
function CriteriaNotices() {
  const notices = useQuery({
    queryKey: ['contractor-portal', 'criteria-notices'],
    queryFn: () => api.get<{ items: CriteriaNotice[] }>('/api/contractor-portal/criteria-notices'),
  });
  if (notices.isError) return <QueryError error={notices.error} onRetry={() => void notices.refetch()} />;
  const items = notices.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-label="評価基準のお知らせ" style={{ marginBottom: 16 }} data-testid="portal-criteria-notices">
      {items.map((n) => (
        <Card
          key={n.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space wrap>
              <span>{n.kindLabel}</span>
              <Tag>{n.principalName}</Tag>
              <Tag color="blue">{n.versionLabel}</Tag>
              <span>{date(n.publishedAt)}</span>
            </Space>
          }
          data-testid={`portal-criteria-notice-${n.versionNo}`}
        >
          <Typography.Paragraph>
            {n.summary}次の調査票の前に、
            <Link to="/contractor-profile" style={{ textDecoration: 'underline' }}>
              自社のプロフィール
            </Link>
            で回答を用意できます。
          </Typography.Paragraph>
          {n.changes.length > 0 ? (
            <>
              <Typography.Text strong>{n.changesFrom}からの変更</Typography.Text>
              <ul style={{ margin: '4px 0 8px' }}>
                {n.changes.map((c) => (
                  <li key={`${c.kind}-${c.code}`}>
                    {c.label}: {c.code} {c.currentText ?? c.previousText}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <details>
            <summary>評価項目（{n.items.length}項目）</summary>
            <ol style={{ listStyle: 'none', paddingLeft: 0, margin: '4px 0 0' }}>
              {n.items.map((i) => (
                <li key={i.code}>
                  {i.code} {i.text}
                </li>
              ))}
            </ol>
          </details>
        </Card>
      ))}
    </section>
  );
}

/**
 * 委託元への報告の入口: the report forms sit below the requests, and these buttons open one of them
 * at once — an incident is reported 直ちに (特記事項 第15条) without scrolling past the requests.
 * Shown only when a 委託元 is connected (the reports card is shown then too).
 */
function ReportShortcuts({ principals, onPick }: { principals: Outbox['principals']; onPick: (tab: ReportTab) => void }) {
  if (principals.length === 0) return null;
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="portal-report-shortcuts">
      <span>委託元へ報告する:</span>
      {reportTabs.map(({ key, label }) => (
        <Button key={key} danger={key === 'incident'} type={key === 'incident' ? 'primary' : 'default'} onClick={() => onPick(key)} data-testid={`portal-report-shortcut-${key}`}>
          {label}
        </Button>
      ))}
    </Space>
  );
}

/**
 * 委託先ポータル（委託先の側, issue #13): accept a 委託元's invitation, then see only the requests
 * addressed to one's own organization and answer them — the 特記事項遵守報告書 item by item.
 */
function InboxScreen() {
  // The requests, and each 委託元's 特記事項の再委託の条項 (the 再委託申請 states it before anything is filled).
  const inbox = useQuery({
    queryKey: ['contractor-portal', 'inbox'],
    queryFn: () => api.get<{ items: Exchange[]; principals: PrincipalTerms[] }>('/api/contractor-portal/inbox'),
  });
  // What this organization sent and the 委託元 it can report to: read once here, for the shortcuts and the reports card.
  const outbox = useQuery({ queryKey: ['contractor-portal', 'my-reports'], queryFn: () => api.get<Outbox>('/api/contractor-portal/my-reports') });
  const [reportTab, setReportTab] = useState<ReportTab>('incident');
  // The requests come first (the page is 委託元からの依頼); a report is one click away at the top:
  // the shortcut opens its tab below the requests and moves there.
  const pickReport = (tab: ReportTab) => {
    setReportTab(tab);
    requestAnimationFrame(() => {
      const card = document.getElementById('portal-reports');
      card?.scrollIntoView({ block: 'start' });
      card?.querySelector<HTMLElement>('.ant-tabs-tabpane-active input, .ant-tabs-tabpane-active textarea')?.focus({ preventScroll: true });
    });
  };
  return (
    <>
      <PageHeader title="委託元からの依頼" lead="委託元から届いた依頼（特記事項遵守報告書など）。この組織宛てのものだけが表示されます。" />
      <AcceptInvitation />
      <ReportShortcuts principals={outbox.data?.principals ?? []} onPick={pickReport} />
      <CriteriaNotices />
      {/* 「依頼はありません」 only once the list has come: while it loads, a placeholder (not a false "none"). */}
      {inbox.isPending ? (
        <div role="status" aria-busy="true" aria-label="委託元からの依頼を読み込んでいます" data-testid="portal-requests-loading">
          <Skeleton active paragraph={{ rows: 3 }} />
        </div>
      ) : inbox.isError ? (
        <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.items.length === 0 ? (
        <Empty description="依頼はありません" data-testid="portal-requests-empty" />
      ) : null}
      {(inbox.data?.items ?? []).map((e) => (
        <Card
          key={e.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space wrap>
              <span>{e.title}</span>
              <Tag>{e.otherPartyName}</Tag>
              <Tag color={e.overdue ? 'red' : e.status === 'returned' ? 'orange' : undefined}>{e.overdue ? `${e.statusLabel}・期限超過` : e.statusLabel}</Tag>
              <span>期限 {date(e.dueOn)}</span>
            </Space>
          }
          data-testid={`portal-inbox-${e.id}`}
        >
          {e.reviewNote ? <Alert type={e.status === 'returned' ? 'warning' : 'info'} showIcon title={`委託元のコメント: ${e.reviewNote}`} style={{ marginBottom: 8 }} /> : null}
          {e.kind === 'questionnaire' ? (
            <Link to={`/contractor-exchanges/${e.id}`} data-testid={`portal-questionnaire-${e.id}`}>
              {e.status === 'requested' || e.status === 'returned' ? '調査票に回答する' : '調査票の回答を見る'}
            </Link>
          ) : e.status === 'requested' || e.status === 'returned' ? (
            <ComplianceForm exchange={e} />
          ) : (
            <ExchangeAnswers exchange={e} />
          )}
        </Card>
      ))}
      {outbox.data ? <PortalReports outbox={outbox.data} terms={inbox.data?.principals} tab={reportTab} onTabChange={setReportTab} /> : null}
    </>
  );
}

export default function InboxPage() {
  return (
    <RequirePermission permission="contractorPortal.respond">
      <InboxScreen />
    </RequirePermission>
  );
}
