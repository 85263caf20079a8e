/**
 * The one path from the SPA to the API: same-origin fetch with the session cookie, the CSRF
 * token on unsafe methods, and the server's error body `{ error: { code, message, fields? } }`
 * turned into an ApiError. A lost session (401 session_expired / session_invalid) is handed to
 * the session layer, which shows the login page with the reason.
 */

export type FieldError = { path: string; message: string };
export type ErrorBody = { error: { code: string; message: string; fields?: FieldError[] } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** Set from GET /api/auth/session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type SessionLossReason = 'session_expired' | 'session_invalid' | 'account_disabled' | 'totp_required' | 'totp_enrollment_required';
type SessionLossHandler = (reason: SessionLossReason, message: string) => void;
let sessionLossHandler: SessionLossHandler | null = null;

/** The session layer registers what to do when the server says the session is gone. */
export function onSessionLoss(handler: SessionLossHandler | null): void {
  sessionLossHandler = handler;
}

let lastRequestAt = 0;
/** When the last request reached the server (each authenticated request keeps the server session alive). */
export function lastApiRequestAt(): number {
  return lastRequestAt;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type RequestOptions = {
  /** Do not hand 401s to the session layer (used by the session probe itself and by login). */
  quiet401?: boolean;
  signal?: AbortSignal;
  /** The language the server answers errors in (the public pages: the person's choice, not the browser's list). */
  language?: 'ja' | 'en';
};

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, …).
  }
  const error = (body as Partial<ErrorBody> | null)?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(response.status, typeof error.code === 'string' ? error.code : `http_${response.status}`, error.message, Array.isArray(error.fields) ? error.fields : []);
  }
  const fallback = response.status >= 500 ? 'サーバーでエラーが発生しました。時間をおいて再度お試しください' : `リクエストが失敗しました（${response.status}）`;
  return new ApiError(response.status, `http_${response.status}`, fallback);
}

/** Sends a request and returns the raw Response when it succeeded; throws ApiError otherwise. */
export async function rawRequest(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.language) headers['Accept-Language'] = options.language;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'サーバーに接続できません。ネットワークを確認してください');
  }
  lastRequestAt = Date.now();
  if (response.ok) return response;
  const error = await toApiError(response);
  if (!options.quiet401 && sessionLossHandler) {
    if (response.status === 401 && ['session_expired', 'session_invalid', 'unauthorized', 'account_disabled', 'totp_required'].includes(error.code)) {
      sessionLossHandler(error.code === 'unauthorized' ? 'session_invalid' : (error.code as SessionLossReason), error.message);
    } else if (response.status === 403 && error.code === 'totp_enrollment_required') {
      sessionLossHandler('totp_enrollment_required', error.message);
    }
  }
  throw error;
}

async function request<T>(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<T> {
  const response = await rawRequest(method, path, body, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** DELETE with a body (a removal that records its reason). */
  deleteWith: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('DELETE', path, body, options),
  upload: <T>(path: string, form: FormData, options?: RequestOptions) => request<T>('POST', path, form, options),
};

/** One progress report of a streamed import (the server's src/platform/imports/progress.ts). */
export type ImportProgress = { phase: 'reading' | 'validating' | 'writing'; total: number | null; parsed: number; validated: number; written: number };

/**
 * Uploads to an import asked with `progress=1`: the server answers NDJSON — progress lines, then
 * `{status, body}`, the response the import gives otherwise. Each progress line goes to
 * `onProgress`; the last line is returned as the body (2xx) or thrown as an ApiError.
 */
export async function uploadWithProgress<T>(path: string, form: FormData, onProgress: (progress: ImportProgress) => void): Promise<T> {
  const response = await rawRequest('POST', `${path}${path.includes('?') ? '&' : '?'}progress=1`, form);
  if (!response.body) throw new ApiError(response.status, `http_${response.status}`, 'サーバーの応答を読み取れませんでした');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let outcome: { status: number; body: unknown } | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split('\n');
    buffered = done ? '' : (lines.pop() ?? '');
    for (const line of lines) {
      if (!line.trim()) continue;
      const parsed = JSON.parse(line) as { progress: ImportProgress } | { status: number; body: unknown };
      if ('progress' in parsed) onProgress(parsed.progress);
      else outcome = parsed;
    }
    if (done) break;
  }
  if (!outcome) throw new ApiError(0, 'network', '取込の途中で接続が切れました。台帳を確認してから、もう一度お試しください');
  if (outcome.status >= 200 && outcome.status < 300) return outcome.body as T;
  const error = (outcome.body as Partial<ErrorBody> | null)?.error;
  throw new ApiError(outcome.status, error?.code ?? `http_${outcome.status}`, error?.message ?? `リクエストが失敗しました（${outcome.status}）`, error?.fields ?? []);
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file (Excel/PDF export) through fetch, so an error shows as a message instead of
 * a JSON page, and saves it under the server's file name.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await rawRequest('GET', path);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(response, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
