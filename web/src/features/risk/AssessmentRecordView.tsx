import { Descriptions, Tag } from 'antd';
import { toWareki } from '../../lib/dates.ts';
import type { Draft } from './assessmentDraft.ts';
import { useRiskText } from './messages.ts';
import type { Criteria } from './types.ts';

/** Long text shown whole: line breaks kept, long words wrapped (never cut off). */
const whole = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * One row of a リスク分析対策表 that the reader cannot edit (approved, pending, or another
 * department's): every column as text, in full — the approver reads the whole countermeasure,
 * not the first 30 characters a disabled input showed (issue 10: read-only sheets readable in full).
 */
export function AssessmentRecordView({ draft, index, rowLabel, criteria }: { draft: Draft; index: number; rowLabel: string; criteria: Criteria }) {
  const rt = useRiskText();
  const threat = criteria.threats.find((x) => x.id === draft.threat);
  const level = (levels: Criteria['likelihood']['levels'], value: number | null) => {
    const found = levels.find((l) => l.value === value);
    return found ? `${found.value} ${found.label}` : '—';
  };
  const score = draft.likelihood !== null && draft.impact !== null ? draft.likelihood * draft.impact : null;
  const hot = score !== null && score >= criteria.threshold;
  const measures = draft.countermeasures.filter((c) => c.text.trim() !== '' || c.refs.length > 0);
  const hasResidual = draft.residualDescription !== '' || draft.residualMeasure !== '' || draft.residualMonitoringDate !== null;
  return (
    <section
      aria-label={rowLabel}
      data-testid={`record-${index}`}
      style={{ border: '1px solid #e5e8ec', borderRadius: 6, padding: 12, marginBottom: 12, background: hot ? '#fff7f7' : '#fff' }}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} layout="vertical" colon={false}>
        <Descriptions.Item label={rt('risk.threat')}>
          {threat ? threat.label : draft.threat}
          {threat?.improperHandling ? (
            <Tag color="purple" style={{ marginLeft: 8 }}>
              {rt('risk.improper')}
            </Tag>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={rt('risk.owner')}>{draft.ownerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={`${rt('risk.likelihood')} × ${rt('risk.impact')}`}>
          {level(criteria.likelihood.levels, draft.likelihood)} × {level(criteria.impact.levels, draft.impact)}
        </Descriptions.Item>
        <Descriptions.Item label={rt('risk.score')}>
          <Tag color={score === null ? 'default' : hot ? 'red' : 'green'} data-testid={`record-${index}-score`}>
            {score ?? '—'}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={rt('risk.risk')} span="filled">
          <span style={whole}>{draft.risk}</span>
        </Descriptions.Item>
        <Descriptions.Item label={rt('risk.countermeasures')} span="filled">
          {measures.length === 0 ? (
            '—'
          ) : (
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {measures.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: countermeasures have no id; the list is read-only
                <li key={i} style={whole}>
                  {c.text}
                  {c.refs.length ? `（${c.refs.join('、')}）` : ''}
                </li>
              ))}
            </ol>
          )}
        </Descriptions.Item>
        {hasResidual ? (
          <>
            <Descriptions.Item label={rt('risk.residualDescription')} span={2}>
              <span style={whole}>{draft.residualDescription || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={rt('risk.residualMeasure')}>
              <span style={whole}>{draft.residualMeasure || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={rt('risk.monitoring')}>
              {draft.residualMonitoringDate ? `${draft.residualMonitoringDate.replaceAll('-', '/')}（${toWareki(draft.residualMonitoringDate)}）` : '—'}
            </Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
    </section>
  );
}
