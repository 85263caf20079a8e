import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/index.tsx';
import { solveChallenge } from './challenge.ts';

type Challenge = { token: string; difficulty: number };

/**
 * 送信前の確認 of a public form (src/modules/portal/portal.challenge.ts): the page's challenge is
 * solved in the background while the person writes, and a field only scripts fill (the
 * honeypot) is hidden from sight and from screen readers. `proof()` gives what the form sends with
 * its fields — `{ website, challenge: { token, nonce } }` — waiting for the solving if it is not done.
 */
export function useBotCheck(challenge: Challenge | undefined) {
  const t = useT();
  const id = useId();
  const solving = useRef<Promise<string> | null>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!challenge) return;
    const abort = new AbortController();
    solving.current = solveChallenge(challenge.token, challenge.difficulty, abort.signal);
    solving.current.catch(() => undefined);
    return () => abort.abort();
  }, [challenge]);
  const proof = async () => {
    if (!challenge || !solving.current) throw new Error('no challenge');
    return { website: honeypot.current?.value ?? '', challenge: { token: challenge.token, nonce: await solving.current } };
  };
  // Only scripts fill this field: hidden from sight and from screen readers, never focused by Tab.
  const honeypotField = (
    <div aria-hidden="true" style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}>
      <label htmlFor={id}>{t('public.honeypot')}</label>
      <input id={id} ref={honeypot} name="website" tabIndex={-1} autoComplete="off" />
    </div>
  );
  return { proof, honeypotField };
}
