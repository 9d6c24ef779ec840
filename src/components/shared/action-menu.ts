import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { CrmElement } from '../crm-element.js';

/** One choice of the menu. */
export interface ActionMenuChoice {
  value: string;
  label: string;
  tone?: 'success' | 'danger';
  /** Draw a separator before it. */
  group?: boolean;
}

/**
 * A popover menu of actions opened under a button — the deal board's
 * "Move to…", the journal's appointment actions; one per element. Arrow keys, Home and End move through the
 * choices, Enter or Space picks one, Escape or Tab closes it and gives focus
 * back to the button; a click elsewhere closes it too.
 *
 * @internal
 */
@customElement('crm-action-menu')
export class CrmActionMenu extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      [popover] {
        position: fixed;
        inset: auto;
        margin: 0;
        min-inline-size: 14rem;
        max-inline-size: min(22rem, calc(100vw - 1rem));
        max-block-size: min(24rem, calc(100vh - 1rem));
        overflow: auto;
        padding: var(--_crm-space-xs);
        color: inherit;
        background: var(--_crm-color-surface);
        border: 1px solid var(--_crm-color-border);
        border-radius: var(--_crm-radius);
        box-shadow: var(--_crm-shadow);
      }
      [role='menuitem'] {
        display: block;
        inline-size: 100%;
        text-align: start;
        border: 0;
        min-block-size: 2.25rem;
        padding: var(--_crm-space-s) var(--_crm-space-m);
        border-radius: calc(var(--_crm-radius) / 2);
        background: transparent;
      }
      [role='menuitem']:hover,
      [role='menuitem']:focus-visible {
        background: var(--_crm-color-surface-raised);
      }
      .success {
        color: var(--_crm-color-success);
        font-weight: 600;
      }
      .danger {
        color: var(--_crm-color-danger);
        font-weight: 600;
      }
      [role='separator'] {
        border-block-start: 1px solid var(--_crm-color-border);
        margin: var(--_crm-space-xs) 0;
      }
    `,
  ];

  @state() private label = '';
  @state() private choices: ActionMenuChoice[] = [];
  @query('[popover]') private popup!: HTMLElement;

  private anchor: HTMLElement | undefined;
  private settle: ((value: string | undefined) => void) | undefined;

  /** Opens the menu under `anchor`; resolves with the chosen value, or `undefined` when closed without a choice. */
  async open(anchor: HTMLElement, label: string, choices: ActionMenuChoice[]): Promise<string | undefined> {
    this.finish(undefined, false);
    this.anchor = anchor;
    this.label = label;
    this.choices = choices;
    const rect = anchor.getBoundingClientRect();
    const width = 16 * 16;
    const left = Math.max(8, Math.min(rect.right - width, window.innerWidth - width - 8));
    const below = rect.bottom + 4 + 24 * 16 <= window.innerHeight || rect.top < window.innerHeight / 2;
    const top = below ? rect.bottom + 4 : Math.max(8, rect.top - 4 - Math.min(24 * 16, choices.length * 40 + 16));
    await this.updateComplete;
    // Through the CSSOM, not a style attribute: a strict CSP (style-src 'self') refuses the attribute.
    this.popup.style.setProperty('top', `${top}px`);
    this.popup.style.setProperty('left', `${left}px`);
    this.popup.showPopover();
    anchor.setAttribute('aria-expanded', 'true');
    this.items()[0]?.focus();
    return new Promise((resolve) => (this.settle = resolve));
  }

  private items(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  private finish(value: string | undefined, refocus: boolean): void {
    const settle = this.settle;
    const anchor = this.anchor;
    this.settle = undefined;
    this.anchor = undefined;
    anchor?.setAttribute('aria-expanded', 'false');
    if (this.popup?.matches(':popover-open')) this.popup.hidePopover();
    if (refocus) anchor?.focus();
    settle?.(value);
  }

  private onKeydown(event: KeyboardEvent): void {
    const items = this.items();
    const index = items.indexOf(this.shadowRoot!.activeElement as HTMLButtonElement);
    const next = { ArrowDown: index + 1, ArrowUp: (index < 0 ? items.length : index) - 1, Home: 0, End: items.length - 1 }[event.key];
    if (next !== undefined) {
      items[(next + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      this.finish(undefined, true);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  protected override render() {
    return html`<div
      popover
      role="menu"
      aria-label=${this.label}
      @keydown=${this.onKeydown}
      @toggle=${(event: ToggleEvent) => event.newState === 'closed' && this.finish(undefined, false)}
    >
      ${this.choices.map(
        (choice) => html`${choice.group ? html`<div role="separator"></div>` : nothing}
          <button
            role="menuitem"
            tabindex="-1"
            class=${choice.tone ?? ''}
            @click=${() => this.finish(choice.value, true)}
          >
            ${choice.label}
          </button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-action-menu': CrmActionMenu;
  }
}
