import { Input, Select, Space } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../components/form.tsx';
import { usePersonOptions } from '../../components/pickers.tsx';
import { useText } from './messages.ts';

/** Several people of the organization (アクセス権を有する者), searched on the server. */
export function PeopleMultiSelect({
  value,
  onChange,
  id,
  status,
  known,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  id?: string;
  status?: 'error';
  known: { value: string; label: string }[];
}) {
  const [labels, setLabels] = useState(known);
  const people = usePersonOptions({ known: labels });
  const options = people.options;
  return (
    <Select
      id={id}
      mode="multiple"
      status={status}
      value={value}
      onChange={(v: string[]) => {
        setLabels((prev) => [...prev, ...options.filter((o) => v.includes(o.value) && !prev.some((p) => p.value === o.value))]);
        onChange(v);
      }}
      showSearch={{ filterOption: false, onSearch: people.onSearch }}
      options={options}
      loading={people.loading}
      style={{ width: '100%' }}
      notFoundContent={null}
      data-testid="access-holders"
    />
  );
}

/** A list of short texts typed freely (項目, 委託先 …). */
export function TagsInput({ value, onChange, id, status, placeholder }: { value: string[]; onChange: (v: string[]) => void; id?: string; status?: 'error'; placeholder?: string }) {
  return (
    <Select
      id={id}
      mode="tags"
      status={status}
      value={value}
      onChange={onChange}
      tokenSeparators={['、', ',', '，']}
      open={false}
      suffixIcon={null}
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}

/** 利用期限・保管期限: a date and/or a description. */
export function TermInput({
  value,
  onChange,
  id,
  status,
}: {
  value: { date?: string | null; description?: string | null } | undefined;
  onChange: (v: { date: string | null; description: string | null }) => void;
  id?: string;
  status?: 'error';
}) {
  const tx = useText();
  const v = { date: value?.date ?? null, description: value?.description ?? '' };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <div style={{ width: 190, flex: 'none' }}>
        <DateInput value={v.date} onChange={(date) => onChange({ ...v, date })} status={status} />
      </div>
      <Input id={id} status={status} value={v.description ?? ''} placeholder={tx('inv.description')} onChange={(e) => onChange({ ...v, description: e.target.value })} />
    </Space.Compact>
  );
}
