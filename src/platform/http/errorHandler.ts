import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { HttpError } from './errors.ts';
import type { App } from './types.ts';

export type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

/** PostgreSQL error codes that mean the request itself was wrong, not the server. */
const pgClientErrors: Record<string, { status: number; message: string }> = {
  '23505': { status: 409, message: '同じ内容のデータが既に登録されています' },
  '23503': { status: 409, message: '関連するデータが存在するため、この操作はできません' },
  '42501': { status: 404, message: 'データが見つかりません' },
};

function pgCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let i = 0; i < 4 && current; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The status and body an error leaves as: `{ error: { code, message, fields? } }` with a Japanese
 * message — validation errors name each field; rule refusals carry their status
 * (403/404/409/422); anything unexpected is a 500 without internals. Also used where a response
 * already under way reports its outcome in its last line (a streamed import: imports/progress.ts).
 */
export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      path: String(v.instancePath ?? '')
        .replace(/^\//, '')
        .replaceAll('/', '.'),
      message: v.message ?? '入力が正しくありません',
    }));
    return { status: 400, body: { error: { code: 'validation', message: fields.map((f) => f.message).join(' / '), fields } } };
  }
  if (error instanceof ZodError) {
    const fields = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { status: 400, body: { error: { code: 'validation', message: fields.map((f) => f.message).join(' / '), fields } } };
  }
  if (error instanceof HttpError) return { status: error.statusCode, body: { error: { code: error.code, message: error.message, fields: error.fields } } };
  const code = pgCode(error);
  const mapped = code ? pgClientErrors[code] : undefined;
  if (mapped) return { status: mapped.status, body: { error: { code: `db_${code}`, message: mapped.message } } };
  const status = (error as FastifyError | null)?.statusCode;
  if (status && status >= 400 && status < 500) {
    const message =
      status === 429 ? '短時間に多くのリクエストがありました。しばらくしてから再度お試しください' : status === 413 ? 'ファイルが大きすぎます' : 'リクエストが正しくありません';
    return { status, body: { error: { code: `http_${status}`, message } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'サーバーでエラーが発生しました。時間をおいて再度お試しください' } } };
}

/** Every error leaves as {@link errorResponse} says; an unexpected one (500) is logged. */
export function installErrorHandler(app: App): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    return reply.status(status).send(body);
  });
}
