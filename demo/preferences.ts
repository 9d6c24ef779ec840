// The demo remembers the user's language and theme in localStorage.
export type ThemeChoice = 'system' | 'light' | 'dark';

const LANGUAGE_KEY = 'crm-demo:lang';
const THEME_KEY = 'crm-demo:theme';

export function storedLanguage(): string {
  return localStorage.getItem(LANGUAGE_KEY) ?? 'uk';
}

export function storedTheme(): ThemeChoice {
  const theme = localStorage.getItem(THEME_KEY);
  return theme === 'light' || theme === 'dark' ? theme : 'system';
}

/** Every element follows `<html lang>`; the provider's `theme` reaches every element inside it. */
export function applyPreferences(lang = storedLanguage(), theme: ThemeChoice = storedTheme()): void {
  localStorage.setItem(LANGUAGE_KEY, lang);
  localStorage.setItem(THEME_KEY, theme);
  document.documentElement.lang = lang;
  const provider = document.querySelector('crm-provider');
  if (theme === 'system') {
    delete document.documentElement.dataset.theme;
    provider?.removeAttribute('theme');
  } else {
    document.documentElement.dataset.theme = theme;
    provider?.setAttribute('theme', theme);
  }
}
