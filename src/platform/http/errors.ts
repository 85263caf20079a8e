/** An error with an HTTP status and a Japanese message safe to show the user. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Outsiders get 404, not 403, so ids of other organizations reveal nothing. */
export const notFound = (what = 'データ') => new HttpError(404, `${what}が見つかりません`, 'not_found');
export const forbidden = (message = 'この操作を行う権限がありません') => new HttpError(403, message, 'forbidden');
export const conflict = (message: string, code = 'conflict') => new HttpError(409, message, code);
/** A rule refusal tied to one field, shown beside that field in the form. */
export const invalid = (path: string, message: string, code = 'invalid') => new HttpError(422, message, code, [{ path, message }]);
export const unauthorized = (message = 'ログインしてください', code = 'unauthorized') => new HttpError(401, message, code);
