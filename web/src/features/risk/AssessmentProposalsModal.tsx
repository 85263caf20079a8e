import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { refLabel } from './assessmentDraft.ts';
import { useRiskText } from './messages.ts';
import type { Criteria, Proposal } from './types.ts';

/** The typical risks proposed for this 類型 (optionally of one phase), to add as new rows. */
export function AssessmentProposalsModal({
  assessmentId,
  phase,
  criteria,
  onAdd,
  onClose,
}: {
  assessmentId: string;
  phase: string | null;
  criteria: Criteria;
  onAdd: (p: Proposal[]) => void;
  onClose: () => void;
}) {
  const rt = useRiskText();
  const proposals = useQuery({
    queryKey: ['risk', 'proposals', assessmentId],
    queryFn: () => api.get<{ proposals: Proposal[]; notes: string[]; typicalRisksVersion: string }>(`/api/risk/assessments/${assessmentId}/proposals`),
  });
  const list = (proposals.data?.proposals ?? []).filter((p) => !phase || p.phase === phase);
  const [chosen, setChosen] = useState<string[]>([]);
  // Select all (issue 10): adding the typical risks of a whole 類型 took one click per risk.
  const allChosen = list.length > 0 && list.every((p) => chosen.includes(p.typicalRiskId));
  return (
    <Modal
      open
      width={860}
      title={`${rt('risk.proposals')}${phase ? `: ${criteria.phases.find((p) => p.id === phase)?.label ?? ''}` : ''}`}
      onCancel={onClose}
      okText={rt('risk.addSelected')}
      okButtonProps={{ disabled: chosen.length === 0, ...({ 'data-testid': 'proposals-add' } as object) }}
      onOk={() => onAdd(list.filter((p) => chosen.includes(p.typicalRiskId)))}
    >
      {proposals.data?.notes.map((n) => (
        <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 8 }} />
      ))}
      {list.length > 0 ? (
        <Checkbox
          checked={allChosen}
          indeterminate={chosen.length > 0 && !allChosen}
          onChange={(e) => setChosen(e.target.checked ? list.map((p) => p.typicalRiskId) : [])}
          style={{ marginBottom: 8 }}
          data-testid="proposals-select-all"
        >
          {rt('risk.selectAll')}（{list.length}）
        </Checkbox>
      ) : null}
      <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} style={{ width: '100%' }}>
        <List
          size="small"
          loading={proposals.isPending}
          dataSource={list}
          style={{ maxHeight: 480, overflow: 'auto', width: '100%' }}
          renderItem={(p) => (
            <List.Item>
              <Checkbox value={p.typicalRiskId}>
                <div>
                  <Space wrap>
                    <Tag>{p.phaseLabel}</Tag>
                    <Tag color={p.improperHandling ? 'purple' : 'blue'}>{p.threatLabel}</Tag>
                    <strong>{p.risk}</strong>
                  </Space>
                  <ul style={{ margin: '4px 0', fontSize: 12 }}>
                    {p.countermeasures.map((c) => (
                      <li key={c.text}>
                        {c.text}（{c.refs.map(refLabel).join('、')}）
                      </li>
                    ))}
                  </ul>
                  {p.matchedBecause.length ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.matchedBecause.join('・')}
                    </Typography.Text>
                  ) : null}
                </div>
              </Checkbox>
            </List.Item>
          )}
        />
      </Checkbox.Group>
    </Modal>
  );
}
