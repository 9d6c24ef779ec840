import { registerTranslation } from '@shoelace-style/localize';
import { en } from './en.js';
import { uk } from './uk.js';

export type { CrmTranslation, CrmMessageKey } from './catalogue.js';
export * from './format.js';
export { uk, en };

/** The languages the elements speak; the first is the default. */
export const supportedLocales = ['uk', 'en'] as const;
export type CrmLocale = (typeof supportedLocales)[number];
export const defaultLocale: CrmLocale = 'uk';

/** The catalogue language for any BCP 47 tag: `en-GB` → `en`, `uk-UA` → `uk`, anything else → `uk`. */
export function resolveLocale(tag: string | null | undefined): CrmLocale {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return supportedLocales.find((locale) => locale === primary) ?? defaultLocale;
}

let registered = false;

/**
 * Registers the catalogues with the localization library, once. Called by the
 * first localized element rather than on import, so that importing the library
 * has no hidden side effects a bundler could drop.
 */
export function registerCatalogues(): void {
  if (registered) return;
  registered = true;
  registerTranslation(uk, en);
}
