import { forwardRef, type InputHTMLAttributes, type ReactElement, type ReactNode, useState } from 'react';
import { type Control, Controller, type ControllerRenderProps, type FieldPath, type FieldValues, type UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';

// The controls of the pages shown before sign-in (ログイン, 確認コード): native elements styled
// like antd's (styles.css, `.mm-auth-*`). The login page is the first screen: antd's Input,
// Button, Alert and Segmented with their icons and motion cost about 60 kB gzip, and issue 10
// holds the first screen to ≤ 250 kB gzip of JavaScript. Signed-in screens use antd.

/** What a field hands to its input: react-hook-form's binding, the label's id and the error state for screen readers. */
export type AuthInputProps = ControllerRenderProps<FieldValues, string> & {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required': true;
};

/**
 * A field: its label, the input, and the shared zod schema's (or the server's) Japanese error
 * under it, tied to the input with aria-describedby and announced (role="alert").
 */
export function AuthField<T extends FieldValues, N extends FieldPath<T>>({
  control,
  name,
  label,
  children,
}: {
  control: Control<T>;
  name: N;
  label: ReactNode;
  children: (field: AuthInputProps) => ReactElement;
}) {
  const id = `field-${String(name)}`;
  const errorId = `${id}-error`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <div className="mm-auth-field">
          {/* The required mark is drawn by CSS (as antd does): the label's text stays the field's name. */}
          <label htmlFor={id} className="mm-auth-label mm-auth-label-required">
            {label}
          </label>
          {children({
            ...(field as unknown as ControllerRenderProps<FieldValues, string>),
            id,
            'aria-invalid': fieldState.error ? true : undefined,
            'aria-describedby': fieldState.error ? errorId : undefined,
            'aria-required': true,
          })}
          {fieldState.error ? (
            <div id={errorId} className="mm-auth-error" role="alert">
              {fieldState.error.message}
            </div>
          ) : null}
        </div>
      )}
    />
  );
}

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value?: string; onChange: (value: string) => void };

/** A text input (large, as on antd's `size="large"`). */
export const AuthInput = forwardRef<HTMLInputElement, NativeInputProps>(function AuthInput({ value, onChange, className, ...rest }, ref) {
  return <input ref={ref} {...rest} value={value ?? ''} onChange={(e) => onChange(e.target.value)} className={`mm-auth-input${className ? ` ${className}` : ''}`} />;
});

/** A password input with a 「パスワードを表示」 toggle (a real button with a name and its pressed state). */
export const AuthPasswordInput = forwardRef<HTMLInputElement, NativeInputProps>(function AuthPasswordInput(props, ref) {
  const t = useT();
  const [shown, setShown] = useState(false);
  return (
    <div className="mm-auth-password">
      <AuthInput ref={ref} {...props} type={shown ? 'text' : 'password'} />
      <button type="button" className="mm-auth-reveal" aria-pressed={shown} aria-label={t('login.showPassword')} onClick={() => setShown((s) => !s)}>
        {/* An eye; the button's name says what it does. */}
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 5C6.5 5 2.7 9.1 1.5 12c1.2 2.9 5 7 10.5 7s9.3-4.1 10.5-7C21.3 9.1 17.5 5 12 5zm0 11.5A4.5 4.5 0 1 1 12 7.5a4.5 4.5 0 0 1 0 9zm0-7a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z"
          />
          {shown ? null : <path stroke="currentColor" strokeWidth="2" d="M3 3l18 18" />}
        </svg>
      </button>
    </div>
  );
});

/** The form's main button; shows the sending state (disabled, aria-busy) while the request runs. */
export function AuthSubmit({ busy, children, testId }: { busy: boolean; children: ReactNode; testId?: string }) {
  return (
    <button type="submit" className="mm-auth-button" disabled={busy} aria-busy={busy} data-testid={testId}>
      {busy ? <span className="mm-auth-button-spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

/** A message above the form: an error (role="alert") or a notice such as 「ログアウトしました」 (role="status"). */
export function AuthMessage({ type, children, testId }: { type: 'error' | 'warning' | 'success'; children: ReactNode; testId?: string }) {
  return (
    <div className={`mm-auth-message mm-auth-message-${type}`} role={type === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

/**
 * The server's field errors under the matching fields (as components/form.tsx's
 * applyServerErrors); returns the message to show above the form, or null.
 */
export function applyAuthServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fieldNames: readonly FieldPath<T>[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const unmatched: string[] = [];
  let matched = 0;
  for (const f of error.fields) {
    const name = fieldNames.find((n) => n === f.path || n === f.path.split('.')[0]);
    if (name) {
      setError(name, { type: 'server', message: f.message }, { shouldFocus: matched === 0 });
      matched++;
    } else unmatched.push(f.message);
  }
  if (matched === 0) return error.message;
  return unmatched.length ? unmatched.join(' / ') : null;
}
