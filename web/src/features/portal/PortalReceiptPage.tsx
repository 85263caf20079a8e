import { Alert, Card, Descriptions, List, Table, Typography } from 'antd';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { isMessageKey, useI18n, useT } from '../../i18n/index.tsx';
import { CorrectionAnswerForm } from './CorrectionAnswerForm.tsx';
import { PublicPage, publicDate, usePublicLanguage, usePublicQuery } from './PublicFrame.tsx';
import type { PortalProgress } from './types.ts';

/**
 * 受付状況 (issue #14 M5): what the requester sees through the follow-up link — the 受付番号,
 * the status, the 補正 the office asked for with their dates, the reply date. Just after sending,
 * the page also says to keep this URL (it is the only key).
 */
export default function PortalReceiptPage() {
  const { slug = '', number = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const t = useT();
  const { locale } = useI18n();
  const { withLang } = usePublicLanguage();
  const token = params.get('token') ?? '';
  const justSent = (location.state as { justSent?: boolean } | null)?.justSent === true;
  const progress = usePublicQuery<PortalProgress>(
    [slug, 'receipt', number, token],
    `/api/public/portals/${encodeURIComponent(slug)}/receipts/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`,
  );
  const date = (iso: string | null) => publicDate(iso, locale);
  // Names of the kind, the status and the files from their codes, in the page's language.
  const label = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  return (
    <PublicPage query={progress} missing={{ title: 'public.receipt.missing', hint: 'public.receipt.missingHint' }}>
      {(p) => (
        <>
          {justSent ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="portal-sent"
              title={t('public.receipt.sent', { number: p.receiptNumber })}
              description={
                <>
                  <div>{t('public.receipt.keepUrl')}</div>
                  <Typography.Text copyable code data-testid="portal-followup-url">
                    {window.location.href}
                  </Typography.Text>
                </>
              }
            />
          ) : null}
          <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('public.receipt.title')}</h1>}>
            <Descriptions column={1} size="small" bordered data-testid="portal-progress">
              <Descriptions.Item label={t('public.receipt.number')}>{p.receiptNumber}</Descriptions.Item>
              <Descriptions.Item label={t('public.receipt.kind')}>{label(`public.kind.${p.kind}`, p.kindLabel)}</Descriptions.Item>
              <Descriptions.Item label={t('public.receipt.receivedOn')}>{date(p.receivedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('public.receipt.status')}>{label(`public.status.${p.status}`, p.statusLabel)}</Descriptions.Item>
              <Descriptions.Item label={t('public.receipt.repliedOn')}>{date(p.repliedOn)}</Descriptions.Item>
              {p.fee ? (
                // J.10.2 1 d): the fee the page publishes for this kind, and how to pay it.
                <Descriptions.Item label={t('public.receipt.fee')}>
                  <div data-testid="portal-receipt-fee">
                    {p.fee.collectionMethod
                      ? t('public.receipt.feeAmountHow', { amount: p.fee.amountYen.toLocaleString(locale), method: p.fee.collectionMethod })
                      : t('public.receipt.feeAmount', { amount: p.fee.amountYen.toLocaleString(locale) })}
                  </div>
                  <Typography.Text type="secondary">{t('public.receipt.feeNote')}</Typography.Text>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {p.corrections.length > 0 ? (
              <>
                <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
                  {t('public.receipt.corrections')}
                </Typography.Title>
                <Table
                  size="small"
                  rowKey={(c) => `${c.askedOn}:${c.what}`}
                  pagination={false}
                  dataSource={p.corrections}
                  data-testid="portal-corrections"
                  columns={[
                    { title: t('public.receipt.askedOn'), dataIndex: 'askedOn', width: 120, render: date },
                    { title: t('public.receipt.what'), dataIndex: 'what' },
                    {
                      title: t('public.receipt.completedOn'),
                      dataIndex: 'completedOn',
                      width: 120,
                      render: (v: string | null) => (v ? date(v) : t('public.receipt.notCompleted')),
                    },
                    {
                      title: t('public.receipt.yourAnswer'),
                      dataIndex: 'answer',
                      render: (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—'),
                    },
                  ]}
                />
              </>
            ) : null}
            {p.files.length > 0 ? (
              <>
                <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
                  {t('public.receipt.files')}
                </Typography.Title>
                <List
                  size="small"
                  bordered
                  data-testid="portal-sent-files"
                  dataSource={p.files}
                  renderItem={(f) => (
                    <List.Item>{t('public.receipt.file', { kind: label(`public.fileKind.${f.kind}`, f.kindLabel), name: f.fileName, on: date(f.sentOn) })}</List.Item>
                  )}
                />
              </>
            ) : null}
          </Card>
          {p.canAnswer ? <CorrectionAnswerForm slug={slug} number={number} token={token} /> : null}
          <div style={{ marginTop: 16 }}>
            <Link to={withLang(`/p/${encodeURIComponent(slug)}`)} data-testid="portal-receipt-back">
              {t('public.backToPortal')}
            </Link>
          </div>
        </>
      )}
    </PublicPage>
  );
}
