import { LocalizeController } from '@shoelace-style/localize';
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
  resolveLocale,
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

/**
 * Localizes one element: it speaks its own `lang`, else its nearest ancestor's
 * (across shadow roots), else `<html lang>`, else Ukrainian, and re-renders when
 * any of these changes at runtime. The host page's own i18n is left alone:
 * catalogues are registered under namespaced keys, and nothing page-global is set.
 */
export class CrmLocalizeController extends LocalizeController<CrmTranslation> {
  private resolved: string | undefined;

  constructor(host: Host) {
    super(host);
    registerCatalogues();
  }

  override hostConnected(): void {
    super.hostConnected();
    connected.add(this);
    observeLanguageChanges(this.host);
    this.resolved = this.signature();
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    connected.delete(this);
  }

  /** Re-renders the host when its resolved language or direction has changed. */
  refresh(): void {
    const current = this.signature();
    if (current !== this.resolved) {
      this.resolved = current;
      this.host.requestUpdate();
    }
  }

  private signature(): string {
    return `${this.lang()}|${this.dir()}`;
  }

  /** The element's language as a BCP 47 tag the catalogues have: `uk`, `en`, `en-gb`. */
  override lang(): string {
    // The host's own property first: a reactive `lang` reflects to the attribute only after render.
    const tag = (this.host.lang || closestAttribute(this.host, 'lang') || '').toLowerCase().replace(/_/g, '-');
    const locale = resolveLocale(tag);
    return tag.split('-')[0] === locale ? tag : locale;
  }

  override dir(): string {
    return (this.host.dir || closestAttribute(this.host, 'dir') || 'ltr').toLowerCase();
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
