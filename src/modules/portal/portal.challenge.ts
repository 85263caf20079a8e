import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

// 送信前の確認 (issue #14: 「a bot check that needs no third-party service」). The public page gets
// a signed challenge; the browser finds a nonce whose SHA-256 with it starts with DIFFICULTY zero
// bits (a fraction of a second of hashing, invisible to the person, costly to a sender of
// thousands) and sends it with the form. The server checks the signature, the slug, the age (a
// form sent within MIN_FILL_MS of the page is a script) and that the challenge was not used
// before. Used challenges are remembered in this process until they expire: behind several
// servers one could be used once per server, which the rate limit still bounds.

export const DIFFICULTY = 12;
export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 2 * 60 * 60 * 1000;

export type ChallengeKey = Buffer;

/** The signing key, derived from the installation's encryption key (never stored). */
export function challengeKey(encryptionKey: Buffer): ChallengeKey {
  return Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'mamori-portal-challenge', 32));
}

const sign = (key: ChallengeKey, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export function issueChallenge(key: ChallengeKey, slug: string, now: Date): { token: string; difficulty: number } {
  const payload = Buffer.from(JSON.stringify({ s: slug, t: now.getTime(), r: randomBytes(9).toString('base64url') })).toString('base64url');
  return { token: `${payload}.${sign(key, payload)}`, difficulty: DIFFICULTY };
}

/** Whether SHA-256(`token:nonce`) starts with `bits` zero bits. */
export function solves(token: string, nonce: string, bits = DIFFICULTY): boolean {
  const digest = createHash('sha256').update(`${token}:${nonce}`).digest();
  let left = bits;
  for (const byte of digest) {
    if (left <= 0) return true;
    if (left >= 8) {
      if (byte !== 0) return false;
      left -= 8;
    } else return byte >> (8 - left) === 0;
  }
  return true;
}

/** Finds a nonce (tests and the CLI; the browser does the same with SubtleCrypto). */
export function solve(token: string, bits = DIFFICULTY): string {
  for (let n = 0; ; n++) if (solves(token, String(n), bits)) return String(n);
}

const used = new Map<string, number>();

export type ChallengeRefusal = 'invalid' | 'too_fast' | 'expired' | 'unsolved' | 'reused';

/** Checks a sent challenge; on success it is spent. */
export function spendChallenge(key: ChallengeKey, slug: string, token: string, nonce: string, now: Date): ChallengeRefusal | null {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return 'invalid';
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  let facts: { s?: unknown; t?: unknown };
  try {
    facts = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'invalid';
  }
  if (facts.s !== slug || typeof facts.t !== 'number') return 'invalid';
  const age = now.getTime() - facts.t;
  if (age < MIN_FILL_MS) return 'too_fast';
  if (age > MAX_AGE_MS) return 'expired';
  if (!solves(token, nonce)) return 'unsolved';
  for (const [t, expires] of used) if (expires < now.getTime()) used.delete(t);
  if (used.has(token)) return 'reused';
  used.set(token, facts.t + MAX_AGE_MS);
  return null;
}
