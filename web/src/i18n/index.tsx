import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { employmentTypeLabels, type EmploymentType, type OrganizationProfile, type PmsRole, profileLabels, roleLabels } from '../../../src/domain/roles.ts';
import { en } from './en.ts';
import { ja, type MessageKey } from './ja.ts';

export type Locale = 'ja' | 'en';
export type CalendarPreference = 'gregorian' | 'japanese';
export type { MessageKey };

const catalogs: Record<Locale, Record<MessageKey, string>> = { ja, en };
const LOCALE_KEY = 'mamori.locale';
const CALENDAR_KEY = 'mamori.calendar';

function readStored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const v = window.localStorage.getItem(key);
    return v && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

type I18nContextValue = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  calendar: CalendarPreference;
  setCalendar: (calendar: CalendarPreference) => void;
  /** The language of the page on screen (`<html lang>`): a {@link PageLocaleProvider}'s while one is shown, else `locale`. */
  documentLocale: Locale;
  setPageLocale: (locale: Locale | null) => void;
};

const I18nContext = createContext<I18nContextValue | null>(null);

/** Holds the display language (Japanese by default) and the calendar preference, kept in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => readStored(LOCALE_KEY, ['ja', 'en'] as const, 'ja'));
  const [calendar, setCalendarState] = useState<CalendarPreference>(() => readStored(CALENDAR_KEY, ['gregorian', 'japanese'] as const, 'gregorian'));
  const [pageLocale, setPageLocale] = useState<Locale | null>(null);
  const value = useMemo<I18nContextValue>(
    () => ({
      locale,
      setLocale: (next) => {
        setLocaleState(next);
        document.documentElement.lang = next;
        try {
          window.localStorage.setItem(LOCALE_KEY, next);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
      },
      calendar,
      setCalendar: (next) => {
        setCalendarState(next);
        try {
          window.localStorage.setItem(CALENDAR_KEY, next);
        } catch {
          // ignore
        }
      },
      documentLocale: pageLocale ?? locale,
      setPageLocale,
    }),
    [locale, calendar, pageLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * A part of the app in a language of its own, not the signed-in user's stored choice: the public
 * pages (公開窓口), whose language is the person's choice kept in the URL. `useT()` inside it
 * translates to `locale`, and `<html lang>` follows it while it is shown.
 */
export function PageLocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const outer = useI18n();
  const { setPageLocale } = outer;
  useEffect(() => {
    setPageLocale(locale);
    return () => setPageLocale(null);
  }, [locale, setPageLocale]);
  const value = useMemo<I18nContextValue>(() => ({ ...outer, locale, documentLocale: locale }), [outer, locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Translates a message key, filling `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogs[locale][key] ?? ja[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `const t = useT(); t('nav.home')` */
export function useT(): Translate {
  const { locale } = useI18n();
  return useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
}

/** Labels of shared enums (roles, employment types, profiles) come from src/platform/org/roles.ts. */
export function useLabels() {
  const { locale } = useI18n();
  return useMemo(
    () => ({
      role: (role: string) => roleLabels[role as PmsRole]?.[locale] ?? role,
      employmentType: (type: string | null | undefined) => (type ? (employmentTypeLabels[type as EmploymentType]?.[locale] ?? type) : ''),
      profile: (profile: string) => profileLabels[profile as OrganizationProfile]?.[locale] ?? profile,
    }),
    [locale],
  );
}

/** Whether a computed key (e.g. from a status value) exists in the catalog. */
export function isMessageKey(key: string): key is MessageKey {
  return key in ja;
}
