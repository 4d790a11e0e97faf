/**
 * The current language and locale-aware formatting. The language lives in the URL (`lang=`), so a shared link
 * opens in the same language, and switching keeps the rest of the state.
 */
import { LANGUAGES, MESSAGES, type Language, type MessageKey } from './messages.js';

let current: Language = 'fr';

/** Picks the language from the URL, else the browser's preference, else French. */
export function initLanguage(params: URLSearchParams): Language {
  const asked = params.get('lang');
  if (isLanguage(asked)) current = asked;
  else current = navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
  document.documentElement.lang = current;
  return current;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function language(): Language {
  return current;
}

export function setLanguage(lang: Language): void {
  current = lang;
  document.documentElement.lang = lang;
}

/** The message for `key`, with `{name}` placeholders replaced. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[current][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    name in values ? String(values[name]) : `{${name}}`,
  );
}

const locale = (): string => (current === 'fr' ? 'fr-FR' : 'en-GB');

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** A date (UTC) as the reader of the chosen language expects it, e.g. "3 mai 2024" / "3 May 2024". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
