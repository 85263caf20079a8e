import { useQueryClient } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ApprovalPanel } from '../inventory/components.tsx';
import { useRiskText } from './messages.ts';
import { HeatMapGrid } from './RiskPage.tsx';
import type { AssessmentDetail } from './types.ts';

/** Beside the table: the approval, the ledger entries the 類型 covers, and the heat map. */
export function AssessmentSidePanel({ assessment: d }: { assessment: AssessmentDetail }) {
  const rt = useRiskText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <Card title={rt('risk.approval')} style={{ marginBottom: 16 }}>
        <ApprovalPanel approvalRequestId={d.approvalRequestId} onChanged={() => void queryClient.invalidateQueries({ queryKey: ['risk'] })} />
      </Card>
      <Card title={rt('risk.entries')} style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={d.entries}
          renderItem={(e) => (
            <List.Item>
              <Space wrap>
                <Typography.Link onClick={() => navigate(`/inventory/entries/${e.id}`)}>{e.name}</Typography.Link>
                <Tag>{e.riskStatusLabel}</Tag>
                {e.stale ? <Tag color="orange">{rt('risk.stale')}</Tag> : null}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={rt('risk.heatmap')}>
        <HeatMapGrid heatMap={d.heatMap} criteria={d.criteria} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
          {rt('risk.thresholdHint', { threshold: d.criteria.threshold, clause: d.criteria.thresholdBasis.clause })}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
