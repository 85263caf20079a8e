/**
 * No open redirect (IPA 安全なウェブサイトの作り方): a post-login destination must be a path on
 * this site. Anything else (absolute URLs, `//host`, `/\host`, control characters) becomes `/`.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || typeof next !== 'string') return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\\]/.test(next)) return '/';
  return next;
}
