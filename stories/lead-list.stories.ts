import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/lead-list/lead-list.js';
import type { CatalogueLists } from '../src/controllers/catalogues-controller.js';
import { CrmError, type CrmStore, type Lead, type LeadSort, type LeadStatus } from '../src/store/index.js';

interface Args {
  leads?: Lead[];
  catalogues?: Partial<CatalogueLists>;
  status?: 'open' | 'all' | LeadStatus;
  source?: string;
  manager?: string;
  tag?: string;
  sort?: LeadSort;
  query?: string;
  headingLevel?: number;
  lang?: string;
  theme?: 'light' | 'dark';
}

const now = Date.now();
const at = { createdAt: now, updatedAt: now };
const catalogues: Partial<CatalogueLists> = {
  users: [{ id: 'u1', name: 'Олена Коваль', roles: ['manager'], active: 1, ...at }],
  sources: [{ id: 's1', name: 'Instagram', plannedSpend: [], archived: 0, ...at }],
  tags: [{ id: 't1', name: 'VIP', ...at }],
  lostReasons: [],
};
const oneLead: Lead = {
  id: 'lead-story',
  name: 'Олена Гнатюк',
  company: 'ТОВ «Тепла хата»',
  status: 'in-progress',
  phones: ['+380671234567'],
  emails: ['olena@teplakhata.ua'],
  messengers: [],
  tags: ['t1'],
  sourceId: 's1',
  managerId: 'u1',
  searchTokens: ['олена', 'гнатюк', 'тепла', 'хата', '380671234567', '0671234567', '671234567'],
  ...at,
};

const meta: Meta<Args> = {
  title: 'Elements/crm-lead-list',
  component: 'crm-lead-list',
  argTypes: {
    status: { control: 'select', options: ['open', 'all', 'new', 'in-progress', 'converted', 'lost'] },
    sort: { control: 'select', options: ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt', 'name', '-name'] },
    source: { control: 'text', description: 'Source id filter' },
    manager: { control: 'text', description: 'Manager (user id) filter' },
    tag: { control: 'text', description: 'Tag id filter' },
    query: { control: 'text', description: 'Search text' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lang: { control: 'inline-radio', options: ['uk', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    leads: { control: 'object', description: 'Unbound: the leads to show (no store is touched)' },
    catalogues: { control: 'object', description: 'Unbound: users, sources and tags' },
  },
  args: { status: 'open', sort: '-createdAt' },
  render: ({ leads, catalogues: lists, status, source, manager, tag, sort, query, headingLevel, lang, theme }) => html`
    <crm-lead-list
      style="block-size: 36rem"
      .leads=${leads}
      .catalogues=${lists}
      status=${status ?? nothing}
      source=${source ?? nothing}
      manager=${manager ?? nothing}
      tag=${tag ?? nothing}
      sort=${sort ?? nothing}
      query=${query ?? nothing}
      heading-level=${headingLevel ?? nothing}
      lang=${lang ?? nothing}
      theme=${theme ?? nothing}
    ></crm-lead-list>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The sample business's leads, from the story's store (bound). */
export const Many: Story = {};

/** Every status, ordered by name. */
export const AllByName: Story = { args: { status: 'all', sort: 'name' } };

/** Unbound, with no leads: the empty state. */
export const Empty: Story = { args: { leads: [], catalogues } };

/** Unbound, one lead. */
export const One: Story = { args: { leads: [oneLead], catalogues } };

/** A search that finds nothing. */
export const NothingMatches: Story = { args: { query: 'Жодного такого' } };

/** The store has not answered yet. */
export const Loading: Story = {
  parameters: {
    crm: {
      seed: async (store: CrmStore) => {
        store.leads.count = () => new Promise(() => {});
      },
    },
  },
};

/** The store's read failed. */
export const LoadFailed: Story = {
  parameters: {
    crm: {
      seed: async (store: CrmStore) => {
        store.leads.count = () => Promise.reject(new CrmError('STORAGE', 'error.storage'));
      },
    },
  },
};

/** Names and companies far longer than a row. */
export const VeryLongNames: Story = {
  parameters: {
    crm: {
      seed: async (store: CrmStore) => {
        await store.leads.create({
          name: 'Олександра-Вікторія Костянтинопольська-Закревська-Червоноградська-Дніпропетровська',
          company: 'Товариство з обмеженою відповідальністю «Дуже довга назва виробничо-комерційної компанії»',
          phones: ['0671112233'],
        });
        await store.leads.create({ name: 'Б'.repeat(120), phones: ['+48601234567'] });
      },
    },
  },
};

export const English: Story = { args: { lang: 'en' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const EnglishDark: Story = { args: { lang: 'en', theme: 'dark' } };
