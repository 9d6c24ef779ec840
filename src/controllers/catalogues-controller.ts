import type { ReactiveControllerHost } from 'lit';
import type { CrmStore } from '../store/store.js';
import type { AcquisitionSource, Id, LostReason, Tag, User } from '../store/types.js';
import { LiveQueryController } from './live-query-controller.js';

/** The small reference lists elements show names from and offer in pickers. */
export interface CatalogueLists {
  users: User[];
  sources: AcquisitionSource[];
  tags: Tag[];
  lostReasons: LostReason[];
}

const empty: CatalogueLists = { users: [], sources: [], tags: [], lostReasons: [] };

function byId<T extends { id: Id }>(rows: readonly T[]): Map<Id, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Users, acquisition sources, tags and lost reasons of the host's store, live:
 * the names a card shows for the ids a record holds, and the choices a form
 * offers. Unbound elements can pass their own lists through `override`.
 *
 * @example
 * private catalogues = new CataloguesController(this, () => this.stores.store);
 * html`${this.catalogues.userName(deal.managerId)}`
 */
export class CataloguesController {
  private readonly live: LiveQueryController<CatalogueLists, []>;
  private lists: CatalogueLists = empty;
  private indexed: { users: Map<Id, User>; sources: Map<Id, AcquisitionSource>; tags: Map<Id, Tag>; lostReasons: Map<Id, LostReason> } = {
    users: new Map(),
    sources: new Map(),
    tags: new Map(),
    lostReasons: new Map(),
  };

  /** Lists given by the host (unbound use); they win over the store's. */
  override: Partial<CatalogueLists> | undefined;

  /**
   * @param store The store to read.
   * @param enabled Whether to read it: `false` while the host is given plain
   *   data (unbound), so the controller touches no store. Also `false` by
   *   itself once `override` holds every list.
   */
  constructor(host: ReactiveControllerHost, store: () => CrmStore, enabled: () => boolean = () => true) {
    this.live = new LiveQueryController(host, {
      store,
      enabled: () => enabled() && !this.overridesAll,
      query: async (s) => {
        const [users, sources, tags, lostReasons] = await Promise.all([
          s.users.list(),
          s.sources.list({ includeArchived: true }),
          s.tags.list(),
          s.lostReasons.list({ includeArchived: true }),
        ]);
        return { users, sources, tags, lostReasons };
      },
    });
  }

  private get overridesAll(): boolean {
    const given = this.override;
    return !!(given?.users && given.sources && given.tags && given.lostReasons);
  }

  /** The lists in effect: the host's override, else the store's (empty until loaded). */
  get current(): CatalogueLists {
    const value = { ...(this.live.value ?? empty), ...this.override };
    if (
      value.users !== this.lists.users ||
      value.sources !== this.lists.sources ||
      value.tags !== this.lists.tags ||
      value.lostReasons !== this.lists.lostReasons
    ) {
      this.lists = value;
      this.indexed = {
        users: byId(value.users),
        sources: byId(value.sources),
        tags: byId(value.tags),
        lostReasons: byId(value.lostReasons),
      };
    }
    return this.lists;
  }

  private index() {
    void this.current;
    return this.indexed;
  }

  /** Active users, for "manager" pickers. */
  get managers(): User[] {
    return this.current.users.filter((user) => user.active && (user.roles.includes('manager') || user.roles.includes('admin')));
  }

  /** Sources not archived, for pickers. */
  get activeSources(): AcquisitionSource[] {
    return this.current.sources.filter((source) => !source.archived);
  }

  /** Lost reasons not archived, for pickers. */
  get activeLostReasons(): LostReason[] {
    return this.current.lostReasons.filter((reason) => !reason.archived);
  }

  userName(id: Id | undefined): string | undefined {
    return id === undefined ? undefined : this.index().users.get(id)?.name;
  }

  sourceName(id: Id | undefined): string | undefined {
    return id === undefined ? undefined : this.index().sources.get(id)?.name;
  }

  tagName(id: Id): string | undefined {
    return this.index().tags.get(id)?.name;
  }

  lostReasonName(id: Id | undefined): string | undefined {
    return id === undefined ? undefined : this.index().lostReasons.get(id)?.name;
  }
}
