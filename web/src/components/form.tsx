import { DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import type { ReactElement, ReactNode } from 'react';
import { type Control, Controller, type ControllerRenderProps, type FieldPath, type FieldValues, type UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/client.ts';
import { type Translate, useT } from '../i18n/index.tsx';
import { toWareki } from '../lib/dates.ts';

type FieldProps<T extends FieldValues, N extends FieldPath<T>> = {
  control: Control<T>;
  name: N;
  label: ReactNode;
  required?: boolean;
  extra?: ReactNode;
  children: (field: ControllerRenderProps<T, N> & { id: string; status?: 'error' }) => ReactElement;
};

/**
 * One form field: react-hook-form's Controller inside an antd Form.Item, with the error of the
 * shared zod schema (Japanese, naming the field) or of the server shown under the field.
 */
export function Field<T extends FieldValues, N extends FieldPath<T>>({ control, name, label, required, extra, children }: FieldProps<T, N>) {
  const id = `field-${String(name).replaceAll('.', '-')}`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Form.Item label={label} htmlFor={id} required={required} validateStatus={fieldState.error ? 'error' : undefined} help={fieldState.error?.message} extra={extra}>
          {children({ ...field, id, status: fieldState.error ? 'error' : undefined })}
        </Form.Item>
      )}
    />
  );
}

/**
 * The props that bind an input to its Field: the label's id, the value, change and blur, and the
 * error status — `<Select {...bound(field)} options={…} />`.
 */
export function bound<V>(field: { id: string; value: V; onChange: ControllerRenderProps['onChange']; onBlur: () => void; status?: 'error' }) {
  return { id: field.id, value: field.value, onChange: field.onChange, onBlur: field.onBlur, status: field.status };
}

/** A vertical antd form layout around a native <form> driven by react-hook-form. */
export function FormLayout({ onSubmit, children, id }: { onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>; children: ReactNode; id?: string }) {
  return (
    <form id={id} onSubmit={onSubmit} noValidate>
      <Form layout="vertical" component={false}>
        {children}
      </Form>
    </form>
  );
}

/**
 * Puts the server's field errors (`fields: [{ path, message }]`, e.g. the J.2.3.2 refusal on
 * `role`) under the matching fields. Returns the message to show for anything that did not
 * match a field (or null when every error found its field).
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fieldNames: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const unmatched: string[] = [];
  let matched = 0;
  for (const f of error.fields) {
    const root = f.path.split('.')[0] ?? '';
    const name = fieldNames.includes(f.path) ? f.path : fieldNames.includes(root) ? root : null;
    if (name) {
      setError(name as FieldPath<T>, { type: 'server', message: f.message }, { shouldFocus: matched === 0 });
      matched++;
    } else unmatched.push(f.message);
  }
  if (matched === 0) return error.message;
  return unmatched.length ? unmatched.join(' / ') : null;
}

/** A date field whose value is `YYYY-MM-DD` (or null), with the 和暦 shown beside it. */
export function DateInput({
  value,
  onChange,
  onBlur,
  id,
  status,
  disabled,
}: {
  value: string | null | undefined;
  onChange: (v: string | null) => void;
  onBlur?: () => void;
  id?: string;
  status?: 'error';
  disabled?: boolean;
}) {
  const parsed = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      id={id}
      value={parsed?.isValid() ? parsed : null}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)}
      onBlur={onBlur}
      format="YYYY-MM-DD"
      status={status}
      disabled={disabled}
      style={{ width: '100%' }}
    />
  );
}

/** Extra text under a date field: its 和暦 (J-era) rendering. */
export function WarekiHint({ value }: { value: string | null | undefined }) {
  const t = useT();
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return <span>{t('common.wareki', { date: toWareki(value) })}</span>;
}

/** The message of any error, for a toast. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return t('common.loadFailed');
}
