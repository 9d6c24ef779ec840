import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/interaction-log/interaction-log.js';
import type { CatalogueLists } from '../src/controllers/catalogues-controller.js';
import { CrmError, type CrmStore, type Interaction } from '../src/store/index.js';

interface Args {
  subjectType?: 'lead' | 'counterparty' | 'contact' | 'deal' | 'claim';
  subjectId?: string;
  mode?: '' | 'unprocessed';
  kind?: string;
  direction?: string;
  status?: string;
  hideReminders?: boolean;
  headingLevel?: number;
  lang?: string;
  theme?: 'light' | 'dark';
  interactions?: Interaction[];
  catalogues?: Partial<CatalogueLists>;
  /** Show the lead the story's seed made (its id is known only once seeded). */
  seededLead?: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
const catalogues: Partial<CatalogueLists> = {
  users: [{ id: 'u1', name: 'Олена Коваль', roles: ['manager'], active: 1, createdAt: now, updatedAt: now }],
};
const item = (id: string, patch: Partial<Interaction>): Interaction => ({
  id,
  kind: 'call',
  direction: 'outgoing',
  status: 'done',
  at: now - HOUR,
  subject: 'Обговорили доставку кухні',
  subjectType: 'lead',
  subjectId: 'lead-story',
  participants: [],
  processed: 1,
  authorId: 'u1',
  createdAt: now,
  updatedAt: now,
  ...patch,
});

/** The lead the seeded stories show (set by their seed, read by the render). */
let seededLeadId = '';

/** A lead with a short history: done, planned, overdue, a long e-mail; and a call from an unknown number. */
async function seedLeadHistory(store: CrmStore): Promise<void> {
  const lead = await store.leads.create({ name: 'Олена Гнатюк', phones: ['0671234567'] });
  seededLeadId = lead.id;
  const ref = { type: 'lead' as const, id: lead.id };
  const at = Date.now();
  await store.interactions.registerMany([
    { kind: 'call', direction: 'incoming', at: at - 3 * DAY, subject: 'Перший дзвінок: питала про кухню', subjectRef: ref },
    { kind: 'email', direction: 'outgoing', at: at - DAY, subject: 'Надіслали каталог і прайс', body: 'Добрий день, Олено! Надсилаємо каталог фасадів і прайс. '.repeat(10), subjectRef: ref },
    { kind: 'meeting', at: at - 2 * HOUR, subject: 'Замір у квартирі на Оболоні', body: 'Кухня 3,2 × 2,8 м, ніша під холодильник.', subjectRef: ref },
    { kind: 'call', direction: 'outgoing', status: 'planned', at: at - 2 * DAY, subject: 'Передзвонити щодо кольору фасадів', subjectRef: ref },
    { kind: 'messenger', direction: 'outgoing', status: 'planned', at: at + DAY, remindAt: at + DAY - HOUR, subject: 'Надіслати ескіз у Viber', subjectRef: ref },
  ]);
  await store.interactions.register({ kind: 'call', direction: 'incoming', at: at - 10 * 60_000, subject: 'Питали про ціну шафи-купе', from: '0677654321' });
}

const meta: Meta<Args> = {
  title: 'Elements/crm-interaction-log',
  component: 'crm-interaction-log',
  argTypes: {
    subjectType: { control: 'select', options: [undefined, 'lead', 'counterparty', 'contact', 'deal', 'claim'] },
    subjectId: { control: 'text', description: 'The subject’s id (with subjectType)' },
    mode: { control: 'inline-radio', options: ['', 'unprocessed'] },
    kind: { control: 'select', options: ['', 'call', 'meeting', 'sms', 'email', 'messenger', 'appointment', 'other'] },
    direction: { control: 'select', options: ['', 'incoming', 'outgoing', 'none'] },
    status: { control: 'select', options: ['', 'planned', 'done', 'cancelled'] },
    hideReminders: { control: 'boolean' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lang: { control: 'inline-radio', options: ['uk', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    interactions: { control: 'object', description: 'Unbound: the interactions to show (no store is touched)' },
    catalogues: { control: 'object', description: 'Unbound: users for authors’ names' },
    seededLead: { table: { disable: true } },
  },
  render: ({ subjectType, subjectId, mode, kind, direction, status, hideReminders, headingLevel, lang, theme, interactions, catalogues: lists, seededLead }) => html`
    <crm-interaction-log
      style="block-size: 44rem"
      subject-type=${subjectType ?? (seededLead ? 'lead' : nothing)}
      subject-id=${subjectId ?? (seededLead ? seededLeadId : nothing)}
      mode=${mode ?? nothing}
      kind=${kind ?? nothing}
      direction=${direction ?? nothing}
      status=${status ?? nothing}
      ?hide-reminders=${hideReminders}
      heading-level=${headingLevel ?? nothing}
      lang=${lang ?? nothing}
      theme=${theme ?? nothing}
      .interactions=${interactions}
      .catalogues=${lists}
    ></crm-interaction-log>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Every interaction of the sample business (thousands, virtualized), bound. */
export const Many: Story = { args: { hideReminders: true } };

/** One lead's timeline: done, planned, overdue, a long e-mail collapsed; a due reminder above. */
export const LeadTimeline: Story = { args: { seededLead: true }, parameters: { crm: { seed: seedLeadHistory } } };

/** The unprocessed queue (B2), with a call from an unknown number ("Create a lead"). */
export const UnprocessedQueue: Story = { args: { mode: 'unprocessed', hideReminders: true }, parameters: { crm: { seed: seedLeadHistory } } };

/** Unbound, nothing given: the empty state. */
export const Empty: Story = { args: { interactions: [], catalogues } };

/** Unbound, one interaction. */
export const One: Story = { args: { interactions: [item('one', {})], catalogues } };

/** A summary and a text far longer than an entry. */
export const VeryLongText: Story = {
  args: {
    catalogues,
    interactions: [
      item('long', {
        kind: 'email',
        direction: 'incoming',
        subject: 'Дуже довга тема листа про умови постачання меблів для мережі магазинів у Києві, Львові, Одесі та Дніпрі '.repeat(2),
        body: 'Просимо надіслати комерційну пропозицію з урахуванням знижки за обсяг і доставки до кожного магазину окремо.\n'.repeat(12),
      }),
      item('word', { subject: 'Ш'.repeat(180), kind: 'sms' }),
    ],
  },
};

/** The store has not answered yet. */
export const Loading: Story = {
  args: { hideReminders: true },
  parameters: { crm: { seed: async (store: CrmStore) => void (store.interactions.count = () => new Promise(() => {})) } },
};

/** The store's read failed. */
export const LoadFailed: Story = {
  args: { hideReminders: true },
  parameters: { crm: { seed: async (store: CrmStore) => void (store.interactions.count = () => Promise.reject(new CrmError('STORAGE', 'error.storage'))) } },
};

/** Filters that match nothing. */
export const NothingMatches: Story = { args: { seededLead: true, kind: 'appointment', direction: 'incoming', hideReminders: true }, parameters: { crm: { seed: seedLeadHistory } } };

export const English: Story = { args: { seededLead: true, lang: 'en' }, parameters: { crm: { seed: seedLeadHistory } } };

export const Dark: Story = { args: { seededLead: true, theme: 'dark' }, parameters: { crm: { seed: seedLeadHistory } } };

export const EnglishDark: Story = { args: { lang: 'en', theme: 'dark', mode: 'unprocessed', hideReminders: true }, parameters: { crm: { seed: seedLeadHistory } } };
