import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import { CrmInteractionChangeEvent } from '../../events/interaction-change.js';
import { CrmInteractionChangeRequestEvent, type InteractionAction } from '../../events/interaction-change-request.js';
import { CrmInteractionCreateEvent } from '../../events/interaction-create.js';
import { CrmInteractionCreateRequestEvent } from '../../events/interaction-create-request.js';
import { CrmLeadCreateEvent } from '../../events/lead-create.js';
import type { CrmStore } from '../../store/store.js';
import type { Interaction, Lead, SubjectRef } from '../../store/types.js';
import type { InteractionDraft } from './interaction-quick-form.js';

/**
 * What `crm-interaction-log` does when the user registers or changes an
 * interaction: the request events, (bound) the store operations, the change
 * events and what is announced. Loaded on demand, just after the first paint.
 *
 * @internal
 */
export interface LogActionsHost {
  element: HTMLElement;
  localize: CrmLocalizeController;
  store(): CrmStore;
  /** Given plain data: only the request events are fired. */
  unbound(): boolean;
  /** The party whose timeline the log shows, if any. */
  subject(): SubjectRef | undefined;
  announce(text: string): void;
}

/** Runs the user's action on an interaction through the store: the interaction as written and, for `create-lead`, the new lead. */
export async function applyInteractionAction(
  store: CrmStore,
  action: InteractionAction,
  item: Interaction,
  at?: number,
): Promise<{ interaction: Interaction; lead?: Lead }> {
  const { interactions, leads } = store;
  if (action === 'create-lead') return leads.fromInteraction(item.id);
  if (action === 'reschedule') return { interaction: await interactions.reschedule(item.id, { at: at! }) };
  return { interaction: action === 'complete' ? await interactions.complete(item.id) : await interactions.markProcessed(item.id) };
}

/** Registers the quick form's draft: the request, then (bound) the store and `crm-interaction-create`. */
export async function registerDraft(host: LogActionsHost, { from, ...draft }: InteractionDraft): Promise<boolean> {
  const subject = host.subject();
  const request = new CrmInteractionCreateRequestEvent({ ...draft, ...(subject ? { subjectRef: subject } : { from }) });
  host.element.dispatchEvent(request);
  if (request.defaultPrevented) return false;
  if (host.unbound()) return true;
  const written = await host.store().interactions.register(request.input);
  host.announce(host.localize.term('interactionLog.registered'));
  host.element.dispatchEvent(new CrmInteractionCreateEvent(written));
  return true;
}

/** The request, then (bound) the store operation and `crm-interaction-change`. Store errors are thrown. */
export async function changeInteraction(host: LogActionsHost, action: InteractionAction, item: Interaction, at?: number): Promise<boolean> {
  const request = new CrmInteractionChangeRequestEvent(action, item, at);
  host.element.dispatchEvent(request);
  if (request.defaultPrevented || host.unbound()) return false;
  const { localize } = host;
  const term = localize.term.bind(localize);
  const { interaction: written, lead } = await applyInteractionAction(host.store(), action, item, at);
  host.announce(
    lead
      ? term('interactionLog.leadCreated', lead.name)
      : action === 'reschedule'
        ? term('interactionLog.rescheduled', localize.formatDateTime(written.at))
        : term(action === 'complete' ? 'interactionLog.completed' : 'interactionLog.processed'),
  );
  if (lead) host.element.dispatchEvent(new CrmLeadCreateEvent(lead));
  host.element.dispatchEvent(new CrmInteractionChangeEvent(action, written));
  return true;
}
