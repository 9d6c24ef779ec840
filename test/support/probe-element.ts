import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CrmElement } from '../../src/components/crm-element.js';
import { LiveQueryController } from '../../src/controllers/live-query-controller.js';
import { CrmError } from '../../src/store/errors.js';
import type { SettingKey } from '../../src/store/settings.js';

/**
 * A minimal element built the way every CRM element is: it shows one setting
 * through a LiveQueryController, in all three states. Tests count its updates.
 */
@customElement('crm-test-probe')
export class CrmTestProbe extends CrmElement {
  @property() key: SettingKey = 'businessName';
  /** Turns the query off (an element given plain data reads nothing). */
  @property({ type: Boolean }) offline = false;
  /** Makes the query throw, to show the error state. */
  @property({ type: Boolean }) broken = false;

  updates = 0;
  queries = 0;

  readonly setting = new LiveQueryController(this, {
    store: () => this.stores.store,
    args: (): [SettingKey, boolean] => [this.key, this.broken],
    enabled: () => !this.offline,
    query: async (store, key, broken) => {
      this.queries += 1;
      if (broken) throw new CrmError('NOT_FOUND', 'error.notFound', { field: key });
      return store.settings.get(key);
    },
  });

  get storeName(): string {
    return this.stores.store.name;
  }

  protected override updated(): void {
    this.updates += 1;
  }

  protected override render() {
    return this.setting.render({
      pending: () => html`<p class="pending">${this.localize.term('common.loading')}</p>`,
      complete: (value) => html`<p class="value">${String(value)}</p>`,
      error: (error) =>
        html`<p class="error" role="alert">
          ${this.localize.errorMessage(error)}
        </p>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-test-probe': CrmTestProbe;
  }
}
