import { Button, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { lastApiRequestAt } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';
import { useSession } from './session.tsx';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'click', 'wheel', 'touchstart'] as const;
const SHARED_KEY = 'mamori.lastActivity';
const WARNING_MS = 60_000;

function readShared(): number {
  try {
    return Number(window.localStorage.getItem(SHARED_KEY)) || 0;
  } catch {
    return 0;
  }
}

/**
 * J.9.2 c) 13: after `idleTimeoutMinutes` without user activity the session ends. The server
 * enforces it too (it counts from the last request); this timer ends it in the browser at the
 * right moment, warns a minute before, and — while the user is active but not calling the API,
 * e.g. typing a long form — keeps the server session alive with a session probe.
 * Activity in another tab of the same browser counts (shared through localStorage).
 */
export function IdleLogout({ timeoutMinutes }: { timeoutMinutes: number }) {
  const t = useT();
  const { logout, refresh } = useSession();
  const [warning, setWarning] = useState(false);
  const warningRef = useRef(false);

  useEffect(() => {
    const timeoutMs = Math.max(1, timeoutMinutes) * 60_000;
    const keepAliveMs = Math.min(timeoutMs / 2, 120_000);
    let lastActivity = Date.now();
    let lastShared = 0;
    let probing = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const setWarn = (on: boolean) => {
      if (warningRef.current === on) return;
      warningRef.current = on;
      setWarning(on);
    };
    const schedule = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(check, Math.max(250, ms));
    };
    function check() {
      const idle = Date.now() - Math.max(lastActivity, readShared());
      if (idle >= timeoutMs) {
        setWarn(false);
        void logout('idle');
        return;
      }
      if (idle >= timeoutMs - WARNING_MS) {
        setWarn(true);
        schedule(timeoutMs - idle);
      } else {
        setWarn(false);
        schedule(timeoutMs - WARNING_MS - idle);
      }
    }
    const onActivity = () => {
      const now = Date.now();
      lastActivity = now;
      if (warningRef.current) {
        setWarn(false);
        schedule(timeoutMs - WARNING_MS);
      }
      if (now - lastShared > 5_000) {
        lastShared = now;
        try {
          window.localStorage.setItem(SHARED_KEY, String(now));
        } catch {
          // ignore
        }
      }
      if (!probing && now - lastApiRequestAt() > keepAliveMs) {
        probing = true;
        void refresh()
          .then((session) => {
            if (!session) void logout('expired');
          })
          .catch(() => undefined)
          .finally(() => {
            probing = false;
          });
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    schedule(timeoutMs - WARNING_MS);
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [timeoutMinutes, logout, refresh]);

  return (
    <Modal
      open={warning}
      title={t('idle.warningTitle')}
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={() => setWarning(false)}>
          {t('idle.continue')}
        </Button>
      }
    >
      {t('idle.warning')}
    </Modal>
  );
}
