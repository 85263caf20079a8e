import { Card, Collapse, Empty, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ReportDetails } from './ReportDetails.tsx';
import { IncidentReportForm, ReturnDisposalForm, SubcontractForm } from './ReportForms.tsx';
import type { Outbox } from './reportTypes.ts';
import type { PrincipalTerms } from './types.ts';

const forms: Record<ReportTab, (linkId: string, terms: PrincipalTerms | undefined) => React.ReactNode> = {
  incident: (linkId) => <IncidentReportForm linkId={linkId} />,
  subcontract: (linkId, terms) => <SubcontractForm linkId={linkId} terms={terms} />,
  disposal: (linkId) => <ReturnDisposalForm linkId={linkId} />,
};

const statusColor: Record<string, string | undefined> = { refused: 'red', approved: 'green', confirmed: 'green', closed: 'green', in_approval: 'blue', handling: 'orange' };

/** A tab of 委託元への報告. */
export type ReportTab = 'incident' | 'subcontract' | 'disposal';

/** The tabs of 委託元への報告, in the order the page offers them (事故等 first: 特記事項 第15条 直ちに報告). */
export const reportTabs: readonly { key: ReportTab; label: string }[] = [
  { key: 'incident', label: '事故等の報告' },
  { key: 'subcontract', label: '再委託申請' },
  { key: 'disposal', label: '返還・廃棄報告' },
];

/**
 * 委託元への報告（委託先の側, issue #13）: 再委託申請・返還・廃棄報告・事故等の報告 to a connected 委託元,
 * and what this organization sent, with the 受付番号 and where each stands.
 * `outbox` is the page's one read of `/api/contractor-portal/my-reports` (the report shortcuts use it too);
 * `terms` each 委託元's 特記事項の再委託の条項 from the inbox (undefined while it loads).
 */
export function PortalReports({
  outbox,
  terms,
  tab,
  onTabChange,
}: {
  outbox: Outbox;
  terms: readonly PrincipalTerms[] | undefined;
  tab: ReportTab;
  onTabChange: (tab: ReportTab) => void;
}) {
  const principals = outbox.principals;
  const [picked, setPicked] = useState<string | null>(null);
  const linkId = picked ?? principals[0]?.linkId ?? null;
  if (principals.length === 0) return null;
  return (
    <Card size="small" title="委託元への報告（再委託申請・返還・廃棄報告・事故等の報告）" style={{ marginBottom: 16 }} id="portal-reports" data-testid="portal-reports">
      <Space style={{ marginBottom: 8 }}>
        <span id="portal-principal-label">報告先の委託元</span>
        <Select
          aria-labelledby="portal-principal-label"
          style={{ minWidth: 240 }}
          value={linkId}
          onChange={setPicked}
          options={principals.map((p) => ({ value: p.linkId, label: p.name }))}
          data-testid="portal-principal"
        />
      </Space>
      {linkId ? (
        <Tabs
          key={linkId}
          activeKey={tab}
          onChange={(key) => onTabChange(key as ReportTab)}
          items={reportTabs.map(({ key, label }) => ({
            key,
            label,
            children: forms[key](
              linkId,
              terms?.find((t) => t.linkId === linkId),
            ),
          }))}
          data-testid="portal-report-tabs"
        />
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        送った報告
      </Typography.Title>
      {outbox.items.length === 0 ? (
        <Empty description="送った報告はありません" />
      ) : (
        <Collapse
          items={outbox.items.map((r) => ({
            key: r.id,
            label: (
              <Space wrap data-testid={`portal-sent-${r.number}`}>
                <Typography.Text code>{r.number}</Typography.Text>
                <Tag>{r.kindLabel}</Tag>
                <span>{r.title}</span>
                <Tag color={statusColor[r.status]}>{r.statusLabel}</Tag>
                <Typography.Text type="secondary">{r.otherPartyName}</Typography.Text>
              </Space>
            ),
            children: (
              <>
                <ReportDetails report={r} />
                {r.certificate ? (
                  <Typography.Paragraph style={{ marginTop: 8 }}>
                    {r.certificate.label}: {r.certificate.fileName}（{r.certificate.contentTypeLabel}、{Math.ceil(r.certificate.size / 1024)} KB）
                  </Typography.Paragraph>
                ) : null}
                {r.confirmNote ? <Typography.Paragraph style={{ marginTop: 8 }}>委託元のコメント: {r.confirmNote}</Typography.Paragraph> : null}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
