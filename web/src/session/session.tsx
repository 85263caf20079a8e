import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { authContract } from '../../../src/platform/auth/auth.contract.ts';
import type { ResponseOf } from '../../../src/platform/http/contract.ts';
import { ApiError, api, onSessionLoss, setCsrfToken } from '../api/client.ts';
import { pathOf } from '../api/queries.ts';

/** The signed-in account, its roles and permissions (GET /api/auth/session). */
export type Session = ResponseOf<typeof authContract.session>;

export const SESSION_KEY = ['session'] as const;

/** Why the login page is shown; the page turns it into a message. */
export type LogoutReason = 'idle' | 'expired' | 'manual' | 'password_changed';

/** GET /api/auth/session; `null` when nobody is signed in. Also keeps the CSRF token. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>(pathOf(authContract.session), { quiet401: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

type SessionContextValue = {
  session: Session | null;
  loading: boolean;
  refresh: () => Promise<Session | null>;
  /** Ends the session on the server (best effort) and shows the login page with the reason. */
  logout: (reason: LogoutReason, serverMessage?: string) => Promise<void>;
  /** Where a signed-out user goes: the login page with the logout reason, or with `next`. */
  loginPath: (next?: string) => string;
};

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * The session of the signed-in account (account, roles, abilities, idle timeout), shared by
 * every screen. The server decides what the account may do; the client only hides what it
 * may not (see useAbility).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false, refetchOnWindowFocus: true });
  const loggingOut = useRef(false);

  const [exit, setExit] = useState<{ reason: LogoutReason; message?: string } | null>(null);

  const logout = useCallback(
    async (reason: LogoutReason, serverMessage?: string) => {
      if (loggingOut.current) return;
      loggingOut.current = true;
      try {
        if (reason === 'idle' || reason === 'manual') {
          try {
            await api.post<ResponseOf<typeof authContract.logout>>(pathOf(authContract.logout), {}, { quiet401: true });
          } catch {
            // The server may already have ended it; the login page is shown either way.
          }
        }
        setCsrfToken(null);
        // The route guards send a signed-out user to /login carrying this reason, so the message
        // survives whichever redirect renders first.
        setExit({ reason, message: serverMessage });
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
        queryClient.setQueryData(SESSION_KEY, null);
      } finally {
        loggingOut.current = false;
      }
    },
    [queryClient],
  );

  const loginPath = useCallback(
    (next?: string) => {
      const params = new URLSearchParams();
      if (exit) {
        params.set('reason', exit.reason);
        if (exit.reason === 'expired' && exit.message) params.set('message', exit.message);
      }
      if (next && next !== '/' && !next.startsWith('/login')) params.set('next', next);
      const qs = params.toString();
      return qs ? `/login?${qs}` : '/login';
    },
    [exit],
  );

  const refresh = useCallback(async () => {
    const session = await fetchSession();
    if (session) setExit(null);
    queryClient.setQueryData(SESSION_KEY, session);
    return session;
  }, [queryClient]);

  // The API client reports a lost session (idle timeout on the server, disabled account, …).
  useEffect(() => {
    onSessionLoss((reason, message) => {
      if (reason === 'totp_required') {
        navigate('/totp', { replace: true });
        return;
      }
      if (reason === 'totp_enrollment_required') {
        void refresh().then(() => navigate('/settings/totp', { replace: true }));
        return;
      }
      // Already signed out (the idle timer or the user ended the session): a request that was
      // still under way answers 401 afterwards, and must not replace 「一定時間操作がなかったため…」.
      if (queryClient.getQueryData(SESSION_KEY) === null) return;
      void logout('expired', message);
    });
    return () => onSessionLoss(null);
  }, [logout, navigate, refresh, queryClient]);

  const value = useMemo<SessionContextValue>(
    () => ({ session: query.data ?? null, loading: query.isPending, refresh, logout, loginPath }),
    [query.data, query.isPending, refresh, logout, loginPath],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** `useAbility('people.manage')`: whether the server granted this permission (hide, never trust). */
export function useAbility(permission: string): boolean {
  const { session } = useSession();
  return session?.abilities.includes(permission) ?? false;
}
