import { css, html, nothing, type TemplateResult } from 'lit';
import type { CatalogueLists } from '../../controllers/catalogues-controller.js';
import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { CrmStore } from '../../store/store.js';
import type { Counterparty, Id, Interaction, Lead, SubjectRef } from '../../store/types.js';
import { formatPhone } from '../../store/ukrainian.js';

/** Everything a lead card shows: the lead, its customer once converted, and the last and next interaction. */
export interface LeadCardData {
  lead: Lead;
  /** The customer the lead became (`status: 'converted'`). */
  counterparty?: Pick<Counterparty, 'id' | 'name'> | undefined;
  last?: Interaction | undefined;
  next?: Interaction | undefined;
}

/**
 * A lead card's data from the store, `null` when there is no such lead. Once
 * converted, the history lives on the customer, so last and next come from it.
 * Only store reads: usable inside a live query.
 */
export async function readLeadCard(store: CrmStore, id: Id, now: number): Promise<LeadCardData | null> {
  const lead = await store.leads.get(id);
  if (!lead) return null;
  const counterparty = lead.counterpartyId ? await store.counterparties.get(lead.counterpartyId) : undefined;
  const ref: SubjectRef = counterparty ? { type: 'counterparty', id: counterparty.id } : { type: 'lead', id };
  const { last, next } = await store.interactions.lastAndNext(ref, now);
  return { lead, counterparty, last, next };
}

const empty: CatalogueLists = { users: [], sources: [], tags: [], lostReasons: [] };

/** The lists in effect with none missing; names are looked up in them. */
export function completeLists(lists: Partial<CatalogueLists> | undefined): CatalogueLists {
  return { ...empty, ...lists };
}

const nameIn = (rows: ReadonlyArray<{ id: Id; name: string }>, id: Id | undefined) =>
  id === undefined ? undefined : rows.find((row) => row.id === id)?.name;

type Term = CrmLocalizeController['term'];

function interaction(localize: CrmLocalizeController, item: Interaction | undefined, none: string, now: number, next: boolean) {
  if (!item) return html`<span class="muted">${none}</span>`;
  const term: Term = localize.term.bind(localize);
  const kind = term(`interaction.kind.${item.kind}`);
  const direction = item.direction === 'none' ? '' : ` · ${term(`interaction.direction.${item.direction}`)}`;
  const when = term('leadCard.when', localize.formatDateTime(item.at), localize.relative(item.at, now));
  return html`<span class="interaction">
    <span class="subject">${item.subject}</span>
    <span class="muted">${kind}${direction} · <time datetime=${new Date(item.at).toISOString()}>${when}</time></span>
    ${next && item.at < now ? html`<span class="overdue">${term('leadCard.overdue')}</span>` : nothing}
  </span>`;
}

function row(label: string, value: unknown): TemplateResult {
  return html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
}

/** The card's header: the name as a heading, the status, the company and, once converted, the customer. */
export function renderLeadHeader(localize: CrmLocalizeController, data: LeadCardData, headingLevel: number): TemplateResult {
  const term: Term = localize.term.bind(localize);
  const { lead, counterparty } = data;
  return html`<header part="header">
    <div class="title">
      <div id="name" class="name" role="heading" aria-level=${headingLevel}>${lead.name}</div>
      <span class="status ${lead.status}" part="status">${term(`lead.status.${lead.status}`)}</span>
    </div>
    ${lead.company ? html`<p class="company">${lead.company}</p>` : nothing}
    ${lead.status === 'converted' && counterparty ? html`<p class="customer">${term('leadCard.customer', counterparty.name)}</p>` : nothing}
  </header>`;
}

/** The list of a lead's details: contacts, tags, source, manager, loss, last and next interaction. */
export function renderLeadDetails(localize: CrmLocalizeController, data: LeadCardData, lists: CatalogueLists, now: number): TemplateResult {
  const term: Term = localize.term.bind(localize);
  const { lead } = data;
  const none = term('common.none');
  const list = <T>(items: readonly T[], item: (value: T) => unknown) =>
    items.length ? html`<ul class="inline">${items.map((value) => html`<li>${item(value)}</li>`)}</ul>` : none;
  const tags = lead.tags.map((id) => nameIn(lists.tags, id)).filter((name): name is string => !!name);
  return html`<dl part="details">
    ${row(term('field.phones'), list(lead.phones, (phone) => html`<a href="tel:${phone}">${formatPhone(phone)}</a>`))}
    ${row(term('field.emails'), list(lead.emails, (email) => html`<a href="mailto:${email}">${email}</a>`))}
    ${lead.messengers.length
      ? row(term('field.messengers'), list(lead.messengers, (m) => `${term(`messenger.${m.kind}`)}: ${m.handle}`))
      : nothing}
    ${row(term('field.tags'), list(tags, (name) => html`<span class="tag">${name}</span>`))}
    ${row(term('field.source'), nameIn(lists.sources, lead.sourceId) ?? none)}
    ${row(term('field.manager'), nameIn(lists.users, lead.managerId) ?? none)}
    ${lead.status === 'lost'
      ? row(term('field.lostReason'), [nameIn(lists.lostReasons, lead.lostReasonId) ?? none, lead.lostComment].filter(Boolean).join(' — '))
      : nothing}
    ${lead.comment ? row(term('field.comment'), lead.comment) : nothing}
    ${row(term('leadCard.lastInteraction'), interaction(localize, data.last, term('leadCard.noLastInteraction'), now, false))}
    ${row(term('leadCard.nextAction'), interaction(localize, data.next, term('leadCard.noNextAction'), now, true))}
  </dl>`;
}

/** Styles of `renderLeadDetails` and `renderLeadHeader`. */
export const leadDetailsStyles = css`
  header {
    display: grid;
    gap: var(--_crm-space-xs);
  }
  header p {
    margin: 0;
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_crm-space-s) var(--_crm-space-m);
  }
  .name {
    flex: 1 1 12rem;
    font-size: var(--_crm-font-size-l);
    font-weight: 600;
    min-inline-size: 0;
  }
  .company,
  .muted {
    color: var(--_crm-color-text-muted);
  }
  .customer {
    font-weight: 600;
    color: var(--_crm-color-success);
  }
  .status {
    --_status: var(--_crm-color-primary);
    padding: 0 var(--_crm-space-s);
    border: 1px solid var(--_status);
    border-radius: 999px;
    color: var(--_status);
    background: var(--_crm-color-surface-raised);
    font-size: var(--_crm-font-size-s);
    white-space: nowrap;
  }
  .status.in-progress {
    --_status: var(--_crm-color-warning);
  }
  .status.converted {
    --_status: var(--_crm-color-success);
  }
  .status.lost {
    --_status: var(--_crm-color-danger);
  }
  dl {
    display: grid;
    gap: var(--_crm-space-s);
    margin: 0;
  }
  .row {
    display: grid;
    gap: 0 var(--_crm-space-m);
  }
  @container (min-width: 32rem) {
    .row {
      grid-template-columns: var(--_label-width) 1fr;
    }
  }
  dt {
    color: var(--_crm-color-text-muted);
    font-size: var(--_crm-font-size-s);
  }
  dd {
    margin: 0;
    min-inline-size: 0;
  }
  ul.inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_crm-space-xs) var(--_crm-space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  a {
    color: var(--_crm-color-primary);
  }
  .tag {
    padding: 0 var(--_crm-space-s);
    border-radius: var(--_crm-radius);
    background: var(--_crm-color-surface-raised);
    border: 1px solid var(--_crm-color-border);
  }
  .interaction {
    display: grid;
  }
  .overdue {
    color: var(--_crm-color-danger);
    font-weight: 600;
  }
`;
