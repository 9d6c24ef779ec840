import { LocalizeController, type FunctionParams } from '@shoelace-style/localize';
import type { ReactiveControllerHost } from 'lit';
import type { CrmError } from '../store/errors.js';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatRelativeTime,
  plural,
  registerCatalogues,
  en,
  resolveLocale,
  uk,
  type CrmTranslation,
  type PluralForms,
} from '../i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement;

const connected = new Set<CrmLocalizeController>();

// One observer for the whole page: a `lang`/`dir` change on any ancestor
// re-renders the elements whose resolved language it changes. It watches the
// document and every shadow root an element sits in (light-DOM observers do
// not see into shadow trees).
let observer: MutationObserver | undefined;
const observedRoots = new WeakSet<Node>();
function observeLanguageChanges(host: Element): void {
  observer ??= new MutationObserver(() => {
    for (const controller of connected) controller.refresh();
  });
  let root: Node = host.getRootNode();
  for (;;) {
    const target = root instanceof ShadowRoot ? root : document.documentElement;
    if (!observedRoots.has(target)) {
      observedRoots.add(target);
      observer.observe(target, { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] });
    }
    if (!(root instanceof ShadowRoot)) break;
    root = root.host.getRootNode();
  }
}

/** The nearest `[attribute]` at or above `element`, crossing shadow roots. */
function closestAttribute(element: Element, attribute: 'lang' | 'dir'): string | undefined {
  let node: Element | null = element;
  while (node) {
    const match: Element | null = node.closest(`[${attribute}]:not([${attribute}=''])`);
    const value = match?.getAttribute(attribute);
    if (value) return value;
    const root = (match ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/** What an element's language resolves to: looked up once per update, not per text. */
interface Resolved {
  lang: string;
  dir: string;
  catalogue: CrmTranslation;
  /** The host's own `lang` and `dir` properties it was resolved with. */
  ownLang: string;
  ownDir: string;
}

/**
 * Localizes one element: it speaks its own `lang`, else its nearest ancestor's
 * (across shadow roots), else `<html lang>`, else Ukrainian, and re-renders when
 * any of these changes at runtime. The host page's own i18n is left alone:
 * catalogues are registered under namespaced keys, and nothing page-global is set.
 *
 * The language is resolved (a walk up the DOM) when the host connects, before
 * each of its updates and when an ancestor's `lang`/`dir` changes — not on
 * every text: a list drawing hundreds of rows asks for thousands of texts.
 */
export class CrmLocalizeController extends LocalizeController<CrmTranslation> {
  /** The language last resolved: of the current update while connected. */
  private resolved: Resolved | undefined;
  /** Connected: `resolved` is kept current (else each call resolves afresh). */
  private live = false;

  constructor(host: Host) {
    super(host);
    registerCatalogues();
  }

  override hostConnected(): void {
    super.hostConnected();
    connected.add(this);
    observeLanguageChanges(this.host);
    this.live = true;
    // Moved under another language: what it shows was rendered in the old one.
    this.refresh();
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    connected.delete(this);
    this.live = false;
  }

  /** Before each update: the host's own `lang`/`dir` may have changed (reactive properties). */
  hostUpdate(): void {
    this.resolved = this.resolve();
  }

  /** Re-renders the host when its resolved language or direction has changed. */
  refresh(): void {
    const current = this.resolve();
    const before = this.resolved;
    this.resolved = current;
    if (before && (current.lang !== before.lang || current.dir !== before.dir)) this.host.requestUpdate();
  }

  private resolve(): Resolved {
    // The host's own property first: a reactive `lang` reflects to the attribute only after render.
    const tag = (this.host.lang || closestAttribute(this.host, 'lang') || '').toLowerCase().replace(/_/g, '-');
    const locale = resolveLocale(tag);
    return {
      lang: tag.split('-')[0] === locale ? tag : locale,
      dir: (this.host.dir || closestAttribute(this.host, 'dir') || 'ltr').toLowerCase(),
      catalogue: (locale === 'en' ? en : uk) as CrmTranslation,
      ownLang: this.host.lang,
      ownDir: this.host.dir,
    };
  }

  private current(): Resolved {
    const { resolved } = this;
    // The host's own `lang` or `dir` set since (read before the next update, in `willUpdate` or a handler): resolve again.
    if (!this.live) return this.resolve();
    if (!resolved || resolved.ownLang !== this.host.lang || resolved.ownDir !== this.host.dir) return (this.resolved = this.resolve());
    return resolved;
  }

  /** The element's language as a BCP 47 tag the catalogues have: `uk`, `en`, `en-gb`. */
  override lang(): string {
    return this.current().lang;
  }

  override dir(): string {
    return this.current().dir;
  }

  /**
   * The text of `key` in the element's language, read from the built-in
   * catalogue of that language (`uk` or `en`; a regional tag such as `en-GB`
   * reads `en`). Keys the built-in catalogues do not have go to the shared
   * `@shoelace-style/localize` registry; a page's own translations of the
   * CRM's keys are not used.
   */
  override term<K extends keyof CrmTranslation>(key: K, ...args: FunctionParams<CrmTranslation[K]>): string {
    const entry: unknown = this.current().catalogue[key];
    if (typeof entry === 'function') return (entry as (...params: unknown[]) => string)(...args);
    if (typeof entry === 'string') return entry;
    return super.term(key, ...args);
  }

  /**
   * The localized text of a store error (`CrmError`), e.g. "Не більше 120 символів".
   * Anything that is not a `CrmError` reads as a generic storage failure.
   */
  errorMessage(error: unknown): string {
    if (!(error instanceof Error) || error.name !== 'CrmError') return this.term('error.storage');
    const { messageKey, params } = error as CrmError;
    return (this.term as (key: string, ...args: unknown[]) => string)(messageKey, params);
  }

  /** Money in minor units, e.g. `{ minor: 123450, currency: 'UAH' }` → `1 234,50 ₴`. */
  money(money: { minor: number; currency: string }, options?: Intl.NumberFormatOptions): string {
    return formatMoney(this.lang(), money, options);
  }

  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.lang(), value, options);
  }

  /** A calendar date (`YYYY-MM-DD`) or an instant (epoch ms). */
  formatDate(value: number | string, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(this.lang(), value, options);
  }

  formatDateTime(value: number, options?: Intl.DateTimeFormatOptions): string {
    return formatDateTime(this.lang(), value, options);
  }

  relative(value: number, now?: number): string {
    return formatRelativeTime(this.lang(), value, now);
  }

  bytes(value: number): string {
    return formatBytes(this.lang(), value);
  }

  plural(count: number, forms: PluralForms): string {
    return plural(this.lang(), count, forms);
  }
}
