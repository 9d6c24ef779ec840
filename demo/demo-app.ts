import { css, html, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { CrmElement, CrmError, LiveQueryController, en, uk, type CrmMessageKey } from 'crm-elements';
import './demo-deals.js';
import './demo-interactions.js';
import './demo-reports.js';
import './demo-leads.js';
import { applyPreferences, storedLanguage, storedTheme, type ThemeChoice } from './preferences.js';

type Section = 'overview' | 'leads' | 'deals' | 'interactions' | 'journal' | 'reports' | 'settings';
const sections: ReadonlyArray<{ id: Section; label: CrmMessageKey }> = [
  { id: 'overview', label: 'shell.overview' },
  { id: 'leads', label: 'shell.leads' },
  { id: 'deals', label: 'shell.deals' },
  { id: 'interactions', label: 'shell.interactions' },
  { id: 'journal', label: 'shell.journal' },
  { id: 'reports', label: 'shell.reports' },
  { id: 'settings', label: 'shell.settings' },
];

const sectionFromHash = (): Section => sections.find(({ id }) => `#${id}` === location.hash)?.id ?? 'overview';

/** The demo's shell: header, navigation, language and theme switches, and the finished elements. */
@customElement('demo-app')
export class DemoApp extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      :host {
        display: block;
        min-block-size: 100vh;
        background: var(--_crm-color-surface-raised);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_crm-space-l) var(--_crm-space-xl);
        padding: var(--_crm-space-m) var(--_crm-space-xl);
        background: var(--_crm-color-surface);
        border-block-end: 1px solid var(--_crm-color-border);
      }
      h1 {
        margin: 0;
        font-size: var(--_crm-font-size-l);
        margin-inline-end: auto;
      }
      nav ul {
        display: flex;
        gap: var(--_crm-space-xs);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      nav a {
        display: block;
        padding: var(--_crm-space-s) var(--_crm-space-m);
        border-radius: var(--_crm-radius);
        color: inherit;
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        background: var(--_crm-color-primary);
        color: var(--_crm-color-on-primary);
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: var(--_crm-space-s);
        color: var(--_crm-color-text-muted);
      }
      select,
      input {
        font: inherit;
        padding: var(--_crm-space-xs) var(--_crm-space-s);
        border: 1px solid var(--_crm-color-border);
        border-radius: var(--_crm-radius);
        background: var(--_crm-color-surface);
        color: var(--_crm-color-text);
      }
      main {
        display: grid;
        gap: var(--_crm-space-xl);
        max-inline-size: 110rem;
        margin: 0 auto;
        padding: var(--_crm-space-xl);
      }
      h2 {
        margin: 0;
        font-size: var(--_crm-font-size-l);
      }
      form {
        display: grid;
        gap: var(--_crm-space-s);
        max-inline-size: 30rem;
      }
      form label {
        display: grid;
        color: var(--_crm-color-text);
      }
      [aria-invalid='true'] {
        border-color: var(--_crm-color-danger);
      }
      .field-error {
        color: var(--_crm-color-danger);
      }
      .muted {
        color: var(--_crm-color-text-muted);
      }
    `,
  ];

  @state() private section: Section = sectionFromHash();
  @state() private fieldError: CrmError | undefined;
  @state() private saved = false;
  @query('#business-name') private nameInput!: HTMLInputElement;

  private readonly settings = new LiveQueryController(this, {
    store: () => this.stores.store,
    query: (store) => store.settings.all(),
  });

  private readonly onHashChange = async () => {
    this.section = sectionFromHash();
    // Move focus to the new section's heading, so screen readers hear where they are.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('main h2')?.focus();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const name = this.settings.value?.businessName;
    const app = this.localize.term('shell.appName');
    document.title = name ? `${name} · ${app}` : app;
  }

  /** Reads the browser's storage figures again (after the first start filled the database). */
  refreshStorage(): Promise<void> {
    return this.renderRoot.querySelector('crm-storage-status')?.refresh() ?? Promise.resolve();
  }

  private async saveSettings(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.saved = false;
    try {
      await this.stores.store.settings.set('businessName', this.nameInput.value);
      this.fieldError = undefined;
      this.saved = true;
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      this.fieldError = error;
      await this.updateComplete;
      this.nameInput.focus();
    }
  }

  private renderHeader() {
    const lang = storedLanguage();
    const theme = storedTheme();
    const themes: ReadonlyArray<[ThemeChoice, CrmMessageKey]> = [
      ['system', 'shell.themeSystem'],
      ['light', 'shell.themeLight'],
      ['dark', 'shell.themeDark'],
    ];
    return html`<header>
      <h1>${this.settings.value?.businessName || this.localize.term('shell.appName')}</h1>
      <nav aria-label=${this.localize.term('shell.sections')}>
        <ul>
          ${sections.map(
            ({ id, label }) =>
              html`<li>
                <a href="#${id}" aria-current=${this.section === id ? 'page' : 'false'}>${this.localize.term(label)}</a>
              </li>`,
          )}
        </ul>
      </nav>
      <label>
        ${this.localize.term('shell.language')}
        <select @change=${(e: Event) => applyPreferences((e.target as HTMLSelectElement).value, theme)}>
          ${[uk, en].map(
            (catalogue) =>
              html`<option value=${catalogue.$code} lang=${catalogue.$code} ?selected=${lang === catalogue.$code}>
                ${catalogue.$name}
              </option>`,
          )}
        </select>
      </label>
      <label>
        ${this.localize.term('shell.theme')}
        <select
          @change=${(e: Event) => {
            applyPreferences(lang, (e.target as HTMLSelectElement).value as ThemeChoice);
            this.requestUpdate();
          }}
        >
          ${themes.map(
            ([value, label]) => html`<option value=${value} ?selected=${theme === value}>${this.localize.term(label)}</option>`,
          )}
        </select>
      </label>
    </header>`;
  }

  private renderSettings() {
    const error = this.fieldError;
    return html`<section aria-labelledby="settings-title">
      <h2 id="settings-title" tabindex="-1">${this.localize.term('shell.settings')}</h2>
      <form novalidate @submit=${this.saveSettings}>
        <label>
          ${this.localize.term('shell.businessName')}
          <input
            id="business-name"
            name="businessName"
            autocomplete="organization"
            .value=${this.settings.value?.businessName ?? ''}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby="business-name-error"
            @input=${() => (this.saved = false)}
          />
        </label>
        <p id="business-name-error" class="field-error">
          ${error ? this.localize.errorMessage(error) : ''}
        </p>
        <div><button class="primary" type="submit">${this.localize.term('shell.save')}</button></div>
        <p role="status" class="muted">${this.saved ? this.localize.term('shell.saved') : ''}</p>
      </form>
    </section>`;
  }

  /** A section with its heading (focused on navigation). */
  private renderSection(id: Section, label: CrmMessageKey, content: unknown) {
    return html`<section aria-labelledby="${id}-title">
      <h2 id="${id}-title" tabindex="-1">${this.localize.term(label)}</h2>
      ${content}
    </section>`;
  }

  private renderMain() {
    switch (this.section) {
      case 'overview':
        return html`${this.renderSection('overview', 'shell.overview', html`<p class="muted">${this.localize.term('shell.welcome')}</p>`)}
          <crm-storage-status></crm-storage-status>`;
      case 'leads':
        return this.renderSection('leads', 'shell.leads', html`<demo-leads></demo-leads>`);
      case 'deals':
        return this.renderSection('deals', 'shell.deals', html`<demo-deals></demo-deals>`);
      case 'interactions':
        return this.renderSection('interactions', 'shell.interactions', html`<demo-interactions></demo-interactions>`);
      case 'journal':
        return this.renderSection('journal', 'shell.journal', html`<crm-appointment-journal heading-level="3"></crm-appointment-journal>`);
      case 'reports':
        return this.renderSection('reports', 'shell.reports', html`<demo-reports></demo-reports>`);
      case 'settings':
        return this.renderSettings();
    }
  }

  protected override render() {
    return html`${this.renderHeader()}
      <main>${this.renderMain()}</main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-app': DemoApp;
  }
}
