import { Card, Checkbox, Col, Input, Radio, Row, Select, Space, Switch } from 'antd';
import { processedKindLabels } from '../../../../src/modules/inventory/inventory.labels.ts';
import { acquisitionMethodLabels, acquisitionMethods, processedKinds, sensitiveConsentExceptions, specialCategories } from '../../../../src/rules/inventoryRules.ts';
import { Field } from '../../components/form.tsx';
import { useText } from './messages.ts';
import type { ProposedContent, RequestFormControl } from './requestFormValues.ts';

/** 区分: how it is acquired, 要配慮個人情報 (with its J.8.3 basis), マイナンバー, 保有個人データ, 仮名・匿名加工. */
export function RequestClassSection({
  control: c,
  proposed,
  sensitiveBasis,
}: {
  control: RequestFormControl;
  proposed: ProposedContent;
  sensitiveBasis: ProposedContent['sensitiveBasis'];
}) {
  const tx = useText();
  return (
    <Card title={tx('req.section.class')} style={{ marginBottom: 16 }}>
      <Field control={c} name="proposed.acquisitionMethods" label={tx('inv.acquisitionMethods')}>
        {(f) => (
          <Checkbox.Group
            value={(f.value as string[] | undefined) ?? []}
            onChange={f.onChange}
            options={acquisitionMethods.map((m) => ({ value: m, label: acquisitionMethodLabels[m] }))}
          />
        )}
      </Field>
      <Row gutter={16}>
        <Col span={8}>
          <Field control={c} name="proposed.sensitive" label={tx('inv.sensitive')}>
            {(f) => <Switch id={f.id} checked={!!f.value} onChange={f.onChange} />}
          </Field>
        </Col>
        <Col span={8}>
          <Field control={c} name="proposed.myNumber" label={tx('inv.myNumber')}>
            {(f) => <Switch id={f.id} checked={!!f.value} onChange={f.onChange} />}
          </Field>
        </Col>
        <Col span={8}>
          <Field control={c} name="proposed.retainedPersonalData" label={tx('inv.retainedPersonalData')}>
            {(f) => <Switch id={f.id} checked={!!f.value} onChange={f.onChange} />}
          </Field>
        </Col>
      </Row>
      {proposed?.sensitive || (proposed?.specialCategories ?? []).length > 0 ? (
        <Field control={c} name="proposed.sensitiveBasis" label={tx('inv.sensitiveBasis')} extra="J.8.3 1: 書面による同意、又は J.8.3 2 a)〜k) の例外（理由つき）">
          {(f) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Radio.Group
                id={f.id}
                value={sensitiveBasis?.kind ?? 'none'}
                onChange={(e) =>
                  f.onChange(
                    e.target.value === 'none'
                      ? null
                      : e.target.value === 'written_consent'
                        ? { kind: 'written_consent', noticeRef: '' }
                        : { kind: 'exception', letter: 'a', reason: '' },
                  )
                }
              >
                <Radio value="none">未記録</Radio>
                <Radio value="written_consent">書面による同意</Radio>
                <Radio value="exception">J.8.3 2 の例外</Radio>
              </Radio.Group>
              {sensitiveBasis?.kind === 'written_consent' ? (
                <Input value={sensitiveBasis.noticeRef ?? ''} placeholder="同意を得た文面（版）" onChange={(e) => f.onChange({ ...sensitiveBasis, noticeRef: e.target.value })} />
              ) : null}
              {sensitiveBasis?.kind === 'exception' ? (
                <>
                  <Select
                    value={sensitiveBasis.letter}
                    onChange={(letter) => f.onChange({ ...sensitiveBasis, letter })}
                    options={sensitiveConsentExceptions.map((e) => ({ value: e.letter, label: `${e.letter}) ${e.text}` }))}
                    style={{ width: '100%' }}
                  />
                  <Input value={sensitiveBasis.reason ?? ''} placeholder="例外に当たる理由" onChange={(e) => f.onChange({ ...sensitiveBasis, reason: e.target.value })} />
                </>
              ) : null}
            </Space>
          )}
        </Field>
      ) : null}
      <Field control={c} name="proposed.specialCategories" label={tx('inv.specialCategories')}>
        {(f) => (
          <Select
            id={f.id}
            mode="multiple"
            allowClear
            value={(f.value as string[] | undefined) ?? []}
            onChange={f.onChange}
            options={specialCategories.map((s) => ({ value: s.id, label: s.label }))}
          />
        )}
      </Field>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={c} name="proposed.processedKind" label={tx('inv.processedKind')}>
            {(f) => <Select id={f.id} value={f.value ?? 'none'} onChange={f.onChange} options={processedKinds.map((k) => ({ value: k, label: processedKindLabels[k] }))} />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={c} name="proposed.contactsPersons" label={tx('inv.contactsPersons')}>
            {(f) => <Switch id={f.id} checked={!!f.value} onChange={f.onChange} />}
          </Field>
        </Col>
      </Row>
    </Card>
  );
}
