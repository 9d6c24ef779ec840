import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { CrmLocalizeController } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { hostStyles } from '../styles/tokens.js';
// Defined before any element that consumes it, so a provider above an element
// has always upgraded by the time the element asks it for the store.
import './provider/provider.js';

/**
 * The base of every CRM element: reactive `lang`, `dir` and `theme`, the shared
 * host styles, localization that follows the nearest `lang`, and the store
 * found through the nearest `<crm-provider>` (or the page's default store).
 * Behaviour lives in controllers; this class stays thin.
 */
export class CrmElement extends LitElement {
  static override styles = [hostStyles];

  /** The element's language (`uk`, `en`); unset, it follows the nearest ancestor's `lang`, then `<html lang>`. */
  @property({ reflect: true }) override lang!: string;

  /** Text direction; unset, it follows the nearest ancestor's `dir`. */
  @property({ reflect: true }) override dir!: string;

  /** Colour scheme: `light`, `dark`, or unset to follow the provider or `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  protected readonly localize = new CrmLocalizeController(this);

  protected readonly stores = new StoreController(this);
}
