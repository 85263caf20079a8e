import { Alert, Form, Input, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { dateRefusalMessage, readDate } from '../../../../src/domain/dateInput.ts';
import { readTime, timeRefusalMessage } from '../../../../src/domain/timeInput.ts';
import { ApiError } from '../../api/client.ts';
import { DateInput } from '../../components/form.tsx';

// A small kit for the 委託先's report forms (issue #13): the values as typed, the server's Japanese
// field errors under their fields (the server's own schema validates), and a date-and-time input
// that keeps what was typed and reads the date exactly (domain/dateInput.ts).

export type Values = Record<string, string>;

export function useReportForm(initial: Values) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const fail = (e: unknown) => {
    if (!(e instanceof ApiError)) {
      setFormError(String(e));
      return;
    }
    // Each error under its field (the first part of its path); a list's item errors (workers.1) are
    // also kept under their full path so the item's input is marked, and joined under the list.
    const next: Record<string, string> = {};
    for (const f of e.fields) {
      const head = f.path.split('.')[0] ?? f.path;
      next[head] = next[head] && head !== f.path ? `${next[head]}／${f.message}` : f.message;
      if (head !== f.path) next[f.path] = f.message;
    }
    setErrors(next);
    setFormError(e.fields.length > 0 ? `送れませんでした。赤い項目を直してください（${e.fields.length}件）` : e.message);
  };
  const clear = () => {
    setErrors({});
    setFormError(null);
  };
  return { values, set, errors, setErrors, formError, setFormError, fail, clear, reset: () => setValues(initial) };
}

export type ReportForm = ReturnType<typeof useReportForm>;

export function FormError({ form }: { form: ReportForm }) {
  return form.formError ? <Alert type="error" showIcon title={form.formError} style={{ marginBottom: 8 }} data-testid="portal-report-error" /> : null;
}

export function Item({ form, name, label, required, children }: { form: ReportForm; name: string; label: ReactNode; required?: boolean; children: ReactNode }) {
  return (
    <Form.Item label={label} htmlFor={`report-${name}`} required={required} validateStatus={form.errors[name] ? 'error' : undefined} help={form.errors[name]}>
      {children}
    </Form.Item>
  );
}

export function TextField({ form, name, label, required, area, testId }: { form: ReportForm; name: string; label: string; required?: boolean; area?: boolean; testId: string }) {
  const props = {
    id: `report-${name}`,
    value: form.values[name] ?? '',
    onChange: (e: { target: { value: string } }) => form.set(name, e.target.value),
    status: form.errors[name] ? ('error' as const) : undefined,
    'data-testid': testId,
  };
  return (
    <Item form={form} name={name} label={label} required={required}>
      {area ? <Input.TextArea {...props} autoSize={{ minRows: 2 }} /> : <Input {...props} />}
    </Item>
  );
}

export function DateField({ form, name, label, required, testId }: { form: ReportForm; name: string; label: string; required?: boolean; testId: string }) {
  return (
    <Item form={form} name={name} label={label} required={required}>
      <span data-testid={testId}>
        <DateInput id={`report-${name}`} value={form.values[name] ?? ''} onChange={(v) => form.set(name, v ?? '')} status={form.errors[name] ? 'error' : undefined} />
      </span>
    </Item>
  );
}

/** 日時: a date as people type it (2026/12/06, 和暦…) and a time (14:30, 14時30分), both kept as typed and echoed as read. */
export function DateTimeField({ form, name, label, required, testId }: { form: ReportForm; name: string; label: string; required?: boolean; testId: string }) {
  const typedTime = (form.values[`${name}Time`] ?? '').trim();
  const time = typedTime ? readTime(typedTime) : null;
  return (
    <Item form={form} name={name} label={label} required={required}>
      <span style={{ display: 'inline-flex', gap: 8, alignItems: 'flex-start' }} data-testid={testId}>
        <DateInput
          id={`report-${name}`}
          aria-label={`${label}（日付）`}
          value={form.values[`${name}Date`] ?? ''}
          onChange={(v) => form.set(`${name}Date`, v ?? '')}
          status={form.errors[name] ? 'error' : undefined}
        />
        <span style={{ display: 'inline-flex', flexDirection: 'column' }}>
          <Input
            aria-label={`${label}（時刻）`}
            placeholder="9:30"
            style={{ width: 110 }}
            value={form.values[`${name}Time`] ?? ''}
            onChange={(e) => form.set(`${name}Time`, e.target.value)}
            status={form.errors[name] ? 'error' : undefined}
            data-testid={`${testId}-time`}
          />
          {time?.ok && !time.plain ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-time-read`}>
              {`${time.hhmm} として読みました`}
            </Typography.Text>
          ) : null}
        </span>
      </span>
    </Item>
  );
}

/**
 * The ISO date-time (日本時間) of a date-and-time field, or the field's error: the date read exactly
 * as typed, the time as src/domain/timeInput.ts reads it (14:30, 14時30分, 午後2時30分, 正午). Empty is null, unless `required`.
 */
export function readDateTime(form: ReportForm, name: string, label: string, required = false): { ok: true; iso: string | null } | { ok: false; message: string } {
  const date = (form.values[`${name}Date`] ?? '').trim();
  const time = (form.values[`${name}Time`] ?? '').trim();
  if (!date && !time) return required ? { ok: false, message: `${label}を日付と時刻で入力してください（例: 2026/03/02 9:30）` } : { ok: true, iso: null };
  if (!date) return { ok: false, message: `${label}の日付を入力してください（例: 2026/03/02）` };
  const reading = readDate(date);
  if (!reading.ok) return { ok: false, message: dateRefusalMessage(`${label}の日付`, reading) };
  if (!time) return { ok: false, message: `${label}の時刻を入力してください（例: 9:30、14時30分）` };
  const clock = readTime(time);
  if (!clock.ok) return { ok: false, message: timeRefusalMessage(`${label}の時刻`, clock) };
  return { ok: true, iso: `${reading.iso}T${clock.hhmm}:00+09:00` };
}
