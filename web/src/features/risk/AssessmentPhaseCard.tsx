import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Tag } from 'antd';
import { AssessmentRecordEditor } from './AssessmentRecordEditor.tsx';
import type { Draft } from './assessmentDraft.ts';
import { useRiskText } from './messages.ts';
import type { Criteria } from './types.ts';

/** One phase of the table (取得・入力, 移送・送信 …) with its rows and the buttons that add to it. */
export function AssessmentPhaseCard({
  phase,
  rows,
  criteria,
  readOnly,
  errors,
  onPropose,
  onAdd,
  onChange,
  onRemove,
}: {
  phase: { id: string; label: string };
  rows: { draft: Draft; index: number }[];
  criteria: Criteria;
  readOnly: boolean;
  errors: Record<string, string>;
  onPropose: () => void;
  onAdd: () => void;
  onChange: (key: string, next: Draft) => void;
  onRemove: (key: string) => void;
}) {
  const rt = useRiskText();
  return (
    <Card
      title={
        <Space>
          {phase.label}
          <Tag>{rows.length}</Tag>
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid={`phase-${phase.id}`}
      extra={
        !readOnly ? (
          <Space>
            <Button size="small" onClick={onPropose} data-testid={`add-typical-${phase.id}`}>
              {rt('risk.addTypical')}
            </Button>
            <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid={`add-risk-${phase.id}`}>
              {rt('risk.addRisk')}
            </Button>
          </Space>
        ) : null
      }
    >
      {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={rt('risk.noRisksInPhase')} /> : null}
      {rows.map(({ draft, index }, position) => (
        <AssessmentRecordEditor
          key={draft.key}
          draft={draft}
          index={index}
          rowLabel={rt('risk.row', { phase: phase.label, n: position + 1 })}
          criteria={criteria}
          readOnly={readOnly}
          errors={errors}
          onChange={(next) => onChange(draft.key, next)}
          onRemove={() => onRemove(draft.key)}
        />
      ))}
    </Card>
  );
}
