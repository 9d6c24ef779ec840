import { ContextProvider } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { storeContext } from '../../context/store-context.js';
import { DEFAULT_DATABASE_NAME, getStore, type CrmStore } from '../../store/store.js';
import { styles } from './provider.styles.js';

/**
 * Gives the CRM elements inside it one store: the IndexedDB database named by
 * `database`. Providers with different names keep their data apart, so one page
 * can serve several businesses (tenants); elements outside any provider use the
 * `crm-elements` database.
 *
 * @summary Supplies a CRM store to every element inside it.
 *
 * @slot - The CRM elements (and any other markup) that share this store.
 *
 * @cssproperty --crm-color-scheme - Set from `theme`; inherited by every element inside.
 *
 * @example
 * <crm-provider database="acme">
 *   <crm-lead-list></crm-lead-list>
 * </crm-provider>
 */
@customElement('crm-provider')
export class CrmProvider extends LitElement {
  static override styles = styles;

  private readonly provider = new ContextProvider(this, { context: storeContext, initialValue: getStore() });

  /**
   * The IndexedDB database name of this provider's store. Switched at once, so
   * elements inside never query the previous database after the change.
   */
  @property({ reflect: true })
  get database(): string {
    return this.provider.value.name;
  }
  set database(name: string) {
    const previous = this.provider.value.name;
    this.provider.setValue(getStore(name || DEFAULT_DATABASE_NAME));
    this.requestUpdate('database', previous);
  }

  /** Colour scheme for every element inside: `light`, `dark`, or unset to follow `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** The store this provider supplies, for scripts on the page: `provider.store.settings.set(…)`. */
  get store(): CrmStore {
    return this.provider.value;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-provider': CrmProvider;
  }
}
