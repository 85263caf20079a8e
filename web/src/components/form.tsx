import { CalendarOutlined } from '@ant-design/icons';
import { Button, Calendar, Form, Input, Popover } from 'antd';
import dayjs from 'dayjs';
import { type CSSProperties, type ReactElement, type ReactNode, useState } from 'react';
import { type Control, Controller, type ControllerRenderProps, type FieldPath, type FieldValues, type UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/client.ts';
import { type Translate, useT } from '../i18n/index.tsx';
import { dateRefusalMessage, readDate } from '../../../src/domain/dateInput.ts';
import { countText, type NumberFieldOptions, readTypedNumber } from '../../../src/domain/numberInput.ts';
import { readTypedYear, type YearFieldOptions } from '../../../src/domain/timeInput.ts';
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
        <Form.Item label={label} htmlFor={id} required={required} validateStatus={fieldState.error ? 'error' : undefined} help={firstMessage(fieldState.error)} extra={extra}>
          {children({ ...field, id, status: fieldState.error ? 'error' : undefined })}
        </Form.Item>
      )}
    />
  );
}

/**
 * The message of a field's error. A list or a group (個人情報の項目, 利用期限) holds its errors by
 * item (`items[3]`, `useUntil.date`): the first one is shown under the field, so a red field
 * always says why (issue 10: errors next to their field, never a silent refusal).
 */
export function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const own = (error as { message?: unknown }).message;
  if (typeof own === 'string' && own) return own;
  for (const [key, value] of Object.entries(error)) {
    if (key === 'ref' || key === 'type' || key === 'types') continue;
    const nested = firstMessage(value);
    if (nested) return nested;
  }
  return undefined;
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

/** How a stored date (`YYYY-MM-DD`) is shown in a date field: as the app displays dates, 2026/11/28. */
function displayed(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.replaceAll('-', '/') : value;
}

/**
 * A date field. The person types the date as they write it — 2026/11/28, 2026-11-28,
 * 令和8年11月28日, R8.11.28 — or picks it from the calendar; the field keeps exactly what was
 * typed, and the form's zod schema (the server's own, `dateField`) reads it into `YYYY-MM-DD` or
 * shows its Japanese error under the field. Nothing typed is ever replaced by another day.
 */
export function DateInput({
  value,
  onChange,
  onBlur,
  id,
  status,
  disabled,
  'aria-label': ariaLabel,
  placeholder = '例: 2026/11/28',
}: {
  value: string | null | undefined;
  onChange: (v: string | null) => void;
  onBlur?: () => void;
  id?: string;
  status?: 'error';
  disabled?: boolean;
  /** The accessible name where no <label> points at the field (a table cell, a range's end). */
  'aria-label'?: string;
  placeholder?: string;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // What the person typed is shown as typed (「2026-02-30」 stays 「2026-02-30」 under its error);
  // a value set from elsewhere (the record, a reset, the calendar) is shown as the app shows dates.
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed !== null && typed === (value ?? '') ? typed : displayed(value);
  const reading = value ? readDate(value) : null;
  const picked = reading?.ok ? dayjs(reading.iso, 'YYYY-MM-DD', true) : dayjs();
  // Typed in another form (和暦, R8.11.28, full-width): say which day it was read as.
  const readAs = reading?.ok && shown !== displayed(reading.iso) ? `${displayed(reading.iso)}（${toWareki(reading.iso)}）` : null;
  const input = (
    <Input
      id={id}
      value={shown}
      onChange={(e) => {
        setTyped(e.target.value);
        onChange(e.target.value === '' ? null : e.target.value);
      }}
      onBlur={onBlur}
      status={status}
      disabled={disabled}
      aria-label={ariaLabel}
      placeholder={placeholder}
      autoComplete="off"
      suffix={
        <Popover
          open={open && !disabled}
          onOpenChange={setOpen}
          trigger="click"
          content={
            <div style={{ width: 300 }}>
              <Calendar
                fullscreen={false}
                value={picked}
                onSelect={(d, info) => {
                  if (info.source !== 'date') return;
                  onChange(d.format('YYYY/MM/DD'));
                  setOpen(false);
                  onBlur?.();
                }}
              />
            </div>
          }
        >
          <Button type="text" size="small" icon={<CalendarOutlined />} aria-label={t('common.pickDate')} disabled={disabled} />
        </Popover>
      }
    />
  );
  if (!readAs) return input;
  return (
    <div>
      {input}
      <div className="date-read-as" data-testid={id ? `${id}-read-as` : undefined}>
        {t('common.dateReadAs', { date: readAs })}
      </div>
    </div>
  );
}

/**
 * A period typed as two dates (from, to), each a {@link DateInput} — the antd RangePicker dropped
 * 「2026/11/28」 typed by hand. An end is passed on (as `YYYY-MM-DD`) once it reads exactly or is
 * cleared; anything else stays as typed, marked, with the reason under the fields.
 */
export function DateRangeInput({
  label,
  from,
  to,
  onChange,
}: {
  /** The period's name (「期間」): the ends are named 「期間（から）」「期間（まで）」. */
  label: string;
  from: string | null;
  to: string | null;
  onChange: (range: { from: string | null; to: string | null }) => void;
}) {
  const [typed, setTyped] = useState<{ from: string | null; to: string | null }>({ from, to });
  const ends = { from: `${label}（から）`, to: `${label}（まで）` } as const;
  const problem = (end: 'from' | 'to'): string | null => {
    const text = typed[end];
    if (!text) return null;
    const reading = readDate(text);
    return reading.ok ? null : dateRefusalMessage(ends[end], reading);
  };
  const iso = (text: string | null) => {
    const reading = text ? readDate(text) : null;
    return reading?.ok ? reading.iso : null;
  };
  const reversed = iso(typed.from) !== null && iso(typed.to) !== null && (iso(typed.from) ?? '') > (iso(typed.to) ?? '');
  const problems = [problem('from'), problem('to'), reversed ? `${ends.to}は${ends.from}以降の日付にしてください` : null].filter((p): p is string => p !== null);
  const change = (end: 'from' | 'to', text: string | null) => {
    const next = { ...typed, [end]: text };
    setTyped(next);
    const reading = text ? readDate(text) : null;
    if (text === null || reading?.ok) onChange({ from: end === 'from' ? (reading?.ok ? reading.iso : null) : from, to: end === 'to' ? (reading?.ok ? reading.iso : null) : to });
  };
  return (
    <fieldset aria-label={label} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
        <span style={{ width: 150 }}>
          <DateInput value={typed.from} onChange={(v) => change('from', v)} aria-label={ends.from} placeholder={ends.from} status={problem('from') ? 'error' : undefined} />
        </span>
        〜
        <span style={{ width: 150 }}>
          <DateInput value={typed.to} onChange={(v) => change('to', v)} aria-label={ends.to} placeholder={ends.to} status={problem('to') || reversed ? 'error' : undefined} />
        </span>
      </span>
      {problems.length > 0 ? (
        <div className="ant-form-item-explain-error" role="alert" style={{ color: '#cf1322', fontSize: 12 }}>
          {problems.join(' / ')}
        </div>
      ) : null}
    </fieldset>
  );
}

/** How a stored number is shown in a number field: 1,000, or 約1,200 for a count typed as a 概数. */
function shownNumber(value: number | string | null | undefined, approximate: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return `${approximate ? '約' : ''}${value.toLocaleString('ja-JP')}`;
}

/** A typed number the app would show the same way (1000, 1,000, 1,000円): nothing to say about it. */
function plainlyTyped(typed: string, value: number, unit: string | undefined): boolean {
  const forms = [String(value), value.toLocaleString('ja-JP')];
  return forms.some((form) => typed === form || (unit !== undefined && typed === `${form}${unit}`));
}

/** What a field that keeps the typed text (NumberInput, YearInput) takes besides its own options. */
type TypedFieldProps = {
  /** The value read, null when empty, or the text as typed while it does not read. */
  value: number | string | null | undefined;
  onChange: (v: number | string | null) => void;
  onBlur?: () => void;
  id?: string;
  status?: 'error';
  disabled?: boolean;
  /** The field's Japanese name, for the message under it. */
  label: string;
  min?: number;
  max?: number;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
};

/** The field with what it read (「… として読みました」), a note, or the refusal of what was typed under it. */
function TypedFieldLines({
  input,
  readAs,
  note,
  refusal,
  testId,
}: {
  input: ReactNode;
  readAs: string | null;
  note?: string | null;
  refusal: string | null;
  testId: string | undefined;
}) {
  const t = useT();
  if (!readAs && !note && !refusal) return input;
  return (
    <div>
      {input}
      {readAs ? (
        <div className="date-read-as" data-testid={testId ? `${testId}-read-as` : undefined}>
          {t('common.numberReadAs', { value: readAs })}
        </div>
      ) : null}
      {note ? (
        <div className="date-read-as" data-testid={testId ? `${testId}-approximate` : undefined}>
          {note}
        </div>
      ) : null}
      {refusal ? (
        <div className="ant-form-item-explain-error" role="alert" style={{ color: '#cf1322', fontSize: 12 }} data-testid={testId ? `${testId}-refused` : undefined}>
          {refusal}
        </div>
      ) : null}
    </div>
  );
}

/**
 * A number field (手数料, 本人の数 …). The person types the number as they write it — 1,000,
 * １，０００ with the Japanese IME, 1000円, and where the field takes a 概数 (`approximate`)
 * 約1,200人 — and the field keeps exactly what was typed: read, the number is passed on and the
 * field says what it read (「1,000円 として読みました」, 「約1,200人（概数） として読みました」);
 * not read, the text itself is passed on, stays in the field, and the reason is shown under it
 * (the form's zod schema refuses a text with the same Japanese message). antd's InputNumber
 * erased 「１０００」 on blur with no message — a fee typed so was then published as 無料.
 */
export function NumberInput({
  value,
  onChange,
  onBlur,
  id,
  status,
  disabled,
  label,
  unit,
  min,
  max,
  approximate,
  placeholder,
  style,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: TypedFieldProps & {
  unit?: string;
  /** The field takes a 概数: whether the number is one, and where to put that when it changes. */
  approximate?: { value: boolean; onChange: (approximate: boolean) => void };
  placeholder?: string;
}) {
  const itemStatus = Form.Item.useStatus().status;
  const [typed, setTyped] = useState<string | null>(null);
  const options: NumberFieldOptions = {
    label,
    ...(unit ? { unit } : {}),
    approximate: approximate !== undefined,
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
  const typedReading = typed !== null && typed.trim() !== '' ? readTypedNumber(typed, options) : null;
  // What the person typed stays shown while it is what the form holds; a value set from
  // elsewhere (the record, a reset) is shown as the app shows numbers.
  const typedIsCurrent =
    typed !== null &&
    (typed.trim() === ''
      ? value === null || value === undefined
      : typedReading?.ok
        ? typedReading.value === value && typedReading.approximate === Boolean(approximate?.value)
        : value === typed);
  const shown = typed !== null && typedIsCurrent ? typed : shownNumber(value, Boolean(approximate?.value));
  const refusal = typeof value === 'string' && value.trim() !== '' ? readTypedNumber(value, options) : null;
  const refusalMessage = refusal && !refusal.ok && (status ?? itemStatus) !== 'error' ? refusal.message : null;
  const readAs =
    typed !== null && typedIsCurrent && typedReading?.ok && (typedReading.approximate || !plainlyTyped(typed.trim(), typedReading.value, unit))
      ? typedReading.approximate
        ? countText(typedReading.value, true, unit ?? '')
        : `${typedReading.value.toLocaleString('ja-JP')}${unit ?? ''}`
      : null;
  const change = (text: string) => {
    setTyped(text);
    if (text.trim() === '') {
      onChange(null);
      approximate?.onChange(false);
      return;
    }
    const reading = readTypedNumber(text, options);
    if (!reading.ok) return onChange(text);
    onChange(reading.value);
    approximate?.onChange(reading.approximate);
  };
  const input = (
    <Input
      id={id}
      value={shown}
      onChange={(e) => change(e.target.value)}
      onBlur={onBlur}
      status={status ?? (refusalMessage ? 'error' : undefined)}
      disabled={disabled}
      aria-label={ariaLabel}
      placeholder={placeholder}
      autoComplete="off"
      style={style}
      data-testid={testId}
    />
  );
  // A 概数 from the record says so under the field too (the input shows 「約1,200」).
  const approximateNote = !readAs && approximate?.value && typeof value === 'number' ? countText(value, true, unit ?? '') : null;
  return <TypedFieldLines input={input} readAs={readAs} note={approximateNote} refusal={refusalMessage} testId={testId} />;
}

/**
 * A year field (評価の年, 見直しの年 …). The person types the year as they write it — 2026, 2026年,
 * 令和8年, R8, 令和元年, 令和8年度, full-width too (domain/timeInput.ts `readTypedYear`) — and the
 * field keeps exactly what was typed: read, the year is passed on and the field says what it read
 * (「2026年 として読みました」, a 年度 as the year it starts in); not read or out of the field's
 * range, the text itself is passed on, stays in the field, and the reason is shown under it. A year
 * set from elsewhere is shown as 2026 (never 2,026).
 */
export function YearInput({ value, onChange, onBlur, id, status, disabled, label, min, max, style, 'aria-label': ariaLabel, 'data-testid': testId }: TypedFieldProps) {
  const itemStatus = Form.Item.useStatus().status;
  const [typed, setTyped] = useState<string | null>(null);
  const options: YearFieldOptions = { label, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  const reading = typed !== null && typed.trim() !== '' ? readTypedYear(typed, options) : null;
  // What the person typed stays shown while it is what the form holds.
  const typedIsCurrent = typed !== null && (typed.trim() === '' ? value === null || value === undefined : reading?.ok ? reading.year === value : value === typed);
  const shown = typed !== null && typedIsCurrent ? typed : value === null || value === undefined ? '' : String(value);
  const refusal = typeof value === 'string' && value.trim() !== '' ? readTypedYear(value, options) : null;
  const refusalMessage = refusal && !refusal.ok && (status ?? itemStatus) !== 'error' ? refusal.message : null;
  const readAs = typedIsCurrent && reading?.ok ? reading.readAs : null;
  const change = (text: string) => {
    setTyped(text);
    if (text.trim() === '') return onChange(null);
    const next = readTypedYear(text, options);
    onChange(next.ok ? next.year : text);
  };
  const input = (
    <Input
      id={id}
      value={shown}
      onChange={(e) => change(e.target.value)}
      onBlur={onBlur}
      status={status ?? (refusalMessage ? 'error' : undefined)}
      disabled={disabled}
      aria-label={ariaLabel}
      autoComplete="off"
      style={style}
      data-testid={testId}
    />
  );
  return <TypedFieldLines input={input} readAs={readAs} refusal={refusalMessage} testId={testId} />;
}

/** Extra text under a date field: its 和暦 (J-era) rendering, once the typed date is read. */
export function WarekiHint({ value }: { value: string | null | undefined }) {
  const t = useT();
  const reading = value ? readDate(value) : null;
  if (!reading?.ok) return null;
  return <span>{t('common.wareki', { date: toWareki(reading.iso) })}</span>;
}

/** The message of any error, for a toast. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return t('common.loadFailed');
}
