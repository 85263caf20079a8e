import type { z } from 'zod';
import { HttpError } from '../http/errors.ts';

// 取込の指定 (issue #12): the choices a client sends with an import's file — a column mapping, a
// value mapping, columns to keep — travel as JSON in one query parameter each (the body is the file).

/**
 * The JSON of query parameter `path` checked against `schema`; null when it was not given.
 *
 * @throws {HttpError} 400 (validation) naming the parameter (`label（path）`) when it is not JSON or not of the schema
 */
export function jsonQueryParam<S extends z.ZodType>(json: string | undefined, schema: S, path: string, label: string): z.output<S> | null {
  if (json === undefined) return null;
  const refuse = (fields: { path: string; message: string }[]) => new HttpError(400, fields.map((f) => f.message).join(' / '), 'validation', fields);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw refuse([{ path, message: `${label}（${path}）は JSON で指定してください` }]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw refuse(parsed.error.issues.map((i) => ({ path: [path, ...i.path].join('.'), message: i.message })));
  return parsed.data;
}
