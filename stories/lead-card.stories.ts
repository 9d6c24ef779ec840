import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { until } from 'lit/directives/until.js';
import '../src/components/lead-card/lead-card.js';
import type { CatalogueLists } from '../src/controllers/catalogues-controller.js';
import { getStore, type CrmStore, type Interaction, type Lead, type LeadStatus } from '../src/store/index.js';

interface Args {
  /** Bound: the id of a lead in the story's store; empty, a sample lead of `sample` status is picked. */
  leadId?: string;
  sample?: 'open' | LeadStatus;
  lead?: Lead;
  lastInteraction?: Interaction;
  nextAction?: Interaction;
  catalogues?: Partial<CatalogueLists>;
  loading?: boolean;
  headingLevel?: number;
  lang?: string;
  theme?: 'light' | 'dark';
}

/** A sample lead of the status asked for, with interactions where there are some. */
async function pickLead(database: string, sample: Args['sample'] = 'open'): Promise<string> {
  const store = getStore(database);
  const statuses: LeadStatus[] = sample === 'open' ? ['in-progress', 'new'] : [sample];
  const leads = await store.leads.list({ status: statuses, limit: 20 });
  for (const lead of leads) {
    const ref = lead.counterpartyId ? { type: 'counterparty' as const, id: lead.counterpartyId } : { type: 'lead' as const, id: lead.id };
    if ((await store.interactions.timeline(ref, { limit: 1 })).length) return lead.id;
  }
  return leads[0]?.id ?? 'no-lead-of-this-status';
}

/** Converts one sample lead with a deal, for the "converted" story. */
async function convertOne(store: CrmStore): Promise<void> {
  const [lead] = await store.leads.list({ status: 'in-progress', limit: 1 });
  const [pipeline] = await store.pipelines.list();
  if (lead && pipeline)
    await store.leads.convert(lead.id, { deal: { pipelineId: pipeline.id, title: lead.company ?? lead.name, amount: { minor: 4_800_000 } } });
}

const now = Date.now();
const at = { createdAt: now, updatedAt: now };
const catalogues: Partial<CatalogueLists> = {
  users: [{ id: 'u1', name: 'Олена Коваль', roles: ['manager'], active: 1, ...at }],
  sources: [{ id: 's1', name: 'Виставка «Інтер’єр»', plannedSpend: [], archived: 0, ...at }],
  tags: [
    { id: 't1', name: 'VIP', ...at },
    { id: 't2', name: 'Опт', ...at },
  ],
  lostReasons: [{ id: 'r1', name: 'Дорого', archived: 0, ...at }],
};
const plainLead: Lead = {
  id: 'lead-story',
  name: 'Олена Гнатюк',
  company: 'ТОВ «Тепла хата»',
  status: 'in-progress',
  phones: ['+380671234567', '+380442345678'],
  emails: ['olena@teplakhata.ua'],
  messengers: [{ kind: 'telegram', handle: '@olena_h' }],
  tags: ['t1', 't2'],
  sourceId: 's1',
  managerId: 'u1',
  searchTokens: [],
  ...at,
};
const interaction = (fields: Partial<Interaction>): Interaction => ({
  id: crypto.randomUUID(),
  kind: 'call',
  direction: 'outgoing',
  status: 'done',
  at: now,
  subject: '',
  subjectType: 'lead',
  subjectId: plainLead.id,
  participants: [],
  processed: 1,
  ...at,
  ...fields,
});

const meta: Meta<Args> = {
  title: 'Elements/crm-lead-card',
  component: 'crm-lead-card',
  argTypes: {
    leadId: { control: 'text', description: 'Bound: a lead id of the story’s store (empty: a sample lead is picked)' },
    sample: { control: 'inline-radio', options: ['open', 'new', 'in-progress', 'lost', 'converted'], description: 'Which sample lead to pick' },
    lead: { control: 'object', description: 'Unbound: the plain lead (wins over lead-id)' },
    lastInteraction: { control: 'object' },
    nextAction: { control: 'object' },
    catalogues: { control: 'object' },
    loading: { control: 'boolean' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lang: { control: 'inline-radio', options: ['uk', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { headingLevel: 2 },
  render: (args, { loaded }) => {
    const card = (leadId: string | undefined) => html`<crm-lead-card
      style="max-inline-size: 40rem"
      lead-id=${leadId ?? nothing}
      .lead=${args.lead}
      .lastInteraction=${args.lastInteraction}
      .nextAction=${args.nextAction}
      .catalogues=${args.catalogues}
      ?loading=${args.loading}
      heading-level=${args.headingLevel ?? 2}
      lang=${args.lang ?? nothing}
      theme=${args.theme ?? nothing}
    ></crm-lead-card>`;
    if (args.lead || args.loading || !args.sample) return card(args.leadId || undefined);
    const picked = args.leadId ? Promise.resolve(args.leadId) : pickLead(loaded.database as string, args.sample);
    return html`${until(picked.then(card), nothing)}`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Bound to a sample lead in work: live from the store, every action writes through it. */
export const Bound: Story = { args: { sample: 'open' } };

export const Lost: Story = { args: { sample: 'lost' } };

/** After conversion: the customer, and the history read from it. */
export const Converted: Story = { args: { sample: 'converted' }, parameters: { crm: { seed: convertOne } } };

/** Bound to an id that is not in the store. */
export const NotFound: Story = { args: { leadId: 'no-such-lead', sample: 'open' } };

/** Unbound, while the host is still fetching the lead. */
export const Loading: Story = { args: { loading: true } };

/** Neither `lead-id` nor `.lead`. */
export const Empty: Story = {};

/** Unbound: plain data, no store; actions only fire their request events. */
export const Unbound: Story = {
  args: {
    lead: plainLead,
    catalogues,
    lastInteraction: interaction({ subject: 'Питала про кухню на замовлення', direction: 'incoming', at: now - 3 * 86_400_000 }),
    nextAction: interaction({ kind: 'meeting', direction: 'none', status: 'planned', subject: 'Замір у квартирі', at: now + 3 * 86_400_000 }),
  },
};

export const VeryLongNames: Story = {
  args: {
    ...Unbound.args,
    lead: {
      ...plainLead,
      name: 'Олександра-Вікторія Костянтинопольська-Преображенська-Сильвестрівна-Довгоіменна',
      company: 'ТОВ «Найдовша назва компанії у Львівській області з виробництва меблів для кухні, вітальні та дитячої кімнати»',
      emails: ['oleksandra.viktoriia.kostiantynopolska@duzhe-dovhyi-domen-kompanii.com.ua'],
      messengers: [{ kind: 'telegram', handle: '@oleksandra_viktoriia_kostiantynopolska_preobrazhenska' }],
    },
  },
};

export const English: Story = { args: { sample: 'open', lang: 'en' } };

export const Dark: Story = { args: { sample: 'open', theme: 'dark' } };

export const EnglishDarkUnbound: Story = { args: { ...Unbound.args, lang: 'en', theme: 'dark' } };
