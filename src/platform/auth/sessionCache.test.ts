import { describe, expect, it } from 'vitest';
import type { ResolvedSession } from './login.ts';
import { SessionCache } from './sessionCache.ts';

const session = (id: string): ResolvedSession => ({
  sessionId: id,
  csrfToken: 'csrf',
  secondFactorDone: true,
  lastSeenAt: new Date('2026-11-25T00:00:00Z'),
  accountId: 'a',
  organizationId: 'o',
  personId: 'p',
  personName: '山田 太郎',
  departmentId: null,
  locale: 'ja',
  totpEnabled: false,
  disabled: false,
  idleTimeoutMinutes: 10,
  requireTotpForAdmins: false,
  roles: [],
});

function cacheAt(ttlMs: number, maxEntries = 10_000) {
  let t = 0;
  return { cache: new SessionCache(ttlMs, maxEntries, () => t), advance: (ms: number) => (t += ms) };
}

describe('セッションの短期キャッシュ', () => {
  it('保存した直後は同じセッションを返し、有効期間を過ぎると返さない', () => {
    const { cache, advance } = cacheAt(2000);
    cache.set('h1', session('s1'), cache.generation());
    expect(cache.get('h1')?.sessionId).toBe('s1');
    advance(2000);
    expect(cache.get('h1')?.sessionId).toBe('s1');
    advance(1);
    expect(cache.get('h1')).toBeNull();
  });

  it('書込みのあと（invalidateAll）はすべて忘れる', () => {
    const { cache } = cacheAt(2000);
    cache.set('h1', session('s1'), cache.generation());
    cache.set('h2', session('s2'), cache.generation());
    cache.invalidateAll();
    expect(cache.get('h1')).toBeNull();
    expect(cache.get('h2')).toBeNull();
  });

  it('書込みより前に始まった照会の結果は保存しない（ログアウト直後に古いセッションが戻らない）', () => {
    const { cache } = cacheAt(2000);
    const before = cache.generation();
    cache.invalidateAll(); // a logout finished while the lookup was in flight
    cache.set('h1', session('s1'), before);
    expect(cache.get('h1')).toBeNull();
    cache.set('h1', session('s1'), cache.generation());
    expect(cache.get('h1')?.sessionId).toBe('s1');
  });

  it('0 ミリ秒の設定ではキャッシュしない (MAMORI_SESSION_CACHE_MS=0)', () => {
    const { cache } = cacheAt(0);
    cache.set('h1', session('s1'), cache.generation());
    expect(cache.get('h1')).toBeNull();
  });

  it('上限件数に達すると古い内容を捨ててから保存する（メモリを使い切らない）', () => {
    const { cache } = cacheAt(2000, 2);
    cache.set('h1', session('s1'), cache.generation());
    cache.set('h2', session('s2'), cache.generation());
    cache.set('h3', session('s3'), cache.generation());
    expect(cache.get('h1')).toBeNull();
    expect(cache.get('h3')?.sessionId).toBe('s3');
  });

  it('delete は1件だけ忘れる', () => {
    const { cache } = cacheAt(2000);
    cache.set('h1', session('s1'), cache.generation());
    cache.set('h2', session('s2'), cache.generation());
    cache.delete('h1');
    expect(cache.get('h1')).toBeNull();
    expect(cache.get('h2')?.sessionId).toBe('s2');
  });
});
