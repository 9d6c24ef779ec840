import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { ClientRef } from '../../store/types.js';

/** A client to book: a counterparty or a lead, with what to show for it. */
export interface ClientOption extends ClientRef {
  name: string;
  /** A second line: a phone, a company. */
  detail?: string | undefined;
}

/** How long typing must pause before the store is searched. */
const SEARCH_DELAY = 150;

/** The words of a search, lower case. */
function words(text: string): string[] {
  return text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether every word of `text` starts some word of the option's name or detail (for a list given in place of the store). */
export function matchesClient(option: ClientOption, text: string): boolean {
  const haystack = words(`${option.name} ${option.detail ?? ''}`);
  return words(text).every((word) => haystack.some((candidate) => candidate.startsWith(word)));
}

/** What the picker shows around its input. */
export interface ClientPickerView {
  label: string;
  hint: string;
  /** The localized error shown under the input. */
  error?: string | undefined;
  localize: CrmLocalizeController;
}

/** The styles of the picker's field and listbox. */
export const clientPickerStyles = css`
  .combo .anchor {
    position: relative;
    display: grid;
  }
  .combo [role='listbox'] {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 100%;
    z-index: 1;
    margin: var(--_crm-space-xs) 0 0;
    padding: var(--_crm-space-xs);
    list-style: none;
    max-block-size: 16rem;
    overflow-y: auto;
    background: var(--_crm-color-surface);
    border: 1px solid var(--_crm-color-border);
    border-radius: calc(var(--_crm-radius) / 2);
    box-shadow: var(--_crm-shadow);
  }
  .combo [role='option'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_crm-space-s);
    padding: var(--_crm-space-xs) var(--_crm-space-s);
    border-radius: calc(var(--_crm-radius) / 2);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .combo [role='option'][aria-selected='true'] {
    background: var(--_crm-color-surface-raised);
    outline: 2px solid var(--_crm-color-focus);
    outline-offset: -2px;
  }
  .combo [role='option'] .muted {
    color: var(--_crm-color-text-muted);
    font-size: var(--_crm-font-size-s);
  }
`;

/**
 * A client search box (the ARIA 1.2 combobox pattern): typing searches
 * through `search` after a short pause, the arrows move through the
 * results, Enter or a click chooses one, Escape closes the list (and only the
 * list). Lives in its host's shadow root, so its label, hint and error wire up
 * like any field of `fields.ts`; a search result count is announced politely.
 *
 * @internal
 */
export class ClientPickerController implements ReactiveController {
  /** What is typed. */
  text = '';
  /** The chosen client; cleared by typing. */
  chosen: ClientOption | undefined;
  /** The latest results. */
  results: ClientOption[] = [];
  /** Whether the latest typing has been searched (the result count is announced then). */
  searched = false;
  private expanded = false;
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    /** The `id` of the input; the list is `${id}-list`, its options `${id}-option-N`. */
    private readonly id: string,
    private readonly search: (text: string) => Promise<ClientOption[]>,
    private readonly changed: (chosen: ClientOption | undefined) => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  hostUpdated(): void {
    if (this.expanded && this.active >= 0) {
      this.host.renderRoot.querySelector(`#${this.id}-option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Starts afresh, with `chosen` (if any) in the box. */
  reset(chosen?: ClientOption): void {
    clearTimeout(this.timer);
    this.generation++;
    this.chosen = chosen;
    this.text = chosen?.name ?? '';
    this.results = [];
    this.searched = false;
    this.expanded = false;
    this.active = -1;
    this.host.requestUpdate();
  }

  /** Takes `option` as the client. */
  choose(option: ClientOption): void {
    this.reset(option);
    this.changed(option);
  }

  private onInput(value: string): void {
    this.text = value;
    const hadChoice = this.chosen !== undefined;
    this.chosen = undefined;
    if (hadChoice) this.changed(undefined);
    clearTimeout(this.timer);
    const generation = ++this.generation;
    if (!value.trim()) {
      this.results = [];
      this.searched = false;
      this.expanded = false;
      this.host.requestUpdate();
      return;
    }
    this.timer = setTimeout(async () => {
      let found: ClientOption[] = [];
      try {
        found = await this.search(value);
      } catch {
        // A failed search reads as nothing found; the form still works.
      }
      if (generation !== this.generation) return;
      this.results = found;
      this.searched = true;
      this.expanded = found.length > 0;
      this.active = -1;
      this.host.requestUpdate();
    }, SEARCH_DELAY);
    this.host.requestUpdate();
  }

  // Arrow functions: lit calls listeners with the host as `this`.
  private readonly onKeydown = (event: KeyboardEvent): void => {
    const count = this.results.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        if (!this.expanded) {
          this.expanded = true;
          this.active = event.key === 'ArrowDown' ? 0 : count - 1;
        } else {
          this.active = event.key === 'ArrowDown' ? (this.active + 1) % count : (this.active - 1 + count) % count;
        }
        break;
      case 'Enter':
        if (!this.expanded) return;
        // Enter in an open list chooses; it never submits the form.
        event.preventDefault();
        if (this.active >= 0) this.choose(this.results[this.active]!);
        return;
      case 'Escape':
        if (!this.expanded) return;
        // Closes the list, not the dialog around it.
        event.preventDefault();
        event.stopPropagation();
        this.expanded = false;
        this.active = -1;
        break;
      default:
        return;
    }
    this.host.requestUpdate();
  };

  /** A click (a tap, a screen reader's activation) on an option chooses it; the keyboard chooses through the input. */
  private readonly onListClick = (event: Event): void => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const chosen = option ? this.results[Number(option.dataset['index'])] : undefined;
    if (chosen) this.choose(chosen);
  };

  private readonly collapse = (): void => {
    if (!this.expanded) return;
    this.expanded = false;
    this.active = -1;
    this.host.requestUpdate();
  };

  /** The field: label, combobox input, listbox, hint, error and the announced result count. */
  render(view: ClientPickerView): TemplateResult {
    const { id } = this;
    const describedBy = [`${id}-hint`, view.error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const open = this.expanded && this.results.length > 0;
    return html`<div class="field combo">
      <label id="${id}-label" for=${id}>${view.label}</label>
      <div class="anchor">
        <input
          id=${id}
          aria-labelledby="${id}-label"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="${id}-list"
          aria-activedescendant=${ifDefined(open && this.active >= 0 ? `${id}-option-${this.active}` : undefined)}
          aria-invalid=${view.error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${live(this.text)}
          @input=${(event: Event) => this.onInput((event.target as HTMLInputElement).value)}
          @keydown=${this.onKeydown}
          @blur=${this.collapse}
        />
        <ul
          id="${id}-list"
          role="listbox"
          aria-label=${view.localize.term('booking.clients')}
          ?hidden=${!open}
          @mousedown=${(event: Event) => event.preventDefault()}
          @click=${this.onListClick}
          @keydown=${this.onKeydown}
        >
          ${open
            ? this.results.map(
                (option, index) =>
                  html`<li
                    id="${id}-option-${index}"
                    role="option"
                    aria-selected=${index === this.active ? 'true' : 'false'}
                    data-index=${index}
                  >
                    <span>${option.name}</span>
                    <span class="muted"
                      >${view.localize.term(`booking.kind.${option.type}`)}${option.detail ? html` · ${option.detail}` : nothing}</span
                    >
                  </li>`,
              )
            : nothing}
        </ul>
      </div>
      <p class="hint" id="${id}-hint">${view.hint}</p>
      <p class="field-error" id="${id}-error">${view.error ?? ''}</p>
      <p class="visually-hidden" role="status">${this.searched ? view.localize.term('booking.results', this.results.length) : ''}</p>
    </div>`;
  }
}
