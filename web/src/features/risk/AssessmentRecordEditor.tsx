import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, Space, Tag } from 'antd';
import { DateInput } from '../../components/form.tsx';
import { PersonSelect } from '../../components/pickers.tsx';
import { AssessmentRecordView } from './AssessmentRecordView.tsx';
import type { Draft } from './assessmentDraft.ts';
import { useRiskText } from './messages.ts';
import type { Criteria } from './types.ts';

/** Field error under an input. */
function ErrorText({ message }: { message?: string }) {
  return message ? (
    <div className="ant-form-item-explain-error" style={{ color: '#cf1322', fontSize: 12, marginTop: 2 }} data-testid="record-error">
      {message}
    </div>
  ) : null;
}

/**
 * One row of the リスク分析対策表 being edited: threat, owner, scores, countermeasures and residual
 * risk. Every control is named by its row and column (「取得・入力 リスク2: 発生可能性」), so a screen
 * reader tells the 193 controls of a full sheet apart. A read-only sheet shows each row as text,
 * in full (a disabled input cut long countermeasures off).
 */
export function AssessmentRecordEditor({
  draft,
  index,
  rowLabel,
  criteria,
  readOnly,
  errors,
  onChange,
  onRemove,
}: {
  draft: Draft;
  index: number;
  /** The row's name: its phase and position (「取得・入力 リスク2」). */
  rowLabel: string;
  criteria: Criteria;
  readOnly: boolean;
  errors: Record<string, string>;
  onChange: (d: Draft) => void;
  onRemove: () => void;
}) {
  const rt = useRiskText();
  if (readOnly) return <AssessmentRecordView draft={draft} index={index} rowLabel={rowLabel} criteria={criteria} />;
  const threat = criteria.threats.find((x) => x.id === draft.threat);
  const score = draft.likelihood !== null && draft.impact !== null ? draft.likelihood * draft.impact : null;
  const hot = score !== null && score >= criteria.threshold;
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const err = (field: string) => errors[`${draft.key}.${field}`];
  const testid = (name: string) => `record-${index}-${name}`;
  const named = (column: string) => `${rowLabel}: ${column}`;
  const ownerId = testid('owner');
  return (
    <Form layout="vertical" component={false}>
      <div style={{ border: '1px solid #e5e8ec', borderRadius: 6, padding: 12, marginBottom: 12, background: hot ? '#fff7f7' : '#fff' }} data-testid={`record-${index}`}>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item label={rt('risk.threat')} style={{ marginBottom: 8 }}>
              <Select
                value={draft.threat}
                disabled={readOnly}
                onChange={(v) => {
                  const improper = criteria.threats.find((x) => x.id === v)?.improperHandling;
                  set(improper ? { threat: v, residualDescription: '', residualMeasure: '', residualMonitoringDate: null } : { threat: v });
                }}
                options={criteria.threats.map((x) => ({ value: x.id, label: x.improperHandling ? `${x.label} ※` : x.label }))}
                aria-label={named(rt('risk.threat'))}
                data-testid={testid('threat')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              label={
                <>
                  <span className="mm-visually-hidden">{rowLabel}: </span>
                  {rt('risk.owner')}
                </>
              }
              htmlFor={ownerId}
              style={{ marginBottom: 8 }}
              validateStatus={err('ownerPersonId') ? 'error' : undefined}
            >
              <PersonSelect
                id={ownerId}
                value={draft.ownerPersonId}
                onChange={(v) => set({ ownerPersonId: v })}
                known={draft.ownerPersonId && draft.ownerName ? [{ value: draft.ownerPersonId, label: draft.ownerName }] : []}
                disabled={readOnly}
              />
              <ErrorText message={err('ownerPersonId')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={rt('risk.likelihood')} style={{ marginBottom: 8 }}>
              <Select
                value={draft.likelihood ?? undefined}
                placeholder={rt('risk.selectLevel')}
                disabled={readOnly}
                status={err('likelihood') ? 'error' : undefined}
                onChange={(v) => set({ likelihood: v })}
                aria-label={named(rt('risk.likelihood'))}
                options={criteria.likelihood.levels.map((l) => ({ value: l.value, label: `${l.value} ${l.label}`, title: l.description }))}
                data-testid={testid('likelihood')}
              />
              <ErrorText message={err('likelihood')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={rt('risk.impact')} style={{ marginBottom: 8 }}>
              <Select
                value={draft.impact ?? undefined}
                placeholder={rt('risk.selectLevel')}
                disabled={readOnly}
                status={err('impact') ? 'error' : undefined}
                onChange={(v) => set({ impact: v })}
                aria-label={named(rt('risk.impact'))}
                options={criteria.impact.levels.map((l) => ({ value: l.value, label: `${l.value} ${l.label}`, title: l.description }))}
                data-testid={testid('impact')}
              />
              <ErrorText message={err('impact')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={rt('risk.score')} style={{ marginBottom: 8 }}>
              <Space>
                <Tag color={score === null ? 'default' : hot ? 'red' : 'green'} style={{ fontSize: 16, padding: '2px 10px' }} data-testid={testid('score')}>
                  {score ?? '—'}
                </Tag>
                {!readOnly ? <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={`${rowLabel}を${rt('risk.remove')}`} /> : null}
              </Space>
            </Form.Item>
          </Col>
        </Row>
        {threat?.improperHandling ? (
          <Tag color="purple" style={{ marginBottom: 8 }}>
            {rt('risk.improper')}（{criteria.improperHandlingBasis.clause}）
          </Tag>
        ) : null}
        <Form.Item label={rt('risk.risk')} style={{ marginBottom: 8 }}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 3 }}
            value={draft.risk}
            disabled={readOnly}
            status={err('risk') ? 'error' : undefined}
            onChange={(e) => set({ risk: e.target.value })}
            aria-label={named(rt('risk.risk'))}
            data-testid={testid('risk')}
          />
          <ErrorText message={err('risk')} />
        </Form.Item>
        <Form.Item label={rt('risk.countermeasures')} style={{ marginBottom: 8 }}>
          {draft.countermeasures.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: countermeasures have no id; each row is a controlled input bound to its position
            <Space.Compact key={i} style={{ width: '100%', marginBottom: 4 }}>
              <Input
                value={c.text}
                disabled={readOnly}
                status={err('countermeasures') ? 'error' : undefined}
                placeholder={rt('risk.countermeasure')}
                onChange={(e) => set({ countermeasures: draft.countermeasures.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })}
                aria-label={named(rt('risk.cmN', { n: i + 1 }))}
                data-testid={testid(`cm-${i}`)}
              />
              <Select
                mode="tags"
                open={false}
                suffixIcon={null}
                disabled={readOnly}
                value={c.refs}
                placeholder={rt('risk.refs')}
                tokenSeparators={['、', ',']}
                onChange={(refs: string[]) => set({ countermeasures: draft.countermeasures.map((x, j) => (j === i ? { ...x, refs } : x)) })}
                style={{ width: 260 }}
                aria-label={named(`${rt('risk.cmN', { n: i + 1 })}の${rt('risk.refs')}`)}
                data-testid={testid(`cm-${i}-refs`)}
              />
              {!readOnly ? (
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => set({ countermeasures: draft.countermeasures.filter((_, j) => j !== i) })}
                  aria-label={named(rt('risk.removeCm', { n: i + 1 }))}
                />
              ) : null}
            </Space.Compact>
          ))}
          <ErrorText message={err('countermeasures')} />
          {!readOnly ? (
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => set({ countermeasures: [...draft.countermeasures, { text: '', refs: [] }] })}
              aria-label={named(rt('risk.addCountermeasure'))}
            >
              {rt('risk.addCountermeasure')}
            </Button>
          ) : null}
        </Form.Item>
        {!threat?.improperHandling ? (
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label={rt('risk.residualDescription')} style={{ marginBottom: 0 }}>
                <Input
                  value={draft.residualDescription}
                  disabled={readOnly}
                  status={err('residualDescription') ? 'error' : undefined}
                  onChange={(e) => set({ residualDescription: e.target.value })}
                  aria-label={named(rt('risk.residualDescription'))}
                  data-testid={testid('residual-description')}
                />
                <ErrorText message={err('residualDescription')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label={rt('risk.residualMeasure')} style={{ marginBottom: 0 }} required={hot}>
                <Input
                  value={draft.residualMeasure}
                  disabled={readOnly}
                  status={err('residualMeasure') ? 'error' : undefined}
                  onChange={(e) => set({ residualMeasure: e.target.value })}
                  aria-label={named(rt('risk.residualMeasure'))}
                  data-testid={testid('residual-measure')}
                />
                <ErrorText message={err('residualMeasure')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item label={rt('risk.monitoring')} style={{ marginBottom: 0 }}>
                <DateInput
                  value={draft.residualMonitoringDate}
                  onChange={(v) => set({ residualMonitoringDate: v })}
                  disabled={readOnly}
                  status={err('residualMonitoringDate') ? 'error' : undefined}
                  id={testid('monitoring')}
                  aria-label={named(rt('risk.monitoring'))}
                />
                <ErrorText message={err('residualMonitoringDate')} />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <ErrorText message={err('residualDescription')} />
        )}
      </div>
    </Form>
  );
}
