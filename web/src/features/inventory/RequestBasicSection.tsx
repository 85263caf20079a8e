import { Card, Checkbox, Col, Input, Radio, Row, Space } from 'antd';
import { useRef } from 'react';
import { Field, NumberInput, WarekiHint } from '../../components/form.tsx';
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
        {(f) => <RecordCountInput id={f.id} status={f.status} value={f.value} onChange={f.onChange} />}
      </Field>
    </Card>
  );
}

type RecordCount = { value: number | string; approximate?: boolean | undefined } | null | undefined;

/**
 * 件数: 「５００件」 or 「約1,200」 typed as written is read (a 概数 ticks 概数 and says so); what does
 * not read — 「多数」, −5 — stays with the reason and the shared schema refuses it (issue 10: never
 * turned into 0 or erased on blur).
 */
function RecordCountInput({ id, status, value, onChange }: { id: string; status?: 'error'; value: RecordCount; onChange: (v: RecordCount) => void }) {
  const tx = useText();
  // The number and its 概数 flag change one after the other in one keystroke: each builds on the latest.
  const latest = useRef(value);
  latest.current = value;
  const set = (next: RecordCount) => {
    latest.current = next;
    onChange(next);
  };
  return (
    <Space align="start">
      <NumberInput
        id={id}
        status={status}
        label="件数"
        unit="件"
        value={value?.value ?? null}
        onChange={(v) => set(v === null ? null : { value: v, approximate: latest.current?.approximate ?? false })}
        approximate={{ value: value?.approximate ?? false, onChange: (a) => latest.current && set({ ...latest.current, approximate: a }) }}
        style={{ width: 180 }}
        data-testid="request-recordCount"
      />
      <Checkbox checked={value?.approximate ?? false} disabled={!value} onChange={(e) => value && set({ ...value, approximate: e.target.checked })}>
        {tx('inv.approximate')}
      </Checkbox>
    </Space>
  );
}
