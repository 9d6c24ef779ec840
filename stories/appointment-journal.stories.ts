import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/appointment-journal/appointment-journal.js';
import type { JournalData } from '../src/components/appointment-journal/appointment-journal.js';
import type { CrmStore } from '../src/store/index.js';
import { localInstant } from '../src/store/slots.js';
import type { DayPlan } from '../src/store/slots.js';
import type { Appointment, AppointmentStatus } from '../src/store/types.js';

interface Args {
  date?: string;
  view?: 'day' | 'week';
  specialists?: string;
  service?: string;
  slotMinutes?: number;
  data?: JournalData | null;
  headingLevel?: number;
  lang?: string;
  theme?: 'light' | 'dark';
}

/** A Tuesday outside the sample data's ±4 weeks, for the unbound and "full day" stories. */
const DAY = '2031-03-04';
const at = (time: string) => localInstant(DAY, time);
const stamp = { createdAt: 0, updatedAt: 0 };

function plan(specialistId: string, options: { off?: string; hours?: [string, string] } = {}): DayPlan {
  if (options.off !== undefined) {
    return { specialistId, date: DAY, working: [], breaks: [], dayOff: { id: `off-${specialistId}`, specialistId, date: DAY, reason: options.off, ...stamp } };
  }
  const [from, to] = options.hours ?? ['09:00', '18:00'];
  return {
    specialistId,
    date: DAY,
    hours: { start: at(from), end: at(to) },
    working: [{ start: at(from), end: at('13:00') }, { start: at('14:00'), end: at(to) }],
    breaks: [{ breakId: `break-${specialistId}`, start: at('13:00'), end: at('14:00') }],
  };
}

function visit(id: string, specialistId: string, from: string, to: string, client: string, status: AppointmentStatus = 'booked'): Appointment {
  return { id, specialistId, serviceId: 'consult', start: at(from), end: at(to), status, clientType: 'counterparty', clientId: client, ...stamp };
}

const longName = 'Олександра-Анастасія Вишневецька-Бондаренко';
const longClient = 'Товариство з обмеженою відповідальністю «Будівельно-меблева компанія Поділля-Трейд Інвест»';

function data(options: { long?: boolean; off?: boolean } = {}): JournalData {
  return {
    specialists: [
      { id: 's1', name: options.long ? longName : 'Олена Коваль' },
      { id: 's2', name: 'Тарас Бондаренко' },
      { id: 's3', name: 'Марія Олійник' },
    ],
    plans: [plan('s1'), options.off ? plan('s2', { off: 'Відпустка' }) : plan('s2'), plan('s3', { hours: ['10:00', '16:00'] })],
    appointments: [
      visit('a1', 's1', '09:00', '10:00', 'c1', 'done'),
      visit('a2', 's1', '10:00', '11:30', 'c2'),
      visit('a3', 's1', '11:30', '12:15', 'c3', 'no-show'),
      visit('a4', 's3', '10:30', '11:00', 'c1'),
      visit('a5', 's3', '14:00', '15:00', 'c2'),
    ],
    clientNames: { c1: 'Ткаченко Марія', c2: options.long ? longClient : 'ТОВ «Будсервіс Поділля»', c3: 'ФОП Оксана Мороз' },
    services: [{ id: 'consult', name: options.long ? 'Консультація дизайнера з виїздом на об’єкт і заміром приміщення' : 'Консультація', durationMinutes: 60, specialistIds: [] }],
  };
}

/** Books every specialist of the sample business back to back on `DAY`, around the break. */
async function fillDay(store: CrmStore): Promise<void> {
  const [service] = await store.services.list();
  const [client] = await store.counterparties.list({ limit: 1 });
  for (const specialist of await store.schedule.specialists()) {
    const plan = await store.schedule.dayPlan(specialist.id, DAY);
    for (const { start, end } of plan.working) {
      for (let t = start; t + service!.durationMinutes * 60_000 <= end; t += service!.durationMinutes * 60_000) {
        await store.appointments.book({ specialistId: specialist.id, serviceId: service!.id, start: t, client: { type: 'counterparty', id: client!.id } });
      }
    }
  }
}

const meta: Meta<Args> = {
  title: 'Elements/crm-appointment-journal',
  component: 'crm-appointment-journal',
  argTypes: {
    date: { control: 'text', description: 'The day shown, YYYY-MM-DD (unset: today)' },
    view: { control: 'inline-radio', options: ['day', 'week'] },
    specialists: { control: 'text', description: 'Only these specialists (comma-separated ids)' },
    service: { control: 'text', description: 'Only specialists providing this service (id)' },
    slotMinutes: { control: { type: 'number', min: 5, max: 60, step: 5 }, description: 'Minutes per row' },
    data: { control: 'object', description: 'Unbound: specialists, plans, appointments (null: loading); no store is touched' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lang: { control: 'inline-radio', options: ['uk', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: ({ date, view, specialists, service, slotMinutes, data: given, headingLevel, lang, theme }) => html`
    <crm-appointment-journal
      date=${date || nothing}
      view=${view ?? nothing}
      specialists=${specialists || nothing}
      service=${service || nothing}
      slot-minutes=${slotMinutes ?? nothing}
      heading-level=${headingLevel ?? nothing}
      lang=${lang ?? nothing}
      theme=${theme ?? nothing}
      .data=${given}
    ></crm-appointment-journal>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Bound to the sample business, today: the "now" line, loads, breaks. */
export const Today: Story = {};

/** Bound, the week holding today: appointments and load per specialist and day. */
export const Week: Story = { args: { view: 'week' } };

/** Bound, a day outside the sample data: every slot free. */
export const EmptyDay: Story = { args: { date: DAY } };

/** Bound, every specialist booked back to back. */
export const FullDay: Story = { args: { date: DAY }, parameters: { crm: { seed: fillDay } } };

/** Unbound: done (muted), booked and no-show (struck) appointments; a shorter day for one specialist. */
export const Statuses: Story = { args: { date: DAY, data: data() } };

/** Unbound, one specialist off for the day: the column is shaded and labelled. */
export const DayOff: Story = { args: { date: DAY, data: data({ off: true }) } };

/**
 * Unbound: an appointment picked up by keyboard and dropped onto another — the double booking is refused
 * with the store's reason and the day stays as it was.
 */
export const ConflictRefused: Story = {
  args: { date: DAY, data: data() },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('crm-appointment-journal')!;
    await el.updateComplete;
    const block = el.shadowRoot!.querySelector<HTMLElement>('[data-appointment="a2"]')!;
    block.focus();
    for (const key of [' ', 'ArrowRight', 'ArrowRight', 'Enter']) block.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  },
};

export const VeryLongNames: Story = { args: { date: DAY, data: data({ long: true }) } };

/** Unbound with `data` set to `null`: the page's data has not arrived yet. */
export const Loading: Story = { args: { data: null } };

/** Bound to a date that does not exist: the store refuses the read. */
export const FailedRead: Story = { args: { date: '2031-02-30' } };

export const English: Story = { args: { lang: 'en' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const EnglishDarkWeek: Story = { args: { lang: 'en', theme: 'dark', view: 'week' } };
