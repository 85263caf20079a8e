import { Card, Checkbox, Col, Input, InputNumber, Radio, Row, Space } from 'antd';
import { Field, WarekiHint } from '../../components/form.tsx';
import { DepartmentSelect } from '../../components/pickers.tsx';
import { useText } from './messages.ts';
import { PeopleMultiSelect, TagsInput, TermInput } from './RequestFormInputs.tsx';
import type { ProposedContent, RequestFormControl } from './requestFormValues.ts';

/** 基本事項: name, department, items, purpose, storage, access holders, terms and record count. */
export function RequestBasicSection({
  control: c,
  proposed,
  knownPeople,
}: {
  control: RequestFormControl;
  proposed: ProposedContent;
  knownPeople: { value: string; label: string }[];
}) {
  const tx = useText();
  return (
    <Card title={tx('req.section.basic')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col span={14}>
          <Field control={c} name="proposed.name" label={tx('inv.name')} required>
            {/* No maxLength: antd cut a pasted 500-character name to 200 without a word (issue 10). The shared schema refuses it under the field, naming the limit. */}
            {(f) => <Input {...f} value={f.value ?? ''} />}
          </Field>
        </Col>
        <Col span={10}>
          <Field control={c} name="proposed.departmentId" label={tx('inv.department')} required>
            {(f) => <DepartmentSelect id={f.id} value={f.value} onChange={(v) => f.onChange(v ?? '')} status={f.status} allowClear={false} />}
          </Field>
        </Col>
      </Row>
      <Field control={c} name="proposed.items" label={tx('inv.items')} required extra="「、」または Enter で区切って入力">
        {(f) => <TagsInput id={f.id} status={f.status} value={(f.value as string[] | undefined) ?? []} onChange={f.onChange} placeholder="氏名、住所、電話番号" />}
      </Field>
      <Field control={c} name="proposed.purpose" label={tx('inv.purpose')} required>
        {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={2} />}
      </Field>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={c} name="proposed.storageLocation" label={tx('inv.storageLocation')} required>
            {(f) => <Input {...f} value={f.value ?? ''} />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={c} name="proposed.storageMethod.media" label={`${tx('inv.storageMethod')}（媒体）`} required>
            {(f) => (
              <Radio.Group id={f.id} value={f.value ?? null} onChange={(e) => f.onChange(e.target.value)}>
                <Radio value="paper">紙</Radio>
                <Radio value="electronic">電子</Radio>
                <Radio value="both">紙・電子</Radio>
              </Radio.Group>
            )}
          </Field>
        </Col>
      </Row>
      <Field control={c} name="proposed.storageMethod.description" label={tx('inv.storageMethod')}>
        {(f) => <Input {...f} value={f.value ?? ''} placeholder="施錠キャビネット、アクセス制限付きフォルダ等" />}
      </Field>
      <Field control={c} name="proposed.accessHolderIds" label={tx('inv.accessHolders')} required>
        {(f) => <PeopleMultiSelect id={f.id} status={f.status} value={(f.value as string[] | undefined) ?? []} onChange={f.onChange} known={knownPeople} />}
      </Field>
      <Field control={c} name="proposed.accessHolderNote" label={tx('inv.accessHolderNote')}>
        {(f) => <Input {...f} value={f.value ?? ''} placeholder="例: 特定個人情報は事務取扱担当者に限る" />}
      </Field>
      <Row gutter={16}>
        <Col xs={24} xxl={12}>
          <Field control={c} name="proposed.useUntil" label={tx('inv.useUntil')} required extra={<WarekiHint value={proposed?.useUntil?.date ?? null} />}>
            {(f) => <TermInput id={f.id} status={f.status} value={f.value} onChange={f.onChange} />}
          </Field>
        </Col>
        <Col xs={24} xxl={12}>
          <Field control={c} name="proposed.retainUntil" label={tx('inv.retainUntil')} required extra={<WarekiHint value={proposed?.retainUntil?.date ?? null} />}>
            {(f) => <TermInput id={f.id} status={f.status} value={f.value} onChange={f.onChange} />}
          </Field>
        </Col>
      </Row>
      <Field control={c} name="proposed.recordCount" label={tx('inv.recordCount')} required>
        {(f) => (
          <Space>
            <InputNumber
              id={f.id}
              status={f.status}
              // No min: antd would turn a typed −5 into 0 on blur. The shared schema refuses it under the field instead (issue 10).
              value={f.value?.value ?? null}
              onChange={(v) => f.onChange(v === null || v === undefined ? null : { value: Number(v), approximate: f.value?.approximate ?? false })}
              style={{ width: 180 }}
            />
            <Checkbox checked={f.value?.approximate ?? false} disabled={!f.value} onChange={(e) => f.value && f.onChange({ ...f.value, approximate: e.target.checked })}>
              {tx('inv.approximate')}
            </Checkbox>
          </Space>
        )}
      </Field>
    </Card>
  );
}
