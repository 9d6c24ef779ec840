import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import { en, formatMoney, formatNumber, resolveLocale, uk, type CrmTranslation } from '../../i18n/index.js';

/**
 * The texts of one render of a long list (a board's cards, a log's entries):
 * `localize.term` resolves the element's language — a walk up the DOM — and
 * parses it on every call, which a list drawing hundreds of rows with half a
 * dozen texts each feels. Resolved once per render here, the catalogue of
 * that language is read directly; the texts are the same.
 *
 * @internal
 */
export interface RenderTexts {
  /** The catalogue of the element's language. */
  t: CrmTranslation;
  /** The element's language tag, as `localize.lang()`. */
  lang: string;
  /** As `localize.term`. */
  term: CrmLocalizeController['term'];
  /** As `localize.formatNumber`. */
  formatNumber: CrmLocalizeController['formatNumber'];
  /** As `localize.money`. */
  money: CrmLocalizeController['money'];
}

/** @internal */
export function renderTexts(localize: CrmLocalizeController): RenderTexts {
  const lang = localize.lang();
  const t = (resolveLocale(lang) === 'en' ? en : uk) as CrmTranslation;
  const term = ((key: keyof CrmTranslation, ...args: unknown[]) => {
    const entry = t[key] as string | ((...params: unknown[]) => string);
    return typeof entry === 'function' ? entry(...args) : entry;
  }) as CrmLocalizeController['term'];
  return {
    t,
    lang,
    term,
    formatNumber: (value, options) => formatNumber(lang, value, options),
    money: (money, options) => formatMoney(lang, money, options),
  };
}
