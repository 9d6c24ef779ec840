import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CrmStoragePersistEvent } from '../../events/storage-persist.js';
import { CrmElement } from '../crm-element.js';
import { setStates } from '../shared/custom-states.js';
import { styles } from './storage-status.styles.js';

/**
 * How much of the browser's storage the CRM uses, and whether the browser
 * keeps it persistently: offline data lives in IndexedDB, which a browser may
 * evict under pressure unless the user has let it persist. Figures come from
 * `navigator.storage`; set `usage`, `quota` and `persisted` to show figures of
 * your own instead.
 *
 * @summary Storage usage and a "store persistently" request.
 *
 * @event {CrmStoragePersistEvent} crm-storage-persist - The user asked for persistent storage and the browser answered; `event.persisted` is the answer.
 *
 * @csspart meter - The usage bar.
 * @csspart persist-button - The "store persistently" button.
 *
 * @cssproperty --crm-storage-status-meter-color - Colour of the used part of the bar. Defaults to `--crm-color-primary`.
 *
 * @cssstate persisted - The browser keeps the data persistently.
 */
@customElement('crm-storage-status')
export class CrmStorageStatus extends CrmElement {
  static override styles = [...CrmElement.styles, styles];

  /** Bytes used; unset, read from `navigator.storage.estimate()`. */
  @property({ type: Number }) usage: number | undefined;

  /** Bytes available in all; unset, read from `navigator.storage.estimate()`. */
  @property({ type: Number }) quota: number | undefined;

  /** Whether storage is persistent; unset, read from `navigator.storage.persisted()`. */
  @property({ type: Boolean }) persisted: boolean | undefined;

  @state() private browserUsage: number | undefined;
  @state() private browserQuota: number | undefined;
  @state() private browserPersisted: boolean | undefined;
  /** The heading level of the element's title within the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private requesting = false;
  /** The browser's answer to the user's last request, announced in the status region. */
  @state() private answer: 'granted' | 'denied' | undefined;
  @query('[role="status"]') private statusMessage: HTMLElement | undefined;

  private readonly internals = this.attachInternals();
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private readonly refreshWhenVisible = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
    // Usage grows as the CRM stores data: look again now and then, and on return to the tab.
    this.refreshTimer = setInterval(() => void this.refresh(), CrmStorageStatus.refreshInterval);
    document.addEventListener('visibilitychange', this.refreshWhenVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.refreshTimer);
    document.removeEventListener('visibilitychange', this.refreshWhenVisible);
  }

  /** How often (ms) the browser's figures are read again while the element is on the page. */
  static refreshInterval = 30_000;

  /** Reads usage, quota and persistence from the browser again. */
  async refresh(): Promise<void> {
    const storage = navigator.storage;
    if (!storage?.estimate) return;
    try {
      const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.()]);
      this.browserUsage = estimate.usage;
      this.browserQuota = estimate.quota;
      this.browserPersisted = persisted;
    } catch {
      // Some browsers refuse estimates in private windows: show "unknown".
      this.browserUsage = this.browserQuota = undefined;
    }
  }

  private async requestPersistence(): Promise<void> {
    // aria-disabled rather than disabled while asking, so keyboard focus stays on the button.
    if (this.requesting) return;
    this.requesting = true;
    try {
      const persisted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
      this.browserPersisted = persisted;
      this.answer = persisted ? 'granted' : 'denied';
      this.dispatchEvent(new CrmStoragePersistEvent(persisted));
      if (persisted) {
        // The button goes away; keep focus in the element, on the announcement.
        await this.updateComplete;
        this.statusMessage?.focus();
      }
    } finally {
      this.requesting = false;
    }
  }

  /** Persistence in effect: the owner's figure, else the browser's. */
  private get effectivePersisted(): boolean | undefined {
    return this.persisted ?? this.browserPersisted;
  }

  /** `12,5 %`, or `менше 0,1 %` for a little data, which should not read as none. */
  private usageShare(share: number): string {
    const options = { style: 'percent', maximumFractionDigits: 1 } as const;
    return share > 0 && share < 0.001
      ? this.localize.term('storage.shareBelow', this.localize.formatNumber(0.001, options))
      : this.localize.formatNumber(share, options);
  }

  protected override willUpdate(): void {
    setStates(this.internals, { persisted: !!this.effectivePersisted });
  }

  private renderUsage(usage: number | undefined, quota: number | undefined) {
    if (usage === undefined || quota === undefined || quota <= 0) return html`<p>${this.localize.term('storage.unknown')}</p>`;
    return html`<p id="usage">
        ${this.localize.term('storage.usage', this.localize.bytes(usage), this.localize.bytes(quota), this.usageShare(usage / quota))}
      </p>
      <meter part="meter" aria-labelledby="usage" min="0" max=${quota} value=${usage}></meter>`;
  }

  protected override render() {
    const persisted = this.effectivePersisted;
    const canPersist = persisted === false && typeof navigator.storage?.persist === 'function';
    const answer =
      this.answer === 'granted' && persisted
        ? this.localize.term('storage.persistGranted')
        : this.answer === 'denied' && !persisted
          ? this.localize.term('storage.persistDenied')
          : '';

    return html`
      <section aria-labelledby="title">
        <div id="title" class="title" role="heading" aria-level=${this.headingLevel}>${this.localize.term('storage.title')}</div>
        ${this.renderUsage(this.usage ?? this.browserUsage, this.quota ?? this.browserQuota)}
        ${persisted === undefined
          ? nothing
          : html`<p class="persistence">
              ${this.localize.term(persisted ? 'storage.persisted' : 'storage.notPersisted')}
            </p>`}
        ${canPersist
          ? html`<button
              part="persist-button"
              aria-disabled=${this.requesting ? 'true' : 'false'}
              @click=${this.requestPersistence}
            >
              ${this.localize.term('storage.persist')}
            </button>`
          : nothing}
        <p role="status" tabindex="-1" class=${answer ? 'notice' : 'notice visually-hidden'}>${answer}</p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-storage-status': CrmStorageStatus;
  }
}
