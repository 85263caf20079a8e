import { App } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useId, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useBlocker } from 'react-router';
import { useT } from '../i18n/index.tsx';

/** What the leave-page question says; the common wording unless a page has its own. */
export type UnsavedChangesTexts = { title: string; content: string; leave: string; stay: string };

type Registry = { mark(id: string, dirty: boolean, texts?: UnsavedChangesTexts): void };

const UnsavedChangesContext = createContext<Registry | null>(null);

/**
 * Guards unsaved work for every form of the signed-in pages (issue 10: a risk analysis was lost
 * by clicking a menu item). Forms report whether they hold unsaved input with
 * `useUnsavedChangesGuard`; while any does, leaving the page inside the app asks first (one
 * react-router blocker: a router supports only one, and a page may hold several forms), and
 * closing or reloading the tab triggers the browser's own 「このサイトを離れますか？」 (beforeunload).
 */
export function UnsavedChangesBoundary({ children }: { children: ReactNode }) {
  const { modal } = App.useApp();
  const t = useT();
  const dirty = useRef(new Map<string, UnsavedChangesTexts | undefined>());
  const [anyDirty, setAnyDirty] = useState(false);
  const mark = useCallback((id: string, isDirty: boolean, texts?: UnsavedChangesTexts) => {
    if (isDirty) dirty.current.set(id, texts);
    else dirty.current.delete(id);
    setAnyDirty(dirty.current.size > 0);
  }, []);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty.current.size > 0 && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: ask once per blocked navigation
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const own = [...dirty.current.values()].find((texts) => texts !== undefined);
    const wording = own ?? {
      title: t('common.unsaved.title'),
      content: t('common.unsaved.content'),
      leave: t('common.unsaved.leave'),
      stay: t('common.unsaved.stay'),
    };
    modal.confirm({
      title: wording.title,
      content: wording.content,
      okText: wording.leave,
      okButtonProps: { danger: true },
      cancelText: wording.stay,
      onOk: () => {
        // The forms left behind unmount; what they held is given up.
        dirty.current.clear();
        blocker.proceed?.();
      },
      onCancel: () => blocker.reset?.(),
    });
  }, [blocker.state]);
  useBeforeUnloadQuestion(anyDirty);
  const registry = useRef<Registry>({ mark });
  return <UnsavedChangesContext.Provider value={registry.current}>{children}</UnsavedChangesContext.Provider>;
}

/**
 * While `active`, closing or reloading the tab asks the browser's own 「このサイトを離れますか？」.
 * The signed-in pages get it from the boundary; a public page with a form (公開窓口) uses it directly.
 */
export function useBeforeUnloadQuestion(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium needs returnValue set for the prompt to show.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}

/**
 * Asks before a modal or drawer holding unsaved input is closed (its 「キャンセル」, ×, Esc or a
 * click beside it): `discard` runs at once when nothing would be lost, else only when the person
 * chooses 「保存せずに閉じる」.
 */
export function useConfirmDiscard() {
  const { modal } = App.useApp();
  const t = useT();
  return useCallback(
    (dirty: boolean, discard: () => void) => {
      if (!dirty) {
        discard();
        return;
      }
      modal.confirm({
        title: t('common.unsaved.title'),
        content: t('common.unsaved.closeContent'),
        okText: t('common.unsaved.discard'),
        okButtonProps: { danger: true },
        cancelText: t('common.unsaved.back'),
        onOk: discard,
      });
    },
    [modal, t],
  );
}

/**
 * Reports that a form holds unsaved input (`dirty`), so that leaving the page asks first.
 * Returns `release()`: call it after a successful save, before navigating to the saved record,
 * so that this navigation is not asked about. Outside the signed-in pages (no boundary) it does
 * nothing.
 */
export function useUnsavedChangesGuard(dirty: boolean, texts?: UnsavedChangesTexts): () => void {
  const registry = useContext(UnsavedChangesContext);
  const id = useId();
  const textsRef = useRef(texts);
  textsRef.current = texts;
  useEffect(() => {
    registry?.mark(id, dirty, textsRef.current);
  }, [registry, id, dirty]);
  useEffect(() => () => registry?.mark(id, false), [registry, id]);
  return useCallback(() => registry?.mark(id, false), [registry, id]);
}

/**
 * The guard for a react-hook-form form: dirty while what is typed differs from what was loaded.
 * `saved()` after a successful save makes what is shown the new starting point (the form stays as
 * typed and is no longer dirty); `release()` before navigating away (or closing the modal) on
 * success; `confirmClose(close)` for a modal's or drawer's cancel: asks first while dirty.
 */
// biome-ignore lint/suspicious/noExplicitAny: any form's values; only reset/getValues/formState are used
export function useFormLeaveGuard<T extends FieldValues>(form: UseFormReturn<T, any, any>, texts?: UnsavedChangesTexts) {
  const release = useUnsavedChangesGuard(form.formState.isDirty, texts);
  const saved = useCallback(() => form.reset(form.getValues()), [form]);
  const confirmDiscard = useConfirmDiscard();
  const confirmClose = useCallback(
    (close: () => void) =>
      confirmDiscard(form.formState.isDirty, () => {
        release();
        close();
      }),
    [confirmDiscard, form, release],
  );
  return { release, saved, confirmClose };
}
