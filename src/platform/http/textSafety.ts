import { HttpError } from './errors.ts';
import type { App } from './types.ts';

/**
 * Text PostgreSQL cannot store and UTF-8 cannot encode: the NUL character (`text` refuses
 * U+0000) and a lone UTF-16 surrogate (half of a pair, e.g. `"\ud800"` in JSON, which JSON.parse
 * accepts). A well-formed pair (𠮷, 🙂) is one code point under the `u` flag and does not match.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL character is the point
const UNSAFE_TEXT = /[\u0000\p{Cs}]/u;
const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, 'gu');

/** At most this many fields are named in one refusal; a path is shown up to this many characters. */
const MAX_FINDINGS = 10;
const MAX_PATH_CHARS = 100;

/**
 * The paths (`steps.0.label`, as zod names them) of the strings — values and object keys — in a
 * parsed body, query or params that hold a NUL or a lone surrogate. Walks with its own stack, so a
 * deeply nested body cannot overflow the call stack.
 */
export function findUnsafeText(value: unknown, limit = MAX_FINDINGS): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0 && found.length < limit) {
    const { value: node, path } = stack.pop() as { value: unknown; path: string };
    if (typeof node === 'string') {
      if (UNSAFE_TEXT.test(node)) found.push(path);
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ value: node[i], path: join(path, String(i)) });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node).reverse()) {
        if (UNSAFE_TEXT.test(key)) found.push(join(path, key));
        stack.push({ value: child, path: join(path, key) });
      }
    }
  }
  return found.slice(0, limit);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** A path as it may be shown: the offending characters replaced, and not longer than a line. */
function shownPath(path: string): string {
  const visible = path.replace(UNSAFE_TEXT_ALL, '\ufffd');
  return visible.length > MAX_PATH_CHARS ? `${visible.slice(0, MAX_PATH_CHARS)}…` : visible;
}

/**
 * Refuses, before the route's schema runs, any request whose JSON body, query or path holds a
 * NUL or a lone surrogate: 400 `validation` with a Japanese error naming each field, as a schema
 * error would (issue 11 #7: these reached PostgreSQL and answered 500, the login included). One
 * hook covers every route, public ones too, and fields a schema does not declare.
 */
export function installTextSafety(app: App): void {
  app.addHook('preValidation', async (request) => {
    const paths = [...findUnsafeText(request.params), ...findUnsafeText(request.query), ...findUnsafeText(request.body)].slice(0, MAX_FINDINGS);
    if (paths.length === 0) return;
    const fields = paths.map((path) => {
      const shown = shownPath(path) || '本文';
      return { path: shownPath(path), message: `「${shown}」に使用できない文字（NUL 文字または不完全な文字コード）が含まれています` };
    });
    throw new HttpError(400, fields.map((f) => f.message).join(' / '), 'validation', fields);
  });
}
